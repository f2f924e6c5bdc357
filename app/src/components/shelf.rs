//! Shelves of product cards: the recommendations on the product page, the
//! home page and the cart, and "recently viewed", which only the visitor's
//! browser remembers (session storage, this visit only; nothing personal
//! reaches the server but the slugs it asks cards for).
use std::future::Future;
use std::pin::Pin;
use std::sync::Arc;

use leptos::prelude::*;
use model::storefront::ProductCard;

use super::hydration::BrowserOnly;
use super::product_card::ProductGrid;
use crate::api::recommendations::recently_viewed;
use crate::locale::use_i18n;

/// A heading and up to a row of cards; nothing at all when empty.
#[component]
pub fn Shelf(title: &'static str, id: &'static str, products: Vec<ProductCard>) -> impl IntoView {
    (!products.is_empty()).then(|| {
        view! {
            <section aria-labelledby=id class="mt-12" data-testid=id>
                <h2 id=id class="mb-4 text-xl font-bold tracking-tight">
                    {title}
                </h2>
                <ProductGrid products />
            </section>
        }
    })
}

#[cfg(feature = "hydrate")]
const VIEWED_KEY: &str = "mercato.viewed";
#[cfg(feature = "hydrate")]
const VIEWED_MAX: usize = 12;

#[cfg(feature = "hydrate")]
fn storage() -> Option<web_sys::Storage> {
    web_sys::window()?.session_storage().ok()?
}

/// Slugs viewed this visit, newest first.
pub fn viewed() -> Vec<String> {
    #[cfg(feature = "hydrate")]
    if let Some(s) = storage() {
        return s
            .get_item(VIEWED_KEY)
            .ok()
            .flatten()
            .map(|v| {
                v.split(',')
                    .filter(|s| !s.is_empty())
                    .map(str::to_owned)
                    .collect()
            })
            .unwrap_or_default();
    }
    Vec::new()
}

/// Puts `slug` first in this visit's list (in the browser only).
pub fn remember_viewed(slug: &str) {
    #[cfg(feature = "hydrate")]
    if let Some(s) = storage() {
        let mut list = viewed();
        list.retain(|v| v != slug);
        list.insert(0, slug.to_owned());
        list.truncate(VIEWED_MAX);
        let _ = s.set_item(VIEWED_KEY, &list.join(","));
    }
    #[cfg(not(feature = "hydrate"))]
    let _ = slug;
}

/// A shelf the browser asks for: its title, its element id and its cards.
#[derive(Clone)]
pub struct ShelfData {
    pub title: &'static str,
    pub id: &'static str,
    pub products: Vec<ProductCard>,
}

/// Reads a page's shelves; signals it reads are followed (the cart's
/// version: its shelf moves with its lines).
pub type ShelfLoad = Arc<dyn Fn() -> Pin<Box<dyn Future<Output = Vec<ShelfData>>>> + Send + Sync>;

/// Shelves filled in by the browser once the page is up: they sit below
/// what the page is for, and rendering shelves of cards on the server was
/// the largest part of the pages that had them (bench/RESULTS.md). One
/// component for every such shelf keeps the first-load WASM small.
#[component]
pub fn BrowserShelves(load: ShelfLoad) -> impl IntoView {
    view! {
        <BrowserOnly>
            <LoadedShelves load=load.clone() />
        </BrowserOnly>
    }
}

#[component]
fn LoadedShelves(load: ShelfLoad) -> impl IntoView {
    let shelves = LocalResource::new(move || load());
    view! {
        <Suspense fallback=|| ()>
            {move || {
                shelves
                    .get()
                    .map(|all| {
                        all.into_iter()
                            .map(|s| view! { <Shelf title=s.title id=s.id products=s.products /> })
                            .collect_view()
                    })
            }}
        </Suspense>
    }
}

/// "Recently viewed", kept by this visit's browser, so the page itself
/// (and the cache) stays the same for everyone.
#[component]
pub fn RecentlyViewed() -> impl IntoView {
    let i = use_i18n();
    let title = i.t("ui-shelf-recently-viewed");
    let load: ShelfLoad = Arc::new(move || {
        Box::pin(async move {
            let slugs = viewed();
            let products = if slugs.is_empty() {
                Vec::new()
            } else {
                recently_viewed(slugs, i.locale).await.unwrap_or_default()
            };
            vec![ShelfData {
                title,
                id: "recently-viewed",
                products,
            }]
        })
    });
    view! { <BrowserShelves load /> }
}
