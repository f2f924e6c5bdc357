//! What shoppers browse: navigation, product cards, category listings with
//! their URL state, the product page and the home page. The domain builds
//! these; the storefront pages render them.
use serde::{Deserialize, Serialize};

use crate::catalog::ProductStatus;
use crate::money::Money;
use crate::reviews::RatingSummary;
use crate::url::encode;

/// Products on one listing page.
pub const PAGE_SIZE: u64 = 24;

/// What the storefront shell needs on every page.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct SiteInfo {
    pub shop_name: String,
    /// Absolute base for canonical and Open Graph URLs, without trailing slash.
    pub public_url: String,
    pub navigation: Vec<CategoryNode>,
    /// The offline test gateway takes the payments: nothing is charged.
    pub test_payments: bool,
    /// The currencies a shopper can choose, the base first (one: no choice).
    #[serde(default)]
    pub currencies: Vec<crate::money::Currency>,
    /// The one this page's prices are in.
    #[serde(default)]
    pub currency: Option<crate::money::Currency>,
    /// The catalog's option and attribute words in the page's language.
    #[serde(default)]
    pub words: crate::glossary::Words,
}

/// What every page's frame (test-mode banner, header, footer) shows. The
/// server reads it before the page renders and sends it with the page, so
/// no part of the frame waits on anything (bench/RESULTS.md, "the shell is
/// the page"); the browser keeps the counts current after changes.
#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct PageShell {
    pub site: Result<SiteInfo, crate::AppError>,
    /// The signed-in person; none for a visitor.
    pub user: Result<Option<crate::accounts::UserSummary>, crate::AppError>,
    /// Units in the cart.
    pub cart_items: i64,
    /// Lines on the wishlist.
    pub wishlist_items: usize,
}

impl Default for PageShell {
    /// A frame with nothing known: a neutral name, no one signed in.
    fn default() -> Self {
        Self {
            site: Err(crate::AppError::internal()),
            user: Ok(None),
            cart_items: 0,
            wishlist_items: 0,
        }
    }
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct CategoryRef {
    pub slug: String,
    pub name: String,
    /// The name in the other languages it is written in (the server's: a
    /// page is sent in one language).
    #[serde(skip)]
    pub names: Vec<(crate::Locale, String)>,
}

/// A category's name and description in one language other than the
/// catalog's own; an empty description shows the English one.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct CategoryText {
    pub locale: crate::Locale,
    pub name: String,
    pub description: String,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct CategoryNode {
    pub slug: String,
    pub name: String,
    pub children: Vec<CategoryNode>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Image {
    pub url: String,
    pub alt: String,
    pub width: i32,
    pub height: i32,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ProductCard {
    pub slug: String,
    pub title: String,
    pub brand: String,
    pub price_min: Money,
    pub price_max: Money,
    /// The highest "was" price among variants on sale, if any.
    pub compare_at: Option<Money>,
    pub image: Option<Image>,
    pub in_stock: bool,
    /// Published reviews' count and stars; None before the first.
    #[serde(default)]
    pub rating: Option<RatingSummary>,
    /// Every variant's prices, read only when one has a list price (the
    /// server's: a card is sent in one currency).
    #[serde(skip)]
    pub variant_prices: Vec<crate::fx::VariantPrices>,
    /// The title in the other languages it is written in (the server's: a
    /// card is sent in one language).
    #[serde(skip)]
    pub titles: Vec<(crate::Locale, String)>,
}

impl ProductCard {
    /// Variants differ in price, so the card reads "from $12.00".
    pub fn price_varies(&self) -> bool {
        self.price_min != self.price_max
    }
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct FacetValue {
    pub value: String,
    pub count: u64,
    pub selected: bool,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct OptionFacet {
    pub name: String,
    pub values: Vec<FacetValue>,
}

/// A category listing's order.
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
pub enum ListingSort {
    #[default]
    Newest,
    PriceAsc,
    PriceDesc,
    Name,
}

impl ListingSort {
    pub const ALL: &'static [Self] = <Self as strum::VariantArray>::VARIANTS;

    /// The URL value.
    pub fn key(self) -> &'static str {
        self.into()
    }

    pub fn label(self) -> &'static str {
        match self {
            Self::Newest => "Newest",
            Self::PriceAsc => "Price: low to high",
            Self::PriceDesc => "Price: high to low",
            Self::Name => "Name",
        }
    }
}

/// Query parameters of a category listing.
pub mod listing_param {
    pub const PAGE: &str = "page";
    pub const SORT: &str = "sort";
    /// Major units of the currency the page shows (links write a point).
    pub const PRICE_MIN: &str = "price_min";
    pub const PRICE_MAX: &str = "price_max";
    /// Repeatable.
    pub const BRAND: &str = "brand";
    /// Repeatable, `Name:Value`.
    pub const OPTION: &str = "opt";
}

/// A listing's normalised state, from which every link on the page is built,
/// so each link (sort, pages, removing a filter) carries the rest.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ListingState {
    pub page: u64,
    pub sort: ListingSort,
    /// Major units as typed in the URL, e.g. "10.00".
    pub price_min: Option<String>,
    pub price_max: Option<String>,
    pub brands: Vec<String>,
    pub options: Vec<(String, Vec<String>)>,
    /// Attribute code → values.
    #[serde(default)]
    pub attributes: Vec<(String, Vec<String>)>,
}

impl ListingState {
    /// The query string (without `?`); defaults are left out.
    pub fn query_string(&self) -> String {
        use listing_param as p;
        let mut pairs: Vec<(&str, String)> = Vec::new();
        if self.sort != ListingSort::default() {
            pairs.push((p::SORT, self.sort.key().to_owned()));
        }
        if let Some(min) = &self.price_min {
            pairs.push((p::PRICE_MIN, min.clone()));
        }
        if let Some(max) = &self.price_max {
            pairs.push((p::PRICE_MAX, max.clone()));
        }
        for b in &self.brands {
            pairs.push((p::BRAND, b.clone()));
        }
        for (name, values) in &self.options {
            for v in values {
                pairs.push((p::OPTION, format!("{name}:{v}")));
            }
        }
        for (code, values) in &self.attributes {
            for v in values {
                pairs.push((crate::attributes::PARAM, format!("{code}:{v}")));
            }
        }
        if self.page > 1 {
            pairs.push((p::PAGE, self.page.to_string()));
        }
        pairs
            .iter()
            .map(|(k, v)| format!("{k}={}", encode(v)))
            .collect::<Vec<_>>()
            .join("&")
    }

    /// `/category/{slug}` with this state after `change`.
    pub fn href(&self, slug: &str, change: impl FnOnce(&mut ListingState)) -> String {
        let mut next = self.clone();
        change(&mut next);
        let qs = next.query_string();
        if qs.is_empty() {
            format!("/category/{slug}")
        } else {
            format!("/category/{slug}?{qs}")
        }
    }
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct CategoryView {
    pub category: CategoryRef,
    pub description: String,
    pub breadcrumbs: Vec<CategoryRef>,
    pub subcategories: Vec<CategoryRef>,
    pub products: Vec<ProductCard>,
    pub total: u64,
    pub page: u64,
    pub page_count: u64,
    pub state: ListingState,
    pub brands: Vec<FacetValue>,
    pub options: Vec<OptionFacet>,
    pub attributes: Vec<crate::attributes::AttributeFacet>,
    /// The description in the other languages it is written in (the
    /// server's).
    #[serde(skip)]
    pub descriptions: Vec<(crate::Locale, String)>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct OptionDef {
    pub name: String,
    pub values: Vec<String>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct VariantDetail {
    pub sku: String,
    pub title: String,
    pub price: Money,
    pub compare_at: Option<Money>,
    /// One value per entry of [`ProductDetail::options`], in that order.
    pub values: Vec<String>,
    /// Units that can be sold now across all warehouses.
    pub available: i64,
    /// Index into [`ProductDetail::images`].
    pub image_index: Option<usize>,
    /// The base prices and list prices behind `price` and `compare_at`
    /// (the server's: a page is sent in one currency).
    #[serde(skip)]
    pub base: crate::fx::VariantPrices,
}

/// The product page.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ProductDetail {
    /// The cache keys its page by it (the change feed names products by id).
    pub id: i32,
    pub slug: String,
    pub title: String,
    pub description: String,
    pub brand: String,
    /// The product's own, else its title.
    pub seo_title: String,
    /// The product's own, else the start of its description.
    pub seo_description: String,
    pub breadcrumbs: Vec<CategoryRef>,
    pub images: Vec<Image>,
    pub options: Vec<OptionDef>,
    pub variants: Vec<VariantDetail>,
    pub price_min: Money,
    pub price_max: Money,
    /// schema.org Product as JSON, safe to embed in a `<script>`.
    pub json_ld: String,
    /// Active for shoppers; staff previews may show drafts and archived ones.
    pub status: ProductStatus,
    pub rating: Option<RatingSummary>,
    /// The specification table: the product's attributes with values.
    #[serde(default)]
    pub specs: Vec<crate::attributes::Spec>,
    /// Title and description in the other languages they are written in
    /// (the server's: a page is sent in one language).
    #[serde(skip)]
    pub translations: Vec<Translation>,
}

/// A product's title and description in one language other than the
/// catalog's own.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Translation {
    pub locale: crate::Locale,
    pub title: String,
    pub description: String,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct CategoryCard {
    pub slug: String,
    pub name: String,
    pub description: String,
    pub subcategories: Vec<CategoryRef>,
    pub product_count: u64,
    /// Name and description in the other languages (the server's).
    #[serde(skip)]
    pub texts: Vec<CategoryText>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct HomePage {
    pub categories: Vec<CategoryCard>,
    pub featured: Vec<ProductCard>,
    pub newest: Vec<ProductCard>,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn default_state_is_the_bare_path() {
        let s = ListingState {
            page: 1,
            ..Default::default()
        };
        assert_eq!(s.href("women", |_| {}), "/category/women");
    }

    #[test]
    fn keeps_filters_and_changes_one_thing() {
        let s = ListingState {
            page: 3,
            sort: ListingSort::PriceAsc,
            price_min: Some("10.00".into()),
            price_max: None,
            brands: vec!["Northwind".into()],
            options: vec![("Size".into(), vec!["M".into()])],
            attributes: vec![("men-material".into(), vec!["Linen".into()])],
        };
        assert_eq!(
            s.href("men", |s| s.page = 1),
            "/category/men?sort=price_asc&price_min=10.00&brand=Northwind&opt=Size%3AM&attr=men-material%3ALinen"
        );
        assert!(s.href("men", |_| {}).ends_with("&page=3"));
    }
}
