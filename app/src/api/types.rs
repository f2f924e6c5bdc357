//! Wire types shared by server and browser. The browser never sees `domain`
//! (it is not compiled to WASM), so the server maps domain values into these;
//! amounts arrive already formatted by `domain::money`.
use model::Money;
use serde::{Deserialize, Serialize};

#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct SiteInfo {
    pub shop_name: String,
    /// Absolute base for canonical and Open Graph URLs, without trailing slash.
    pub public_url: String,
    pub navigation: Vec<NavNode>,
    /// The offline test gateway takes the payments: nothing is charged.
    pub test_payments: bool,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct NavNode {
    pub slug: String,
    pub name: String,
    pub children: Vec<NavNode>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct CategoryLink {
    pub slug: String,
    pub name: String,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ImageView {
    pub url: String,
    pub alt: String,
    pub width: i32,
    pub height: i32,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct CardView {
    pub slug: String,
    pub title: String,
    pub brand: String,
    pub price: Money,
    /// True when variants differ in price ("from $12.00").
    pub from: bool,
    pub compare_at: Option<Money>,
    pub image: Option<ImageView>,
    pub in_stock: bool,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct FacetValueView {
    pub value: String,
    pub count: u64,
    pub selected: bool,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct OptionFacetView {
    pub name: String,
    pub values: Vec<FacetValueView>,
}

/// The listing's normalised state, from which every link on the page is built.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ListingState {
    pub page: u64,
    pub sort: String,
    pub price_min: Option<String>,
    pub price_max: Option<String>,
    pub brands: Vec<String>,
    pub options: Vec<(String, Vec<String>)>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct SortChoice {
    pub key: String,
    pub label: String,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct CategoryView {
    pub category: CategoryLink,
    pub description: String,
    pub breadcrumbs: Vec<CategoryLink>,
    pub subcategories: Vec<CategoryLink>,
    pub products: Vec<CardView>,
    pub total: u64,
    pub page: u64,
    pub page_count: u64,
    pub page_size: u64,
    pub state: ListingState,
    pub sorts: Vec<SortChoice>,
    pub brands: Vec<FacetValueView>,
    pub options: Vec<OptionFacetView>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct OptionView {
    pub name: String,
    pub values: Vec<String>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct VariantView {
    pub sku: String,
    pub title: String,
    pub price: Money,
    pub compare_at: Option<Money>,
    pub values: Vec<String>,
    pub available: i64,
    pub image_index: Option<usize>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ProductView {
    pub slug: String,
    pub title: String,
    pub description: String,
    pub brand: String,
    pub seo_title: String,
    pub seo_description: String,
    pub breadcrumbs: Vec<CategoryLink>,
    pub images: Vec<ImageView>,
    pub options: Vec<OptionView>,
    pub variants: Vec<VariantView>,
    pub price_min: Money,
    pub price_max: Money,
    /// schema.org Product as JSON, safe to embed in a `<script>`.
    pub json_ld: String,
    /// `active`; a staff preview may show a draft or archived product.
    pub status: String,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct CategoryCardView {
    pub slug: String,
    pub name: String,
    pub description: String,
    pub subcategories: Vec<CategoryLink>,
    pub product_count: u64,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct HomeView {
    pub categories: Vec<CategoryCardView>,
    pub featured: Vec<CardView>,
    pub newest: Vec<CardView>,
}

#[cfg(feature = "ssr")]
mod from_domain {
    use domain::catalog as c;

    use super::*;

    impl From<c::CategoryNode> for NavNode {
        fn from(n: c::CategoryNode) -> Self {
            Self {
                slug: n.slug,
                name: n.name,
                children: n.children.into_iter().map(Into::into).collect(),
            }
        }
    }

    impl From<c::CategoryRef> for CategoryLink {
        fn from(c: c::CategoryRef) -> Self {
            Self {
                slug: c.slug,
                name: c.name,
            }
        }
    }

    impl From<c::Image> for ImageView {
        fn from(i: c::Image) -> Self {
            Self {
                url: i.url,
                alt: i.alt,
                width: i.width,
                height: i.height,
            }
        }
    }

    impl From<c::ProductCard> for CardView {
        fn from(p: c::ProductCard) -> Self {
            Self {
                from: p.price_min != p.price_max,
                price: p.price_min,
                compare_at: p.compare_at,
                image: p.image.map(Into::into),
                in_stock: p.in_stock,
                slug: p.slug,
                title: p.title,
                brand: p.brand,
            }
        }
    }

    impl From<c::FacetValue> for FacetValueView {
        fn from(f: c::FacetValue) -> Self {
            Self {
                value: f.value,
                count: f.count,
                selected: f.selected,
            }
        }
    }

    impl From<c::CategoryCard> for CategoryCardView {
        fn from(c: c::CategoryCard) -> Self {
            Self {
                slug: c.slug,
                name: c.name,
                description: c.description,
                subcategories: c.subcategories.into_iter().map(Into::into).collect(),
                product_count: c.product_count,
            }
        }
    }

    impl From<c::CategoryListing> for CategoryView {
        fn from(l: c::CategoryListing) -> Self {
            let q = &l.query;
            let major = |minor| Money::new(minor, l.currency).decimal_string();
            let state = ListingState {
                page: l.page,
                sort: q.sort.key().to_owned(),
                price_min: q.price_min.map(major),
                price_max: q.price_max.map(major),
                brands: q.brands.clone(),
                options: q
                    .options
                    .iter()
                    .map(|o| (o.name.clone(), o.values.clone()))
                    .collect(),
            };
            Self {
                category: l.category.into(),
                description: l.description,
                breadcrumbs: l.breadcrumbs.into_iter().map(Into::into).collect(),
                subcategories: l.subcategories.into_iter().map(Into::into).collect(),
                products: l.products.into_iter().map(Into::into).collect(),
                total: l.total,
                page: l.page,
                page_count: l.page_count,
                page_size: c::PAGE_SIZE,
                state,
                sorts: c::Sort::ALL
                    .iter()
                    .map(|s| SortChoice {
                        key: s.key().to_owned(),
                        label: s.label().to_owned(),
                    })
                    .collect(),
                brands: l.brands.into_iter().map(Into::into).collect(),
                options: l
                    .options
                    .into_iter()
                    .map(|o| OptionFacetView {
                        name: o.name,
                        values: o.values.into_iter().map(Into::into).collect(),
                    })
                    .collect(),
            }
        }
    }

    impl From<c::HomePage> for HomeView {
        fn from(h: c::HomePage) -> Self {
            Self {
                categories: h.categories.into_iter().map(Into::into).collect(),
                featured: h.featured.into_iter().map(Into::into).collect(),
                newest: h.newest.into_iter().map(Into::into).collect(),
            }
        }
    }
}
