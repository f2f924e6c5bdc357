//! The fast lane: the outermost layer, in front of sessions, rate limits,
//! tracing and compression. It answers what needs none of them straight
//! from memory: the site's own files, and pages anonymous shoppers have
//! seen before. Everything else passes through to the full stack; after a
//! request that may have written, the change feed is read before the
//! answer leaves, so the next request here sees the change.
mod assets;
mod csp;
mod encoding;
mod fills;
mod pages;

use std::sync::atomic::Ordering;
use std::sync::Arc;

use axum::extract::{Request, State};
use axum::http::{header, HeaderMap, HeaderValue, Method};
use axum::middleware::Next;
use axum::response::Response;

pub use assets::Assets;
pub use pages::{PageCache, Stats};

use crate::change_feed::Feed;

/// URLs longer than this are rendered but never kept.
const MAX_KEY_BYTES: usize = 1024;
/// Paths that are never pages (files and probes answer for themselves).
const NOT_PAGES: [&str; 7] = [
    "/currency/",
    "/pkg/",
    "/uploads/",
    "/healthz",
    "/readyz",
    "/metrics",
    "/webhooks/",
];

struct Inner {
    assets: Assets,
    pages: Option<PageCache>,
    /// Security headers every answer carries (the full stack adds the same).
    baseline: HeaderMap,
    session_cookies: [&'static str; 2],
    feed: Feed,
}

#[derive(Clone)]
pub struct FastLane(Arc<Inner>);

impl FastLane {
    pub fn new(assets: Assets, pages: Option<PageCache>, baseline: HeaderMap, feed: Feed) -> Self {
        Self(Arc::new(Inner {
            assets,
            pages,
            baseline,
            session_cookies: [
                crate::sessions::cookie_name(true),
                crate::sessions::cookie_name(false),
            ],
            feed,
        }))
    }

    /// A request whose page may come from, or go into, the shared cache:
    /// a GET for a page, or for the REST API's public catalog reads, from
    /// someone without a session.
    fn shared(&self, req: &Request) -> bool {
        let path = req.uri().path();
        req.method() == Method::GET
            && req.uri().path_and_query().map_or(0, |p| p.as_str().len()) <= MAX_KEY_BYTES
            && (!super::layers::is_personal(path) || crate::api_v1::is_shared_read(path))
            && !NOT_PAGES.iter().any(|p| path.starts_with(p))
            && !self.has_session(req.headers())
    }

    fn has_session(&self, headers: &HeaderMap) -> bool {
        let values = headers
            .get_all(header::COOKIE)
            .iter()
            .filter_map(|v| v.to_str().ok());
        model::url::cookies(values).any(|(name, _)| self.0.session_cookies.contains(&name))
    }
}

/// A strong entity tag for `body`: `prefix` and 96 bits of its SHA-256.
pub(crate) fn etag(prefix: &str, body: &[u8]) -> HeaderValue {
    use sha2::{Digest as _, Sha256};
    let hex: String = Sha256::digest(body)[..12]
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect();
    HeaderValue::from_str(&format!("\"{prefix}{hex}\""))
        .unwrap_or(HeaderValue::from_static("\"0\""))
}

/// `If-None-Match` names this entity tag.
pub(crate) fn not_modified(request: &HeaderMap, etag: &HeaderValue) -> bool {
    request
        .get_all(header::IF_NONE_MATCH)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(','))
        .any(|tag| {
            let tag = tag.trim();
            tag == "*" || tag.trim_start_matches("W/").as_bytes() == etag.as_bytes()
        })
}

/// The internal dependency header never leaves the server.
fn without_internal(mut res: Response) -> Response {
    res.headers_mut().remove(app::request::cache_deps::HEADER);
    res
}

pub async fn serve(State(lane): State<FastLane>, req: Request, next: Next) -> Response {
    let method = req.method().clone();
    if method == Method::GET || method == Method::HEAD {
        if let Some(res) = lane.0.assets.respond(&req, &lane.0.baseline) {
            return res;
        }
        if let Some(pages) = lane.0.pages.as_ref().filter(|_| lane.shared(&req)) {
            return from_cache(pages, req, next).await;
        }
        return without_internal(next.run(req).await);
    }
    let res = next.run(req).await;
    lane.0.feed.catch_up().await;
    without_internal(res)
}

/// The URL, and for a page without a locale prefix (and the REST API's
/// reads) the language the browser asked for: `/de/…` is German for
/// everyone, `/…` is what each shopper's `Accept-Language` picks.
fn cache_key(req: &Request) -> String {
    let path = req.uri().path();
    let url = req.uri().path_and_query().map_or(path, |p| p.as_str());
    // The currency asked for is part of what the page shows.
    let currency = app::request::currency::wanted(req.headers())
        .map_or(String::new(), |c| format!("{}:", c.code()));
    if !path.starts_with("/api/") && model::Locale::split_path(path).0.is_some() {
        return format!("{currency}{url}");
    }
    let locale = app::locale::asked_for(req.headers());
    format!("{currency}{}:{url}", locale.code())
}

async fn from_cache(pages: &PageCache, req: Request, next: Next) -> Response {
    let key = cache_key(&req);
    let stats = &pages.stats;
    if let Some(page) = pages.inner().get(&key).await {
        stats.hits.fetch_add(1, Ordering::Relaxed);
        return page.respond(req.headers(), "hit");
    }
    let lead = match pages.fills().join(&key) {
        fills::Role::Wait(waiting) => {
            let headers = req.headers().clone();
            if let Some(page) = waiting.page().await {
                stats.hits.fetch_add(1, Ordering::Relaxed);
                return page.respond(&headers, "hit");
            }
            // Waited on a render that could not be kept: render our own.
            stats.not_stored.fetch_add(1, Ordering::Relaxed);
            return without_internal(next.run(req).await);
        }
        fills::Role::Render(lead) => lead,
    };
    // A render that ended between the miss above and `join` kept its page.
    if let Some(page) = pages.inner().get(&key).await {
        lead.finish(Some(page.clone()));
        stats.hits.fetch_add(1, Ordering::Relaxed);
        return page.respond(req.headers(), "hit");
    }
    let headers = req.headers().clone();
    let mut req = req;
    // Rendered plain: the cache compresses once, for every encoding.
    req.headers_mut().remove(header::ACCEPT_ENCODING);
    let generation = pages.generation();
    match pages.admit(next.run(req).await, generation).await {
        Ok(page) => {
            pages.inner().insert(key, page.clone()).await;
            lead.finish(Some(page.clone()));
            stats.misses.fetch_add(1, Ordering::Relaxed);
            page.respond(&headers, "miss")
        }
        Err(res) => {
            lead.finish(None);
            stats.not_stored.fetch_add(1, Ordering::Relaxed);
            without_internal(*res)
        }
    }
}
