//! Staff promo codes: list with usage statistics, create/edit, delete.
use leptos::prelude::*;
use leptos::server_fn::codec::GetUrl;
use model::AppError;
use serde::{Deserialize, Serialize};

use model::Money;

#[cfg(feature = "ssr")]
use crate::request::errors::fail;

/// The promotion form as typed: amounts in major units, dates YYYY-MM-DD.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct PromotionForm {
    pub code: String,
    pub kind: String,
    /// "15" (percent) or "5.00" (amount off).
    pub value: String,
    pub min_subtotal: String,
    pub starts: String,
    pub ends: String,
    pub usage_limit: String,
    pub per_customer_limit: String,
    pub active: bool,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct PromotionRowView {
    pub form: PromotionForm,
    /// "15% off", "$5.00 off", "Free shipping".
    pub summary: String,
    pub times_used: i32,
    pub orders: i64,
    pub revenue: Money,
    pub discount: Money,
}

#[cfg(feature = "ssr")]
fn to_form(i: &domain::promotions::PromotionInput, currency: domain::Currency) -> PromotionForm {
    let day = |t: Option<time::OffsetDateTime>| {
        let fmt = time::macros::format_description!("[year]-[month]-[day]");
        t.and_then(|t| t.date().format(&fmt).ok())
            .unwrap_or_default()
    };
    let opt = |n: Option<i32>| n.map(|n| n.to_string()).unwrap_or_default();
    PromotionForm {
        code: i.code.clone(),
        kind: i.kind.clone(),
        value: match i.kind.as_str() {
            "percentage" => domain::money::percent_string(i.value),
            "fixed" => domain::Money::new(i.value, currency).decimal_string(),
            _ => String::new(),
        },
        min_subtotal: if i.min_subtotal_minor == 0 {
            String::new()
        } else {
            domain::Money::new(i.min_subtotal_minor, currency).decimal_string()
        },
        starts: day(i.starts_at),
        ends: day(i.ends_at),
        usage_limit: opt(i.usage_limit),
        per_customer_limit: opt(i.per_customer_limit),
        active: i.active,
    }
}

#[cfg(feature = "ssr")]
fn from_form(
    f: PromotionForm,
    currency: domain::Currency,
) -> Result<domain::promotions::PromotionInput, domain::Error> {
    use domain::Error;
    let money = |s: &str, field: &'static str| -> Result<i64, Error> {
        if s.trim().is_empty() {
            return Ok(0);
        }
        domain::Money::parse_major(s, currency)
            .ok_or_else(|| Error::validation(field, "Enter an amount like 5.00."))
    };
    let value = match f.kind.as_str() {
        // Percent with up to two decimals, kept as basis points.
        "percentage" => model::money::parse_percent(&f.value)
            .ok_or_else(|| Error::validation("value", "Enter a percentage like 15 or 12.5."))?,
        "fixed" => money(&f.value, "value")?,
        _ => 0,
    };
    let date =
        |s: &str, field: &'static str, end: bool| -> Result<Option<time::OffsetDateTime>, Error> {
            if s.trim().is_empty() {
                return Ok(None);
            }
            let fmt = time::macros::format_description!("[year]-[month]-[day]");
            let d = time::Date::parse(s.trim(), &fmt)
                .map_err(|_| Error::validation(field, "Enter dates as YYYY-MM-DD."))?;
            // A code runs through the whole of its last day.
            let d = if end { d.next_day().unwrap_or(d) } else { d };
            Ok(Some(d.midnight().assume_utc()))
        };
    let limit = |s: &str, field: &'static str| -> Result<Option<i32>, Error> {
        match s.trim() {
            "" => Ok(None),
            n => n
                .parse()
                .map(Some)
                .map_err(|_| Error::validation(field, "Limits are whole numbers.")),
        }
    };
    Ok(domain::promotions::PromotionInput {
        code: f.code,
        kind: f.kind,
        value,
        min_subtotal_minor: money(&f.min_subtotal, "min_subtotal")?,
        starts_at: date(&f.starts, "starts", false)?,
        ends_at: date(&f.ends, "ends", true)?,
        usage_limit: limit(&f.usage_limit, "usage_limit")?,
        per_customer_limit: limit(&f.per_customer_limit, "per_customer_limit")?,
        active: f.active,
    })
}

#[server(prefix = "/api/staff/promotions", endpoint = "list", input = GetUrl)]
pub async fn staff_promotions() -> Result<Vec<PromotionRowView>, AppError> {
    let (ctx, caller) = crate::request::caller::context_and_caller().await?;
    let currency = ctx.commerce.currency();
    let rows = ctx.promotions.list(&caller.actor).await.map_err(fail)?;
    Ok(rows
        .into_iter()
        .map(|r| {
            let form = to_form(&r.input, currency);
            let summary = match r.input.kind.as_str() {
                "percentage" => format!("{}% off", form.value),
                "fixed" => format!(
                    "{} off",
                    domain::Money::new(r.input.value, currency).format()
                ),
                _ => "Free shipping".to_owned(),
            };
            PromotionRowView {
                form,
                summary,
                times_used: r.times_used,
                orders: r.orders,
                revenue: domain::Money::new(r.revenue_minor, currency),
                discount: domain::Money::new(r.discount_minor, currency),
            }
        })
        .collect())
}

/// The form for one code (empty `code`: a new one).
#[server(prefix = "/api/staff/promotions", endpoint = "get", input = GetUrl)]
pub async fn staff_promotion(code: String) -> Result<PromotionForm, AppError> {
    let (ctx, caller) = crate::request::caller::context_and_caller().await?;
    if code.is_empty() {
        caller
            .actor
            .require(domain::accounts::Permission::Promotions)
            .map_err(fail)?;
        return Ok(PromotionForm {
            kind: "percentage".into(),
            active: true,
            ..Default::default()
        });
    }
    let input = ctx
        .promotions
        .get(&caller.actor, &code)
        .await
        .map_err(fail)?;
    Ok(to_form(&input, ctx.commerce.currency()))
}

/// Creates (`original` empty) or saves a code; returns the code.
#[server(prefix = "/api/staff/promotions", endpoint = "save", input = leptos::server_fn::codec::Json)]
pub async fn save_promotion(original: String, form: PromotionForm) -> Result<String, AppError> {
    let (ctx, caller) = crate::request::caller::context_and_caller().await?;
    caller
        .actor
        .require(domain::accounts::Permission::Promotions)
        .map_err(fail)?;
    let input = from_form(form, ctx.commerce.currency()).map_err(fail)?;
    let original = (!original.is_empty()).then_some(original.as_str());
    ctx.promotions
        .save(&caller.actor, original, input)
        .await
        .map_err(fail)
}

#[server(prefix = "/api/staff/promotions", endpoint = "delete")]
pub async fn delete_promotion(code: String) -> Result<(), AppError> {
    let (ctx, caller) = crate::request::caller::context_and_caller().await?;
    ctx.promotions
        .delete(&caller.actor, &code)
        .await
        .map_err(fail)
}
