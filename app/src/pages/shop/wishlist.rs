//! The wishlist page (move to cart, remove, share, alerts) and the
//! read-only shared copy.
use leptos::form::ActionForm;
use leptos::prelude::*;
use leptos_meta::{Meta, Title};
use leptos_router::hooks::use_params_map;
use model::wishlist::{WishlistLine, WishlistView};

use crate::api::wishlist::{
    get_shared_wishlist, MoveWishlistToCart, SetWishlisted, ShareWishlist, WishlistAlerts,
};
use crate::components::cart_state::use_cart;
use crate::components::forms::{error_text, ActionError};
use crate::components::wishlist_state::use_wishlist;
use crate::locale::{use_i18n, I18n};

#[component]
pub fn WishlistPage() -> impl IntoView {
    let i = use_i18n();
    let state = use_wishlist();
    let cart = use_cart();
    let moved = ServerAction::<MoveWishlistToCart>::new();
    let removed = ServerAction::<SetWishlisted>::new();
    let share = ServerAction::<ShareWishlist>::new();
    let alerts = ServerAction::<WishlistAlerts>::new();
    Effect::new(move |_| {
        let ok = |done: bool| {
            if done {
                state.refresh();
            }
        };
        ok(matches!(removed.value().get(), Some(Ok(_))));
        ok(matches!(share.value().get(), Some(Ok(_))));
        ok(matches!(alerts.value().get(), Some(Ok(_))));
        if let Some(Ok(_)) = moved.value().get() {
            state.refresh();
            cart.refresh();
        }
    });
    view! {
        <Title text=i.t("shop-wishlist-title") />
        <Meta name="robots" content="noindex" />
        <h1 class="mb-6 text-2xl font-bold tracking-tight">{i.t("shop-wishlist-title")}</h1>
        <ActionError value=moved.value() />
        <ActionError value=removed.value() />
        <Transition fallback=move || {
            view! { <p>{i.t("shop-loading")}</p> }
        }>
            {move || Suspend::new(async move {
                match state.list.await {
                    Err(e) => view! { <p role="alert">{error_text(&e)}</p> }.into_any(),
                    Ok(list) if list.lines.is_empty() => {
                        view! {
                            <p data-testid="wishlist-empty">
                                {i.t("shop-wishlist-empty")} " "
                                <a href=i.href("/") class="underline">
                                    {i.t("shop-browse-the-shop")}
                                </a>
                            </p>
                        }
                            .into_any()
                    }
                    Ok(list) => {
                        let settings = view! { <ListSettings list=list.clone() share alerts /> };
                        view! {
                            <ul
                                class="divide-y divide-slate-200 border-y border-slate-200"
                                data-testid="wishlist-lines"
                            >
                                {list
                                    .lines
                                    .into_iter()
                                    .map(|line| view! { <Line line moved removed /> })
                                    .collect_view()}
                            </ul>
                            {settings}
                        }
                            .into_any()
                    }
                }
            })}
        </Transition>
    }
}

#[component]
fn Line(
    line: WishlistLine,
    moved: ServerAction<MoveWishlistToCart>,
    removed: ServerAction<SetWishlisted>,
) -> impl IntoView {
    let i = use_i18n();
    let sku = line.sku.clone();
    let remove = SetWishlisted {
        slug: line.product_slug.clone(),
        sku: Some(line.sku.clone()),
        saved: false,
    };
    view! {
        <li
            class="flex flex-wrap items-center gap-4 py-4"
            data-testid="wishlist-line"
            data-sku=line.sku.clone()
        >
            <LineSummary line=line.clone() />
            <button
                type="button"
                disabled=!line.in_stock || moved.pending().get_untracked()
                class="rounded-md bg-slate-900 px-4 py-2 text-sm font-semibold text-white hover:bg-slate-700 disabled:cursor-not-allowed disabled:opacity-50"
                data-testid="move-to-cart"
                on:click=move |_| {
                    moved
                        .dispatch(MoveWishlistToCart {
                            sku: sku.clone(),
                        });
                }
            >
                {if line.in_stock {
                    i.t("shop-wishlist-move-to-cart")
                } else {
                    i.t("shop-out-of-stock")
                }}
            </button>
            <button
                type="button"
                class="text-sm underline"
                data-testid="wishlist-remove"
                on:click=move |_| {
                    removed.dispatch(remove.clone());
                }
            >
                {i.t("shop-remove")}
            </button>
        </li>
    }
}

/// Picture, name, variant and price (with the price when saved, if higher).
#[component]
fn LineSummary(line: WishlistLine) -> impl IntoView {
    let i = use_i18n();
    let site = crate::components::site::use_site();
    view! {
        {line
            .image_url
            .clone()
            .map(|u| view! { <img src=u alt="" class="h-16 w-16 rounded object-cover" /> })}
        <div class="min-w-40 flex-1">
            <a
                href=i.href(&format!("/product/{}?variant={}", line.product_slug, line.sku))
                class="font-medium underline-offset-4 hover:underline"
            >
                {line.product_title.clone()}
            </a>
            <p class="text-sm text-slate-500">
                {format!("{} · {}", site.variant_title(&line.variant_title), line.sku)}
            </p>
            <p class="text-sm">
                <span data-testid="wishlist-price">{i.money(&line.price)}</span>
                {line
                    .was
                    .map(|was| {
                        view! {
                            " "
                            <s class="text-slate-500">{i.money(&was)}</s>
                            <span class="ml-1 text-emerald-700">
                                {i.t("shop-wishlist-price-dropped")}
                            </span>
                        }
                    })}
                {(!line.in_stock)
                    .then(|| {
                        view! {
                            <span class="ml-2 text-slate-500">{i.t("shop-out-of-stock")}</span>
                        }
                    })}
            </p>
        </div>
    }
}

/// The private link and the alert switch.
#[component]
fn ListSettings(
    list: WishlistView,
    share: ServerAction<ShareWishlist>,
    alerts: ServerAction<WishlistAlerts>,
) -> impl IntoView {
    let i = use_i18n();
    let link = list
        .share_token
        .clone()
        .map(|t| i.href(&format!("/wishlist/shared/{t}")));
    let shared = link.is_some();
    view! {
        <section class="mt-8 flex flex-col gap-4 text-sm" aria-labelledby="wishlist-settings">
            <h2 id="wishlist-settings" class="text-base font-semibold">
                {i.t("shop-wishlist-share-and-alerts")}
            </h2>
            <div class="flex flex-wrap items-center gap-3">
                {link
                    .map(|href| {
                        let text = href.clone();
                        view! {
                            <span>{i.t("shop-wishlist-share-note")} " "</span>
                            <a
                                href=href
                                class="break-all underline"
                                data-testid="wishlist-share-link"
                            >
                                {text}
                            </a>
                        }
                    })} <ActionForm action=share>
                    <input type="hidden" name="on" value=(!shared).to_string() />
                    <button
                        type="submit"
                        class="rounded-md border border-slate-300 px-3 py-1.5"
                        data-testid="wishlist-share"
                    >
                        {if shared {
                            i.t("shop-wishlist-stop-sharing")
                        } else {
                            i.t("shop-wishlist-share")
                        }}
                    </button>
                </ActionForm>
            </div>
            {list
                .signed_in
                .then(|| {
                    view! {
                        <ActionForm action=alerts>
                            <input type="hidden" name="on" value=(!list.alerts).to_string() />
                            <p class="mb-2">
                                {if list.alerts {
                                    i.t("shop-wishlist-alerts-on")
                                } else {
                                    i.t("shop-wishlist-alerts-off")
                                }}
                            </p>
                            <button
                                type="submit"
                                class="rounded-md border border-slate-300 px-3 py-1.5"
                                data-testid="wishlist-alerts"
                            >
                                {if list.alerts {
                                    i.t("shop-wishlist-alerts-turn-off")
                                } else {
                                    i.t("shop-wishlist-alerts-turn-on")
                                }}
                            </button>
                        </ActionForm>
                    }
                })}
        </section>
    }
}

/// Someone's list by its private link: look, and follow to the products.
#[component]
pub fn SharedWishlistPage() -> impl IntoView {
    let i = use_i18n();
    let params = use_params_map();
    let list = Resource::new(
        move || params.read().get("token").unwrap_or_default(),
        move |token| get_shared_wishlist(token, i.locale),
    );
    view! {
        <Meta name="robots" content="noindex" />
        <Suspense fallback=move || {
            view! { <p>{i.t("shop-loading")}</p> }
        }>
            {move || Suspend::new(async move {
                match list.await {
                    Err(e) => {
                        view! {
                            <Title text=i.t("shop-wishlist-not-found-title") />
                            <h1 class="mb-4 text-2xl font-bold">
                                {i.t("shop-wishlist-not-shared")}
                            </h1>
                            <p role="alert">{error_text(&e)}</p>
                        }
                            .into_any()
                    }
                    Ok(shared) => {
                        let heading = shared_title(i, &shared.owner);
                        view! {
                            <Title text=heading.clone() />
                            <h1 class="mb-6 text-2xl font-bold tracking-tight">{heading}</h1>
                            <ul
                                class="divide-y divide-slate-200 border-y border-slate-200"
                                data-testid="shared-wishlist"
                            >
                                {shared
                                    .lines
                                    .into_iter()
                                    .map(|line| {
                                        view! {
                                            <li
                                                class="flex items-center gap-4 py-4"
                                                data-testid="wishlist-line"
                                            >
                                                <LineSummary line />
                                            </li>
                                        }
                                    })
                                    .collect_view()}
                            </ul>
                        }
                            .into_any()
                    }
                }
            })}
        </Suspense>
    }
}

/// "Ann's wishlist".
fn shared_title(i: I18n, owner: &str) -> String {
    if owner.is_empty() {
        return i.t("shop-wishlist-shared-title-nameless").to_owned();
    }
    i.f("shop-wishlist-shared-title", &[("owner", owner.into())])
}
