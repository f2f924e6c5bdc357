//! Readers for values staff type into forms and filters: an empty field is
//! `None`, anything else must read or is an error naming the field.
use time::Date;

use crate::error::Issues;
use crate::money::{Currency, Money};
use crate::{Error, Result};

/// Dates as forms and URLs carry them.
pub const DAY: &[time::format_description::FormatItem<'static>] =
    time::macros::format_description!("[year]-[month]-[day]");

/// An amount in major units of `currency` ("49.99", "2500" in yen), as
/// minor units.
pub fn amount(typed: &str, currency: Currency, field: &'static str) -> Result<Option<i64>> {
    match typed.trim() {
        "" => Ok(None),
        s => Money::parse_major(s, currency).map(Some).ok_or_else(|| {
            let example = Money::new(4_999, currency).decimal_string();
            Error::validation(field, format!("Enter an amount like {example}."))
        }),
    }
}

/// [`amount`] under a field named at run time (`in_currencies.1.price`),
/// noted in `issues` when it does not read or is negative.
pub fn amount_at(issues: &mut Issues, typed: &str, currency: Currency, field: &str) -> Option<i64> {
    match typed.trim() {
        "" => None,
        s => match Money::parse_major(s, currency) {
            Some(m) if m >= 0 => Some(m),
            _ => {
                let example = Money::new(4_999, currency).decimal_string();
                issues.push(
                    field,
                    format!("Enter an amount in {} like {example}.", currency.code()),
                );
                None
            }
        },
    }
}

/// An amount as a form shows it: empty for none.
pub fn as_typed(amount: Option<i64>, currency: Currency) -> String {
    amount
        .map(|m| Money::new(m, currency).decimal_string())
        .unwrap_or_default()
}

/// A day as YYYY-MM-DD.
pub fn day(typed: &str, field: &'static str) -> Result<Option<Date>> {
    match typed.trim() {
        "" => Ok(None),
        s => Date::parse(s, DAY)
            .map(Some)
            .map_err(|_| Error::validation(field, "Enter dates as YYYY-MM-DD.")),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn empty_is_none_and_wrong_names_the_field() {
        assert_eq!(amount(" ", Currency::Usd, "price").unwrap(), None);
        assert_eq!(amount("4.95", Currency::Usd, "price").unwrap(), Some(495));
        assert_eq!(amount("2500", Currency::Jpy, "price").unwrap(), Some(2500));
        let Err(Error::Validation { field, message, .. }) = amount("cheap", Currency::Eur, "price")
        else {
            panic!("an error");
        };
        assert_eq!(
            (field, message.as_str()),
            ("price", "Enter an amount like 49.99.")
        );
        assert_eq!(day("", "from").unwrap(), None);
        assert!(day("2026-02-30", "from").is_err());
        assert_eq!(
            day("2026-12-01", "from").unwrap().map(|d| d.to_string()),
            Some("2026-12-01".to_owned())
        );
    }
}
