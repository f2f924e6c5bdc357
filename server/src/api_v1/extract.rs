//! Extractors whose refusals are problem details, not axum's plain text,
//! and the read helpers every GET shares (`ETag`, `If-None-Match`).
use axum::extract::{FromRequest, FromRequestParts, Request};
use axum::http::{header, request::Parts, HeaderMap, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use serde::de::DeserializeOwned;
use serde::Serialize;

use super::problem::Problem;

/// A query string read into `T`; what cannot be read is a 400 that says why.
pub struct Query<T>(pub T);

impl<T: DeserializeOwned, S: Send + Sync> FromRequestParts<S> for Query<T> {
    type Rejection = Problem;

    async fn from_request_parts(parts: &mut Parts, state: &S) -> Result<Self, Problem> {
        axum::extract::Query::<T>::from_request_parts(parts, state)
            .await
            .map(|q| Query(q.0))
            .map_err(|e| malformed(&e.body_text()))
    }
}

/// A JSON body read into `T`.
pub struct Json<T>(pub T);

impl<T: DeserializeOwned, S: Send + Sync> FromRequest<S> for Json<T> {
    type Rejection = Problem;

    async fn from_request(req: Request, state: &S) -> Result<Self, Problem> {
        axum::Json::<T>::from_request(req, state)
            .await
            .map(|j| Json(j.0))
            .map_err(|e| malformed(&e.body_text()))
    }
}

/// A path segment (slug, id); the router only matches non-empty ones.
pub struct Path<T>(pub T);

impl<T: DeserializeOwned + Send, S: Send + Sync> FromRequestParts<S> for Path<T> {
    type Rejection = Problem;

    async fn from_request_parts(parts: &mut Parts, state: &S) -> Result<Self, Problem> {
        axum::extract::Path::<T>::from_request_parts(parts, state)
            .await
            .map(|p| Path(p.0))
            .map_err(|e| malformed(&e.body_text()))
    }
}

/// A request that could not be read, in words for whoever wrote the client.
fn malformed(detail: &str) -> Problem {
    let detail: String = detail.chars().take(300).collect();
    Problem::new(
        "request.malformed",
        400,
        format!("This request could not be read: {detail}"),
    )
}

/// How long shared caches may keep public catalog reads.
const PUBLIC_READ: &str = "public, max-age=60";

/// A JSON read with a strong `ETag` over its bytes: a client that sends the
/// tag back in `If-None-Match` gets `304 Not Modified` and no body.
/// `public` reads may be kept by shared caches for a minute.
pub fn read<T: Serialize>(request: &HeaderMap, value: &T, public: bool) -> Response {
    let body = match serde_json::to_vec(value) {
        Ok(b) => b,
        Err(e) => {
            tracing::error!(error = %e, "api answer not serialisable");
            return Problem(model::AppError::internal()).into_response();
        }
    };
    // The page cache's tags and comparison (weak, as `If-None-Match` asks).
    let tag = crate::http::fast_lane::etag("", &body);
    let cache = if public {
        PUBLIC_READ
    } else {
        "private, no-cache"
    };
    let matches = crate::http::fast_lane::not_modified(request, &tag);
    let mut res = if matches {
        StatusCode::NOT_MODIFIED.into_response()
    } else {
        (
            [(
                header::CONTENT_TYPE,
                HeaderValue::from_static("application/json"),
            )],
            body,
        )
            .into_response()
    };
    let h = res.headers_mut();
    h.insert(header::ETAG, tag);
    h.insert(header::CACHE_CONTROL, HeaderValue::from_static(cache));
    res
}
