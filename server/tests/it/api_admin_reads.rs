//! The admin API's reads of customers, stock per warehouse and promotions,
//! on SQLite and PostgreSQL, each with a token holding just its scope:
//! the same rows the staff pages show (an erased account never appears),
//! unknown ids are 404 problems. Refusals without the scope are
//! `api_matrix.rs`'s.
use testkit::for_each_backend;
use testkit::TestDatabase;

use crate::api_v1::{bearer, get, make_token};
use crate::support::browser::Browser;
use crate::support::shop::order;
use crate::support::TestApp;

for_each_backend!(
    admin_api_reads_customers_stock_and_promotions,
    |db: TestDatabase| async move {
        let app = TestApp::spawn(db).await;
        let mut shopper = Browser::new(&app);
        let (number, _) = order(&mut shopper, "reads-buyer@example.com", true).await;
        shopper
            .register("reads-kim@example.com", crate::support::PASSWORD)
            .await;
        let mut admin = app.admin("reads-admin@example.com").await;
        let people = bearer(&make_token(&mut admin, "CRM", &["customers:read"], "30").await);
        let stock = bearer(&make_token(&mut admin, "WMS", &["catalog:read"], "30").await);
        let promos = bearer(&make_token(&mut admin, "BI", &["promotions:read"], "30").await);

        // Customers: found by email, with their public id; one reads in full.
        let found = get(
            &app,
            "/api/v1/admin/customers?q=reads-kim",
            &[("authorization", &people)],
        )
        .await;
        assert_eq!(found.status, 200, "{}", found.body);
        let found = found.json();
        assert_eq!(found["total"], 1);
        let kim = &found["data"][0];
        assert_eq!(kim["email"], "reads-kim@example.com");
        assert_eq!(kim["role"], "customer");
        let id = kim["id"].as_str().expect("id");
        let one = get(
            &app,
            &format!("/api/v1/admin/customers/{id}"),
            &[("authorization", &people)],
        )
        .await;
        assert_eq!(one.status, 200, "{}", one.body);
        assert_eq!(one.json()["customer"]["email"], "reads-kim@example.com");
        let all = get(
            &app,
            "/api/v1/admin/customers",
            &[("authorization", &people)],
        )
        .await
        .json();
        assert!(all["total"].as_u64() >= Some(2), "{all}");
        let missing = get(
            &app,
            "/api/v1/admin/customers/no-such-id",
            &[("authorization", &people)],
        )
        .await;
        assert_eq!(missing.status, 404);

        // Stock per warehouse for a SKU the order took.
        let placed = get(
            &app,
            "/api/v1/admin/customers?q=reads-buyer",
            &[("authorization", &people)],
        )
        .await
        .json();
        assert_eq!(placed["total"], 0, "a guest's order makes no account");
        let detail = crate::support::shop::order_skus(&app, &number).await;
        let sku = detail.first().expect("a line").clone();
        let s = get(
            &app,
            &format!("/api/v1/admin/stock/{sku}"),
            &[("authorization", &stock)],
        )
        .await;
        assert_eq!(s.status, 200, "{}", s.body);
        let s = s.json();
        assert_eq!(s["sku"], sku.as_str());
        let levels = s["levels"].as_array().expect("levels");
        assert!(!levels.is_empty());
        for l in levels {
            let (on_hand, reserved) = (
                l["on_hand"].as_i64().unwrap(),
                l["reserved"].as_i64().unwrap(),
            );
            assert_eq!(
                l["available"].as_i64().unwrap(),
                (on_hand - reserved).max(0)
            );
        }
        assert!(
            s["movements"]
                .as_array()
                .is_some_and(|m| m.iter().any(|m| m["delta"].as_i64() < Some(0))),
            "the sale is a movement: {s}"
        );
        let none = get(
            &app,
            "/api/v1/admin/stock/NO-SUCH-SKU",
            &[("authorization", &stock)],
        )
        .await;
        assert_eq!(none.status, 404);

        // Promotions: the seeded codes, money in the shop's currency.
        let p = get(
            &app,
            "/api/v1/admin/promotions",
            &[("authorization", &promos)],
        )
        .await;
        assert_eq!(p.status, 200, "{}", p.body);
        let p = p.json();
        let list = p["data"].as_array().expect("data");
        assert!(!list.is_empty(), "the demo shop has promotions");
        for promo in list {
            assert_eq!(promo["min_subtotal"]["currency"], "USD");
            match promo["kind"].as_str() {
                Some("percentage") => assert!(promo["percent_bp"].as_i64() > Some(0)),
                Some("fixed") => assert!(promo["amount_off"]["amount_minor"].as_i64() > Some(0)),
                _ => {}
            }
        }
    }
);
