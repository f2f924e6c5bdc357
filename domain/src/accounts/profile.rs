//! Name, phone and mail preferences (news, review requests, cart reminders).
use sea_orm::{ActiveModelTrait, Set};

use super::register::check_name;
use super::{now, Accounts, Actor, Profile, ProfileInput};
use crate::{Error, Result};

/// Digits with the usual separators; 6–15 digits (E.164 allows 15).
pub(super) fn check_phone(field: &'static str, phone: &str) -> Result<String> {
    let phone = phone.trim();
    if phone.is_empty() {
        return Ok(String::new());
    }
    let allowed = phone
        .chars()
        .enumerate()
        .all(|(i, c)| c.is_ascii_digit() || " -().".contains(c) || (c == '+' && i == 0));
    let digits = phone.chars().filter(char::is_ascii_digit).count();
    if !allowed || !(6..=15).contains(&digits) {
        return Err(Error::rule(
            field,
            model::Said::new("error-phone")
                .number("min", 6)
                .number("max", 15),
        ));
    }
    Ok(phone.to_owned())
}

impl Accounts {
    pub async fn profile(&self, actor: &Actor) -> Result<Profile> {
        let user = self.require_active(actor).await?;
        let cart_reminders = !crate::cart::reminders::opted_out(&self.db, &user.email).await?;
        Ok(Profile {
            email: user.email,
            name: user.name,
            phone: user.phone,
            marketing_opt_in: user.marketing_opt_in,
            review_requests: user.review_requests,
            cart_reminders,
            email_verified: user.email_verified_at.is_some(),
            locale: model::Locale::from_tag(&user.locale).unwrap_or_default(),
        })
    }

    pub async fn update_profile(&self, actor: &Actor, input: ProfileInput) -> Result<Profile> {
        let user = self.require_active(actor).await?;
        let name = check_name(&input.name)?;
        let phone = check_phone("phone", &input.phone)?;
        let email = user.email.clone();
        let mut active: super::user_entity::ActiveModel = user.into();
        active.name = Set(name);
        active.phone = Set(phone);
        active.marketing_opt_in = Set(input.marketing_opt_in);
        active.review_requests = Set(input.review_requests);
        if let Some(locale) = input.locale {
            active.locale = Set(locale.code().to_owned());
        }
        active.updated_at = Set(now());
        let txn = crate::db::begin_write(&self.db).await?;
        active.update(&txn).await?;
        crate::cart::reminders::set_opt_out(&txn, &email, !input.cart_reminders).await?;
        txn.commit().await?;
        self.profile(actor).await
    }
}

#[cfg(test)]
mod tests {
    use super::check_phone;

    #[test]
    fn phones() {
        assert_eq!(
            check_phone("phone", " +44 20 7946 0958 ").unwrap(),
            "+44 20 7946 0958"
        );
        assert_eq!(check_phone("phone", "").unwrap(), "");
        assert!(check_phone("phone", "12").is_err());
        assert!(check_phone("phone", "call me").is_err());
        assert!(check_phone("phone", "44+20").is_err());
    }
}
