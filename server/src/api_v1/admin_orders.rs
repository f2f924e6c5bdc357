//! The admin API's orders (scope `orders:read` to read, `orders:write` to
//! ship, cancel and refund): the same services, transitions and mails as
//! the staff pages, audited with the token's name.
use axum::extract::State;
use axum::http::HeaderMap;
use axum::response::{IntoResponse, Response};
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};

use domain::api_tokens::Access;
use model::commerce::OrderListQuery;
use model::Permission;

use super::auth::Token;
use super::cursor;
use super::extract::{read, Json, Path, Query};
use super::orders::Order;
use super::problem::{Problem, ProblemBody};
use super::types::{rfc3339, Money};
use crate::http::AppState;

#[derive(Debug, Default, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct OrdersQuery {
    /// Order number or email contains.
    q: Option<String>,
    /// `pending_payment`, `paid`, `shipped`, `delivered`, `cancelled`, …
    status: Option<String>,
    /// Placed on or after this day (YYYY-MM-DD).
    from: Option<String>,
    /// Placed on or before this day (YYYY-MM-DD).
    to: Option<String>,
    /// From the previous page's `next`.
    cursor: Option<String>,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct OrderRow {
    pub number: String,
    pub email: String,
    pub status: String,
    /// RFC 3339.
    pub placed_at: String,
    pub total: Money,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct OrderList {
    pub data: Vec<OrderRow>,
    pub total: u64,
    pub next: Option<String>,
}

/// Orders, newest first.
#[utoipa::path(
    get,
    path = "/api/v1/admin/orders",
    operation_id = "admin_list_orders",
    tag = "admin",
    params(OrdersQuery),
    security(("token" = ["orders:read"])),
    responses(
        (status = 200, description = "A page of orders", body = OrderList),
        (status = 401, description = "No valid API token", body = ProblemBody, content_type = "application/problem+json"),
        (status = 403, description = "The token lacks the scope", body = ProblemBody, content_type = "application/problem+json"),
        (status = 422, description = "A filter is not valid", body = ProblemBody, content_type = "application/problem+json"),
    )
)]
pub async fn list(
    State(state): State<AppState>,
    headers: HeaderMap,
    token: Token,
    Query(q): Query<OrdersQuery>,
) -> Result<Response, Problem> {
    let actor = token.need(Permission::Orders, Access::Read)?;
    let page = cursor::decode(q.cursor.as_deref())?;
    let query = OrderListQuery {
        q: q.q.clone().unwrap_or_default(),
        status: q.status.clone().unwrap_or_default(),
        from: q.from.clone().unwrap_or_default(),
        to: q.to.clone().unwrap_or_default(),
        page,
        ..Default::default()
    };
    let found = state.ctx.orders.staff_search(actor, &query).await?;
    let next = (page < found.pages).then(|| {
        let pairs = [
            ("q", query.q.clone()),
            ("status", query.status.clone()),
            ("from", query.from.clone()),
            ("to", query.to.clone()),
        ];
        cursor::next_link("/api/v1/admin/orders", &pairs, page)
    });
    let body = OrderList {
        data: found
            .rows
            .into_iter()
            .map(|r| OrderRow {
                number: r.number,
                email: r.email,
                status: r.status.as_str().to_owned(),
                placed_at: rfc3339(r.placed_at),
                total: r.total.into(),
            })
            .collect(),
        total: found.total,
        next,
    };
    Ok(read(&headers, &body, false))
}

/// One order with its lines, totals and shipping.
#[utoipa::path(
    get,
    path = "/api/v1/admin/orders/{number}",
    operation_id = "admin_get_order",
    tag = "admin",
    params(("number" = String, Path, description = "The order number, e.g. MC-G8JQPQ")),
    security(("token" = ["orders:read"])),
    responses(
        (status = 200, description = "The order", body = Order),
        (status = 401, description = "No valid API token", body = ProblemBody, content_type = "application/problem+json"),
        (status = 403, description = "The token lacks the scope", body = ProblemBody, content_type = "application/problem+json"),
        (status = 404, description = "No order has that number", body = ProblemBody, content_type = "application/problem+json"),
    )
)]
pub async fn get(
    State(state): State<AppState>,
    headers: HeaderMap,
    token: Token,
    Path(number): Path<String>,
) -> Result<Response, Problem> {
    let actor = token.need(Permission::Orders, Access::Read)?;
    let view = state.ctx.orders.detail(actor, &number).await?;
    Ok(read(&headers, &Order::from(view), false))
}

#[derive(Debug, Deserialize, ToSchema)]
pub struct NewShipment {
    /// A carrier's code (`ups`, `usps`, `fedex`, `dhl`, `other`, or one
    /// staff added); `other` when left out.
    pub carrier: Option<String>,
    /// Letters, digits and dashes (spaces are dropped), up to 40.
    pub tracking_number: String,
    /// What goes in this parcel; left out or empty: everything not yet shipped.
    #[serde(default)]
    pub lines: Vec<ShipLine>,
}

#[derive(Debug, Deserialize, ToSchema)]
pub struct ShipLine {
    pub sku: String,
    pub quantity: i64,
}

/// Ships a parcel of a paid order (all that is left, or the lines given);
/// the order is `partially_shipped` until everything has left, then
/// `shipped`. The customer is mailed about each parcel.
#[utoipa::path(
    post,
    path = "/api/v1/admin/orders/{number}/ship",
    operation_id = "admin_ship_order",
    tag = "admin",
    params(("number" = String, Path, description = "The order number")),
    request_body = NewShipment,
    security(("token" = ["orders:write"])),
    responses(
        (status = 200, description = "The order, with the new shipment", body = Order),
        (status = 401, description = "No valid API token", body = ProblemBody, content_type = "application/problem+json"),
        (status = 403, description = "The token lacks the scope", body = ProblemBody, content_type = "application/problem+json"),
        (status = 404, description = "No order has that number", body = ProblemBody, content_type = "application/problem+json"),
        (status = 409, description = "The order cannot ship now (not paid, or everything shipped already)", body = ProblemBody, content_type = "application/problem+json"),
        (status = 422, description = "No valid tracking number, an unknown carrier, or a line not in the order or above what is left", body = ProblemBody, content_type = "application/problem+json"),
    )
)]
pub async fn ship(
    State(state): State<AppState>,
    token: Token,
    Path(number): Path<String>,
    Json(s): Json<NewShipment>,
) -> Result<Response, Problem> {
    let actor = token.need(Permission::Orders, Access::Write)?;
    let parcel = model::commerce::NewShipment {
        carrier: s
            .carrier
            .unwrap_or_else(|| domain::shop_settings::DEFAULT_CARRIER.to_owned()),
        tracking_number: s.tracking_number,
        lines: s
            .lines
            .into_iter()
            .map(|l| model::commerce::ShipLine {
                sku: l.sku,
                quantity: l.quantity,
            })
            .collect(),
    };
    let view = state.ctx.orders.ship(actor, &number, &parcel).await?;
    Ok(axum::Json(Order::from(view)).into_response())
}

/// Cancels an order that has not shipped; a paid one is refunded in full.
#[utoipa::path(
    post,
    path = "/api/v1/admin/orders/{number}/cancel",
    operation_id = "admin_cancel_order",
    tag = "admin",
    params(("number" = String, Path, description = "The order number")),
    security(("token" = ["orders:write"])),
    responses(
        (status = 200, description = "The order, cancelled", body = Order),
        (status = 401, description = "No valid API token", body = ProblemBody, content_type = "application/problem+json"),
        (status = 403, description = "The token lacks the scope", body = ProblemBody, content_type = "application/problem+json"),
        (status = 404, description = "No order has that number", body = ProblemBody, content_type = "application/problem+json"),
        (status = 409, description = "The order cannot be cancelled now", body = ProblemBody, content_type = "application/problem+json"),
    )
)]
pub async fn cancel(
    State(state): State<AppState>,
    token: Token,
    Path(number): Path<String>,
) -> Result<Response, Problem> {
    let actor = token.need(Permission::Orders, Access::Write)?;
    let view = state.ctx.orders.cancel(actor, &number).await?;
    Ok(axum::Json(Order::from(view)).into_response())
}

#[derive(Debug, Deserialize, ToSchema)]
pub struct NewRefund {
    /// In the order's currency's minor unit; at most what is left to refund.
    pub amount_minor: i64,
}

/// Refunds part or all of what was paid, through the payment gateway.
#[utoipa::path(
    post,
    path = "/api/v1/admin/orders/{number}/refunds",
    operation_id = "admin_refund_order",
    tag = "admin",
    params(
        ("number" = String, Path, description = "The order number"),
        ("Idempotency-Key" = Option<String>, Header, description = "Any unique string: a retry with the same key refunds once"),
    ),
    request_body = NewRefund,
    security(("token" = ["orders:write"])),
    responses(
        (status = 200, description = "The order, with the refund", body = Order),
        (status = 401, description = "No valid API token", body = ProblemBody, content_type = "application/problem+json"),
        (status = 403, description = "The token lacks the scope", body = ProblemBody, content_type = "application/problem+json"),
        (status = 404, description = "No order has that number", body = ProblemBody, content_type = "application/problem+json"),
        (status = 409, description = "Not paid, or a key still running", body = ProblemBody, content_type = "application/problem+json"),
        (status = 422, description = "More than is left to refund, or not positive", body = ProblemBody, content_type = "application/problem+json"),
    )
)]
pub async fn refund(
    State(state): State<AppState>,
    token: Token,
    Path(number): Path<String>,
    Json(r): Json<NewRefund>,
) -> Result<Response, Problem> {
    let actor = token.need(Permission::Orders, Access::Write)?;
    let view = state
        .ctx
        .orders
        .refund(actor, &number, r.amount_minor)
        .await?;
    Ok(axum::Json(Order::from(view)).into_response())
}
