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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn encodes_reserved_characters() {
        assert_eq!(encode("Aster & Vale"), "Aster%20%26%20Vale");
        assert_eq!(encode("Size:M"), "Size%3AM");
        assert_eq!(encode("a-b_c.d~e"), "a-b_c.d~e");
    }
}
