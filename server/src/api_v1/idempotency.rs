//! `Idempotency-Key` on every unsafe v1 request: a client that retries a
//! POST after a timeout gets the first answer again (marked
//! `Idempotent-Replayed: true`) instead of a second stock adjustment or a
//! second order. The caller is the `Authorization` header (its digest), so
//! two clients never share a key. Answers are kept a day
//! (`domain::idempotency`); a request that failed on our side (5xx) frees
//! its key so the retry runs, and so does an answer holding a secret.
use axum::body::{to_bytes, Body};
use axum::extract::{Request, State};
use axum::http::{header, HeaderName, HeaderValue, Method, StatusCode};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use domain::idempotency::{fingerprint, Claim};
use sha2::{Digest, Sha256};

use super::problem::Problem;
use crate::http::AppState;

const KEY: HeaderName = HeaderName::from_static("idempotency-key");
const REPLAYED: HeaderName = HeaderName::from_static("idempotent-replayed");
/// Larger answers are not kept (none of the API's writes answers this much).
const MAX_KEPT_BYTES: usize = 256 * 1024;

pub async fn once(State(state): State<AppState>, req: Request, next: Next) -> Response {
    if matches!(*req.method(), Method::GET | Method::HEAD | Method::OPTIONS) {
        return next.run(req).await;
    }
    let Some(key) = req
        .headers()
        .get(KEY)
        .map(|v| v.to_str().unwrap_or("\u{0}").to_owned())
    else {
        return next.run(req).await;
    };
    let caller = req
        .headers()
        .get(header::AUTHORIZATION)
        .map(|v| {
            Sha256::digest(v.as_bytes())
                .iter()
                .map(|b| format!("{b:02x}"))
                .collect()
        })
        .unwrap_or_else(|| "anonymous".to_owned());
    let (parts, body) = req.into_parts();
    let Ok(bytes) = to_bytes(body, crate::http::layers::MAX_BODY_BYTES).await else {
        return Problem::new("request.too_large", 413, "This request is too large.")
            .into_response();
    };
    let path = parts.uri.path_and_query().map_or("", |p| p.as_str());
    let print = fingerprint(parts.method.as_str(), path, &bytes);
    let store = &state.ctx.idempotency;
    match store.claim(&caller, &key, &print).await {
        Err(e) => Problem::from(e).into_response(),
        Ok(Claim::Mismatch) => Problem::new(
            "idempotency.mismatch",
            422,
            "This Idempotency-Key was used for a different request.",
        )
        .into_response(),
        Ok(Claim::InProgress) => {
            let mut p = model::AppError::new(
                "idempotency.in_progress",
                409,
                "A request with this Idempotency-Key is still running; try again shortly.",
            );
            p.retry_after = Some(1);
            Problem(p).into_response()
        }
        Ok(Claim::Replay {
            status,
            content_type,
            body,
        }) => {
            let mut res =
                (StatusCode::from_u16(status).unwrap_or(StatusCode::OK), body).into_response();
            if let Ok(v) = HeaderValue::from_str(&content_type) {
                res.headers_mut().insert(header::CONTENT_TYPE, v);
            }
            res.headers_mut()
                .insert(REPLAYED, HeaderValue::from_static("true"));
            res
        }
        Ok(Claim::Fresh) => {
            let res = next
                .run(Request::from_parts(parts, Body::from(bytes)))
                .await;
            keep(store, &caller, &key, res).await
        }
    }
}

/// Stores the answer (or frees the key after a failure of ours) and sends it.
async fn keep(
    store: &domain::idempotency::Idempotency,
    caller: &str,
    key: &str,
    res: Response,
) -> Response {
    let (parts, body) = res.into_parts();
    let bytes = match to_bytes(body, MAX_KEPT_BYTES).await {
        Ok(b) => b,
        Err(_) => {
            let _ = store.abandon(caller, key).await;
            return Problem(model::AppError::internal()).into_response();
        }
    };
    // An answer marked `no-store` carries a secret (a sign-in's bearer):
    // never written down; a retry runs again instead.
    let secret = parts
        .headers
        .get(header::CACHE_CONTROL)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.contains("no-store"));
    let kept = if parts.status.is_server_error() || secret {
        store.abandon(caller, key).await
    } else {
        let kind = parts
            .headers
            .get(header::CONTENT_TYPE)
            .and_then(|v| v.to_str().ok())
            .unwrap_or_default();
        store
            .finish(
                caller,
                key,
                parts.status.as_u16(),
                kind,
                &String::from_utf8_lossy(&bytes),
            )
            .await
    };
    if let Err(e) = kept {
        tracing::error!(error = %e, "idempotency answer not kept");
    }
    Response::from_parts(parts, Body::from(bytes))
}
