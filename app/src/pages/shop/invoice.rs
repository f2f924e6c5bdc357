use leptos::prelude::*;
use leptos_meta::{Meta, Title};
use leptos_router::hooks::use_params_map;

use crate::api::orders::get_order_by_id;
use crate::components::order_detail::OrderTotals;
use crate::components::site::use_site;
use crate::locale::use_i18n;

/// A printable invoice (the browser's "Save as PDF" makes the PDF); the
/// layout's header and footer are hidden by the print stylesheet.
#[component]
pub fn InvoicePage() -> impl IntoView {
    let i = use_i18n();
    let params = use_params_map();
    let order = Resource::new_blocking(
        move || params.read().get("id").unwrap_or_default(),
        get_order_by_id,
    );
    let site = use_site();
    view! {
        <Title text=i.t("checkout-invoice") />
        <Meta name="robots" content="noindex" />
        <Suspense>
            {move || Suspend::new(async move {
                let shop = site.identity().name;
                match order.await {
                    Ok(o) if o.has_invoice => {
                        view! {
                            <article
                                class="invoice mx-auto max-w-3xl bg-white p-8 text-sm"
                                data-testid="invoice"
                            >
                                <header class="mb-8 flex justify-between">
                                    <div>
                                        <p class="text-xl font-bold">{shop}</p>
                                    </div>
                                    <div class="text-right">
                                        <p class="text-xl font-semibold">
                                            {i.t("checkout-invoice")}
                                        </p>
                                        <p>
                                            {i
                                                .f(
                                                    "checkout-invoice-order",
                                                    &[("number", o.number.as_str().into())],
                                                )}
                                        </p>
                                        <p>
                                            {i
                                                .f(
                                                    "checkout-invoice-date",
                                                    &[("date", (&i.date(o.placed_at)).into())],
                                                )}
                                        </p>
                                    </div>
                                </header>
                                <section class="mb-6">
                                    <p class="font-semibold">{i.t("checkout-bill-to")}</p>
                                    {o
                                        .address_lines
                                        .iter()
                                        .map(|l| view! { <p>{l.clone()}</p> })
                                        .collect_view()}
                                    <p>{o.email.clone()}</p>
                                </section>
                                <table class="mb-6 w-full">
                                    <thead>
                                        <tr class="border-b text-left">
                                            <th>{i.t("checkout-col-item")}</th>
                                            <th>{i.t("checkout-col-sku")}</th>
                                            <th class="text-right">{i.t("checkout-col-qty")}</th>
                                            <th class="text-right">{i.t("checkout-col-unit")}</th>
                                            <th class="text-right">{i.t("checkout-col-amount")}</th>
                                        </tr>
                                    </thead>
                                    <tbody>
                                        {o
                                            .lines
                                            .iter()
                                            .map(|l| {
                                                view! {
                                                    <tr class="border-b">
                                                        <td>
                                                            {format!(
                                                                "{} — {}",
                                                                l.title,
                                                                site.variant_title(&l.variant_title),
                                                            )}
                                                        </td>
                                                        <td>{l.sku.clone()}</td>
                                                        <td class="text-right">{l.quantity}</td>
                                                        <td class="text-right">{i.money(&l.unit_price)}</td>
                                                        <td class="text-right">{i.money(&l.line_total)}</td>
                                                    </tr>
                                                }
                                            })
                                            .collect_view()}
                                    </tbody>
                                </table>
                                <div class="ml-auto max-w-xs">
                                    <OrderTotals order=o.clone() />
                                </div>
                                <p class="no-print mt-8">
                                    <button
                                        type="button"
                                        class="underline"
                                        on:click=move |_| print_page()
                                    >
                                        {i.t("checkout-print")}
                                    </button>
                                </p>
                            </article>
                        }
                            .into_any()
                    }
                    Ok(_) => view! { <p>{i.t("checkout-invoice-unavailable")}</p> }.into_any(),
                    Err(e) => {
                        view! { <p role="alert">{crate::components::forms::error_text(&e)}</p> }
                            .into_any()
                    }
                }
            })}
        </Suspense>
    }
}

fn print_page() {
    #[cfg(feature = "hydrate")]
    {
        let _ = window().print();
    }
}
