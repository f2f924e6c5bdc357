//! A shopper's purchase over HTTP, shared by the tests that need an order.
#![allow(dead_code)]

use domain::entities::product;
use sea_orm::{ColumnTrait, DatabaseConnection, EntityTrait, QueryFilter, QueryOrder, QuerySelect};

use super::browser::Browser;

pub const SKU: &str = "TSH-0001-01";
pub const ADDRESS: &[(&str, &str)] = &[
    ("full_name", "Pat Buyer"),
    ("line1", "1 Main St"),
    ("line2", ""),
    ("city", "Springfield"),
    ("region", "IL"),
    ("postal_code", "62701"),
    ("country", "US"),
    ("phone", ""),
    ("shipping_method", "standard"),
    ("promo_code", ""),
];

/// Adds SKU to the browser's cart, places the order and decides the offline
/// payment; returns (order number, public id).
pub async fn order(b: &mut Browser<'_>, email: &str, approve: bool) -> (String, String) {
    assert_eq!(
        b.post("/api/cart/add", &[("sku", SKU), ("quantity", "1")])
            .await
            .status,
        200
    );
    let mut form = ADDRESS.to_vec();
    form.push(("email", email));
    let placed = b.post("/api/checkout/place", &form).await;
    assert_eq!(placed.status, 200, "{}", placed.body);
    let number = placed.json()["number"].as_str().expect("number").to_owned();
    let url = placed.json()["redirect_url"]
        .as_str()
        .expect("url")
        .to_owned();
    let (reference, page) = offline_page(b, &url).await;
    assert_eq!(page["order_number"], number.as_str());
    let public_id = decide(b, &reference, approve).await;
    (number, public_id)
}

/// The offline gateway's page behind a checkout's `redirect_url`: its
/// reference and what it shows.
pub async fn offline_page(b: &mut Browser<'_>, url: &str) -> (String, serde_json::Value) {
    let reference = url.rsplit('/').next().expect("ref").to_owned();
    let page = b
        .post("/api/pay/offline/get", &[("reference", &reference)])
        .await
        .json();
    (reference, page)
}

/// Approves or declines the offline payment; the order's public id.
pub async fn decide(b: &mut Browser<'_>, reference: &str, approve: bool) -> String {
    let approve = if approve { "true" } else { "false" };
    let next = b
        .post(
            "/api/pay/offline/decide",
            &[("reference", reference), ("approve", approve)],
        )
        .await;
    assert_eq!(next.status, 200, "{}", next.body);
    let next: String = serde_json::from_str(&next.body).expect("path");
    next.rsplit('/').next().unwrap_or_default().to_owned()
}

/// The demo shop's first `n` products on sale, by id.
pub async fn products_on_sale(conn: &DatabaseConnection, n: u64) -> Vec<product::Model> {
    let found = product::Entity::find()
        .filter(product::Column::Status.eq("active"))
        .order_by_asc(product::Column::Id)
        .limit(n)
        .all(conn)
        .await
        .expect("products");
    assert_eq!(found.len() as u64, n, "{n} products on sale");
    found
}

/// The demo shop's first product on sale.
pub async fn product_on_sale(conn: &DatabaseConnection) -> product::Model {
    products_on_sale(conn, 1).await.remove(0)
}

/// The SKUs on order `number`, as the order recorded them.
pub async fn order_skus(app: &super::TestApp, number: &str) -> Vec<String> {
    use domain::entities::{order, order_item};
    let conn = app.connection().await;
    let o = order::Entity::find()
        .filter(order::Column::Number.eq(number))
        .one(&conn)
        .await
        .expect("order query")
        .expect("the order exists");
    order_item::Entity::find()
        .filter(order_item::Column::OrderId.eq(o.id))
        .all(&conn)
        .await
        .expect("order items")
        .into_iter()
        .map(|i| i.sku)
        .collect()
}
