//! Order numbers people can read out on the phone: the store's prefix
//! (settings, e.g. `MC`), a dash and six characters
//! without look-alikes (no 0/O, 1/I/L). 31⁶ ≈ 887 million; a collision is
//! caught by the unique index and the caller retries.
use argon2::password_hash::rand_core::{OsRng, RngCore};

const ALPHABET: &[u8] = b"23456789ABCDEFGHJKMNPQRSTUVWXYZ";

pub fn new_number(prefix: &str) -> String {
    let mut bytes = [0u8; 6];
    OsRng.fill_bytes(&mut bytes);
    let code: String = bytes
        .iter()
        .map(|b| ALPHABET[*b as usize % ALPHABET.len()] as char)
        .collect();
    format!("{prefix}-{code}")
}

#[cfg(test)]
mod tests {
    #[test]
    fn numbers_are_readable() {
        let n = super::new_number("MC");
        assert_eq!(n.len(), 9);
        assert!(n.starts_with("MC-"));
        assert!(!n[3..].contains(['0', 'O', '1', 'I', 'L']));
    }
}
