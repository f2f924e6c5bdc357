//! Orders: the confirmation page, a customer's history and actions, guest
//! lookup, and the staff actions (ship in parcels, advance, refund).
use leptos::prelude::*;
use model::AppError;

use model::commerce::{Carrier, OrderHistory, OrderListQuery, OrderListView, OrderView, ShipLine};

#[cfg(feature = "ssr")]
use crate::request::errors::fail;

/// After checkout (and the printable invoice): the order behind an
/// unguessable public id.
#[server(prefix = "/api/orders", endpoint = "by-id")]
pub async fn get_order_by_id(public_id: String) -> Result<OrderView, AppError> {
    let ctx = crate::request::context::ServerContext::current()?;
    ctx.orders.by_public_id(&public_id).await.map_err(fail)
}

#[server(prefix = "/api/orders", endpoint = "mine")]
pub async fn my_orders(page: Option<u64>) -> Result<OrderHistory, AppError> {
    let (ctx, caller) = crate::request::caller::context_and_caller().await?;
    ctx.orders
        .history(&caller.actor, page.unwrap_or(1))
        .await
        .map_err(fail)
}

#[server(prefix = "/api/orders", endpoint = "detail")]
pub async fn get_order(number: String) -> Result<OrderView, AppError> {
    let (ctx, caller) = crate::request::caller::context_and_caller().await?;
    ctx.orders
        .detail(&caller.actor, &number)
        .await
        .map_err(fail)
}

#[server(prefix = "/api/orders", endpoint = "cancel")]
pub async fn cancel_order(number: String) -> Result<OrderView, AppError> {
    let (ctx, caller) = crate::request::caller::context_and_caller().await?;
    ctx.orders
        .cancel(&caller.actor, &number)
        .await
        .map_err(fail)
}

/// Guests: the email the order was placed with plus its number.
#[server(prefix = "/api/orders", endpoint = "lookup")]
pub async fn lookup_order(email: String, number: String) -> Result<OrderView, AppError> {
    let ctx = crate::request::context::ServerContext::current()?;
    ctx.orders.lookup(&email, &number).await.map_err(fail)
}

/// The staff order list with search and filters (dates as YYYY-MM-DD,
/// totals as typed, e.g. "50" or "49.99").
#[server(prefix = "/api/staff/orders", endpoint = "list", input = leptos::server_fn::codec::GetUrl)]
pub async fn staff_orders(query: OrderListQuery) -> Result<OrderListView, AppError> {
    let (ctx, caller) = crate::request::caller::context_and_caller().await?;
    ctx.orders
        .staff_search(&caller.actor, &query)
        .await
        .map_err(fail)
}

/// Ships one parcel: `lines` as SKU and quantity (none: everything left).
#[server(prefix = "/api/staff/orders", endpoint = "ship")]
pub async fn ship_order(
    number: String,
    carrier: String,
    tracking_number: String,
    lines: Option<Vec<ShipLine>>,
) -> Result<OrderView, AppError> {
    let (ctx, caller) = crate::request::caller::context_and_caller().await?;
    let parcel = model::commerce::NewShipment {
        carrier,
        tracking_number,
        lines: lines.unwrap_or_default(),
    };
    ctx.orders
        .ship(&caller.actor, &number, &parcel)
        .await
        .map_err(fail)
}

/// The carriers staff pick from when shipping.
#[server(prefix = "/api/staff/orders", endpoint = "carriers", input = leptos::server_fn::codec::GetUrl)]
pub async fn carriers() -> Result<Vec<Carrier>, AppError> {
    let (ctx, caller) = crate::request::caller::context_and_caller().await?;
    caller
        .actor
        .require(domain::accounts::Permission::Orders)
        .map_err(fail)?;
    ctx.orders.carriers().await.map_err(fail)
}

/// Staff move an order on (to processing, delivered or returned; the
/// domain refuses any step the order's state does not allow).
#[server(prefix = "/api/staff/orders", endpoint = "advance")]
pub async fn advance_order(
    number: String,
    status: model::OrderStatus,
) -> Result<OrderView, AppError> {
    let (ctx, caller) = crate::request::caller::context_and_caller().await?;
    caller
        .actor
        .require(domain::accounts::Permission::Orders)
        .map_err(fail)?;
    ctx.orders
        .advance(&caller.actor, &number, status)
        .await
        .map_err(fail)
}

/// `amount` as typed by staff, e.g. "12.50"; `to`, where it goes
/// (`original`, the default, or `store_credit`).
#[server(prefix = "/api/staff/orders", endpoint = "refund")]
pub async fn refund_order(
    number: String,
    amount: String,
    to: Option<String>,
) -> Result<OrderView, AppError> {
    let (ctx, caller) = crate::request::caller::context_and_caller().await?;
    let to = refund_to(to)?;
    ctx.orders
        .refund_typed(&caller.actor, &number, &amount, to)
        .await
        .map_err(fail)
}

/// Where a refund goes, as the staff forms send it: absent or empty is the
/// way they paid.
#[cfg(feature = "ssr")]
pub(crate) fn refund_to(to: Option<String>) -> Result<model::gift_cards::RefundTo, AppError> {
    match to.as_deref().map(str::trim) {
        None | Some("") => Ok(model::gift_cards::RefundTo::Original),
        Some(raw) => model::gift_cards::RefundTo::parse(raw).ok_or_else(|| {
            fail(domain::Error::validation(
                "to",
                "Choose where the refund goes.",
            ))
        }),
    }
}
