//! A cart's lines, priced from the catalog as it is now.
use sea_orm::{ConnectionTrait, DatabaseBackend, FromQueryResult, Statement};

use crate::money::{Currency, Money};
use crate::Result;

pub use model::commerce::CartLine;

/// One line with everything its view needs. One statement, not five (items,
/// variants, products, images, stock): every cart view and every checkout
/// step reads it, and on SQLite each statement is a hand-off to the
/// connection's thread and back (bench/RESULTS.md, signed-in pages).
#[derive(FromQueryResult)]
struct Row {
    variant_id: i32,
    quantity: i32,
    sku: String,
    variant_title: String,
    price_minor: i64,
    weight_grams: i32,
    product_title: String,
    product_slug: String,
    product_status: String,
    image_url: Option<String>,
    free: i64,
    cart_public_id: String,
}

/// The variant's own image if it has one, else the product's first; the
/// units free across warehouses (a warehouse that over-reserved counts 0).
const LINES: &str = r#"
SELECT ci.variant_id, ci.quantity, v.sku, v.title AS variant_title, v.price_minor,
       v.weight_grams, p.title AS product_title, p.slug AS product_slug,
       p.status AS product_status,
       COALESCE(
         (SELECT i.url FROM product_images i WHERE i.id = v.image_id AND i.product_id = p.id),
         (SELECT i.url FROM product_images i WHERE i.product_id = p.id
           ORDER BY i.position, i.id LIMIT 1)
       ) AS image_url,
       COALESCE((SELECT SUM(CASE WHEN s.on_hand > s.reserved THEN s.on_hand - s.reserved ELSE 0 END)
                 FROM stock_levels s WHERE s.variant_id = v.id), 0) AS free,
       c.public_id AS cart_public_id
FROM cart_items ci
JOIN carts c ON c.id = ci.cart_id
JOIN variants v ON v.id = ci.variant_id
JOIN products p ON p.id = v.product_id
WHERE ci.cart_id = {cart}
ORDER BY ci.id
"#;

/// Which cart [`load_owned_lines`] reads: the owner's newest active one,
/// as `Carts::select` picks it.
const USER_CART: &str = "(SELECT c2.id FROM carts c2 WHERE c2.status = 'active' \
     AND c2.user_id = {owner} ORDER BY c2.id DESC LIMIT 1)";
const GUEST_CART: &str = "(SELECT c2.id FROM carts c2 WHERE c2.status = 'active' \
     AND c2.public_id = {owner} AND c2.user_id IS NULL ORDER BY c2.id DESC LIMIT 1)";

pub async fn load_lines<C: ConnectionTrait>(
    conn: &C,
    cart_id: i32,
    currency: Currency,
) -> Result<Vec<CartLine>> {
    let rows = run(conn, "{cart}", cart_id.into()).await?;
    Ok(priced(rows, currency))
}

/// The owner's cart (its public id, when it has lines) and its lines, in
/// one statement: a signed-in page shows the cart in its header, and
/// finding the cart first was a round trip of its own.
pub(super) async fn load_owned_lines<C: ConnectionTrait>(
    conn: &C,
    owner: &super::CartOwner,
    currency: Currency,
) -> Result<(Option<String>, Vec<CartLine>)> {
    let rows = match owner {
        super::CartOwner::User(id) => run(conn, USER_CART, (*id).into()).await?,
        super::CartOwner::Guest(Some(public_id)) => {
            run(conn, GUEST_CART, public_id.as_str().into()).await?
        }
        super::CartOwner::Guest(None) => Vec::new(),
    };
    let id = rows.first().map(|r| r.cart_public_id.clone());
    Ok((id, priced(rows, currency)))
}

/// The lines of the cart `cart` names (`{owner}` bound to `value`).
async fn run<C: ConnectionTrait>(conn: &C, cart: &str, value: sea_orm::Value) -> Result<Vec<Row>> {
    let backend = conn.get_database_backend();
    let placeholder = match backend {
        DatabaseBackend::Postgres => "$1",
        _ => "?",
    };
    let sql = LINES.replace(
        "{cart}",
        &cart
            .replace("{owner}", placeholder)
            .replace("{cart}", placeholder),
    );
    Ok(
        Row::find_by_statement(Statement::from_sql_and_values(backend, sql, [value]))
            .all(conn)
            .await?,
    )
}

fn priced(rows: Vec<Row>, currency: Currency) -> Vec<CartLine> {
    rows.into_iter()
        .map(|r| {
            let quantity = i64::from(r.quantity);
            CartLine {
                variant_id: r.variant_id,
                sku: r.sku,
                product_title: r.product_title,
                product_slug: r.product_slug,
                variant_title: r.variant_title,
                image_url: r.image_url,
                unit_price: Money::new(r.price_minor, currency),
                quantity,
                line_total: Money::new(r.price_minor.saturating_mul(quantity), currency),
                weight_grams: r.weight_grams,
                max_quantity: r.free.min(super::MAX_PER_LINE),
                unavailable: r.product_status != "active",
            }
        })
        .collect()
}
