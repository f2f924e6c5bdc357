use leptos::prelude::*;
use leptos_router::hooks::{use_location, use_params_map};

use super::NotFound;
use model::storefront::{CategoryView, ListingSort, PAGE_SIZE};

use crate::api::catalog::get_category;
use crate::components::{
    breadcrumbs::Breadcrumbs, error_panel::ErrorPanel, facets::FilterForm, pager::Pager,
    product_card::ProductGrid, seo::PageMeta, site::use_site,
};
use crate::locale::{use_i18n, I18n};

#[component]
pub fn CategoryPage() -> impl IntoView {
    let i = use_i18n();
    let site = use_site();
    let params = use_params_map();
    let location = use_location();
    let data = Resource::new_blocking(
        move || {
            (
                params.read().get("slug").unwrap_or_default(),
                location.search.get(),
            )
        },
        move |(slug, query)| get_category(slug, query, i.locale),
    );
    view! {
        <Transition fallback=move || {
            view! { <p class="text-slate-500">{i.t("shop-loading")}</p> }
        }>
            {move || Suspend::new(async move {
                let site = site.identity();
                match data.await {
                    Err(e) => view! { <ErrorPanel message=e.to_string() /> }.into_any(),
                    Ok(None) => view! { <NotFound /> }.into_any(),
                    Ok(Some(listing)) => {
                        view! { <Listing listing site_name=site.name base_url=site.public_url /> }
                            .into_any()
                    }
                }
            })}
        </Transition>
    }
}

#[component]
fn Listing(listing: CategoryView, site_name: String, base_url: String) -> impl IntoView {
    let i = use_i18n();
    let slug = listing.category.slug.clone();
    let state = listing.state.clone();
    // Filtered views are variations of the category page: canonical drops filters.
    let canonical = state.href(&slug, |s| {
        s.sort = ListingSort::default();
        s.price_min = None;
        s.price_max = None;
        s.brands.clear();
        s.options.clear();
        s.attributes.clear();
    });
    let page_href = {
        let (slug, state) = (slug.clone(), state.clone());
        move |p: u64| i.href(&state.href(&slug, |s| s.page = p))
    };
    let first = (listing.page - 1) * PAGE_SIZE + 1;
    let last = first + listing.products.len() as u64 - 1;
    let range = if listing.total == 0 {
        i.t("shop-category-no-match").to_owned()
    } else {
        let args: [(&str, i18n::Arg<'_>); 3] = [
            ("first", (first as i64).into()),
            ("last", (last as i64).into()),
            ("total", (listing.total as i64).into()),
        ];
        i.f("shop-category-showing", &args)
    };
    let description = if listing.description.is_empty() {
        let args: [(&str, i18n::Arg<'_>); 2] = [
            ("category", (&listing.category.name).into()),
            ("shop", (&site_name).into()),
        ];
        i.f("shop-category-description", &args)
    } else {
        listing.description.clone()
    };
    let title = if listing.page > 1 {
        let args: [(&str, i18n::Arg<'_>); 2] = [
            ("category", (&listing.category.name).into()),
            ("page", (listing.page as i64).into()),
        ];
        i.f("shop-category-title-page", &args)
    } else {
        listing.category.name.clone()
    };

    view! {
        <PageMeta shop=site_name base_url title description path=canonical />
        <Breadcrumbs trail=listing.breadcrumbs.clone() />
        <div class="mb-6 flex flex-col gap-2">
            <h1 class="text-3xl font-bold tracking-tight" data-testid="category-title">
                {listing.category.name.clone()}
            </h1>
            <p class="text-slate-600">{listing.description.clone()}</p>
            {(!listing.subcategories.is_empty())
                .then(|| {
                    view! {
                        <ul
                            class="mt-2 flex flex-wrap gap-2"
                            aria-label=i.t("shop-category-subcategories")
                        >
                            {listing
                                .subcategories
                                .iter()
                                .map(|c| {
                                    view! {
                                        <li>
                                            <a
                                                href=i.href(&format!("/category/{}", c.slug))
                                                class="block rounded-full border border-slate-300 px-3 py-1 text-sm hover:border-slate-900"
                                            >
                                                {c.name.clone()}
                                            </a>
                                        </li>
                                    }
                                })
                                .collect_view()}
                        </ul>
                    }
                })}
        </div>
        <div class="grid gap-8 lg:grid-cols-[16rem_1fr]">
            <aside>
                <FilterForm view_data=listing.clone() />
            </aside>
            <section aria-labelledby="results">
                <div class="mb-4 flex flex-col gap-3 sm:flex-row sm:items-center sm:justify-between">
                    <p
                        id="results"
                        class="text-sm text-slate-600"
                        data-testid="result-count"
                        aria-live="polite"
                    >
                        {range}
                    </p>
                    <nav aria-label=i.t("shop-sort") class="flex flex-wrap gap-1 text-sm">
                        <span class="py-1.5 pr-1 text-slate-500">{i.t("shop-sort-label")}</span>
                        {ListingSort::ALL
                            .iter()
                            .map(|&s| {
                                let current = s == state.sort;
                                view! {
                                    <a
                                        href=i
                                            .href(
                                                &state
                                                    .href(
                                                        &slug,
                                                        move |st| {
                                                            st.sort = s;
                                                            st.page = 1;
                                                        },
                                                    ),
                                            )
                                        aria-current=current.then_some("true")
                                        data-sort=s.key()
                                        class=if current {
                                            "rounded-md bg-slate-900 px-3 py-1.5 text-white"
                                        } else {
                                            "rounded-md px-3 py-1.5 hover:bg-slate-100"
                                        }
                                    >
                                        {sort_label(i, s)}
                                    </a>
                                }
                            })
                            .collect_view()}
                    </nav>
                </div>
                <ProductGrid products=listing.products.clone() />
                <Pager page=listing.page page_count=listing.page_count href=page_href />
            </section>
        </div>
    }
}

/// A sort's name in the page's language (`ListingSort::label` is English).
fn sort_label(i: I18n, sort: ListingSort) -> &'static str {
    match sort {
        ListingSort::Newest => i.t("shop-sort-newest"),
        ListingSort::PriceAsc => i.t("shop-sort-price-asc"),
        ListingSort::PriceDesc => i.t("shop-sort-price-desc"),
        ListingSort::Name => i.t("shop-sort-name"),
    }
}
