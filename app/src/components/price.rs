use leptos::prelude::*;

use model::Money;

use crate::locale::use_i18n;

/// A price, with the old price struck through when on sale.
#[component]
pub fn Price(
    #[prop(into)] price: Signal<Money>,
    #[prop(into)] compare_at: Signal<Option<Money>>,
    #[prop(optional)] from: bool,
    #[prop(optional)] large: bool,
) -> impl IntoView {
    let i = use_i18n();
    let size = if large { "text-2xl" } else { "text-base" };
    view! {
        <span class="inline-flex items-baseline gap-2">
            <span
                data-testid="price"
                class=move || {
                    let sale = if compare_at.get().is_some() {
                        "text-red-700"
                    } else {
                        "text-slate-900"
                    };
                    format!("{size} font-semibold {sale}")
                }
            >
                {move || {
                    let p = price.get();
                    if from {
                        i.f("ui-price-from", &[("price", (&i.money(&p)).into())])
                    } else {
                        i.money(&p)
                    }
                }}
            </span>
            {move || {
                compare_at
                    .get()
                    .map(|was| {
                        view! {
                            <s class="text-sm text-slate-500">
                                <span class="sr-only">{i.t("ui-price-was")} " "</span>
                                {i.money(&was)}
                            </s>
                        }
                    })
            }}
        </span>
    }
}
