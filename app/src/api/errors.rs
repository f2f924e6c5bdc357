//! The one place domain errors become server-function errors: internals are
//! logged with the request's span, the caller sees the user-facing message
//! and an HTTP status that says whose fault it was.
use http::StatusCode;
use leptos::prelude::{use_context, ServerFnError};

/// Whose fault it was, as an HTTP status (also used by the plain axum routes).
pub fn status_for(err: &domain::Error) -> StatusCode {
    match err {
        domain::Error::NotFound { .. } => StatusCode::NOT_FOUND,
        domain::Error::Validation { .. } => StatusCode::UNPROCESSABLE_ENTITY,
        domain::Error::Conflict(_) => StatusCode::CONFLICT,
        domain::Error::Unauthenticated | domain::Error::InvalidCredentials => {
            StatusCode::UNAUTHORIZED
        }
        domain::Error::Forbidden | domain::Error::SecondFactorRequired => StatusCode::FORBIDDEN,
        domain::Error::TooManyAttempts { .. } => StatusCode::TOO_MANY_REQUESTS,
        domain::Error::Unavailable { .. } | domain::Error::Busy { .. } => {
            StatusCode::SERVICE_UNAVAILABLE
        }
        domain::Error::Database(_) | domain::Error::Io(_) | domain::Error::Internal(_) => {
            StatusCode::INTERNAL_SERVER_ERROR
        }
    }
}

/// Seconds a refused caller should wait before trying again, if it should.
pub fn retry_after(err: &domain::Error) -> Option<u64> {
    match err {
        domain::Error::TooManyAttempts { retry_after_secs }
        | domain::Error::Busy {
            retry_after_secs, ..
        } => Some(*retry_after_secs),
        _ => None,
    }
}

pub fn to_server_fn_error(err: domain::Error) -> ServerFnError {
    let status = status_for(&err);
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
    if let Some(res) = use_context::<leptos_axum::ResponseOptions>() {
        res.set_status(status);
        if let Some(secs) = retry_after(&err) {
            res.insert_header(http::header::RETRY_AFTER, http::HeaderValue::from(secs));
        }
    }
    ServerFnError::new(err.user_message())
}
