//! `/search`: results with a facet sidebar. The URL is the whole state:
//! ticking a facet navigates to the new URL, so links can be shared, the
//! back button steps through filters and a reload shows the same page.
use leptos::prelude::*;

use crate::components::site::Site;
use crate::components::swatch::swatch;
use crate::locale::{use_i18n, I18n};
use leptos_router::hooks::{use_navigate, use_query_map};

use crate::api::analytics::track_search;
use crate::api::search::{record_search_click, search_results};
use crate::components::stars::RatingBadge;
use crate::components::{
    forms::error_text, pager::Pager, price::Price, product_card::ProductGrid, seo::PageMeta,
    site::use_site,
};
use model::search::param::{self, Q, SORT};
use model::search::{
    FacetGroup, FacetKey, FacetOption, FacetWording, SearchHit, SearchPage as Found, SearchRequest,
    SearchSort, PER_PAGE,
};
use model::storefront::ProductCard;

fn state_from_url(q: &leptos_router::params::ParamsMap) -> SearchRequest {
    let mut pairs: Vec<(&'static str, String)> = Vec::new();
    for key in param::SINGLE {
        if let Some(v) = q.get(key) {
            pairs.push((key, v));
        }
    }
    for key in param::MULTI {
        for v in q.get_all(key).unwrap_or_default() {
            pairs.push((key, v));
        }
    }
    SearchRequest::from_pairs(pairs.iter().map(|(k, v)| (*k, v.as_str())))
}

#[component]
pub fn SearchPage() -> impl IntoView {
    let i = use_i18n();
    let site = use_site();
    let query = use_query_map();
    let data = Resource::new_blocking(
        move || SearchRequest {
            locale: i.locale,
            ..state_from_url(&query.read())
        },
        search_results,
    );
    view! {
        <Transition fallback=move || {
            view! { <p class="text-slate-500">{i.t("shop-search-searching")}</p> }
        }>
            {move || Suspend::new(async move {
                let site = site.identity();
                match data.await {
                    Ok(results) => {
                        view! { <Results results shop=site.name base_url=site.public_url /> }
                            .into_any()
                    }
                    Err(e) => view! { <Unavailable message=error_text(&e) /> }.into_any(),
                }
            })}
        </Transition>
    }
}

#[component]
fn Unavailable(message: String) -> impl IntoView {
    let i = use_i18n();
    view! {
        <div
            role="alert"
            class="rounded-lg border border-amber-200 bg-amber-50 p-6 text-amber-900"
            data-testid="search-unavailable"
        >
            <h1 class="text-lg font-semibold">{i.t("shop-search-unavailable")}</h1>
            <p class="mt-2">{message}</p>
            <a href=i.href("/") class="mt-4 inline-block font-medium underline">
                {i.t("shop-browse-the-shop")}
            </a>
        </div>
    }
}

#[component]
fn Results(results: Found, shop: String, base_url: String) -> impl IntoView {
    let tr = use_i18n();
    let state = results.request.clone();
    let query = state.text.as_str();
    let heading = if query.is_empty() {
        tr.t("shop-search-all-products").to_owned()
    } else {
        tr.f("shop-search-results-for", &[("query", query.into())])
    };
    let count = match results.total {
        0 => tr.t("shop-search-count-none").to_owned(),
        n => tr.f("shop-search-count", &[("count", (n as i64).into())]),
    };
    let page_href = {
        let state = state.clone();
        move |p: u64| {
            tr.href(
                &SearchRequest {
                    page: p,
                    ..state.clone()
                }
                .href(),
            )
        }
    };
    let nothing = results.total == 0;
    let results_label = tr.t("shop-search-results");
    let counted = (state.page <= 1 && !state.text.trim().is_empty())
        .then(|| (state.text.clone(), results.total));
    // In the browser only (effects don't run on the server), like page views.
    Effect::new(move |_| {
        if let Some((q, total)) = counted.clone() {
            leptos::task::spawn_local(async move {
                // Analytics only: a lost count must never bother the shopper.
                let _ = track_search(q, total).await;
            });
        }
    });
    view! {
        <PageMeta
            shop
            base_url
            title=heading.clone()
            description=tr.f("shop-search-description", &[("query", (&state.text).into())])
            path="/search".to_owned()
        />
        <div class="mb-6 flex flex-col gap-1">
            <h1 class="text-3xl font-bold tracking-tight" data-testid="search-title">
                {heading}
            </h1>
            <p class="text-sm text-slate-600" data-testid="result-count" aria-live="polite">
                {count}
            </p>
        </div>
        <div class="grid gap-8 lg:grid-cols-[16rem_1fr]">
            <aside aria-label=tr.t("shop-search-filters")>
                <Facets state=state.clone() groups=results.facets.clone() />
            </aside>
            <section aria-label=results_label>
                {if nothing {
                    view! {
                        <NoResults
                            state=state.clone()
                            did_you_mean=results.did_you_mean.clone()
                            popular=results.popular.clone()
                        />
                    }
                        .into_any()
                } else {
                    view! {
                        <SortLinks state=state.clone() />
                        <ul
                            role="list"
                            class="grid grid-cols-2 gap-x-4 gap-y-8 sm:grid-cols-3"
                            data-testid="search-results"
                        >
                            {results
                                .hits
                                .iter()
                                .enumerate()
                                .map(|(i, h)| {
                                    let position = (state.page.max(1) - 1) * PER_PAGE + i as u64
                                        + 1;
                                    view! {
                                        <HitCard
                                            hit=h.clone()
                                            q=state.text.clone()
                                            position=position as i32
                                        />
                                    }
                                })
                                .collect_view()}
                        </ul>
                        <Pager
                            page=state.page.max(1)
                            page_count=results.page_count
                            href=page_href
                        />
                    }
                        .into_any()
                }}
            </section>
        </div>
    }
}

#[component]
fn SortLinks(state: SearchRequest) -> impl IntoView {
    let i = use_i18n();
    view! {
        <nav aria-label=i.t("shop-sort") class="mb-4 flex flex-wrap gap-1 text-sm">
            <span class="py-1.5 pr-1 text-slate-500">{i.t("shop-sort-label")}</span>
            {SearchSort::ALL
                .iter()
                .map(|&sort| {
                    let on = sort == state.sort;
                    let href = i
                        .href(
                            &SearchRequest {
                                sort,
                                page: 1,
                                ..state.clone()
                            }
                                .href(),
                        );
                    view! {
                        <a
                            href=href
                            aria-current=on.then_some("true")
                            data-sort=sort.as_str()
                            class=if on {
                                "rounded-md bg-slate-900 px-3 py-1.5 text-white"
                            } else {
                                "rounded-md px-3 py-1.5 hover:bg-slate-100"
                            }
                        >
                            {sort_label(i, sort)}
                        </a>
                    }
                })
                .collect_view()}
        </nav>
    }
}

#[component]
fn HitCard(hit: SearchHit, q: String, position: i32) -> impl IntoView {
    let i = use_i18n();
    let card = hit.card;
    let href = i.href(&format!("/product/{}", card.slug));
    let slug = card.slug.clone();
    let from = card.price_varies();
    let click = Action::new(move |(q, slug, position): &(String, String, i32)| {
        let (q, slug, position) = (q.clone(), slug.clone(), *position);
        async move {
            // Analytics only: a lost click must never bother the shopper.
            let _ = record_search_click(q, slug, position).await;
        }
    });
    view! {
        <li class="group relative" data-testid="search-hit">
            <div class="aspect-square overflow-hidden rounded-lg bg-slate-100">
                {card
                    .image
                    .map(|img| {
                        view! {
                            <img
                                src=img.url
                                alt=img.alt
                                width=img.width
                                height=img.height
                                loading="lazy"
                                class="h-full w-full object-cover transition group-hover:scale-105"
                            />
                        }
                    })}
            </div>
            <div class="mt-3 flex flex-col gap-1">
                <p class="text-xs uppercase tracking-wide text-slate-500">{card.brand}</p>
                <h2 class="text-sm font-medium text-slate-900">
                    <a
                        href=href
                        class="focus:outline-none focus-visible:underline"
                        on:click=move |_| {
                            click.dispatch((q.clone(), slug.clone(), position));
                        }
                    >
                        <span aria-hidden="true" class="absolute inset-0"></span>
                        {hit
                            .title
                            .into_iter()
                            .map(|p| {
                                if p.hit {
                                    view! {
                                        <mark class="rounded bg-amber-100 px-0.5 text-slate-900">
                                            {p.text}
                                        </mark>
                                    }
                                        .into_any()
                                } else {
                                    view! { <span>{p.text}</span> }.into_any()
                                }
                            })
                            .collect_view()}
                    </a>
                </h2>
                <Price price=card.price_min compare_at=card.compare_at from />
                {card.rating.map(|rating| view! { <RatingBadge rating /> })}
                {(!card.in_stock)
                    .then(|| {
                        view! {
                            <span class="w-fit rounded bg-slate-200 px-1.5 py-0.5 text-xs text-slate-700">
                                {i.t("shop-out-of-stock")}
                            </span>
                        }
                    })}
            </div>
        </li>
    }
}

#[component]
fn NoResults(
    state: SearchRequest,
    did_you_mean: Option<String>,
    popular: Vec<ProductCard>,
) -> impl IntoView {
    let i = use_i18n();
    let filtered = state.has_filters();
    let cleared = i.href(&state.cleared().href());
    view! {
        <div class="rounded-lg border border-slate-200 p-6" data-testid="no-results">
            <p class="text-lg font-medium">
                {if state.text.is_empty() {
                    i.t("shop-search-nothing-matches").to_owned()
                } else {
                    i.f("shop-search-found-nothing", &[("query", (&state.text).into())])
                }}
            </p>
            {did_you_mean
                .map(|s| {
                    let href = i
                        .href(
                            &SearchRequest {
                                text: s.clone(),
                                ..SearchRequest::default()
                            }
                                .href(),
                        );
                    view! {
                        <p class="mt-2">
                            {i.t("shop-search-did-you-mean")} " "
                            <a href=href class="font-semibold underline" data-testid="did-you-mean">
                                {s}
                            </a> {i.t("shop-search-did-you-mean-end")}
                        </p>
                    }
                })}
            {filtered
                .then(|| {
                    view! {
                        <p class="mt-2">
                            <a href=cleared class="underline">
                                {i.t("shop-search-remove-filters")}
                            </a>
                        </p>
                    }
                })}
            <p class="mt-2 text-sm text-slate-600">{i.t("shop-search-no-results-hint")}</p>
        </div>
        {(!popular.is_empty())
            .then(|| {
                view! {
                    <h2 class="mb-4 mt-10 text-xl font-semibold">{i.t("shop-search-popular")}</h2>
                    <ProductGrid products=popular />
                }
            })}
    }
}

#[component]
fn Facets(state: SearchRequest, groups: Vec<FacetGroup>) -> impl IntoView {
    let i = use_i18n();
    let site = use_site();
    let navigate = use_navigate();
    let any = state.has_filters();
    let clear = i.href(&state.cleared().href());
    view! {
        // Without JavaScript the form submits the ticked boxes; with it,
        // each change navigates at once.
        <form
            method="get"
            action=i.href("/search")
            class="flex flex-col gap-6"
            data-testid="facets"
        >
            <input type="hidden" name=Q value=state.text.clone() />
            {(state.sort != SearchSort::Relevance)
                .then(|| view! { <input type="hidden" name=SORT value=state.sort.as_str() /> })}
            <div class="flex items-center justify-between">
                <h2 class="text-sm font-semibold uppercase tracking-wide text-slate-500">
                    {i.t("shop-search-filters")}
                </h2>
                {any
                    .then(|| {
                        view! {
                            <a href=clear class="text-sm underline" data-testid="clear-filters">
                                {i.t("shop-search-clear-all")}
                            </a>
                        }
                    })}
            </div>
            {groups
                .into_iter()
                .map(|g| {
                    let navigate = navigate.clone();
                    let state = state.clone();
                    view! {
                        <fieldset class="flex flex-col gap-1" data-facet=g.name.clone()>
                            <legend class="mb-2 text-sm font-semibold">
                                {facet_heading(i, site, &g)}
                            </legend>
                            {g
                                .options
                                .into_iter()
                                .map(|o| {
                                    let href = state.toggled(g.key, &o.value).href();
                                    let navigate = navigate.clone();
                                    let value = if g.key == FacetKey::Stock {
                                        "1".to_owned()
                                    } else {
                                        o.value.clone()
                                    };
                                    view! {
                                        <label
                                            class="flex cursor-pointer items-center gap-2 text-sm"
                                            style=format!("padding-left: {}rem", o.depth as f32 * 0.75)
                                        >
                                            <input
                                                type="checkbox"
                                                name=g.key.param()
                                                value=value
                                                checked=o.selected
                                                class="h-4 w-4 rounded border-slate-300"
                                                on:change=move |_| navigate(&href, Default::default())
                                            />
                                            {swatch(o.swatch.clone())}
                                            <span class="flex-1">
                                                {facet_label(i, site, g.key, &o)}
                                            </span>
                                            <span class="text-xs text-slate-500">{o.count}</span>
                                        </label>
                                    }
                                })
                                .collect_view()}
                        </fieldset>
                    }
                })
                .collect_view()}
            <noscript>
                <button
                    type="submit"
                    class="rounded-md bg-slate-900 px-4 py-2 text-sm font-medium text-white"
                >
                    {i.t("shop-search-apply-filters")}
                </button>
            </noscript>
        </form>
    }
}

/// A facet's heading: Mercato's own in the page's language, the shop's
/// option and attribute names through its glossary.
fn facet_heading(i: I18n, site: Site, group: &FacetGroup) -> String {
    match group.key {
        FacetKey::Category => i.t("shop-facet-category").to_owned(),
        FacetKey::Brand => i.t("shop-facet-brand").to_owned(),
        FacetKey::Price => i.t("shop-facet-price").to_owned(),
        FacetKey::Stock => i.t("shop-facet-availability").to_owned(),
        FacetKey::Rating => i.t("shop-facet-rating").to_owned(),
        FacetKey::Option | FacetKey::Attribute => site.word(&group.name),
    }
}

/// A facet value as the page words it (prices in its currency, as its
/// language writes money; option and attribute values through the shop's
/// glossary).
fn facet_label(i: I18n, site: Site, key: FacetKey, option: &FacetOption) -> String {
    match &option.wording {
        None if matches!(key, FacetKey::Option | FacetKey::Attribute) => site.word(&option.label),
        None => option.label.clone(),
        Some(FacetWording::InStock) => i.t("shop-facet-in-stock").to_owned(),
        Some(FacetWording::InStockOnly) => i.t("shop-facet-in-stock-only").to_owned(),
        Some(FacetWording::StarsAndUp(stars)) => {
            i.f("shop-facet-stars-and-up", &[("stars", (*stars).into())])
        }
        Some(FacetWording::Price { from, to }) => {
            let low = i.money(from);
            match to.map(|to| i.money(&to)) {
                Some(high) if from.minor == 0 => {
                    i.f("shop-facet-price-under", &[("amount", (&high).into())])
                }
                Some(high) => i.f(
                    "shop-facet-price-between",
                    &[("from", (&low).into()), ("to", (&high).into())],
                ),
                None => i.f("shop-facet-price-over", &[("amount", (&low).into())]),
            }
        }
    }
}

/// A sort's name in the page's language (`SearchSort::label` is English).
fn sort_label(i: I18n, sort: SearchSort) -> &'static str {
    match sort {
        SearchSort::Relevance => i.t("shop-sort-relevance"),
        SearchSort::PriceAsc => i.t("shop-sort-price-asc"),
        SearchSort::PriceDesc => i.t("shop-sort-price-desc"),
        SearchSort::Newest => i.t("shop-sort-newest"),
        SearchSort::Rating => i.t("shop-sort-rating"),
    }
}
