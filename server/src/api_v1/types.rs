//! The v1 contract: what API clients read. Built from the shop's own views
//! (`model`), with the API's conventions — snake_case, money as
//! `{amount_minor, currency}` — so the storefront can change its views
//! without breaking an integration.
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

use model::storefront::{CategoryNode, CategoryRef, Image, ProductCard, ProductDetail};

/// Unix seconds as RFC 3339 (`2026-12-04T13:25:44Z`).
pub fn rfc3339(unix: i64) -> String {
    time::OffsetDateTime::from_unix_timestamp(unix)
        .ok()
        .and_then(|t| {
            t.format(&time::format_description::well_known::Rfc3339)
                .ok()
        })
        .unwrap_or_default()
}

/// An amount in the currency's minor unit (cents; yen have none).
#[derive(Clone, Debug, Serialize, Deserialize, ToSchema)]
pub struct Money {
    #[schema(example = 2500)]
    pub amount_minor: i64,
    /// ISO 4217.
    #[schema(example = "USD")]
    pub currency: String,
}

impl From<model::Money> for Money {
    fn from(m: model::Money) -> Self {
        Self {
            amount_minor: m.minor,
            currency: m.currency.code().to_owned(),
        }
    }
}

impl Money {
    /// The amount in minor units, when it is in the shop's `currency`:
    /// amounts in another currency are refused (`field`), never converted.
    pub fn minor_in(
        &self,
        currency: model::Currency,
        field: &str,
    ) -> Result<i64, super::problem::Problem> {
        if self.currency.eq_ignore_ascii_case(currency.code()) {
            Ok(self.amount_minor)
        } else {
            Err(super::problem::Problem::invalid(
                field,
                format!("Give amounts in the shop's currency, {}.", currency.code()),
            ))
        }
    }
}

#[derive(Clone, Debug, Serialize, ToSchema)]
pub struct Picture {
    pub url: String,
    pub alt: String,
    pub width: i32,
    pub height: i32,
}

impl From<Image> for Picture {
    fn from(i: Image) -> Self {
        Self {
            url: i.url,
            alt: i.alt,
            width: i.width,
            height: i.height,
        }
    }
}

/// Published reviews.
#[derive(Clone, Debug, Serialize, ToSchema)]
pub struct Rating {
    pub count: u32,
    /// Average stars, times 100 (e.g. 425 is 4.25 stars): integers only.
    pub average_centi: u32,
}

impl From<model::reviews::RatingSummary> for Rating {
    fn from(r: model::reviews::RatingSummary) -> Self {
        Self {
            count: r.count,
            average_centi: (r.sum * 100).checked_div(r.count).unwrap_or(0),
        }
    }
}

/// A product as lists show it.
#[derive(Clone, Debug, Serialize, ToSchema)]
pub struct ProductSummary {
    pub slug: String,
    pub title: String,
    pub brand: String,
    pub price_min: Money,
    pub price_max: Money,
    /// The highest "was" price among variants on sale.
    pub compare_at: Option<Money>,
    pub image: Option<Picture>,
    pub in_stock: bool,
    pub rating: Option<Rating>,
}

impl From<ProductCard> for ProductSummary {
    fn from(c: ProductCard) -> Self {
        Self {
            slug: c.slug,
            title: c.title,
            brand: c.brand,
            price_min: c.price_min.into(),
            price_max: c.price_max.into(),
            compare_at: c.compare_at.map(Into::into),
            image: c.image.map(Into::into),
            in_stock: c.in_stock,
            rating: c.rating.map(Into::into),
        }
    }
}

/// One page of a list, with the link to the next.
#[derive(Debug, Serialize, ToSchema)]
pub struct ProductList {
    pub data: Vec<ProductSummary>,
    /// Products matching the filters, over all pages.
    pub total: u64,
    /// The next page's URL; absent on the last page.
    pub next: Option<String>,
}

#[derive(Clone, Debug, Serialize, ToSchema)]
pub struct CategoryLink {
    pub slug: String,
    pub name: String,
}

impl From<CategoryRef> for CategoryLink {
    fn from(c: CategoryRef) -> Self {
        Self {
            slug: c.slug,
            name: c.name,
        }
    }
}

#[derive(Clone, Debug, Serialize, ToSchema)]
pub struct OptionValue {
    pub name: String,
    pub value: String,
}

#[derive(Clone, Debug, Serialize, ToSchema)]
pub struct Variant {
    pub sku: String,
    pub title: String,
    pub price: Money,
    pub compare_at: Option<Money>,
    pub options: Vec<OptionValue>,
    /// Units that can be sold now, over all warehouses.
    pub available: i64,
    /// Index into the product's `images`.
    pub image_index: Option<usize>,
}

#[derive(Clone, Debug, Serialize, ToSchema)]
pub struct ProductOption {
    pub name: String,
    pub values: Vec<String>,
}

/// A product with its variants and availability.
#[derive(Clone, Debug, Serialize, ToSchema)]
pub struct Product {
    pub slug: String,
    pub title: String,
    /// Plain text.
    pub description: String,
    pub brand: String,
    /// From the top category down to the product's own.
    pub categories: Vec<CategoryLink>,
    pub images: Vec<Picture>,
    pub options: Vec<ProductOption>,
    pub variants: Vec<Variant>,
    pub price_min: Money,
    pub price_max: Money,
    pub rating: Option<Rating>,
}

impl From<ProductDetail> for Product {
    fn from(d: ProductDetail) -> Self {
        let names: Vec<String> = d.options.iter().map(|o| o.name.clone()).collect();
        Self {
            slug: d.slug,
            title: d.title,
            description: d.description,
            brand: d.brand,
            categories: d.breadcrumbs.into_iter().map(Into::into).collect(),
            images: d.images.into_iter().map(Into::into).collect(),
            options: d
                .options
                .into_iter()
                .map(|o| ProductOption {
                    name: o.name,
                    values: o.values,
                })
                .collect(),
            variants: d
                .variants
                .into_iter()
                .map(|v| Variant {
                    sku: v.sku,
                    title: v.title,
                    price: v.price.into(),
                    compare_at: v.compare_at.map(Into::into),
                    options: names
                        .iter()
                        .zip(v.values)
                        .map(|(name, value)| OptionValue {
                            name: name.clone(),
                            value,
                        })
                        .collect(),
                    available: v.available,
                    image_index: v.image_index,
                })
                .collect(),
            price_min: d.price_min.into(),
            price_max: d.price_max.into(),
            rating: d.rating.map(Into::into),
        }
    }
}

impl Product {
    /// Option names, values and variant titles in the glossary's `words`
    /// (a language's; the SKU is what names a variant to a cart).
    pub fn in_words(mut self, words: &model::glossary::Words) -> Self {
        for o in &mut self.options {
            o.name = words.word(&o.name).to_owned();
            for v in &mut o.values {
                *v = words.word(v).to_owned();
            }
        }
        for v in &mut self.variants {
            v.title = words.variant_title(&v.title);
            for o in &mut v.options {
                o.name = words.word(&o.name).to_owned();
                o.value = words.word(&o.value).to_owned();
            }
        }
        self
    }
}

#[derive(Clone, Debug, Serialize, ToSchema)]
pub struct Category {
    pub slug: String,
    pub name: String,
    #[schema(no_recursion)]
    pub children: Vec<Category>,
}

impl From<CategoryNode> for Category {
    fn from(c: CategoryNode) -> Self {
        Self {
            slug: c.slug,
            name: c.name,
            children: c.children.into_iter().map(Into::into).collect(),
        }
    }
}

#[derive(Debug, Serialize, ToSchema)]
pub struct CategoryTree {
    pub data: Vec<Category>,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct Suggestions {
    pub products: Vec<ProductSummary>,
    pub categories: Vec<CategoryLink>,
}
