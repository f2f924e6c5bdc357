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
    /// Units in the cart when the server sent the page.
    sent_items: i64,
}

impl CartState {
    /// Moves on at every refresh (tracked): what follows the cart keys on
    /// this, not on the loaded cart, so the server fetches it once.
    pub fn version(&self) -> u32 {
        self.version.get()
    }

    /// Units in the cart: as the page was sent until the cart changes, so
    /// the header needs no boundary to wait for the cart.
    pub fn item_count(&self) -> i64 {
        live_count(self.version, self.cart, self.sent_items, |c| c.item_count)
    }

    /// Reloads the cart (after an add, update or removal).
    pub fn refresh(&self) {
        self.version.update(|v| *v += 1);
    }
}

/// A header count: the one the page was sent with until `version` moves
/// on, then the reloaded value's (the last one while the next loads).
pub(crate) fn live_count<T, N>(
    version: RwSignal<u32>,
    loaded: Resource<Result<T, AppError>>,
    sent: N,
    count: impl FnOnce(&T) -> N,
) -> N
where
    T: Send + Sync + 'static,
{
    if version.get() == 0 {
        return sent;
    }
    // Read in place: a count does not need a copy of every line.
    loaded
        .with(|r| r.as_ref().and_then(|r| r.as_ref().ok()).map(count))
        .unwrap_or(sent)
}

pub fn provide_cart(sent_items: i64) {
    let version = RwSignal::new(0u32);
    let locale = crate::locale::use_i18n().locale;
    let cart = Resource::new(move || version.get(), move |_| get_cart(locale));
    provide_context(CartState {
        version,
        cart,
        sent_items,
    });
}

pub fn use_cart() -> CartState {
    expect_context::<CartState>()
}

/// "Cart (3)" in the header.
#[component]
pub fn MiniCart() -> impl IntoView {
    let i = use_i18n();
    let state = use_cart();
    let count = move || state.item_count();
    view! {
        <a
            href=i.href("/cart")
            class="text-sm font-medium text-slate-800 underline-offset-4 hover:underline"
            data-testid="mini-cart"
        >
            {i.t("ui-header-cart")}
            " "
            <span aria-label=move || {
                i.f("cart-items", &[("count", count().into())])
            }>"(" <span data-testid="cart-count">{count}</span> ")"</span>
        </a>
    }
}
