//! Sign-in: password first, then a TOTP or recovery code when 2FA is on.
//! Failures are counted per email (and per user for codes) with a temporary
//! lockout; the answer never says which part was wrong.
use super::{password, throttle, two_factor, Accounts, Email};
use crate::entities::user;
use crate::{Error, Result};

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum LoginOutcome {
    SignedIn {
        user_id: i32,
    },
    /// Password was right; a second factor is still needed.
    SecondFactor {
        user_id: i32,
    },
}

impl Accounts {
    pub async fn login(&self, email: &str, password_input: &str) -> Result<LoginOutcome> {
        let email = Email::parse(email)?;
        let key = format!("login:{}", email.as_str());
        throttle::check(&self.db, &key).await?;
        let user = self.find_by_email(&email).await?;
        let hash = user
            .as_ref()
            .map(|u| u.password_hash.as_str())
            .unwrap_or_default();
        // Always verify (against a dummy hash if needed) so timing reveals nothing.
        let ok = password::verify(password_input, hash).await?;
        let user = match user {
            Some(user) if ok && !user.password_hash.is_empty() => user,
            _ => {
                throttle::record_failure(&self.db, &key, &self.settings).await?;
                return Err(Error::InvalidCredentials);
            }
        };
        throttle::clear(&self.db, &key).await?;
        // Only said after the right password, so it reveals nothing to a guesser.
        if user.disabled_at.is_some() {
            return Err(disabled());
        }
        self.staff_may_use(&user, None)?;
        if user.totp_enabled_at.is_some() {
            Ok(LoginOutcome::SecondFactor { user_id: user.id })
        } else {
            Ok(LoginOutcome::SignedIn { user_id: user.id })
        }
    }

    /// Second step: a current TOTP code or an unused recovery code.
    pub async fn complete_second_factor(&self, user_id: i32, code: &str) -> Result<i32> {
        let key = format!("2fa:{user_id}");
        throttle::check(&self.db, &key).await?;
        let user = self
            .find_active(user_id)
            .await?
            .ok_or(Error::Unauthenticated)?;
        let accepted = two_factor::accept_totp(&self.db, &self.settings.secrets, &user, code)
            .await?
            || two_factor::spend_recovery_code(&self.db, user.id, code).await?;
        if !accepted {
            throttle::record_failure(&self.db, &key, &self.settings).await?;
            return Err(Error::rule(
                "code",
                model::Said::new("error-2fa-code-wrong"),
            ));
        }
        throttle::clear(&self.db, &key).await?;
        Ok(user.id)
    }
}

/// What a disabled account is told, however it tries to sign in.
pub(super) fn disabled() -> Error {
    Error::Clash(model::Said::new("error-account-disabled"))
}

impl Accounts {
    /// Staff sign in with the identity provider the shop names for them, if
    /// it names one; `with` is the provider, None a password.
    pub(super) fn staff_may_use(&self, user: &user::Model, with: Option<&str>) -> Result<()> {
        match &self.settings.staff_provider {
            Some(required)
                if user.role != super::Role::Customer.as_str()
                    && with != Some(required.id.as_str()) =>
            {
                Err(Error::Clash(
                    model::Said::new("error-staff-provider").text("provider", &required.label),
                ))
            }
            _ => Ok(()),
        }
    }
}
