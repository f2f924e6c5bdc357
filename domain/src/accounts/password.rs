//! Password rules and hashing. argon2id at OWASP's recommended cost
//! (19 MiB, 2 passes, 1 lane); hashing runs on the blocking pool.
use std::sync::OnceLock;

use argon2::password_hash::{
    rand_core::OsRng, PasswordHash, PasswordHasher, PasswordVerifier, SaltString,
};
use argon2::{Algorithm, Argon2, Params, Version};

use crate::blocking::Work;
use crate::{Error, Result};

pub const MIN_LENGTH: usize = 12;
pub const MAX_LENGTH: usize = 128;

static COMMON: &str = include_str!("common_passwords.txt");

fn hasher() -> Argon2<'static> {
    // Params::new only fails for out-of-range values; these are constants in range.
    let params = Params::new(19_456, 2, 1, None).unwrap_or_default();
    Argon2::new(Algorithm::Argon2id, Version::V0x13, params)
}

/// Checks a new password against the rules and says what to change.
pub fn check_policy(password: &str, email: &str) -> Result<()> {
    let length = password.chars().count();
    if length < MIN_LENGTH {
        return Err(Error::rule(
            "password",
            model::Said::new("error-password-short").number("min", MIN_LENGTH as i64),
        ));
    }
    if length > MAX_LENGTH {
        return Err(Error::rule(
            "password",
            model::Said::new("error-password-long").number("max", MAX_LENGTH as i64),
        ));
    }
    let lowered = password.to_lowercase();
    if is_common(&lowered) {
        return Err(Error::rule(
            "password",
            model::Said::new("error-password-common"),
        ));
    }
    let local = email.split('@').next().unwrap_or_default();
    if lowered == email || (local.len() >= 4 && lowered.contains(local)) {
        return Err(Error::rule(
            "password",
            model::Said::new("error-password-email"),
        ));
    }
    if lowered.chars().all(|c| lowered.starts_with(c)) {
        return Err(Error::rule(
            "password",
            model::Said::new("error-password-repeated"),
        ));
    }
    Ok(())
}

fn is_common(lowered: &str) -> bool {
    static LIST: OnceLock<std::collections::HashSet<&'static str>> = OnceLock::new();
    let list = LIST.get_or_init(|| {
        COMMON
            .lines()
            .map(str::trim)
            .filter(|l| !l.is_empty())
            .collect()
    });
    // "Password123!" is as weak as "password123": ignore trailing digits and symbols too.
    let stem = lowered.trim_end_matches(|c: char| !c.is_alphabetic());
    list.contains(lowered) || (stem.len() >= 4 && list.contains(stem))
}

/// Hashes on the blocking pool, behind the password gate: argon2 at this cost takes tens of milliseconds.
pub async fn hash(password: &str) -> Result<String> {
    let password = password.to_owned();
    crate::blocking::run(Work::Password, move || {
        let salt = SaltString::generate(&mut OsRng);
        hasher()
            .hash_password(password.as_bytes(), &salt)
            .map(|h| h.to_string())
            .map_err(Error::internal)
    })
    .await?
}

/// Verifies on the blocking pool. An empty or malformed hash never matches.
pub async fn verify(password: &str, phc: &str) -> Result<bool> {
    let password = password.to_owned();
    let phc = if phc.is_empty() {
        dummy_hash().to_owned()
    } else {
        phc.to_owned()
    };
    crate::blocking::run(Work::Password, move || {
        let Ok(parsed) = PasswordHash::new(&phc) else {
            return false;
        };
        hasher()
            .verify_password(password.as_bytes(), &parsed)
            .is_ok()
    })
    .await
}

/// A real hash of a random password: checking against it when the account
/// does not exist takes as long as a real check, so timing reveals nothing.
pub fn dummy_hash() -> &'static str {
    static DUMMY: OnceLock<String> = OnceLock::new();
    DUMMY.get_or_init(|| {
        let salt = SaltString::generate(&mut OsRng);
        hasher()
            .hash_password(super::tokens::random_token().as_bytes(), &salt)
            .map(|h| h.to_string())
            .unwrap_or_default()
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn short_passwords_are_refused() {
        assert!(check_policy("short", "ann@example.com").is_err());
        assert!(check_policy("elevenchars", "ann@example.com").is_err());
    }

    #[test]
    fn common_passwords_are_refused_even_with_a_suffix() {
        for pw in [
            "password1234",
            "Password1234!",
            "qwertyuiop123",
            "iloveyou1234",
        ] {
            assert!(check_policy(pw, "ann@example.com").is_err(), "{pw}");
        }
    }

    #[test]
    fn passphrases_and_long_passwords_pass() {
        assert!(check_policy("plum tractor velvet harbour", "ann@example.com").is_ok());
        assert!(check_policy("Xk4#pLm9!vQ2z", "ann@example.com").is_ok());
    }

    #[test]
    fn email_and_repeats_are_refused() {
        assert!(check_policy("annsmith-is-great", "annsmith@example.com").is_err());
        assert!(check_policy("aaaaaaaaaaaaaaa", "ann@example.com").is_err());
    }

    #[tokio::test]
    async fn hash_round_trips_and_uses_argon2id() {
        let h = hash("plum tractor velvet harbour").await.unwrap();
        assert!(h.starts_with("$argon2id$v=19$m=19456,t=2,p=1$"), "{h}");
        assert!(verify("plum tractor velvet harbour", &h).await.unwrap());
        assert!(!verify("plum tractor velvet harbor", &h).await.unwrap());
        assert!(!verify("anything", "").await.unwrap());
    }
}
