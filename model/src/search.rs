//! Search's shared vocabulary.
use serde::{Deserialize, Serialize};

use crate::storefront::ProductCard;

/// Result order. `Relevance` with no words falls back to newest first.
#[derive(
    Clone,
    Copy,
    Debug,
    PartialEq,
    Eq,
    Hash,
    Default,
    Serialize,
    Deserialize,
    strum::EnumString,
    strum::IntoStaticStr,
    strum::VariantArray,
)]
#[serde(rename_all = "snake_case")]
#[strum(serialize_all = "snake_case")]
pub enum SearchSort {
    #[default]
    Relevance,
    PriceAsc,
    PriceDesc,
    Newest,
    /// Highest average stars first; more reviews break a tie.
    Rating,
}

impl SearchSort {
    pub const ALL: &'static [Self] = <Self as strum::VariantArray>::VARIANTS;

    /// The stored (and sent) name.
    pub fn as_str(self) -> &'static str {
        self.into()
    }

    /// Lenient: an unknown sort is relevance.
    pub fn parse(s: &str) -> Self {
        s.trim().parse().unwrap_or_default()
    }

    pub fn label(self) -> &'static str {
        match self {
            Self::Relevance => "Relevance",
            Self::PriceAsc => "Price: low to high",
            Self::PriceDesc => "Price: high to low",
            Self::Newest => "Newest",
            Self::Rating => "Top rated",
        }
    }
}

/// Results on one search page.
pub const PER_PAGE: u64 = 24;

/// What a search can be narrowed by.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum FacetKey {
    /// Category slugs, the product's own and all its ancestors'.
    Category,
    Brand,
    /// Price bucket keys of the product's variant prices.
    Price,
    /// "Name:Value", e.g. "Size:M", one per option value any variant has.
    Option,
    /// "in" or "out".
    Stock,
    /// "1" to "4": each whole star the product's average reaches, so that
    /// "4" selects "4 stars & up" and its count is how many qualify.
    Rating,
    /// "code:value", one per filterable attribute value.
    Attribute,
}

impl FacetKey {
    pub const ALL: [FacetKey; 7] = [
        FacetKey::Category,
        FacetKey::Brand,
        FacetKey::Price,
        FacetKey::Option,
        FacetKey::Stock,
        FacetKey::Rating,
        FacetKey::Attribute,
    ];

    /// The document attribute holding this facet (Meilisearch and tantivy).
    pub fn field(self) -> &'static str {
        match self {
            Self::Category => "categories",
            Self::Brand => "brand",
            Self::Price => "price_bucket",
            Self::Option => "options",
            Self::Stock => "stock",
            Self::Rating => "rating_floor",
            Self::Attribute => "attributes",
        }
    }

    /// The `/search` URL parameter that selects values of this facet.
    pub fn param(self) -> &'static str {
        match self {
            Self::Category => param::CATEGORY,
            Self::Brand => param::BRAND,
            Self::Price => param::PRICE,
            Self::Option => param::OPTION,
            Self::Stock => param::STOCK,
            Self::Rating => param::RATING,
            Self::Attribute => param::ATTRIBUTE,
        }
    }
}

/// Query parameters of `/search`.
pub mod param {
    pub const Q: &str = "q";
    pub const CATEGORY: &str = "category";
    pub const BRAND: &str = "brand";
    pub const PRICE: &str = "price";
    pub const OPTION: &str = "option";
    pub const STOCK: &str = "in_stock";
    pub const RATING: &str = "rating";
    /// "code:value", as category listings name attribute filters.
    pub const ATTRIBUTE: &str = crate::attributes::PARAM;
    pub const SORT: &str = "sort";
    pub const PAGE: &str = "page";
    /// The parameters that hold one value, and those that may repeat.
    pub const SINGLE: [&str; 5] = [Q, STOCK, RATING, SORT, PAGE];
    pub const MULTI: [&str; 5] = [CATEGORY, BRAND, PRICE, OPTION, ATTRIBUTE];
}

/// Everything a search page's URL holds: the URL is the whole state, so
/// links and reloads reproduce the page.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct SearchRequest {
    /// The page's language, from its path's prefix (`/de/search`): titles
    /// are searched and shown in it.
    pub locale: crate::Locale,
    /// `q` on the wire, as in the page's URL.
    #[serde(rename = "q")]
    pub text: String,
    pub categories: Vec<String>,
    pub brands: Vec<String>,
    /// Price bucket keys.
    pub prices: Vec<String>,
    /// "Name:Value".
    pub options: Vec<String>,
    /// "code:value".
    pub attributes: Vec<String>,
    pub in_stock: bool,
    /// The lowest average stars shown (1–4); 0 for any rating or none.
    pub rating: u8,
    pub sort: SearchSort,
    /// 1-based.
    pub page: u64,
}

/// How many values of one parameter a URL may select.
const MAX_URL_VALUES: usize = 50;
const MAX_URL_TEXT: usize = 200;

impl SearchRequest {
    /// Lenient: unknown parameters and malformed values are dropped.
    pub fn from_pairs<'a>(pairs: impl IntoIterator<Item = (&'a str, &'a str)>) -> Self {
        let mut s = Self::default();
        for (k, v) in pairs {
            let v = v.trim();
            if v.is_empty() {
                continue;
            }
            let push = |list: &mut Vec<String>| {
                if !list.iter().any(|x| x == v) && list.len() < MAX_URL_VALUES {
                    list.push(v.to_owned());
                }
            };
            match k {
                param::Q => s.text = v.chars().take(MAX_URL_TEXT).collect(),
                param::CATEGORY => push(&mut s.categories),
                param::BRAND => push(&mut s.brands),
                param::PRICE => push(&mut s.prices),
                param::OPTION => push(&mut s.options),
                param::ATTRIBUTE => push(&mut s.attributes),
                param::STOCK => s.in_stock = v == "1" || v == "true",
                param::RATING => s.rating = parse_rating(v),
                param::SORT => s.sort = SearchSort::parse(v),
                param::PAGE => s.page = v.parse().unwrap_or(1),
                _ => {}
            }
        }
        s
    }

    /// The selected values of a multi-select facet.
    pub fn selected(&self, key: FacetKey) -> &[String] {
        match key {
            FacetKey::Category => &self.categories,
            FacetKey::Brand => &self.brands,
            FacetKey::Price => &self.prices,
            FacetKey::Option => &self.options,
            FacetKey::Attribute => &self.attributes,
            FacetKey::Stock | FacetKey::Rating => &[],
        }
    }

    pub fn has_filters(&self) -> bool {
        !(self.categories.is_empty()
            && self.brands.is_empty()
            && self.prices.is_empty()
            && self.options.is_empty()
            && self.attributes.is_empty()
            && !self.in_stock
            && self.rating == 0)
    }

    /// `/search?…` for this state; empty values and page 1 are left out.
    pub fn href(&self) -> String {
        let mut pairs: Vec<(&str, String)> = Vec::new();
        if !self.text.is_empty() {
            pairs.push((param::Q, self.text.clone()));
        }
        for key in [
            FacetKey::Category,
            FacetKey::Brand,
            FacetKey::Price,
            FacetKey::Option,
            FacetKey::Attribute,
        ] {
            for v in self.selected(key) {
                pairs.push((key.param(), v.clone()));
            }
        }
        if self.in_stock {
            pairs.push((param::STOCK, "1".into()));
        }
        if self.rating > 0 {
            pairs.push((param::RATING, self.rating.to_string()));
        }
        if self.sort != SearchSort::Relevance {
            pairs.push((param::SORT, self.sort.as_str().to_owned()));
        }
        if self.page > 1 {
            pairs.push((param::PAGE, self.page.to_string()));
        }
        let query: String = pairs
            .iter()
            .map(|(k, v)| format!("{k}={}", crate::url::encode(v)))
            .collect::<Vec<_>>()
            .join("&");
        if query.is_empty() {
            "/search".into()
        } else {
            format!("/search?{query}")
        }
    }

    /// The state with `value` ticked or unticked in `key`, back on page 1.
    pub fn toggled(&self, key: FacetKey, value: &str) -> Self {
        let mut next = self.clone();
        next.page = 1;
        let list = match key {
            FacetKey::Stock => {
                next.in_stock = !next.in_stock;
                return next;
            }
            // One threshold at a time: picking another replaces it.
            FacetKey::Rating => {
                let picked = parse_rating(value);
                next.rating = if next.rating == picked { 0 } else { picked };
                return next;
            }
            FacetKey::Category => &mut next.categories,
            FacetKey::Brand => &mut next.brands,
            FacetKey::Price => &mut next.prices,
            FacetKey::Option => &mut next.options,
            FacetKey::Attribute => &mut next.attributes,
        };
        if let Some(i) = list.iter().position(|x| x == value) {
            list.remove(i);
        } else {
            list.push(value.to_owned());
        }
        next
    }

    /// The same words and order without any filter.
    pub fn cleared(&self) -> Self {
        Self {
            text: self.text.clone(),
            sort: self.sort,
            ..Self::default()
        }
    }
}

/// The highest "N stars & up" threshold offered.
pub const MAX_RATING_FILTER: u8 = 4;

/// A threshold from a URL: 1–4, anything else is no filter.
pub fn parse_rating(v: &str) -> u8 {
    v.trim().parse::<u8>().map_or(0, rating_filter)
}

/// A threshold as sent: 1–4, anything else is no filter.
pub fn rating_filter(n: u8) -> u8 {
    if (1..=MAX_RATING_FILTER).contains(&n) {
        n
    } else {
        0
    }
}

/// A piece of a title, marked when it matched the query.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Segment {
    pub text: String,
    pub hit: bool,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct SearchHit {
    pub card: ProductCard,
    /// The title split into matched and unmatched pieces.
    pub title: Vec<Segment>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct FacetOption {
    pub value: String,
    pub label: String,
    pub count: u64,
    pub selected: bool,
    /// Nesting level, for categories.
    pub depth: u8,
    /// `#rrggbb` of a colour attribute's value.
    #[serde(default)]
    pub swatch: Option<String>,
    /// What a fixed value says, for the page to word in its language
    /// (`label` is the English); none for the shop's own names.
    #[serde(default)]
    pub wording: Option<FacetWording>,
}

/// The facet values Mercato names itself (the shop names the rest).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum FacetWording {
    InStock,
    /// The box narrows the results: some matches are out of stock, or it
    /// is ticked.
    InStockOnly,
    /// This many whole stars on average, or more.
    StarsAndUp(u8),
    /// A price bucket, `to` exclusive, in the currency the page shows.
    Price {
        from: crate::Money,
        to: Option<crate::Money>,
    },
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct FacetGroup {
    pub key: FacetKey,
    /// "Category", "Brand", "Price", an option name such as "Size", "Availability".
    pub name: String,
    pub options: Vec<FacetOption>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct SearchPage {
    /// The request as it was answered (bounded, unknown values dropped).
    pub request: SearchRequest,
    pub hits: Vec<SearchHit>,
    pub total: u64,
    pub page_count: u64,
    pub facets: Vec<FacetGroup>,
    /// A corrected query when this one found nothing.
    pub did_you_mean: Option<String>,
    /// Offered when nothing was found.
    pub popular: Vec<ProductCard>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct SuggestedCategory {
    pub slug: String,
    pub name: String,
    pub count: u64,
}

/// Header suggestions while typing.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Autocomplete {
    pub products: Vec<ProductCard>,
    pub categories: Vec<SuggestedCategory>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct QueryCount {
    pub query: String,
    pub searches: i64,
    pub clicks: i64,
}

/// What shoppers searched for over the last `days` days.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct SearchReport {
    pub days: u32,
    pub searches: u64,
    pub top: Vec<QueryCount>,
    pub zero_results: Vec<QueryCount>,
    /// The engine answering searches ("embedded", "meilisearch").
    pub engine: String,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn url_round_trips_and_toggles() {
        let s = SearchRequest::from_pairs([
            ("q", "blue jacket"),
            ("brand", "Acme & Co"),
            ("option", "Size:M"),
            ("in_stock", "1"),
            ("page", "3"),
        ]);
        assert_eq!(
            s.href(),
            "/search?q=blue%20jacket&brand=Acme%20%26%20Co&option=Size%3AM&in_stock=1&page=3"
        );
        let t = s.toggled(FacetKey::Brand, "Coast");
        assert_eq!(t.brands, ["Acme & Co", "Coast"]);
        assert_eq!(t.page, 1);
        assert!(t.toggled(FacetKey::Brand, "Coast").brands == ["Acme & Co"]);
        assert!(!s.cleared().has_filters());
        assert_eq!(s.cleared().text, "blue jacket");
        assert_eq!(
            SearchRequest::from_pairs([("sort", "price_desc")]).href(),
            "/search?sort=price_desc"
        );
    }

    #[test]
    fn a_rating_threshold_is_one_value_from_one_to_four() {
        let s = SearchRequest::from_pairs([("q", "boots"), ("rating", "4"), ("sort", "rating")]);
        assert_eq!(s.rating, 4);
        assert_eq!(s.sort, SearchSort::Rating);
        assert!(s.has_filters());
        assert_eq!(s.href(), "/search?q=boots&rating=4&sort=rating");
        // Another threshold replaces it; the same one clears it.
        assert_eq!(s.toggled(FacetKey::Rating, "3").rating, 3);
        assert_eq!(s.toggled(FacetKey::Rating, "4").rating, 0);
        for junk in ["0", "5", "-1", "4.5", "x", "999"] {
            assert_eq!(
                SearchRequest::from_pairs([("rating", junk)]).rating,
                0,
                "{junk}"
            );
        }
    }
}
