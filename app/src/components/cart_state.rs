//! The shopper's cart for the whole page: the header's mini-cart, the
//! product page's "Add to cart" and the cart page share one resource and
//! refresh it after every change — no page reload.
use leptos::prelude::*;
use model::AppError;

use crate::api::cart::get_cart;
use crate::locale::use_i18n;
use model::commerce::CartView;

#[derive(Clone, Copy)]
pub struct CartState {
    version: RwSignal<u32>,
    pub cart: Resource<Result<CartView, AppError>>,
}

impl CartState {
    /// Moves on at every refresh (tracked): what follows the cart keys on
    /// this, not on the loaded cart, so the server fetches it once.
    pub fn version(&self) -> u32 {
        self.version.get()
    }

    /// Reloads the cart (after an add, update or removal).
    pub fn refresh(&self) {
        self.version.update(|v| *v += 1);
    }
}

pub fn provide_cart() {
    let version = RwSignal::new(0u32);
    let locale = crate::locale::use_i18n().locale;
    let cart = Resource::new(move || version.get(), move |_| get_cart(locale));
    provide_context(CartState { version, cart });
}

pub fn use_cart() -> CartState {
    expect_context::<CartState>()
}

/// "Cart (3)" in the header.
#[component]
pub fn MiniCart() -> impl IntoView {
    let i = use_i18n();
    let state = use_cart();
    let count = move || {
        state
            .cart
            // Read in place: the count does not need a copy of every line.
            .with(|r| {
                r.as_ref()
                    .and_then(|r| r.as_ref().ok())
                    .map(|c| c.item_count)
            })
            .unwrap_or(0)
    };
    view! {
        <a
            href=i.href("/cart")
            class="text-sm font-medium text-slate-800 underline-offset-4 hover:underline"
            data-testid="mini-cart"
        >
            {i.t("ui-header-cart")}
            " "
            <Transition fallback=|| view! { <span>"(0)"</span> }>
                <span aria-label=move || {
                    i.f("cart-items", &[("count", count().into())])
                }>"(" <span data-testid="cart-count">{count}</span> ")"</span>
            </Transition>
        </a>
    }
}
