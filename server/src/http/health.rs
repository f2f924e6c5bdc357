use axum::{extract::State, http::StatusCode, Json};
use sea_orm::DatabaseConnection;
use serde_json::{json, Value};

/// Liveness: the process answers. No dependencies are checked.
pub async fn healthz() -> Json<Value> {
    Json(json!({ "status": "ok" }))
}

/// Readiness: the database answers a query. 503 otherwise, so a load
/// balancer stops sending shoppers here.
pub async fn readyz(State(db): State<DatabaseConnection>) -> (StatusCode, Json<Value>) {
    match domain::db::ping(&db).await {
        Ok(()) => (
            StatusCode::OK,
            Json(json!({ "status": "ready", "checks": { "database": "ok" } })),
        ),
        Err(e) => {
            tracing::warn!(error = %e, "readiness check failed");
            (
                StatusCode::SERVICE_UNAVAILABLE,
                Json(json!({ "status": "unavailable", "checks": { "database": "down" } })),
            )
        }
    }
}
