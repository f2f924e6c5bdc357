//! What the shop counts about visits.
use serde::{Deserialize, Serialize};

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
pub enum EventKind {
    PageView,
    ProductView,
    Search,
    SearchClick,
    AddToCart,
    CheckoutStarted,
    /// An order was placed in this visit (`order_id` set); whether it was
    /// paid is read from the order itself.
    OrderPlaced,
}

impl EventKind {
    pub const FUNNEL: [EventKind; 5] = [
        EventKind::PageView,
        EventKind::ProductView,
        EventKind::AddToCart,
        EventKind::CheckoutStarted,
        EventKind::OrderPlaced,
    ];

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
            Self::PageView => "Visited",
            Self::ProductView => "Viewed a product",
            Self::Search => "Searched",
            Self::SearchClick => "Clicked a result",
            Self::AddToCart => "Added to cart",
            Self::CheckoutStarted => "Started checkout",
            Self::OrderPlaced => "Placed an order",
        }
    }
}
