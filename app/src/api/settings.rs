//! Staff settings (permission `settings`): the store profile (name,
//! currency, mail sender, order-number prefix), shipping methods, tax
//! rates and carriers; the rest of the deployment's configuration read-only.
use leptos::prelude::*;
use leptos::server_fn::codec::{GetUrl, Json};
use model::commerce::Carrier;
use model::settings::{ProfileInput, SettingsView, ShippingMethodForm};
use model::AppError;

#[cfg(feature = "ssr")]
use crate::request::errors::fail;

#[server(prefix = "/api/staff/settings", endpoint = "get", input = GetUrl)]
pub async fn shop_settings() -> Result<SettingsView, AppError> {
    let (ctx, caller) = crate::request::caller::context_and_caller().await?;
    ctx.settings
        .page(&caller.actor, &ctx.store, ctx.commerce.settings())
        .await
        .map_err(fail)
}

/// Saves the store profile. A new currency relabels prices (refused once
/// orders exist).
#[server(prefix = "/api/staff/settings", endpoint = "store", input = Json)]
pub async fn save_store(form: ProfileInput) -> Result<(), AppError> {
    let (ctx, caller) = crate::request::caller::context_and_caller().await?;
    ctx.store
        .update(&caller.actor, &form)
        .await
        .map(|_| ())
        .map_err(fail)
}

/// Replaces the currencies the shop sells in beside its base one.
#[server(prefix = "/api/staff/settings", endpoint = "currencies", input = Json)]
pub async fn save_currencies(rows: Vec<model::fx::PresentmentInput>) -> Result<(), AppError> {
    let (ctx, caller) = crate::request::caller::context_and_caller().await?;
    ctx.store
        .save_currencies(&caller.actor, &rows)
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
    ctx.settings
        .save_shipping_form(&caller.actor, &original, form, ctx.commerce.currency())
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

#[server(prefix = "/api/staff/settings", endpoint = "carriers", input = GetUrl)]
pub async fn staff_carriers() -> Result<Vec<Carrier>, AppError> {
    let (ctx, caller) = crate::request::caller::context_and_caller().await?;
    ctx.settings
        .list_carriers(&caller.actor)
        .await
        .map_err(fail)
}

/// Creates (`original` empty) or changes a carrier.
#[server(prefix = "/api/staff/settings", endpoint = "carrier")]
pub async fn save_carrier(
    original: String,
    code: String,
    name: String,
    tracking_url: String,
) -> Result<(), AppError> {
    let (ctx, caller) = crate::request::caller::context_and_caller().await?;
    let carrier = Carrier {
        code,
        name,
        tracking_url,
    };
    ctx.settings
        .save_carrier(&caller.actor, &original, carrier)
        .await
        .map_err(fail)
}

#[server(prefix = "/api/staff/settings", endpoint = "carrier-delete")]
pub async fn delete_carrier(code: String) -> Result<(), AppError> {
    let (ctx, caller) = crate::request::caller::context_and_caller().await?;
    ctx.settings
        .delete_carrier(&caller.actor, &code)
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
    ctx.settings
        .save_tax_form(&caller.actor, country, region, &percent, name)
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
