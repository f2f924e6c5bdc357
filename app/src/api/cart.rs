//! The shopper's cart: read, add, change quantities. Prices always come from
//! the catalog on the server; the browser only sends SKUs and quantities.
use leptos::prelude::*;
use model::{AppError, Locale};

use model::commerce::CartView;

#[cfg(feature = "ssr")]
use crate::request::errors::fail;

/// Titles in `locale` (the page's) where the product is translated.
#[server(prefix = "/api/cart", endpoint = "get")]
pub async fn get_cart(#[server(default)] locale: Locale) -> Result<CartView, AppError> {
    if let Some(cart) = crate::request::shell::cart(locale) {
        return Ok(cart);
    }
    let (ctx, owner) = crate::request::caller::context_and_cart_owner().await?;
    crate::request::shown::carts(&ctx, locale)
        .view(&owner)
        .await
        .map_err(fail)
}

#[server(prefix = "/api/cart", endpoint = "add")]
pub async fn add_to_cart(
    sku: String,
    quantity: Option<i64>,
    #[server(default)] locale: Locale,
) -> Result<CartView, AppError> {
    // The caller too: a new guest cart is remembered in their session.
    let (ctx, caller) = crate::request::caller::context_and_caller().await?;
    let owner = crate::request::caller::cart_owner(&caller)
        .await
        .map_err(fail)?;
    let cart = crate::request::shown::carts(&ctx, locale)
        .add(&owner, &sku, quantity.unwrap_or(1))
        .await
        .map_err(fail)?;
    crate::request::caller::remember_cart(&caller, cart.id.as_deref())
        .await
        .map_err(fail)?;
    super::analytics::visit::record(domain::analytics::EventKind::AddToCart, |_| {}).await;
    Ok(cart)
}

/// Sets a line's quantity; 0 removes it.
#[server(prefix = "/api/cart", endpoint = "update")]
pub async fn update_cart(
    sku: String,
    quantity: i64,
    #[server(default)] locale: Locale,
) -> Result<CartView, AppError> {
    let (ctx, owner) = crate::request::caller::context_and_cart_owner().await?;
    crate::request::shown::carts(&ctx, locale)
        .set_quantity(&owner, &sku, quantity)
        .await
        .map_err(fail)
}

/// How many carts with items nobody touched for `hours` (default 24).
/// The "No more cart reminders" link in a reminder: a form post (a mail
/// scanner following the link only sees the page with the button).
#[server(prefix = "/api/cart", endpoint = "reminders-off")]
pub async fn cart_reminders_off(token: String) -> Result<(), AppError> {
    let ctx = crate::request::context::ServerContext::current()?;
    ctx.commerce
        .cart_reminders()
        .stop(&token)
        .await
        .map_err(fail)
}

#[server(prefix = "/api/staff/carts", endpoint = "abandoned")]
pub async fn abandoned_carts(hours: Option<i64>) -> Result<u64, AppError> {
    let ctx = crate::request::context::ServerContext::current()?;
    let caller = crate::request::caller::caller().await?;
    ctx.commerce
        .carts()
        .abandoned(&caller.actor, hours.unwrap_or(24))
        .await
        .map_err(fail)
}
