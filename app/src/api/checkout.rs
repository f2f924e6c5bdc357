//! Checkout: the review quote and placing the order. The browser sends the
//! address, method, code and the total it showed; the domain prices
//! everything itself, refuses if that total is no longer right, and uses
//! the signed-in customer's own email over the one typed.
// In the browser build `#[server]` generates a client function with the
// same long argument list, where a per-function allow does not reach.
#![allow(clippy::too_many_arguments)]
use leptos::prelude::*;
use model::AppError;

use model::commerce::{PlacedOrderView, QuoteView};

#[cfg(feature = "ssr")]
use crate::request::errors::fail;

#[server(prefix = "/api/checkout", endpoint = "quote")]
pub async fn get_quote(
    country: String,
    region: String,
    shipping_method: String,
    promo_code: String,
    email: String,
    use_store_credit: Option<bool>,
    #[server(default)] locale: model::Locale,
) -> Result<QuoteView, AppError> {
    let (ctx, owner) = crate::request::caller::context_and_cart_owner().await?;
    let quote = ctx
        .checkout
        .quote(
            &owner,
            &domain::checkout::QuoteChoices {
                country,
                region,
                shipping_method,
                promo_code,
                email,
                use_store_credit: use_store_credit.unwrap_or(false),
                currency: Some(crate::request::currency::shopper(&ctx)),
                locale,
            },
        )
        .await
        .map_err(fail)?;
    super::analytics::visit::record(domain::analytics::EventKind::CheckoutStarted, |_| {}).await;
    Ok(quote)
}

#[server(prefix = "/api/checkout", endpoint = "place")]
pub async fn place_order(
    email: String,
    full_name: String,
    line1: String,
    line2: String,
    city: String,
    region: String,
    postal_code: String,
    country: String,
    phone: String,
    shipping_method: String,
    promo_code: String,
    expected_total: Option<i64>,
    checkout_key: Option<String>,
    use_store_credit: Option<bool>,
    locale: Option<String>,
) -> Result<PlacedOrderView, AppError> {
    let (ctx, owner) = crate::request::caller::context_and_cart_owner().await?;
    let input = domain::checkout::CheckoutInput {
        email,
        address: model::accounts::AddressInput {
            full_name,
            line1,
            line2,
            city,
            region,
            postal_code,
            country,
            phone,
            ..Default::default()
        },
        shipping_method,
        promo_code,
        expected_total,
        checkout_key: checkout_key.unwrap_or_default(),
        use_store_credit: use_store_credit.unwrap_or(false),
        locale: locale
            .as_deref()
            .and_then(model::Locale::from_tag)
            .unwrap_or_default(),
        currency: Some(crate::request::currency::shopper(&ctx)),
    };
    let placed = ctx
        .checkout
        .place_order(&owner, &input)
        .await
        .map_err(fail)?;
    super::analytics::visit::record(domain::analytics::EventKind::OrderPlaced, |e| {
        e.order_id = Some(placed.id);
    })
    .await;
    Ok(PlacedOrderView {
        number: placed.number,
        redirect_url: placed.redirect_url,
    })
}

/// Enters a gift card code for this checkout. Limited per client like a
/// sign-in (`server::http::rate_limit`): codes are secrets to guess at.
#[server(prefix = "/api/checkout", endpoint = "gift-card")]
pub async fn apply_gift_card(code: String) -> Result<(), AppError> {
    let (ctx, owner) = crate::request::caller::context_and_cart_owner().await?;
    let currency = crate::request::currency::shopper(&ctx);
    ctx.checkout
        .apply_gift_card(&owner, &code, Some(currency))
        .await
        .map_err(fail)
}

#[server(prefix = "/api/checkout", endpoint = "remove-gift-card")]
pub async fn remove_gift_card(id: i32) -> Result<(), AppError> {
    let (ctx, owner) = crate::request::caller::context_and_cart_owner().await?;
    ctx.checkout
        .remove_gift_card(&owner, id)
        .await
        .map_err(fail)
}
