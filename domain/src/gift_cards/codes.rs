//! Gift card codes: 16 characters from 32 that cannot be misread (no 0/O,
//! 1/I), 80 random bits, shown in groups of four (`K7QM-3XHP-9RWD-T2FZ`)
//! and stored only as a digest.
use crate::accounts::tokens::{digest, random_bytes};

const ALPHABET: &[u8; 32] = b"23456789ABCDEFGHJKLMNPQRSTUVWXYZ";
const LEN: usize = 16;

/// A fresh code, grouped for reading.
pub fn new_code() -> String {
    // 256 is a multiple of 32: every character is equally likely.
    let chars: Vec<char> = random_bytes(LEN)
        .iter()
        .map(|b| ALPHABET[usize::from(*b) % ALPHABET.len()] as char)
        .collect();
    chars
        .chunks(4)
        .map(|g| g.iter().collect::<String>())
        .collect::<Vec<_>>()
        .join("-")
}

/// A typed code as stored (upper case, no spaces or dashes), or `None`
/// when it cannot be one of ours: refused before any look-up.
pub fn normalise(typed: &str) -> Option<String> {
    let code: String = typed
        .chars()
        .filter(|c| !matches!(c, ' ' | '-'))
        .map(|c| c.to_ascii_uppercase())
        .collect();
    (code.len() == LEN && code.bytes().all(|b| ALPHABET.contains(&b))).then_some(code)
}

/// What the database keeps of a normalised code.
pub fn hash(normalised: &str) -> String {
    digest(normalised)
}

/// The last four characters, for staff and receipts.
pub fn last4(normalised: &str) -> String {
    normalised[LEN - 4..].to_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_are_long_grouped_and_read_back() {
        let a = new_code();
        assert_eq!(a.len(), LEN + 3);
        assert_eq!(a.split('-').count(), 4);
        let n = normalise(&a).expect("ours");
        assert_eq!(
            normalise(&a.to_lowercase().replace('-', " ")),
            Some(n.clone())
        );
        assert_eq!(last4(&n), &a[a.len() - 4..]);
        assert_ne!(a, new_code());
    }

    #[test]
    fn what_cannot_be_a_code_is_refused_before_a_look_up() {
        for bad in [
            "",
            "ABCD",
            "K7QM-3XHP-9RWD-T2F0",
            "K7QM-3XHP-9RWD-T2FZX",
            "K7QM_3XHP_9RWD_T2FZ",
        ] {
            assert_eq!(normalise(bad), None, "{bad}");
        }
    }
}
