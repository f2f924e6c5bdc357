//! What the store calls itself: the checked form of the settings staff edit.
use lettre::message::Mailbox;
use lettre::Address;
use serde::{Deserialize, Serialize};

use crate::entities::store_profile;
use crate::{Currency, Error, Result};

/// The store's identity as the shop uses it (header, mail, order numbers,
/// prices).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Profile {
    pub name: String,
    pub currency: Currency,
    pub mail_from_name: String,
    pub mail_from_address: String,
    /// Order numbers read `<prefix>-7K3Q9X`.
    pub order_prefix: String,
    pub reviews_require_purchase: bool,
    pub reviews_auto_publish: bool,
    /// Hours an abandoned cart waits for its reminder; 0: reminders off.
    pub cart_reminder_hours: i32,
    /// Days after the last parcel a customer can ask for a return; 0: by
    /// arrangement only.
    pub return_window_days: i32,
}

pub use model::settings::{
    ProfileInput, DEFAULT_RETURN_WINDOW_DAYS, MAX_CART_REMINDER_HOURS, MAX_RETURN_WINDOW_DAYS,
};

impl Profile {
    /// `"Name" <address>` for the From header.
    pub fn sender(&self) -> String {
        match self.mail_from_address.parse::<Address>() {
            Ok(address) => Mailbox::new(Some(self.mail_from_name.clone()), address).to_string(),
            Err(_) => self.mail_from_address.clone(),
        }
    }

    /// The profile a deployment starts with: `sender` is `Name <address>`.
    pub fn initial(name: &str, currency: Currency, sender: &str) -> Result<Self> {
        let mailbox: Mailbox = sender
            .parse()
            .map_err(|e| Error::validation("mail_from", format!("sender {sender:?}: {e}")))?;
        let input = ProfileInput {
            name: name.chars().take(80).collect(),
            currency: currency.code().to_owned(),
            mail_from_name: mailbox.name.unwrap_or_else(|| name.to_owned()),
            mail_from_address: mailbox.email.to_string(),
            order_prefix: "MC".into(),
            reviews_require_purchase: true,
            reviews_auto_publish: false,
            cart_reminder_hours: "0".into(),
            return_window_days: DEFAULT_RETURN_WINDOW_DAYS.to_string(),
        };
        Profile::read(&input)
    }

    pub(crate) fn from_row(row: &store_profile::Model) -> Result<Self> {
        Ok(Self {
            name: row.name.clone(),
            currency: row.currency.parse().map_err(|_| {
                Error::internal(format!("store currency {:?} is unknown", row.currency))
            })?,
            mail_from_name: row.mail_from_name.clone(),
            mail_from_address: row.mail_from_address.clone(),
            order_prefix: row.order_prefix.clone(),
            reviews_require_purchase: row.reviews_require_purchase,
            reviews_auto_publish: row.reviews_auto_publish,
            cart_reminder_hours: row.cart_reminder_hours,
            return_window_days: row.return_window_days,
        })
    }

    pub fn to_input(&self) -> ProfileInput {
        ProfileInput {
            name: self.name.clone(),
            currency: self.currency.code().to_owned(),
            mail_from_name: self.mail_from_name.clone(),
            mail_from_address: self.mail_from_address.clone(),
            order_prefix: self.order_prefix.clone(),
            reviews_require_purchase: self.reviews_require_purchase,
            reviews_auto_publish: self.reviews_auto_publish,
            cart_reminder_hours: self.cart_reminder_hours.to_string(),
            return_window_days: self.return_window_days.to_string(),
        }
    }
}

fn plain_text(value: &str, max: usize) -> bool {
    let n = value.chars().count();
    (1..=max).contains(&n) && !value.chars().any(char::is_control)
}

impl Profile {
    /// The settings form checked: every rule the store's identity keeps.
    pub fn read(input: &ProfileInput) -> Result<Profile> {
        let name = input.name.trim();
        if !plain_text(name, 80) {
            return Err(Error::validation(
                "name",
                "Enter the store name shoppers see, up to 80 characters.",
            ));
        }
        let currency: Currency = input
            .currency
            .parse()
            .map_err(|_| Error::validation("currency", "Choose one of the listed currencies."))?;
        let from_name = input.mail_from_name.trim();
        // Quotes and angle brackets would need header quoting some mail
        // clients show literally; nobody needs them in a sender name.
        if !plain_text(from_name, 80) || from_name.contains(['<', '>', '"']) {
            return Err(Error::validation(
                "mail_from_name",
                "Enter the sender name for emails, up to 80 characters, without < > or \".",
            ));
        }
        let address = input.mail_from_address.trim();
        if address.len() > 254 || address.parse::<Address>().is_err() {
            return Err(Error::validation(
                "mail_from_address",
                "Enter the sender address like orders@example.com.",
            ));
        }
        let prefix = input.order_prefix.trim().to_ascii_uppercase();
        if !(1..=8).contains(&prefix.len()) || !prefix.chars().all(|c| c.is_ascii_alphanumeric()) {
            return Err(Error::validation(
                "order_prefix",
                "The order-number prefix is 1–8 letters or digits, like MC.",
            ));
        }
        let cart_reminder_hours = whole(
            "cart_reminder_hours",
            &input.cart_reminder_hours,
            0,
            MAX_CART_REMINDER_HOURS,
            format!(
                "Enter whole hours from 1 to {MAX_CART_REMINDER_HOURS} (a week), or 0 to send no cart reminders."
            ),
        )?;
        let return_window_days = whole(
            "return_window_days",
            &input.return_window_days,
            DEFAULT_RETURN_WINDOW_DAYS,
            MAX_RETURN_WINDOW_DAYS,
            format!(
                "Enter whole days from 1 to {MAX_RETURN_WINDOW_DAYS}, or 0 to take returns only by arrangement."
            ),
        )?;
        Ok(Profile {
            name: name.to_owned(),
            currency,
            mail_from_name: from_name.to_owned(),
            mail_from_address: address.to_owned(),
            order_prefix: prefix,
            reviews_require_purchase: input.reviews_require_purchase,
            reviews_auto_publish: input.reviews_auto_publish,
            cart_reminder_hours,
            return_window_days,
        })
    }
}

/// A whole number from 0 to `max` as typed; `empty` when left blank.
fn whole(field: &'static str, typed: &str, empty: i32, max: i32, message: String) -> Result<i32> {
    match typed.trim() {
        "" => Ok(empty),
        typed => typed
            .parse::<i32>()
            .ok()
            .filter(|n| (0..=max).contains(n))
            .ok_or_else(|| Error::validation(field, message)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn input() -> ProfileInput {
        ProfileInput {
            name: " Ann's Shop ".into(),
            currency: "eur".into(),
            mail_from_name: "Ann's Shop".into(),
            mail_from_address: "orders@ann.example".into(),
            order_prefix: "an1".into(),
            ..Default::default()
        }
    }

    #[test]
    fn a_good_form_is_normalised() {
        let p = Profile::read(&input()).unwrap();
        assert_eq!(p.name, "Ann's Shop");
        assert_eq!(p.currency, Currency::Eur);
        assert_eq!(p.order_prefix, "AN1");
        assert_eq!(p.sender(), "Ann's Shop <orders@ann.example>");
    }

    type Spoil = fn(&mut ProfileInput);

    #[test]
    fn each_bad_field_is_named() {
        let cases: [(Spoil, &str); 11] = [
            (|i| i.name = "  ".into(), "name"),
            (|i| i.currency = "XYZ".into(), "currency"),
            (|i| i.mail_from_name = "Bad <name>".into(), "mail_from_name"),
            (
                |i| i.mail_from_address = "not an address".into(),
                "mail_from_address",
            ),
            (|i| i.order_prefix = "MC-".into(), "order_prefix"),
            (|i| i.order_prefix = "TOOLONGPREFIX".into(), "order_prefix"),
            (
                |i| i.cart_reminder_hours = "169".into(),
                "cart_reminder_hours",
            ),
            (
                |i| i.cart_reminder_hours = "-1".into(),
                "cart_reminder_hours",
            ),
            (
                |i| i.cart_reminder_hours = "1.5".into(),
                "cart_reminder_hours",
            ),
            (
                |i| i.return_window_days = "366".into(),
                "return_window_days",
            ),
            (
                |i| i.return_window_days = "a month".into(),
                "return_window_days",
            ),
        ];
        for (spoil, field) in cases {
            let mut i = input();
            spoil(&mut i);
            match Profile::read(&i) {
                Err(Error::Validation { field: f, .. }) => assert_eq!(f, field),
                other => panic!("{field}: {other:?}"),
            }
        }
    }

    #[test]
    fn cart_reminders_are_off_unless_hours_are_given() {
        assert_eq!(Profile::read(&input()).unwrap().cart_reminder_hours, 0);
        let mut i = input();
        i.cart_reminder_hours = " 168 ".into();
        assert_eq!(Profile::read(&i).unwrap().cart_reminder_hours, 168);
        assert_eq!(
            Profile::read(&i).unwrap().to_input().cart_reminder_hours,
            "168"
        );
    }

    #[test]
    fn the_configured_sender_seeds_the_profile() {
        let p = Profile::initial("Demo", Currency::Usd, "Demo Shop <no-reply@localhost>").unwrap();
        assert_eq!(p.mail_from_name, "Demo Shop");
        assert_eq!(p.mail_from_address, "no-reply@localhost");
        assert_eq!(p.order_prefix, "MC");
    }
}
