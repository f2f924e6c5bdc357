//! `mercato seed --demo`: a believable shop generated deterministically
//! (same input, same shop) with locally drawn SVG images — no downloads —
//! and a few months of delivered orders and reviews.
mod catalog_data;
pub mod commerce;
mod history;
mod plan;
mod rng;
mod svg;
mod write;

use std::path::Path;

use sea_orm::{DatabaseConnection, EntityTrait, PaginatorTrait};

use crate::entities::product;

pub(crate) use plan::slugify;
pub use plan::{plan_demo, DemoPlan};

/// What a seed run wrote.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SeedReport {
    pub categories: usize,
    pub products: usize,
    pub variants: usize,
    pub images: usize,
    pub orders: usize,
    pub reviews: usize,
}

/// True when the shop has no products yet (a fresh database).
pub async fn is_empty(db: &DatabaseConnection) -> crate::Result<bool> {
    Ok(product::Entity::find().count(db).await? == 0)
}

/// Fills an empty shop with the demo catalog and writes its images under
/// `uploads_dir/demo/`, priced in `currency` (the same numbers whatever
/// the currency). Refuses to touch a shop that already has products.
pub async fn seed_demo(
    db: &DatabaseConnection,
    uploads_dir: &Path,
    currency: crate::Currency,
) -> crate::Result<SeedReport> {
    if !is_empty(db).await? {
        return Err(crate::Error::Conflict(
            "The shop already has products; the demo data only goes into an empty shop.".into(),
        ));
    }
    let plan = plan_demo();
    svg::write_images(&plan, &uploads_dir.join("demo"))?;
    write::insert(db, &plan, currency).await?;
    // A shop may sell in other currencies before it has products.
    crate::catalog::shown_prices::fill_if_missing(db).await?;
    commerce::insert(db).await?;
    let history = history::insert(db, currency).await?;
    Ok(SeedReport {
        orders: history.orders,
        reviews: history.reviews,
        categories: plan.categories.len(),
        products: plan.products.len(),
        variants: plan.products.iter().map(|p| p.variants.len()).sum(),
        images: plan.products.iter().map(|p| p.images.len()).sum(),
    })
}
