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

/// A warehouse with the units it holds.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct WarehouseRow {
    pub code: String,
    pub name: String,
    pub on_hand: i64,
}

/// A variant's count in one warehouse.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct LevelRow {
    pub warehouse: String,
    pub warehouse_name: String,
    pub on_hand: i32,
    pub reserved: i32,
}

/// One change of a shelf count.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct MovementRow {
    /// Unix seconds.
    pub at: i64,
    pub warehouse: String,
    pub delta: i32,
    pub on_hand_after: i32,
    pub reason: String,
    pub note: String,
    /// Staff email, or empty for the shop itself (sales, restocks).
    pub by: String,
    pub order_id: Option<i32>,
}

/// A variant's stock everywhere and its history, newest first.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct VariantStock {
    pub sku: String,
    pub product_title: String,
    pub product_slug: String,
    pub variant_title: String,
    pub levels: Vec<LevelRow>,
    pub movements: Vec<MovementRow>,
}
