//! The admin API's webhooks (scope `settings:read` to read, `settings:write`
//! to change): register endpoints, read their delivery log, redeliver. The
//! same service as the dashboard's webhooks page, audited with the token's
//! name.
use axum::extract::State;
use axum::http::{HeaderMap, StatusCode};
use axum::response::{IntoResponse, Response};
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};

use domain::api_tokens::Access;
use model::webhooks::{EventType, NewWebhookEndpoint, WebhookDeliveryView, WebhookEndpointView};
use model::{AppError, Permission};

use super::auth::Token;
use super::cursor;
use super::extract::{read, Json, Path, Query};
use super::problem::{Problem, ProblemBody};
use super::types::rfc3339;
use crate::http::AppState;

#[derive(Debug, Serialize, ToSchema)]
pub struct WebhookEndpoint {
    pub id: i32,
    pub url: String,
    pub description: String,
    /// Event types sent to it, e.g. `order.paid`.
    pub events: Vec<String>,
    pub enabled: bool,
    /// Why the shop turned it off (repeated failures), if it did.
    pub disabled_reason: Option<String>,
    /// Failed attempts since the last success.
    pub failure_streak: i32,
    /// RFC 3339.
    pub created_at: String,
}

impl From<WebhookEndpointView> for WebhookEndpoint {
    fn from(v: WebhookEndpointView) -> Self {
        Self {
            id: v.id,
            url: v.url,
            description: v.description,
            events: v.events.iter().map(|e| e.as_str().to_owned()).collect(),
            enabled: v.enabled,
            disabled_reason: v.disabled_reason,
            failure_streak: v.failure_streak,
            created_at: rfc3339(v.created_at),
        }
    }
}

#[derive(Debug, Serialize, ToSchema)]
pub struct WebhookEndpointList {
    pub data: Vec<WebhookEndpoint>,
}

#[derive(Debug, Deserialize, ToSchema)]
pub struct NewEndpoint {
    /// Where events are POSTed: an https (or http) URL on a public address.
    pub url: String,
    #[serde(default)]
    pub description: String,
    /// Event types to send: `order.placed`, `order.paid`, `order.shipped`,
    /// `order.cancelled`, `order.refunded`, `product.created`,
    /// `product.updated`, `product.deleted`, `inventory.low_stock`,
    /// `customer.created`.
    pub events: Vec<String>,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct CreatedEndpoint {
    pub endpoint: WebhookEndpoint,
    /// `whsec_…`: verifies the `webhook-signature` of every request
    /// (Standard Webhooks). Shown only in this answer.
    pub secret: String,
}

#[derive(Debug, Deserialize, ToSchema)]
pub struct EndpointChange {
    pub url: Option<String>,
    pub description: Option<String>,
    pub events: Option<Vec<String>>,
    /// Turn it off, or on again (its failure streak starts over).
    pub enabled: Option<bool>,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct DeliveryAttempt {
    /// RFC 3339.
    pub at: String,
    /// The receiver's HTTP status; none when it did not answer.
    pub status_code: Option<u16>,
    pub latency_ms: u32,
    /// The start of the receiver's answer.
    pub response: String,
    /// Why there was no answer.
    pub error: Option<String>,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct WebhookDelivery {
    pub id: i64,
    /// The event's id: the `webhook-id` header, the same on every attempt.
    pub event_id: String,
    pub event_type: String,
    /// `pending`, `delivered` or `failed`.
    pub status: String,
    pub attempts: i32,
    pub created_at: String,
    pub delivered_at: Option<String>,
    /// The latest attempts, newest first.
    pub attempts_log: Vec<DeliveryAttempt>,
}

impl From<WebhookDeliveryView> for WebhookDelivery {
    fn from(d: WebhookDeliveryView) -> Self {
        Self {
            id: d.id,
            event_id: d.event_id,
            event_type: d.event_type,
            status: d.status,
            attempts: d.attempts,
            created_at: rfc3339(d.created_at),
            delivered_at: d.delivered_at.map(rfc3339),
            attempts_log: d
                .log
                .into_iter()
                .map(|a| DeliveryAttempt {
                    at: rfc3339(a.at),
                    status_code: a.status_code,
                    latency_ms: a.latency_ms,
                    response: a.response,
                    error: a.error,
                })
                .collect(),
        }
    }
}

#[derive(Debug, Serialize, ToSchema)]
pub struct WebhookDeliveryList {
    pub data: Vec<WebhookDelivery>,
    pub next: Option<String>,
}

#[derive(Debug, Default, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct DeliveriesQuery {
    /// From the previous page's `next`.
    cursor: Option<String>,
}

fn events(names: &[String]) -> Result<Vec<EventType>, Problem> {
    names
        .iter()
        .map(|n| {
            EventType::parse(n).ok_or_else(|| {
                Problem(AppError::invalid(
                    "events",
                    format!("{n:?} is not an event type this shop sends."),
                ))
            })
        })
        .collect()
}

/// Registered endpoints.
#[utoipa::path(
    get,
    path = "/api/v1/admin/webhooks",
    operation_id = "admin_list_webhooks",
    tag = "admin",
    security(("token" = ["settings:read"])),
    responses(
        (status = 200, description = "The endpoints", body = WebhookEndpointList),
        (status = 401, description = "No valid API token", body = ProblemBody, content_type = "application/problem+json"),
        (status = 403, description = "The token lacks the scope", body = ProblemBody, content_type = "application/problem+json"),
    )
)]
pub async fn list(
    State(state): State<AppState>,
    headers: HeaderMap,
    token: Token,
) -> Result<Response, Problem> {
    let actor = token.need(Permission::Settings, Access::Read)?;
    let data = state.ctx.webhooks.list(actor).await?;
    let body = WebhookEndpointList {
        data: data.into_iter().map(WebhookEndpoint::from).collect(),
    };
    Ok(read(&headers, &body, false))
}

/// Registers an endpoint. The answer holds its signing secret, once.
#[utoipa::path(
    post,
    path = "/api/v1/admin/webhooks",
    operation_id = "admin_create_webhook",
    tag = "admin",
    request_body = NewEndpoint,
    security(("token" = ["settings:write"])),
    responses(
        (status = 201, description = "Registered; the secret is in this answer only", body = CreatedEndpoint),
        (status = 401, description = "No valid API token", body = ProblemBody, content_type = "application/problem+json"),
        (status = 403, description = "The token lacks the scope", body = ProblemBody, content_type = "application/problem+json"),
        (status = 422, description = "A bad URL (or a private address), no events, or an unknown one", body = ProblemBody, content_type = "application/problem+json"),
    )
)]
pub async fn create(
    State(state): State<AppState>,
    token: Token,
    Json(new): Json<NewEndpoint>,
) -> Result<Response, Problem> {
    let actor = token.need(Permission::Settings, Access::Write)?;
    let new = NewWebhookEndpoint {
        url: new.url,
        description: new.description,
        events: events(&new.events)?,
    };
    let created = state.ctx.webhooks.create(actor, &new).await?;
    let body = CreatedEndpoint {
        endpoint: created.endpoint.into(),
        secret: created.secret,
    };
    Ok((StatusCode::CREATED, axum::Json(body)).into_response())
}

/// One endpoint.
#[utoipa::path(
    get,
    path = "/api/v1/admin/webhooks/{id}",
    operation_id = "admin_get_webhook",
    tag = "admin",
    params(("id" = i32, Path, description = "The endpoint's id")),
    security(("token" = ["settings:read"])),
    responses(
        (status = 200, description = "The endpoint", body = WebhookEndpoint),
        (status = 401, description = "No valid API token", body = ProblemBody, content_type = "application/problem+json"),
        (status = 403, description = "The token lacks the scope", body = ProblemBody, content_type = "application/problem+json"),
        (status = 404, description = "No such endpoint", body = ProblemBody, content_type = "application/problem+json"),
    )
)]
pub async fn get(
    State(state): State<AppState>,
    headers: HeaderMap,
    token: Token,
    Path(id): Path<i32>,
) -> Result<Response, Problem> {
    let actor = token.need(Permission::Settings, Access::Read)?;
    let view = state.ctx.webhooks.get(actor, id).await?;
    Ok(read(&headers, &WebhookEndpoint::from(view), false))
}

/// Changes an endpoint's URL, description or events, or turns it off or on.
#[utoipa::path(
    patch,
    path = "/api/v1/admin/webhooks/{id}",
    operation_id = "admin_update_webhook",
    tag = "admin",
    params(("id" = i32, Path, description = "The endpoint's id")),
    request_body = EndpointChange,
    security(("token" = ["settings:write"])),
    responses(
        (status = 200, description = "The endpoint, changed", body = WebhookEndpoint),
        (status = 401, description = "No valid API token", body = ProblemBody, content_type = "application/problem+json"),
        (status = 403, description = "The token lacks the scope", body = ProblemBody, content_type = "application/problem+json"),
        (status = 404, description = "No such endpoint", body = ProblemBody, content_type = "application/problem+json"),
        (status = 422, description = "A bad URL, no events, or an unknown one", body = ProblemBody, content_type = "application/problem+json"),
    )
)]
pub async fn update(
    State(state): State<AppState>,
    token: Token,
    Path(id): Path<i32>,
    Json(change): Json<EndpointChange>,
) -> Result<Response, Problem> {
    let actor = token.need(Permission::Settings, Access::Write)?;
    let hooks = &state.ctx.webhooks;
    let mut view = hooks.get(actor, id).await?;
    if change.url.is_some() || change.description.is_some() || change.events.is_some() {
        let new = NewWebhookEndpoint {
            url: change.url.unwrap_or(view.url),
            description: change.description.unwrap_or(view.description),
            events: match &change.events {
                Some(names) => events(names)?,
                None => view.events,
            },
        };
        view = hooks.update(actor, id, &new).await?;
    }
    if let Some(enabled) = change.enabled.filter(|on| *on != view.enabled) {
        view = hooks.set_enabled(actor, id, enabled).await?;
    }
    Ok(axum::Json(WebhookEndpoint::from(view)).into_response())
}

/// Removes an endpoint and its delivery log.
#[utoipa::path(
    delete,
    path = "/api/v1/admin/webhooks/{id}",
    operation_id = "admin_delete_webhook",
    tag = "admin",
    params(("id" = i32, Path, description = "The endpoint's id")),
    security(("token" = ["settings:write"])),
    responses(
        (status = 204, description = "Removed"),
        (status = 401, description = "No valid API token", body = ProblemBody, content_type = "application/problem+json"),
        (status = 403, description = "The token lacks the scope", body = ProblemBody, content_type = "application/problem+json"),
        (status = 404, description = "No such endpoint", body = ProblemBody, content_type = "application/problem+json"),
    )
)]
pub async fn delete(
    State(state): State<AppState>,
    token: Token,
    Path(id): Path<i32>,
) -> Result<Response, Problem> {
    let actor = token.need(Permission::Settings, Access::Write)?;
    state.ctx.webhooks.delete(actor, id).await?;
    Ok(StatusCode::NO_CONTENT.into_response())
}

/// An endpoint's deliveries, newest first, each with its latest attempts.
#[utoipa::path(
    get,
    path = "/api/v1/admin/webhooks/{id}/deliveries",
    operation_id = "admin_list_webhook_deliveries",
    tag = "admin",
    params(("id" = i32, Path, description = "The endpoint's id"), DeliveriesQuery),
    security(("token" = ["settings:read"])),
    responses(
        (status = 200, description = "A page of deliveries", body = WebhookDeliveryList),
        (status = 401, description = "No valid API token", body = ProblemBody, content_type = "application/problem+json"),
        (status = 403, description = "The token lacks the scope", body = ProblemBody, content_type = "application/problem+json"),
        (status = 404, description = "No such endpoint", body = ProblemBody, content_type = "application/problem+json"),
        (status = 422, description = "A cursor this API did not give", body = ProblemBody, content_type = "application/problem+json"),
    )
)]
pub async fn deliveries(
    State(state): State<AppState>,
    headers: HeaderMap,
    token: Token,
    Path(id): Path<i32>,
    Query(q): Query<DeliveriesQuery>,
) -> Result<Response, Problem> {
    let actor = token.need(Permission::Settings, Access::Read)?;
    // The cursor holds the id the next page starts below.
    let before = match q.cursor.as_deref().filter(|c| !c.is_empty()) {
        Some(c) => Some(i64::try_from(cursor::decode(Some(c))?).unwrap_or(i64::MAX)),
        None => None,
    };
    let rows = state.ctx.webhooks.deliveries(actor, id, before).await?;
    let next = (rows.len() as u64 == domain::webhooks::DELIVERIES_PER_PAGE)
        .then(|| rows.last().map(|d| d.id))
        .flatten()
        .and_then(|last| u64::try_from(last).ok())
        .map(|last| {
            format!(
                "/api/v1/admin/webhooks/{id}/deliveries?cursor={}",
                cursor::encode(last)
            )
        });
    let body = WebhookDeliveryList {
        data: rows.into_iter().map(WebhookDelivery::from).collect(),
        next,
    };
    Ok(read(&headers, &body, false))
}

/// Sends a delivery again: same event id, same body, newly signed.
#[utoipa::path(
    post,
    path = "/api/v1/admin/webhooks/deliveries/{delivery_id}/redeliver",
    operation_id = "admin_redeliver_webhook",
    tag = "admin",
    params(("delivery_id" = i64, Path, description = "The delivery's id")),
    security(("token" = ["settings:write"])),
    responses(
        (status = 202, description = "Queued; the delivery log shows the attempt", body = WebhookDelivery),
        (status = 401, description = "No valid API token", body = ProblemBody, content_type = "application/problem+json"),
        (status = 403, description = "The token lacks the scope", body = ProblemBody, content_type = "application/problem+json"),
        (status = 404, description = "No such delivery", body = ProblemBody, content_type = "application/problem+json"),
        (status = 409, description = "The endpoint is turned off", body = ProblemBody, content_type = "application/problem+json"),
    )
)]
pub async fn redeliver(
    State(state): State<AppState>,
    token: Token,
    Path(delivery_id): Path<i64>,
) -> Result<Response, Problem> {
    let actor = token.need(Permission::Settings, Access::Write)?;
    let view = state.ctx.webhooks.redeliver(actor, delivery_id).await?;
    Ok((
        StatusCode::ACCEPTED,
        axum::Json(WebhookDelivery::from(view)),
    )
        .into_response())
}
