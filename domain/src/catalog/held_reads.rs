//! What listings read most, held between changes: facet counts per category
//! and filter state, and the home page's sections. Counting facets scans
//! every product of a category, so a signed-in shopper's category page (the
//! page cache only serves anonymous ones) would otherwise scan on every
//! request. The change feed calls [`HeldReads::forget`] on every instance
//! when a product or category changes.
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, PoisonError, RwLock};

use super::query::ListingQuery;
use super::types::{FacetValue, HomePage, OptionFacet};

/// Bytes of counts held at once (roughly: the names and numbers). A
/// crawler walking every filter combination pushes out the least used,
/// not the memory.
const MAX_HELD_BYTES: u64 = 16 * 1024 * 1024;

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

    pub(super) fn counts(&self, key: &FilterKey) -> Option<Arc<Counts>> {
        let now = self.generation();
        self.counted(
            self.counts
                .get(key)
                .filter(|(at, _)| *at == now)
                .map(|(_, counts)| counts),
        )
    }

    pub(super) fn home(&self) -> Option<Arc<HomePage>> {
        self.counted(
            self.home
                .read()
                .unwrap_or_else(PoisonError::into_inner)
                .clone(),
        )
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
        *self.home.write().unwrap_or_else(PoisonError::into_inner) = None;
    }
}
