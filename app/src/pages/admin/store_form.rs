//! The store profile form on `/admin/settings`: name, currency, mail sender
//! order-number prefix, the cart reminder delay and who may review. A failed save keeps what was typed.
use leptos::prelude::*;

use super::orders::confirm;
use crate::api::settings::SaveStore;
use crate::components::forms::{go_to, ActionError, BoundFields};
use model::settings::ProfileInput;

const INPUT: &str = "rounded-md border border-slate-300 px-3 py-2 text-sm";

#[component]
pub fn StoreEditor(form: ProfileInput, currencies: Vec<(String, String)>) -> impl IntoView {
    let state = RwSignal::new(form.clone());
    let saved_currency = StoredValue::new(form.currency.clone());
    let save = ServerAction::<SaveStore>::new();
    Effect::new(move |_| {
        if let Some(Ok(())) = save.value().get() {
            // A full load, so the header and title show a new name.
            go_to("/admin/settings?saved=store");
        }
    });
    let field = BoundFields {
        state,
        prefix: "store",
    };
    view! {
        <form
            class="grid max-w-3xl gap-4 md:grid-cols-2"
            data-testid="store-form"
            novalidate
            on:submit=move |ev| {
                ev.prevent_default();
                let next = state.get_untracked();
                let relabel = next.currency != saved_currency.get_value();
                if relabel
                    && !confirm(
                        &format!(
                            "Change the currency to {}? Prices are not converted: they keep the number shown (19.99 stays 19.99). A currency without cents, such as JPY, rounds them to whole units (19.99 becomes 20). Only possible before the first order.",
                            next.currency,
                        ),
                    )
                {
                    return;
                }
                save.dispatch(SaveStore { form: next });
            }
        >
            <div class="md:col-span-2">
                <ActionError value=save.value() />
            </div>
            {field
                .input(
                    "Store name",
                    "name",
                    "text",
                    form.name.clone(),
                    "In the header, page titles, invoices and emails.",
                    |f, v| f.name = v,
                )}
            <div class="flex flex-col gap-1">
                <label for="store-currency" class="text-sm font-medium">
                    "Currency"
                </label>
                <select
                    id="store-currency"
                    name="currency"
                    class=INPUT
                    aria-describedby="store-currency-hint"
                    on:change=move |ev| state.update(|f| f.currency = event_target_value(&ev))
                >
                    {currencies
                        .into_iter()
                        .map(|(code, label)| {
                            let selected = code == form.currency;
                            view! {
                                <option value=code selected=selected>
                                    {label}
                                </option>
                            }
                        })
                        .collect_view()}
                </select>
                <p id="store-currency-hint" class="text-xs text-slate-500">
                    "Fixed once the first order is placed."
                </p>
            </div>
            {field
                .input(
                    "Email sender name",
                    "mail_from_name",
                    "text",
                    form.mail_from_name.clone(),
                    "Shown as who emails come from.",
                    |f, v| f.mail_from_name = v,
                )}
            {field
                .input(
                    "Email sender address",
                    "mail_from_address",
                    "text",
                    form.mail_from_address.clone(),
                    "Your mail server must accept it as sender.",
                    |f, v| f.mail_from_address = v,
                )}
            {field
                .input(
                    "Order-number prefix",
                    "order_prefix",
                    "text",
                    form.order_prefix.clone(),
                    "1–8 letters or digits; new orders read PREFIX-7K3Q9X.",
                    |f, v| f.order_prefix = v,
                )}
            {field
                .input(
                    "Cart reminder after (hours)",
                    "cart_reminder_hours",
                    "number",
                    form.cart_reminder_hours.clone(),
                    "One email per cart left with items, 1–168 hours after its last change, to customers and to guests who gave their address at checkout; 0 sends none.",
                    |f, v| f.cart_reminder_hours = v,
                )}
            {field
                .input(
                    "Return window (days)",
                    "return_window_days",
                    "number",
                    form.return_window_days.clone(),
                    "How long after the last parcel leaves a customer can ask to send items back; 0 takes returns only by arrangement.",
                    |f, v| f.return_window_days = v,
                )}
            <fieldset class="flex flex-col gap-2 md:col-span-2">
                <legend class="text-sm font-medium">"Reviews"</legend>
                <label class="flex items-center gap-2 text-sm">
                    <input
                        type="checkbox"
                        name="reviews_require_purchase"
                        checked=form.reviews_require_purchase
                        on:change=move |ev| {
                            state.update(|f| f.reviews_require_purchase = event_target_checked(&ev))
                        }
                    />
                    "Only customers who received a product may review it"
                </label>
                <label class="flex items-center gap-2 text-sm">
                    <input
                        type="checkbox"
                        name="reviews_auto_publish"
                        checked=form.reviews_auto_publish
                        on:change=move |ev| {
                            state.update(|f| f.reviews_auto_publish = event_target_checked(&ev))
                        }
                    />
                    "Publish new reviews without moderation (flagged language still waits)"
                </label>
            </fieldset>
            <div class="md:col-span-2">
                <button
                    type="submit"
                    disabled=move || save.pending().get()
                    class="rounded-md bg-slate-900 px-4 py-2 text-sm font-semibold text-white disabled:opacity-60"
                >
                    "Save store"
                </button>
            </div>
        </form>
    }
}
