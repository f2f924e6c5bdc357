//! Recommendations as shoppers see them and as staff inspect them.
use serde::{Deserialize, Serialize};

use crate::storefront::ProductCard;

/// Cards per shelf.
pub const SHOWN: usize = 4;

/// The product page's two shelves.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ProductRecommendations {
    /// "Customers also bought": from paid orders, topped up with the
    /// category's best sellers when there are few.
    pub also_bought: Vec<ProductCard>,
    pub similar: Vec<ProductCard>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Rule {
    /// Always first in "also bought".
    Pin,
    /// Never shown for this product.
    Exclude,
}

impl Rule {
    pub fn as_str(self) -> &'static str {
        match self {
            Rule::Pin => "pin",
            Rule::Exclude => "exclude",
        }
    }

    pub fn parse(s: &str) -> Option<Self> {
        match s.trim() {
            "pin" => Some(Rule::Pin),
            "exclude" => Some(Rule::Exclude),
            _ => None,
        }
    }
}

/// One precomputed suggestion and why it is there.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ExplainRow {
    pub slug: String,
    pub title: String,
    /// Orders holding both (also bought), or similarity points.
    pub score: i64,
    /// Sold now and in stock: only then is it shown.
    pub available: bool,
    pub rule: Option<Rule>,
}

/// What the refresh counted for a product.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Signals {
    /// Decayed views and orders, in thousandths.
    pub trending: i64,
    pub views: i32,
    pub orders: i32,
    pub sold: i32,
}

/// The admin's view of one product's recommendations.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct RecommendationReport {
    pub slug: String,
    pub title: String,
    pub signals: Signals,
    pub also_bought: Vec<ExplainRow>,
    pub similar: Vec<ExplainRow>,
    /// Staff rules, including pins of products not otherwise suggested.
    pub rules: Vec<ExplainRow>,
    /// What shoppers see now.
    pub shown: ProductRecommendations,
}
