//! The admin API's orders on SQLite and PostgreSQL: a token with
//! `orders:read` lists and reads, but may not ship; with `orders:write` it
//! ships (tracking number, the customer mailed), refunds part (once, for a
//! retried key), and cannot cancel what has shipped; each change is in the
//! audit log with the token's name.
use domain::entities::audit_entry;
use sea_orm::{ColumnTrait, EntityTrait, QueryFilter};
use serde_json::json;
use testkit::for_each_backend;
use testkit::TestDatabase;

use crate::api_v1::{bearer, call, get, make_token};
use crate::support::browser::Browser;
use crate::support::shop::order;
use crate::support::TestApp;

for_each_backend!(admin_api_runs_orders, |db: TestDatabase| async move {
    let app = TestApp::spawn(db).await;
    let mut shopper = Browser::new(&app);
    let (number, _) = order(&mut shopper, "api-buyer@example.com", true).await;
    let mut admin = app.admin("api-orders-admin@example.com").await;
    let reader = bearer(&make_token(&mut admin, "Reports", &["orders:read"], "30").await);
    let writer = bearer(&make_token(&mut admin, "Fulfilment", &["orders:write"], "30").await);
    let catalog = bearer(&make_token(&mut admin, "Catalog", &["catalog:write"], "30").await);

    // Read: the list finds it by number, the order reads `paid`.
    let list = get(
        &app,
        &format!("/api/v1/admin/orders?q={number}"),
        &[("authorization", &reader)],
    )
    .await;
    assert_eq!(list.status, 200, "{}", list.body);
    let list = list.json();
    assert_eq!(list["total"], 1);
    assert_eq!(list["data"][0]["number"], number.as_str());
    assert_eq!(list["data"][0]["status"], "paid");
    assert_eq!(list["data"][0]["email"], "api-buyer@example.com");
    let one = get(
        &app,
        &format!("/api/v1/admin/orders/{number}"),
        &[("authorization", &reader)],
    )
    .await;
    assert_eq!(one.status, 200, "{}", one.body);
    let paid = one.json()["total"]["amount_minor"].as_i64().unwrap();
    assert!(paid > 0);
    let missing = get(
        &app,
        "/api/v1/admin/orders/MC-NOSUCH",
        &[("authorization", &reader)],
    )
    .await;
    assert_eq!(missing.status, 404);
    assert_eq!(missing.problem(), "not_found.order");

    // Scopes: reading is not writing; another area is nothing.
    let ship_path = format!("/api/v1/admin/orders/{number}/ship");
    let shipment = json!({"tracking_number": "1Z999AA10123456784"});
    for (who, auth, status) in [("reader", &reader, 403), ("catalog", &catalog, 403)] {
        let res = call(
            &app,
            reqwest::Method::POST,
            &ship_path,
            &[("authorization", auth)],
            Some(shipment.clone()),
        )
        .await;
        assert_eq!(res.status, status, "{who}: {}", res.body);
        assert_eq!(res.problem(), "auth.scope");
    }
    let listed = get(&app, "/api/v1/admin/orders", &[("authorization", &catalog)]).await;
    assert_eq!(listed.status, 403);

    // Ship: validated, then shipped with its tracking number.
    let blank = call(
        &app,
        reqwest::Method::POST,
        &ship_path,
        &[("authorization", &writer)],
        Some(json!({"tracking_number": " "})),
    )
    .await;
    assert_eq!(blank.status, 422, "{}", blank.body);
    assert_eq!(blank.json()["errors"][0]["field"], "tracking_number");
    let unknown_carrier = call(
        &app,
        reqwest::Method::POST,
        &ship_path,
        &[("authorization", &writer)],
        Some(json!({"carrier": "pigeon", "tracking_number": "1Z9"})),
    )
    .await;
    assert_eq!(unknown_carrier.status, 422, "{}", unknown_carrier.body);
    assert_eq!(unknown_carrier.json()["errors"][0]["field"], "carrier");
    let shipped = call(
        &app,
        reqwest::Method::POST,
        &ship_path,
        &[("authorization", &writer)],
        Some(shipment),
    )
    .await;
    assert_eq!(shipped.status, 200, "{}", shipped.body);
    assert_eq!(shipped.json()["status"], "shipped");
    assert_eq!(shipped.json()["tracking_number"], "1Z999AA10123456784");
    // No carrier named: "other", which has no tracking page.
    let parcels = &shipped.json()["shipments"];
    assert_eq!(parcels.as_array().map(Vec::len), Some(1), "{parcels}");
    assert_eq!(parcels[0]["carrier"], "Other carrier");
    assert!(parcels[0]["tracking_url"].is_null());
    let lines = shipped.json()["lines"].clone();
    assert!(lines
        .as_array()
        .is_some_and(|l| l.iter().all(|l| l["shipped"] == l["quantity"])));

    // Refund part, retried with one key: refunded once.
    let refund_path = format!("/api/v1/admin/orders/{number}/refunds");
    let keyed = [
        ("authorization", writer.as_str()),
        ("idempotency-key", "refund-1"),
    ];
    for _ in 0..2 {
        let res = call(
            &app,
            reqwest::Method::POST,
            &refund_path,
            &keyed,
            Some(json!({"amount_minor": 100})),
        )
        .await;
        assert_eq!(res.status, 200, "{}", res.body);
    }
    let after = get(
        &app,
        &format!("/api/v1/admin/orders/{number}"),
        &[("authorization", &reader)],
    )
    .await;
    assert_eq!(
        after.json()["refunded"]["amount_minor"],
        100,
        "{}",
        after.body
    );
    let too_much = call(
        &app,
        reqwest::Method::POST,
        &refund_path,
        &[("authorization", &writer)],
        Some(json!({"amount_minor": paid})),
    )
    .await;
    assert_eq!(too_much.status, 422, "{}", too_much.body);

    // Shipped orders are not cancelled.
    let cancel = call(
        &app,
        reqwest::Method::POST,
        &format!("/api/v1/admin/orders/{number}/cancel"),
        &[("authorization", &writer)],
        None,
    )
    .await;
    assert!(
        cancel.status == 409 || cancel.status == 422,
        "{} {}",
        cancel.status,
        cancel.body
    );
    cancel.problem();

    let via: Vec<Option<String>> = audit_entry::Entity::find()
        .filter(audit_entry::Column::EntityRef.eq(number.as_str()))
        .all(&app.connection().await)
        .await
        .unwrap()
        .into_iter()
        .map(|e| e.via)
        .collect();
    assert!(via.len() >= 2, "ship and refund audited: {via:?}");
    assert!(
        via.iter()
            .all(|v| v.as_deref() == Some("API token \"Fulfilment\"")),
        "{via:?}"
    );
});
