//! The admin API: for ERPs, fulfilment and back-office tools, with an API
//! token whose scopes name what it may read or change. Each handler says
//! the scope it needs; the domain service checks the area again.
use axum::extract::State;
use axum::http::{HeaderMap, StatusCode};
use axum::response::{IntoResponse, Response};
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};

use domain::api_tokens::Access;
use model::catalog::AdminProductQuery;
use model::inventory::Reason;
use model::Permission;

use super::auth::Token;
use super::cursor;
use super::extract::{read, Json, Query};
use super::problem::{Problem, ProblemBody};
use super::types::Money;
use crate::http::AppState;

#[derive(Debug, Default, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct AdminProductsQuery {
    /// Title, slug or SKU contains.
    q: Option<String>,
    /// `active`, `draft` or `archived`.
    status: Option<String>,
    /// A category slug (that category only).
    category: Option<String>,
    /// `in`, `out` or `low`.
    stock: Option<String>,
    /// From the previous page's `next`.
    cursor: Option<String>,
}

/// A product as the staff list shows it, drafts and archived included.
#[derive(Debug, Serialize, ToSchema)]
pub struct AdminProduct {
    pub slug: String,
    pub title: String,
    pub brand: String,
    /// `active`, `draft` or `archived`.
    pub status: String,
    pub category: String,
    pub price_min: Money,
    pub price_max: Money,
    pub variants: u64,
    /// Units free to sell over all variants and warehouses.
    pub available: i64,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct AdminProductList {
    pub data: Vec<AdminProduct>,
    pub total: u64,
    pub next: Option<String>,
}

/// Every product, newest change first (scope `catalog:read`).
#[utoipa::path(
    get,
    path = "/api/v1/admin/products",
    operation_id = "admin_list_products",
    tag = "admin",
    params(AdminProductsQuery),
    security(("token" = ["catalog:read"])),
    responses(
        (status = 200, description = "A page of products", body = AdminProductList),
        (status = 401, description = "No valid API token", body = ProblemBody, content_type = "application/problem+json"),
        (status = 403, description = "The token lacks the scope", body = ProblemBody, content_type = "application/problem+json"),
        (status = 422, description = "A parameter is not valid", body = ProblemBody, content_type = "application/problem+json"),
    )
)]
pub async fn products(
    State(state): State<AppState>,
    headers: HeaderMap,
    token: Token,
    Query(q): Query<AdminProductsQuery>,
) -> Result<Response, Problem> {
    let actor = token.need(Permission::Catalog, Access::Read)?;
    let page = cursor::decode(q.cursor.as_deref())?;
    let query = AdminProductQuery {
        q: q.q.clone().unwrap_or_default(),
        status: q.status.clone().unwrap_or_default(),
        category: q.category.clone().unwrap_or_default(),
        stock: q.stock.clone().unwrap_or_default(),
        sort: String::new(),
        page,
    };
    let found = state
        .ctx
        .catalog
        .admin_products(actor, state.ctx.commerce.currency(), &query)
        .await?;
    let next = (page < found.pages).then(|| {
        let pairs = [
            ("q", query.q.clone()),
            ("status", query.status.clone()),
            ("category", query.category.clone()),
            ("stock", query.stock.clone()),
        ];
        cursor::next_link("/api/v1/admin/products", &pairs, page)
    });
    let body = AdminProductList {
        data: found
            .rows
            .into_iter()
            .map(|r| AdminProduct {
                slug: r.slug,
                title: r.title,
                brand: r.brand,
                status: r.status,
                category: r.category,
                price_min: r.price_min.into(),
                price_max: r.price_max.into(),
                variants: r.variants,
                available: r.available,
            })
            .collect(),
        total: found.total,
        next,
    };
    Ok(read(&headers, &body, false))
}

/// A stock change by hand.
#[derive(Debug, Deserialize, ToSchema)]
pub struct StockAdjustment {
    pub sku: String,
    /// The warehouse's code.
    pub warehouse: String,
    /// Units to add; negative to remove.
    pub delta: i32,
    /// `received`, `damaged` or `correction`.
    pub reason: String,
    #[serde(default)]
    pub note: String,
}

/// Adds or removes units of one variant in one warehouse (scope
/// `catalog:write`). Audited with the token's name.
#[utoipa::path(
    post,
    path = "/api/v1/admin/stock/adjustments",
    operation_id = "admin_adjust_stock",
    tag = "admin",
    request_body = StockAdjustment,
    params(("Idempotency-Key" = Option<String>, Header, description = "Any unique string (a UUID): a retry with the same key and body is answered as the first, without adjusting again")),
    security(("token" = ["catalog:write"])),
    responses(
        (status = 204, description = "Adjusted (or, with `Idempotent-Replayed: true`, adjusted by the first request with this key)"),
        (status = 409, description = "The first request with this key is still running", body = ProblemBody, content_type = "application/problem+json"),
        (status = 400, description = "The body could not be read", body = ProblemBody, content_type = "application/problem+json"),
        (status = 401, description = "No valid API token", body = ProblemBody, content_type = "application/problem+json"),
        (status = 403, description = "The token lacks the scope", body = ProblemBody, content_type = "application/problem+json"),
        (status = 404, description = "No such SKU or warehouse", body = ProblemBody, content_type = "application/problem+json"),
        (status = 422, description = "A field is not valid, or the key was used for another request", body = ProblemBody, content_type = "application/problem+json"),
    )
)]
pub async fn adjust_stock(
    State(state): State<AppState>,
    token: Token,
    Json(body): Json<StockAdjustment>,
) -> Result<Response, Problem> {
    let actor = token.need(Permission::Catalog, Access::Write)?;
    let reason = Reason::parse(&body.reason)
        .filter(|r| Reason::MANUAL.contains(r))
        .ok_or_else(|| Problem::invalid("reason", "Choose received, damaged or correction."))?;
    let note = domain::bounds::text(&body.note, domain::bounds::MAX_NAME_CHARS);
    state
        .ctx
        .inventory
        .adjust(actor, &body.sku, &body.warehouse, body.delta, reason, &note)
        .await?;
    Ok(StatusCode::NO_CONTENT.into_response())
}
