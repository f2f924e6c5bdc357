//! `POST /webhooks/stripe`: Stripe tells us what happened to a payment.
//! The signature is checked on the raw body; a bad one is 400 (and logged),
//! an internal failure 500 so Stripe retries, anything applied (or already
//! seen) 200.
use axum::{
    body::Bytes,
    extract::State,
    http::{HeaderMap, StatusCode},
    response::IntoResponse,
};

use super::AppState;

pub async fn receive(
    State(state): State<AppState>,
    headers: HeaderMap,
    body: Bytes,
) -> impl IntoResponse {
    let Some(stripe) = state.stripe.as_ref() else {
        return (StatusCode::NOT_FOUND, "Stripe is not configured").into_response();
    };
    let Ok(payload) = std::str::from_utf8(&body) else {
        return (StatusCode::BAD_REQUEST, "body is not UTF-8").into_response();
    };
    let signature = headers
        .get("stripe-signature")
        .and_then(|v| v.to_str().ok())
        .unwrap_or_default();
    let event = match stripe.parse_webhook(payload, signature) {
        Ok(event) => event,
        Err(e) => {
            tracing::warn!(error = %e, "stripe webhook refused");
            return (StatusCode::BAD_REQUEST, "invalid signature or payload").into_response();
        }
    };
    match state.ctx.orders.apply_payment_event(&event).await {
        Ok(outcome) => (StatusCode::OK, format!("{outcome:?}")).into_response(),
        Err(e) if e.is_internal() => {
            tracing::error!(event = %event.id, error = %e, "stripe webhook failed");
            (StatusCode::INTERNAL_SERVER_ERROR, "try again").into_response()
        }
        Err(e) => {
            // A valid event we cannot apply (e.g. an illegal transition): acknowledge, keep the log.
            tracing::warn!(event = %event.id, error = %e, "stripe webhook not applied");
            (StatusCode::OK, "not applied").into_response()
        }
    }
}
