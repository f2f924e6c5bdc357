//! A shipping method's amounts set by hand in the shop's other currencies
//! (`crate::amounts_in`): read from the settings form, kept beside the
//! method, and looked up by checkout for the shopper's currency.
use std::collections::HashMap;

use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, Set};
use serde::{Deserialize, Serialize};

use crate::amounts_in::{currency_of, rows_for, MAX_ROWS};
use crate::entities::shipping_method_amount as row;
use crate::error::Issues;
use crate::money::Currency;
use crate::owned_rows;
use crate::store::Currencies;
use crate::typed::{amount_at, as_typed};
use crate::{Error, Result};
pub use model::settings::ShippingAmountsForm;

/// A method's amounts in one currency; `None` converts from the base.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ShippingAmounts {
    pub currency: Currency,
    pub price_minor: Option<i64>,
    pub threshold_minor: Option<i64>,
    pub per_kg_minor: Option<i64>,
}

impl ShippingAmounts {
    fn is_empty(&self) -> bool {
        self.price_minor.is_none() && self.threshold_minor.is_none() && self.per_kg_minor.is_none()
    }

    /// Keeps what a method of `kind` uses, as the method's own amounts are.
    fn for_kind(mut self, kind: &str) -> Self {
        if kind != "free_over" {
            self.threshold_minor = None;
        }
        if kind != "weight" {
            self.per_kg_minor = None;
        }
        self
    }

    fn of(r: row::Model) -> Option<Self> {
        Some(Self {
            currency: r.currency.parse().ok()?,
            price_minor: r.price_minor,
            threshold_minor: r.threshold_minor,
            per_kg_minor: r.per_kg_minor,
        })
    }
}

/// The form's rows read, each wrong cell named (`in_currencies.0.threshold`);
/// rows left empty are dropped.
pub(crate) fn read(
    rows: &[ShippingAmountsForm],
    base: Currency,
    issues: &mut Issues,
) -> Result<Vec<ShippingAmounts>> {
    if rows.len() > MAX_ROWS {
        return Err(Error::validation("in_currencies", "Too many currencies."));
    }
    let mut seen = Vec::new();
    let mut out = Vec::new();
    for (i, r) in rows.iter().enumerate() {
        let at = |name: &str| format!("in_currencies.{i}.{name}");
        let Some(currency) = currency_of(issues, &mut seen, &r.currency, base, &at("price")) else {
            continue;
        };
        let amounts = ShippingAmounts {
            currency,
            price_minor: amount_at(issues, &r.price, currency, &at("price")),
            threshold_minor: amount_at(issues, &r.threshold, currency, &at("threshold")),
            per_kg_minor: amount_at(issues, &r.per_kg, currency, &at("per_kg")),
        };
        if !amounts.is_empty() {
            out.push(amounts);
        }
    }
    Ok(out)
}

/// The form's rows: one per currency sold in besides the base.
pub(crate) fn write(currencies: &Currencies, set: &[ShippingAmounts]) -> Vec<ShippingAmountsForm> {
    rows_for(currencies, set, |s| s.currency)
        .map(|(currency, s)| ShippingAmountsForm {
            currency: currency.code().to_owned(),
            price: as_typed(s.and_then(|s| s.price_minor), currency),
            threshold: as_typed(s.and_then(|s| s.threshold_minor), currency),
            per_kg: as_typed(s.and_then(|s| s.per_kg_minor), currency),
        })
        .collect()
}

/// What a method of `kind` keeps of `rows`.
pub(super) fn for_kind(rows: Vec<ShippingAmounts>, kind: &str) -> Vec<ShippingAmounts> {
    rows.into_iter()
        .map(|r| r.for_kind(kind))
        .filter(|r| !r.is_empty())
        .collect()
}

/// Replaces the method's rows with `rows`.
pub(super) async fn replace<C: ConnectionTrait>(
    conn: &C,
    method_id: i32,
    rows: &[ShippingAmounts],
) -> Result<()> {
    let rows = rows
        .iter()
        .map(|r| row::ActiveModel {
            shipping_method_id: Set(method_id),
            currency: Set(r.currency.code().to_owned()),
            price_minor: Set(r.price_minor),
            threshold_minor: Set(r.threshold_minor),
            per_kg_minor: Set(r.per_kg_minor),
        })
        .collect();
    owned_rows::replace::<row::Entity, _>(conn, row::Column::ShippingMethodId, method_id, rows)
        .await
}

/// The rows of method `id` (every method's when `None`), by method id.
pub(super) async fn of<C: ConnectionTrait>(
    conn: &C,
    id: Option<i32>,
) -> Result<HashMap<i32, Vec<ShippingAmounts>>> {
    owned_rows::by_parent::<row::Entity, _, _>(conn, row::Column::ShippingMethodId, id, |r| {
        Some((r.shipping_method_id, ShippingAmounts::of(r)?))
    })
    .await
}

/// The amounts set in `currency`, by method id (checkout's lookup).
pub async fn in_currency<C: ConnectionTrait>(
    conn: &C,
    currency: Currency,
) -> Result<HashMap<i32, ShippingAmounts>> {
    Ok(row::Entity::find()
        .filter(row::Column::Currency.eq(currency.code()))
        .all(conn)
        .await?
        .into_iter()
        .filter_map(|r| {
            let id = r.shipping_method_id;
            ShippingAmounts::of(r).map(|a| (id, a))
        })
        .collect())
}

#[cfg(test)]
mod tests {
    use super::*;
    use model::fx::{Presentment, Rate, Rounding};

    fn form(currency: &str, price: &str, threshold: &str, per_kg: &str) -> ShippingAmountsForm {
        ShippingAmountsForm {
            currency: currency.into(),
            price: price.into(),
            threshold: threshold.into(),
            per_kg: per_kg.into(),
        }
    }

    #[test]
    fn rows_read_in_their_own_currency_and_empty_ones_drop() {
        let mut issues = Issues::default();
        let rows = read(
            &[form("EUR", "4.50", "40", ""), form("JPY", "", "", "")],
            Currency::Usd,
            &mut issues,
        )
        .unwrap();
        issues.finish().unwrap();
        assert_eq!(
            rows,
            [ShippingAmounts {
                currency: Currency::Eur,
                price_minor: Some(450),
                threshold_minor: Some(4000),
                per_kg_minor: None,
            }]
        );
        // A flat method keeps the fee only; nothing left drops the row.
        let flat = for_kind(rows.clone(), "flat");
        assert_eq!(flat[0].threshold_minor, None);
        let weight_only = ShippingAmounts {
            price_minor: None,
            ..rows[0].clone()
        };
        assert!(for_kind(vec![weight_only], "weight").is_empty());
    }

    #[test]
    fn every_wrong_cell_is_named() {
        let mut issues = Issues::default();
        read(
            &[form("GBP", "-1", "free", "1.2.3"), form("GBP", "1", "", "")],
            Currency::Usd,
            &mut issues,
        )
        .unwrap();
        let Err(Error::Invalid { issues }) = issues.finish() else {
            panic!("issues");
        };
        let fields: Vec<&str> = issues.iter().map(|i| i.field.as_str()).collect();
        assert_eq!(
            fields,
            [
                "in_currencies.0.price",
                "in_currencies.0.threshold",
                "in_currencies.0.per_kg",
                "in_currencies.1.price"
            ]
        );
        assert_eq!(issues[0].message, "Enter an amount in GBP like 49.99.");
        let many: Vec<_> = std::iter::repeat_n(form("EUR", "", "", ""), 9).collect();
        assert!(read(&many, Currency::Usd, &mut Issues::default()).is_err());
    }

    #[test]
    fn the_form_has_a_row_per_currency_sold_in() {
        let shop = Currencies {
            base: Currency::Usd,
            others: [Currency::Eur, Currency::Jpy]
                .map(|currency| Presentment {
                    currency,
                    rate: Rate::ONE,
                    rounding: Rounding::Exact,
                })
                .to_vec(),
        };
        let set = [ShippingAmounts {
            currency: Currency::Jpy,
            price_minor: Some(800),
            threshold_minor: None,
            per_kg_minor: None,
        }];
        assert_eq!(
            write(&shop, &set),
            [form("EUR", "", "", ""), form("JPY", "800", "", "")]
        );
    }
}
