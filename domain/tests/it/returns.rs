//! Returns per line: a customer sends back some units of what shipped,
//! staff approve, receive (back on the shelf or not) and refund exactly
//! the share computed by hand; a return never refunds more than was paid,
//! never more units than shipped (also when asked at once), and declined
//! units can be asked for again. On SQLite and PostgreSQL.
use domain::accounts::{Actor, Permission, Role};
use domain::cart::CartOwner;
use domain::entities::{order, outbox_message, refund};
use domain::gift_cards::GiftCards;
use domain::orders::returns::{ReceivedLine, ReturnLineInput, ReturnRequestInput, ReturnStatus};
use domain::Error;
use model::commerce::{NewShipment, ShipLine};
use model::gift_cards::RefundTo;
use sea_orm::{ColumnTrait, EntityTrait, QueryFilter};
use testkit::for_each_backend;
use testkit::TestDatabase;

use crate::support::*;

const LARGE: &str = "TEE-RED-L";

fn staff() -> Actor {
    Actor::user(900, Role::Staff, vec![Permission::Orders], false)
}

fn customer_actor(id: i32) -> Actor {
    Actor::user(id, Role::Customer, Vec::new(), false)
}

/// A customer's paid order of two M tees and one L tee, all shipped; the
/// customer and the order number.
async fn delivered(s: &Shop, email: &str) -> (Actor, String) {
    stock(s, SKU, 10, 0).await;
    stock(s, LARGE, 10, 0).await;
    let id = customer(s, email).await;
    let owner = CartOwner::User(id);
    s.commerce.carts().add(&owner, SKU, 2).await.expect("add");
    s.commerce.carts().add(&owner, LARGE, 1).await.expect("add");
    let number = place_and_pay(s, &owner, email).await;
    let parcel = NewShipment {
        carrier: "ups".into(),
        tracking_number: "1Z999".into(),
        lines: vec![
            ShipLine {
                sku: SKU.into(),
                quantity: 2,
            },
            ShipLine {
                sku: LARGE.into(),
                quantity: 1,
            },
        ],
    };
    s.orders
        .ship(&staff(), &number, &parcel)
        .await
        .expect("ship");
    (customer_actor(id), number)
}

fn ask(lines: &[(&str, i64)], reason: &str) -> ReturnRequestInput {
    ReturnRequestInput {
        lines: lines
            .iter()
            .map(|(sku, quantity)| ReturnLineInput {
                sku: (*sku).into(),
                quantity: *quantity,
            })
            .collect(),
        reason: reason.into(),
        note: "Too small".into(),
    }
}

fn got(sku: &str, received: i64, restock: bool) -> ReceivedLine {
    ReceivedLine {
        sku: sku.into(),
        received,
        restock,
    }
}

async fn the_order(s: &Shop, number: &str) -> order::Model {
    order::Entity::find()
        .filter(order::Column::Number.eq(number))
        .one(&s.db)
        .await
        .expect("q")
        .expect("order")
}

/// `amount × numerator / denominator`, half away from zero, by hand.
fn share(amount: i64, numerator: i64, denominator: i64) -> i64 {
    let p = amount as i128 * numerator as i128;
    let d = denominator as i128;
    ((p.abs() + d / 2) / d) as i64 * p.signum() as i64
}

for_each_backend!(
    one_of_two_items_back_refunds_its_share,
    |db: TestDatabase| async move {
        let s = shop(&db).await;
        let (ann, number) = delivered(&s, "ann@example.com").await;
        let o = the_order(&s, &number).await;
        let r = s
            .orders
            .start_return(&ann, &number, &ask(&[(SKU, 1)], "does_not_fit"))
            .await
            .expect("request");
        assert_eq!(r.number, format!("{number}-R1"));
        assert_eq!(r.status, ReturnStatus::Requested);
        let analyst = Actor::user(1, Role::Admin, Vec::new(), false);
        let d = domain::analytics::dashboard_until_now(&s.db, &analyst, domain::Currency::Usd, 7)
            .await
            .expect("dashboard");
        let t = &d.returns;
        assert_eq!((t.returns, t.units_returned, t.units_sold), (1, 1, 3));
        assert_eq!(d.view().returns.rate, "33.33%");
        let staff = staff();
        s.orders
            .approve_return(&staff, &r.number, "Use the prepaid label in the box.")
            .await
            .expect("approve");
        let (shelf_before, _) = shelf(&s, SKU).await;
        s.orders
            .receive_return(&staff, &r.number, &[got(SKU, 1, true)])
            .await
            .expect("receive");
        assert_eq!(
            shelf(&s, SKU).await.0,
            shelf_before + 1,
            "back on the shelf"
        );
        let done = s
            .orders
            .refund_return(&staff, &r.number, false, RefundTo::Original)
            .await
            .expect("refund");

        // By hand: one tee of the order's subtotal takes its share of the
        // discount, then of the tax on what was taxed.
        let goods = 2500;
        let discount = share(o.discount_minor, goods, o.subtotal_minor);
        let net = goods - discount;
        let taxable = o.subtotal_minor - o.discount_minor + o.shipping_minor;
        let tax = share(o.tax_minor, net, taxable);
        let expected = if o.prices_include_tax { net } else { net + tax };
        assert_eq!(done.status, ReturnStatus::Refunded);
        assert_eq!(done.refunded.map(|m| m.minor), Some(expected));
        let after = the_order(&s, &number).await;
        assert_eq!(after.refunded_minor, expected);
        assert_eq!(after.status, "partially_refunded");
        // Refunding twice is refused: the return has moved on.
        assert!(matches!(
            s.orders
                .refund_return(&staff, &r.number, true, RefundTo::Original)
                .await,
            Err(Error::Conflict(_))
        ));
        let approved_mail = outbox_message::Entity::find()
            .filter(outbox_message::Column::Kind.eq("mail"))
            .all(&s.db)
            .await
            .unwrap()
            .into_iter()
            .any(|m| m.payload.contains(&r.number) && m.payload.contains("prepaid label"));
        assert!(approved_mail, "the customer is told how to send it back");
    }
);

for_each_backend!(
    everything_back_in_parts_refunds_exactly_the_total,
    |db: TestDatabase| async move {
        let s = shop(&db).await;
        let (ann, number) = delivered(&s, "ann@example.com").await;
        let staff = staff();
        let mut refunded = 0;
        for (i, (sku, q, shipping)) in [(SKU, 1, false), (SKU, 1, false), (LARGE, 1, true)]
            .into_iter()
            .enumerate()
        {
            let r = s
                .orders
                .start_return(&ann, &number, &ask(&[(sku, q)], "changed_mind"))
                .await
                .expect("request");
            assert_eq!(r.number, format!("{number}-R{}", i + 1));
            s.orders
                .receive_return(&staff, &r.number, &[got(sku, q, false)])
                .await
                .expect("receive");
            let done = s
                .orders
                .refund_return(&staff, &r.number, shipping, RefundTo::Original)
                .await
                .expect("refund");
            refunded += done.refunded.expect("refunded").minor;
        }
        let o = the_order(&s, &number).await;
        assert_eq!(refunded, o.total_minor, "the parts add up to the total");
        assert_eq!(o.refunded_minor, o.total_minor);
        assert_eq!(o.status, "refunded");
        // Nothing is left to send back.
        assert!(s
            .orders
            .start_return(&ann, &number, &ask(&[(SKU, 1)], "other"))
            .await
            .is_err());
    }
);

for_each_backend!(
    a_return_never_refunds_more_than_is_left,
    |db: TestDatabase| async move {
        let s = shop(&db).await;
        let (ann, number) = delivered(&s, "ann@example.com").await;
        let staff = staff();
        let o = the_order(&s, &number).await;
        // Staff already gave back all but one cent by hand.
        s.orders
            .refund(&staff, &number, o.total_minor - 1)
            .await
            .expect("refund");
        let r = s
            .orders
            .start_return(&ann, &number, &ask(&[(SKU, 2)], "damaged"))
            .await
            .expect("request");
        s.orders
            .receive_return(&staff, &r.number, &[got(SKU, 2, false)])
            .await
            .expect("receive");
        let done = s
            .orders
            .refund_return(&staff, &r.number, true, RefundTo::Original)
            .await
            .expect("refund");
        assert_eq!(done.refunded.map(|m| m.minor), Some(1));
        assert_eq!(the_order(&s, &number).await.refunded_minor, o.total_minor);
    }
);

for_each_backend!(
    a_return_refunded_as_store_credit_goes_to_the_customer,
    |db: TestDatabase| async move {
        let s = shop(&db).await;
        let (ann, number) = delivered(&s, "ann@example.com").await;
        let r = s
            .orders
            .start_return(&ann, &number, &ask(&[(LARGE, 1)], "does_not_fit"))
            .await
            .expect("request");
        let staff = staff();
        s.orders
            .approve_return(&staff, &r.number, "Use the prepaid label.")
            .await
            .expect("approve");
        s.orders
            .receive_return(&staff, &r.number, &[got(LARGE, 1, true)])
            .await
            .expect("receive");
        let cards = GiftCards::new(s.db.clone());
        let user = ann.require_user().expect("customer");
        assert_eq!(cards.store_credit(user).await.expect("credit"), None);
        let done = s
            .orders
            .refund_return(&staff, &r.number, false, RefundTo::StoreCredit)
            .await
            .expect("refund");
        let back = done.refunded.map(|m| m.minor).expect("refunded");
        assert!(back > 0);
        assert_eq!(
            cards
                .store_credit(user)
                .await
                .expect("credit")
                .map(|m| m.minor),
            Some(back),
            "the whole refund is the customer's credit"
        );
        let o = the_order(&s, &number).await;
        assert_eq!(o.refunded_minor, back);
        let methods: Vec<(String, i64)> = refund::Entity::find()
            .filter(refund::Column::OrderId.eq(o.id))
            .all(&s.db)
            .await
            .expect("refunds")
            .into_iter()
            .map(|r| (r.method, r.amount_minor))
            .collect();
        assert_eq!(methods, vec![("store_credit".to_owned(), back)]);
    }
);

for_each_backend!(
    units_asked_at_once_never_pass_what_shipped,
    |db: TestDatabase| async move {
        let s = shop(&db).await;
        let (ann, number) = delivered(&s, "ann@example.com").await;
        let one = ask(&[(SKU, 1)], "damaged");
        let (a, b, c, d) = tokio::join!(
            s.orders.start_return(&ann, &number, &one),
            s.orders.start_return(&ann, &number, &one),
            s.orders.start_return(&ann, &number, &one),
            s.orders.start_return(&ann, &number, &one),
        );
        let ok: Vec<_> = [a, b, c, d].into_iter().filter_map(|r| r.ok()).collect();
        assert_eq!(ok.len(), 2, "two M tees shipped");
        let mut numbers: Vec<_> = ok.iter().map(|r| r.number.clone()).collect();
        numbers.sort();
        numbers.dedup();
        assert_eq!(numbers.len(), 2, "each return its own number");

        // A declined return's units can be asked for again; a received one's cannot.
        let staff = staff();
        s.orders
            .reject_return(&staff, &ok[0].number, "Worn, with the tags removed.")
            .await
            .expect("reject");
        assert!(matches!(
            s.orders.reject_return(&staff, &ok[0].number, "again").await,
            Err(Error::Conflict(_))
        ));
        let again = s
            .orders
            .start_return(&ann, &number, &one)
            .await
            .expect("asked again");
        s.orders
            .receive_return(&staff, &again.number, &[got(SKU, 1, true)])
            .await
            .expect("receive");
        assert!(s.orders.start_return(&ann, &number, &one).await.is_err());
    }
);

for_each_backend!(
    bad_requests_are_refused_and_change_nothing,
    |db: TestDatabase| async move {
        let s = shop(&db).await;
        let (ann, number) = delivered(&s, "ann@example.com").await;
        for (input, field) in [
            (ask(&[(SKU, 3)], "damaged"), "lines"),
            (ask(&[("NOPE", 1)], "damaged"), "lines"),
            (ask(&[], "damaged"), "lines"),
            (ask(&[(SKU, 1)], "because"), "reason"),
            (
                ReturnRequestInput {
                    note: "x".repeat(1001),
                    ..ask(&[(SKU, 1)], "damaged")
                },
                "note",
            ),
        ] {
            match s.orders.start_return(&ann, &number, &input).await {
                Err(Error::Validation { field: f, .. }) => assert_eq!(f, field),
                other => panic!("{field}: {other:?}"),
            }
        }
        // Someone else's order does not exist for them.
        let bob = customer_actor(customer(&s, "bob@example.com").await);
        assert!(matches!(
            s.orders
                .start_return(&bob, &number, &ask(&[(SKU, 1)], "damaged"))
                .await,
            Err(Error::NotFound { .. })
        ));
        // A customer cannot approve, receive or refund.
        let r = s
            .orders
            .start_return(&ann, &number, &ask(&[(SKU, 1)], "damaged"))
            .await
            .expect("request");
        assert!(matches!(
            s.orders
                .refund_return(&ann, &r.number, false, RefundTo::Original)
                .await,
            Err(Error::Forbidden)
        ));
        // Receiving more than was asked for is refused and receives nothing.
        assert!(matches!(
            s.orders
                .receive_return(&staff(), &r.number, &[got(SKU, 2, true)])
                .await,
            Err(Error::Validation { .. })
        ));
        let panel = s.orders.returns_panel(&ann, &number).await.expect("panel");
        let views = panel.returns;
        assert_eq!(
            panel
                .returnable
                .iter()
                .map(|l| (l.sku.as_str(), l.left))
                .collect::<Vec<_>>(),
            [(SKU, 1), (LARGE, 1)]
        );
        assert!(panel.open_until.is_some() && panel.closed.is_none());
        assert_eq!(views.len(), 1);
        assert_eq!(views[0].status, ReturnStatus::Requested);
        assert_eq!(views[0].lines[0].received, 0);
    }
);
