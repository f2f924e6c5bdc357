//! Per-request pages (signed-in, checkout, admin) in zstd, one shot, from a
//! compression context each worker thread keeps. tower-http's streaming
//! encoder made a fresh context per response, sized for an unknown length
//! (a 512 KiB window, zeroed): about a tenth of a signed-in page's CPU
//! (bench/RESULTS.md). The page is whole before its first byte anyway
//! (`SsrMode::Async`), so its length is known and the context is reused.
//! Other encodings and other answers are left to the compression layer,
//! which skips what already has a `Content-Encoding`.
use std::cell::RefCell;

use axum::{
    body::Body,
    http::{header, HeaderMap, HeaderValue, Method, Request},
    response::{IntoResponse, Response},
};

/// Pages are tens of kilobytes; anything near this is not a page.
const MAX_PAGE_BYTES: usize = 8 * 1024 * 1024;
/// Below this, compressing saves less than it costs.
const MIN_BYTES: usize = 256;
/// As the compression layer's level for per-request answers (D55).
const LEVEL: i32 = 1;

thread_local! {
    static COMPRESSOR: RefCell<Option<zstd::bulk::Compressor<'static>>> = const { RefCell::new(None) };
}

/// Whether `Accept-Encoding` offers zstd at least as gladly as anything
/// else (the compression layer's choice, made early).
fn prefers_zstd(headers: &HeaderMap) -> bool {
    let (mut zstd, mut best_other) = (0.0_f32, 0.0_f32);
    for value in headers.get_all(header::ACCEPT_ENCODING) {
        let Ok(value) = value.to_str() else { continue };
        for item in value.split(',') {
            let mut parts = item.split(';');
            let name = parts.next().unwrap_or_default().trim();
            let q = parts
                .find_map(|p| p.trim().strip_prefix("q="))
                .map_or(Some(1.0), |q| q.trim().parse::<f32>().ok())
                .unwrap_or(0.0);
            if name.eq_ignore_ascii_case("zstd") {
                zstd = zstd.max(q);
            } else if ["br", "gzip", "deflate"]
                .iter()
                .any(|n| name.eq_ignore_ascii_case(n))
            {
                best_other = best_other.max(q);
            }
        }
    }
    zstd > 0.0 && zstd >= best_other
}

fn compress(plain: &[u8]) -> std::io::Result<Vec<u8>> {
    COMPRESSOR.with(|cell| {
        let mut cell = cell.borrow_mut();
        let compressor = match cell.as_mut() {
            Some(c) => c,
            None => cell.insert(zstd::bulk::Compressor::new(LEVEL)?),
        };
        compressor.compress(plain)
    })
}

fn is_html(res: &Response) -> bool {
    res.headers()
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|t| t.starts_with("text/html"))
}

pub async fn page_zstd(req: Request<Body>, next: axum::middleware::Next) -> Response {
    let wanted = req.method() != Method::HEAD && prefers_zstd(req.headers());
    let res = next.run(req).await;
    let status = res.status();
    if !wanted
        || !is_html(&res)
        || res.headers().contains_key(header::CONTENT_ENCODING)
        || status.is_informational()
        || status == axum::http::StatusCode::NO_CONTENT
        || status == axum::http::StatusCode::NOT_MODIFIED
    {
        return res;
    }
    let (mut parts, body) = res.into_parts();
    let plain = match axum::body::to_bytes(body, MAX_PAGE_BYTES).await {
        Ok(b) => b,
        Err(e) => {
            tracing::error!(error = %e, "reading a page to compress it");
            return axum::http::StatusCode::INTERNAL_SERVER_ERROR.into_response();
        }
    };
    let packed = match plain.len() {
        n if n < MIN_BYTES => None,
        _ => compress(&plain)
            .inspect_err(|e| tracing::warn!(error = %e, "zstd; sending the page plain"))
            .ok()
            .filter(|z| z.len() < plain.len()),
    };
    let vary = HeaderValue::from_static("accept-encoding");
    if !parts.headers.get_all(header::VARY).iter().any(|v| {
        v.to_str()
            .is_ok_and(|v| v.to_ascii_lowercase().contains("accept-encoding"))
    }) {
        parts.headers.append(header::VARY, vary);
    }
    parts.headers.remove(header::CONTENT_LENGTH);
    let body = match packed {
        Some(z) => {
            parts
                .headers
                .insert(header::CONTENT_ENCODING, HeaderValue::from_static("zstd"));
            Body::from(z)
        }
        None => Body::from(plain),
    };
    Response::from_parts(parts, body)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn offered(value: &str) -> bool {
        let mut h = HeaderMap::new();
        h.insert(
            header::ACCEPT_ENCODING,
            HeaderValue::from_str(value).expect("header"),
        );
        prefers_zstd(&h)
    }

    #[test]
    fn zstd_when_offered_as_gladly_as_the_rest() {
        assert!(offered("gzip, deflate, br, zstd"));
        assert!(offered("zstd"));
        assert!(!offered("gzip, deflate, br"));
        assert!(!offered("zstd;q=0, br"));
        assert!(!offered("br;q=1, zstd;q=0.5"));
        assert!(offered("br;q=0.5, zstd"));
        assert!(!offered(""));
    }

    #[test]
    fn the_kept_context_compresses_page_after_page() {
        let first = "<p>Merino tee</p>".repeat(300);
        let second = "<li>Signed in as Ada</li>".repeat(50);
        for page in [&first, &second, &first] {
            let packed = compress(page.as_bytes()).expect("zstd");
            assert!(packed.len() < page.len());
            let plain = zstd::bulk::decompress(&packed, page.len()).expect("unzstd");
            assert_eq!(plain, page.as_bytes());
        }
    }
}
