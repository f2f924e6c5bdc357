//! The admin API's promotions (scope `promotions:read`, `promotions:write`):
//! every code with its rules and how it has done, as the promotions page
//! lists them; a code created or its rules replaced, an unused code
//! deleted — the promotions service's rules and audit entries.
use axum::extract::State;
use axum::http::{HeaderMap, StatusCode};
use axum::response::{IntoResponse, Response};
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

use domain::api_tokens::Access;
use domain::promotions::{PromotionInput, PromotionStats};
use model::Permission;

use super::auth::Token;
use super::extract::{read, Json, Path};
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

fn promotion(p: PromotionStats, currency: model::Currency) -> Promotion {
    let money = |minor: i64| Money::from(model::Money::new(minor, currency));
    let at = |t: Option<time::OffsetDateTime>| t.map(|t| rfc3339(t.unix_timestamp()));
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
    let rows = state.ctx.promotions.list(actor).await?;
    let data = rows.into_iter().map(|p| promotion(p, currency)).collect();
    Ok(read(&headers, &PromotionList { data }, false))
}

/// A promotion code's rules, as written.
#[derive(Debug, Deserialize, ToSchema)]
pub struct PromotionRules {
    /// `percentage`, `fixed` or `free_shipping`.
    pub kind: String,
    /// For `percentage`: basis points (1000 = 10 %).
    #[serde(default)]
    pub percent_bp: Option<i64>,
    /// For `fixed`: the amount off, in the shop's currency.
    #[serde(default)]
    pub amount_off: Option<Money>,
    /// The subtotal an order needs; none: any.
    #[serde(default)]
    pub min_subtotal: Option<Money>,
    /// RFC 3339; none: from now on.
    #[serde(default)]
    pub starts_at: Option<String>,
    /// RFC 3339; none: no end.
    #[serde(default)]
    pub ends_at: Option<String>,
    #[serde(default)]
    pub usage_limit: Option<i32>,
    #[serde(default)]
    pub per_customer_limit: Option<i32>,
    pub active: bool,
}

impl PromotionRules {
    fn into_input(
        self,
        code: String,
        currency: model::Currency,
    ) -> Result<PromotionInput, Problem> {
        let at = |t: &Option<String>, field: &str| {
            t.as_deref()
                .map(str::trim)
                .filter(|t| !t.is_empty())
                .map(|t| {
                    time::OffsetDateTime::parse(t, &time::format_description::well_known::Rfc3339)
                        .map_err(|_| {
                            Problem::invalid(
                                field,
                                "Give a time as RFC 3339, e.g. 2027-01-31T23:59:00Z.",
                            )
                        })
                })
                .transpose()
        };
        let value = match self.kind.as_str() {
            "percentage" => self.percent_bp.ok_or_else(|| {
                Problem::invalid(
                    "percent_bp",
                    "Give the percentage in basis points (1000 = 10 %).",
                )
            })?,
            "fixed" => self
                .amount_off
                .as_ref()
                .ok_or_else(|| Problem::invalid("amount_off", "Give the amount off."))?
                .minor_in(currency, "amount_off")?,
            _ => 0,
        };
        Ok(PromotionInput {
            code,
            kind: self.kind,
            value,
            min_subtotal_minor: self
                .min_subtotal
                .as_ref()
                .map(|m| m.minor_in(currency, "min_subtotal"))
                .transpose()?
                .unwrap_or(0),
            starts_at: at(&self.starts_at, "starts_at")?,
            ends_at: at(&self.ends_at, "ends_at")?,
            usage_limit: self.usage_limit,
            per_customer_limit: self.per_customer_limit,
            active: self.active,
            // Amounts staff set in other currencies stay as they are.
            in_currencies: None,
        })
    }
}

/// Creates a promotion code or replaces its rules (scope
/// `promotions:write`); its uses so far stay. Audited with the token's name.
#[utoipa::path(
    put,
    path = "/api/v1/admin/promotions/{code}",
    operation_id = "admin_put_promotion",
    tag = "admin",
    params(
        ("code" = String, Path, description = "The code shoppers type (letters, digits, dashes; kept upper-case)"),
        ("Idempotency-Key" = Option<String>, Header, description = "Any unique string: a retry with the same key and body is answered as the first"),
    ),
    request_body = PromotionRules,
    security(("token" = ["promotions:write"])),
    responses(
        (status = 201, description = "Created", body = Promotion),
        (status = 200, description = "Replaced", body = Promotion),
        (status = 400, description = "The body could not be read", body = ProblemBody, content_type = "application/problem+json"),
        (status = 401, description = "No valid API token", body = ProblemBody, content_type = "application/problem+json"),
        (status = 403, description = "The token lacks the scope", body = ProblemBody, content_type = "application/problem+json"),
        (status = 422, description = "A rule is not valid", body = ProblemBody, content_type = "application/problem+json"),
    )
)]
pub async fn put(
    State(state): State<AppState>,
    token: Token,
    Path(code): Path<String>,
    Json(rules): Json<PromotionRules>,
) -> Result<Response, Problem> {
    let actor = token.need(Permission::Promotions, Access::Write)?;
    let currency = state.ctx.commerce.currency();
    let code = domain::bounds::text(&code, domain::bounds::MAX_VALUE_CHARS);
    let promotions = &state.ctx.promotions;
    let exists = match promotions.get(actor, &code).await {
        Ok(_) => true,
        Err(domain::Error::NotFound { .. }) => false,
        Err(other) => return Err(other.into()),
    };
    let input = rules.into_input(code.clone(), currency)?;
    let saved = promotions
        .save(actor, exists.then_some(code.as_str()), input)
        .await?;
    let row = promotions
        .list(actor)
        .await?
        .into_iter()
        .find(|p| p.input.code == saved)
        .ok_or(domain::Error::not_found("promotion"))?;
    let status = if exists {
        StatusCode::OK
    } else {
        StatusCode::CREATED
    };
    Ok((status, axum::Json(promotion(row, currency))).into_response())
}

/// Deletes a code nobody used (scope `promotions:write`); a used code is
/// switched off instead (`active: false`), so order history keeps its
/// meaning.
#[utoipa::path(
    delete,
    path = "/api/v1/admin/promotions/{code}",
    operation_id = "admin_delete_promotion",
    tag = "admin",
    params(("code" = String, Path, description = "The code")),
    security(("token" = ["promotions:write"])),
    responses(
        (status = 204, description = "Deleted"),
        (status = 401, description = "No valid API token", body = ProblemBody, content_type = "application/problem+json"),
        (status = 403, description = "The token lacks the scope", body = ProblemBody, content_type = "application/problem+json"),
        (status = 404, description = "No such code", body = ProblemBody, content_type = "application/problem+json"),
        (status = 409, description = "The code has been used: switch it off instead", body = ProblemBody, content_type = "application/problem+json"),
    )
)]
pub async fn delete(
    State(state): State<AppState>,
    token: Token,
    Path(code): Path<String>,
) -> Result<Response, Problem> {
    let actor = token.need(Permission::Promotions, Access::Write)?;
    let code = domain::bounds::text(&code, domain::bounds::MAX_VALUE_CHARS);
    state.ctx.promotions.delete(actor, &code).await?;
    Ok(StatusCode::NO_CONTENT.into_response())
}
