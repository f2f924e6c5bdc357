//! Catalog search. [`SearchIndex`] is the port; [`embedded::EmbeddedIndex`]
//! (tantivy, in-process, the default) and [`meili::MeiliIndex`]
//! (Meilisearch) are its adapters. [`Search`] is the service the web layers
//! call: it turns a shopper's request into engine queries (one per
//! multi-select facet group, so each group's counts ignore its own
//! selection), loads the product cards from the database and adds
//! highlighting, "did you mean" and popular products.
pub mod document;
pub mod embedded;
pub mod facets;
pub mod meili;
mod service;
pub mod sync;
pub mod text;

use std::collections::BTreeMap;

use async_trait::async_trait;

pub use document::SearchDoc;
pub use facets::{FacetKey, PriceBucket, PRICE_BUCKETS};
pub use service::{
    Autocomplete, FacetGroup, FacetOption, Search, SearchHit, SearchPage, SearchRequest,
    SuggestedCategory,
};

use crate::Result;

pub use model::search::SearchSort;
use model::Locale;

/// Documents must hold one of `values` in `key` (OR); filters AND together.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Filter {
    pub key: FacetKey,
    pub values: Vec<String>,
}

/// What the service asks an adapter.
#[derive(Clone, Debug, Default)]
pub struct EngineQuery {
    pub text: String,
    /// The language whose title and description are searched.
    pub locale: Locale,
    pub filters: Vec<Filter>,
    /// Facet distributions to count over the matching documents.
    pub facets: Vec<FacetKey>,
    pub sort: SearchSort,
    /// A price sort in this currency's shown prices
    /// ([`document::price_field`]); the base prices when none.
    pub prices_in: Option<crate::Currency>,
    /// 1-based page of `per_page` hits.
    pub page: usize,
    pub per_page: usize,
}

impl EngineQuery {
    /// The field a price sort orders by.
    pub fn price_field(&self) -> &'static str {
        self.prices_in.map_or("price_min", document::price_field)
    }
}

#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct EngineResult {
    /// Product ids, best first.
    pub ids: Vec<i32>,
    pub total: u64,
    /// value → number of matching documents, per requested facet.
    pub facets: BTreeMap<FacetKey, BTreeMap<String, u64>>,
}

/// A search engine holding one document per active product.
#[async_trait]
pub trait SearchIndex: Send + Sync {
    /// "embedded" or "meilisearch", for logs, /readyz and test output.
    fn kind(&self) -> &'static str;
    /// Creates the index and applies settings (idempotent). True when the
    /// index is missing or from an older schema and must be rebuilt.
    async fn prepare(&self) -> Result<bool>;
    async fn upsert(&self, docs: Vec<SearchDoc>) -> Result<()>;
    async fn remove(&self, ids: Vec<i32>) -> Result<()>;
    async fn search(&self, query: EngineQuery) -> Result<EngineResult>;
    /// Known words near `word`, with how many documents hold each, for
    /// "did you mean".
    async fn vocabulary_near(&self, word: String, locale: Locale) -> Result<Vec<(String, u64)>>;
    /// Builds a fresh index beside the live one; `finish` swaps it in.
    async fn begin_rebuild(&self) -> Result<Box<dyn Rebuild>>;
    /// Ok when the engine answers.
    async fn health(&self) -> Result<()>;
}

#[async_trait]
pub trait Rebuild: Send {
    async fn add(&mut self, docs: Vec<SearchDoc>) -> Result<()>;
    async fn finish(self: Box<Self>) -> Result<()>;
}
