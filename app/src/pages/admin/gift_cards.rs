//! `/admin/gift-cards`: issue a card (its code is shown this once), find
//! cards by their last four characters, switch one off or on again.
use leptos::prelude::*;

use super::layout::AdminPage;
use crate::api::gift_cards::{staff_gift_cards, IssueGiftCard, SetGiftCardActive};
use crate::components::forms::{error_text, ActionError, Field, Submit};

const INPUT: &str = "rounded-md border border-slate-300 px-3 py-2 text-sm";

#[component]
pub fn AdminGiftCardsPage() -> impl IntoView {
    let issue = ServerAction::<IssueGiftCard>::new();
    let status = ServerAction::<SetGiftCardActive>::new();
    let find = RwSignal::new(String::new());
    let list = Resource::new_blocking(
        move || (find.get(), issue.version().get(), status.version().get()),
        |(last4, _, _)| staff_gift_cards(last4),
    );
    view! {
        <AdminPage title="Gift cards">
            <ActionForm
                action=issue
                attr:class="mb-6 flex max-w-md flex-col gap-3"
                attr:data-testid="issue-gift-card"
            >
                <h2 class="text-lg font-semibold">"Issue a gift card"</h2>
                <ActionError value=issue.value() />
                <Field label="Amount" name="amount" hint="In the shop's currency, e.g. 25.00." />
                <Field
                    label="Note"
                    name="note"
                    required=false
                    hint="Why it was issued, for the log."
                />
                <Submit label="Issue card" pending=issue.pending().into() />
            </ActionForm>
            {move || {
                issue
                    .value()
                    .get()
                    .and_then(|r| r.ok())
                    .map(|card| {
                        view! {
                            <div
                                class="mb-6 rounded-md border border-emerald-300 bg-emerald-50 p-3 text-sm"
                                role="status"
                            >
                                <p>
                                    {format!(
                                        "Issued a card worth {}. Its code is shown only now:",
                                        card.balance.format(),
                                    )}
                                </p>
                                <p class="mt-1 font-mono text-lg" data-testid="issued-code">
                                    {card.code}
                                </p>
                            </div>
                        }
                    })
            }}
            <label class="mb-3 flex max-w-xs flex-col gap-1 text-sm font-medium">
                "Find by the code's last four characters"
                <input
                    class=INPUT
                    data-testid="gift-card-find"
                    prop:value=move || find.get()
                    on:change=move |ev| find.set(event_target_value(&ev))
                />
            </label>
            <ActionError value=status.value() />
            <Transition>
                {move || Suspend::new(async move {
                    match list.await {
                        Err(e) => view! { <p role="alert">{error_text(&e)}</p> }.into_any(),
                        Ok(rows) => {
                            view! {
                                <table class="w-full text-sm" data-testid="gift-card-list">
                                    <thead class="text-left text-slate-500">
                                        <tr>
                                            <th>"Code"</th>
                                            <th class="text-right">"Issued for"</th>
                                            <th class="text-right">"Balance"</th>
                                            <th>"Status"</th>
                                            <th>"Order"</th>
                                            <th>"Created"</th>
                                            <th></th>
                                        </tr>
                                    </thead>
                                    <tbody>
                                        {rows
                                            .into_iter()
                                            .map(|c| {
                                                let (id, active) = (c.id, c.active);
                                                view! {
                                                    <tr class="border-t border-slate-200">
                                                        <td class="py-2 font-mono">
                                                            {format!("••••{}", c.last4)}
                                                        </td>
                                                        <td class="text-right">{c.initial.format()}</td>
                                                        <td class="text-right">{c.balance.format()}</td>
                                                        <td>{if c.active { "Active" } else { "Off" }}</td>
                                                        <td>{c.order_number.clone().unwrap_or_default()}</td>
                                                        <td>{c.created_at.clone()}</td>
                                                        <td class="text-right">
                                                            <button
                                                                type="button"
                                                                class="underline"
                                                                on:click=move |_| {
                                                                    status
                                                                        .dispatch(SetGiftCardActive {
                                                                            id,
                                                                            active: !active,
                                                                        });
                                                                }
                                                            >
                                                                {if active { "Switch off" } else { "Switch on" }}
                                                            </button>
                                                        </td>
                                                    </tr>
                                                }
                                            })
                                            .collect_view()}
                                    </tbody>
                                </table>
                            }
                                .into_any()
                        }
                    }
                })}
            </Transition>
        </AdminPage>
    }
}
