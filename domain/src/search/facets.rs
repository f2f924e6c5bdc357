//! The facets a search can be narrowed by, and the fixed price buckets.
use crate::money::{Currency, Money};

pub use model::search::FacetKey;

pub const IN_STOCK: &str = "in";
pub const OUT_OF_STOCK: &str = "out";

/// A price range in minor units, `to` exclusive.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct PriceBucket {
    pub from: i64,
    pub to: Option<i64>,
}

/// Bucket edges in minor units of the shop currency.
pub const PRICE_BUCKETS: &[PriceBucket] = &[
    PriceBucket {
        from: 0,
        to: Some(2_500),
    },
    PriceBucket {
        from: 2_500,
        to: Some(5_000),
    },
    PriceBucket {
        from: 5_000,
        to: Some(10_000),
    },
    PriceBucket {
        from: 10_000,
        to: Some(20_000),
    },
    PriceBucket {
        from: 20_000,
        to: None,
    },
];

impl PriceBucket {
    pub fn of(price_minor: i64) -> &'static PriceBucket {
        PRICE_BUCKETS
            .iter()
            .find(|b| price_minor >= b.from && b.to.is_none_or(|to| price_minor < to))
            .unwrap_or(&PRICE_BUCKETS[0])
    }

    pub fn key(&self) -> String {
        match self.to {
            Some(to) => format!("{}-{}", self.from, to),
            None => format!("{}-", self.from),
        }
    }

    pub fn by_key(key: &str) -> Option<&'static PriceBucket> {
        PRICE_BUCKETS.iter().find(|b| b.key() == key)
    }

    pub fn label(&self, currency: Currency) -> String {
        let m = |minor| Money::new(minor, currency).format();
        match (self.from, self.to) {
            (0, Some(to)) => format!("Under {}", m(to)),
            (from, Some(to)) => format!("{} – {}", m(from), m(to)),
            (from, None) => format!("{} and over", m(from)),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_price_has_exactly_one_bucket() {
        for price in [0, 2_499, 2_500, 9_999, 10_000, 19_999, 20_000, 1_000_000] {
            let inside: Vec<_> = PRICE_BUCKETS
                .iter()
                .filter(|b| price >= b.from && b.to.is_none_or(|to| price < to))
                .collect();
            assert_eq!(inside.len(), 1, "{price}");
            assert_eq!(PriceBucket::of(price), inside[0]);
        }
    }

    #[test]
    fn keys_round_trip_and_labels_read_well() {
        for b in PRICE_BUCKETS {
            assert_eq!(PriceBucket::by_key(&b.key()), Some(b));
        }
        assert_eq!(PRICE_BUCKETS[0].label(Currency::Usd), "Under $25.00");
        assert_eq!(PRICE_BUCKETS[4].label(Currency::Usd), "$200.00 and over");
    }
}
