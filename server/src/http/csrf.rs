//! CSRF defence for every state-changing request: a browser tells us where a
//! request came from (`Sec-Fetch-Site`, `Origin`); anything not from this
//! site is refused with 403. Session cookies are also `SameSite=Lax`.
//! Requests with neither header come from non-browser clients, which do not
//! carry a victim's cookies, and pass. Webhooks authenticate by signature.
use axum::{
    body::Body,
    http::{header, Method, Request},
    middleware::Next,
    response::{IntoResponse, Response},
};

const EXEMPT_PREFIXES: &[&str] = &["/webhooks/"];

pub async fn same_origin_only(req: Request<Body>, next: Next) -> Response {
    if is_safe(req.method())
        || EXEMPT_PREFIXES
            .iter()
            .any(|p| req.uri().path().starts_with(p))
    {
        return next.run(req).await;
    }
    if let Some(reason) = refusal(&req) {
        tracing::warn!(reason, path = %req.uri().path(), "cross-origin request refused");
        return model::AppError::new(
            "request.cross_origin",
            403,
            "This request came from another website and was refused.",
        )
        .into_response();
    }
    next.run(req).await
}

fn is_safe(method: &Method) -> bool {
    matches!(
        *method,
        Method::GET | Method::HEAD | Method::OPTIONS | Method::TRACE
    )
}

fn refusal(req: &Request<Body>) -> Option<&'static str> {
    let headers = req.headers();
    if let Some(site) = headers.get("sec-fetch-site").and_then(|v| v.to_str().ok()) {
        // "none" is the user typing or bookmarking; same-site could be a sibling subdomain.
        if !matches!(site, "same-origin" | "none") {
            return Some("sec-fetch-site");
        }
    }
    if let Some(origin) = headers.get(header::ORIGIN) {
        let host = headers.get(header::HOST).and_then(|v| v.to_str().ok());
        let origin_host = origin
            .to_str()
            .ok()
            .and_then(|o| o.split_once("://"))
            .map(|(_, rest)| rest.trim_end_matches('/'));
        match (origin_host, host) {
            (Some(o), Some(h)) if o.eq_ignore_ascii_case(h) => {}
            _ => return Some("origin"),
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    fn req(headers: &[(&str, &str)]) -> Request<Body> {
        let mut b = Request::builder()
            .method(Method::POST)
            .uri("/api/auth/login");
        for (k, v) in headers {
            b = b.header(*k, *v);
        }
        b.body(Body::empty()).unwrap()
    }

    #[test]
    fn decides_by_fetch_metadata_and_origin() {
        assert!(refusal(&req(&[
            ("host", "shop.test"),
            ("origin", "http://shop.test")
        ]))
        .is_none());
        assert!(refusal(&req(&[
            ("host", "shop.test"),
            ("origin", "https://evil.test")
        ]))
        .is_some());
        assert!(refusal(&req(&[("host", "shop.test"), ("origin", "null")])).is_some());
        assert!(refusal(&req(&[("sec-fetch-site", "cross-site")])).is_some());
        assert!(refusal(&req(&[("sec-fetch-site", "same-site")])).is_some());
        assert!(refusal(&req(&[
            ("sec-fetch-site", "same-origin"),
            ("host", "a"),
            ("origin", "http://a")
        ]))
        .is_none());
        assert!(refusal(&req(&[("host", "shop.test")])).is_none());
    }
}
