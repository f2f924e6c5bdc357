//! An order's life over HTTP with the offline gateway: a customer pays,
//! staff ship it (tracking mail), the customer asks for a return, staff
//! refund; a declined payment mails the shopper; guests find orders by
//! email and number; customers cancel before shipping (stock back, refund).

use crate::support::browser::Browser;
use crate::support::shop::{order, SKU};
use crate::support::{mail, TestApp};
use domain::entities::user;
use model::commerce::{OrderHistory, OrderView};
use model::returns::{ReturnStatus, ReturnView};
use model::OrderStatus;
use model::Permission;
use sea_orm::{ColumnTrait, EntityTrait, QueryFilter, QueryOrder};
use testkit::for_each_backend;
use testkit::TestDatabase;

use crate::support::PASSWORD;
for_each_backend!(
    an_order_from_payment_to_refund,
    |db: TestDatabase| async move {
        let env = [
            ("MERCATO_PUBLIC_URL", "http://shop.test"),
            ("MERCATO_AUTH_RATE_LIMIT", "1000/1"),
            ("MERCATO_OUTBOX_POLL_MS", "100"),
        ];
        let app = TestApp::spawn_env(db, true, &env).await;
        let maildir = app.db.dir.path().join("mail");
        let conn = app.connection().await;
        let mut customer = Browser::new(&app);
        customer.register("cam@example.com", PASSWORD).await;
        assert_eq!(
            customer.login("cam@example.com", PASSWORD).await.status,
            200
        );
        let mut staff = app.staff("ops@example.com", &[Permission::Orders]).await;

        let (number, public_id) =
            order(&mut customer, "ignored-for-customers@example.com", true).await;
        let confirmation = mail::wait_for(&maildir, "cam@example.com", "is confirmed").await;
        assert!(confirmation.subject.contains(&number));
        assert!(
            confirmation.text.contains(SKU) && confirmation.text.contains("Total:"),
            "{}",
            confirmation.text
        );
        let mine: OrderHistory = customer.post("/api/orders/mine", &[]).await.view();
        assert_eq!((mine.page, mine.pages), (1, 1));
        let mine = mine.orders;
        assert_eq!(mine[0].number, number);
        assert_eq!(mine[0].item_count, 1);
        assert_eq!(mine[0].status, OrderStatus::Paid);

        // The confirmation page needs only the unguessable id; the invoice page renders.
        let by_id = Browser::new(&app)
            .post("/api/orders/by-id", &[("public_id", &public_id)])
            .await;
        assert_eq!(by_id.view::<OrderView>().status, OrderStatus::Paid);
        let invoice = Browser::new(&app)
            .get(&format!("/orders/{public_id}/invoice"))
            .await;
        assert_eq!(invoice.status, 200);
        assert!(invoice.body.contains(&number));
        // The same invoice on both databases; the number and date vary by run.
        let text =
            crate::support::visible_text(&invoice.body, r#"data-testid="invoice""#, "article")
                .replace(&number, "[number]")
                .lines()
                .map(|l| {
                    if l.starts_with("Date ") {
                        "Date [date]"
                    } else {
                        l
                    }
                })
                .collect::<Vec<_>>()
                .join("\n");
        insta::assert_snapshot!("invoice", text);

        // A customer can't ship; staff can, and the customer is told with the tracking number.
        assert_eq!(
            customer
                .post(
                    "/api/staff/orders/ship",
                    &[
                        ("number", &number),
                        ("carrier", "ups"),
                        ("tracking_number", "1Z999")
                    ]
                )
                .await
                .status,
            403
        );
        let shipped = staff
            .post(
                "/api/staff/orders/ship",
                &[
                    ("number", &number),
                    ("carrier", "fedex"),
                    ("tracking_number", "1Z999AA10123456784"),
                ],
            )
            .await;
        assert_eq!(shipped.status, 200, "{}", shipped.body);
        let m = mail::wait_for(&maildir, "cam@example.com", "is on its way").await;
        assert!(m.text.contains("1Z999AA10123456784"));
        assert!(
            m.text
                .contains("https://www.fedex.com/fedextrack/?trknbr=1Z999AA10123456784"),
            "{}",
            m.text
        );
        // Shipped orders can't be cancelled; they can be returned.
        assert_eq!(
            customer
                .post("/api/orders/cancel", &[("number", &number)])
                .await
                .status,
            409
        );
        // The customer sends the unit back; staff approve, receive and refund it.
        let placed: OrderView = customer
            .post("/api/orders/detail", &[("number", &number)])
            .await
            .view();
        let sku = placed.lines[0].sku.clone();
        let ret = customer
            .post(
                "/api/orders/return",
                &[
                    ("number", number.as_str()),
                    ("reason", "does_not_fit"),
                    ("note", "Too small"),
                    ("lines[0][sku]", sku.as_str()),
                    ("lines[0][quantity]", "1"),
                ],
            )
            .await;
        assert_eq!(ret.status, 200, "{}", ret.body);
        let ret: ReturnView = ret.view();
        assert_eq!(ret.status, ReturnStatus::Requested);
        let rn = ret.number.as_str();
        // A refund to nowhere is refused and changes nothing; then it goes
        // to the customer's store credit.
        for (path, form, status) in [
            (
                "/api/staff/returns/approve",
                vec![("number", rn), ("instructions", "Label enclosed.")],
                200,
            ),
            (
                "/api/staff/returns/receive",
                vec![
                    ("number", rn),
                    ("lines[0][sku]", sku.as_str()),
                    ("lines[0][received]", "1"),
                    ("lines[0][restock]", "on"),
                ],
                200,
            ),
            (
                "/api/staff/returns/refund",
                vec![("number", rn), ("to", "the moon")],
                422,
            ),
            (
                "/api/staff/returns/refund",
                vec![("number", rn), ("to", "store_credit")],
                200,
            ),
        ] {
            let reply = staff.post(path, &form).await;
            assert_eq!(reply.status, status, "{path}: {}", reply.body);
        }
        mail::wait_for(&maildir, "cam@example.com", "is approved").await;
        let ret: OrderView = customer
            .post("/api/orders/detail", &[("number", &number)])
            .await
            .view();
        assert_eq!(ret.status, OrderStatus::PartiallyRefunded);
        assert!(ret.refunded.minor > 0);
        assert!(ret
            .timeline
            .iter()
            .any(|t| t.note.starts_with(&format!("Return {rn} refunded"))
                && t.note.ends_with("as store credit")));
        let credit: Option<model::Money> =
            customer.post("/api/account/store-credit", &[]).await.view();
        assert_eq!(credit, Some(ret.refunded), "the return became store credit");
        // Refunds: more than was paid is refused; the rest goes through and is mailed.
        let too_much = staff
            .post(
                "/api/staff/orders/refund",
                &[("number", &number), ("amount", "100000")],
            )
            .await;
        assert_eq!(too_much.status, 422);
        let total = model::Money::new(ret.total.minor - ret.refunded.minor, ret.total.currency)
            .decimal_string();
        let refunded = staff
            .post(
                "/api/staff/orders/refund",
                &[("number", &number), ("amount", &total)],
            )
            .await;
        assert_eq!(refunded.status, 200, "{}", refunded.body);
        assert_eq!(refunded.view::<OrderView>().status, OrderStatus::Refunded);
        mail::wait_for(&maildir, "cam@example.com", "A refund for your").await;

        // Every staff action is in the audit log, with who and before/after.
        let ops = user::Entity::find()
            .filter(user::Column::Email.eq("ops@example.com"))
            .one(&conn)
            .await
            .expect("q")
            .expect("ops");
        let audit = domain::entities::audit_entry::Entity::find()
            .filter(domain::entities::audit_entry::Column::EntityRef.eq(number.as_str()))
            .order_by_asc(domain::entities::audit_entry::Column::Id)
            .all(&conn)
            .await
            .expect("audit");
        let actions: Vec<&str> = audit.iter().map(|a| a.action.as_str()).collect();
        assert_eq!(actions, ["order.ship", "order.refund", "order.refund"]);
        assert!(audit.iter().all(|a| a.actor_id == Some(ops.id)));
        let ship_after: serde_json::Value =
            serde_json::from_str(audit[0].after.as_deref().unwrap_or("{}")).expect("json");
        assert_eq!(ship_after["tracking_number"], "1Z999AA10123456784");
        let ship_before: serde_json::Value =
            serde_json::from_str(audit[0].before.as_deref().unwrap_or("{}")).expect("json");
        assert_eq!(ship_before["status"], "paid");
        assert!(audit[2]
            .after
            .as_deref()
            .unwrap_or("")
            .contains("amount_minor"));

        // Guests: a declined payment is mailed; lookup needs the right email.
        let mut guest = Browser::new(&app);
        let (declined, _) = order(&mut guest, "gia@example.com", false).await;
        mail::wait_for(&maildir, "gia@example.com", "didn't go through").await;
        let wrong = guest
            .post(
                "/api/orders/lookup",
                &[("email", "someone@example.com"), ("number", &declined)],
            )
            .await;
        assert_eq!(wrong.status, 422);
        let found = guest
            .post(
                "/api/orders/lookup",
                &[
                    ("email", "GIA@example.com"),
                    ("number", &declined.to_lowercase()),
                ],
            )
            .await;
        assert_eq!(found.status, 200, "{}", found.body);
        assert_eq!(found.view::<OrderView>().status, OrderStatus::Cancelled);

        // Cancelling a paid order before it ships: cancelled, refunded, mailed.
        let (second, _) = order(&mut customer, "", true).await;
        let cancelled = customer
            .post("/api/orders/cancel", &[("number", &second)])
            .await;
        assert_eq!(cancelled.status, 200, "{}", cancelled.body);
        let cancelled: OrderView = cancelled.view();
        assert_eq!(cancelled.status, OrderStatus::Cancelled);
        assert_eq!(cancelled.refunded, cancelled.total, "all of it back");
        mail::wait_for(&maildir, "cam@example.com", "has been cancelled").await;
        // Someone else's order is not found.
        assert_eq!(
            guest
                .post("/api/orders/detail", &[("number", &second)])
                .await
                .status,
            401
        );
        let mut other = Browser::new(&app);
        other.register("oli@example.com", PASSWORD).await;
        other.login("oli@example.com", PASSWORD).await;
        assert_eq!(
            other
                .post("/api/orders/detail", &[("number", &second)])
                .await
                .status,
            404
        );
    }
);
