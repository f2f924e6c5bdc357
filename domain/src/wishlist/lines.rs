//! A list's lines, priced and stocked from the catalog as it is now, in one
//! statement (the header's hearts read it on every page of a shopper with
//! a list).
use sea_orm::{ConnectionTrait, FromQueryResult, Statement};

use crate::money::{Currency, Money};
use crate::Result;
use model::Locale;

use super::WishlistLine;

#[derive(FromQueryResult)]
struct Row {
    sku: String,
    variant_title: String,
    price_minor: i64,
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
    crate::cart::product_title_in_locale!(),
    r#"
       p.slug AS product_slug
FROM wishlist_items wi
JOIN variants v ON v.id = wi.variant_id
JOIN products p ON p.id = wi.product_id
WHERE wi.wishlist_id = {id} AND p.status = 'active'
ORDER BY wi.id DESC
"#
);

pub(super) async fn load<C: ConnectionTrait>(
    conn: &C,
    wishlist_id: i32,
    currency: Currency,
    locale: Locale,
) -> Result<Vec<WishlistLine>> {
    let placeholder = crate::db::placeholder(conn, 1);
    let sql = crate::cart::in_locale(&LINES.replace("{id}", &placeholder), locale);
    let rows = Row::find_by_statement(Statement::from_sql_and_values(
        conn.get_database_backend(),
        sql,
        [wishlist_id.into()],
    ))
    .all(conn)
    .await?;
    Ok(rows
        .into_iter()
        .map(|r| WishlistLine {
            sku: r.sku,
            product_slug: r.product_slug,
            product_title: r.product_title,
            variant_title: r.variant_title,
            image_url: r.image_url,
            price: Money::new(r.price_minor, currency),
            was: (r.price_saved_minor > r.price_minor)
                .then(|| Money::new(r.price_saved_minor, currency)),
            in_stock: r.free > 0,
        })
        .collect())
}
