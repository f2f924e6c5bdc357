//! The admin API's writes to promotions and customers, on SQLite and
//! PostgreSQL: a code made and changed over PUT is live at checkout at
//! once, bad rules name their field, a used code cannot be deleted; a
//! customer disabled over PATCH is signed out (their API sign-in too) and
//! refused, then let in again. Refusals without the scope are
//! `api_matrix.rs`'s.
use reqwest::Method;
use serde_json::json;
use testkit::for_each_backend;
use testkit::TestDatabase;

use crate::api_customer::{sign_in, signed_in};
use crate::api_v1::{bearer, call, get, make_token};
use crate::support::browser::Browser;
use crate::support::shop::SKU;
use crate::support::{TestApp, PASSWORD};

for_each_backend!(
    admin_api_writes_promotions_and_customers,
    |db: TestDatabase| async move {
        let app = TestApp::spawn(db).await;
        let mut admin = app.admin("writes-admin@example.com").await;
        let promos =
            bearer(&make_token(&mut admin, "Marketing", &["promotions:write"], "30").await);
        let people = bearer(&make_token(&mut admin, "CRM", &["customers:write"], "30").await);
        let p = [("authorization", promos.as_str())];

        // A code made, then changed: the checkout sees each at once.
        let made = call(
            &app,
            Method::PUT,
            "/api/v1/admin/promotions/save10",
            &p,
            Some(json!({"kind": "percentage", "percent_bp": 1000, "active": true})),
        )
        .await;
        assert_eq!(made.status, 201, "{}", made.body);
        assert_eq!(made.json()["code"], "SAVE10");
        let changed = call(
            &app,
            Method::PUT,
            "/api/v1/admin/promotions/SAVE10",
            &p,
            Some(
                json!({"kind": "percentage", "percent_bp": 1500, "active": true, "usage_limit": 5}),
            ),
        )
        .await;
        assert_eq!(changed.status, 200, "{}", changed.body);
        assert_eq!(changed.json()["percent_bp"], 1500);
        assert_eq!(changed.json()["usage_limit"], 5);
        let cart = call(&app, Method::POST, "/api/v1/carts", &[], None)
            .await
            .json();
        let cart = cart["id"].as_str().expect("cart").to_owned();
        let added = call(
            &app,
            Method::POST,
            &format!("/api/v1/carts/{cart}/lines"),
            &[],
            Some(json!({"sku": SKU, "quantity": 1})),
        )
        .await;
        assert_eq!(added.status, 200, "{}", added.body);
        let destination = json!({"email": "promo@example.com", "country": "US", "region": "CA", "promo_code": "save10"});
        let quote = call(
            &app,
            Method::POST,
            &format!("/api/v1/carts/{cart}/quote"),
            &[],
            Some(destination),
        )
        .await;
        assert_eq!(quote.status, 200, "{}", quote.body);
        let quote = quote.json();
        assert_eq!(quote["promo_applied"], true, "{quote}");
        let subtotal = quote["subtotal"]["amount_minor"]
            .as_i64()
            .expect("subtotal");
        let discount = quote["discount"]["amount_minor"]
            .as_i64()
            .expect("discount");
        assert!(
            (discount - subtotal * 15 / 100).abs() <= 1,
            "15 % off: {quote}"
        );

        // Bad rules name their field and change nothing.
        for (rules, field) in [
            (json!({"kind": "fixed", "active": true}), "amount_off"),
            (
                json!({"kind": "percentage", "percent_bp": 1000, "active": true, "ends_at": "tomorrow"}),
                "ends_at",
            ),
            (
                json!({"kind": "fixed", "amount_off": {"amount_minor": 500, "currency": "XTS"}, "active": true}),
                "amount_off",
            ),
        ] {
            let refused = call(
                &app,
                Method::PUT,
                "/api/v1/admin/promotions/SAVE10",
                &p,
                Some(rules),
            )
            .await;
            assert_eq!(refused.status, 422, "{}", refused.body);
            assert_eq!(
                refused.json()["errors"][0]["field"],
                field,
                "{}",
                refused.body
            );
        }
        let listed = get(&app, "/api/v1/admin/promotions", &p).await.json();
        let save10 = listed["data"]
            .as_array()
            .and_then(|d| d.iter().find(|r| r["code"] == "SAVE10").cloned())
            .expect("listed");
        assert_eq!(save10["percent_bp"], 1500, "unchanged by the refusals");

        // Used, it cannot be deleted; an unused one can.
        let order = json!({
            "email": "promo@example.com", "promo_code": "SAVE10",
            "address": {"full_name": "Pro Mo", "line1": "1 Main St", "city": "Sacramento",
                        "region": "CA", "postal_code": "95814", "country": "US"},
            "shipping_method": quote["shipping_method"],
            "expected_total_minor": quote["total"]["amount_minor"],
        });
        let placed = call(
            &app,
            Method::POST,
            &format!("/api/v1/carts/{cart}/order"),
            &[("idempotency-key", "promo-order")],
            Some(order),
        )
        .await;
        assert_eq!(placed.status, 201, "{}", placed.body);
        let used = call(
            &app,
            Method::DELETE,
            "/api/v1/admin/promotions/SAVE10",
            &p,
            None,
        )
        .await;
        assert_eq!(used.status, 409, "{}", used.body);
        let spare = call(
            &app,
            Method::PUT,
            "/api/v1/admin/promotions/SPARE",
            &p,
            Some(json!({"kind": "free_shipping", "active": false})),
        )
        .await;
        assert_eq!(spare.status, 201, "{}", spare.body);
        let deleted = call(
            &app,
            Method::DELETE,
            "/api/v1/admin/promotions/SPARE",
            &p,
            None,
        )
        .await;
        assert_eq!(deleted.status, 204, "{}", deleted.body);
        let again = call(
            &app,
            Method::DELETE,
            "/api/v1/admin/promotions/SPARE",
            &p,
            None,
        )
        .await;
        assert_eq!(again.status, 404);

        // A customer disabled: signed out everywhere, refused; then let in again.
        Browser::new(&app)
            .register("pat@example.com", PASSWORD)
            .await;
        let pat = signed_in(&app, "pat@example.com").await;
        let c = [("authorization", people.as_str())];
        let found = get(&app, "/api/v1/admin/customers?q=pat@example.com", &c)
            .await
            .json();
        let id = found["data"][0]["id"].as_str().expect("id").to_owned();
        let path = format!("/api/v1/admin/customers/{id}");
        let off = call(
            &app,
            Method::PATCH,
            &path,
            &c,
            Some(json!({"disabled": true})),
        )
        .await;
        assert_eq!(off.status, 200, "{}", off.body);
        assert_eq!(off.json()["customer"]["disabled"], true);
        assert_eq!(
            get(&app, "/api/v1/customer", &[("authorization", &pat)])
                .await
                .status,
            401
        );
        let refused = sign_in(&app, "pat@example.com", json!({})).await;
        assert_eq!(refused.status, 409, "{}", refused.body);
        let on = call(
            &app,
            Method::PATCH,
            &path,
            &c,
            Some(json!({"disabled": false})),
        )
        .await;
        assert_eq!(on.status, 200, "{}", on.body);
        assert_eq!(
            sign_in(&app, "pat@example.com", json!({})).await.status,
            201
        );
        let nobody = call(
            &app,
            Method::PATCH,
            "/api/v1/admin/customers/no-such-id",
            &c,
            Some(json!({"disabled": true})),
        )
        .await;
        assert_eq!(nobody.status, 404);
    }
);
