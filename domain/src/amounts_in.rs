//! Amounts staff set by hand in the shop's other currencies, where a
//! converted figure would read oddly ("free over €46" when the shop
//! advertises "free over €40"): a shipping method's fee, threshold and
//! price per kilogram, a promo code's amount off and minimum. The forms
//! show one row per currency the shop sells in; an empty cell converts
//! from the base amount at checkout (`checkout::in_currency`).
use crate::error::Issues;
use crate::money::Currency;
use crate::store::Currencies;

/// Rows a form may hold: one per currency there is.
pub(crate) const MAX_ROWS: usize = Currency::ALL.len();

/// Reads the currency of the form's row `i`: one the shop knows, not the
/// base (its amounts are the method's own), not listed twice.
pub(crate) fn currency_of(
    issues: &mut Issues,
    seen: &mut Vec<Currency>,
    typed: &str,
    base: Currency,
    field: &str,
) -> Option<Currency> {
    let currency = match typed.trim().to_uppercase().parse::<Currency>() {
        Ok(c) if c == base => {
            issues.push(
                field,
                format!("{} is the shop's own currency: set it above.", c.code()),
            );
            return None;
        }
        Ok(c) => c,
        Err(_) => {
            let typed: String = typed.trim().chars().take(8).collect();
            issues.push(field, format!("{typed} is not a currency the shop knows."));
            return None;
        }
    };
    if seen.contains(&currency) {
        issues.push(field, format!("{} is listed twice.", currency.code()));
        return None;
    }
    seen.push(currency);
    Some(currency)
}

/// The currencies a form shows rows for, with the amounts set in each.
pub(crate) fn rows_for<'a, T>(
    currencies: &'a Currencies,
    set: &'a [T],
    currency: impl Fn(&T) -> Currency + 'a,
) -> impl Iterator<Item = (Currency, Option<&'a T>)> + 'a {
    currencies
        .others
        .iter()
        .map(move |p| (p.currency, set.iter().find(|s| currency(s) == p.currency)))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_rows_currency_is_known_not_the_base_and_once() {
        let mut issues = Issues::default();
        let mut seen = Vec::new();
        let mut read = |typed: &str| currency_of(&mut issues, &mut seen, typed, Currency::Usd, "c");
        assert_eq!(read("eur"), Some(Currency::Eur));
        assert_eq!(read("EUR"), None);
        assert_eq!(read("USD"), None);
        assert_eq!(read("XYZ"), None);
        let Err(crate::Error::Invalid { issues }) = issues.finish() else {
            panic!("three issues");
        };
        let said: Vec<&str> = issues.iter().map(|i| i.message.as_str()).collect();
        assert_eq!(
            said,
            [
                "EUR is listed twice.",
                "USD is the shop's own currency: set it above.",
                "XYZ is not a currency the shop knows."
            ]
        );
    }
}
