//! `/metrics`: counters in the Prometheus text format, for the operator's
//! scraper and the benchmarks (the page cache's hit ratio, the listing
//! counts held in memory). Counts only:
//! nothing about any shopper.
use std::sync::atomic::Ordering;

use axum::extract::State;
use axum::http::{header, HeaderValue};
use axum::response::{IntoResponse, Response};

use app::request::context::ServerContext;

use super::fast_lane::PageCache;

pub async fn metrics(
    State(pages): State<Option<PageCache>>,
    State(ctx): State<ServerContext>,
) -> Response {
    let mut out = String::new();
    let mut line = |name: &str, kind: &str, help: &str, value: u64| {
        out.push_str(&format!(
            "# HELP {name} {help}\n# TYPE {name} {kind}\n{name} {value}\n"
        ));
    };
    if let Some(pages) = pages {
        let s = &pages.stats;
        line(
            "mercato_page_cache_hits_total",
            "counter",
            "Anonymous page requests answered from the page cache.",
            s.hits.load(Ordering::Relaxed),
        );
        line(
            "mercato_page_cache_misses_total",
            "counter",
            "Anonymous page requests rendered and stored.",
            s.misses.load(Ordering::Relaxed),
        );
        line(
            "mercato_page_cache_not_stored_total",
            "counter",
            "Anonymous page requests rendered but not storable (errors, cookies).",
            s.not_stored.load(Ordering::Relaxed),
        );
        line(
            "mercato_page_cache_evictions_total",
            "counter",
            "Change-feed batches that evicted pages.",
            s.evictions.load(Ordering::Relaxed),
        );
        line(
            "mercato_page_cache_entries",
            "gauge",
            "Pages held.",
            pages.entries(),
        );
        line(
            "mercato_page_cache_bytes",
            "gauge",
            "Bytes held by the page cache, all encodings.",
            pages.bytes(),
        );
    }
    let held = ctx.catalog.held_stats();
    line(
        "mercato_listing_counts_hits_total",
        "counter",
        "Listings and home pages whose facet counts and shelves were held in memory.",
        held.hits.load(Ordering::Relaxed),
    );
    line(
        "mercato_listing_counts_misses_total",
        "counter",
        "Listings and home pages that counted in the database.",
        held.misses.load(Ordering::Relaxed),
    );
    (
        [(
            header::CONTENT_TYPE,
            HeaderValue::from_static("text/plain; version=0.0.4; charset=utf-8"),
        )],
        out,
    )
        .into_response()
}
