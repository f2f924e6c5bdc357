//! The admin API's stock per warehouse (scope `catalog:read`): one
//! variant's shelf counts and its latest movements, as the inventory page
//! shows them.
use axum::extract::State;
use axum::http::HeaderMap;
use axum::response::Response;
use serde::Serialize;
use utoipa::ToSchema;

use domain::api_tokens::Access;
use model::Permission;

use super::auth::Token;
use super::extract::{read, Path};
use super::problem::{Problem, ProblemBody};
use super::types::rfc3339;
use crate::http::AppState;

#[derive(Debug, Serialize, ToSchema)]
pub struct WarehouseLevel {
    /// The warehouse's code.
    pub warehouse: String,
    pub warehouse_name: String,
    pub on_hand: i32,
    /// Held for orders waiting for payment.
    pub reserved: i32,
    /// `on_hand - reserved`, never below zero.
    pub available: i32,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct StockMovement {
    /// RFC 3339.
    pub at: String,
    pub warehouse: String,
    pub delta: i32,
    pub reason: String,
    pub note: String,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct VariantStock {
    pub sku: String,
    pub product_slug: String,
    pub product_title: String,
    pub variant_title: String,
    pub levels: Vec<WarehouseLevel>,
    /// The latest changes, newest first.
    pub movements: Vec<StockMovement>,
}

/// A variant's stock in each warehouse, by SKU.
#[utoipa::path(
    get,
    path = "/api/v1/admin/stock/{sku}",
    operation_id = "admin_get_stock",
    tag = "admin",
    params(("sku" = String, Path, description = "The variant's SKU")),
    security(("token" = ["catalog:read"])),
    responses(
        (status = 200, description = "Shelf counts per warehouse", body = VariantStock),
        (status = 401, description = "No valid API token", body = ProblemBody, content_type = "application/problem+json"),
        (status = 403, description = "The token lacks the scope", body = ProblemBody, content_type = "application/problem+json"),
        (status = 404, description = "No variant has that SKU", body = ProblemBody, content_type = "application/problem+json"),
    )
)]
pub async fn get(
    State(state): State<AppState>,
    headers: HeaderMap,
    token: Token,
    Path(sku): Path<String>,
) -> Result<Response, Problem> {
    let actor = token.need(Permission::Catalog, Access::Read)?;
    let s = state.ctx.inventory.variant_stock(actor, &sku).await?;
    let body = VariantStock {
        sku: s.sku,
        product_slug: s.product_slug,
        product_title: s.product_title,
        variant_title: s.variant_title,
        levels: s
            .levels
            .into_iter()
            .map(|l| WarehouseLevel {
                available: (l.on_hand - l.reserved).max(0),
                warehouse: l.warehouse,
                warehouse_name: l.warehouse_name,
                on_hand: l.on_hand,
                reserved: l.reserved,
            })
            .collect(),
        movements: s
            .movements
            .into_iter()
            .map(|m| StockMovement {
                at: rfc3339(m.at),
                warehouse: m.warehouse,
                delta: m.delta,
                reason: m.reason,
                note: m.note,
            })
            .collect(),
    };
    Ok(read(&headers, &body, false))
}
