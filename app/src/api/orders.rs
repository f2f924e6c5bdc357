//! Orders: the confirmation page, a customer's history and actions, guest
//! lookup, and the staff actions (ship, advance, refund).
use leptos::prelude::*;

use super::commerce_types::{OrderSummaryView, OrderView};

#[cfg(feature = "ssr")]
use super::errors::to_server_fn_error as fail;

/// After checkout (and the printable invoice): the order behind an
/// unguessable public id.
#[server(prefix = "/api/orders", endpoint = "by-id")]
pub async fn get_order_by_id(public_id: String) -> Result<OrderView, ServerFnError> {
    let ctx = super::context::ServerContext::current()?;
    ctx.orders
        .by_public_id(&public_id)
        .await
        .map(Into::into)
        .map_err(fail)
}

#[server(prefix = "/api/orders", endpoint = "mine")]
pub async fn my_orders() -> Result<Vec<OrderSummaryView>, ServerFnError> {
    let (ctx, caller) = super::auth::context_and_caller().await?;
    let list = ctx.orders.history(&caller.actor).await.map_err(fail)?;
    Ok(list.into_iter().map(Into::into).collect())
}

#[server(prefix = "/api/orders", endpoint = "detail")]
pub async fn get_order(number: String) -> Result<OrderView, ServerFnError> {
    let (ctx, caller) = super::auth::context_and_caller().await?;
    ctx.orders
        .detail(&caller.actor, &number)
        .await
        .map(Into::into)
        .map_err(fail)
}

#[server(prefix = "/api/orders", endpoint = "cancel")]
pub async fn cancel_order(number: String) -> Result<OrderView, ServerFnError> {
    let (ctx, caller) = super::auth::context_and_caller().await?;
    ctx.orders
        .cancel(&caller.actor, &number)
        .await
        .map(Into::into)
        .map_err(fail)
}

#[server(prefix = "/api/orders", endpoint = "return")]
pub async fn request_return(number: String, reason: String) -> Result<OrderView, ServerFnError> {
    let (ctx, caller) = super::auth::context_and_caller().await?;
    ctx.orders
        .request_return(&caller.actor, &number, &reason)
        .await
        .map(Into::into)
        .map_err(fail)
}

/// Guests: the email the order was placed with plus its number.
#[server(prefix = "/api/orders", endpoint = "lookup")]
pub async fn lookup_order(email: String, number: String) -> Result<OrderView, ServerFnError> {
    let ctx = super::context::ServerContext::current()?;
    ctx.orders
        .lookup(&email, &number)
        .await
        .map(Into::into)
        .map_err(fail)
}

#[server(prefix = "/api/staff/orders", endpoint = "list")]
pub async fn staff_orders(page: Option<u64>) -> Result<Vec<OrderSummaryView>, ServerFnError> {
    let (ctx, caller) = super::auth::context_and_caller().await?;
    let list = ctx
        .orders
        .staff_list(&caller.actor, page.unwrap_or(1).max(1))
        .await
        .map_err(fail)?;
    Ok(list.into_iter().map(Into::into).collect())
}

#[server(prefix = "/api/staff/orders", endpoint = "ship")]
pub async fn ship_order(
    number: String,
    tracking_number: String,
) -> Result<OrderView, ServerFnError> {
    let (ctx, caller) = super::auth::context_and_caller().await?;
    ctx.orders
        .ship(&caller.actor, &number, &tracking_number)
        .await
        .map(Into::into)
        .map_err(fail)
}

/// `status`: processing, delivered or returned.
#[server(prefix = "/api/staff/orders", endpoint = "advance")]
pub async fn advance_order(number: String, status: String) -> Result<OrderView, ServerFnError> {
    let (ctx, caller) = super::auth::context_and_caller().await?;
    caller
        .actor
        .require(domain::accounts::Permission::Orders)
        .map_err(fail)?;
    let to = domain::orders::OrderStatus::parse(status.trim())
        .ok_or_else(|| fail(domain::Error::validation("status", "Unknown order status.")))?;
    ctx.orders
        .advance(&caller.actor, &number, to)
        .await
        .map(Into::into)
        .map_err(fail)
}

/// `amount` as typed by staff, e.g. "12.50".
#[server(prefix = "/api/staff/orders", endpoint = "refund")]
pub async fn refund_order(number: String, amount: String) -> Result<OrderView, ServerFnError> {
    let (ctx, caller) = super::auth::context_and_caller().await?;
    caller
        .actor
        .require(domain::accounts::Permission::Orders)
        .map_err(fail)?;
    let currency = ctx.commerce.settings().currency;
    let minor = domain::Money::parse_major(&amount, currency).ok_or_else(|| {
        fail(domain::Error::validation(
            "amount",
            "Enter an amount like 12.50.",
        ))
    })?;
    ctx.orders
        .refund(&caller.actor, &number, minor)
        .await
        .map(Into::into)
        .map_err(fail)
}
