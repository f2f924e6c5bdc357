//! The catalog as shoppers see it: category tree, listings with filters and
//! facets, product pages. Read-only here; writes come with the admin.
mod cards;
mod home;
mod listing;
mod manage;
mod product_page;
mod query;
mod tree;
mod types;

use sea_orm::DatabaseConnection;

pub(crate) use cards::availability;
pub use query::{ListingQuery, OptionFilter, Sort, PAGE_SIZE};
pub use tree::CategoryTree;
pub use types::*;

/// Lifecycle of a product. Only `Active` products are visible to shoppers.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ProductStatus {
    Draft,
    Active,
    Archived,
}

impl ProductStatus {
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Draft => "draft",
            Self::Active => "active",
            Self::Archived => "archived",
        }
    }
}

/// Catalog read service. Cheap to clone (the connection is a pool handle).
#[derive(Clone)]
pub struct Catalog {
    db: DatabaseConnection,
}

impl Catalog {
    pub fn new(db: DatabaseConnection) -> Self {
        Self { db }
    }

    pub async fn tree(&self) -> crate::Result<CategoryTree> {
        CategoryTree::load(&self.db).await
    }
}
