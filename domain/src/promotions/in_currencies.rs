//! A promo code's amount off and minimum set by hand in the shop's other
//! currencies (`crate::amounts_in`): read from the code's form, kept beside
//! the code, and looked up by checkout for the shopper's currency.
use std::collections::HashMap;

use sea_orm::{ConnectionTrait, EntityTrait, Set};
use serde::{Deserialize, Serialize};

use crate::amounts_in::{currency_of, rows_for, MAX_ROWS};
use crate::entities::promotion_amount as row;
use crate::error::Issues;
use crate::money::Currency;
use crate::owned_rows;
use crate::store::Currencies;
use crate::typed::{amount_at, as_typed};
use crate::{Error, Result};
pub use model::promotions::PromotionAmountsForm;

/// A code's amounts in one currency; `None` converts from the base.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct PromotionAmounts {
    pub currency: Currency,
    /// A fixed code's amount off.
    pub value_minor: Option<i64>,
    pub min_subtotal_minor: Option<i64>,
}

impl PromotionAmounts {
    fn is_empty(&self) -> bool {
        self.value_minor.is_none() && self.min_subtotal_minor.is_none()
    }

    fn of(r: row::Model) -> Option<Self> {
        Some(Self {
            currency: r.currency.parse().ok()?,
            value_minor: r.value_minor,
            min_subtotal_minor: r.min_subtotal_minor,
        })
    }
}

/// The form's rows read, each wrong cell named (`in_currencies.0.value`);
/// rows left empty are dropped. An amount off is more than 0.
pub(super) fn read(
    rows: &[PromotionAmountsForm],
    base: Currency,
    issues: &mut Issues,
) -> Result<Vec<PromotionAmounts>> {
    if rows.len() > MAX_ROWS {
        return Err(Error::validation("in_currencies", "Too many currencies."));
    }
    let mut seen = Vec::new();
    let mut out = Vec::new();
    for (i, r) in rows.iter().enumerate() {
        let at = |name: &str| format!("in_currencies.{i}.{name}");
        let Some(currency) = currency_of(issues, &mut seen, &r.currency, base, &at("value")) else {
            continue;
        };
        let value_minor = amount_at(issues, &r.value, currency, &at("value"));
        if value_minor == Some(0) {
            issues.push(&at("value"), "An amount off is more than 0.");
        }
        let amounts = PromotionAmounts {
            currency,
            value_minor,
            min_subtotal_minor: amount_at(issues, &r.min_subtotal, currency, &at("min_subtotal")),
        };
        if !amounts.is_empty() {
            out.push(amounts);
        }
    }
    Ok(out)
}

/// The form's rows: one per currency sold in besides the base.
pub(super) fn write(
    currencies: &Currencies,
    set: &[PromotionAmounts],
) -> Vec<PromotionAmountsForm> {
    rows_for(currencies, set, |s| s.currency)
        .map(|(currency, s)| PromotionAmountsForm {
            currency: currency.code().to_owned(),
            value: as_typed(s.and_then(|s| s.value_minor), currency),
            min_subtotal: as_typed(s.and_then(|s| s.min_subtotal_minor), currency),
        })
        .collect()
}

/// What a code of `kind` keeps of `rows`: an amount off only if fixed.
pub(super) fn for_kind(rows: Vec<PromotionAmounts>, kind: &str) -> Vec<PromotionAmounts> {
    rows.into_iter()
        .map(|mut r| {
            if kind != "fixed" {
                r.value_minor = None;
            }
            r
        })
        .filter(|r| !r.is_empty())
        .collect()
}

/// Replaces the code's rows with `rows`.
pub(super) async fn replace<C: ConnectionTrait>(
    conn: &C,
    promotion_id: i32,
    rows: &[PromotionAmounts],
) -> Result<()> {
    let rows = rows
        .iter()
        .map(|r| row::ActiveModel {
            promotion_id: Set(promotion_id),
            currency: Set(r.currency.code().to_owned()),
            value_minor: Set(r.value_minor),
            min_subtotal_minor: Set(r.min_subtotal_minor),
        })
        .collect();
    owned_rows::replace::<row::Entity, _>(conn, row::Column::PromotionId, promotion_id, rows).await
}

/// The rows of code `id` (every code's when `None`), by promotion id.
pub(super) async fn of<C: ConnectionTrait>(
    conn: &C,
    id: Option<i32>,
) -> Result<HashMap<i32, Vec<PromotionAmounts>>> {
    owned_rows::by_parent::<row::Entity, _, _>(conn, row::Column::PromotionId, id, |r| {
        Some((r.promotion_id, PromotionAmounts::of(r)?))
    })
    .await
}

/// The amounts set for the code in `currency` (checkout's lookup).
pub async fn in_currency<C: ConnectionTrait>(
    conn: &C,
    promotion_id: i32,
    currency: Currency,
) -> Result<Option<PromotionAmounts>> {
    Ok(
        row::Entity::find_by_id((promotion_id, currency.code().to_owned()))
            .one(conn)
            .await?
            .and_then(PromotionAmounts::of),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn form(currency: &str, value: &str, min: &str) -> PromotionAmountsForm {
        PromotionAmountsForm {
            currency: currency.into(),
            value: value.into(),
            min_subtotal: min.into(),
        }
    }

    #[test]
    fn rows_read_in_their_own_currency_and_keep_what_the_kind_uses() {
        let mut issues = Issues::default();
        let rows = read(
            &[form("EUR", "10", "40.00"), form("GBP", "", "")],
            Currency::Usd,
            &mut issues,
        )
        .unwrap();
        issues.finish().unwrap();
        let eur = PromotionAmounts {
            currency: Currency::Eur,
            value_minor: Some(1000),
            min_subtotal_minor: Some(4000),
        };
        assert_eq!(rows, std::slice::from_ref(&eur));
        assert_eq!(for_kind(rows.clone(), "fixed"), std::slice::from_ref(&eur));
        assert_eq!(
            for_kind(rows, "percentage")[0].value_minor,
            None,
            "a percentage is the same in every currency"
        );
        let only_value = PromotionAmounts {
            min_subtotal_minor: None,
            ..eur
        };
        assert!(for_kind(vec![only_value], "free_shipping").is_empty());
    }

    #[test]
    fn wrong_amounts_are_named() {
        let mut issues = Issues::default();
        read(
            &[form("EUR", "0", "lots"), form("JPY", "5.5", "")],
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
                "in_currencies.0.value",
                "in_currencies.0.min_subtotal",
                "in_currencies.1.value"
            ]
        );
    }
}
