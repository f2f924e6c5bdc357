//! "Add to cart" on the product page: sends the chosen SKU and quantity;
//! the server prices and checks stock. The mini-cart updates in place.
//!
//! It is a real `<form>` posting to the server function, so it works before
//! (or without) the WASM: the browser posts, the server adds the line and
//! redirects back to the product page, whose header then counts it. Hydrated,
//! `ActionForm` sends the same fields without leaving the page.
use leptos::form::ActionForm;
use leptos::prelude::*;

use super::cart_state::use_cart;
use super::forms::error_text;
use crate::api::cart::AddToCart;
use crate::locale::use_i18n;

#[component]
pub fn AddToCartButton(
    #[prop(into)] sku: Signal<String>,
    #[prop(into)] available: Signal<bool>,
) -> impl IntoView {
    let i = use_i18n();
    let cart = use_cart();
    let add = ServerAction::<AddToCart>::new();
    Effect::new(move |_| {
        if let Some(Ok(_)) = add.value().get() {
            cart.refresh();
        }
    });
    view! {
        <ActionForm action=add attr:class="flex flex-col gap-2" attr:data-testid="add-to-cart-form">
            <input type="hidden" name="sku" prop:value=sku value=sku.get_untracked() />
            <input type="hidden" name="locale" value=i.locale.code() />
            <div class="flex items-end gap-3">
                <label class="flex flex-col gap-1 text-sm font-medium">
                    {i.t("ui-add-to-cart-quantity")}
                    <input
                        type="number"
                        name="quantity"
                        min="1"
                        max="10"
                        value="1"
                        required
                        class="w-20 rounded-md border border-slate-300 px-2 py-2"
                        data-testid="quantity"
                    />
                </label>
                <button
                    type="submit"
                    data-testid="add-to-cart"
                    disabled=move || !available.get() || add.pending().get()
                    class="rounded-md bg-slate-900 px-6 py-2.5 font-semibold text-white hover:bg-slate-700 disabled:cursor-not-allowed disabled:opacity-50"
                >
                    {move || {
                        if available.get() { i.t("ui-add-to-cart") } else { i.t("ui-out-of-stock") }
                    }}
                </button>
            </div>
            <p aria-live="polite" class="text-sm" data-testid="add-to-cart-status">
                {move || match add.value().get() {
                    Some(Ok(_)) => {
                        view! {
                            <span class="text-emerald-700">
                                {i.t("ui-add-to-cart-added")} " "
                                <a href=i.href("/cart") class="underline">
                                    {i.t("ui-add-to-cart-view-cart")}
                                </a>
                            </span>
                        }
                            .into_any()
                    }
                    Some(Err(e)) => {
                        view! {
                            <span role="alert" class="text-red-700">
                                {error_text(&e)}
                            </span>
                        }
                            .into_any()
                    }
                    None => ().into_any(),
                }}
            </p>
        </ActionForm>
    }
}
