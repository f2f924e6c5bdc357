//! Standard Webhooks signatures (<https://www.standardwebhooks.com>): the
//! secret is `whsec_` + base64 of random bytes; each request carries
//! `webhook-id`, `webhook-timestamp` (Unix seconds) and `webhook-signature`
//! = `v1,` + base64(HMAC-SHA256(secret, "{id}.{timestamp}.{body}")). Any of
//! the standard's libraries verifies what this signs.
use base64::engine::general_purpose::STANDARD;
use base64::Engine;
use hmac::{Hmac, Mac};
use sha2::Sha256;

use crate::{Error, Result};

const PREFIX: &str = "whsec_";
/// 192 bits, as the standard's own examples.
const SECRET_BYTES: usize = 24;

/// A new signing secret, as shown once to the admin.
pub fn new_secret() -> String {
    format!(
        "{PREFIX}{}",
        STANDARD.encode(crate::accounts::tokens::random_bytes(SECRET_BYTES))
    )
}

/// The key bytes of a `whsec_…` secret.
fn key(secret: &str) -> Result<Vec<u8>> {
    let b64 = secret.strip_prefix(PREFIX).unwrap_or(secret);
    STANDARD
        .decode(b64)
        .map_err(|_| Error::internal("webhook secret is not base64"))
}

/// The `webhook-signature` header value for one request.
pub fn sign(secret: &str, id: &str, timestamp: i64, body: &str) -> Result<String> {
    let mut mac = Hmac::<Sha256>::new_from_slice(&key(secret)?).map_err(Error::internal)?;
    mac.update(id.as_bytes());
    mac.update(b".");
    mac.update(timestamp.to_string().as_bytes());
    mac.update(b".");
    mac.update(body.as_bytes());
    Ok(format!(
        "v1,{}",
        STANDARD.encode(mac.finalize().into_bytes())
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn signs_as_the_standard_does() {
        // The standard's reference vector (its libraries compute the same).
        let sig = sign(
            "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw",
            "msg_p5jXN8AQM9LWM0D4loKWxJek",
            1_614_265_330,
            r#"{"test": 2432232314}"#,
        )
        .expect("sign");
        assert_eq!(sig, "v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=");
        // Any change to the body changes the signature.
        let other = sign(
            "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw",
            "msg_p5jXN8AQM9LWM0D4loKWxJek",
            1_614_265_330,
            r#"{"test": 2432232315}"#,
        )
        .expect("sign");
        assert_ne!(sig, other);
    }

    #[test]
    fn new_secrets_differ_and_decode() {
        let a = new_secret();
        assert!(a.starts_with("whsec_"));
        assert_ne!(a, new_secret());
        assert_eq!(key(&a).expect("key").len(), SECRET_BYTES);
    }
}
