use leptos::prelude::*;
use leptos_meta::{Meta, Title};

use crate::locale::use_i18n;

/// The shop's 404 page. Sets the HTTP status when rendered on the server.
#[component]
pub fn NotFound() -> impl IntoView {
    let i = use_i18n();
    #[cfg(feature = "ssr")]
    if let Some(res) = use_context::<leptos_axum::ResponseOptions>() {
        res.set_status(http::StatusCode::NOT_FOUND);
    }
    view! {
        <Title text=i.t("shop-not-found-title") />
        <Meta name="robots" content="noindex" />
        <section class="mx-auto max-w-xl py-16 text-center" data-testid="not-found">
            <p class="text-sm font-semibold uppercase tracking-wide text-slate-500">"404"</p>
            <h1 class="mt-2 text-3xl font-bold tracking-tight">{i.t("shop-not-found-heading")}</h1>
            <p class="mt-4 text-slate-600">{i.t("shop-not-found-text")}</p>
            <a
                href=i.href("/")
                class="mt-8 inline-block rounded-md bg-slate-900 px-5 py-2.5 font-medium text-white hover:bg-slate-700"
            >
                {i.t("shop-continue-shopping")}
            </a>
        </section>
    }
}
