//! `/admin/settings`: the store profile, shipping methods (add, edit,
//! switch off, delete), tax rates (add or replace, delete), carriers
//! (`carriers.rs`) and what the deployment fixes.
use leptos::form::ActionForm;
use leptos::prelude::*;

use super::currencies_form::CurrenciesEditor;
use super::layout::AdminPage;
use super::orders::confirm;
use super::store_form::StoreEditor;
use crate::api::settings::{
    shop_settings, DeleteShippingMethod, DeleteTaxRate, SaveShippingMethod, SaveTaxRate,
};
use crate::components::forms::{error_text, ActionError, Field, Notice, Submit};
use leptos_router::hooks::use_query_map;
use model::settings::{NameInLocale, ShippingAmountsForm, ShippingMethodForm};

const CELL: &str = "w-full rounded border border-slate-300 px-2 py-1 text-sm";

#[component]
pub fn AdminSettingsPage() -> impl IntoView {
    let save_method = ServerAction::<SaveShippingMethod>::new();
    let delete_method = ServerAction::<DeleteShippingMethod>::new();
    let save_rate = ServerAction::<SaveTaxRate>::new();
    let delete_rate = ServerAction::<DeleteTaxRate>::new();
    let query = use_query_map();
    let saved = move || query.read().get("saved").is_some_and(|s| s == "store");
    let saved_currencies = move || query.read().get("saved").is_some_and(|s| s == "currencies");
    let data = Resource::new_blocking(
        move || {
            save_method.version().get()
                + delete_method.version().get()
                + save_rate.version().get()
                + delete_rate.version().get()
        },
        |_| shop_settings(),
    );
    view! {
        <AdminPage title="Settings">
            <Transition>
                {move || Suspend::new(async move {
                    let s = match data.await {
                        Ok(s) => s,
                        Err(e) => return view! { <p role="alert">{error_text(&e)}</p> }.into_any(),
                    };
                    let mut methods = s.methods.clone();
                    methods
                        .push(ShippingMethodForm {
                            kind: "flat".into(),
                            active: true,
                            in_currencies: s
                                .sold_in
                                .iter()
                                .filter(|(sold, _)| *sold)
                                .map(|(_, p)| ShippingAmountsForm {
                                    currency: p.currency.clone(),
                                    ..Default::default()
                                })
                                .collect(),
                            names: model::Locale::ALL
                                .iter()
                                .filter(|l| **l != model::Locale::En)
                                .map(|l| NameInLocale {
                                    locale: l.code().to_owned(),
                                    name: String::new(),
                                })
                                .collect(),
                            ..Default::default()
                        });
                    view! {
                        <section class="mb-10" aria-labelledby="store-h">
                            <h2 id="store-h" class="mb-2 text-lg font-semibold">
                                "Store"
                            </h2>
                            {saved()
                                .then(|| {
                                    view! {
                                        <div class="mb-3">
                                            <Notice>"Store settings saved."</Notice>
                                        </div>
                                    }
                                })}
                            <StoreEditor form=s.store.clone() currencies=s.currencies.clone() />
                            <dl
                                class="mt-4 grid max-w-xl grid-cols-[12rem_1fr] gap-1 text-sm"
                                data-testid="deployment-settings"
                            >
                                <dt class="text-slate-500">"Prices"</dt>
                                <dd>
                                    {if s.prices_include_tax {
                                        "include tax"
                                    } else {
                                        "exclude tax"
                                    }}
                                </dd>
                                <dt class="text-slate-500">"Address"</dt>
                                <dd>{s.public_url.clone()}</dd>
                            </dl>
                            <p class="mt-2 text-xs text-slate-500">
                                "Set when the shop is deployed (MERCATO_PRICES_INCLUDE_TAX, MERCATO_PUBLIC_URL); see docs/OPERATIONS.md."
                            </p>
                        </section>
                        <section class="mb-10" aria-labelledby="currencies-h">
                            <h2 id="currencies-h" class="mb-2 text-lg font-semibold">
                                "Currencies"
                            </h2>
                            {saved_currencies()
                                .then(|| {
                                    view! {
                                        <div class="mb-3">
                                            <Notice>"Currencies saved."</Notice>
                                        </div>
                                    }
                                })}
                            <CurrenciesEditor
                                base=s.store.currency.clone()
                                rows=s.sold_in.clone()
                            />
                        </section>
                        <section class="mb-10" aria-labelledby="ship-h">
                            <h2 id="ship-h" class="mb-2 text-lg font-semibold">
                                "Shipping methods"
                            </h2>
                            <ActionError value=save_method.value() />
                            <ActionError value=delete_method.value() />
                            <p class="mb-2 text-sm text-slate-600">
                                "The rows \"in\" another currency set a method's amounts in it, e.g. free from €40.00; an empty one converts from the amount above at that currency's rate."
                            </p>
                            <table class="w-full text-sm" data-testid="shipping-methods">
                                <thead class="text-left text-slate-500">
                                    <tr>
                                        <th>"Code"</th>
                                        <th>"Name"</th>
                                        <th>"Kind"</th>
                                        <th>"Price"</th>
                                        <th>"Free from"</th>
                                        <th>"Per kg"</th>
                                        <th>"On"</th>
                                        <th></th>
                                    </tr>
                                </thead>
                                <tbody>
                                    {methods
                                        .into_iter()
                                        .map(|m| {
                                            view! {
                                                <MethodRow form=m save=save_method delete=delete_method />
                                            }
                                        })
                                        .collect_view()}
                                </tbody>
                            </table>
                        </section>
                        <section aria-labelledby="tax-h">
                            <h2 id="tax-h" class="mb-2 text-lg font-semibold">
                                "Tax rates"
                            </h2>
                            <ActionError value=delete_rate.value() />
                            <table class="mb-4 w-full max-w-2xl text-sm" data-testid="tax-rates">
                                <thead class="text-left text-slate-500">
                                    <tr>
                                        <th>"Country"</th>
                                        <th>"Region"</th>
                                        <th class="text-right">"Rate"</th>
                                        <th>"Name"</th>
                                        <th></th>
                                    </tr>
                                </thead>
                                <tbody>
                                    {s
                                        .rates
                                        .iter()
                                        .map(|r| {
                                            let id = r.id;
                                            view! {
                                                <tr class="border-t border-slate-200">
                                                    <td class="py-1">{r.country.clone()}</td>
                                                    <td>
                                                        {if r.region.is_empty() {
                                                            "(all)".to_owned()
                                                        } else {
                                                            r.region.clone()
                                                        }}
                                                    </td>
                                                    <td class="text-right">{format!("{}%", r.percent)}</td>
                                                    <td>{r.name.clone()}</td>
                                                    <td class="text-right">
                                                        <button
                                                            type="button"
                                                            class="text-red-700 underline"
                                                            on:click=move |_| {
                                                                if confirm("Delete this tax rate?") {
                                                                    delete_rate.dispatch(DeleteTaxRate { id });
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
                            <ActionForm
                                action=save_rate
                                attr:class="flex flex-wrap items-end gap-3"
                                attr:data-testid="tax-form"
                            >
                                <ActionError value=save_rate.value() />
                                <label class="flex flex-col text-sm">
                                    "Country"
                                    <select
                                        name="country"
                                        class="rounded-md border border-slate-300 px-3 py-2"
                                    >
                                        {s
                                            .countries
                                            .iter()
                                            .map(|(code, name)| {
                                                view! { <option value=code.clone()>{name.clone()}</option> }
                                            })
                                            .collect_view()}
                                    </select>
                                </label>
                                <Field
                                    label="Region (empty for all)"
                                    name="region"
                                    required=false
                                />
                                <Field label="Rate %" name="percent" />
                                <Field label="Name on invoices" name="name" />
                                <Submit label="Save rate" pending=save_rate.pending().into() />
                            </ActionForm>
                        </section>
                    }
                        .into_any()
                })}
            </Transition>
            // Beside the settings, not inside them: its resource is made
            // when the page is, in the same order on server and browser.
            <super::carriers::CarriersSection />
        </AdminPage>
    }
}

/// One shipping method as an editable row; the last, empty row adds one.
#[component]
fn MethodRow(
    form: ShippingMethodForm,
    save: ServerAction<SaveShippingMethod>,
    delete: ServerAction<DeleteShippingMethod>,
) -> impl IntoView {
    let original = StoredValue::new(form.code.clone());
    let is_new = form.code.is_empty();
    let state = RwSignal::new(form.clone());
    let label = if is_new {
        "new method".to_owned()
    } else {
        form.code.clone()
    };
    let in_currency = move |i: usize,
                            currency: &str,
                            name: &'static str,
                            value: String,
                            set: fn(&mut ShippingAmountsForm, String)| {
        view! {
            <td class="px-1 py-1">
                <input
                    aria-label=format!("{name} in {currency} of {}", original.get_value())
                    placeholder="converted"
                    value=value
                    class=CELL
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
            </td>
        }
    };
    let in_currencies = form
        .in_currencies
        .iter()
        .enumerate()
        .map(|(i, r)| {
            let c = r.currency.clone();
            view! {
                <tr data-testid=format!("shipping-row-{c}")>
                    <td colspan="3" class="px-1 text-right text-xs text-slate-500">
                        {format!("in {c}")}
                    </td>
                    {in_currency(i, &c, "Price", r.price.clone(), |f, v| f.price = v)}
                    {in_currency(i, &c, "Free from", r.threshold.clone(), |f, v| f.threshold = v)}
                    {in_currency(i, &c, "Per kg", r.per_kg.clone(), |f, v| f.per_kg = v)}
                    <td colspan="2"></td>
                </tr>
            }
        })
        .collect_view();
    // Its name in each other language: below the English, in the name's column.
    let names = form
        .names
        .iter()
        .enumerate()
        .map(|(i, n)| {
            let language = model::Locale::from_tag(&n.locale).map_or("", |l| l.label());
            view! {
                <tr data-testid=format!("shipping-name-{}", n.locale)>
                    <td class="px-1 text-right text-xs text-slate-500">
                        {format!("in {language}")}
                    </td>
                    <td class="px-1 py-1">
                        <input
                            aria-label=format!("Name in {language} of {}", original.get_value())
                            placeholder="as in English"
                            value=n.name.clone()
                            class=CELL
                            on:input=move |ev| {
                                let v = event_target_value(&ev);
                                state
                                    .update(|f| {
                                        if let Some(row) = f.names.get_mut(i) {
                                            row.name = v;
                                        }
                                    })
                            }
                        />
                    </td>
                    <td colspan="6"></td>
                </tr>
            }
        })
        .collect_view();
    let input =
        move |name: &'static str, value: String, set: fn(&mut ShippingMethodForm, String)| {
            view! {
                <td class="px-1 py-1">
                    <input
                        aria-label=format!("{name} of {}", original.get_value())
                        value=value
                        class=CELL
                        on:input=move |ev| state.update(|f| set(f, event_target_value(&ev)))
                    />
                </td>
            }
        };
    view! {
        <tr class="border-t border-slate-200" data-testid="shipping-row">
            {input("Code", form.code.clone(), |f, v| f.code = v)}
            {input("Name", form.name.clone(), |f, v| f.name = v)}
            <td class="px-1">
                <select
                    aria-label=format!("Kind of {label}")
                    class=CELL
                    on:change=move |ev| state.update(|f| f.kind = event_target_value(&ev))
                >
                    {[("flat", "Flat"), ("free_over", "Free over"), ("weight", "By weight")]
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
            </td>
            {input("Price", form.price.clone(), |f, v| f.price = v)}
            {input("Free from", form.threshold.clone(), |f, v| f.threshold = v)}
            {input("Per kg", form.per_kg.clone(), |f, v| f.per_kg = v)}
            <td class="px-1">
                <input
                    type="checkbox"
                    aria-label=format!("{label} offered")
                    checked=form.active
                    on:change=move |ev| state.update(|f| f.active = event_target_checked(&ev))
                />
            </td>
            <td class="whitespace-nowrap px-1">
                <button
                    type="button"
                    class="underline"
                    on:click=move |_| {
                        save.dispatch(SaveShippingMethod {
                            original: original.get_value(),
                            form: state.get_untracked(),
                        });
                    }
                >
                    {if is_new { "Add" } else { "Save" }}
                </button>
                {(!is_new)
                    .then(|| {
                        view! {
                            <button
                                type="button"
                                class="ml-2 text-red-700 underline"
                                on:click=move |_| {
                                    if confirm(
                                        "Delete this shipping method? Switching it off keeps it for later.",
                                    ) {
                                        delete
                                            .dispatch(DeleteShippingMethod {
                                                code: original.get_value(),
                                            });
                                    }
                                }
                            >
                                "Delete"
                            </button>
                        }
                    })}
            </td>
        </tr>
        {names}
        {in_currencies}
    }
}
