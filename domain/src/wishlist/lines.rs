//! A list's lines, priced (in the shopper's currency) and stocked from the
//! catalog as it is now, in one statement (the header's hearts read it on
//! every page of a shopper with a list).
use sea_orm::{ConnectionTrait, FromQueryResult, Statement};

use crate::money::{Currency, Money};
use crate::store::Currencies;
use crate::Result;
use model::Locale;

use super::WishlistLine;

#[derive(FromQueryResult)]
struct Row {
    sku: String,
    variant_title: String,
    price_minor: i64,
    listed_minor: Option<i64>,
    price_saved_minor: i64,
    product_title: String,
    product_slug: String,
    image_url: Option<String>,
    free: i64,
}

/// Products no longer sold (draft, archived) are left out, not deleted:
/// they come back if the product does.
const LINES: &str = concat!(
    "SELECT",
    crate::cart::variant_image_and_free!(),
    r#"
       v.sku, v.title AS variant_title, v.price_minor, wi.price_saved_minor,"#,
    crate::cart::listed_price!(),
    crate::cart::product_title_in_locale!(),
    r#"
       p.slug AS product_slug
FROM wishlist_items wi
JOIN variants v ON v.id = wi.variant_id
JOIN products p ON p.id = wi.product_id
WHERE wi.wishlist_id = {id} AND p.status = 'active'{item}
ORDER BY wi.id DESC
"#
);

/// Which of a list's lines to read.
#[derive(Clone, Copy)]
pub(super) enum Which {
    All,
    /// One item (an alert mail's), if its product is still sold.
    Item(i32),
}

/// The lines priced in `currency` (its list price, else the base price
/// converted); a line shows the price it was saved at ("was") when it has
/// dropped since, in the same currency.
pub(super) async fn load<C: ConnectionTrait>(
    conn: &C,
    wishlist_id: i32,
    which: Which,
    currencies: &Currencies,
    currency: Currency,
    locale: Locale,
) -> Result<Vec<WishlistLine>> {
    let mut values = vec![wishlist_id.into()];
    let item = match which {
        Which::All => String::new(),
        Which::Item(id) => {
            values.push(id.into());
            format!(" AND wi.id = {}", crate::db::placeholder(conn, 2))
        }
    };
    let lines = LINES
        .replace("{id}", &crate::db::placeholder(conn, 1))
        .replace("{item}", &item);
    let sql = crate::cart::in_locale(&crate::cart::in_currency(&lines, currency), locale);
    let rows = Row::find_by_statement(Statement::from_sql_and_values(
        conn.get_database_backend(),
        sql,
        values,
    ))
    .all(conn)
    .await?;
    let base = |minor| Money::new(minor, currencies.base);
    Ok(rows
        .into_iter()
        .map(|r| {
            let price = currencies
                .price(r.price_minor, r.listed_minor, currency)
                .unwrap_or(base(r.price_minor));
            // Dropped is decided in the base, where both prices were set.
            let was = (r.price_saved_minor > r.price_minor)
                .then(|| currencies.price(r.price_saved_minor, None, price.currency))
                .flatten()
                .filter(|was| was.minor > price.minor);
            WishlistLine {
                sku: r.sku,
                product_slug: r.product_slug,
                product_title: r.product_title,
                variant_title: r.variant_title,
                image_url: r.image_url,
                price,
                was,
                in_stock: r.free > 0,
            }
        })
        .collect())
}
