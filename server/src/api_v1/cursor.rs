//! Opaque cursors for list pages. Clients pass back what `next` holds and
//! never build one; inside, a cursor names a page of the same query, so
//! the shop can change what it holds without breaking clients.
use base64::Engine;

use super::problem::Problem;

const ENGINE: base64::engine::GeneralPurpose = base64::engine::general_purpose::URL_SAFE_NO_PAD;

pub fn encode(page: u64) -> String {
    ENGINE.encode(format!("p{page}"))
}

/// The page a cursor names; page 1 without one.
pub fn decode(cursor: Option<&str>) -> Result<u64, Problem> {
    let Some(cursor) = cursor.filter(|c| !c.is_empty()) else {
        return Ok(1);
    };
    ENGINE
        .decode(cursor.as_bytes())
        .ok()
        .and_then(|b| String::from_utf8(b).ok())
        .and_then(|s| s.strip_prefix('p').and_then(|n| n.parse::<u64>().ok()))
        .filter(|p| (1..=domain::bounds::MAX_PAGE).contains(p))
        .ok_or_else(|| Problem::invalid("cursor", "This cursor was not given out by this list."))
}

/// The URL of the next page: the same query with the next cursor.
pub fn next_link(path: &str, query: &[(&str, String)], page: u64) -> String {
    let mut url = url::form_urlencoded::Serializer::new(String::new());
    for (k, v) in query
        .iter()
        .filter(|(k, v)| *k != "cursor" && !v.is_empty())
    {
        url.append_pair(k, v);
    }
    url.append_pair("cursor", &encode(page + 1));
    format!("{path}?{}", url.finish())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cursors_round_trip_and_strangers_are_refused() {
        assert_eq!(decode(None).ok(), Some(1));
        assert_eq!(decode(Some(&encode(7))).ok(), Some(7));
        for bad in ["x", "cDA", &encode(0), &ENGINE.encode("p99999999"), "%%%"] {
            assert!(decode(Some(bad)).is_err(), "{bad}");
        }
        assert_eq!(
            next_link(
                "/api/v1/products",
                &[("q", "red tee".into()), ("cursor", "old".into())],
                1
            ),
            format!("/api/v1/products?q=red+tee&cursor={}", encode(2))
        );
    }
}
