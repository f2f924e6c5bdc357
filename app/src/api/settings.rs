//! Staff settings (permission `settings`): the store profile (name,
//! currency, mail sender, order-number prefix), shipping methods and tax
//! rates; the rest of the deployment's configuration read-only.
use leptos::prelude::*;
use leptos::server_fn::codec::{GetUrl, Json};
use model::AppError;
use serde::{Deserialize, Serialize};

#[cfg(feature = "ssr")]
use crate::request::errors::fail;

#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ShippingMethodForm {
    pub code: String,
    pub name: String,
    pub kind: String,
    /// Major units as typed.
    pub price: String,
    pub threshold: String,
    pub per_kg: String,
    pub active: bool,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct TaxRateView {
    pub id: i32,
    pub country: String,
    pub region: String,
    /// "8.25"
    pub percent: String,
    pub name: String,
}

/// The store profile form, as typed.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct StoreForm {
    pub name: String,
    pub currency: String,
    pub mail_from_name: String,
    pub mail_from_address: String,
    pub order_prefix: String,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct SettingsView {
    pub store: StoreForm,
    /// (code, "EUR (€)") of the currencies a store can use.
    pub currencies: Vec<(String, String)>,
    pub prices_include_tax: bool,
    pub public_url: String,
    pub methods: Vec<ShippingMethodForm>,
    pub rates: Vec<TaxRateView>,
    /// (code, name) of the countries a tax rate can be for.
    pub countries: Vec<(String, String)>,
}

#[server(prefix = "/api/staff/settings", endpoint = "get", input = GetUrl)]
pub async fn shop_settings() -> Result<SettingsView, AppError> {
    let (ctx, caller) = crate::request::caller::context_and_caller().await?;
    let s = ctx.commerce.settings();
    let profile = ctx.store.profile(&caller.actor).map_err(fail)?;
    let money = |m: i64| domain::Money::new(m, profile.currency).decimal_string();
    let methods = ctx
        .settings
        .shipping_methods(&caller.actor)
        .await
        .map_err(fail)?
        .into_iter()
        .map(|m| ShippingMethodForm {
            price: money(m.price_minor),
            threshold: m.threshold_minor.map(money).unwrap_or_default(),
            per_kg: m.per_kg_minor.map(money).unwrap_or_default(),
            code: m.code,
            name: m.name,
            kind: m.kind,
            active: m.active,
        })
        .collect();
    let rates = ctx
        .settings
        .tax_rates(&caller.actor)
        .await
        .map_err(fail)?
        .into_iter()
        .map(|t| TaxRateView {
            id: t.id,
            percent: domain::money::percent_string(i64::from(t.rate.rate_basis_points)),
            country: t.rate.country,
            region: t.rate.region,
            name: t.rate.name,
        })
        .collect();
    let input = profile.to_input();
    Ok(SettingsView {
        store: StoreForm {
            name: input.name,
            currency: input.currency,
            mail_from_name: input.mail_from_name,
            mail_from_address: input.mail_from_address,
            order_prefix: input.order_prefix,
        },
        currencies: domain::Currency::ALL
            .iter()
            .map(|c| {
                (
                    c.code().to_owned(),
                    format!("{} ({})", c.code(), c.symbol()),
                )
            })
            .collect(),
        prices_include_tax: s.prices_include_tax,
        public_url: s.public_url.clone(),
        methods,
        rates,
        countries: domain::accounts::countries(),
    })
}

/// Saves the store profile. A new currency relabels prices (refused once
/// orders exist).
#[server(prefix = "/api/staff/settings", endpoint = "store", input = Json)]
pub async fn save_store(form: StoreForm) -> Result<(), AppError> {
    let (ctx, caller) = crate::request::caller::context_and_caller().await?;
    let input = domain::store::ProfileInput {
        name: form.name,
        currency: form.currency,
        mail_from_name: form.mail_from_name,
        mail_from_address: form.mail_from_address,
        order_prefix: form.order_prefix,
    };
    ctx.store
        .update(&caller.actor, &input)
        .await
        .map(|_| ())
        .map_err(fail)
}

/// Creates (`original` empty) or changes a shipping method.
#[server(prefix = "/api/staff/settings", endpoint = "shipping", input = Json)]
pub async fn save_shipping_method(
    original: String,
    form: ShippingMethodForm,
) -> Result<(), AppError> {
    let (ctx, caller) = crate::request::caller::context_and_caller().await?;
    caller
        .actor
        .require(domain::accounts::Permission::Settings)
        .map_err(fail)?;
    let currency = ctx.commerce.currency();
    let amount = |s: &str, field: &'static str| -> Result<Option<i64>, AppError> {
        if s.trim().is_empty() {
            return Ok(None);
        }
        domain::Money::parse_major(s, currency)
            .map(Some)
            .ok_or_else(|| {
                fail(domain::Error::validation(
                    field,
                    "Enter an amount like 4.95.",
                ))
            })
    };
    let input = domain::shop_settings::ShippingMethodInput {
        price_minor: amount(&form.price, "price")?.unwrap_or(0),
        threshold_minor: amount(&form.threshold, "threshold")?,
        per_kg_minor: amount(&form.per_kg, "per_kg")?,
        code: form.code,
        name: form.name,
        kind: form.kind,
        active: form.active,
    };
    let original = (!original.is_empty()).then_some(original.as_str());
    ctx.settings
        .save_shipping_method(&caller.actor, original, input)
        .await
        .map_err(fail)
}

#[server(prefix = "/api/staff/settings", endpoint = "shipping-delete")]
pub async fn delete_shipping_method(code: String) -> Result<(), AppError> {
    let (ctx, caller) = crate::request::caller::context_and_caller().await?;
    ctx.settings
        .delete_shipping_method(&caller.actor, &code)
        .await
        .map_err(fail)
}

/// `percent` as typed ("8.25"); a rate for the same country and region is replaced.
#[server(prefix = "/api/staff/settings", endpoint = "tax")]
pub async fn save_tax_rate(
    country: String,
    region: String,
    percent: String,
    name: String,
) -> Result<(), AppError> {
    let (ctx, caller) = crate::request::caller::context_and_caller().await?;
    caller
        .actor
        .require(domain::accounts::Permission::Settings)
        .map_err(fail)?;
    let bp = model::money::parse_percent(&percent)
        .and_then(|v| i32::try_from(v).ok())
        .ok_or_else(|| {
            fail(domain::Error::validation(
                "percent",
                "Enter a rate like 8.25.",
            ))
        })?;
    ctx.settings
        .save_tax_rate(
            &caller.actor,
            domain::shop_settings::TaxRateInput {
                country,
                region,
                rate_basis_points: bp,
                name,
            },
        )
        .await
        .map_err(fail)
}

#[server(prefix = "/api/staff/settings", endpoint = "tax-delete")]
pub async fn delete_tax_rate(id: i32) -> Result<(), AppError> {
    let (ctx, caller) = crate::request::caller::context_and_caller().await?;
    ctx.settings
        .delete_tax_rate(&caller.actor, id)
        .await
        .map_err(fail)
}
