//! Builds listing URLs from a [`ListingState`], so every link on a category
//! page (sort, pages, removing a filter) carries the rest of the state.
use crate::api::types::ListingState;

/// Percent-encodes a query component (RFC 3986 unreserved characters stay).
pub fn encode(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for b in s.bytes() {
        match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' | b'~' => {
                out.push(b as char)
            }
            _ => out.push_str(&format!("%{b:02X}")),
        }
    }
    out
}

pub fn query_string(state: &ListingState) -> String {
    let mut pairs: Vec<(String, String)> = Vec::new();
    if state.sort != "newest" && !state.sort.is_empty() {
        pairs.push(("sort".into(), state.sort.clone()));
    }
    if let Some(min) = &state.price_min {
        pairs.push(("price_min".into(), min.clone()));
    }
    if let Some(max) = &state.price_max {
        pairs.push(("price_max".into(), max.clone()));
    }
    for b in &state.brands {
        pairs.push(("brand".into(), b.clone()));
    }
    for (name, values) in &state.options {
        for v in values {
            pairs.push(("opt".into(), format!("{name}:{v}")));
        }
    }
    if state.page > 1 {
        pairs.push(("page".into(), state.page.to_string()));
    }
    pairs
        .iter()
        .map(|(k, v)| format!("{k}={}", encode(v)))
        .collect::<Vec<_>>()
        .join("&")
}

pub fn listing_href(
    slug: &str,
    state: &ListingState,
    change: impl FnOnce(&mut ListingState),
) -> String {
    let mut next = state.clone();
    change(&mut next);
    let qs = query_string(&next);
    if qs.is_empty() {
        format!("/category/{slug}")
    } else {
        format!("/category/{slug}?{qs}")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn encodes_reserved_characters() {
        assert_eq!(encode("Aster & Vale"), "Aster%20%26%20Vale");
        assert_eq!(encode("Size:M"), "Size%3AM");
        assert_eq!(encode("a-b_c.d~e"), "a-b_c.d~e");
    }

    #[test]
    fn default_state_is_the_bare_path() {
        let s = ListingState {
            page: 1,
            sort: "newest".into(),
            ..Default::default()
        };
        assert_eq!(listing_href("women", &s, |_| {}), "/category/women");
    }

    #[test]
    fn keeps_filters_and_changes_one_thing() {
        let s = ListingState {
            page: 3,
            sort: "price_asc".into(),
            price_min: Some("10.00".into()),
            price_max: None,
            brands: vec!["Northwind".into()],
            options: vec![("Size".into(), vec!["M".into()])],
        };
        assert_eq!(
            listing_href("men", &s, |s| s.page = 1),
            "/category/men?sort=price_asc&price_min=10.00&brand=Northwind&opt=Size%3AM"
        );
        assert!(listing_href("men", &s, |_| {}).ends_with("&page=3"));
    }
}
