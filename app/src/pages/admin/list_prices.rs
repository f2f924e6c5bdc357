//! Below the product editor: each variant's price set by hand in the other
//! currencies the shop sells in. Empty converts from the variant's price at
//! the currency's rate and rounding (`/admin/settings`).
use leptos::prelude::*;

use crate::api::catalog_admin::SaveListPrices;
use crate::components::forms::{issue_attrs, ActionError, IssueText, Issues, Notice, Submit};
use model::product_form::ListPriceRow;

const CELL: &str = "w-28 rounded border border-slate-300 px-2 py-1 text-sm";

#[component]
pub fn ListPrices(rows: Vec<ListPriceRow>) -> impl IntoView {
    let state = RwSignal::new(rows.clone());
    let save = ServerAction::<SaveListPrices>::new();
    let issues = Issues::of(save.value());
    let saved = move || matches!(save.value().get(), Some(Ok(())));
    let input = move |i: usize, compare: bool, initial: String, label: String| {
        let field = format!(
            "list_prices.{i}.{}",
            if compare { "compare_at" } else { "price" }
        );
        let id = format!("lp-{i}-{compare}");
        let issue_id = format!("{id}-issue");
        let (invalid, describedby) =
            issue_attrs(Some(issues), field.clone(), None, issue_id.clone());
        view! {
            <input
                id=id
                class=CELL
                inputmode="decimal"
                aria-label=label
                aria-invalid=invalid
                aria-describedby=describedby
                value=initial
                on:input=move |ev| {
                    let v = event_target_value(&ev);
                    state
                        .update(|rows| {
                            if let Some(r) = rows.get_mut(i) {
                                if compare {
                                    r.compare_at = v;
                                } else {
                                    r.price = v;
                                }
                            }
                        })
                }
            />
            <IssueText issues field=field id=issue_id />
        }
    };
    view! {
        <section class="mt-10 max-w-3xl" aria-labelledby="list-prices-h">
            <h2 id="list-prices-h" class="mb-2 text-lg font-semibold">
                "Prices in other currencies"
            </h2>
            <p class="mb-2 text-sm text-slate-600">
                "Leave a price empty to convert it from the variant's price at the rate and rounding set in Settings."
            </p>
            <form
                data-testid="list-prices"
                novalidate
                on:submit=move |ev| {
                    ev.prevent_default();
                    save.dispatch(SaveListPrices {
                        rows: state.get_untracked(),
                    });
                }
            >
                <ActionError value=save.value() />
                {move || saved().then(|| view! { <Notice>"Prices saved."</Notice> })}
                <table class="mb-3 text-sm">
                    <thead class="text-left text-slate-500">
                        <tr>
                            <th class="pr-3">"SKU"</th>
                            <th class="pr-3">"Currency"</th>
                            <th class="pr-3">"Price"</th>
                            <th>"Was"</th>
                        </tr>
                    </thead>
                    <tbody>
                        {rows
                            .into_iter()
                            .enumerate()
                            .map(|(i, r)| {
                                let label = format!("{} {}", r.sku, r.currency);
                                view! {
                                    <tr data-testid=format!("list-price-{}-{}", r.sku, r.currency)>
                                        <td class="pr-3">{r.sku.clone()}</td>
                                        <td class="pr-3">{r.currency.clone()}</td>
                                        <td class="pr-3">
                                            {input(i, false, r.price.clone(), format!("{label} price"))}
                                        </td>
                                        <td>
                                            {input(
                                                i,
                                                true,
                                                r.compare_at.clone(),
                                                format!("{label} was price"),
                                            )}
                                        </td>
                                    </tr>
                                }
                            })
                            .collect_view()}
                    </tbody>
                </table>
                <Submit label="Save prices" pending=save.pending().into() />
            </form>
        </section>
    }
}
