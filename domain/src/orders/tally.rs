//! Orders placed and paid, and the money they brought, counted by this
//! process since it started, for `/metrics`. The orders table stays the
//! record; these only move forward, and a scraper sums the instances.
use std::sync::atomic::{AtomicU64, Ordering};

use crate::money::{Currency, Money};

#[derive(Default)]
struct Counts {
    placed: AtomicU64,
    paid: AtomicU64,
    revenue_minor: AtomicU64,
}

/// One set of counters per currency (there are four).
#[derive(Default)]
pub struct Tally([Counts; Currency::ALL.len()]);

/// What a scrape reads for one currency.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct TallyRow {
    pub currency: Currency,
    pub placed: u64,
    pub paid: u64,
    pub revenue_minor: u64,
}

impl Tally {
    fn counts(&self, currency: Currency) -> &Counts {
        let i = Currency::ALL
            .iter()
            .position(|c| *c == currency)
            .unwrap_or(0);
        &self.0[i]
    }

    pub(crate) fn placed(&self, currency: Currency) {
        self.counts(currency).placed.fetch_add(1, Ordering::Relaxed);
    }

    pub(crate) fn paid(&self, amount: Money) {
        let c = self.counts(amount.currency);
        c.paid.fetch_add(1, Ordering::Relaxed);
        c.revenue_minor
            .fetch_add(amount.minor.max(0).unsigned_abs(), Ordering::Relaxed);
    }

    pub fn rows(&self) -> Vec<TallyRow> {
        Currency::ALL
            .iter()
            .map(|&currency| {
                let c = self.counts(currency);
                TallyRow {
                    currency,
                    placed: c.placed.load(Ordering::Relaxed),
                    paid: c.paid.load(Ordering::Relaxed),
                    revenue_minor: c.revenue_minor.load(Ordering::Relaxed),
                }
            })
            .collect()
    }
}
