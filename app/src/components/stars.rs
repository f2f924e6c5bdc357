//! Star ratings as text: five glyphs, the filled ones first, with the
//! number spelled out for screen readers.
use leptos::prelude::*;
use model::reviews::RatingSummary;

use crate::locale::use_i18n;

/// "★★★★☆" for a rating in tenths of a star (rounded to whole stars).
pub fn glyphs(tenths: u32) -> String {
    let full = ((tenths + 5) / 10).min(5) as usize;
    format!("{}{}", "★".repeat(full), "☆".repeat(5 - full))
}

/// Whole stars of one review.
#[component]
pub fn Stars(stars: u8) -> impl IntoView {
    let i = use_i18n();
    view! {
        <span
            role="img"
            aria-label=i.f("ui-stars-label", &[("stars", stars.into())])
            class="tracking-tight text-amber-500"
        >
            {glyphs(u32::from(stars) * 10)}
        </span>
    }
}

/// A product's average and count: "★★★★☆ 4.3 (12)".
#[component]
pub fn RatingBadge(rating: RatingSummary) -> impl IntoView {
    let i = use_i18n();
    let average = i.tenths(rating.average_tenths());
    let count = rating.count;
    let label = i.f(
        "ui-stars-rated",
        &[("average", (&average).into()), ("count", count.into())],
    );
    view! {
        <span class="inline-flex items-center gap-1 text-xs text-slate-600" data-testid="rating">
            <span role="img" aria-label=label class="tracking-tight text-amber-500">
                {glyphs(rating.average_tenths())}
            </span>
            <span aria-hidden="true">{format!("{average} ({count})")}</span>
        </span>
    }
}
