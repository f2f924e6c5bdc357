//! `/admin/customers` (search) and `/admin/customers/:id` (orders,
//! addresses, disable/enable, GDPR export and erasure on request).
use leptos::prelude::*;
use leptos_router::hooks::{use_params_map, use_query_map};

use super::layout::AdminPage;
use super::orders::confirm;
use super::staff::AccessForm;
use crate::api::staff::{
    customer_detail, list_customers, EraseCustomer, GrantStoreCredit, SetCustomerDisabled,
    SetStaffAccess,
};
use crate::components::forms::{error_text, go_to, successes, ActionError, Field, Submit};
use crate::components::order_detail::date;
use crate::components::pager::Pager;
use leptos::form::ActionForm;
use model::url::encode;

#[component]
pub fn AdminCustomersPage() -> impl IntoView {
    let query = use_query_map();
    let q = move || query.read().get("q").unwrap_or_default();
    let page = move || {
        query
            .read()
            .get("page")
            .and_then(|p| p.parse().ok())
            .unwrap_or(1u64)
    };
    let list = Resource::new_blocking(
        move || (q(), page()),
        |(q, p)| list_customers(Some(q), Some(p)),
    );
    view! {
        <AdminPage title="Customers">
            <form
                method="get"
                action="/admin/customers"
                role="search"
                class="mb-4 flex items-end gap-3"
            >
                <label class="flex flex-col text-xs text-slate-600">
                    "Email or name"
                    <input
                        name="q"
                        type="search"
                        value=q
                        class="rounded-md border border-slate-300 px-2 py-1.5 text-sm"
                    />
                </label>
                <button
                    type="submit"
                    class="rounded-md border border-slate-300 px-3 py-1.5 text-sm"
                >
                    "Search"
                </button>
            </form>
            <Transition>
                {move || Suspend::new(async move {
                    match list.await {
                        Err(e) => view! { <p role="alert">{error_text(&e)}</p> }.into_any(),
                        Ok(p) => {
                            let q = q();
                            let pages = p.total.div_ceil(50).max(1);
                            view! {
                                <p class="mb-2 text-sm text-slate-500">
                                    {format!("{} accounts", p.total)}
                                </p>
                                <table class="w-full text-sm" data-testid="customer-list">
                                    <thead class="text-left text-slate-500">
                                        <tr>
                                            <th>"Email"</th>
                                            <th>"Name"</th>
                                            <th>"Role"</th>
                                            <th>"Since"</th>
                                            <th>"Status"</th>
                                        </tr>
                                    </thead>
                                    <tbody>
                                        {p
                                            .customers
                                            .into_iter()
                                            .map(|c| {
                                                view! {
                                                    <tr class="border-t border-slate-200">
                                                        <td class="py-2">
                                                            <a
                                                                class="underline"
                                                                href=format!("/admin/customers/{}", c.id)
                                                            >
                                                                {c.email.clone()}
                                                            </a>
                                                        </td>
                                                        <td>{c.name.clone()}</td>
                                                        <td>{c.role.as_str()}</td>
                                                        <td>{date(c.created_at)}</td>
                                                        <td>{if c.disabled { "Disabled" } else { "Active" }}</td>
                                                    </tr>
                                                }
                                            })
                                            .collect_view()}
                                    </tbody>
                                </table>
                                <div class="mt-4">
                                    <Pager
                                        page=p.page
                                        page_count=pages
                                        href=move |n| {
                                            format!("/admin/customers?q={}&page={n}", encode(&q))
                                        }
                                    />
                                </div>
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
pub fn AdminCustomerPage() -> impl IntoView {
    let params = use_params_map();
    let id = move || params.read().get("id").unwrap_or_default();
    let status = ServerAction::<SetCustomerDisabled>::new();
    let erase = ServerAction::<EraseCustomer>::new();
    let access = ServerAction::<SetStaffAccess>::new();
    let credit = ServerAction::<GrantStoreCredit>::new();
    let credited = successes(credit);
    Effect::new(move |_| {
        if let Some(Ok(())) = erase.value().get() {
            go_to("/admin/customers");
        }
    });
    let detail = Resource::new_blocking(
        move || (id(), status.version().get(), credited.get()),
        |(id, _, _)| customer_detail(id),
    );
    view! {
        <AdminPage title="Customer">
            <nav aria-label="Breadcrumb" class="mb-4 text-sm text-slate-500">
                <a href="/admin/customers" class="underline">
                    "Customers"
                </a>
                " › "
                <span aria-current="page">"Customer"</span>
            </nav>
            <ActionError value=status.value() />
            <ActionError value=erase.value() />
            <ActionError value=access.value() />
            <ActionError value=credit.value() />
            <Transition>
                {move || Suspend::new(async move {
                    let d = match detail.await {
                        Ok(d) => d,
                        Err(e) => return view! { <p role="alert">{error_text(&e)}</p> }.into_any(),
                    };
                    let c = d.customer.clone();
                    let (id_toggle, id_erase, id_credit) = (
                        c.id.clone(),
                        c.id.clone(),
                        c.id.clone(),
                    );
                    let is_customer = c.role == model::Role::Customer;
                    let balance = d
                        .store_credit
                        .map_or_else(|| "None yet".to_owned(), |m| m.format());
                    let disabled = c.disabled;
                    view! {
                        <section class="mb-8 grid gap-2 text-sm" data-testid="customer-detail">
                            <p class="text-lg font-semibold">{c.email.clone()}</p>
                            <p>
                                {format!(
                                    "{} · {} · customer since {}",
                                    if c.name.is_empty() { "No name given" } else { &c.name },
                                    c.role.as_str(),
                                    date(c.created_at),
                                )}
                            </p>
                            <p>
                                {if d.phone.is_empty() {
                                    "No phone".to_owned()
                                } else {
                                    d.phone.clone()
                                }}
                            </p>
                            <p>
                                {format!(
                                    "Email verified: {} · Two-factor: {} · Marketing emails: {}",
                                    if c.email_verified { "yes" } else { "no" },
                                    if c.two_factor_enabled { "on" } else { "off" },
                                    if d.marketing_opt_in { "yes" } else { "no" },
                                )}
                            </p>
                            <p data-testid="customer-status">
                                {if disabled { "Disabled: can't sign in" } else { "Active" }}
                            </p>
                        </section>
                        <section class="mb-8">
                            <h2 class="mb-2 text-lg font-semibold">"Orders"</h2>
                            {if d.orders.is_empty() {
                                view! { <p class="text-sm text-slate-500">"No orders yet."</p> }
                                    .into_any()
                            } else {
                                view! {
                                    <table class="w-full text-sm">
                                        <tbody>
                                            {d
                                                .orders
                                                .iter()
                                                .map(|o| {
                                                    view! {
                                                        <tr class="border-t border-slate-200">
                                                            <td class="py-1">
                                                                <a
                                                                    class="underline"
                                                                    href=format!("/admin/orders/{}", o.number)
                                                                >
                                                                    {o.number.clone()}
                                                                </a>
                                                            </td>
                                                            <td>{date(o.placed_at)}</td>
                                                            <td>{o.status.label()}</td>
                                                            <td class="text-right">{o.total.format()}</td>
                                                        </tr>
                                                    }
                                                })
                                                .collect_view()}
                                        </tbody>
                                    </table>
                                }
                                    .into_any()
                            }}
                        </section>
                        {is_customer
                            .then(|| {
                                view! {
                                    <section
                                        class="mb-8"
                                        aria-labelledby="credit-h"
                                        data-testid="store-credit"
                                    >
                                        <h2 id="credit-h" class="mb-2 text-lg font-semibold">
                                            "Store credit"
                                        </h2>
                                        <p class="mb-2 text-sm" data-testid="store-credit-balance">
                                            {balance}
                                        </p>
                                        <ActionForm
                                            action=credit
                                            attr:class="flex flex-wrap items-end gap-3"
                                        >
                                            <input type="hidden" name="id" value=id_credit />
                                            <Field
                                                label="Amount to add"
                                                name="amount"
                                                hint="In the shop's currency, e.g. 25.00."
                                            />
                                            <Field label="Why (optional)" name="note" required=false />
                                            <Submit
                                                label="Add store credit"
                                                pending=credit.pending().into()
                                            />
                                        </ActionForm>
                                    </section>
                                }
                            })}
                        <section class="mb-8">
                            <h2 class="mb-2 text-lg font-semibold">"Addresses"</h2>
                            {d
                                .addresses
                                .iter()
                                .map(|a| view! { <p class="text-sm">{a.one_line()}</p> })
                                .collect_view()}
                        </section>
                        <section class="mb-8" aria-labelledby="access-h">
                            <h2 id="access-h" class="mb-2 text-lg font-semibold">
                                "Admin access"
                            </h2>
                            <p class="mb-2 text-xs text-slate-500">
                                "Only admins can change this."
                            </p>
                            <AccessForm
                                action=access
                                user_id=c.id.clone()
                                role=c.role
                                permissions=c.permissions.clone()
                            />
                        </section>
                        <section
                            class="flex flex-wrap items-start gap-3"
                            aria-label="Account actions"
                        >
                            <button
                                type="button"
                                class="rounded-md border border-slate-300 px-3 py-2 text-sm"
                                on:click=move |_| {
                                    let ask = if disabled {
                                        "Enable this account again?"
                                    } else {
                                        "Disable this account? The customer is signed out everywhere and can't sign in."
                                    };
                                    if confirm(ask) {
                                        status
                                            .dispatch(SetCustomerDisabled {
                                                id: id_toggle.clone(),
                                                disabled: !disabled,
                                            });
                                    }
                                }
                            >
                                {if disabled { "Enable account" } else { "Disable account" }}
                            </button>
                            <form method="post" action=format!("/admin/customers/{}/export", c.id)>
                                <button
                                    type="submit"
                                    class="rounded-md border border-slate-300 px-3 py-2 text-sm"
                                >
                                    "Download their data (GDPR)"
                                </button>
                            </form>
                            <button
                                type="button"
                                class="rounded-md border border-red-300 px-3 py-2 text-sm text-red-800"
                                on:click=move |_| {
                                    if confirm(
                                        "Erase this customer's personal data? This can't be undone. Orders stay, without their name and address.",
                                    ) {
                                        erase
                                            .dispatch(EraseCustomer {
                                                id: id_erase.clone(),
                                            });
                                    }
                                }
                            >
                                "Erase their data (GDPR)"
                            </button>
                        </section>
                    }
                        .into_any()
                })}
            </Transition>
        </AdminPage>
    }
}
