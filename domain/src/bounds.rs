//! How much one request may ask for. Every page number, page size, list and
//! free text that reaches a service passes through these helpers, so no
//! input can make the work behind a request unbounded: deep pages are
//! clamped, lists are cut short, long text is truncated. Values that are
//! cut are not errors — a shopper who pastes an absurd URL still gets a
//! page — while fields a person types into a form are checked with a clear
//! message ([`max_chars`]).

/// The deepest page any listing or search serves. Engines keep the top
/// `offset + limit` hits per segment in memory, so this bounds that too.
pub const MAX_PAGE: u64 = 1_000;
/// The most rows one page may hold.
pub const MAX_PER_PAGE: u64 = 100;
/// The deepest hit any search engine is asked for (page × page size).
pub const MAX_HITS: u64 = 100_000;
/// The most values one list parameter (facets, brands, SKUs …) may carry.
pub const MAX_LIST: usize = 50;
/// The longest single list value (a slug, a SKU, an option value).
pub const MAX_VALUE_CHARS: usize = 100;
/// The longest search query.
pub const MAX_QUERY_CHARS: usize = 200;
/// The longest name or one-line field (a person, a product, a street).
pub const MAX_NAME_CHARS: usize = 200;
/// The longest free text (notes, descriptions).
pub const MAX_TEXT_CHARS: usize = 5_000;

/// A 1-based page number within `1..=MAX_PAGE`.
pub fn page(page: u64) -> u64 {
    page.clamp(1, MAX_PAGE)
}

/// A page size within `1..=MAX_PER_PAGE`.
pub fn per_page(per_page: u64) -> u64 {
    per_page.clamp(1, MAX_PER_PAGE)
}

/// The offset of a (clamped) page of a (clamped) size; never overflows.
pub fn offset(page_number: u64, size: u64) -> u64 {
    (page(page_number) - 1) * per_page(size)
}

/// Text cut to `max` characters, control characters dropped.
pub fn text(s: &str, max: usize) -> String {
    s.chars().filter(|c| !c.is_control()).take(max).collect()
}

/// A list parameter: trimmed, empty and repeated values dropped, each value
/// cut to [`MAX_VALUE_CHARS`], at most [`MAX_LIST`] values.
pub fn list(values: impl IntoIterator<Item = String>) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for v in values {
        if out.len() == MAX_LIST {
            break;
        }
        let v = text(v.trim(), MAX_VALUE_CHARS);
        if !v.is_empty() && !out.contains(&v) {
            out.push(v);
        }
    }
    out
}

/// Refuses a typed field longer than `max` characters, naming the field.
pub fn max_chars(field: &'static str, label: &str, value: &str, max: usize) -> crate::Result<()> {
    if value.chars().count() > max {
        return Err(crate::Error::validation(
            field,
            format!("{label} can be at most {max} characters long."),
        ));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pages_and_offsets_are_clamped_without_overflow() {
        assert_eq!(page(0), 1);
        assert_eq!(page(u64::MAX), MAX_PAGE);
        assert_eq!(offset(u64::MAX, u64::MAX), (MAX_PAGE - 1) * MAX_PER_PAGE);
        assert_eq!(offset(3, 24), 48);
        assert!(offset(u64::MAX, u64::MAX) + MAX_PER_PAGE <= MAX_HITS);
    }

    #[test]
    fn lists_are_trimmed_deduplicated_and_capped() {
        let many = (0..10_000).map(|i| format!(" v{} ", i % 60));
        let out = list(many);
        assert_eq!(out.len(), MAX_LIST);
        assert_eq!(out[0], "v0");
        let long = list(["x".repeat(100_000), String::new(), "x".repeat(100_000)]);
        assert_eq!(long, vec!["x".repeat(MAX_VALUE_CHARS)]);
    }

    #[test]
    fn text_drops_control_characters() {
        assert_eq!(text("a\u{0}b\tc\u{7f}", 10), "abc");
        assert_eq!(text(&"é".repeat(500), 3), "ééé");
    }

    #[test]
    fn typed_fields_get_a_message_naming_them() {
        let err =
            max_chars("name", "Your name", &"n".repeat(201), MAX_NAME_CHARS).expect_err("too long");
        assert_eq!(
            err.user_message(),
            "Your name can be at most 200 characters long."
        );
        assert!(max_chars("name", "Your name", "Sam", MAX_NAME_CHARS).is_ok());
    }
}
