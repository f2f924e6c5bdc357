//! Product reviews: customers write one per product (editable), staff
//! moderate them (permission `reviews`), shoppers read the published ones
//! and vote them helpful or report them. A product row keeps the count
//! and star sum of its published reviews, recounted in SQL in the
//! transaction that publishes or removes one, so cards and listings show
//! ratings without a join and can never drift from the reviews.
mod language;
mod moderation;
mod read;
pub(crate) mod request;
mod votes;
mod write;

pub(crate) use read::latest;

use sea_orm::sea_query::{Expr, ExprTrait};
use sea_orm::{
    ColumnTrait, ConnectionTrait, DatabaseConnection, EntityTrait, FromQueryResult, QueryFilter,
    QuerySelect,
};

pub use model::reviews::{
    ModerationFilter, ModerationRow, RatingSummary, ReviewInput, ReviewQuery, ReviewSort,
    ReviewStanding, ReviewStatus, ReviewView, ReviewsPage,
};

use crate::entities::{product, review};
use crate::store::Current;
use crate::{Error, Result};

#[derive(Clone)]
pub struct Reviews {
    db: DatabaseConnection,
    /// The review settings (who may review, auto-publish) live in the
    /// store profile.
    store: Current,
}

impl Reviews {
    pub fn new(db: DatabaseConnection, store: Current) -> Self {
        Self { db, store }
    }
}

/// An active product by slug: reviews are for what the shop sells.
async fn active_product<C: ConnectionTrait>(conn: &C, slug: &str) -> Result<product::Model> {
    product::Entity::find()
        .filter(product::Column::Slug.eq(slug))
        .filter(product::Column::Status.eq("active"))
        .one(conn)
        .await?
        .ok_or(Error::not_found("product"))
}

/// Serialises the transactions changing one product's reviews, so each
/// recount reads the others' committed changes (PostgreSQL; SQLite's write
/// transaction already excludes other writers). Take it first.
async fn lock_product<C: ConnectionTrait>(conn: &C, product_id: i32) -> Result<()> {
    crate::db::lock_key(conn, &format!("reviews:{product_id}")).await?;
    Ok(())
}

#[derive(FromQueryResult)]
struct Tally {
    count: i64,
    sum: Option<i64>,
}

/// Sets the product's count and star sum from its published reviews,
/// under [`lock_product`] (or alone, as the demo seed is).
pub(crate) async fn recount<C: ConnectionTrait>(conn: &C, product_id: i32) -> Result<()> {
    let tally = review::Entity::find()
        .select_only()
        .column_as(review::Column::Id.count(), "count")
        .column_as(Expr::col(review::Column::Rating).sum(), "sum")
        .filter(review::Column::ProductId.eq(product_id))
        .filter(review::Column::Status.eq(ReviewStatus::Published.as_str()))
        .into_model::<Tally>()
        .one(conn)
        .await?
        .unwrap_or(Tally {
            count: 0,
            sum: None,
        });
    let as_i32 = |n: i64| i32::try_from(n).unwrap_or(i32::MAX);
    product::Entity::update_many()
        .col_expr(
            product::Column::ReviewCount,
            Expr::value(as_i32(tally.count)),
        )
        .col_expr(
            product::Column::RatingSum,
            Expr::value(as_i32(tally.sum.unwrap_or(0))),
        )
        .filter(product::Column::Id.eq(product_id))
        .exec(conn)
        .await?;
    Ok(())
}

/// "Ann B." from "Ann Baker": a first name and an initial, never the email.
fn author_label(name: &str) -> String {
    let mut words = name.split_whitespace();
    match (words.next(), words.last()) {
        (Some(first), Some(last)) => {
            let initial: String = last.chars().take(1).collect();
            format!("{first} {initial}.")
        }
        (Some(first), None) => first.to_owned(),
        _ => "A shopper".to_owned(),
    }
}

fn rating_of(stars: i16) -> u8 {
    u8::try_from(stars.clamp(1, 5)).unwrap_or(1)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn authors_show_a_first_name_and_an_initial() {
        assert_eq!(author_label("Ann Marie Baker"), "Ann B.");
        assert_eq!(author_label("  Ann "), "Ann");
        assert_eq!(author_label(""), "A shopper");
    }
}
