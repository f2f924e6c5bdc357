//! Secrets that travel by mail or are shown once: random, URL-safe, and only
//! ever stored as a SHA-256 digest.
use argon2::password_hash::rand_core::{OsRng, RngCore};
use base64::Engine;
use sha2::{Digest, Sha256};

/// 256 random bits, URL-safe base64.
pub fn random_token() -> String {
    let mut bytes = [0u8; 32];
    OsRng.fill_bytes(&mut bytes);
    base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(bytes)
}

/// Could be a token some link carried (ours, or an older, shorter kind):
/// anything else is refused before a look-up.
pub fn plausible(token: &str) -> bool {
    (20..=64).contains(&token.len())
        && token
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_')
}

pub fn random_bytes(n: usize) -> Vec<u8> {
    let mut bytes = vec![0u8; n];
    OsRng.fill_bytes(&mut bytes);
    bytes
}

/// Hex SHA-256. Tokens have 256 bits of entropy, so a fast hash is enough.
pub fn digest(token: &str) -> String {
    let out = Sha256::digest(token.trim().as_bytes());
    out.iter().map(|b| format!("{b:02x}")).collect()
}

/// A recovery code like `k3f9-x2pq-7mzt`: easy to type, 60 bits.
pub fn recovery_code() -> String {
    const ALPHABET: &[u8] = b"abcdefghjkmnpqrstuvwxyz23456789";
    let bytes = random_bytes(12);
    let chars: String = bytes
        .iter()
        .map(|b| ALPHABET[*b as usize % ALPHABET.len()] as char)
        .collect();
    format!("{}-{}-{}", &chars[0..4], &chars[4..8], &chars[8..12])
}

/// What a typed recovery code is compared as: lower-case, no spaces or dashes.
pub fn normalise_code(code: &str) -> String {
    code.chars()
        .filter(|c| c.is_ascii_alphanumeric())
        .map(|c| c.to_ascii_lowercase())
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tokens_are_unique_and_url_safe() {
        let a = random_token();
        assert_ne!(a, random_token());
        assert_eq!(a.len(), 43);
        assert!(plausible(&a));
        assert!(!plausible("short"));
        assert!(!plausible(&format!("{a}=")));
    }

    #[test]
    fn digest_is_stable_hex() {
        assert_eq!(digest("abc").len(), 64);
        assert_eq!(digest("abc"), digest(" abc "));
        assert_ne!(digest("abc"), digest("abd"));
    }

    #[test]
    fn recovery_codes_normalise() {
        let code = recovery_code();
        assert_eq!(code.len(), 14);
        assert_eq!(normalise_code(&code.to_uppercase()).len(), 12);
    }
}
