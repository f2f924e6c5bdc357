//! `/admin/inventory`: warehouses, and one variant's stock per warehouse
//! with adjustments (a reason each) and its movement history.
use leptos::form::ActionForm;
use leptos::prelude::*;
use leptos_router::hooks::use_query_map;

use super::layout::AdminPage;
use crate::api::catalog_admin::{staff_warehouses, variant_stock, AdjustStock, ChangeWarehouse};
use crate::components::forms::{error_text, ActionError, Field, Submit};
use crate::components::order_detail::date_time;
use model::inventory::WarehouseAction;

const SELECT: &str = "rounded-md border border-slate-300 px-3 py-2 text-sm";

#[component]
pub fn AdminInventoryPage() -> impl IntoView {
    let query = use_query_map();
    let sku = move || query.read().get("sku").unwrap_or_default();
    let change = ServerAction::<ChangeWarehouse>::new();
    let adjust = ServerAction::<AdjustStock>::new();
    let houses = Resource::new_blocking(
        move || change.version().get() + adjust.version().get(),
        |_| staff_warehouses(),
    );
    let stock = Resource::new_blocking(
        move || (sku(), adjust.version().get()),
        |(s, _)| async move {
            if s.is_empty() {
                Ok(None)
            } else {
                variant_stock(s).await.map(Some)
            }
        },
    );
    view! {
        <AdminPage title="Inventory">
            <section aria-labelledby="wh-h" class="mb-10 flex flex-col gap-3">
                <h2 id="wh-h" class="text-lg font-semibold">
                    "Warehouses"
                </h2>
                <ActionError value=change.value() />
                <Transition>
                    {move || Suspend::new(async move {
                        match houses.await {
                            Err(e) => view! { <p role="alert">{error_text(&e)}</p> }.into_any(),
                            Ok(list) => {
                                view! {
                                    <table
                                        class="w-full max-w-3xl text-sm"
                                        data-testid="warehouses"
                                    >
                                        <thead class="text-left text-slate-500">
                                            <tr>
                                                <th>"Code"</th>
                                                <th>"Name"</th>
                                                <th class="text-right">"Units"</th>
                                                <th></th>
                                            </tr>
                                        </thead>
                                        <tbody>
                                            {list
                                                .into_iter()
                                                .map(|w| {
                                                    let code = w.code.clone();
                                                    view! {
                                                        <tr class="border-t border-slate-200">
                                                            <td class="py-2 font-mono">{w.code.clone()}</td>
                                                            <td>
                                                                <ActionForm action=change attr:class="flex gap-2">
                                                                    <input type="hidden" name="action" value="rename" />
                                                                    <input type="hidden" name="code" value=w.code.clone() />
                                                                    <input
                                                                        name="name"
                                                                        value=w.name.clone()
                                                                        aria-label=format!("Name of {}", w.code)
                                                                        class="rounded border border-slate-300 px-2 py-1"
                                                                    />
                                                                    <button type="submit" class="underline">
                                                                        "Rename"
                                                                    </button>
                                                                </ActionForm>
                                                            </td>
                                                            <td class="text-right">{w.on_hand}</td>
                                                            <td class="text-right">
                                                                <button
                                                                    type="button"
                                                                    class="text-red-700 underline"
                                                                    on:click=move |_| {
                                                                        if super::orders::confirm(
                                                                            "Delete this warehouse? Only an empty one can go.",
                                                                        ) {
                                                                            change
                                                                                .dispatch(ChangeWarehouse {
                                                                                    action: WarehouseAction::Delete,
                                                                                    code: code.clone(),
                                                                                    name: String::new(),
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
                <ActionForm action=change attr:class="flex flex-wrap items-end gap-3">
                    <input type="hidden" name="action" value="create" />
                    <Field label="New warehouse code" name="code" hint="e.g. NORTH" />
                    <Field label="Name" name="name" />
                    <Submit label="Add warehouse" pending=change.pending().into() />
                </ActionForm>
            </section>

            <section aria-labelledby="stock-h" class="flex flex-col gap-3">
                <h2 id="stock-h" class="text-lg font-semibold">
                    "Stock of a variant"
                </h2>
                <form
                    method="get"
                    action="/admin/inventory"
                    class="flex items-end gap-3"
                    role="search"
                >
                    <label class="flex flex-col text-sm">
                        "SKU"
                        <input
                            name="sku"
                            value=sku
                            class="rounded-md border border-slate-300 px-3 py-2"
                        />
                    </label>
                    <button
                        type="submit"
                        class="rounded-md border border-slate-300 px-3 py-2 text-sm"
                    >
                        "Show"
                    </button>
                </form>
                <Transition>
                    {move || Suspend::new(async move {
                        match stock.await {
                            Err(e) => view! { <p role="alert">{error_text(&e)}</p> }.into_any(),
                            Ok(None) => ().into_any(),
                            Ok(Some(s)) => {
                                view! {
                                    <div class="flex flex-col gap-4" data-testid="variant-stock">
                                        <p class="text-sm">
                                            <a
                                                class="underline"
                                                href=format!("/admin/products/{}", s.product_slug)
                                            >
                                                {s.product_title.clone()}
                                            </a>
                                            {format!(" — {} ({})", s.variant_title, s.sku)}
                                        </p>
                                        <table class="max-w-xl text-sm">
                                            <thead class="text-left text-slate-500">
                                                <tr>
                                                    <th>"Warehouse"</th>
                                                    <th class="text-right">"On hand"</th>
                                                    <th class="text-right">"Held for checkouts"</th>
                                                </tr>
                                            </thead>
                                            <tbody>
                                                {s
                                                    .levels
                                                    .iter()
                                                    .map(|l| {
                                                        view! {
                                                            <tr class="border-t border-slate-200">
                                                                <td class="py-1">{l.warehouse_name.clone()}</td>
                                                                <td class="text-right">{l.on_hand}</td>
                                                                <td class="text-right">{l.reserved}</td>
                                                            </tr>
                                                        }
                                                    })
                                                    .collect_view()}
                                            </tbody>
                                        </table>
                                        <ActionForm
                                            action=adjust
                                            attr:class="flex flex-wrap items-end gap-3"
                                            attr:data-testid="adjust-form"
                                        >
                                            <input type="hidden" name="sku" value=s.sku.clone() />
                                            <label class="flex flex-col text-sm">
                                                "Warehouse" <select name="warehouse" class=SELECT>
                                                    {s
                                                        .levels
                                                        .iter()
                                                        .map(|l| {
                                                            view! {
                                                                <option value=l
                                                                    .warehouse
                                                                    .clone()>{l.warehouse_name.clone()}</option>
                                                            }
                                                        })
                                                        .collect_view()}
                                                </select>
                                            </label>
                                            <Field label="Units (+ adds, − removes)" name="delta" />
                                            <label class="flex flex-col text-sm">
                                                "Reason" <select name="reason" class=SELECT>
                                                    <option value="received">"Received from a supplier"</option>
                                                    <option value="damaged">"Damaged or lost"</option>
                                                    <option value="correction">"Stock count correction"</option>
                                                </select>
                                            </label>
                                            <Field label="Note" name="note" required=false />
                                            <Submit
                                                label="Adjust stock"
                                                pending=adjust.pending().into()
                                            />
                                        </ActionForm>
                                        <ActionError value=adjust.value() />
                                        <h3 class="font-semibold">"History"</h3>
                                        <table class="w-full text-sm" data-testid="movements">
                                            <thead class="text-left text-slate-500">
                                                <tr>
                                                    <th>"When"</th>
                                                    <th>"Warehouse"</th>
                                                    <th class="text-right">"Change"</th>
                                                    <th class="text-right">"After"</th>
                                                    <th>"Reason"</th>
                                                    <th>"Note"</th>
                                                    <th>"By"</th>
                                                </tr>
                                            </thead>
                                            <tbody>
                                                {s
                                                    .movements
                                                    .into_iter()
                                                    .map(|m| {
                                                        view! {
                                                            <tr class="border-t border-slate-200">
                                                                <td class="py-1">{date_time(m.at)}</td>
                                                                <td>{m.warehouse}</td>
                                                                <td class="text-right">{format!("{:+}", m.delta)}</td>
                                                                <td class="text-right">{m.on_hand_after}</td>
                                                                <td>{m.reason}</td>
                                                                <td>{m.note}</td>
                                                                <td>{m.by}</td>
                                                            </tr>
                                                        }
                                                    })
                                                    .collect_view()}
                                            </tbody>
                                        </table>
                                    </div>
                                }
                                    .into_any()
                            }
                        }
                    })}
                </Transition>
            </section>
        </AdminPage>
    }
}
