//! The WASM entry point: hydrates the server-rendered page.
#![recursion_limit = "512"]
#[wasm_bindgen::prelude::wasm_bindgen]
pub fn hydrate() {
    console_error_panic_hook::set_once();
    // Asynchronously: the first page may be an on-demand one (admin,
    // account) whose code is fetched before it can hydrate.
    wasm_bindgen_futures::spawn_local(async {
        let Some(body) = leptos::prelude::document().body() else {
            return;
        };
        leptos::mount::hydrate_from_async(body, app::App)
            .await
            .forget();
        app::components::hydration::mark_hydrated();
    });
}
