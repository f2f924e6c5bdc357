//! Returns per line: the customer asks (`/api/orders/return`, their own
//! orders), staff with `orders` approve, decline, receive and refund. The
//! domain checks who may do what; these only say who is calling.
use leptos::prelude::*;
use model::returns::{ReturnLineInput, ReturnView, ReturnsPanel};
use model::AppError;

#[cfg(feature = "ssr")]
use crate::request::errors::fail;

/// The order's returns and what can still be sent back.
#[server(prefix = "/api/orders", endpoint = "returns")]
pub async fn order_returns(number: String) -> Result<ReturnsPanel, AppError> {
    let (ctx, caller) = crate::request::caller::context_and_caller().await?;
    ctx.orders
        .returns_panel(&caller.actor, &number)
        .await
        .map_err(fail)
}

/// Asks to send back `lines` (SKU and units) for `reason` (a
/// `ReturnReason` name), with a note.
#[server(prefix = "/api/orders", endpoint = "return")]
pub async fn request_return(
    number: String,
    reason: String,
    note: Option<String>,
    lines: Option<Vec<ReturnLineInput>>,
) -> Result<ReturnView, AppError> {
    let (ctx, caller) = crate::request::caller::context_and_caller().await?;
    let input = model::returns::ReturnRequestInput {
        lines: lines.unwrap_or_default(),
        reason,
        note: note.unwrap_or_default(),
    };
    ctx.orders
        .start_return(&caller.actor, &number, &input)
        .await
        .map_err(fail)
}

#[server(prefix = "/api/staff/returns", endpoint = "approve")]
pub async fn approve_return(
    number: String,
    instructions: Option<String>,
) -> Result<ReturnView, AppError> {
    let (ctx, caller) = crate::request::caller::context_and_caller().await?;
    ctx.orders
        .approve_return(&caller.actor, &number, &instructions.unwrap_or_default())
        .await
        .map_err(fail)
}

#[server(prefix = "/api/staff/returns", endpoint = "reject")]
pub async fn reject_return(number: String, reason: String) -> Result<ReturnView, AppError> {
    let (ctx, caller) = crate::request::caller::context_and_caller().await?;
    ctx.orders
        .reject_return(&caller.actor, &number, &reason)
        .await
        .map_err(fail)
}

/// What arrived: per line the units and whether they go back on the shelf
/// (`restock` present).
#[server(prefix = "/api/staff/returns", endpoint = "receive")]
pub async fn receive_return(
    number: String,
    lines: Option<Vec<ReceivedForm>>,
) -> Result<ReturnView, AppError> {
    let (ctx, caller) = crate::request::caller::context_and_caller().await?;
    let found: Vec<model::returns::ReceivedLine> = lines
        .unwrap_or_default()
        .into_iter()
        .map(|l| model::returns::ReceivedLine {
            sku: l.sku,
            received: l.received,
            restock: l.restock.is_some(),
        })
        .collect();
    ctx.orders
        .receive_return(&caller.actor, &number, &found)
        .await
        .map_err(fail)
}

/// A received line as the form sends it: an unticked box sends nothing.
#[derive(Clone, Debug, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct ReceivedForm {
    pub sku: String,
    pub received: i64,
    pub restock: Option<String>,
}

/// Refunds what arrived; `shipping` present: the order's shipping too;
/// `to`, where it goes (as for an order's refund).
#[server(prefix = "/api/staff/returns", endpoint = "refund")]
pub async fn refund_return(
    number: String,
    shipping: Option<String>,
    to: Option<String>,
) -> Result<ReturnView, AppError> {
    let (ctx, caller) = crate::request::caller::context_and_caller().await?;
    let to = super::orders::refund_to(to)?;
    ctx.orders
        .refund_return(&caller.actor, &number, shipping.is_some(), to)
        .await
        .map_err(fail)
}
