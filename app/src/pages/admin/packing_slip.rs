//! `/admin/orders/:number/packing-slip`: what goes in the box and where it
//! goes, without prices — printed from the browser.
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_params_map;

use crate::api::orders::get_order;
use crate::components::forms::error_text;
use crate::components::order_detail::date;

#[component]
pub fn AdminPackingSlipPage() -> impl IntoView {
    let params = use_params_map();
    let order = Resource::new_blocking(
        move || params.read().get("number").unwrap_or_default(),
        get_order,
    );
    view! {
        <Title text="Packing slip" />
        <Suspense>
            {move || Suspend::new(async move {
                match order.await {
                    Err(e) => view! { <p role="alert">{error_text(&e)}</p> }.into_any(),
                    Ok(o) => {
                        view! {
                            <article
                                class="mx-auto max-w-3xl bg-white p-8 text-sm"
                                data-testid="packing-slip"
                            >
                                <header class="mb-6 flex items-start justify-between">
                                    <div>
                                        <h1 class="text-2xl font-bold">"Packing slip"</h1>
                                        <p>
                                            {format!(
                                                "Order {} · placed {}",
                                                o.number,
                                                date(o.placed_at),
                                            )}
                                        </p>
                                        <p>{format!("Shipping: {}", o.shipping_method)}</p>
                                    </div>
                                    <button
                                        type="button"
                                        class="rounded-md border border-slate-300 px-3 py-1.5 print:hidden"
                                        on:click=|_| print()
                                    >
                                        "Print"
                                    </button>
                                </header>
                                <section class="mb-6">
                                    <h2 class="font-semibold">"Ship to"</h2>
                                    {o
                                        .address_lines
                                        .iter()
                                        .map(|l| view! { <p>{l.clone()}</p> })
                                        .collect_view()}
                                </section>
                                <table class="w-full">
                                    <thead class="text-left text-slate-500">
                                        <tr>
                                            <th>"SKU"</th>
                                            <th>"Item"</th>
                                            <th class="text-right">"Qty"</th>
                                            <th class="w-16 text-right">"Packed"</th>
                                        </tr>
                                    </thead>
                                    <tbody>
                                        {o
                                            .lines
                                            .iter()
                                            .map(|l| {
                                                view! {
                                                    <tr class="border-t border-slate-200">
                                                        <td class="py-2 font-mono">{l.sku.clone()}</td>
                                                        <td>{format!("{} — {}", l.title, l.variant_title)}</td>
                                                        <td class="text-right">{l.quantity}</td>
                                                        <td class="text-right">"☐"</td>
                                                    </tr>
                                                }
                                            })
                                            .collect_view()}
                                    </tbody>
                                </table>
                            </article>
                        }
                            .into_any()
                    }
                }
            })}
        </Suspense>
    }
}

fn print() {
    #[cfg(feature = "hydrate")]
    {
        let _ = window().print();
    }
}
