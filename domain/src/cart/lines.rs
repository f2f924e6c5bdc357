//! A cart's lines, priced from the catalog as it is now.
use sea_orm::{ConnectionTrait, FromQueryResult, QuerySelect, QueryTrait, Statement};

use crate::entities::cart;

use crate::money::{Currency, Money};
use crate::store::Currencies;
use crate::Result;
use model::Locale;

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
    /// The variant's list price in the currency asked for, if set.
    listed_minor: Option<i64>,
    weight_grams: i32,
    product_title: String,
    product_slug: String,
    product_status: String,
    image_url: Option<String>,
    free: i64,
    cart_public_id: String,
}

/// Select-list columns for a variant `v` of product `p`: `image_url`, the
/// variant's own image if it has one, else the product's first; `free`, the
/// units free across warehouses (a warehouse that over-reserved counts 0).
/// Carts and wishlists both show them.
macro_rules! variant_image_and_free {
    () => {
        r#"
       COALESCE(
         (SELECT i.url FROM product_images i WHERE i.id = v.image_id AND i.product_id = p.id),
         (SELECT i.url FROM product_images i WHERE i.product_id = p.id
           ORDER BY i.position, i.id LIMIT 1)
       ) AS image_url,
       COALESCE((SELECT SUM(CASE WHEN s.on_hand > s.reserved THEN s.on_hand - s.reserved ELSE 0 END)
                 FROM stock_levels s WHERE s.variant_id = v.id), 0) AS free,"#
    };
}
pub(crate) use variant_image_and_free;

/// Select-list column `product_title` for product `p`: its title in the
/// language [`in_locale`] fills in, the catalog's own where that is not
/// written (an empty translated title shows the English). Carts and
/// wishlists both show it.
macro_rules! product_title_in_locale {
    () => {
        r#"
       COALESCE((SELECT t.title FROM product_translations t
                  WHERE t.product_id = p.id AND t.locale = {locale} AND t.title <> ''),
                p.title) AS product_title,"#
    };
}
pub(crate) use product_title_in_locale;

/// `sql` with [`product_title_in_locale`]'s language filled in. The tag is
/// one of ours, never the caller's text.
pub(crate) fn in_locale(sql: &str, locale: Locale) -> String {
    sql.replace("{locale}", &format!("'{}'", locale.code()))
}

/// Select-list column `listed_minor`: variant `v`'s list price in the
/// currency [`in_currency`] fills in, NULL where none is set (the base
/// price is converted then). Carts and wishlists both show it.
macro_rules! listed_price {
    () => {
        r#"
       (SELECT vp.price_minor FROM variant_prices vp
         WHERE vp.variant_id = v.id AND vp.currency = {currency}) AS listed_minor,"#
    };
}
pub(crate) use listed_price;

/// `sql` with [`listed_price`]'s currency filled in. The code is one of
/// ours (three capitals), never the caller's text.
pub(crate) fn in_currency(sql: &str, currency: Currency) -> String {
    sql.replace("{currency}", &format!("'{}'", currency.code()))
}

const LINES: &str = concat!(
    r#"
SELECT ci.variant_id, ci.quantity, v.sku, v.title AS variant_title, v.price_minor,"#,
    listed_price!(),
    r#"
       v.weight_grams,"#,
    product_title_in_locale!(),
    r#"
       p.slug AS product_slug,
       p.status AS product_status,"#,
    variant_image_and_free!(),
    r#"
       c.public_id AS cart_public_id
FROM cart_items ci
JOIN carts c ON c.id = ci.cart_id
JOIN variants v ON v.id = ci.variant_id
JOIN products p ON p.id = v.product_id
WHERE ci.cart_id = {cart}
ORDER BY ci.id
"#
);

/// The cart's lines priced in `currency` (one the shop sells in), titled
/// in `locale` where the product is translated.
pub async fn load_lines<C: ConnectionTrait>(
    conn: &C,
    cart_id: i32,
    currencies: &Currencies,
    currency: Currency,
    locale: Locale,
) -> Result<Vec<CartLine>> {
    let placeholder = crate::db::placeholder(conn, 1);
    let rows = run(conn, &placeholder, vec![cart_id.into()], currency, locale).await?;
    Ok(priced(rows, currencies, currency))
}

/// The owner's cart (its public id, when it has lines) and its lines, in
/// one statement: a signed-in page shows the cart in its header, and
/// finding the cart first was a round trip of its own. The cart is the one
/// `Carts::select` picks, as a subquery.
pub(super) async fn load_owned_lines<C: ConnectionTrait>(
    conn: &C,
    owner: &super::CartOwner,
    currencies: &Currencies,
    currency: Currency,
    locale: Locale,
) -> Result<(Option<String>, Vec<CartLine>)> {
    let Some(select) = super::Carts::select(owner) else {
        return Ok((None, Vec::new()));
    };
    let cart = select
        .select_only()
        .column(cart::Column::Id)
        .limit(1)
        .build(conn.get_database_backend());
    let values = cart.values.map(|v| v.0).unwrap_or_default();
    let rows = run(conn, &format!("({})", cart.sql), values, currency, locale).await?;
    let id = rows.first().map(|r| r.cart_public_id.clone());
    Ok((id, priced(rows, currencies, currency)))
}

/// The lines of the cart that `cart` (SQL) names, bound to `values`, with
/// list prices in `currency` and titles in `locale`.
async fn run<C: ConnectionTrait>(
    conn: &C,
    cart: &str,
    values: Vec<sea_orm::Value>,
    currency: Currency,
    locale: Locale,
) -> Result<Vec<Row>> {
    let sql = in_locale(
        &in_currency(&LINES.replace("{cart}", cart), currency),
        locale,
    );
    Ok(Row::find_by_statement(Statement::from_sql_and_values(
        conn.get_database_backend(),
        sql,
        values,
    ))
    .all(conn)
    .await?)
}

fn priced(rows: Vec<Row>, currencies: &Currencies, currency: Currency) -> Vec<CartLine> {
    rows.into_iter()
        .map(|r| {
            let quantity = i64::from(r.quantity);
            let unit = currencies
                .price(r.price_minor, r.listed_minor, currency)
                .unwrap_or(Money::new(r.price_minor, currencies.base));
            CartLine {
                variant_id: r.variant_id,
                sku: r.sku,
                product_title: r.product_title,
                product_slug: r.product_slug,
                variant_title: r.variant_title,
                image_url: r.image_url,
                unit_price: unit,
                quantity,
                line_total: Money::new(unit.minor.saturating_mul(quantity), unit.currency),
                weight_grams: r.weight_grams,
                max_quantity: r.free.min(super::MAX_PER_LINE),
                unavailable: r.product_status != "active",
            }
        })
        .collect()
}
