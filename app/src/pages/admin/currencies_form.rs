//! The currencies form on `/admin/settings`: which currencies the shop
//! sells in beside its base one, at what rate and how converted prices are
//! rounded. A failed save keeps what was typed.
use leptos::prelude::*;

use crate::api::settings::SaveCurrencies;
use crate::components::forms::{go_to, ActionError, Submit};
use model::fx::{PresentmentInput, Rounding};

const CELL: &str = "w-full rounded border border-slate-300 px-2 py-1 text-sm";

/// `rows`: one per currency other than the base, ticked when the shop
/// sells in it.
#[component]
pub fn CurrenciesEditor(base: String, rows: Vec<(bool, PresentmentInput)>) -> impl IntoView {
    let state = RwSignal::new(rows.clone());
    let save = ServerAction::<SaveCurrencies>::new();
    Effect::new(move |_| {
        if let Some(Ok(())) = save.value().get() {
            go_to("/admin/settings?saved=currencies");
        }
    });
    type Row = (bool, PresentmentInput);
    let set = move |i: usize, f: Box<dyn Fn(&mut Row)>| {
        state.update(|rows| {
            if let Some(r) = rows.get_mut(i) {
                f(r);
            }
        })
    };
    view! {
        <form
            class="max-w-3xl"
            data-testid="currencies-form"
            novalidate
            on:submit=move |ev| {
                ev.prevent_default();
                let rows = state
                    .get_untracked()
                    .into_iter()
                    .filter_map(|(on, input)| on.then_some(input))
                    .collect();
                save.dispatch(SaveCurrencies { rows });
            }
        >
            <ActionError value=save.value() />
            <p class="mb-2 text-sm text-slate-600">
                {format!(
                    "Prices are set in {base}. Shoppers can choose any currency ticked here; a price set for a variant in that currency wins, else the {base} price is converted at your rate and rounded.",
                )}
            </p>
            <table class="mb-3 w-full text-sm">
                <thead class="text-left text-slate-500">
                    <tr>
                        <th>"Sell in"</th>
                        <th>{format!("Rate (per 1 {base})")}</th>
                        <th>"Rounding"</th>
                    </tr>
                </thead>
                <tbody>
                    {rows
                        .into_iter()
                        .enumerate()
                        .map(|(i, (on, input))| {
                            let code = input.currency.clone();
                            view! {
                                <tr data-testid=format!("currency-{code}")>
                                    <td class="py-1 pr-2">
                                        <label class="flex items-center gap-2">
                                            <input
                                                type="checkbox"
                                                name="on"
                                                checked=on
                                                on:change=move |ev| {
                                                    let v = event_target_checked(&ev);
                                                    set(i, Box::new(move |r| r.0 = v));
                                                }
                                            />
                                            {code.clone()}
                                        </label>
                                    </td>
                                    <td class="py-1 pr-2">
                                        <input
                                            class=CELL
                                            name="rate"
                                            inputmode="decimal"
                                            aria-label=format!("{code} per 1 {base}")
                                            value=input.rate.clone()
                                            on:input=move |ev| {
                                                let v = event_target_value(&ev);
                                                set(i, Box::new(move |r| r.1.rate = v.clone()));
                                            }
                                        />
                                    </td>
                                    <td class="py-1">
                                        <select
                                            class=CELL
                                            name="rounding"
                                            aria-label=format!("{code} rounding")
                                            on:change=move |ev| {
                                                let v = event_target_value(&ev);
                                                set(i, Box::new(move |r| r.1.rounding = v.clone()));
                                            }
                                        >
                                            {Rounding::ALL
                                                .iter()
                                                .map(|r| {
                                                    let selected = r.as_str() == input.rounding;
                                                    view! {
                                                        <option value=r.as_str() selected=selected>
                                                            {r.label()}
                                                        </option>
                                                    }
                                                })
                                                .collect_view()}
                                        </select>
                                    </td>
                                </tr>
                            }
                        })
                        .collect_view()}
                </tbody>
            </table>
            <Submit label="Save currencies" pending=save.pending().into() />
        </form>
    }
}
