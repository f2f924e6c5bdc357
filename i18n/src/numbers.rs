//! Numbers and money as each locale writes them: digits, grouping and
//! decimal separators from ICU4X (CLDR data compiled in), the currency
//! symbol placed by CLDR's standard currency pattern for the locale.
use std::sync::LazyLock;

use icu_decimal::input::Decimal;
use icu_decimal::DecimalFormatter;
use icu_locale_core::locale;
use model::{Locale, Money};

static EN: LazyLock<Option<DecimalFormatter>> =
    LazyLock::new(|| DecimalFormatter::try_new(locale!("en").into(), Default::default()).ok());
static DE: LazyLock<Option<DecimalFormatter>> =
    LazyLock::new(|| DecimalFormatter::try_new(locale!("de").into(), Default::default()).ok());
static FR: LazyLock<Option<DecimalFormatter>> =
    LazyLock::new(|| DecimalFormatter::try_new(locale!("fr").into(), Default::default()).ok());

fn formatter(locale: Locale) -> Option<&'static DecimalFormatter> {
    match locale {
        Locale::En => EN.as_ref(),
        Locale::De => DE.as_ref(),
        Locale::Fr => FR.as_ref(),
    }
}

/// `value`'s digits in `locale` (no sign): "1,234.56", "1.234,56", "1 234,56".
fn digits(locale: Locale, value: &Decimal) -> String {
    match formatter(locale) {
        Some(f) => f.format(value).to_string(),
        None => value.to_string(),
    }
}

/// A whole number: 12,345 / 12.345 / 12 345.
pub fn number(locale: Locale, n: i64) -> String {
    let text = digits(locale, &Decimal::from(n.unsigned_abs()));
    if n < 0 {
        format!("-{text}")
    } else {
        text
    }
}

/// A count of tenths with its one decimal: 4.3 / 4,3 / 4,3 (an average
/// rating).
pub fn tenths(locale: Locale, tenths: u32) -> String {
    let mut value = Decimal::from(tenths);
    value.multiply_pow10(-1);
    value.pad_end(-1);
    digits(locale, &value)
}

/// A decimal written with a point ("1234.50", as a filter's price bound
/// travels in links) with `locale`'s decimal mark: "1234.50" / "1234,50".
/// Not grouped, so a field shows it as it was typed. Anything that is not
/// such a number comes back as it is.
pub fn decimal(locale: Locale, text: &str) -> String {
    if text.parse::<Decimal>().is_err() {
        return text.to_owned();
    }
    let mut half = Decimal::from(5);
    half.multiply_pow10(-1);
    match digits(locale, &half).chars().find(|c| !c.is_ascii_digit()) {
        Some(mark) if mark != '.' => text.replace('.', &mark.to_string()),
        _ => text.to_owned(),
    }
}

/// An amount with its currency: `$1,234.56` in English, `1.234,56 $` in
/// German, `1 234,56 $` in French (CLDR: `¤#,##0.00` for en,
/// `#,##0.00 ¤` with a no-break space for de and fr).
pub fn money(locale: Locale, amount: &Money) -> String {
    let exponent = i16::try_from(amount.currency.exponent()).unwrap_or(0);
    let mut value = Decimal::from(amount.minor.unsigned_abs());
    value.multiply_pow10(-exponent);
    value.pad_end(-exponent);
    let digits = digits(locale, &value);
    let sign = if amount.minor < 0 { "-" } else { "" };
    let symbol = amount.currency.symbol();
    match locale {
        Locale::En => format!("{sign}{symbol}{digits}"),
        Locale::De | Locale::Fr => format!("{sign}{digits}\u{a0}{symbol}"),
    }
}

#[cfg(test)]
mod tests {
    use super::{decimal, money, number, tenths};
    use model::{Currency, Locale, Money};

    #[test]
    fn each_locale_writes_money_its_own_way() {
        let eur = Money::new(123_456, Currency::Eur);
        assert_eq!(money(Locale::En, &eur), "€1,234.56");
        assert_eq!(money(Locale::De, &eur), "1.234,56\u{a0}€");
        assert_eq!(money(Locale::Fr, &eur), "1\u{202f}234,56\u{a0}€");
        let usd = Money::new(-500, Currency::Usd);
        assert_eq!(money(Locale::En, &usd), "-$5.00");
        assert_eq!(money(Locale::De, &usd), "-5,00\u{a0}$");
        assert_eq!(money(Locale::En, &Money::new(0, Currency::Usd)), "$0.00");
    }

    #[test]
    fn an_average_keeps_one_decimal_in_the_locales_way() {
        assert_eq!(tenths(Locale::En, 43), "4.3");
        assert_eq!(tenths(Locale::De, 43), "4,3");
        assert_eq!(tenths(Locale::Fr, 50), "5,0");
    }

    #[test]
    fn a_typed_bound_is_written_back_in_the_locales_way() {
        assert_eq!(decimal(Locale::En, "1234.50"), "1234.50");
        assert_eq!(decimal(Locale::De, "23.00"), "23,00");
        assert_eq!(decimal(Locale::Fr, "1234.5"), "1234,5");
        assert_eq!(decimal(Locale::De, "2499"), "2499");
        assert_eq!(decimal(Locale::De, "abc"), "abc");
    }

    #[test]
    fn whole_numbers_are_grouped() {
        assert_eq!(number(Locale::En, 1_234_567), "1,234,567");
        assert_eq!(number(Locale::De, -12_345), "-12.345");
        assert_eq!(number(Locale::Fr, 999), "999");
    }
}
