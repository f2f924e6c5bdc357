//! Why shelf counts change.
use serde::{Deserialize, Serialize};

/// What staff do to a warehouse.
#[derive(
    Clone,
    Copy,
    Debug,
    PartialEq,
    Eq,
    Hash,
    Serialize,
    Deserialize,
    strum::EnumString,
    strum::IntoStaticStr,
    strum::VariantArray,
)]
#[serde(rename_all = "snake_case")]
#[strum(serialize_all = "snake_case")]
pub enum WarehouseAction {
    Create,
    Rename,
    /// Only an empty warehouse can go.
    Delete,
}

/// Why a shelf count changed.
#[derive(
    Clone,
    Copy,
    Debug,
    PartialEq,
    Eq,
    Hash,
    Serialize,
    Deserialize,
    strum::EnumString,
    strum::IntoStaticStr,
    strum::VariantArray,
)]
#[serde(rename_all = "snake_case")]
#[strum(serialize_all = "snake_case")]
pub enum Reason {
    /// A paid order took the units.
    Sale,
    /// A cancelled or returned order put them back.
    Restock,
    /// Goods arrived from a supplier.
    Received,
    /// Damaged or lost.
    Damaged,
    /// A count found a different number.
    Correction,
    /// Set in the product editor.
    Edit,
    /// Set by a CSV import.
    Import,
}

impl Reason {
    /// What staff may pick when adjusting by hand.
    pub const MANUAL: [Reason; 3] = [Self::Received, Self::Damaged, Self::Correction];

    pub const ALL: &'static [Self] = <Self as strum::VariantArray>::VARIANTS;

    /// The stored (and sent) name.
    pub fn as_str(self) -> &'static str {
        self.into()
    }

    pub fn parse(s: &str) -> Option<Self> {
        s.trim().parse().ok()
    }

    pub fn label(self) -> &'static str {
        match self {
            Self::Sale => "Sale",
            Self::Restock => "Restock",
            Self::Received => "Received",
            Self::Damaged => "Damaged or lost",
            Self::Correction => "Count correction",
            Self::Edit => "Product editor",
            Self::Import => "CSV import",
        }
    }
}
