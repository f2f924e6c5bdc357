//! Secrets the shop must read back later (TOTP seeds) are stored sealed
//! with XChaCha20-Poly1305 under the shop's key (`MERCATO_SECRET_KEY`):
//! a copy of the database alone does not hand out anyone's second factor.
//! Sealed values are `v1:` + base64(nonce ‖ ciphertext); anything else is
//! a value from before sealing and is read as it is.
use base64::engine::general_purpose::STANDARD;
use base64::Engine;
use chacha20poly1305::aead::{Aead, KeyInit};
use chacha20poly1305::{XChaCha20Poly1305, XNonce};

use crate::{Error, Result};

const PREFIX: &str = "v1:";
const NONCE_LEN: usize = 24;

#[derive(Clone)]
pub struct SecretBox {
    cipher: XChaCha20Poly1305,
}

impl std::fmt::Debug for SecretBox {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("SecretBox(****)")
    }
}

impl SecretBox {
    /// A key as configured: 32 bytes in base64 (what [`Self::new_key`]
    /// prints) or 64 hex digits.
    pub fn from_key(text: &str) -> std::result::Result<Self, String> {
        let text = text.trim();
        let bytes = if text.len() == 64 && text.chars().all(|c| c.is_ascii_hexdigit()) {
            (0..32)
                .map(|i| u8::from_str_radix(&text[2 * i..2 * i + 2], 16))
                .collect::<std::result::Result<Vec<u8>, _>>()
                .map_err(|e| e.to_string())?
        } else {
            STANDARD
                .decode(text)
                .map_err(|_| "not base64 or hex".to_owned())?
        };
        let cipher = XChaCha20Poly1305::new_from_slice(&bytes)
            .map_err(|_| format!("{} bytes; the key must be 32", bytes.len()))?;
        Ok(Self { cipher })
    }

    /// A box with a random key nobody else has (tests, throwaway shops).
    pub fn random() -> Self {
        let mut key = [0u8; 32];
        key.copy_from_slice(&crate::accounts::tokens::random_bytes(32));
        Self {
            cipher: XChaCha20Poly1305::new(&key.into()),
        }
    }

    /// A fresh random key, as text for configuration.
    pub fn new_key() -> String {
        STANDARD.encode(crate::accounts::tokens::random_bytes(32))
    }

    pub fn seal(&self, plain: &str) -> Result<String> {
        let nonce_bytes = crate::accounts::tokens::random_bytes(NONCE_LEN);
        let nonce = XNonce::from_slice(&nonce_bytes);
        let sealed = self
            .cipher
            .encrypt(nonce, plain.as_bytes())
            .map_err(|_| Error::internal("sealing a secret failed"))?;
        let mut out = nonce_bytes;
        out.extend_from_slice(&sealed);
        Ok(format!("{PREFIX}{}", STANDARD.encode(out)))
    }

    pub fn open(&self, stored: &str) -> Result<String> {
        let Some(body) = stored.strip_prefix(PREFIX) else {
            return Ok(stored.to_owned());
        };
        let bytes = STANDARD
            .decode(body)
            .map_err(|_| Error::internal("a sealed secret is not base64"))?;
        if bytes.len() <= NONCE_LEN {
            return Err(Error::internal("a sealed secret is too short"));
        }
        let (nonce, sealed) = bytes.split_at(NONCE_LEN);
        let plain = self
            .cipher
            .decrypt(XNonce::from_slice(nonce), sealed)
            .map_err(|_| {
                Error::internal(
                    "a sealed secret does not open with MERCATO_SECRET_KEY (was the key changed?)",
                )
            })?;
        String::from_utf8(plain).map_err(Error::internal)
    }

    pub fn is_sealed(stored: &str) -> bool {
        stored.starts_with(PREFIX)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sealed_values_open_only_with_their_key() {
        let key = SecretBox::new_key();
        let b = SecretBox::from_key(&key).expect("key");
        let sealed = b.seal("JBSWY3DPEHPK3PXP").expect("seal");
        assert!(SecretBox::is_sealed(&sealed));
        assert!(!sealed.contains("JBSWY3DPEHPK3PXP"));
        assert_ne!(
            sealed,
            b.seal("JBSWY3DPEHPK3PXP").expect("seal"),
            "fresh nonce"
        );
        assert_eq!(b.open(&sealed).expect("open"), "JBSWY3DPEHPK3PXP");
        let other = SecretBox::from_key(&SecretBox::new_key()).expect("key");
        assert!(other.open(&sealed).is_err());
        assert_eq!(b.open("LEGACYPLAIN").expect("legacy"), "LEGACYPLAIN");
    }

    #[test]
    fn keys_are_checked() {
        assert!(SecretBox::from_key(&"ab".repeat(32)).is_ok(), "hex");
        assert!(SecretBox::from_key("c2hvcnQ=").is_err(), "too short");
        assert!(SecretBox::from_key("not a key!").is_err());
        assert!(!format!("{:?}", SecretBox::from_key(&"ab".repeat(32))).contains("ab"));
    }
}
