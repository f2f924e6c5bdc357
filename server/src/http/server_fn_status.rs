//! Server-function errors travel as JSON [`AppError`]s, each carrying its
//! status. server_fn answers every error with 500; domain errors have set
//! their real status already (`app::request::errors`), and the errors server_fn
//! raises itself (a request it could not decode: 400, a wrong method: 405)
//! get theirs here, from the body, so clients and monitoring can tell bad
//! input from our failures.
//!
//! A plain `<form>` post (no JavaScript) is answered with a redirect back to
//! the page, the error carried in its URL; the error's status must not stop
//! the browser from following it. (A REST API `201 Created` keeps its
//! status: its `Location` names what was made.)
use axum::{
    body::{to_bytes, Body},
    http::{header::LOCATION, Response, StatusCode},
    response::IntoResponse,
};
use model::AppError;

const ERROR_HEADER: &str = "serverfnerror";
/// Error bodies are small; anything larger is passed through untouched.
const MAX_ERROR_BODY: usize = 16 * 1024;

pub async fn client_errors_are_4xx(mut res: Response<Body>) -> Response<Body> {
    // `201 Created` names the new resource in `Location`: not a redirect.
    if res.headers().contains_key(LOCATION)
        && !res.status().is_redirection()
        && res.status() != StatusCode::CREATED
    {
        *res.status_mut() = StatusCode::SEE_OTHER;
        return res;
    }
    if res.status() != StatusCode::INTERNAL_SERVER_ERROR
        || !res.headers().contains_key(ERROR_HEADER)
    {
        return res;
    }
    let (mut parts, body) = res.into_parts();
    let Ok(bytes) = to_bytes(body, MAX_ERROR_BODY).await else {
        return AppError::internal().into_response();
    };
    if let Some(status) = status_of(&bytes) {
        parts.status = status;
    }
    Response::from_parts(parts, Body::from(bytes))
}

/// The status an encoded [`AppError`] carries, if it is a real one.
fn status_of(body: &[u8]) -> Option<StatusCode> {
    let err: AppError = serde_json::from_slice(body).ok()?;
    StatusCode::from_u16(err.status)
        .ok()
        .filter(|s| s.is_client_error() || s.is_server_error())
}

#[cfg(test)]
mod tests {
    use super::status_of;
    use axum::http::StatusCode;
    use model::AppError;

    fn encoded(e: &AppError) -> Vec<u8> {
        serde_json::to_vec(e).unwrap_or_default()
    }

    #[test]
    fn the_body_says_whose_fault_it_was() {
        assert_eq!(
            status_of(&encoded(&AppError::malformed("missing field `slug`"))),
            Some(StatusCode::BAD_REQUEST)
        );
        assert_eq!(
            status_of(&encoded(&AppError::invalid("email", "Enter an email."))),
            Some(StatusCode::UNPROCESSABLE_ENTITY)
        );
        assert_eq!(status_of(&encoded(&AppError::unreachable())), None);
        assert_eq!(status_of(b"ServerError|database down"), None);
        assert_eq!(status_of(b""), None);
    }
}
