//! The catalog as shoppers see it: category tree, listings with filters and
//! facets, product pages. Read-only here; writes come with the admin.
mod admin_list;
mod attributes;
mod cards;
mod categories_admin;
mod category_texts;
mod csv_io;
mod draft;
mod draft_load;
mod editor;
pub mod form;
mod held_reads;
mod home;
mod images;
mod import_jobs;
mod json_ld;
mod list_price_form;
mod list_prices;
mod listing;
mod manage;
pub mod presented;
mod product_page;
mod query;
pub mod shown_prices;
mod staff_lists;
mod translations;
mod tree;
mod types;

use sea_orm::DatabaseConnection;

pub use admin_list::{AdminProductPage, AdminProductQuery, AdminProductRow, ADMIN_PAGE_SIZE};
pub(crate) use attributes::{
    facet_values as attribute_facet_values, values_of as attribute_values,
};
pub use attributes::{specs, HeldAttribute, Values as AttributeValues};
pub(crate) use cards::{availability, id_cards};
pub use csv_io::{CsvExport, ImportOutcome, ImportPlan, RowError, MAX_IMPORT_BYTES};
pub use draft::{matrix, Issue, OptionDraft, ProductDraft, VariantDraft};
pub use editor::StockSeen;
pub use held_reads::HeldStats;
pub(crate) use held_reads::ShelfKey;
pub(crate) use images::{delete_upload, store_upload, REVIEW_DIR};
pub use images::{process as process_image, thumb_size, thumb_url, AdminImage, MAX_UPLOAD_BYTES};
pub use import_jobs::{ImportJob, ImportJobs};
pub use query::{ListingQuery, OptionFilter};
pub(crate) use translations::of_products as translations_of;
pub use tree::CategoryTree;
pub use types::*;

pub use model::catalog::ProductStatus;

/// Catalog read service. Cheap to clone (the connection is a pool handle,
/// clones share one copy of the category tree and of the held reads).
#[derive(Clone)]
pub struct Catalog {
    db: DatabaseConnection,
    tree: std::sync::Arc<tree::Held>,
    held: std::sync::Arc<held_reads::HeldReads>,
}

impl Catalog {
    pub fn new(db: DatabaseConnection) -> Self {
        Self {
            db,
            tree: std::sync::Arc::default(),
            held: std::sync::Arc::default(),
        }
    }

    /// The category tree, read from the database once and then held until
    /// [`Self::forget_tree`] (the change feed calls it when a category
    /// changes, on every instance).
    pub async fn tree(&self) -> crate::Result<std::sync::Arc<CategoryTree>> {
        if let Some(tree) = self.tree.get() {
            return Ok(tree);
        }
        let generation = self.tree.generation();
        let tree = std::sync::Arc::new(CategoryTree::load(&self.db).await?);
        self.tree.keep(generation, tree.clone());
        Ok(tree)
    }

    pub fn forget_tree(&self) {
        self.tree.forget();
    }

    /// Drops the held facet counts and home sections; the change feed calls
    /// it when a product or category changes, on every instance.
    pub fn forget_listings(&self) {
        self.held.forget();
    }

    /// A product's or a cart's recommendation shelves, held between
    /// changes (and for at most two minutes: the refresh that moves them
    /// writes no change row); `read` runs when none are held.
    pub(crate) async fn shelves<F>(
        &self,
        key: ShelfKey,
        read: F,
    ) -> crate::Result<model::recommendations::ProductRecommendations>
    where
        F: std::future::Future<
            Output = crate::Result<model::recommendations::ProductRecommendations>,
        >,
    {
        if let Some(held) = self.held.shelves(&key) {
            return Ok(held.as_ref().clone());
        }
        let generation = self.held.generation();
        let shelves = read.await?;
        self.held
            .keep_shelves(generation, key, std::sync::Arc::new(shelves.clone()));
        Ok(shelves)
    }

    /// A product's published reviews for `query`, as every shopper sees
    /// them (no viewer's votes), held between changes; `read` runs when
    /// none are held.
    pub(crate) async fn reviews<F>(
        &self,
        slug: &str,
        query: &model::reviews::ReviewQuery,
        read: F,
    ) -> crate::Result<std::sync::Arc<model::reviews::ReviewsPage>>
    where
        F: std::future::Future<Output = crate::Result<model::reviews::ReviewsPage>>,
    {
        let key = (slug.to_owned(), query.clone());
        if let Some(held) = self.held.reviews(&key) {
            return Ok(held);
        }
        let generation = self.held.generation();
        let page = std::sync::Arc::new(read.await?);
        self.held.keep_reviews(generation, key, page.clone());
        Ok(page)
    }

    /// How often listings were answered from held counts.
    pub fn held_stats(&self) -> &HeldStats {
        &self.held.stats
    }
}
