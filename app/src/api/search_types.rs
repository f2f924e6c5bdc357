//! Search wire types, and the search page's URL state (shared by server and
//! browser: the URL is the whole state, so links and reloads reproduce it).
use serde::{Deserialize, Serialize};

use super::types::CardView;
use crate::components::url::encode;

/// Query parameters of `/search`.
pub const Q: &str = "q";
pub const CATEGORY: &str = "category";
pub const BRAND: &str = "brand";
pub const PRICE: &str = "price";
pub const OPTION: &str = "option";
pub const STOCK: &str = "in_stock";
pub const SORT: &str = "sort";
pub const PAGE: &str = "page";

#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct SearchState {
    pub q: String,
    pub categories: Vec<String>,
    pub brands: Vec<String>,
    pub prices: Vec<String>,
    pub options: Vec<String>,
    pub in_stock: bool,
    /// relevance | price_asc | price_desc | newest
    pub sort: String,
    pub page: u64,
}

impl SearchState {
    pub fn from_pairs<'a>(pairs: impl IntoIterator<Item = (&'a str, &'a str)>) -> Self {
        let mut s = Self::default();
        for (k, v) in pairs {
            let v = v.trim();
            if v.is_empty() {
                continue;
            }
            let push = |list: &mut Vec<String>| {
                if !list.iter().any(|x| x == v) && list.len() < 50 {
                    list.push(v.to_owned());
                }
            };
            match k {
                Q => s.q = v.chars().take(200).collect(),
                CATEGORY => push(&mut s.categories),
                BRAND => push(&mut s.brands),
                PRICE => push(&mut s.prices),
                OPTION => push(&mut s.options),
                STOCK => s.in_stock = v == "1" || v == "true",
                SORT => s.sort = v.to_owned(),
                PAGE => s.page = v.parse().unwrap_or(1),
                _ => {}
            }
        }
        s
    }

    pub fn list(&self, key: &str) -> &[String] {
        match key {
            CATEGORY => &self.categories,
            BRAND => &self.brands,
            PRICE => &self.prices,
            OPTION => &self.options,
            _ => &[],
        }
    }

    pub fn has_filters(&self) -> bool {
        !(self.categories.is_empty()
            && self.brands.is_empty()
            && self.prices.is_empty()
            && self.options.is_empty()
            && !self.in_stock)
    }

    /// `/search?…` for this state; empty values and page 1 are left out.
    pub fn href(&self) -> String {
        let mut pairs: Vec<(&str, String)> = Vec::new();
        if !self.q.is_empty() {
            pairs.push((Q, self.q.clone()));
        }
        for (key, list) in [
            (CATEGORY, &self.categories),
            (BRAND, &self.brands),
            (PRICE, &self.prices),
            (OPTION, &self.options),
        ] {
            for v in list {
                pairs.push((key, v.clone()));
            }
        }
        if self.in_stock {
            pairs.push((STOCK, "1".into()));
        }
        if !self.sort.is_empty() && self.sort != "relevance" {
            pairs.push((SORT, self.sort.clone()));
        }
        if self.page > 1 {
            pairs.push((PAGE, self.page.to_string()));
        }
        let query: String = pairs
            .iter()
            .map(|(k, v)| format!("{k}={}", encode(v)))
            .collect::<Vec<_>>()
            .join("&");
        if query.is_empty() {
            "/search".into()
        } else {
            format!("/search?{query}")
        }
    }

    /// The state with `value` ticked or unticked in `key`, back on page 1.
    pub fn toggled(&self, key: &str, value: &str) -> Self {
        let mut next = self.clone();
        next.page = 1;
        if key == STOCK {
            next.in_stock = !next.in_stock;
            return next;
        }
        let list = match key {
            CATEGORY => &mut next.categories,
            BRAND => &mut next.brands,
            PRICE => &mut next.prices,
            _ => &mut next.options,
        };
        if let Some(i) = list.iter().position(|x| x == value) {
            list.remove(i);
        } else {
            list.push(value.to_owned());
        }
        next
    }

    pub fn cleared(&self) -> Self {
        Self {
            q: self.q.clone(),
            sort: self.sort.clone(),
            ..Self::default()
        }
    }
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct TitlePiece {
    pub text: String,
    pub hit: bool,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct HitView {
    pub card: CardView,
    pub title: Vec<TitlePiece>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct FacetOptionView {
    pub value: String,
    pub label: String,
    pub count: u64,
    pub selected: bool,
    pub depth: u8,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct FacetGroupView {
    /// The URL parameter this group sets.
    pub param: String,
    pub name: String,
    pub options: Vec<FacetOptionView>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct SearchResultsView {
    pub state: SearchState,
    pub hits: Vec<HitView>,
    pub total: u64,
    pub page_count: u64,
    pub facets: Vec<FacetGroupView>,
    pub did_you_mean: Option<String>,
    pub popular: Vec<CardView>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct CategorySuggestion {
    pub slug: String,
    pub name: String,
    pub count: u64,
}

#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct SuggestionsView {
    pub products: Vec<CardView>,
    pub categories: Vec<CategorySuggestion>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct QueryCountView {
    pub query: String,
    pub searches: i64,
    pub clicks: i64,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct SearchReportView {
    pub days: u32,
    pub searches: u64,
    pub top: Vec<QueryCountView>,
    pub zero_results: Vec<QueryCountView>,
    pub engine: String,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn url_round_trips_and_toggles() {
        let s = SearchState::from_pairs([
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
        let t = s.toggled(BRAND, "Coast");
        assert_eq!(t.brands, ["Acme & Co", "Coast"]);
        assert_eq!(t.page, 1);
        assert!(t.toggled(BRAND, "Coast").brands == ["Acme & Co"]);
        assert!(!s.cleared().has_filters());
        assert_eq!(s.cleared().q, "blue jacket");
    }
}
