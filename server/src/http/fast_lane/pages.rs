//! Rendered pages for anonymous shoppers, stored compressed with a policy
//! pinned to their own scripts, keyed by URL, evicted by the change feed.
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::Arc;
use std::time::Duration;

use axum::body::Body;
use axum::http::{header, HeaderMap, HeaderName, HeaderValue, Response, StatusCode};
use bytes::Bytes;
use domain::changes::Change;

use super::encoding::{Effort, Encoded, Encoding};
use super::fills::Fills;

/// A page larger than this is not kept (ours are ~40 KB).
const MAX_PAGE_BYTES: usize = 4 * 1024 * 1024;
/// Per fill, a few milliseconds for a typical page.
const EFFORT: Effort = Effort { brotli: 7, gzip: 6 };
/// A backstop only: the change feed evicts what changed within a second.
const TIME_TO_LIVE: Duration = Duration::from_secs(600);
pub const CACHE_STATUS: HeaderName = HeaderName::from_static("x-mercato-cache");
const DEPENDS: HeaderName = HeaderName::from_static(app::request::cache_deps::HEADER);

/// Headers of the rendered response that are per response, or that the
/// cache sets itself when it sends a page.
const NOT_STORED: [HeaderName; 8] = [
    header::CONTENT_LENGTH,
    header::TRANSFER_ENCODING,
    header::CONTENT_ENCODING,
    header::VARY,
    header::DATE,
    header::ETAG,
    HeaderName::from_static("x-request-id"),
    DEPENDS,
];

/// What a page shows, as its render declared it.
#[derive(Debug, Default, PartialEq, Eq)]
pub struct Deps {
    products: Vec<i32>,
    listing: bool,
    search: bool,
}

impl Deps {
    fn read(headers: &HeaderMap) -> Self {
        let mut deps = Self::default();
        for value in headers.get_all(&DEPENDS) {
            match value.to_str().unwrap_or_default() {
                "listing" => deps.listing = true,
                "search" => deps.search = true,
                v => {
                    if let Some(id) = v.strip_prefix("product=").and_then(|i| i.parse().ok()) {
                        deps.products.push(id);
                    }
                }
            }
        }
        deps
    }

    /// Whether a change to product `id` may change this page. A page that
    /// declared nothing may show anything.
    fn shows_product(&self, id: i32) -> bool {
        self.listing || self.products.contains(&id) || self.products.is_empty()
    }

    /// Whether the search index changing may change this page.
    fn shows_search(&self) -> bool {
        self.search || (self.products.is_empty() && !self.listing)
    }
}

pub struct Page {
    headers: HeaderMap,
    body: Encoded,
    etag: HeaderValue,
    deps: Deps,
    vary: HeaderValue,
    /// The route that rendered it, for the request metrics.
    route: Option<crate::metrics::Route>,
}

impl Page {
    fn weight(&self) -> u32 {
        let headers: usize = self
            .headers
            .iter()
            .map(|(k, v)| k.as_str().len() + v.len())
            .sum();
        u32::try_from(self.body.weight() + headers + 64).unwrap_or(u32::MAX)
    }

    pub fn respond(&self, request: &HeaderMap, status: &'static str) -> Response<Body> {
        let mut res = if super::not_modified(request, &self.etag) {
            let mut res = Response::new(Body::empty());
            *res.status_mut() = StatusCode::NOT_MODIFIED;
            res
        } else {
            let (bytes, encoding) = self.body.pick(Encoding::negotiate(request));
            let mut res = Response::new(Body::from(bytes));
            *res.headers_mut() = self.headers.clone();
            if let Some(value) = encoding.header() {
                res.headers_mut().insert(header::CONTENT_ENCODING, value);
            }
            res
        };
        let headers = res.headers_mut();
        headers.insert(header::ETAG, self.etag.clone());
        headers.insert(header::VARY, self.vary.clone());
        headers.insert(CACHE_STATUS, HeaderValue::from_static(status));
        if let Some(route) = &self.route {
            res.extensions_mut().insert(route.clone());
        }
        res
    }
}

#[derive(Default)]
pub struct Stats {
    pub hits: AtomicU64,
    pub misses: AtomicU64,
    pub not_stored: AtomicU64,
    pub evictions: AtomicU64,
}

#[derive(Clone)]
pub struct PageCache {
    cache: moka::future::Cache<String, Arc<Page>>,
    /// Bumped by every eviction: a render that began before one may have
    /// read what it evicted, so it is not stored.
    generation: Arc<AtomicU64>,
    fills: Arc<Fills>,
    pub stats: Arc<Stats>,
}

impl PageCache {
    pub fn new(max_bytes: u64) -> Self {
        Self {
            cache: moka::future::Cache::builder()
                .max_capacity(max_bytes)
                .weigher(|_k: &String, page: &Arc<Page>| page.weight())
                .time_to_live(TIME_TO_LIVE)
                .support_invalidation_closures()
                .build(),
            generation: Arc::new(AtomicU64::new(0)),
            fills: Arc::default(),
            stats: Arc::default(),
        }
    }

    pub fn generation(&self) -> u64 {
        self.generation.load(Ordering::Acquire)
    }

    pub fn entries(&self) -> u64 {
        self.cache.entry_count()
    }

    pub fn bytes(&self) -> u64 {
        self.cache.weighted_size()
    }

    pub fn fills(&self) -> &Fills {
        &self.fills
    }

    pub fn inner(&self) -> &moka::future::Cache<String, Arc<Page>> {
        &self.cache
    }

    /// Evicts every page `changes` may affect.
    pub fn evict(&self, changes: &[Change], overflow: bool) {
        if changes.is_empty() && !overflow {
            return;
        }
        self.generation.fetch_add(1, Ordering::AcqRel);
        self.stats.evictions.fetch_add(1, Ordering::Relaxed);
        let products: Vec<i32> = changes
            .iter()
            .filter_map(|c| match c {
                Change::Product(Some(id)) => Some(*id),
                _ => None,
            })
            .collect();
        let searches = changes
            .iter()
            .filter(|c| matches!(c, Change::Search(_)))
            .count();
        let search = searches > 0;
        let everything = overflow || products.len() + searches < changes.len();
        if everything {
            self.cache.invalidate_all();
            return;
        }
        let result = self.cache.invalidate_entries_if(move |_, page| {
            (search && page.deps.shows_search())
                || products.iter().any(|id| page.deps.shows_product(*id))
        });
        if let Err(e) = result {
            tracing::error!(error = %e, "page cache: selective eviction failed; evicting all");
            self.cache.invalidate_all();
        }
    }

    /// Turns a fresh render into a page to keep, or gives the response back
    /// when it must not be kept (personal, an error, changed meanwhile).
    pub async fn admit(
        &self,
        res: Response<Body>,
        generation: u64,
    ) -> Result<Arc<Page>, Box<Response<Body>>> {
        // Pages, and the REST API's public reads (`api_v1::is_shared_read`).
        let html = res
            .headers()
            .get(header::CONTENT_TYPE)
            .and_then(|v| v.to_str().ok())
            .is_some_and(|v| v.starts_with("text/html") || v == "application/json");
        let private = res
            .headers()
            .get_all(header::CACHE_CONTROL)
            .iter()
            .filter_map(|v| v.to_str().ok())
            .any(|v| v.contains("private") || v.contains("no-store"));
        if res.status() != StatusCode::OK
            || !html
            || private
            || res.headers().contains_key(header::SET_COOKIE)
        {
            return Err(Box::new(res));
        }
        let (parts, body) = res.into_parts();
        let bytes = match axum::body::to_bytes(body, MAX_PAGE_BYTES).await {
            Ok(bytes) => bytes,
            Err(e) => {
                tracing::warn!(error = %e, "page cache: could not read a rendered page");
                let mut res = Response::new(Body::from("The page could not be shown."));
                *res.status_mut() = StatusCode::INTERNAL_SERVER_ERROR;
                return Err(Box::new(res));
            }
        };
        let give_back = |parts: axum::http::response::Parts, bytes: Bytes| {
            Err(Box::new(Response::from_parts(parts, Body::from(bytes))))
        };
        let Ok(text) = std::str::from_utf8(&bytes) else {
            return give_back(parts, bytes);
        };
        if generation != self.generation() {
            return give_back(parts, bytes);
        }
        let mut headers = parts.headers.clone();
        let deps = Deps::read(&headers);
        // A page whose language or currency was negotiated says so to
        // other caches.
        let varies_on = |name: &str| {
            headers
                .get_all(header::VARY)
                .iter()
                .filter_map(|v| v.to_str().ok())
                .any(|v| v.to_ascii_lowercase().contains(name))
        };
        let vary =
            HeaderValue::from_static(match (varies_on("accept-language"), varies_on("cookie")) {
                (true, true) => "accept-encoding, accept-language, cookie",
                (true, false) => "accept-encoding, accept-language",
                (false, true) => "accept-encoding, cookie",
                (false, false) => "accept-encoding",
            });
        for name in &NOT_STORED {
            headers.remove(name);
        }
        if let Some(policy) = headers
            .get(header::CONTENT_SECURITY_POLICY)
            .and_then(|v| v.to_str().ok())
        {
            if let Some(pinned) = super::csp::pin_to_hashes(policy, text) {
                match HeaderValue::from_str(&pinned) {
                    Ok(v) => {
                        headers.insert(header::CONTENT_SECURITY_POLICY, v);
                    }
                    Err(_) => return give_back(parts, bytes),
                }
            }
        }
        let etag = super::etag("p", &bytes);
        let plain = bytes.clone();
        let body = tokio::task::spawn_blocking(move || Encoded::compress(bytes, EFFORT))
            .await
            .unwrap_or_else(|_| Encoded::identity(plain));
        Ok(Arc::new(Page {
            route: parts.extensions.get::<crate::metrics::Route>().cloned(),
            headers,
            body,
            etag,
            deps,
            vary,
        }))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn deps(values: &[&str]) -> Deps {
        let mut h = HeaderMap::new();
        for v in values {
            h.append(DEPENDS, HeaderValue::from_str(v).expect("value"));
        }
        Deps::read(&h)
    }

    #[test]
    fn a_product_page_depends_on_its_product_only() {
        let page = deps(&["product=7"]);
        assert!(page.shows_product(7));
        assert!(!page.shows_product(8));
        assert!(deps(&["listing"]).shows_product(8));
        assert!(deps(&[]).shows_product(8), "undeclared: anything");
    }

    #[test]
    fn only_search_pages_and_undeclared_ones_follow_the_index() {
        assert!(deps(&["listing", "search"]).shows_search());
        assert!(deps(&[]).shows_search(), "undeclared: anything");
        assert!(!deps(&["listing"]).shows_search());
        assert!(!deps(&["product=7"]).shows_search());
    }
}
