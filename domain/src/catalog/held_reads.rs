//! What shoppers' pages read most, held between changes: facet counts per
//! category and filter state, the home page's sections, products as their
//! page shows them, a product's recommendation shelves and the published
//! reviews on its page. The page cache
//! only serves anonymous shoppers; without these a signed-in shopper's
//! category page would scan every product of the category, and their
//! product page would run some twenty statements, on every request. The
//! change feed calls [`HeldReads::forget`] on every instance when a product
//! or category changes.
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, PoisonError, RwLock};

use super::query::ListingQuery;
use super::types::{FacetValue, HomePage, OptionFacet, ProductDetail};
use model::recommendations::ProductRecommendations;
use model::reviews::{ReviewQuery, ReviewsPage};

/// Bytes of counts held at once (roughly: the names and numbers). A
/// crawler walking every filter combination pushes out the least used,
/// not the memory.
const MAX_HELD_BYTES: u64 = 16 * 1024 * 1024;
/// Bytes of products (as JSON) and of shelves held at once, each.
const MAX_PRODUCT_BYTES: u64 = 32 * 1024 * 1024;
const MAX_SHELF_BYTES: u64 = 16 * 1024 * 1024;
/// Bytes of review pages held at once: the first page of each product's
/// reviews is what shoppers read; a crawler paging through every sort and
/// filter pushes out the least used.
const MAX_REVIEW_BYTES: u64 = 16 * 1024 * 1024;
/// Shelves follow orders and views through the background refresh, which
/// writes no change row; they are read again after this long.
const SHELVES_FOR: std::time::Duration = std::time::Duration::from_secs(120);

/// Roughly what an entry takes in memory: its key's bytes and its value's
/// JSON (names, text, numbers).
fn json_weight(key: usize, value: &impl serde::Serialize) -> u32 {
    serde_json::to_vec(value)
        .map(|v| u32::try_from(v.len() + key).unwrap_or(u32::MAX))
        .unwrap_or(u32::MAX)
}

/// Whose recommendations: a product's page, or a cart holding these
/// products (their slugs, sorted, each once).
#[derive(Clone, Debug, Hash, PartialEq, Eq)]
pub enum ShelfKey {
    Product(String),
    Cart(Vec<String>),
}

impl ShelfKey {
    fn len(&self) -> usize {
        match self {
            Self::Product(slug) => slug.len(),
            Self::Cart(slugs) => slugs.iter().map(String::len).sum(),
        }
    }
}

/// A category and the filters that decide its counts: the query with its
/// page and sort reset, since those only order and cut the same matches.
#[derive(Clone, Debug, Hash, PartialEq, Eq)]
pub(super) struct FilterKey {
    category: i32,
    filters: ListingQuery,
}

impl FilterKey {
    pub(super) fn new(category: i32, q: &ListingQuery) -> Self {
        Self {
            category,
            filters: ListingQuery {
                page: 1,
                sort: Default::default(),
                ..q.clone()
            },
        }
    }
}

/// What the filters match: the total and the facet counts.
#[derive(Debug)]
pub(super) struct Counts {
    pub total: u64,
    pub brands: Vec<FacetValue>,
    pub options: Vec<OptionFacet>,
    pub attributes: Vec<model::attributes::AttributeFacet>,
}

impl Counts {
    fn weight(&self) -> u32 {
        const PER_VALUE: usize = std::mem::size_of::<FacetValue>();
        let values = |v: &[FacetValue]| v.iter().map(|f| f.value.len() + PER_VALUE).sum::<usize>();
        let bytes = 64
            + values(&self.brands)
            + self
                .options
                .iter()
                .map(|o| o.name.len() + values(&o.values))
                .sum::<usize>()
            + self
                .attributes
                .iter()
                .map(|a| {
                    a.name.len()
                        + a.values
                            .iter()
                            .map(|v| v.value.len() + v.label.len() + PER_VALUE)
                            .sum::<usize>()
                })
                .sum::<usize>();
        u32::try_from(bytes).unwrap_or(u32::MAX)
    }
}

/// Requests answered from what was held, and those that read the database.
#[derive(Default)]
pub struct HeldStats {
    pub hits: AtomicU64,
    pub misses: AtomicU64,
}

pub(super) struct HeldReads {
    /// With the generation each was read at: moka's `invalidate_all` spares
    /// an entry stored in the same clock tick, so a mismatch is a miss too.
    counts: moka::sync::Cache<FilterKey, (u64, Arc<Counts>)>,
    home: RwLock<Option<Arc<HomePage>>>,
    /// Products on sale by slug, with the public URL their JSON-LD names.
    products: moka::sync::Cache<String, (u64, Arc<(String, ProductDetail)>)>,
    /// Recommendations by product slug, and for carts.
    shelves: moka::sync::Cache<ShelfKey, (u64, Arc<ProductRecommendations>)>,
    /// Published reviews by product slug and query, without any viewer's
    /// votes (the feed has a row for every change to a published review).
    reviews: moka::sync::Cache<(String, ReviewQuery), (u64, Arc<ReviewsPage>)>,
    /// Moves on at every change. A read that began before a change is not
    /// kept after it; `gate` makes the check and the keeping one step that
    /// a change cannot fall between.
    generation: AtomicU64,
    gate: RwLock<()>,
    pub stats: HeldStats,
}

impl Default for HeldReads {
    fn default() -> Self {
        Self {
            counts: moka::sync::Cache::builder()
                .max_capacity(MAX_HELD_BYTES)
                .weigher(|_: &FilterKey, (_, counts): &(u64, Arc<Counts>)| counts.weight())
                .build(),
            home: RwLock::default(),
            products: moka::sync::Cache::builder()
                .max_capacity(MAX_PRODUCT_BYTES)
                .weigher(
                    |slug: &String, (_, held): &(u64, Arc<(String, ProductDetail)>)| {
                        json_weight(slug.len(), &held.1)
                    },
                )
                .build(),
            shelves: moka::sync::Cache::builder()
                .max_capacity(MAX_SHELF_BYTES)
                .time_to_live(SHELVES_FOR)
                .weigher(
                    |key: &ShelfKey, (_, held): &(u64, Arc<ProductRecommendations>)| {
                        json_weight(key.len(), held.as_ref())
                    },
                )
                .build(),
            reviews: moka::sync::Cache::builder()
                .max_capacity(MAX_REVIEW_BYTES)
                .weigher(
                    |(slug, _): &(String, ReviewQuery), (_, held): &(u64, Arc<ReviewsPage>)| {
                        json_weight(slug.len(), held.as_ref())
                    },
                )
                .build(),
            generation: AtomicU64::new(0),
            gate: RwLock::new(()),
            stats: HeldStats::default(),
        }
    }
}

impl HeldReads {
    pub(super) fn generation(&self) -> u64 {
        self.generation.load(Ordering::Acquire)
    }

    fn counted<T>(&self, found: Option<T>) -> Option<T> {
        let stat = match found {
            Some(_) => &self.stats.hits,
            None => &self.stats.misses,
        };
        stat.fetch_add(1, Ordering::Relaxed);
        found
    }

    /// What `cache` holds for `key` if it was read at the current
    /// generation and `fits`; counted as a hit or a miss.
    fn current<K, Q, V>(
        &self,
        cache: &moka::sync::Cache<K, (u64, V)>,
        key: &Q,
        fits: impl FnOnce(&V) -> bool,
    ) -> Option<V>
    where
        K: std::hash::Hash + Eq + Send + Sync + 'static + std::borrow::Borrow<Q>,
        Q: std::hash::Hash + Eq + ?Sized,
        V: Clone + Send + Sync + 'static,
    {
        let now = self.generation();
        self.counted(
            cache
                .get(key)
                .filter(|(at, held)| *at == now && fits(held))
                .map(|(_, held)| held),
        )
    }

    pub(super) fn counts(&self, key: &FilterKey) -> Option<Arc<Counts>> {
        self.current(&self.counts, key, |_| true)
    }

    pub(super) fn home(&self) -> Option<Arc<HomePage>> {
        self.counted(
            self.home
                .read()
                .unwrap_or_else(PoisonError::into_inner)
                .clone(),
        )
    }

    /// The product `slug` as its page shows it, read for `base`.
    pub(super) fn product(&self, slug: &str, base: &str) -> Option<Arc<(String, ProductDetail)>> {
        self.current(&self.products, slug, |held| held.0 == base)
    }

    pub(super) fn keep_product(&self, generation: u64, held: Arc<(String, ProductDetail)>) {
        let slug = held.1.slug.clone();
        self.keep(generation, || {
            self.products.insert(slug, (generation, held))
        });
    }

    pub(super) fn shelves(&self, key: &ShelfKey) -> Option<Arc<ProductRecommendations>> {
        self.current(&self.shelves, key, |_| true)
    }

    pub(super) fn keep_shelves(
        &self,
        generation: u64,
        key: ShelfKey,
        held: Arc<ProductRecommendations>,
    ) {
        self.keep(generation, || self.shelves.insert(key, (generation, held)));
    }

    pub(super) fn reviews(&self, key: &(String, ReviewQuery)) -> Option<Arc<ReviewsPage>> {
        self.current(&self.reviews, key, |_| true)
    }

    pub(super) fn keep_reviews(
        &self,
        generation: u64,
        key: (String, ReviewQuery),
        held: Arc<ReviewsPage>,
    ) {
        self.keep(generation, || self.reviews.insert(key, (generation, held)));
    }

    /// Keeps what was read at `generation`, unless something changed since.
    fn keep(&self, generation: u64, keep: impl FnOnce()) {
        let _open = self.gate.read().unwrap_or_else(PoisonError::into_inner);
        if self.generation() == generation {
            keep();
        }
    }

    pub(super) fn keep_counts(&self, generation: u64, key: FilterKey, counts: Arc<Counts>) {
        self.keep(generation, || self.counts.insert(key, (generation, counts)));
    }

    pub(super) fn keep_home(&self, generation: u64, home: Arc<HomePage>) {
        self.keep(generation, || {
            *self.home.write().unwrap_or_else(PoisonError::into_inner) = Some(home);
        });
    }

    pub(super) fn forget(&self) {
        // A poisoned lock still guards: forgetting must never be skipped.
        let _closed = self.gate.write().unwrap_or_else(PoisonError::into_inner);
        self.generation.fetch_add(1, Ordering::AcqRel);
        self.counts.invalidate_all();
        self.products.invalidate_all();
        self.shelves.invalidate_all();
        self.reviews.invalidate_all();
        *self.home.write().unwrap_or_else(PoisonError::into_inner) = None;
    }
}
