//! The shopper's wishlist for the whole page: the hearts on cards and the
//! product page, the header's link and the wishlist page share one
//! resource and refresh it after every change, without a page reload.
//! Anonymous visitors without a session get an empty list without a query,
//! so shared cached pages stay the same for everyone.
use leptos::form::ActionForm;
use leptos::prelude::*;
use model::wishlist::WishlistView;
use model::AppError;

use super::forms::error_text;
use crate::api::wishlist::{get_wishlist, SetWishlisted};
use crate::locale::use_i18n;

#[derive(Clone, Copy)]
pub struct WishlistState {
    version: RwSignal<u32>,
    pub list: Resource<Result<WishlistView, AppError>>,
    /// Lines on the list when the server sent the page.
    sent_lines: usize,
}

impl WishlistState {
    /// Lines on the list: as the page was sent until the list changes, so
    /// the header needs no boundary to wait for it.
    pub fn line_count(&self) -> usize {
        super::cart_state::live_count(self.version, self.list, self.sent_lines, |l| l.lines.len())
    }

    pub fn refresh(&self) {
        self.version.update(|v| *v += 1);
    }
}

pub fn provide_wishlist(sent_lines: usize) {
    let version = RwSignal::new(0u32);
    let locale = use_i18n().locale;
    let list = Resource::new(move || version.get(), move |_| get_wishlist(locale));
    provide_context(WishlistState {
        version,
        list,
        sent_lines,
    });
}

pub fn use_wishlist() -> WishlistState {
    expect_context::<WishlistState>()
}

/// "Wishlist (2)" in the header.
#[component]
pub fn WishlistLink() -> impl IntoView {
    let i = use_i18n();
    let state = use_wishlist();
    let count = move || state.line_count();
    view! {
        <a
            href=i.href("/wishlist")
            class="text-sm font-medium text-slate-800 underline-offset-4 hover:underline"
            data-testid="wishlist-link"
        >
            {i.t("ui-header-wishlist")}
            " "
            <span aria-label=move || {
                i.f("ui-header-wishlist-count", &[("count", count().into())])
            }>"(" <span data-testid="wishlist-count">{count}</span> ")"</span>
        </a>
    }
}

/// The heart: saves or removes the product (the variant `sku` when given,
/// else the product's first; removing without a SKU removes all of it).
/// A real form, so it works before the WASM arrives: the post redirects
/// back to the page.
#[component]
pub fn WishlistHeart(
    #[prop(into)] slug: String,
    #[prop(optional, into)] sku: Option<Signal<String>>,
    #[prop(into)] title: String,
) -> impl IntoView {
    let i = use_i18n();
    let state = use_wishlist();
    let set = ServerAction::<SetWishlisted>::new();
    Effect::new(move |_| {
        if let Some(Ok(_)) = set.value().get() {
            state.refresh();
        }
    });
    let slug_check = slug.clone();
    let saved = Signal::derive(move || {
        state
            .list
            .get()
            .and_then(|r| r.ok())
            .is_some_and(|l| match sku {
                Some(sku) => l.has_sku(&sku.get()),
                None => l.has_product(&slug_check),
            })
    });
    let label = Signal::derive(move || {
        if saved.get() {
            i.f("ui-wishlist-remove", &[("title", (&title).into())])
        } else {
            i.f("ui-wishlist-save", &[("title", (&title).into())])
        }
    });
    view! {
        <ActionForm action=set attr:class="relative z-10" attr:data-testid="wishlist-form">
            <input type="hidden" name="slug" value=slug />
            {sku
                .map(|sku| {
                    view! {
                        <input type="hidden" name="sku" prop:value=sku value=sku.get_untracked() />
                    }
                })}
            <Transition fallback=|| ()>
                <input type="hidden" name="saved" prop:value=move || (!saved.get()).to_string() />
                <button
                    type="submit"
                    aria-pressed=move || saved.get().to_string()
                    aria-label=label
                    title=label
                    disabled=move || set.pending().get()
                    data-testid="wishlist-heart"
                    class="rounded-full bg-white/90 p-2 text-slate-700 shadow-sm hover:text-rose-600 focus-visible:outline focus-visible:outline-2 focus-visible:outline-rose-600 aria-pressed:text-rose-600"
                >
                    <svg
                        aria-hidden="true"
                        viewBox="0 0 24 24"
                        class="h-5 w-5"
                        fill=move || if saved.get() { "currentColor" } else { "none" }
                        stroke="currentColor"
                        stroke-width="2"
                    >
                        <path d="M12 21s-7.5-4.6-9.5-9.1C1 8.3 3.3 5 6.6 5c2 0 3.4 1.1 4.4 2.6h2C14 6.1 15.4 5 17.4 5c3.3 0 5.6 3.3 4.1 6.9C19.5 16.4 12 21 12 21z" />
                    </svg>
                </button>
            </Transition>
            {move || {
                set.value()
                    .get()
                    .and_then(|r| r.err())
                    .map(|e| {
                        view! {
                            <p role="alert" class="mt-1 text-xs text-red-700">
                                {error_text(&e)}
                            </p>
                        }
                    })
            }}
        </ActionForm>
    }
}
