//! Search: the results page, header suggestions, result clicks and the
//! staff search report. GET endpoints for the reads, so they are cacheable
//! and easy to benchmark.
use leptos::prelude::*;
use leptos::server_fn::codec::GetUrl;
use model::{AppError, Locale};

use model::search::{Autocomplete, SearchPage, SearchReport, SearchRequest};

#[server(prefix = "/api/search", endpoint = "results", input = GetUrl)]
pub async fn search_results(state: SearchRequest) -> Result<SearchPage, AppError> {
    let ctx = crate::request::context::ServerContext::current()?;
    crate::request::cache_deps::listing();
    crate::request::cache_deps::search();
    // A price sort follows the prices the shopper sees.
    let page = ctx
        .search
        .search_in(state, crate::request::currency::shopper(&ctx))
        .await
        .map_err(crate::request::errors::fail)?;
    Ok(crate::request::audience::shown(
        &ctx,
        page.request.locale,
        page,
    ))
}

#[server(prefix = "/api/search", endpoint = "suggest", input = GetUrl)]
pub async fn search_suggestions(
    q: String,
    #[server(default)] locale: Locale,
) -> Result<Autocomplete, AppError> {
    let ctx = crate::request::context::ServerContext::current()?;
    ctx.search
        .autocomplete(&q, locale)
        .await
        .map_err(crate::request::errors::fail)
}

/// A shopper opened result `position` (1-based) for `q`.
#[server(prefix = "/api/search", endpoint = "click")]
pub async fn record_search_click(q: String, slug: String, position: i32) -> Result<(), AppError> {
    let ctx = crate::request::context::ServerContext::current()?;
    let visit = super::analytics::visit::id().await;
    ctx.search
        .record_click(&q, &slug, position, visit)
        .await
        .map_err(crate::request::errors::fail)
}

/// Top and zero-result queries over the last `days` days (staff with the
/// analytics permission).
#[server(prefix = "/api/staff/search", endpoint = "report", input = GetUrl)]
pub async fn staff_search_report(days: u32) -> Result<SearchReport, AppError> {
    let (ctx, caller) = crate::request::caller::context_and_caller().await?;
    ctx.search
        .report(&caller.actor, days)
        .await
        .map_err(crate::request::errors::fail)
}
