use std::sync::Arc;

use leptos::prelude::*;
use leptos_meta::{Meta, Title};
use leptos_router::hooks::use_query_map;

use crate::api::cart::UpdateCart;
use crate::api::recommendations::cart_recommendations;
use crate::components::cart_state::use_cart;
use crate::components::forms::ActionError;
use crate::components::shelf::{BrowserShelves, ShelfData, ShelfLoad};
use crate::locale::{use_i18n, I18n};

#[component]
pub fn CartPage() -> impl IntoView {
    let i = use_i18n();
    let site = crate::components::site::use_site();
    let state = use_cart();
    let update = ServerAction::<UpdateCart>::new();
    Effect::new(move |_| {
        if let Some(Ok(_)) = update.value().get() {
            state.refresh();
        }
    });
    let query = use_query_map();
    let payment = move || query.read().get("payment");
    view! {
        <Title text=i.t("shop-cart-title") />
        <Meta name="robots" content="noindex" />
        <h1 class="mb-6 text-2xl font-bold tracking-tight">{i.t("shop-cart-title")}</h1>
        {move || {
            payment()
                .map(|p| {
                    view! {
                        <p
                            role="alert"
                            class="mb-4 rounded-md border border-amber-200 bg-amber-50 px-3 py-2 text-sm text-amber-900"
                            data-testid="payment-notice"
                        >
                            {if p == "declined" {
                                i.t("shop-cart-payment-declined")
                            } else {
                                i.t("shop-cart-payment-cancelled")
                            }}
                        </p>
                    }
                })
        }}
        {move || {
            query
                .read()
                .get("reminder")
                .and_then(|r| reminder_notice(i, &r))
                .map(|text| {
                    view! {
                        <p
                            role="status"
                            class="mb-4 rounded-md border border-slate-200 bg-slate-50 px-3 py-2 text-sm"
                            data-testid="reminder-notice"
                        >
                            {text}
                        </p>
                    }
                })
        }}
        <ActionError value=update.value() />
        <Transition fallback=move || {
            view! { <p>{i.t("shop-loading")}</p> }
        }>
            {move || Suspend::new(async move {
                let cart = state.cart.await;
                match cart {
                    Err(e) => {
                        view! { <p role="alert">{crate::components::forms::error_text(&e)}</p> }
                            .into_any()
                    }
                    Ok(cart) if cart.lines.is_empty() => {
                        view! {
                            <p data-testid="cart-empty">
                                {i.t("shop-cart-empty")} " " <a href=i.href("/") class="underline">
                                    {i.t("shop-continue-shopping")}
                                </a>
                            </p>
                        }
                            .into_any()
                    }
                    Ok(cart) => {
                        view! {
                            <ul
                                class="divide-y divide-slate-200 border-y border-slate-200"
                                data-testid="cart-lines"
                            >
                                {cart
                                    .lines
                                    .into_iter()
                                    .map(|l| {
                                        let sku = l.sku.clone();
                                        let sku_remove = l.sku.clone();
                                        view! {
                                            <li
                                                class="flex items-center gap-4 py-4"
                                                data-testid="cart-line"
                                                data-sku=l.sku.clone()
                                            >
                                                {l
                                                    .image_url
                                                    .clone()
                                                    .map(|u| {
                                                        view! {
                                                            <img src=u alt="" class="h-16 w-16 rounded object-cover" />
                                                        }
                                                    })}
                                                <div class="flex-1">
                                                    <a
                                                        href=i
                                                            .href(
                                                                &format!("/product/{}?variant={}", l.product_slug, l.sku),
                                                            )
                                                        class="font-medium underline-offset-4 hover:underline"
                                                    >
                                                        {l.product_title.clone()}
                                                    </a>
                                                    <p class="text-sm text-slate-500">
                                                        {format!(
                                                            "{} · {}",
                                                            site.variant_title(&l.variant_title),
                                                            l.sku,
                                                        )}
                                                    </p>
                                                    {(l.quantity > l.max_quantity)
                                                        .then(|| {
                                                            view! {
                                                                <p class="text-sm text-red-700">
                                                                    {only_left(i, l.max_quantity)}
                                                                </p>
                                                            }
                                                        })}
                                                </div>
                                                <label class="text-sm">
                                                    <span class="sr-only">{i.t("shop-cart-quantity")}</span>
                                                    <input
                                                        type="number"
                                                        min="0"
                                                        max="10"
                                                        class="w-16 rounded-md border border-slate-300 px-2 py-1"
                                                        value=l.quantity.to_string()
                                                        data-testid="line-quantity"
                                                        on:change=move |ev| {
                                                            let q = event_target_value(&ev).parse().unwrap_or(1);
                                                            update
                                                                .dispatch(UpdateCart {
                                                                    sku: sku.clone(),
                                                                    quantity: q,
                                                                    locale: i.locale,
                                                                });
                                                        }
                                                    />
                                                </label>
                                                <span class="w-24 text-right" data-testid="line-total">
                                                    {i.money(&l.line_total)}
                                                </span>
                                                <button
                                                    type="button"
                                                    class="text-sm underline"
                                                    on:click=move |_| {
                                                        update
                                                            .dispatch(UpdateCart {
                                                                sku: sku_remove.clone(),
                                                                quantity: 0,
                                                                locale: i.locale,
                                                            });
                                                    }
                                                >
                                                    {i.t("shop-remove")}
                                                </button>
                                            </li>
                                        }
                                    })
                                    .collect_view()}
                            </ul>
                            <div class="mt-6 flex items-center justify-between">
                                <p class="text-lg">
                                    {i.t("shop-cart-subtotal")} " "
                                    <strong data-testid="cart-subtotal">
                                        {i.money(&cart.subtotal)}
                                    </strong>
                                </p>
                                <a
                                    href=i.href("/checkout")
                                    class="rounded-md bg-slate-900 px-6 py-2.5 font-semibold text-white hover:bg-slate-700"
                                    data-testid="go-to-checkout"
                                >
                                    {i.t("shop-cart-checkout")}
                                </a>
                            </div>
                        }
                            .into_any()
                    }
                }
            })}
        </Transition>
        <CompleteTheLook />
    }
}

/// Products often bought with what is in the cart; follows the cart.
#[component]
fn CompleteTheLook() -> impl IntoView {
    let i = use_i18n();
    let state = use_cart();
    let load: ShelfLoad = Arc::new(move || {
        state.version();
        let title = i.t("shop-cart-complete-the-look");
        Box::pin(async move {
            vec![ShelfData {
                title,
                id: "complete-the-look",
                products: cart_recommendations(i.locale).await.unwrap_or_default(),
            }]
        })
    });
    view! { <BrowserShelves load /> }
}

/// What a cart reminder's link found (`/cart/restore` sends the shopper
/// here with `?reminder=`).
fn reminder_notice(i: I18n, outcome: &str) -> Option<&'static str> {
    match outcome {
        "restored" => Some(i.t("shop-cart-reminder-restored")),
        "ordered" => Some(i.t("shop-cart-reminder-ordered")),
        "unknown" => Some(i.t("shop-cart-reminder-unknown")),
        _ => None,
    }
}

/// A line asks for more than can be bought now.
fn only_left(i: I18n, count: i64) -> String {
    i.f("shop-cart-only-left", &[("count", count.into())])
}
