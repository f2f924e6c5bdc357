use leptos::form::ActionForm;
use leptos::prelude::*;

use super::layout::AccountLayout;
use crate::api::account::{get_addresses, DeleteAddress, SaveAddress};
use crate::components::forms::{ActionError, Checkbox, Field, Issues, Submit};
use crate::locale::use_i18n;
use model::accounts::Address;

#[component]
pub fn AddressesPage() -> impl IntoView {
    let i = use_i18n();
    let save = ServerAction::<SaveAddress>::new();
    let delete = ServerAction::<DeleteAddress>::new();
    // Reloaded after a successful save only: a refused one keeps the open
    // form, with what was typed and each issue beside its field.
    let saved = RwSignal::new(0_u32);
    let book = Resource::new(
        move || (saved.get(), delete.version().get()),
        |_| get_addresses(),
    );
    // Which form is open: None, Some("") for a new address, Some(id) to edit.
    let editing = RwSignal::new(None::<String>);
    Effect::new(move |_| {
        if let Some(Ok(_)) = save.value().get() {
            editing.set(None);
            saved.update(|n| *n += 1);
        }
    });
    view! {
        <AccountLayout title=i.t("account-nav-addresses")>
            <Suspense>
                {move || Suspend::new(async move {
                    let book = book.await.ok()?;
                    let list = book.addresses.clone();
                    Some(
                        view! {
                            <ActionError value=delete.value() />
                            <ul class="grid gap-4 sm:grid-cols-2" data-testid="address-list">
                                {list
                                    .into_iter()
                                    .map(|a| {
                                        let id = a.id.clone();
                                        let edit_id = a.id.clone();
                                        view! {
                                            <li class="rounded-lg border border-slate-200 p-4 text-sm">
                                                <AddressLines address=a.clone() />
                                                <div class="mt-3 flex gap-3">
                                                    <button
                                                        type="button"
                                                        class="underline"
                                                        on:click=move |_| editing.set(Some(edit_id.clone()))
                                                    >
                                                        {i.t("account-address-edit")}
                                                    </button>
                                                    <button
                                                        type="button"
                                                        class="underline text-red-700"
                                                        on:click=move |_| {
                                                            delete.dispatch(DeleteAddress { id: id.clone() });
                                                        }
                                                    >
                                                        {i.t("account-address-delete")}
                                                    </button>
                                                </div>
                                            </li>
                                        }
                                    })
                                    .collect_view()}
                            </ul>
                            <button
                                type="button"
                                class="mt-4 rounded-md border border-slate-300 px-3 py-2 text-sm"
                                on:click=move |_| editing.set(Some(String::new()))
                            >
                                {i.t("account-address-add")}
                            </button>
                            {move || {
                                editing
                                    .get()
                                    .map(|id| {
                                        let existing = book
                                            .addresses
                                            .iter()
                                            .find(|a| a.id == id)
                                            .cloned()
                                            .unwrap_or_default();
                                        view! { <AddressForm save address=existing /> }
                                    })
                            }}
                        },
                    )
                })}
            </Suspense>
        </AccountLayout>
    }
}

#[component]
fn AddressLines(address: Address) -> impl IntoView {
    let i = use_i18n();
    view! {
        <p class="font-medium">{address.full_name}</p>
        {(!address.company.is_empty()).then(|| view! { <p>{address.company.clone()}</p> })}
        <p>{address.line1}</p>
        {(!address.line2.is_empty()).then(|| view! { <p>{address.line2.clone()}</p> })}
        <p>{format!("{} {} {}", address.city, address.region, address.postal_code)}</p>
        <p>{i.country(&address.country)}</p>
        <p class="mt-2 flex gap-2 text-xs">
            {address
                .is_default_shipping
                .then(|| {
                    view! {
                        <span class="rounded bg-slate-100 px-2 py-0.5">
                            {i.t("account-address-default-shipping-badge")}
                        </span>
                    }
                })}
            {address
                .is_default_billing
                .then(|| {
                    view! {
                        <span class="rounded bg-slate-100 px-2 py-0.5">
                            {i.t("account-address-default-billing-badge")}
                        </span>
                    }
                })}
        </p>
    }
}

#[component]
fn AddressForm(save: ServerAction<SaveAddress>, address: Address) -> impl IntoView {
    let i = use_i18n();
    let selected = if address.country.is_empty() {
        "US".to_owned()
    } else {
        address.country.clone()
    };
    Issues::of(save.value()).provide();
    view! {
        <ActionForm
            action=save
            attr:class="mt-6 grid max-w-xl gap-4"
            attr:data-testid="address-form"
        >
            <ActionError value=save.value() />
            <input type="hidden" name="id" value=address.id.clone() />
            <Field
                label=i.t("account-address-full-name")
                name="full_name"
                autocomplete="name"
                value=address.full_name.clone()
            />
            <Field
                label=i.t("account-address-company")
                name="company"
                autocomplete="organization"
                value=address.company.clone()
                required=false
            />
            <Field
                label=i.t("account-address-line1")
                name="line1"
                autocomplete="address-line1"
                value=address.line1.clone()
            />
            <Field
                label=i.t("account-address-line2")
                name="line2"
                autocomplete="address-line2"
                value=address.line2.clone()
                required=false
            />
            <Field
                label=i.t("account-address-city")
                name="city"
                autocomplete="address-level2"
                value=address.city.clone()
            />
            <Field
                label=i.t("account-address-region")
                name="region"
                autocomplete="address-level1"
                value=address.region.clone()
                required=false
            />
            <Field
                label=i.t("account-address-postal-code")
                name="postal_code"
                autocomplete="postal-code"
                value=address.postal_code.clone()
                required=false
            />
            <div class="flex flex-col gap-1">
                <label for="f-country" class="text-sm font-medium">
                    {i.t("account-address-country")}
                </label>
                <select
                    id="f-country"
                    name="country"
                    autocomplete="country"
                    class="rounded-md border border-slate-300 px-3 py-2"
                >
                    {model::countries::COUNTRIES
                        .iter()
                        .map(|c| {
                            let code = c.code;
                            let is_selected = code == selected;
                            let name = i.country(code);
                            view! {
                                <option value=code selected=is_selected>
                                    {name}
                                </option>
                            }
                        })
                        .collect_view()}
                </select>
            </div>
            <Field
                label=i.t("account-field-phone")
                name="phone"
                kind="tel"
                autocomplete="tel"
                value=address.phone.clone()
                required=false
            />
            <Checkbox
                label=i.t("account-address-default-shipping")
                name="is_default_shipping"
                checked=address.is_default_shipping
            />
            <Checkbox
                label=i.t("account-address-default-billing")
                name="is_default_billing"
                checked=address.is_default_billing
            />
            <Submit label=i.t("account-address-save") pending=save.pending().into() />
        </ActionForm>
    }
}
