//! The one place domain errors become server-function errors: internals are
//! logged with the request's span, the caller sees the user-facing message.
use leptos::prelude::ServerFnError;

pub fn to_server_fn_error(err: domain::Error) -> ServerFnError {
    if err.is_internal() {
        tracing::error!(error = %err, "server function failed");
    } else {
        tracing::debug!(error = %err, "server function refused");
    }
    ServerFnError::new(err.user_message())
}
