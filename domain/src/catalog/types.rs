//! What the catalog services return. Web layers map these to their own
//! wire types.
use serde::Serialize;

use super::query::ListingQuery;
use crate::entities::category;
use crate::money::{Currency, Money};

#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct CategoryRef {
    pub slug: String,
    pub name: String,
}

impl From<&category::Model> for CategoryRef {
    fn from(c: &category::Model) -> Self {
        Self {
            slug: c.slug.clone(),
            name: c.name.clone(),
        }
    }
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct CategoryNode {
    pub slug: String,
    pub name: String,
    pub children: Vec<CategoryNode>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Image {
    pub url: String,
    pub alt: String,
    pub width: i32,
    pub height: i32,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
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
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct FacetValue {
    pub value: String,
    pub count: u64,
    pub selected: bool,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct OptionFacet {
    pub name: String,
    pub values: Vec<FacetValue>,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CategoryListing {
    pub category: CategoryRef,
    pub description: String,
    pub breadcrumbs: Vec<CategoryRef>,
    pub subcategories: Vec<CategoryRef>,
    pub products: Vec<ProductCard>,
    pub total: u64,
    pub page: u64,
    pub page_count: u64,
    pub query: ListingQuery,
    /// The currency of the query's price bounds.
    pub currency: Currency,
    pub brands: Vec<FacetValue>,
    pub options: Vec<OptionFacet>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct OptionDef {
    pub name: String,
    pub values: Vec<String>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
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
    pub weight_grams: i32,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct ProductDetail {
    pub slug: String,
    pub title: String,
    pub description: String,
    pub brand: String,
    pub seo_title: Option<String>,
    pub seo_description: Option<String>,
    pub breadcrumbs: Vec<CategoryRef>,
    pub images: Vec<Image>,
    pub options: Vec<OptionDef>,
    pub variants: Vec<VariantDetail>,
    pub price_min: Money,
    pub price_max: Money,
    /// `active` for shoppers; staff previews may show drafts and archived ones.
    pub status: String,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct CategoryCard {
    pub slug: String,
    pub name: String,
    pub description: String,
    pub subcategories: Vec<CategoryRef>,
    pub product_count: u64,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct HomePage {
    pub categories: Vec<CategoryCard>,
    pub featured: Vec<ProductCard>,
    pub newest: Vec<ProductCard>,
}
