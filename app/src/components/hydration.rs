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
