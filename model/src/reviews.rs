//! Product reviews as shoppers write and read them and staff moderate them.
use serde::{Deserialize, Serialize};

use crate::storefront::Image;

/// Stars a review gives.
pub const MIN_RATING: u8 = 1;
pub const MAX_RATING: u8 = 5;
pub const TITLE_MAX: usize = 120;
pub const BODY_MAX: usize = 5_000;
/// Photos one review may carry.
pub const PHOTOS_MAX: usize = 4;
/// Reviews on one page of a product's reviews.
pub const PAGE_SIZE: u64 = 10;

/// A product's published ratings: count and average, for cards, the
/// product page and JSON-LD.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct RatingSummary {
    pub count: u32,
    /// Sum of the stars; the average is `sum / count`.
    pub sum: u32,
}

impl RatingSummary {
    pub fn new(count: i32, sum: i32) -> Option<Self> {
        (count > 0).then(|| Self {
            count: count.unsigned_abs(),
            sum: sum.max(0).unsigned_abs(),
        })
    }

    /// The average in tenths of a star, rounded half up (43 = 4.3).
    pub fn average_tenths(&self) -> u32 {
        if self.count == 0 {
            return 0;
        }
        (self.sum * 10 * 2 + self.count) / (self.count * 2)
    }

    /// "4.3": what the page and schema.org show.
    pub fn average_label(&self) -> String {
        let t = self.average_tenths();
        format!("{}.{}", t / 10, t % 10)
    }
}

#[derive(
    Clone,
    Copy,
    Debug,
    Default,
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
pub enum ReviewStatus {
    #[default]
    Pending,
    Published,
    Rejected,
}

impl ReviewStatus {
    pub const ALL: &'static [Self] = <Self as strum::VariantArray>::VARIANTS;

    pub fn as_str(self) -> &'static str {
        self.into()
    }

    pub fn parse(s: &str) -> Option<Self> {
        s.parse().ok()
    }

    pub fn label(self) -> &'static str {
        match self {
            Self::Pending => "Waiting for moderation",
            Self::Published => "Published",
            Self::Rejected => "Rejected",
        }
    }
}

/// The order of a product's reviews.
#[derive(
    Clone,
    Copy,
    Debug,
    Default,
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
pub enum ReviewSort {
    #[default]
    Helpful,
    Newest,
    Highest,
    Lowest,
}

impl ReviewSort {
    pub const ALL: &'static [Self] = <Self as strum::VariantArray>::VARIANTS;

    pub fn key(self) -> &'static str {
        self.into()
    }

    pub fn parse(s: &str) -> Self {
        s.parse().unwrap_or_default()
    }

    pub fn label(self) -> &'static str {
        match self {
            Self::Helpful => "Most helpful",
            Self::Newest => "Newest",
            Self::Highest => "Highest rating",
            Self::Lowest => "Lowest rating",
        }
    }
}

/// Which reviews of a product to show.
#[derive(Clone, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct ReviewQuery {
    pub sort: ReviewSort,
    /// Only reviews with this many stars.
    pub stars: Option<u8>,
    /// 1-based.
    pub page: u64,
}

/// What a shopper types.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ReviewInput {
    pub rating: u8,
    pub title: String,
    pub body: String,
}

/// One published review as shoppers read it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ReviewView {
    pub id: i32,
    /// First name and initial ("Ann B."), never the email.
    pub author: String,
    pub rating: u8,
    pub title: String,
    pub body: String,
    pub verified: bool,
    /// `YYYY-MM-DD`.
    pub date: String,
    pub helpful: u32,
    pub photos: Vec<Image>,
    /// The shop's answer.
    pub reply: Option<String>,
}

/// What the viewer may do about reviewing this product.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub enum ReviewStanding {
    /// Not signed in: reviewing starts with signing in.
    #[default]
    SignIn,
    /// Signed in, but the shop takes reviews from buyers only and this
    /// shopper has not received the product.
    NotBought,
    /// May write one; `verified` when bought and received.
    CanWrite { verified: bool },
    /// Has written one: it can be edited.
    Written {
        input: ReviewInput,
        status: ReviewStatus,
        reject_reason: Option<String>,
        /// Its photos, which the author may remove or add to.
        photos: Vec<ReviewPhoto>,
    },
}

/// A photo on the viewer's own review.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ReviewPhoto {
    pub id: i32,
    pub image: Image,
}

/// The reviews section of a product page.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ReviewsPage {
    pub summary: RatingSummary,
    /// Published reviews with 1..=5 stars, index 0 = one star.
    pub histogram: [u32; 5],
    pub reviews: Vec<ReviewView>,
    pub query: ReviewQuery,
    /// Pages for the current filter.
    pub page_count: u64,
    /// Reviews the viewer already found helpful, among `reviews`.
    pub voted: Vec<i32>,
}

/// A review in the staff moderation queue.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ModerationRow {
    pub id: i32,
    pub product_title: String,
    pub product_slug: String,
    pub author: String,
    pub author_email: String,
    pub rating: u8,
    pub title: String,
    pub body: String,
    pub status: ReviewStatus,
    pub verified: bool,
    /// The profanity filter found milder language: a person decides.
    pub flagged: bool,
    pub reports: u32,
    pub reject_reason: Option<String>,
    pub reply: Option<String>,
    pub photos: Vec<Image>,
    /// `YYYY-MM-DD HH:MM` UTC.
    pub written: String,
}

/// Which reviews staff look at.
#[derive(
    Clone,
    Copy,
    Debug,
    Default,
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
pub enum ModerationFilter {
    /// Waiting, and published ones shoppers reported.
    #[default]
    Queue,
    Published,
    Rejected,
}

impl ModerationFilter {
    pub const ALL: &'static [Self] = <Self as strum::VariantArray>::VARIANTS;

    pub fn key(self) -> &'static str {
        self.into()
    }

    pub fn label(self) -> &'static str {
        match self {
            Self::Queue => "To moderate",
            Self::Published => "Published",
            Self::Rejected => "Rejected",
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn averages_round_half_up_in_tenths() {
        let r = RatingSummary::new(3, 13).unwrap();
        assert_eq!(r.average_tenths(), 43);
        assert_eq!(r.average_label(), "4.3");
        let r = RatingSummary::new(4, 18).unwrap();
        assert_eq!(r.average_label(), "4.5");
        let r = RatingSummary::new(1, 5).unwrap();
        assert_eq!(r.average_label(), "5.0");
        assert_eq!(RatingSummary::new(0, 0), None);
    }
}
