//! Search's shared vocabulary.
use serde::{Deserialize, Serialize};

/// Result order. `Relevance` with no words falls back to newest first.
#[derive(
    Clone,
    Copy,
    Debug,
    PartialEq,
    Eq,
    Hash,
    Default,
    Serialize,
    Deserialize,
    strum::EnumString,
    strum::IntoStaticStr,
    strum::VariantArray,
)]
#[serde(rename_all = "snake_case")]
#[strum(serialize_all = "snake_case")]
pub enum SearchSort {
    #[default]
    Relevance,
    PriceAsc,
    PriceDesc,
    Newest,
}

impl SearchSort {
    pub const ALL: &'static [Self] = <Self as strum::VariantArray>::VARIANTS;

    /// The stored (and sent) name.
    pub fn as_str(self) -> &'static str {
        self.into()
    }

    /// Lenient: an unknown sort is relevance.
    pub fn parse(s: &str) -> Self {
        s.trim().parse().unwrap_or_default()
    }

    pub fn label(self) -> &'static str {
        match self {
            Self::Relevance => "Relevance",
            Self::PriceAsc => "Price: low to high",
            Self::PriceDesc => "Price: high to low",
            Self::Newest => "Newest",
        }
    }
}
