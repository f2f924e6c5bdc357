//! The staff promotion form: what was typed (major units, percentages,
//! YYYY-MM-DD) read into a [`PromotionInput`] with every wrong field
//! reported at once, and written back for editing.
use time::OffsetDateTime;

use super::{in_currencies, PromotionAdmin, PromotionInput};
pub use model::promotions::{PromotionForm, PromotionRow};

use crate::accounts::{Actor, Permission};
use crate::error::Issues;
use crate::money::{percent_string, Currency, Money};
use crate::store::Currencies;
use crate::{Error, Result};

use crate::typed::DAY;

impl PromotionAdmin {
    /// Every code with its summary and sales, amounts in the base currency.
    pub async fn rows(&self, actor: &Actor, currencies: &Currencies) -> Result<Vec<PromotionRow>> {
        let currency = currencies.base;
        Ok(self
            .list(actor)
            .await?
            .into_iter()
            .map(|r| PromotionRow {
                summary: summary(&r.input, currency),
                form: write(&r.input, currencies),
                times_used: r.times_used,
                orders: r.orders,
                revenue: Money::new(r.revenue_minor, currency),
                discount: Money::new(r.discount_minor, currency),
            })
            .collect())
    }

    /// The form for `code`; an empty code is a new one.
    pub async fn form(
        &self,
        actor: &Actor,
        code: &str,
        currencies: &Currencies,
    ) -> Result<PromotionForm> {
        if code.is_empty() {
            actor.require(Permission::Promotions)?;
            return Ok(PromotionForm {
                kind: "percentage".into(),
                active: true,
                in_currencies: in_currencies::write(currencies, &[]),
                ..Default::default()
            });
        }
        Ok(write(&self.get(actor, code).await?, currencies))
    }

    /// Saves the form as typed over `original` (empty: a new code); the
    /// saved code comes back.
    pub async fn save_form(
        &self,
        actor: &Actor,
        original: &str,
        form: PromotionForm,
        currencies: &Currencies,
    ) -> Result<String> {
        actor.require(Permission::Promotions)?;
        let input = read(form, currencies.base)?;
        let original = (!original.is_empty()).then_some(original);
        self.save(actor, original, input).await
    }
}

fn summary(i: &PromotionInput, currency: Currency) -> String {
    match i.kind.as_str() {
        "percentage" => format!("{}% off", percent_string(i.value)),
        "fixed" => format!("{} off", Money::new(i.value, currency).format()),
        _ => "Free shipping".to_owned(),
    }
}

pub fn write(i: &PromotionInput, currencies: &Currencies) -> PromotionForm {
    let currency = currencies.base;
    let day = |t: Option<OffsetDateTime>| {
        t.and_then(|t| t.date().format(DAY).ok())
            .unwrap_or_default()
    };
    let opt = |n: Option<i32>| n.map(|n| n.to_string()).unwrap_or_default();
    PromotionForm {
        code: i.code.clone(),
        kind: i.kind.clone(),
        value: match i.kind.as_str() {
            "percentage" => percent_string(i.value),
            "fixed" => Money::new(i.value, currency).decimal_string(),
            _ => String::new(),
        },
        min_subtotal: if i.min_subtotal_minor == 0 {
            String::new()
        } else {
            Money::new(i.min_subtotal_minor, currency).decimal_string()
        },
        starts: day(i.starts_at),
        // The last day the code runs (it is stored as the next midnight).
        ends: day(i.ends_at.map(|t| t - time::Duration::days(1))),
        usage_limit: opt(i.usage_limit),
        per_customer_limit: opt(i.per_customer_limit),
        active: i.active,
        in_currencies: in_currencies::write(
            currencies,
            i.in_currencies.as_deref().unwrap_or_default(),
        ),
    }
}

pub fn read(f: PromotionForm, currency: Currency) -> Result<PromotionInput> {
    let mut issues = Issues::default();
    let money =
        |s: &str, field| crate::typed::amount(s, currency, field).map(Option::unwrap_or_default);
    let value = match f.kind.as_str() {
        // Percent with up to two decimals, kept as basis points.
        "percentage" => model::money::parse_percent(&f.value)
            .ok_or_else(|| Error::validation("value", "Enter a percentage like 15 or 12.5.")),
        "fixed" => money(&f.value, "value"),
        _ => Ok(0),
    };
    let date = |s: &str, field, end: bool| -> Result<Option<OffsetDateTime>> {
        // A code runs through the whole of its last day.
        Ok(crate::typed::day(s, field)?
            .map(|d| if end { d.next_day().unwrap_or(d) } else { d })
            .map(|d| d.midnight().assume_utc()))
    };
    let limit = |s: &str, field: &'static str| -> Result<Option<i32>> {
        match s.trim() {
            "" => Ok(None),
            n => n
                .parse()
                .map(Some)
                .map_err(|_| Error::validation(field, "Limits are whole numbers.")),
        }
    };
    let in_currencies = in_currencies::read(&f.in_currencies, currency, &mut issues)?;
    let input = PromotionInput {
        in_currencies: Some(in_currencies),
        value: issues.take(value)?,
        min_subtotal_minor: issues.take(money(&f.min_subtotal, "min_subtotal"))?,
        starts_at: issues.take(date(&f.starts, "starts", false))?,
        ends_at: issues.take(date(&f.ends, "ends", true))?,
        usage_limit: issues.take(limit(&f.usage_limit, "usage_limit"))?,
        per_customer_limit: issues.take(limit(&f.per_customer_limit, "per_customer_limit"))?,
        code: f.code,
        kind: f.kind,
        active: f.active,
    };
    issues.finish()?;
    Ok(input)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_form_reads_back_as_typed() {
        let form = PromotionForm {
            code: "SPRING".into(),
            kind: "percentage".into(),
            value: "12.5".into(),
            min_subtotal: "40.00".into(),
            starts: "2026-03-01".into(),
            ends: "2026-03-31".into(),
            usage_limit: "100".into(),
            per_customer_limit: "1".into(),
            active: true,
            in_currencies: Vec::new(),
        };
        let input = read(form.clone(), Currency::Usd).expect("valid");
        assert_eq!(input.value, 1250);
        assert_eq!(input.min_subtotal_minor, 4000);
        assert_eq!(write(&input, &Currencies::only(Currency::Usd)), form);
    }

    #[test]
    fn every_wrong_field_is_named() {
        let form = PromotionForm {
            kind: "fixed".into(),
            value: "five".into(),
            ends: "31/03/2026".into(),
            usage_limit: "lots".into(),
            ..Default::default()
        };
        let Err(Error::Invalid { issues }) = read(form, Currency::Usd) else {
            panic!("three issues");
        };
        let fields: Vec<&str> = issues.iter().map(|i| i.field.as_str()).collect();
        assert_eq!(fields, ["value", "ends", "usage_limit"]);
    }
}
