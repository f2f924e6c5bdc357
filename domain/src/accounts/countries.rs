//! Postcode rules over the country table in `model::countries`.
pub use model::countries::{find, Country, COUNTRIES};

/// Upper-cases and tidies spaces, then matches one of the country's shapes.
/// Shapes with a space also accept the code typed without it.
pub fn normalise_postcode(country: &Country, raw: &str) -> Option<String> {
    let compact: String = raw
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_uppercase();
    let no_space: String = compact.chars().filter(|c| *c != ' ').collect();
    country.postcodes.iter().find_map(|pattern| {
        if matches(pattern, &compact) {
            return Some(compact.clone());
        }
        let at = pattern.find(' ')?;
        let pattern_no_space: String = pattern.chars().filter(|c| *c != ' ').collect();
        if matches(&pattern_no_space, &no_space) {
            let tail = no_space.len() - (pattern.len() - at - 1);
            Some(format!("{} {}", &no_space[..tail], &no_space[tail..]))
        } else {
            None
        }
    })
}

fn matches(pattern: &str, value: &str) -> bool {
    pattern.len() == value.len()
        && pattern.chars().zip(value.chars()).all(|(p, v)| match p {
            '9' => v.is_ascii_digit(),
            'A' => v.is_ascii_alphabetic(),
            other => other == v,
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn postcodes_by_country() {
        let us = find("us").unwrap();
        assert_eq!(normalise_postcode(us, "94103").as_deref(), Some("94103"));
        assert_eq!(
            normalise_postcode(us, "94103-1234").as_deref(),
            Some("94103-1234")
        );
        assert!(normalise_postcode(us, "9410").is_none());
        let gb = find("GB").unwrap();
        assert_eq!(
            normalise_postcode(gb, "sw1a1aa").as_deref(),
            Some("SW1A 1AA")
        );
        assert_eq!(normalise_postcode(gb, "m1 1ae").as_deref(), Some("M1 1AE"));
        assert!(normalise_postcode(gb, "12345").is_none());
        let ca = find("CA").unwrap();
        assert_eq!(normalise_postcode(ca, "k1a0b1").as_deref(), Some("K1A 0B1"));
        let de = find("DE").unwrap();
        assert!(normalise_postcode(de, "1011").is_none());
        let ie = find("IE").unwrap();
        assert_eq!(normalise_postcode(ie, "").as_deref(), Some(""));
        assert_eq!(
            normalise_postcode(ie, "d02x285").as_deref(),
            Some("D02 X285")
        );
    }
}
