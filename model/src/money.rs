//! Money as integer minor units plus an ISO 4217 currency. Never floats.
//! Formatting and parsing of amounts live here and nowhere else.
use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Serialize};

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Currency {
    #[serde(rename = "USD")]
    Usd,
    #[serde(rename = "EUR")]
    Eur,
    #[serde(rename = "GBP")]
    Gbp,
    #[serde(rename = "JPY")]
    Jpy,
}

impl Currency {
    pub const ALL: [Currency; 4] = [Self::Usd, Self::Eur, Self::Gbp, Self::Jpy];

    pub fn code(self) -> &'static str {
        match self {
            Self::Usd => "USD",
            Self::Eur => "EUR",
            Self::Gbp => "GBP",
            Self::Jpy => "JPY",
        }
    }

    /// Digits after the decimal point (ISO 4217 minor unit).
    pub fn exponent(self) -> u32 {
        match self {
            Self::Jpy => 0,
            _ => 2,
        }
    }

    pub fn symbol(self) -> &'static str {
        match self {
            Self::Usd => "$",
            Self::Eur => "€",
            Self::Gbp => "£",
            Self::Jpy => "¥",
        }
    }

    fn scale(self) -> i64 {
        10_i64.pow(self.exponent())
    }
}

#[derive(Debug, PartialEq, Eq, thiserror::Error)]
#[error("unknown currency code {0:?}")]
pub struct UnknownCurrency(pub String);

impl FromStr for Currency {
    type Err = UnknownCurrency;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        match s.trim().to_ascii_uppercase().as_str() {
            "USD" => Ok(Self::Usd),
            "EUR" => Ok(Self::Eur),
            "GBP" => Ok(Self::Gbp),
            "JPY" => Ok(Self::Jpy),
            other => Err(UnknownCurrency(other.to_owned())),
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Money {
    pub minor: i64,
    pub currency: Currency,
}

impl Money {
    pub fn new(minor: i64, currency: Currency) -> Self {
        Self { minor, currency }
    }

    /// Parses an amount typed by a person in major units ("12", "12.5",
    /// "1,299.99") into minor units. `None` for anything that is not a
    /// non-negative amount with at most the currency's decimals.
    pub fn parse_major(input: &str, currency: Currency) -> Option<i64> {
        parse_fixed(
            input.trim().trim_start_matches(currency.symbol()),
            currency.exponent(),
        )
    }

    /// "$1,234.56", "-€0.50", "¥1,200".
    pub fn format(&self) -> String {
        let scale = self.currency.scale();
        let abs = self.minor.unsigned_abs();
        let whole = abs / scale as u64;
        let frac = abs % scale as u64;
        let sign = if self.minor < 0 { "-" } else { "" };
        let grouped = group_thousands(whole);
        if self.currency.exponent() == 0 {
            format!("{sign}{}{grouped}", self.currency.symbol())
        } else {
            let width = self.currency.exponent() as usize;
            format!("{sign}{}{grouped}.{frac:0width$}", self.currency.symbol())
        }
    }

    /// Plain decimal for machine-readable markup (schema.org): "1234.56".
    pub fn decimal_string(&self) -> String {
        let scale = self.currency.scale();
        let abs = self.minor.unsigned_abs();
        let sign = if self.minor < 0 { "-" } else { "" };
        if self.currency.exponent() == 0 {
            format!("{sign}{abs}")
        } else {
            let width = self.currency.exponent() as usize;
            format!(
                "{sign}{}.{:0width$}",
                abs / scale as u64,
                abs % scale as u64
            )
        }
    }
}

/// A non-negative decimal typed by a person ("12", "12.5", "1,299.99") as an
/// integer scaled by 10^`decimals`; `None` for anything with more decimals,
/// a sign, or other characters.
pub(crate) fn parse_fixed(input: &str, decimals: u32) -> Option<i64> {
    let cleaned = with_decimal_point(input, decimals);
    let (whole, frac) = cleaned.split_once('.').unwrap_or((cleaned.as_str(), ""));
    let exp = decimals as usize;
    if frac.len() > exp || whole.is_empty() && frac.is_empty() {
        return None;
    }
    let all_digits = |s: &str| s.chars().all(|c| c.is_ascii_digit());
    if !all_digits(whole) || !all_digits(frac) {
        return None;
    }
    let whole: i64 = if whole.is_empty() {
        0
    } else {
        whole.parse().ok()?
    };
    let frac: i64 = if exp == 0 {
        0
    } else {
        format!("{frac:0<exp$}").parse().ok()?
    };
    whole
        .checked_mul(10_i64.checked_pow(decimals)?)?
        .checked_add(frac)
}

/// `input` with a `.` for its decimal separator and no grouping, as people
/// in the shop's languages type numbers: "1,234.56", "1.234,56",
/// "1 234,56" and "25,50" (a lone comma is German's and French's decimal
/// comma, unless three digits follow where the currency has fewer
/// decimals: "1,299" groups thousands). Spaces (also no-break ones) and
/// `_` group.
fn with_decimal_point(input: &str, decimals: u32) -> String {
    let kept: String = input
        .trim()
        .chars()
        .filter(|c| !c.is_whitespace() && *c != '_')
        .collect();
    let decimal_comma = match (kept.rfind(','), kept.rfind('.')) {
        (Some(comma), Some(point)) => comma > point,
        (Some(comma), None) => {
            let after = kept.len() - comma - 1;
            kept.matches(',').count() == 1 && !(after == 3 && after > decimals as usize)
        }
        _ => false,
    };
    if decimal_comma {
        kept.replace('.', "").replace(',', ".")
    } else {
        kept.replace(',', "")
    }
}

/// `amount × numerator / denominator`, rounded half away from zero — the one
/// rounding rule for money (prices, tax, discounts, exchange rates). `None`
/// when the denominator is 0 or the result does not fit.
pub fn share(amount: i64, numerator: i64, denominator: i64) -> Option<i64> {
    if denominator == 0 {
        return None;
    }
    let product = amount as i128 * numerator as i128;
    let den = denominator as i128;
    let half = den.abs() / 2;
    let rounded = if (product >= 0) == (den > 0) {
        (product.abs() + half) / den.abs()
    } else {
        -((product.abs() + half) / den.abs())
    };
    i64::try_from(rounded).ok()
}

/// A percentage with up to two decimals ("15", "12.5", "8.25 %") as basis
/// points; `None` for anything else.
pub fn parse_percent(s: &str) -> Option<i64> {
    parse_fixed(s.trim().trim_end_matches('%'), 2)
}

/// Basis points as a plain percentage, without trailing zeros:
/// 1500 → "15", 1250 → "12.5", 825 → "8.25".
pub fn percent_string(basis_points: i64) -> String {
    let abs = basis_points.unsigned_abs();
    let sign = if basis_points < 0 { "-" } else { "" };
    let s = format!("{sign}{}.{:02}", abs / 100, abs % 100);
    s.trim_end_matches('0').trim_end_matches('.').to_owned()
}

impl fmt::Display for Money {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.format())
    }
}

fn group_thousands(n: u64) -> String {
    let digits = n.to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, ch) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(ch);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn percentages_are_basis_points() {
        assert_eq!(parse_percent("15"), Some(1500));
        assert_eq!(parse_percent("12.5"), Some(1250));
        assert_eq!(parse_percent(" 8.25 %"), Some(825));
        assert_eq!(parse_percent("8.255"), None);
        assert_eq!(parse_percent("-5"), None);
        assert_eq!(parse_percent(""), None);
        for bp in [0, 5, 825, 1250, 1500, 10_000] {
            assert_eq!(parse_percent(&percent_string(bp)), Some(bp));
        }
    }

    #[test]
    fn percentages_read_without_trailing_zeros() {
        assert_eq!(percent_string(1500), "15");
        assert_eq!(percent_string(1250), "12.5");
        assert_eq!(percent_string(825), "8.25");
        assert_eq!(percent_string(5), "0.05");
    }

    #[test]
    fn formats_minor_units_with_symbol_and_grouping() {
        assert_eq!(Money::new(0, Currency::Usd).format(), "$0.00");
        assert_eq!(Money::new(5, Currency::Usd).format(), "$0.05");
        assert_eq!(Money::new(123_456, Currency::Usd).format(), "$1,234.56");
        assert_eq!(Money::new(-50, Currency::Eur).format(), "-€0.50");
        assert_eq!(
            Money::new(100_000_000, Currency::Gbp).format(),
            "£1,000,000.00"
        );
        assert_eq!(Money::new(1200, Currency::Jpy).format(), "¥1,200");
    }

    #[test]
    fn decimal_string_is_machine_readable() {
        assert_eq!(
            Money::new(123_456, Currency::Usd).decimal_string(),
            "1234.56"
        );
        assert_eq!(Money::new(7, Currency::Usd).decimal_string(), "0.07");
        assert_eq!(Money::new(1200, Currency::Jpy).decimal_string(), "1200");
    }

    #[test]
    fn parses_what_people_type() {
        let usd = Currency::Usd;
        assert_eq!(Money::parse_major("12", usd), Some(1200));
        assert_eq!(Money::parse_major("12.5", usd), Some(1250));
        assert_eq!(Money::parse_major(" 12.05 ", usd), Some(1205));
        assert_eq!(Money::parse_major("$1,299.99", usd), Some(129_999));
        assert_eq!(Money::parse_major(".5", usd), Some(50));
        assert_eq!(Money::parse_major("7", Currency::Jpy), Some(7));
    }

    #[test]
    fn reads_a_decimal_comma_and_every_languages_grouping() {
        let eur = Currency::Eur;
        assert_eq!(Money::parse_major("25,50", eur), Some(2550));
        assert_eq!(Money::parse_major("19,9", eur), Some(1990));
        assert_eq!(Money::parse_major("1.234,56", eur), Some(123_456));
        assert_eq!(Money::parse_major("1 234,56", eur), Some(123_456));
        assert_eq!(Money::parse_major("1\u{202f}234,56", eur), Some(123_456));
        assert_eq!(Money::parse_major("1\u{a0}234,56 ", eur), Some(123_456));
        assert_eq!(Money::parse_major("1,234.56", eur), Some(123_456));
        // Three digits after a lone comma group thousands, as before.
        assert_eq!(Money::parse_major("1,299", eur), Some(129_900));
        assert_eq!(Money::parse_major("1,234,567", eur), Some(123_456_700));
        assert_eq!(Money::parse_major("1,5", Currency::Jpy), None);
        assert_eq!(Money::parse_major("1,200", Currency::Jpy), Some(1200));
        assert_eq!(parse_percent("8,25 %"), Some(825));
    }

    #[test]
    fn rejects_garbage_negative_and_overflow() {
        let usd = Currency::Usd;
        for bad in [
            "",
            "abc",
            "-1",
            "1.234",
            "1e3",
            "12.3.4",
            ".",
            "NaN",
            "99999999999999999999",
        ] {
            assert_eq!(Money::parse_major(bad, usd), None, "{bad:?}");
        }
        assert_eq!(Money::parse_major("1.5", Currency::Jpy), None);
    }

    #[test]
    fn currency_codes_round_trip() {
        for c in [Currency::Usd, Currency::Eur, Currency::Gbp, Currency::Jpy] {
            assert_eq!(c.code().parse::<Currency>(), Ok(c));
        }
        assert!("XXX".parse::<Currency>().is_err());
    }
}
