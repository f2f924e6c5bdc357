//! "Refund to": the way they paid or store credit, on both refund forms
//! (an order's amount and a return's goods); sent as `to`.
use leptos::prelude::*;
use model::gift_cards::RefundTo;

#[component]
pub fn RefundToSelect() -> impl IntoView {
    view! {
        <label class="flex flex-col gap-1 text-sm font-medium">
            "Refund to"
            <select
                name="to"
                class="rounded-md border border-slate-300 px-3 py-2 font-normal"
                data-testid="refund-to"
            >
                {RefundTo::ALL
                    .iter()
                    .map(|t| view! { <option value=t.as_str()>{t.label()}</option> })
                    .collect_view()}
            </select>
        </label>
    }
}
