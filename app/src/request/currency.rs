//! The currency a request is answered in: the one the shopper chose (the
//! `currency` cookie), else the one their browser's region pays in
//! (`Accept-Language: de-DE` → EUR), when the shop sells in it; else the
//! base.
use leptos::prelude::use_context;

use super::context::ServerContext;

pub fn shopper(ctx: &ServerContext) -> domain::Currency {
    let parts = use_context::<http::request::Parts>();
    ctx.commerce
        .shopper_currency(parts.and_then(|p| wanted(&p.headers)))
}

/// [`shopper`] for a request's `headers`, before the page renders.
pub fn shopper_for(ctx: &ServerContext, headers: &http::HeaderMap) -> domain::Currency {
    ctx.commerce.shopper_currency(wanted(headers))
}

/// What `headers` ask to be priced in ([`model::fx::wanted`]); the page
/// cache keys pages by the same answer.
pub fn wanted(headers: &http::HeaderMap) -> Option<domain::Currency> {
    model::fx::wanted(
        headers
            .get_all(http::header::COOKIE)
            .iter()
            .filter_map(|v| v.to_str().ok()),
        headers
            .get(http::header::ACCEPT_LANGUAGE)
            .and_then(|v| v.to_str().ok()),
    )
}
