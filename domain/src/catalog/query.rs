//! What a shopper asked a listing for, parsed from URL query pairs.
//! Parsing is lenient on purpose: a malformed parameter is dropped (and the
//! page still renders) rather than turned into an error page.
use crate::money::{Currency, Money};
use model::fx::Currencies;

use model::storefront::listing_param as param;
pub use model::storefront::{ListingSort, PAGE_SIZE};

use crate::bounds::MAX_PAGE;
const MAX_VALUES: usize = 20;
const MAX_VALUE_LEN: usize = 80;

/// One option filter: products that have a variant with any of `values`
/// for the option called `name` (e.g. Size: M or L).
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct OptionFilter {
    pub name: String,
    pub values: Vec<String>,
}

#[derive(Clone, Debug, Default, PartialEq, Eq, Hash)]
pub struct ListingQuery {
    pub page: u64,
    pub sort: ListingSort,
    pub price_min: Option<i64>,
    pub price_max: Option<i64>,
    /// The currency the price bounds, and a price sort, go by: one the
    /// shop sells in besides its base ([`Self::priced_in`]); None for the
    /// base.
    pub prices_in: Option<Currency>,
    pub brands: Vec<String>,
    pub options: Vec<OptionFilter>,
    /// `attr=code:value`: the filter's `name` is the attribute's code.
    pub attributes: Vec<OptionFilter>,
}

impl ListingQuery {
    /// Reads `page`, `sort`, `price_min`, `price_max` (major units),
    /// `brand`, `opt=Name:Value` and `attr=code:value` (each repeatable).
    pub fn from_pairs<'a>(
        pairs: impl IntoIterator<Item = (&'a str, &'a str)>,
        currency: Currency,
    ) -> Self {
        let mut q = ListingQuery {
            page: 1,
            ..Default::default()
        };
        for (key, value) in pairs {
            let value = value.trim();
            if value.is_empty() || value.len() > MAX_VALUE_LEN {
                continue;
            }
            match key {
                param::PAGE => {
                    if let Ok(p) = value.parse::<u64>() {
                        q.page = p.clamp(1, MAX_PAGE);
                    }
                }
                param::SORT => q.sort = value.parse().unwrap_or_default(),
                param::PRICE_MIN => q.price_min = Money::parse_major(value, currency),
                param::PRICE_MAX => q.price_max = Money::parse_major(value, currency),
                param::BRAND
                    if q.brands.len() < MAX_VALUES && !q.brands.iter().any(|b| b == value) =>
                {
                    q.brands.push(value.to_owned());
                }
                param::OPTION => {
                    if let Some((name, val)) = value.split_once(':') {
                        add_filter(&mut q.options, name.trim(), val.trim());
                    }
                }
                model::attributes::PARAM => {
                    if let Some((code, val)) = value.split_once(':') {
                        add_filter(&mut q.attributes, code.trim(), val.trim());
                    }
                }
                _ => {}
            }
        }
        if let (Some(min), Some(max)) = (q.price_min, q.price_max) {
            if min > max {
                // People type the bounds the wrong way round; honour the intent.
                q.price_min = Some(max);
                q.price_max = Some(min);
            }
        }
        q.brands.sort();
        q.options.sort_by(|a, b| a.name.cmp(&b.name));
        q.attributes.sort_by(|a, b| a.name.cmp(&b.name));
        q
    }

    /// Prices go by what the page shows in `shown` (its list price, else
    /// the converted and rounded base: `catalog::shown_prices`), so the
    /// bounds stay as typed. They are dropped for a currency the shop does
    /// not sell in.
    pub fn priced_in(&mut self, currencies: &Currencies, shown: Currency) {
        if !currencies.sells_in(shown) {
            self.price_min = None;
            self.price_max = None;
        }
        self.prices_in = super::shown_prices::kept_for(currencies, shown);
    }

    pub fn offset(&self) -> u64 {
        (self.page - 1) * PAGE_SIZE
    }

    pub fn has_filters(&self) -> bool {
        self.price_min.is_some()
            || self.price_max.is_some()
            || !self.brands.is_empty()
            || !self.options.is_empty()
            || !self.attributes.is_empty()
    }
}

fn add_filter(filters: &mut Vec<OptionFilter>, name: &str, value: &str) {
    if name.is_empty() || value.is_empty() {
        return;
    }
    if let Some(o) = filters.iter_mut().find(|o| o.name == name) {
        if o.values.len() < MAX_VALUES && !o.values.iter().any(|v| v == value) {
            o.values.push(value.to_owned());
        }
    } else if filters.len() < MAX_VALUES {
        filters.push(OptionFilter {
            name: name.to_owned(),
            values: vec![value.to_owned()],
        });
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(pairs: &[(&str, &str)]) -> ListingQuery {
        ListingQuery::from_pairs(pairs.iter().copied(), Currency::Usd)
    }

    #[test]
    fn defaults_when_empty() {
        let q = parse(&[]);
        assert_eq!(q.page, 1);
        assert_eq!(q.sort, ListingSort::Newest);
        assert!(!q.has_filters());
        assert_eq!(q.offset(), 0);
    }

    #[test]
    fn reads_every_parameter() {
        let q = parse(&[
            ("page", "3"),
            ("sort", "price_desc"),
            ("price_min", "10"),
            ("price_max", "49.99"),
            ("brand", "Northwind"),
            ("brand", "Aster"),
            ("opt", "Size:M"),
            ("opt", "Size:L"),
            ("opt", "Colour:Red"),
            ("attr", "material:Wool"),
            ("attr", "material:Cotton"),
        ]);
        assert_eq!(q.page, 3);
        assert_eq!(q.offset(), 2 * PAGE_SIZE);
        assert_eq!(
            q.attributes,
            vec![OptionFilter {
                name: "material".into(),
                values: vec!["Wool".into(), "Cotton".into()]
            }]
        );
        assert_eq!(q.sort, ListingSort::PriceDesc);
        assert_eq!(q.price_min, Some(1000));
        assert_eq!(q.price_max, Some(4999));
        assert_eq!(q.brands, vec!["Aster", "Northwind"]);
        assert_eq!(
            q.options,
            vec![
                OptionFilter {
                    name: "Colour".into(),
                    values: vec!["Red".into()]
                },
                OptionFilter {
                    name: "Size".into(),
                    values: vec!["M".into(), "L".into()]
                },
            ]
        );
    }

    #[test]
    fn malformed_values_fall_back_to_defaults() {
        let q = parse(&[
            ("page", "-1"),
            ("sort", "foo"),
            ("price_min", "abc"),
            ("price_max", "1e9"),
            ("opt", "nocolon"),
            ("opt", ":empty"),
            ("attr", "material:"),
            ("brand", ""),
            ("unknown", "x"),
        ]);
        assert_eq!(q, parse(&[]));
    }

    #[test]
    fn page_is_clamped() {
        assert_eq!(parse(&[("page", "0")]).page, 1);
        assert_eq!(parse(&[("page", "99999999999")]).page, MAX_PAGE);
        assert_eq!(parse(&[("page", "18446744073709551616")]).page, 1);
    }

    #[test]
    fn swapped_price_bounds_are_put_right() {
        let q = parse(&[("price_min", "50"), ("price_max", "10")]);
        assert_eq!((q.price_min, q.price_max), (Some(1000), Some(5000)));
    }

    #[test]
    fn duplicates_and_floods_are_capped() {
        let many: Vec<(&str, &str)> = std::iter::repeat_n(("brand", "A"), 5).collect();
        assert_eq!(parse(&many).brands, vec!["A"]);
        let names: Vec<String> = (0..50).map(|i| format!("B{i}")).collect();
        let pairs: Vec<(&str, &str)> = names.iter().map(|n| ("brand", n.as_str())).collect();
        assert_eq!(parse(&pairs).brands.len(), MAX_VALUES);
    }
}
