//! Orders: the confirmation page, a customer's history and actions, guest
//! lookup, and the staff actions (ship, advance, refund).
use leptos::prelude::*;
use model::AppError;

use model::commerce::{OrderListQuery, OrderListView, OrderSummary, OrderView};

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
pub async fn my_orders() -> Result<Vec<OrderSummary>, AppError> {
    let (ctx, caller) = crate::request::caller::context_and_caller().await?;
    let list = ctx.orders.history(&caller.actor).await.map_err(fail)?;
    Ok(list.into_iter().collect())
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

#[server(prefix = "/api/orders", endpoint = "return")]
pub async fn request_return(number: String, reason: String) -> Result<OrderView, AppError> {
    let (ctx, caller) = crate::request::caller::context_and_caller().await?;
    ctx.orders
        .request_return(&caller.actor, &number, &reason)
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
    let currency = ctx.commerce.currency();
    let date = |s: &str, field: &'static str| -> Result<Option<time::Date>, AppError> {
        if s.trim().is_empty() {
            return Ok(None);
        }
        let fmt = time::macros::format_description!("[year]-[month]-[day]");
        time::Date::parse(s.trim(), &fmt).map(Some).map_err(|_| {
            fail(domain::Error::validation(
                field,
                "Enter dates as YYYY-MM-DD.",
            ))
        })
    };
    let amount = |s: &str, field: &'static str| -> Result<Option<i64>, AppError> {
        if s.trim().is_empty() {
            return Ok(None);
        }
        domain::Money::parse_major(s, currency)
            .map(Some)
            .ok_or_else(|| {
                fail(domain::Error::validation(
                    field,
                    "Enter an amount like 50 or 49.99.",
                ))
            })
    };
    let status =
        match query.status.trim() {
            "" => None,
            s => Some(domain::orders::OrderStatus::parse(s).ok_or_else(|| {
                fail(domain::Error::validation("status", "Unknown order status."))
            })?),
        };
    let q = domain::orders::StaffOrderQuery {
        q: query.q.clone(),
        status,
        from: date(&query.from, "from")?,
        to: date(&query.to, "to")?,
        min_total_minor: amount(&query.min_total, "min_total")?,
        max_total_minor: amount(&query.max_total, "max_total")?,
        page: query.page,
    };
    let page = ctx
        .orders
        .staff_search(&caller.actor, &q)
        .await
        .map_err(fail)?;
    Ok(OrderListView {
        rows: page
            .rows
            .into_iter()
            .map(|r| model::commerce::StaffOrderRowView {
                number: r.number,
                email: r.email,
                status_label: r.status.label().to_owned(),
                placed_at: r.placed_at.unix_timestamp(),
                total: r.total,
            })
            .collect(),
        total: page.total,
        page: page.page,
        pages: page.pages,
        statuses: domain::orders::OrderStatus::ALL
            .iter()
            .map(|s| (s.as_str().to_owned(), s.label().to_owned()))
            .collect(),
    })
}

#[server(prefix = "/api/staff/orders", endpoint = "ship")]
pub async fn ship_order(number: String, tracking_number: String) -> Result<OrderView, AppError> {
    let (ctx, caller) = crate::request::caller::context_and_caller().await?;
    ctx.orders
        .ship(&caller.actor, &number, &tracking_number)
        .await
        .map_err(fail)
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

/// `amount` as typed by staff, e.g. "12.50".
#[server(prefix = "/api/staff/orders", endpoint = "refund")]
pub async fn refund_order(number: String, amount: String) -> Result<OrderView, AppError> {
    let (ctx, caller) = crate::request::caller::context_and_caller().await?;
    caller
        .actor
        .require(domain::accounts::Permission::Orders)
        .map_err(fail)?;
    let currency = ctx.commerce.currency();
    let minor = domain::Money::parse_major(&amount, currency).ok_or_else(|| {
        fail(domain::Error::validation(
            "amount",
            "Enter an amount like 12.50.",
        ))
    })?;
    ctx.orders
        .refund(&caller.actor, &number, minor)
        .await
        .map_err(fail)
}
