//! Wishlists as the domain builds them and the pages show them.
use serde::{Deserialize, Serialize};

use crate::Money;

/// Most items one wishlist holds: bounds every page and merge.
pub const MAX_ITEMS: usize = 200;

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct WishlistLine {
    pub sku: String,
    pub product_slug: String,
    pub product_title: String,
    pub variant_title: String,
    pub image_url: Option<String>,
    pub price: Money,
    /// The price when saved, when it was higher than today's.
    pub was: Option<Money>,
    pub in_stock: bool,
}

#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct WishlistView {
    /// The list's public id: a guest's key to it, so it stays on the server.
    #[serde(skip)]
    pub id: Option<String>,
    /// Newest first; products no longer sold are left out.
    pub lines: Vec<WishlistLine>,
    /// The read-only link's token while the list is shared.
    pub share_token: Option<String>,
    /// "Back in stock" and "price dropped" mails (customers only).
    pub alerts: bool,
    pub signed_in: bool,
}

impl WishlistView {
    /// Products on the list, for the hearts on cards and product pages.
    pub fn has_product(&self, slug: &str) -> bool {
        self.lines.iter().any(|l| l.product_slug == slug)
    }

    pub fn has_sku(&self, sku: &str) -> bool {
        self.lines.iter().any(|l| l.sku == sku)
    }
}

/// What a shared link shows: the lines and a first name, nothing else.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct SharedWishlist {
    /// The owner's first name; empty when they gave none (or a guest's),
    /// and the page says so in its own language.
    pub owner: String,
    pub lines: Vec<WishlistLine>,
}
