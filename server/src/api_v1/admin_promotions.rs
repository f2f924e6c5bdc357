//! The admin API's promotions (scope `promotions:read`): every code with
//! its rules and how it has done, as the promotions page lists them.
use axum::extract::State;
use axum::http::HeaderMap;
use axum::response::Response;
use serde::Serialize;
use utoipa::ToSchema;

use domain::api_tokens::Access;
use model::Permission;

use super::auth::Token;
use super::extract::read;
use super::problem::{Problem, ProblemBody};
use super::types::{rfc3339, Money};
use crate::http::AppState;

#[derive(Debug, Serialize, ToSchema)]
pub struct Promotion {
    pub code: String,
    /// `percentage`, `fixed` or `free_shipping`.
    pub kind: String,
    /// Basis points for `percentage` (1000 = 10 %); none otherwise.
    pub percent_bp: Option<i64>,
    /// The amount off for `fixed`; none otherwise.
    pub amount_off: Option<Money>,
    pub min_subtotal: Money,
    /// RFC 3339; none: no start or end.
    pub starts_at: Option<String>,
    pub ends_at: Option<String>,
    pub usage_limit: Option<i32>,
    pub per_customer_limit: Option<i32>,
    pub active: bool,
    /// Uses taken, including checkouts still waiting for payment.
    pub times_used: i32,
    /// Paid orders with the code.
    pub orders: i64,
    /// Those orders' totals, net of refunds.
    pub revenue: Money,
    /// The discount they were given.
    pub discount: Money,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct PromotionList {
    pub data: Vec<Promotion>,
}

/// Every promotion code.
#[utoipa::path(
    get,
    path = "/api/v1/admin/promotions",
    operation_id = "admin_list_promotions",
    tag = "admin",
    security(("token" = ["promotions:read"])),
    responses(
        (status = 200, description = "The promotions", body = PromotionList),
        (status = 401, description = "No valid API token", body = ProblemBody, content_type = "application/problem+json"),
        (status = 403, description = "The token lacks the scope", body = ProblemBody, content_type = "application/problem+json"),
    )
)]
pub async fn list(
    State(state): State<AppState>,
    headers: HeaderMap,
    token: Token,
) -> Result<Response, Problem> {
    let actor = token.need(Permission::Promotions, Access::Read)?;
    let currency = state.ctx.commerce.currency();
    let money = |minor: i64| Money::from(model::Money::new(minor, currency));
    let at = |t: Option<time::OffsetDateTime>| t.map(|t| rfc3339(t.unix_timestamp()));
    let rows = state.ctx.promotions.list(actor).await?;
    let data = rows
        .into_iter()
        .map(|p| {
            let i = p.input;
            Promotion {
                percent_bp: (i.kind == "percentage").then_some(i.value),
                amount_off: (i.kind == "fixed").then(|| money(i.value)),
                min_subtotal: money(i.min_subtotal_minor),
                starts_at: at(i.starts_at),
                ends_at: at(i.ends_at),
                usage_limit: i.usage_limit,
                per_customer_limit: i.per_customer_limit,
                active: i.active,
                times_used: p.times_used,
                orders: p.orders,
                revenue: money(p.revenue_minor),
                discount: money(p.discount_minor),
                code: i.code,
                kind: i.kind,
            }
        })
        .collect();
    Ok(read(&headers, &PromotionList { data }, false))
}
