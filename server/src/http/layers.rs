//! Layers around every route behind the fast lane: request id (set,
//! logged, echoed), tracing, compression, body limit, baseline security
//! headers and `no-store` on personal answers.
use axum::{
    body::Body,
    http::{header, HeaderMap, HeaderName, HeaderValue, Request},
    response::Response,
    Router,
};
use tower::ServiceBuilder;
use tower_http::{
    compression::CompressionLayer,
    limit::RequestBodyLimitLayer,
    request_id::{MakeRequestUuid, PropagateRequestIdLayer, SetRequestIdLayer},
    trace::{DefaultOnResponse, TraceLayer},
    CompressionLevel,
};
use tracing::Level;

const REQUEST_ID: HeaderName = HeaderName::from_static("x-request-id");
/// Requests in general; the upload routes get their own larger limits
/// (see `http::router`).
pub const MAX_BODY_BYTES: usize = 2 * 1024 * 1024;
/// The backstop for every request: the largest upload route's limit.
const MAX_ANY_BODY_BYTES: usize = domain::catalog::MAX_IMPORT_BYTES + 4096;
const FALLBACK_CSP: &str = "default-src 'none'; img-src 'self'; style-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'self'";

/// Paths whose answers belong to one person (or are one person's request):
/// never stored by a browser cache, a proxy or a CDN.
const PERSONAL: &[&str] = &[
    "/account",
    "/admin",
    "/cart",
    "/wishlist",
    "/checkout",
    "/orders/",
    "/order-lookup",
    "/pay/",
    "/signin",
    "/signup",
    "/forgot-password",
    "/reset-password",
    "/verify-email",
    "/privacy",
    "/api/",
    "/webhooks/",
];

pub fn is_personal(path: &str) -> bool {
    // `/de/cart` is as personal as `/cart`.
    let (_, path) = model::Locale::split_path(path);
    PERSONAL.iter().any(|p| path.starts_with(p))
}

async fn personal_not_stored(req: Request<Body>, next: axum::middleware::Next) -> Response {
    let personal = is_personal(req.uri().path());
    let mut res = next.run(req).await;
    if personal {
        res.headers_mut()
            .entry(header::CACHE_CONTROL)
            .or_insert(HeaderValue::from_static("private, no-store"));
    }
    res
}

/// The security headers every answer carries unless it set its own: no
/// sniffing, no framing, a strict policy for what is not a page (pages set
/// theirs with a per-response nonce, app::security), HSTS over https.
pub fn baseline(https: bool, hsts_max_age: u64) -> HeaderMap {
    let mut h = HeaderMap::new();
    h.insert(
        header::X_CONTENT_TYPE_OPTIONS,
        HeaderValue::from_static("nosniff"),
    );
    h.insert(
        header::REFERRER_POLICY,
        HeaderValue::from_static("strict-origin-when-cross-origin"),
    );
    h.insert(
        header::CONTENT_SECURITY_POLICY,
        HeaderValue::from_static(FALLBACK_CSP),
    );
    h.insert(header::X_FRAME_OPTIONS, HeaderValue::from_static("DENY"));
    h.insert(
        HeaderName::from_static("permissions-policy"),
        HeaderValue::from_static("camera=(), microphone=(), geolocation=(), payment=()"),
    );
    h.insert(
        HeaderName::from_static("cross-origin-opener-policy"),
        HeaderValue::from_static("same-origin"),
    );
    if https && hsts_max_age > 0 {
        if let Ok(v) = HeaderValue::from_str(&format!("max-age={hsts_max_age}; includeSubDomains"))
        {
            h.insert(header::STRICT_TRANSPORT_SECURITY, v);
        }
    }
    h
}

async fn baseline_headers(
    axum::extract::State(baseline): axum::extract::State<std::sync::Arc<HeaderMap>>,
    req: Request<Body>,
    next: axum::middleware::Next,
) -> Response {
    let mut res = next.run(req).await;
    for (name, value) in baseline.iter() {
        res.headers_mut()
            .entry(name)
            .or_insert_with(|| value.clone());
    }
    res
}

pub struct Layers;

impl Layers {
    pub fn apply(router: Router, baseline: HeaderMap) -> Router {
        router.layer(
            ServiceBuilder::new()
                .layer(SetRequestIdLayer::new(REQUEST_ID, MakeRequestUuid))
                .layer(
                    TraceLayer::new_for_http()
                        .make_span_with(|req: &Request<Body>| {
                            let id = req
                                .headers()
                                .get(REQUEST_ID)
                                .and_then(|v| v.to_str().ok())
                                .unwrap_or("-");
                            tracing::info_span!(
                                "request",
                                request_id = %id,
                                method = %req.method(),
                                path = %req.uri().path(),
                            )
                        })
                        .on_response(DefaultOnResponse::new().level(Level::INFO)),
                )
                .layer(PropagateRequestIdLayer::new(REQUEST_ID))
                .layer(axum::middleware::from_fn_with_state(
                    std::sync::Arc::new(baseline),
                    baseline_headers,
                ))
                .layer(axum::middleware::from_fn(personal_not_stored))
                // Only per-request answers are compressed here (cached pages and
                // files are compressed once, in the fast lane). Brotli 4 was a
                // tenth of a signed-in page's CPU; level 1 keeps most of the
                // gain, and zstd (preferred when offered) is as small for less
                // CPU (D55).
                .layer(CompressionLayer::new().quality(CompressionLevel::Precise(1)))
                // Pages asked for in zstd are compressed before the layer above
                // sees them, with a context kept per thread (its own fresh
                // context per response cost a tenth of a signed-in page).
                .layer(axum::middleware::from_fn(super::page_zstd::page_zstd))
                .layer(RequestBodyLimitLayer::new(MAX_ANY_BODY_BYTES)),
        )
    }
}
