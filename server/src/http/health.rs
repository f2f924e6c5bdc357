use axum::{extract::State, http::StatusCode, Json};
use sea_orm::DatabaseConnection;
use serde_json::{json, Value};

use app::request::context::ServerContext;

/// Liveness: the process answers. No dependencies are checked.
pub async fn healthz() -> Json<Value> {
    Json(json!({ "status": "ok" }))
}

/// Readiness: the database answers a query (503 otherwise, so a load
/// balancer stops sending shoppers here). A search engine that doesn't
/// answer makes the instance "degraded" but still ready: the rest of the
/// shop works and search says so politely.
pub async fn readyz(
    State(db): State<DatabaseConnection>,
    State(ctx): State<ServerContext>,
) -> (StatusCode, Json<Value>) {
    match domain::db::ping(&db).await {
        Ok(()) => {
            let engine = ctx.search.engine();
            let (status, search) = match ctx.search.health().await {
                Ok(()) => ("ready", "ok"),
                Err(e) => {
                    tracing::warn!(engine, error = %e, "search engine unhealthy");
                    ("degraded", "degraded")
                }
            };
            (
                StatusCode::OK,
                Json(json!({
                    "status": status,
                    "checks": { "database": "ok", "search": search, "search_engine": engine }
                })),
            )
        }
        Err(e) => {
            tracing::warn!(error = %e, "readiness check failed");
            (
                StatusCode::SERVICE_UNAVAILABLE,
                Json(json!({ "status": "unavailable", "checks": { "database": "down" } })),
            )
        }
    }
}
