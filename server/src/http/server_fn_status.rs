//! server_fn answers every error with 500, including requests it could not
//! even decode. Those are the caller's fault: answer 400 (405 for a wrong
//! method) so clients and monitoring can tell bad input from our failures.
//!
//! A plain `<form>` post (no JavaScript) is answered with a redirect back to
//! the page, the error carried in its URL; the error's status must not stop
//! the browser from following it.
use axum::{
    body::{to_bytes, Body},
    http::{header::LOCATION, Response, StatusCode},
};

const ERROR_HEADER: &str = "serverfnerror";
/// Server-function error bodies are one short line; anything larger is
/// passed through untouched.
const MAX_ERROR_BODY: usize = 16 * 1024;

pub async fn client_errors_are_4xx(mut res: Response<Body>) -> Response<Body> {
    if res.headers().contains_key(LOCATION) && !res.status().is_redirection() {
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
        return Response::from_parts(parts, Body::from("ServerError|response too large"));
    };
    if let Some(status) = status_for(&bytes) {
        parts.status = status;
    }
    Response::from_parts(parts, Body::from(bytes))
}

/// The error's kind is the text before `|` in server_fn's encoding.
fn status_for(body: &[u8]) -> Option<StatusCode> {
    let kind = body.split(|b| *b == b'|').next()?;
    match kind {
        b"Args" | b"MissingArg" | b"Deserialization" => Some(StatusCode::BAD_REQUEST),
        b"UnsupportedRequestMethod" => Some(StatusCode::METHOD_NOT_ALLOWED),
        _ => None,
    }
}

/// A refusal from a layer in front of the server functions, encoded the way
/// their client decodes errors, so the page can show the message.
pub fn error_body(path: &str, message: &str) -> String {
    if path.starts_with("/api/") {
        format!("ServerError|{message}")
    } else {
        message.to_owned()
    }
}

#[cfg(test)]
mod tests {
    use super::status_for;
    use axum::http::StatusCode;

    #[test]
    fn only_decoding_failures_become_client_errors() {
        assert_eq!(
            status_for(b"Args|missing field `slug`"),
            Some(StatusCode::BAD_REQUEST)
        );
        assert_eq!(
            status_for(b"MissingArg|slug"),
            Some(StatusCode::BAD_REQUEST)
        );
        assert_eq!(
            status_for(b"Deserialization|bad json"),
            Some(StatusCode::BAD_REQUEST)
        );
        assert_eq!(status_for(b"ServerError|database down"), None);
        assert_eq!(status_for(b""), None);
    }
}
