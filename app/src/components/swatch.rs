//! A colour attribute's dot beside its name (the name says it; the dot is
//! decoration to screen readers).
use leptos::prelude::*;

/// Nothing when `colour` is `None`.
pub fn swatch(colour: Option<String>) -> impl IntoView {
    colour.map(|c| {
        view! {
            <span
                aria-hidden="true"
                class="inline-block h-3.5 w-3.5 rounded-full border border-slate-300"
                style=format!("background-color: {c}")
            ></span>
        }
    })
}
