//! The one place domain errors become what callers see ([`AppError`]):
//! internals are logged with the request's span, the caller gets a code, a
//! status, a message and per-field issues. On the server the status (and
//! `Retry-After`) is set on the response here, for pages rendering a server
//! function in-process as much as for calls over HTTP.
use http::StatusCode;
use leptos::prelude::use_context;
use model::AppError;

/// Whose fault it was, as an HTTP status (also used by the plain axum routes).
pub fn status_for(err: &domain::Error) -> StatusCode {
    StatusCode::from_u16(err.status()).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR)
}

/// Seconds a refused caller should wait before trying again, if it should.
pub fn retry_after(err: &domain::Error) -> Option<u64> {
    err.to_app_error().retry_after
}

/// Logs `err` as it deserves and turns it into what the caller sees.
pub fn fail(err: domain::Error) -> AppError {
    if err.is_internal() {
        tracing::error!(error = %err, "server function failed");
    } else if matches!(
        err,
        domain::Error::Unavailable { .. } | domain::Error::Busy { .. }
    ) {
        tracing::warn!(error = %err, "server function degraded");
    } else {
        tracing::debug!(error = %err, "server function refused");
    }
    respond_with(err.to_app_error())
}

/// Sets `err`'s status (and `Retry-After`) on the response being built.
pub fn respond_with(err: AppError) -> AppError {
    if let Some(res) = use_context::<leptos_axum::ResponseOptions>() {
        res.set_status(
            StatusCode::from_u16(err.status).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR),
        );
        if let Some(secs) = err.retry_after {
            res.insert_header(http::header::RETRY_AFTER, http::HeaderValue::from(secs));
        }
    }
    err
}
