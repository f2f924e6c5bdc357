//! Search: the results page, header suggestions, result clicks and the
//! staff search report. GET endpoints for the reads, so they are cacheable
//! and easy to benchmark.
use leptos::prelude::*;
use leptos::server_fn::codec::GetUrl;
use model::AppError;

use super::search_types::{SearchReportView, SearchResultsView, SearchState, SuggestionsView};

#[server(prefix = "/api/search", endpoint = "results", input = GetUrl)]
pub async fn search_results(state: SearchState) -> Result<SearchResultsView, AppError> {
    let ctx = crate::request::context::ServerContext::current()?;
    let visit = super::analytics::visit::id().await;
    let page = ctx
        .search
        .search(convert::request(&state), visit)
        .await
        .map_err(crate::request::errors::fail)?;
    Ok(convert::results(page))
}

#[server(prefix = "/api/search", endpoint = "suggest", input = GetUrl)]
pub async fn search_suggestions(q: String) -> Result<SuggestionsView, AppError> {
    let ctx = crate::request::context::ServerContext::current()?;
    let found = ctx
        .search
        .autocomplete(&q)
        .await
        .map_err(crate::request::errors::fail)?;
    Ok(convert::suggestions(found))
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
pub async fn staff_search_report(days: u32) -> Result<SearchReportView, AppError> {
    let (ctx, caller) = crate::request::caller::context_and_caller().await?;
    let days = days.clamp(1, 365);
    let report =
        domain::analytics::search_report_last_days(ctx.search.db(), &caller.actor, days, 20)
            .await
            .map_err(crate::request::errors::fail)?;
    Ok(convert::report(report, days, ctx.search.engine()))
}

#[cfg(feature = "ssr")]
mod convert {
    use domain::search as s;

    use super::super::search_types::*;

    pub fn request(st: &SearchState) -> s::SearchRequest {
        s::SearchRequest {
            text: st.q.clone(),
            categories: st.categories.clone(),
            brands: st.brands.clone(),
            prices: st.prices.clone(),
            options: st.options.clone(),
            in_stock: st.in_stock,
            sort: s::SearchSort::parse(&st.sort),
            page: st.page.max(1),
        }
    }

    fn param(g: &s::FacetGroup) -> &'static str {
        match g.key {
            s::FacetKey::Category => CATEGORY,
            s::FacetKey::Brand => BRAND,
            s::FacetKey::Price => PRICE,
            s::FacetKey::Option => OPTION,
            s::FacetKey::Stock => STOCK,
        }
    }

    pub fn results(p: s::SearchPage) -> SearchResultsView {
        let r = p.request;
        SearchResultsView {
            state: SearchState {
                q: r.text,
                categories: r.categories,
                brands: r.brands,
                prices: r.prices,
                options: r.options,
                in_stock: r.in_stock,
                sort: r.sort.as_str().to_owned(),
                page: r.page,
            },
            hits: p
                .hits
                .into_iter()
                .map(|h| HitView {
                    card: h.card.into(),
                    title: h
                        .title
                        .into_iter()
                        .map(|t| TitlePiece {
                            text: t.text,
                            hit: t.hit,
                        })
                        .collect(),
                })
                .collect(),
            total: p.total,
            page_count: p.page_count,
            facets: p
                .facets
                .into_iter()
                .map(|g| FacetGroupView {
                    param: param(&g).to_owned(),
                    name: g.name,
                    options: g
                        .options
                        .into_iter()
                        .map(|o| FacetOptionView {
                            value: o.value,
                            label: o.label,
                            count: o.count,
                            selected: o.selected,
                            depth: o.depth,
                        })
                        .collect(),
                })
                .collect(),
            did_you_mean: p.did_you_mean,
            popular: p.popular.into_iter().map(Into::into).collect(),
        }
    }

    pub fn suggestions(a: s::Autocomplete) -> SuggestionsView {
        SuggestionsView {
            products: a.products.into_iter().map(Into::into).collect(),
            categories: a
                .categories
                .into_iter()
                .map(|c| CategorySuggestion {
                    slug: c.slug,
                    name: c.name,
                    count: c.count,
                })
                .collect(),
        }
    }

    pub fn report(r: domain::analytics::SearchReport, days: u32, engine: &str) -> SearchReportView {
        let rows = |v: Vec<domain::analytics::QueryCount>| {
            v.into_iter()
                .map(|q| QueryCountView {
                    query: q.query,
                    searches: q.searches,
                    clicks: q.clicks,
                })
                .collect()
        };
        SearchReportView {
            days,
            searches: r.searches,
            top: rows(r.top),
            zero_results: rows(r.zero_results),
            engine: engine.to_owned(),
        }
    }
}
