use leptos::prelude::*;

/// Shown when a page's data could not be loaded. Answers 500 on the server.
#[component]
pub fn ErrorPanel(message: String) -> impl IntoView {
    #[cfg(feature = "ssr")]
    if let Some(res) = use_context::<leptos_axum::ResponseOptions>() {
        res.set_status(http::StatusCode::INTERNAL_SERVER_ERROR);
    }
    view! {
        <div role="alert" class="rounded-lg border border-red-200 bg-red-50 p-6 text-red-800">
            <h1 class="text-lg font-semibold">"Sorry, this page didn't load"</h1>
            <p class="mt-2">{message}</p>
            <a href="/" class="mt-4 inline-block font-medium underline">"Back to the shop"</a>
        </div>
    }
}
