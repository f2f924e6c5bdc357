//! Building the storefront's URLs, the same on the server and in the browser.

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

/// The `name=value` pairs of `Cookie` header values (`a=1; b=2`).
pub fn cookies<'a>(
    header_values: impl IntoIterator<Item = &'a str>,
) -> impl Iterator<Item = (&'a str, &'a str)> {
    header_values
        .into_iter()
        .flat_map(|v| v.split(';'))
        .filter_map(|kv| kv.trim().split_once('='))
}

/// Only paths on this site: `next=https://evil.example` must not become a
/// redirect. Browsers drop tabs and newlines from URLs and read a backslash
/// as a slash, so `/<tab>/evil.example` would be `//evil.example`: any
/// control character, whitespace or backslash refuses the whole value.
pub fn safe_next(next: Option<&str>) -> String {
    next.and_then(local_path).unwrap_or("/account").to_owned()
}

/// `next` when it is a path on this site (the rules of [`safe_next`]).
pub fn local_path(next: &str) -> Option<&str> {
    let local = next.starts_with('/')
        && !next[1..].starts_with('/')
        && next.len() <= 2_000
        && !next
            .chars()
            .any(|c| c.is_control() || c.is_whitespace() || c == '\\');
    local.then_some(next)
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
    fn only_local_redirects() {
        assert_eq!(safe_next(Some("/account/security")), "/account/security");
        assert_eq!(safe_next(Some("https://evil.example")), "/account");
        assert_eq!(safe_next(Some("//evil.example")), "/account");
        assert_eq!(safe_next(Some("/\\evil.example")), "/account");
        assert_eq!(safe_next(None), "/account");
        for sneaky in [
            "/\t/evil.example",
            "/\n/evil.example",
            "/\r/evil.example",
            " //evil.example",
            "/ /evil.example",
            "/\u{0}/evil.example",
            "https:evil.example",
            "javascript:alert(1)",
            "",
        ] {
            assert_eq!(safe_next(Some(sneaky)), "/account", "{sneaky:?}");
        }
        assert_eq!(safe_next(Some("/cart?x=1#top")), "/cart?x=1#top");
    }
}
