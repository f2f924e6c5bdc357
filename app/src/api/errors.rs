//! The one place domain errors become server-function errors: internals are
//! logged with the request's span, the caller sees the user-facing message
//! and an HTTP status that says whose fault it was.
use http::StatusCode;
use leptos::prelude::{use_context, ServerFnError};

pub fn to_server_fn_error(err: domain::Error) -> ServerFnError {
    let status = match &err {
        domain::Error::NotFound { .. } => StatusCode::NOT_FOUND,
        domain::Error::Validation { .. } => StatusCode::UNPROCESSABLE_ENTITY,
        domain::Error::Conflict(_) => StatusCode::CONFLICT,
        domain::Error::Forbidden => StatusCode::FORBIDDEN,
        domain::Error::Database(_) | domain::Error::Io(_) => StatusCode::INTERNAL_SERVER_ERROR,
    };
    if err.is_internal() {
        tracing::error!(error = %err, "server function failed");
    } else {
        tracing::debug!(error = %err, "server function refused");
    }
    if let Some(res) = use_context::<leptos_axum::ResponseOptions>() {
        res.set_status(status);
    }
    ServerFnError::new(err.user_message())
}
