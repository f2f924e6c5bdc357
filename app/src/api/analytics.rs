//! Storefront analytics: page views from the browser, the visit id, and the
//! staff dashboard. A visit is a random id in a first-party cookie
//! (`mercato_vid`, 30 minutes after the last tracked request); browsers
//! that send Global Privacy Control or Do Not Track get no cookie and their
//! events carry no visit id.
use leptos::prelude::*;
use leptos::server_fn::codec::GetUrl;
use model::AppError;

use model::dashboard::DashboardView;

#[cfg(feature = "ssr")]
pub mod visit {
    use http::header::{COOKIE, SET_COOKIE};
    use http::HeaderMap;
    use leptos::prelude::use_context;

    pub const COOKIE_NAME: &str = "mercato_vid";
    const IDLE_SECS: u64 = 30 * 60;

    fn opted_out(headers: &HeaderMap) -> bool {
        ["sec-gpc", "dnt"]
            .iter()
            .any(|h| headers.get(*h).and_then(|v| v.to_str().ok()) == Some("1"))
    }

    fn from_cookie(headers: &HeaderMap) -> Option<String> {
        let values = headers
            .get_all(COOKIE)
            .iter()
            .filter_map(|v| v.to_str().ok());
        model::url::cookies(values)
            .find(|(k, _)| *k == COOKIE_NAME)
            .map(|(_, v)| v.to_owned())
            .filter(|v| {
                v.len() == 22
                    && v.chars()
                        .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_')
            })
    }

    /// This request's visit id, set or renewed in the response; None when
    /// the browser asks not to be tracked.
    pub async fn id() -> Option<String> {
        let headers: HeaderMap = leptos_axum::extract().await.ok()?;
        if opted_out(&headers) {
            return None;
        }
        let id = from_cookie(&headers).unwrap_or_else(|| {
            domain::accounts::tokens::random_token()
                .chars()
                .take(22)
                .collect()
        });
        let https = use_context::<crate::request::context::ServerContext>()
            .is_some_and(|c| c.site.public_url.starts_with("https://"));
        let cookie = format!(
            "{COOKIE_NAME}={id}; Path=/; Max-Age={IDLE_SECS}; HttpOnly; SameSite=Lax{}",
            if https { "; Secure" } else { "" }
        );
        if let (Some(res), Ok(value)) = (
            use_context::<leptos_axum::ResponseOptions>(),
            http::HeaderValue::from_str(&cookie),
        ) {
            res.append_header(SET_COOKIE, value);
        }
        Some(id)
    }

    /// Records `kind` for this visit with `fill` adding details.
    pub async fn record(
        kind: domain::analytics::EventKind,
        fill: impl FnOnce(&mut domain::analytics::Event),
    ) {
        let Some(ctx) = use_context::<crate::request::context::ServerContext>() else {
            return;
        };
        let mut event = domain::analytics::Event::new(kind, id().await);
        fill(&mut event);
        ctx.analytics.record(event);
    }
}

/// The browser reports each page it shows (first load and every client-side
/// navigation). `path` is the URL path; query strings are not taken.
#[server(prefix = "/api/analytics", endpoint = "page-view")]
pub async fn track_page_view(path: String) -> Result<(), AppError> {
    let path: String = path
        .split(['?', '#'])
        .next()
        .unwrap_or("/")
        .chars()
        .take(300)
        .collect();
    if !path.starts_with('/') {
        return Err(crate::request::errors::fail(domain::Error::validation(
            "path",
            "A page path starts with /.",
        )));
    }
    let product = path.starts_with("/product/").then(|| path.clone());
    visit::record(domain::analytics::EventKind::PageView, |e| {
        e.path = Some(path)
    })
    .await;
    if let Some(path) = product {
        visit::record(domain::analytics::EventKind::ProductView, |e| {
            e.path = Some(path)
        })
        .await;
    }
    Ok(())
}

/// The browser reports a search results page it shows (page 1 of a text
/// search) with its number of results, as it reports page views: pages
/// served from the cache run no search on the server, and scripts that
/// fetch pages without running them don't skew the report.
#[server(prefix = "/api/analytics", endpoint = "search")]
pub async fn track_search(q: String, results: u64) -> Result<(), AppError> {
    let ctx = crate::request::context::ServerContext::current()?;
    let visit = visit::id().await;
    ctx.search
        .record_search(&q, results, visit)
        .map_err(crate::request::errors::fail)
}

/// The dashboard for the last `days` days (staff with the analytics permission).
#[server(prefix = "/api/staff", endpoint = "dashboard", input = GetUrl)]
pub async fn staff_dashboard(days: u32) -> Result<DashboardView, AppError> {
    let (ctx, caller) = crate::request::caller::context_and_caller().await?;
    let d = domain::analytics::dashboard_until_now(
        ctx.search.db(),
        &caller.actor,
        ctx.commerce.currency(),
        days,
    )
    .await
    .map_err(crate::request::errors::fail)?;
    Ok(d.view())
}
