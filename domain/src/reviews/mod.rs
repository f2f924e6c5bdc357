//! Product reviews: customers write one per product (editable), staff
//! moderate them (permission `reviews`), shoppers read the published ones
//! and vote them helpful or report them. A product row keeps the count
//! and star sum of its published reviews, recounted in SQL in the
//! transaction that publishes or removes one, so cards and listings show
//! ratings without a join and can never drift from the reviews.
mod language;
mod moderation;
mod photos;
mod read;
pub(crate) mod request;
mod votes;
mod write;

pub(crate) use read::latest;

use sea_orm::{ColumnTrait, ConnectionTrait, DatabaseConnection, EntityTrait, QueryFilter};

pub use model::reviews::{
    ModerationFilter, ModerationRow, RatingSummary, ReviewInput, ReviewPhoto, ReviewQuery,
    ReviewSort, ReviewStanding, ReviewStatus, ReviewView, ReviewsPage,
};

use crate::entities::product;
use crate::store::Current;
use crate::{Error, Result};

#[derive(Clone)]
pub struct Reviews {
    db: DatabaseConnection,
    /// The review settings (who may review, auto-publish) live in the
    /// store profile.
    store: Current,
    /// Holds the published reviews shoppers read (its held reads are
    /// evicted by the change feed).
    catalog: crate::catalog::Catalog,
}

impl Reviews {
    pub fn new(db: DatabaseConnection, store: Current, catalog: crate::catalog::Catalog) -> Self {
        Self { db, store, catalog }
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

/// Sets each product's count and star sum from its published reviews, in
/// one statement under [`lock_product`], and queues the products for the
/// search index.
pub(crate) async fn recount<C: ConnectionTrait>(conn: &C, product_ids: &[i32]) -> Result<()> {
    set_counts(conn, product_ids).await?;
    // The average is a search facet and sort ("4 stars & up", "Top rated").
    crate::search::sync::enqueue(conn, product_ids.to_vec()).await?;
    Ok(())
}

/// The counts alone, for the demo seed: the search index is built from
/// the seeded shop afterwards, and a queued update would only evict the
/// first pages cached after start.
pub(crate) async fn set_counts<C: ConnectionTrait>(conn: &C, product_ids: &[i32]) -> Result<()> {
    if product_ids.is_empty() {
        return Ok(());
    }
    let ids: Vec<String> = product_ids.iter().map(i32::to_string).collect();
    let published = format!(
        "FROM reviews r WHERE r.product_id = products.id AND r.status = '{}'",
        ReviewStatus::Published.as_str()
    );
    let count = format!("(SELECT COUNT(*) {published})");
    let sum = format!("(SELECT COALESCE(SUM(r.rating), 0) {published})");
    // Only rows whose numbers move: an unchanged product row would still
    // write a change-feed row and evict its cached page (a review waiting
    // for moderation changes nothing shoppers see).
    conn.execute_unprepared(&format!(
        "UPDATE products SET review_count = {count}, rating_sum = {sum} \
         WHERE id IN ({}) AND (review_count <> {count} OR rating_sum <> {sum})",
        ids.join(", ")
    ))
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
