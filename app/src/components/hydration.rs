use leptos::prelude::*;

/// Sets `data-hydrated` on `<body>` once the WASM app has taken over, so
/// browser tests (and CSS) can tell a live page from server HTML.
pub fn mark_hydrated() {
    Effect::new(move |_| {
        if let Some(body) = document().body() {
            let _ = body.set_attribute("data-hydrated", "true");
        }
    });
}
