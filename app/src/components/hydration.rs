use leptos::prelude::*;

/// Sets `data-hydrated` on `<body>` once the WASM app has taken over, so
/// browser tests (and CSS) can tell a live page from server HTML. Called
/// when hydration has finished, which for an on-demand page is after its
/// split arrived (an effect in `App` ran before that).
pub fn mark_hydrated() {
    if let Some(body) = document().body() {
        let _ = body.set_attribute("data-hydrated", "true");
    }
}

/// Renders `children` only in the browser, once the page has hydrated; the
/// server renders an empty placeholder. For parts filled in by a
/// `LocalResource`: a `<Suspense>` that reads one on the server never
/// resolves, and Leptos then keeps that page's whole view alive after the
/// response (2.5–30 KB per request, see bench/RESULTS.md).
#[component]
pub fn BrowserOnly(children: ChildrenFn) -> impl IntoView {
    let hydrated = RwSignal::new(false);
    Effect::new(move |_| hydrated.set(true));
    move || hydrated.get().then(|| children())
}
