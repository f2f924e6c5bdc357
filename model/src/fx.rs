//! Selling in more than one currency: the shop's prices are set in its base
//! currency; each other currency it sells in has a rate the admin sets and
//! a rounding rule that makes a converted price look like a price. A price
//! list (a price set by hand for one variant in one currency) wins over
//! conversion. Integers only: a rate is fixed-point with nine decimals.
use serde::{Deserialize, Serialize};

use crate::money::{parse_fixed, share, Currency, Money};

named!(
    /// How a converted price is rounded.
    Rounding {
        Exact => "To the cent",
        Whole => "To whole units",
        NinetyNine => "Up to …99",
    }
);

const RATE_DECIMALS: u32 = 9;
const RATE_ONE: i64 = 1_000_000_000;
/// No real currency pair is a million to one.
const RATE_MAX: i64 = 1_000_000 * RATE_ONE;

/// Units of a currency per unit of the base currency (0.92 EUR per USD),
/// with nine decimals.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(try_from = "i64", into = "i64")]
pub struct Rate(i64);

impl Rate {
    pub const ONE: Rate = Rate(RATE_ONE);

    /// A rate from its stored form; `None` unless positive and sane.
    pub fn from_e9(e9: i64) -> Option<Self> {
        (e9 > 0 && e9 <= RATE_MAX).then_some(Self(e9))
    }

    pub fn e9(self) -> i64 {
        self.0
    }

    /// What an admin types: "0.92", "1.0845", "150".
    pub fn parse(input: &str) -> Option<Self> {
        parse_fixed(input, RATE_DECIMALS).and_then(Self::from_e9)
    }

    /// The rate between minor units, with nine decimals: at 150 JPY per USD
    /// a cent is 1.5 yen (1,500,000,000). Orders record this one, so that
    /// converting back needs no table of exponents.
    pub fn minor_e9(self, base: Currency, to: Currency) -> i64 {
        let (b, t) = (base.exponent(), to.exponent());
        let scaled = i128::from(self.0) * 10_i128.pow(t) / 10_i128.pow(b);
        i64::try_from(scaled).unwrap_or(i64::MAX).max(1)
    }
}

impl std::fmt::Display for Rate {
    /// "0.92", "150", "1.0845": no trailing zeros.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let (whole, frac) = (self.0 / RATE_ONE, self.0 % RATE_ONE);
        if frac == 0 {
            return write!(f, "{whole}");
        }
        let frac = format!("{frac:09}");
        write!(f, "{whole}.{}", frac.trim_end_matches('0'))
    }
}

impl TryFrom<i64> for Rate {
    type Error = String;

    fn try_from(e9: i64) -> Result<Self, Self::Error> {
        Self::from_e9(e9).ok_or_else(|| format!("{e9} is not an exchange rate"))
    }
}

impl From<Rate> for i64 {
    fn from(r: Rate) -> i64 {
        r.0
    }
}

/// `n` saturated to an i64: a price beyond i64 is no price, but must not wrap.
fn saturate(n: i128) -> i64 {
    i64::try_from(n).unwrap_or(if n < 0 { i64::MIN } else { i64::MAX })
}

/// [`share`], saturating where it does not fit.
fn share_saturating(amount: i64, numerator: i64, denominator: i64) -> i64 {
    share(amount, numerator, denominator).unwrap_or_else(|| {
        saturate(i128::from(amount) * i128::from(numerator) / i128::from(denominator))
    })
}

impl Rounding {
    /// `minor` (an exact conversion into `currency`) made to look like a price.
    pub fn apply(self, minor: i64, currency: Currency) -> i64 {
        match self {
            Self::Exact => minor,
            Self::Whole => {
                let unit = 10_i64.pow(currency.exponent());
                share_saturating(minor, 1, unit).saturating_mul(unit)
            }
            // Up to the next amount ending in 99 minor units (12.00 → 12.99,
            // ¥1,234 → ¥1,299); nothing is given away for free.
            Self::NinetyNine if minor <= 0 => minor,
            Self::NinetyNine => (minor / 100 + 1).saturating_mul(100) - 1,
        }
    }
}

/// A currency the shop sells in beside its base one.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Presentment {
    pub currency: Currency,
    pub rate: Rate,
    pub rounding: Rounding,
}

/// The cookie holding the currency a shopper chose.
pub const COOKIE: &str = "currency";

/// The currency chosen in `Cookie` header values (`a=1; currency=EUR`).
pub fn chosen<'a>(cookie_headers: impl IntoIterator<Item = &'a str>) -> Option<Currency> {
    crate::url::cookies(cookie_headers)
        .find(|(name, _)| *name == COOKIE)
        .and_then(|(_, value)| value.trim().parse().ok())
}

/// The currency a country pays in, among the ones a shop can sell in.
pub fn of_country(country: &str) -> Option<Currency> {
    const EURO: [&str; 20] = [
        "AT", "BE", "CY", "DE", "EE", "ES", "FI", "FR", "GR", "HR", "IE", "IT", "LT", "LU", "LV",
        "MT", "NL", "PT", "SI", "SK",
    ];
    let c = country.trim().to_ascii_uppercase();
    match c.as_str() {
        "US" => Some(Currency::Usd),
        "GB" => Some(Currency::Gbp),
        "JP" => Some(Currency::Jpy),
        other if EURO.contains(&other) => Some(Currency::Eur),
        _ => None,
    }
}

/// The currency a browser's region suggests: the first language range
/// with a country (`de-DE`, `en-GB`) that pays in one. Headers longer
/// than a browser sends are not read.
pub fn of_accept_language(header: &str) -> Option<Currency> {
    if header.len() > crate::locale::MAX_ACCEPT_LANGUAGE {
        return None;
    }
    header
        .split(',')
        .filter_map(|range| range.split(';').next())
        .filter_map(|tag| tag.trim().split(['-', '_']).nth(1))
        .filter(|region| region.len() == 2)
        .find_map(of_country)
}

/// What a request asks to be priced in: the currency the shopper chose
/// (the cookie), else the one their browser's region pays in.
pub fn wanted<'a>(
    cookie_headers: impl IntoIterator<Item = &'a str>,
    accept_language: Option<&str>,
) -> Option<Currency> {
    chosen(cookie_headers).or_else(|| accept_language.and_then(of_accept_language))
}

/// A row of the settings form: a currency code, its rate as typed, and a
/// rounding rule's name.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct PresentmentInput {
    pub currency: String,
    pub rate: String,
    pub rounding: String,
}

/// The shop's currencies: the base one its prices are set in, and the
/// others it converts them to.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Currencies {
    pub base: Currency,
    pub others: Vec<Presentment>,
}

impl Currencies {
    /// A shop selling in its base currency only.
    pub fn only(base: Currency) -> Self {
        Self {
            base,
            others: Vec::new(),
        }
    }

    /// Every currency a shopper may choose, the base first.
    pub fn enabled(&self) -> impl Iterator<Item = Currency> + '_ {
        std::iter::once(self.base).chain(self.others.iter().map(|p| p.currency))
    }

    pub fn sells_in(&self, currency: Currency) -> bool {
        self.enabled().any(|c| c == currency)
    }

    /// The currency `code` names, if the shop sells in it.
    pub fn sold(&self, code: &str) -> Option<Currency> {
        code.parse().ok().filter(|c| self.sells_in(*c))
    }

    /// The currency a shopper who asked for `wanted` is served in: it if
    /// the shop sells in it, else the base.
    pub fn served_in(&self, wanted: Option<Currency>) -> Currency {
        wanted.filter(|c| self.sells_in(*c)).unwrap_or(self.base)
    }

    fn presentment(&self, to: Currency) -> Option<&Presentment> {
        self.others.iter().find(|p| p.currency == to)
    }

    /// The rate between minor units of the base and `to`, as orders record
    /// it (1 for the base; `None` for a currency the shop does not sell in).
    pub fn minor_rate_e9(&self, to: Currency) -> Option<i64> {
        if to == self.base {
            return Some(RATE_ONE);
        }
        self.presentment(to).map(|p| p.rate.minor_e9(self.base, to))
    }

    /// `base_minor` converted into `to` to the minor unit, without the
    /// rounding rule (shipping thresholds, fixed discounts); `None` for a
    /// currency the shop does not sell in.
    pub fn convert_exact(&self, base_minor: i64, to: Currency) -> Option<i64> {
        let rate = self.minor_rate_e9(to)?;
        Some(share_saturating(base_minor, rate, RATE_ONE))
    }

    /// A catalog price in `to`: its list price there when one is set, else
    /// the base price converted and rounded by the currency's rule. `None`
    /// for a currency the shop does not sell in.
    pub fn price(&self, base_minor: i64, listed: Option<i64>, to: Currency) -> Option<Money> {
        if to == self.base {
            return Some(Money::new(base_minor, to));
        }
        let p = self.presentment(to)?;
        let minor = match listed {
            Some(l) => l,
            None => p.rounding.apply(self.convert_exact(base_minor, to)?, to),
        };
        Some(Money::new(minor, to))
    }
}

/// A price set by hand for one variant in one currency.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ListPrice {
    pub currency: Currency,
    pub price: i64,
    pub compare_at: Option<i64>,
}

/// A variant's base prices and its list prices: what a card needs to show
/// its range in any currency.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct VariantPrices {
    pub price: i64,
    pub compare_at: Option<i64>,
    pub listed: Vec<ListPrice>,
}

impl Currencies {
    /// A variant's price and "was" price in `to` (a list price row sets
    /// both; otherwise both are converted). The "was" price is dropped
    /// unless it is above the price. `None` for a currency the shop does
    /// not sell in.
    pub fn variant(
        &self,
        price: i64,
        compare_at: Option<i64>,
        listed: &[ListPrice],
        to: Currency,
    ) -> Option<(Money, Option<Money>)> {
        let row = listed.iter().find(|l| l.currency == to);
        let now = self.price(price, row.map(|l| l.price), to)?;
        let was = match row {
            Some(l) => l.compare_at.map(|c| Money::new(c, to)),
            None => compare_at.and_then(|c| self.price(c, None, to)),
        };
        Some((now, was.filter(|w| w.minor > now.minor)))
    }
}

/// An amount recorded in a presentment currency, back in the base at the
/// minor-unit rate the order recorded (half up). The dashboard's SQL does
/// the same: `(minor * 1000000000 + rate / 2) / rate`.
pub fn to_base(minor: i64, minor_rate_e9: i64) -> i64 {
    if minor_rate_e9 <= 0 {
        return minor;
    }
    share_saturating(minor, RATE_ONE, minor_rate_e9)
}

#[cfg(test)]
mod tests {
    use super::*;
    use Currency::*;

    fn shop() -> Currencies {
        Currencies {
            base: Usd,
            others: vec![
                Presentment {
                    currency: Eur,
                    rate: Rate::parse("0.92").unwrap(),
                    rounding: Rounding::NinetyNine,
                },
                Presentment {
                    currency: Gbp,
                    rate: Rate::parse("0.79").unwrap(),
                    rounding: Rounding::Exact,
                },
                Presentment {
                    currency: Jpy,
                    rate: Rate::parse("150").unwrap(),
                    rounding: Rounding::Whole,
                },
            ],
        }
    }

    #[test]
    fn rates_read_and_print_as_typed() {
        for typed in ["0.92", "1.0845", "150", "0.000000001"] {
            assert_eq!(Rate::parse(typed).unwrap().to_string(), typed);
        }
        for bad in ["0", "-1", "abc", "0.0000000001", "1000001", ""] {
            assert_eq!(Rate::parse(bad), None, "{bad}");
        }
    }

    #[test]
    fn rounding_rules_shape_converted_prices() {
        assert_eq!(Rounding::Exact.apply(1234, Eur), 1234);
        assert_eq!(Rounding::Whole.apply(1249, Eur), 1200);
        assert_eq!(Rounding::Whole.apply(1250, Eur), 1300);
        assert_eq!(Rounding::Whole.apply(1234, Jpy), 1234);
        assert_eq!(Rounding::NinetyNine.apply(1200, Eur), 1299);
        assert_eq!(Rounding::NinetyNine.apply(1234, Eur), 1299);
        assert_eq!(Rounding::NinetyNine.apply(1299, Eur), 1299);
        assert_eq!(Rounding::NinetyNine.apply(1300, Eur), 1399);
        assert_eq!(Rounding::NinetyNine.apply(1234, Jpy), 1299);
        assert_eq!(Rounding::NinetyNine.apply(0, Eur), 0);
    }

    #[test]
    fn prices_convert_round_or_come_from_the_list() {
        let s = shop();
        // $25.00 at 0.92 is €23.00, shown as €23.99.
        assert_eq!(s.price(2500, None, Eur), Some(Money::new(2399, Eur)));
        // A list price is taken as set, rounding rule or not.
        assert_eq!(s.price(2500, Some(2250), Eur), Some(Money::new(2250, Eur)));
        assert_eq!(s.price(2500, None, Gbp), Some(Money::new(1975, Gbp)));
        // Cents to yen: $19.99 at 150 is ¥2,998.5, whole yen ¥2,999.
        assert_eq!(s.price(1999, None, Jpy), Some(Money::new(2999, Jpy)));
        assert_eq!(s.price(2500, None, Usd), Some(Money::new(2500, Usd)));
        assert_eq!(Currencies::only(Usd).price(2500, None, Eur), None);
    }

    #[test]
    fn orders_convert_back_at_the_minor_rate() {
        let s = shop();
        let eur = s.minor_rate_e9(Eur).unwrap();
        assert_eq!(eur, 920_000_000);
        assert_eq!(to_base(2399, eur), 2608);
        let jpy = s.minor_rate_e9(Jpy).unwrap();
        assert_eq!(jpy, 1_500_000_000);
        assert_eq!(to_base(2999, jpy), 1999);
        assert_eq!(s.minor_rate_e9(Usd), Some(1_000_000_000));
        assert_eq!(to_base(2500, 1_000_000_000), 2500);
    }

    #[test]
    fn the_cookie_names_the_chosen_currency() {
        assert_eq!(chosen(["a=1; currency=EUR"]), Some(Eur));
        assert_eq!(chosen(["a=1", "currency=gbp"]), Some(Gbp));
        assert_eq!(chosen(["currency=XYZ"]), None);
        assert_eq!(chosen(["mycurrency=EUR"]), None);
    }

    #[test]
    fn a_browsers_region_suggests_a_currency_a_choice_wins() {
        assert_eq!(of_accept_language("de-DE,de;q=0.9,en;q=0.8"), Some(Eur));
        assert_eq!(of_accept_language("en-GB, en;q=0.5"), Some(Gbp));
        assert_eq!(of_accept_language("fr, en"), None);
        assert_eq!(of_accept_language("zh-Hant-TW"), None);
        assert_eq!(of_accept_language("es-MX, en-US;q=0.5"), Some(Usd));
        assert_eq!(wanted(["currency=GBP"], Some("de-DE")), Some(Gbp));
        assert_eq!(wanted([], Some("de-AT")), Some(Eur));
        assert_eq!(wanted([], None), None);
    }

    #[test]
    fn the_base_comes_first_among_the_choices() {
        assert_eq!(shop().enabled().collect::<Vec<_>>(), [Usd, Eur, Gbp, Jpy]);
        assert!(!Currencies::only(Usd).sells_in(Eur));
    }
}
