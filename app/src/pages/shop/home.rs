use leptos::prelude::*;

use crate::api::catalog::get_home;
use crate::api::recommendations::trending_products;
use crate::components::{
    error_panel::ErrorPanel,
    product_card::ProductGrid,
    seo::PageMeta,
    shelf::{RecentlyViewed, Shelf},
    site::use_site,
};
use crate::locale::{use_i18n, I18n};

#[component]
pub fn HomePage() -> impl IntoView {
    let i = use_i18n();
    let site = use_site();
    let home = Resource::new_blocking(|| (), move |_| get_home(i.locale));
    let trending = Resource::new_blocking(|| (), move |_| trending_products(i.locale));
    view! {
        <Suspense fallback=move || {
            view! { <p class="text-slate-500">{i.t("shop-loading")}</p> }
        }>
            {move || Suspend::new(async move {
                let site = site.identity();
                let trending = trending.await.unwrap_or_default();
                match home.await {
                    Err(e) => {
                        // A shelf that fails to load is left out, not the page.
                        view! { <ErrorPanel message=e.to_string() /> }
                            .into_any()
                    }
                    Ok(home) => {
                        view! {
                            <PageMeta
                                shop=site.name.clone()
                                base_url=site.public_url.clone()
                                title=String::new()
                                description=meta_description(i, &site.name)
                                path="/".into()
                            />
                            <section class="mb-12 rounded-2xl bg-slate-900 px-6 py-12 text-white sm:px-12">
                                <h1 class="text-3xl font-bold tracking-tight sm:text-4xl">
                                    {site.name.clone()}
                                </h1>
                                <p class="mt-3 max-w-xl text-slate-300">
                                    {i.t("shop-home-tagline")}
                                </p>
                            </section>
                            <section aria-labelledby="departments" class="mb-12">
                                <h2 id="departments" class="mb-4 text-2xl font-bold tracking-tight">
                                    {i.t("shop-home-departments")}
                                </h2>
                                <ul
                                    role="list"
                                    class="grid grid-cols-1 gap-4 sm:grid-cols-2 lg:grid-cols-5"
                                >
                                    {home
                                        .categories
                                        .into_iter()
                                        .map(|c| {
                                            view! {
                                                <li
                                                    class="rounded-xl border border-slate-200 p-4 hover:border-slate-400"
                                                    data-testid="department"
                                                >
                                                    <h3 class="font-semibold">
                                                        <a
                                                            href=i.href(&format!("/category/{}", c.slug))
                                                            class="hover:underline"
                                                        >
                                                            {c.name}
                                                        </a>
                                                    </h3>
                                                    <p class="mt-1 text-sm text-slate-600">{c.description}</p>
                                                    <p class="mt-2 text-xs text-slate-500">
                                                        {product_count(i, c.product_count)}
                                                    </p>
                                                    <ul class="mt-3 space-y-1 text-sm">
                                                        {c
                                                            .subcategories
                                                            .into_iter()
                                                            .map(|s| {
                                                                view! {
                                                                    <li>
                                                                        <a
                                                                            href=i.href(&format!("/category/{}", s.slug))
                                                                            class="text-slate-700 hover:underline"
                                                                        >
                                                                            {s.name}
                                                                        </a>
                                                                    </li>
                                                                }
                                                            })
                                                            .collect_view()}
                                                    </ul>
                                                </li>
                                            }
                                        })
                                        .collect_view()}
                                </ul>
                            </section>
                            <section aria-labelledby="featured" class="mb-12">
                                <h2 id="featured" class="mb-4 text-2xl font-bold tracking-tight">
                                    {i.t("shop-home-featured")}
                                </h2>
                                <ProductGrid products=home.featured />
                            </section>
                            <section aria-labelledby="newest">
                                <h2 id="newest" class="mb-4 text-2xl font-bold tracking-tight">
                                    {i.t("shop-home-new-in")}
                                </h2>
                                <ProductGrid products=home.newest />
                            </section>
                            <Shelf
                                title=i.t("shop-home-trending")
                                id="trending"
                                products=trending
                            />
                            <RecentlyViewed />
                        }
                            .into_any()
                    }
                }
            })}
        </Suspense>
    }
}

/// The home page's meta description.
fn meta_description(i: I18n, shop: &str) -> String {
    i.f("shop-home-description", &[("shop", shop.into())])
}

/// "12 products" under a department.
fn product_count(i: I18n, count: u64) -> String {
    let count = i64::try_from(count).unwrap_or(i64::MAX);
    i.f("shop-home-product-count", &[("count", count.into())])
}
