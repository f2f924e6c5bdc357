//! `/admin/promotions` (codes with usage statistics) and
//! `/admin/promotions/:code` (create or edit; `new` for a new code).
use leptos::prelude::*;
use leptos_router::hooks::use_params_map;

use super::layout::AdminPage;
use super::orders::confirm;
use crate::api::promotions::{staff_promotion, staff_promotions, DeletePromotion, SavePromotion};
use crate::components::forms::{error_text, go_to, ActionError, BoundFields};
use model::promotions::{PromotionAmountsForm, PromotionForm};

const INPUT: &str = "rounded-md border border-slate-300 px-3 py-2 text-sm";

#[component]
pub fn AdminPromotionsPage() -> impl IntoView {
    let delete = ServerAction::<DeletePromotion>::new();
    let list = Resource::new_blocking(move || delete.version().get(), |_| staff_promotions());
    view! {
        <AdminPage title="Promotions">
            <a
                href="/admin/promotions/new"
                class="mb-4 inline-block rounded-md bg-slate-900 px-3 py-2 text-sm font-semibold text-white"
            >
                "New promo code"
            </a>
            <ActionError value=delete.value() />
            <Transition>
                {move || Suspend::new(async move {
                    match list.await {
                        Err(e) => view! { <p role="alert">{error_text(&e)}</p> }.into_any(),
                        Ok(rows) => {
                            view! {
                                <table class="w-full text-sm" data-testid="promotion-list">
                                    <thead class="text-left text-slate-500">
                                        <tr>
                                            <th>"Code"</th>
                                            <th>"Offer"</th>
                                            <th>"Status"</th>
                                            <th class="text-right">"Used"</th>
                                            <th class="text-right">"Paid orders"</th>
                                            <th class="text-right">"Revenue"</th>
                                            <th class="text-right">"Discount given"</th>
                                            <th></th>
                                        </tr>
                                    </thead>
                                    <tbody>
                                        {rows
                                            .into_iter()
                                            .map(|r| {
                                                let code = r.form.code.clone();
                                                let limit = if r.form.usage_limit.is_empty() {
                                                    String::new()
                                                } else {
                                                    format!(" / {}", r.form.usage_limit)
                                                };
                                                view! {
                                                    <tr class="border-t border-slate-200">
                                                        <td class="py-2 font-mono">
                                                            <a
                                                                class="underline"
                                                                href=format!("/admin/promotions/{}", r.form.code)
                                                            >
                                                                {r.form.code.clone()}
                                                            </a>
                                                        </td>
                                                        <td>{r.summary.clone()}</td>
                                                        <td>{if r.form.active { "On" } else { "Off" }}</td>
                                                        <td class="text-right">
                                                            {format!("{}{limit}", r.times_used)}
                                                        </td>
                                                        <td class="text-right">{r.orders}</td>
                                                        <td class="text-right">{r.revenue.format()}</td>
                                                        <td class="text-right">{r.discount.format()}</td>
                                                        <td class="text-right">
                                                            <button
                                                                type="button"
                                                                class="text-red-700 underline"
                                                                on:click=move |_| {
                                                                    if confirm(
                                                                        "Delete this code? Only unused codes can be deleted.",
                                                                    ) {
                                                                        delete
                                                                            .dispatch(DeletePromotion {
                                                                                code: code.clone(),
                                                                            });
                                                                    }
                                                                }
                                                            >
                                                                "Delete"
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

#[component]
pub fn AdminPromotionPage() -> impl IntoView {
    let params = use_params_map();
    let code = move || {
        params
            .read()
            .get("code")
            .filter(|c| c != "new")
            .unwrap_or_default()
    };
    let data = Resource::new_blocking(code, staff_promotion);
    view! {
        <AdminPage title="Promo code">
            <nav aria-label="Breadcrumb" class="mb-4 text-sm text-slate-500">
                <a href="/admin/promotions" class="underline">
                    "Promotions"
                </a>
                " › "
                <span aria-current="page">
                    {move || if code().is_empty() { "New".to_owned() } else { code() }}
                </span>
            </nav>
            <Suspense>
                {move || Suspend::new(async move {
                    match data.await {
                        Err(e) => view! { <p role="alert">{error_text(&e)}</p> }.into_any(),
                        Ok(f) => view! { <PromotionEditor original=code() form=f /> }.into_any(),
                    }
                })}
            </Suspense>
        </AdminPage>
    }
}

#[component]
fn PromotionEditor(original: String, form: PromotionForm) -> impl IntoView {
    let state = RwSignal::new(form.clone());
    let save = ServerAction::<SavePromotion>::new();
    Effect::new(move |_| {
        if let Some(Ok(_)) = save.value().get() {
            go_to("/admin/promotions");
        }
    });
    let field = BoundFields {
        state,
        prefix: "promo",
    };
    let original = StoredValue::new(original);
    view! {
        <form
            class="grid max-w-3xl gap-4 md:grid-cols-2"
            data-testid="promotion-form"
            novalidate
            on:submit=move |ev| {
                ev.prevent_default();
                save.dispatch(SavePromotion {
                    original: original.get_value(),
                    form: state.get_untracked(),
                });
            }
        >
            <div class="md:col-span-2">
                <ActionError value=save.value() />
            </div>
            {field
                .input(
                    "Code",
                    "code",
                    "text",
                    form.code.clone(),
                    "Shoppers type it at checkout; letters and digits.",
                    |f, v| f.code = v,
                )}
            <div class="flex flex-col gap-1">
                <label for="promo-kind" class="text-sm font-medium">
                    "Offer"
                </label>
                <select
                    id="promo-kind"
                    class=INPUT
                    on:change=move |ev| state.update(|f| f.kind = event_target_value(&ev))
                >
                    {[
                        ("percentage", "Percentage off"),
                        ("fixed", "Amount off"),
                        ("free_shipping", "Free shipping"),
                    ]
                        .into_iter()
                        .map(|(v, l)| {
                            view! {
                                <option value=v selected=form.kind == v>
                                    {l}
                                </option>
                            }
                        })
                        .collect_view()}
                </select>
            </div>
            {field
                .input(
                    "Value",
                    "value",
                    "text",
                    form.value.clone(),
                    "15 for 15%, or 5.00 off; empty for free shipping.",
                    |f, v| f.value = v,
                )}
            {field
                .input(
                    "Minimum subtotal",
                    "min_subtotal",
                    "text",
                    form.min_subtotal.clone(),
                    "Optional, e.g. 50.00.",
                    |f, v| f.min_subtotal = v,
                )}
            <InCurrencies rows=form.in_currencies.clone() state />
            {field.input("Starts", "starts", "date", form.starts.clone(), "", |f, v| f.starts = v)}
            {field
                .input("Ends (last day)", "ends", "date", form.ends.clone(), "", |f, v| f.ends = v)}
            {field
                .input(
                    "Total uses",
                    "usage_limit",
                    "text",
                    form.usage_limit.clone(),
                    "Empty for no limit.",
                    |f, v| f.usage_limit = v,
                )}
            {field
                .input(
                    "Uses per customer",
                    "per_customer_limit",
                    "text",
                    form.per_customer_limit.clone(),
                    "Empty for no limit.",
                    |f, v| f.per_customer_limit = v,
                )}
            <div class="flex items-center gap-2">
                <input
                    id="promo-active"
                    type="checkbox"
                    checked=form.active
                    on:change=move |ev| state.update(|f| f.active = event_target_checked(&ev))
                />
                <label for="promo-active" class="text-sm">
                    "Active"
                </label>
            </div>
            <div class="md:col-span-2">
                <button
                    type="submit"
                    disabled=move || save.pending().get()
                    class="rounded-md bg-slate-900 px-4 py-2 text-sm font-semibold text-white disabled:opacity-60"
                >
                    "Save code"
                </button>
            </div>
        </form>
    }
}

/// The amount off and the minimum set by hand in each other currency the
/// shop sells in; empty converts from the amounts above.
#[component]
fn InCurrencies(rows: Vec<PromotionAmountsForm>, state: RwSignal<PromotionForm>) -> impl IntoView {
    if rows.is_empty() {
        return None;
    }
    let cell = move |i: usize,
                     currency: &str,
                     label: &'static str,
                     name: &'static str,
                     value: String,
                     set: fn(&mut PromotionAmountsForm, String)| {
        let id = format!("promo-{name}-{currency}");
        view! {
            <div class="flex flex-col gap-1">
                <label for=id.clone() class="text-sm font-medium">
                    {format!("{label} in {currency}")}
                </label>
                <input
                    id=id
                    class=INPUT
                    inputmode="decimal"
                    placeholder="converted"
                    value=value
                    on:input=move |ev| {
                        let v = event_target_value(&ev);
                        state
                            .update(|f| {
                                if let Some(row) = f.in_currencies.get_mut(i) {
                                    set(row, v);
                                }
                            })
                    }
                />
            </div>
        }
    };
    Some(view! {
        <fieldset class="grid gap-4 md:col-span-2 md:grid-cols-2" data-testid="promo-in-currencies">
            <legend class="mb-1 text-sm text-slate-600">
                "In other currencies: an empty field converts from the amounts above; an amount off is for amount-off codes."
            </legend>
            {rows
                .into_iter()
                .enumerate()
                .map(|(i, r)| {
                    let c = r.currency.clone();
                    view! {
                        {cell(i, &c, "Amount off", "value", r.value, |f, v| f.value = v)}
                        {cell(
                            i,
                            &c,
                            "Minimum subtotal",
                            "min",
                            r.min_subtotal,
                            |f, v| f.min_subtotal = v,
                        )}
                    }
                })
                .collect_view()}
        </fieldset>
    })
}
