//! Staff looking after a customer over HTTP, on SQLite and PostgreSQL:
//! search, detail, disable (signed out, can't sign in) and enable, GDPR
//! export and erasure on request — each audited.

use crate::support::browser::Browser;
use crate::support::TestApp;
use domain::entities::{audit_entry, user};
use model::accounts::{CustomerDetail, CustomerPage};
use model::Permission;
use sea_orm::{ColumnTrait, EntityTrait, QueryFilter, QueryOrder};
use testkit::for_each_backend;
use testkit::TestDatabase;

use crate::support::PASSWORD;

for_each_backend!(staff_manage_a_customer, |db: TestDatabase| async move {
    let app = TestApp::spawn_env(db, false, &[("MERCATO_AUTH_RATE_LIMIT", "1000/1")]).await;
    let conn = app.connection().await;
    let mut customer = Browser::new(&app);
    customer.register("robin@example.com", PASSWORD).await;
    assert_eq!(
        customer.login("robin@example.com", PASSWORD).await.status,
        200
    );
    let mut staff = app
        .staff("care@example.com", &[Permission::Customers])
        .await;

    let found = staff
        .post("/api/staff/customers", &[("q", "ROBIN"), ("page", "1")])
        .await;
    assert_eq!(found.status, 200, "{}", found.body);
    let list: CustomerPage = found.view();
    assert_eq!(list.total, 1);
    let id = list.customers[0].id.clone();

    let detail = staff
        .get_json(&format!("/api/staff/customer?id={id}"))
        .await;
    assert_eq!(detail.status, 200, "{}", detail.body);
    assert_eq!(
        detail.view::<CustomerDetail>().customer.email,
        "robin@example.com"
    );

    // Disable: their session ends and sign-in is refused with a reason.
    let off = staff
        .post(
            "/api/staff/customer-status",
            &[("id", &id), ("disabled", "true")],
        )
        .await;
    assert_eq!(off.status, 200, "{}", off.body);
    assert_eq!(customer.whoami().await, None);
    let refused = customer.login("robin@example.com", PASSWORD).await;
    assert_eq!(refused.status, 409);
    assert!(refused.message().contains("disabled"), "{}", refused.body);
    // Staff accounts are not managed here.
    let staff_id = user::Entity::find()
        .filter(user::Column::Email.eq("care@example.com"))
        .one(&conn)
        .await
        .expect("q")
        .expect("staff")
        .public_id;
    let own = staff
        .post(
            "/api/staff/customer-status",
            &[("id", &staff_id), ("disabled", "true")],
        )
        .await;
    assert_eq!(own.status, 409);
    // Enable again.
    let on = staff
        .post(
            "/api/staff/customer-status",
            &[("id", &id), ("disabled", "false")],
        )
        .await;
    assert_eq!(on.status, 200);
    assert_eq!(
        customer.login("robin@example.com", PASSWORD).await.status,
        200
    );

    // GDPR export on request: a JSON download with their account and orders.
    let export = staff
        .post(&format!("/admin/customers/{id}/export"), &[])
        .await;
    assert_eq!(export.status, 200, "{}", export.body);
    assert!(export.headers["content-disposition"]
        .to_str()
        .unwrap_or_default()
        .contains("attachment"));
    let data = export.json();
    assert_eq!(data["account"]["email"], "robin@example.com");
    assert!(data["orders"].is_array());

    // Erasure on request: personal data gone, sign-in impossible.
    let erased = staff
        .post("/api/staff/customer-erase", &[("id", &id)])
        .await;
    assert_eq!(erased.status, 200, "{}", erased.body);
    assert_eq!(
        customer.login("robin@example.com", PASSWORD).await.status,
        401
    );
    let gone = staff
        .post("/api/staff/customers", &[("q", "robin"), ("page", "1")])
        .await;
    assert_eq!(gone.view::<CustomerPage>().total, 0);

    let actions: Vec<String> = audit_entry::Entity::find()
        .order_by_asc(audit_entry::Column::Id)
        .all(&conn)
        .await
        .expect("audit")
        .into_iter()
        .map(|a| a.action)
        .filter(|a| a.starts_with("customer."))
        .collect();
    assert_eq!(
        actions,
        [
            "customer.disable",
            "customer.enable",
            "customer.export",
            "customer.erase"
        ]
    );
});

for_each_backend!(
    admins_invite_staff_by_email,
    |db: TestDatabase| async move {
        let env = [
            ("MERCATO_AUTH_RATE_LIMIT", "1000/1"),
            ("MERCATO_OUTBOX_POLL_MS", "100"),
        ];
        let app = TestApp::spawn_env(db, false, &env).await;
        let conn = app.connection().await;
        let maildir = app.db.dir.path().join("mail");
        let mut admin = app.admin("owner@example.com").await;

        let sent = admin
            .post(
                "/api/staff/invite",
                &[
                    ("email", "packer@example.com"),
                    ("permissions[0]", "orders"),
                    ("permissions[1]", "catalog"),
                ],
            )
            .await;
        assert_eq!(sent.status, 200, "{}", sent.body);
        let again = admin
            .post("/api/staff/invite", &[("email", "packer@example.com")])
            .await;
        assert_eq!(again.status, 409, "one account per email");

        // The invitee sets a password from the mail and lands with their permissions.
        let mail = crate::support::mail::wait_for(&maildir, "packer@example.com", "invited").await;
        assert!(mail.text.contains("/admin"));
        let token = crate::support::mail::token(&mail);
        let mut packer = Browser::new(&app);
        assert_eq!(
            packer.login("packer@example.com", PASSWORD).await.status,
            401,
            "no password yet"
        );
        let set = packer
            .post(
                "/api/auth/reset-password",
                &[
                    ("token", &token),
                    ("password", "copper lantern meadow quartz"),
                ],
            )
            .await;
        assert_eq!(set.status, 200, "{}", set.body);
        assert_eq!(
            packer
                .login("packer@example.com", "copper lantern meadow quartz")
                .await
                .status,
            200
        );
        assert_eq!(
            packer
                .post(
                    "/api/staff/orders/ship",
                    &[
                        ("number", "MC-NOPE"),
                        ("carrier", "ups"),
                        ("tracking_number", "1")
                    ]
                )
                .await
                .status,
            404
        );
        assert_eq!(
            packer
                .post("/api/staff/customers", &[("page", "1")])
                .await
                .status,
            403
        );

        let members = admin.get_json("/api/staff/members").await;
        assert_eq!(members.status, 200, "{}", members.body);
        let emails: Vec<String> = members
            .json()
            .as_array()
            .expect("list")
            .iter()
            .map(|m| m["email"].as_str().unwrap_or_default().to_owned())
            .collect();
        assert_eq!(emails, ["owner@example.com", "packer@example.com"]);
        let invited = audit_entry::Entity::find()
            .filter(audit_entry::Column::Action.eq("staff.invite"))
            .one(&conn)
            .await
            .expect("q")
            .expect("audited");
        assert_eq!(invited.entity_ref, "packer@example.com");
    }
);

for_each_backend!(staff_grant_store_credit, |db: TestDatabase| async move {
    let app = TestApp::spawn_env(db, false, &[("MERCATO_AUTH_RATE_LIMIT", "1000/1")]).await;
    let conn = app.connection().await;
    let mut customer = Browser::new(&app);
    customer.register("sasha@example.com", PASSWORD).await;
    let mut staff = app
        .staff("credit@example.com", &[Permission::Customers])
        .await;
    let list: CustomerPage = staff
        .post("/api/staff/customers", &[("q", "sasha"), ("page", "1")])
        .await
        .view();
    let id = list.customers[0].id.clone();
    let detail: CustomerDetail = staff
        .get_json(&format!("/api/staff/customer?id={id}"))
        .await
        .view();
    assert_eq!(detail.store_credit, None);
    // The account page's copy of the balance is held between changes.
    customer.login("sasha@example.com", PASSWORD).await;
    let mine: Option<model::Money> = customer.post("/api/account/store-credit", &[]).await.view();
    assert_eq!(mine, None);

    for (amount, status) in [("", 422), ("ten", 422), ("0", 422), ("1000000", 422)] {
        let r = staff
            .post(
                "/api/staff/store-credit",
                &[("id", &id), ("amount", amount), ("note", "")],
            )
            .await;
        assert_eq!(r.status, status, "{amount}: {}", r.body);
    }
    for _ in 0..2 {
        let r = staff
            .post(
                "/api/staff/store-credit",
                &[("id", &id), ("amount", "12.50"), ("note", "Late parcel")],
            )
            .await;
        assert_eq!(r.status, 200, "{}", r.body);
    }
    let detail: CustomerDetail = staff
        .get_json(&format!("/api/staff/customer?id={id}"))
        .await
        .view();
    assert_eq!(detail.store_credit.map(|m| m.minor), Some(2_500));
    // The grant reaches the customer's held copy through the change feed.
    let mut seen = None;
    for _ in 0..150 {
        let mine: Option<model::Money> =
            customer.post("/api/account/store-credit", &[]).await.view();
        seen = mine.map(|m| m.minor);
        if seen == Some(2_500) {
            break;
        }
        tokio::time::sleep(std::time::Duration::from_millis(100)).await;
    }
    assert_eq!(seen, Some(2_500), "the customer's held credit was dropped");
    let audited = audit_entry::Entity::find()
        .filter(audit_entry::Column::Action.eq("store_credit.grant"))
        .all(&conn)
        .await
        .expect("audit");
    assert_eq!(audited.len(), 2, "refusals leave no entry");
    // Staff are not given credit here.
    let staff_id = user::Entity::find()
        .filter(user::Column::Email.eq("credit@example.com"))
        .one(&conn)
        .await
        .expect("q")
        .expect("staff")
        .public_id;
    let r = staff
        .post(
            "/api/staff/store-credit",
            &[("id", &staff_id), ("amount", "5"), ("note", "")],
        )
        .await;
    assert_eq!(r.status, 404);
});
