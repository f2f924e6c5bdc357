//! Recommendations: "customers also bought" (products in the same paid
//! orders), "similar products" (same category, brand and words), "trending
//! now" (views and orders, decayed by age) and the category's best sellers
//! as the fallback when data is thin. A background refresh ([`refresh`])
//! computes them into tables; requests only read precomputed rows
//! ([`read`]), filtered to what is sold and in stock now, never the product
//! itself. Staff pin or exclude suggestions per product ([`rules`]).
mod read;
pub mod refresh;
mod rules;

use sea_orm::DatabaseConnection;

pub use model::recommendations::{
    ExplainRow, ProductRecommendations, RecommendationReport, Rule, Signals, SHOWN,
};
pub use refresh::RefreshReport;

/// Kinds of precomputed rows.
pub(crate) const ALSO_BOUGHT: &str = "also_bought";
pub(crate) const SIMILAR: &str = "similar";

#[derive(Clone)]
pub struct Recommendations {
    db: DatabaseConnection,
    /// Holds the shelves between changes (its held reads are evicted by
    /// the change feed).
    catalog: crate::catalog::Catalog,
}

impl Recommendations {
    pub fn new(db: DatabaseConnection, catalog: crate::catalog::Catalog) -> Self {
        Self { db, catalog }
    }
}

/// Statuses of orders that were paid for (a sale happened).
fn paid_statuses() -> String {
    model::OrderStatus::ALL
        .iter()
        .filter(|s| s.is_paid())
        .map(|s| format!("'{}'", s.as_str()))
        .collect::<Vec<_>>()
        .join(", ")
}
