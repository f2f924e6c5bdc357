use leptos::prelude::*;

use crate::locale::use_i18n;

/// Shown when a page's data could not be loaded. On the server the page
/// keeps the status the failing call set (403, 404, 503 …); only an error
/// that set none answers 500.
#[component]
pub fn ErrorPanel(message: String) -> impl IntoView {
    #[cfg(feature = "ssr")]
    if let Some(res) = use_context::<leptos_axum::ResponseOptions>() {
        let set = res
            .0
            .read()
            .map(|parts| {
                parts
                    .status
                    .is_some_and(|s| s.is_client_error() || s.is_server_error())
            })
            .unwrap_or(false);
        if !set {
            res.set_status(http::StatusCode::INTERNAL_SERVER_ERROR);
        }
    }
    let i = use_i18n();
    view! {
        <div role="alert" class="rounded-lg border border-red-200 bg-red-50 p-6 text-red-800">
            <h1 class="text-lg font-semibold">{i.t("ui-error-title")}</h1>
            <p class="mt-2">{message}</p>
            <a href=i.href("/") class="mt-4 inline-block font-medium underline">
                {i.t("ui-error-back")}
            </a>
        </div>
    }
}
