use leptos::prelude::*;
use leptos_router::hooks::use_location;

use crate::api::analytics::track_page_view;

/// Reports every page the browser shows — the first one after hydration and
/// each client-side navigation — as a page view. Effects never run on the
/// server, so server rendering doesn't count twice.
#[component]
pub fn PageViews() -> impl IntoView {
    let location = use_location();
    Effect::new(move |_| {
        let path = location.pathname.get();
        leptos::task::spawn_local(async move {
            // Analytics only: a lost page view must never bother the shopper.
            let _ = track_page_view(path).await;
        });
    });
}
