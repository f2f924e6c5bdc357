//! An order's lines, totals, address, tracking and timeline — shared by the
//! confirmation page, the account's order page and guest lookup.
use leptos::prelude::*;

use crate::locale::use_i18n;
use model::commerce::OrderView;

pub use model::dates::{date, date_time};

#[component]
pub fn OrderTotals(order: OrderView) -> impl IntoView {
    let i = use_i18n();
    view! {
        <dl class="grid grid-cols-2 gap-1 text-sm" data-testid="order-totals">
            <dt>{i.t("checkout-subtotal")}</dt>
            <dd class="text-right">{i.money(&order.subtotal)}</dd>
            {(order.discount.minor > 0)
                .then(|| {
                    view! {
                        <dt>
                            {i
                                .f(
                                    "checkout-order-discount",
                                    &[
                                        (
                                            "code",
                                            order.promotion_code.as_deref().unwrap_or_default().into(),
                                        ),
                                    ],
                                )}
                        </dt>
                        <dd class="text-right">{format!("−{}", i.money(&order.discount))}</dd>
                    }
                })}
            <dt>
                {i
                    .f(
                        "checkout-order-shipping",
                        &[("method", order.shipping_method.as_str().into())],
                    )}
            </dt>
            <dd class="text-right">{i.money(&order.shipping)}</dd>
            <dt>
                {if order.prices_include_tax {
                    i.t("checkout-tax-included")
                } else {
                    i.t("checkout-tax")
                }}
            </dt>
            <dd class="text-right">{i.money(&order.tax)}</dd>
            <dt class="font-semibold">{i.t("checkout-total")}</dt>
            <dd class="text-right font-semibold" data-testid="order-total">
                {i.money(&order.total)}
            </dd>
            {order
                .paid_with
                .iter()
                .map(|p| {
                    view! {
                        <dt class="text-slate-600">
                            {i.f("checkout-paid-with", &[("method", p.label.as_str().into())])}
                        </dt>
                        <dd class="text-right text-slate-600" data-testid="paid-with">
                            {i.money(&p.amount)}
                        </dd>
                    }
                })
                .collect_view()}
            {(order.refunded.minor > 0)
                .then(|| {
                    view! {
                        <dt>{i.t("checkout-refunded")}</dt>
                        <dd class="text-right">{i.money(&order.refunded)}</dd>
                    }
                })}
        </dl>
    }
}

#[component]
pub fn OrderDetail(order: OrderView) -> impl IntoView {
    let i = use_i18n();
    let site = crate::components::site::use_site();
    view! {
        <div class="grid gap-8 md:grid-cols-[1fr_18rem]">
            <div class="flex flex-col gap-6">
                <p>
                    {i.t("checkout-order")} " "
                    <strong data-testid="order-number">{order.number.clone()}</strong> " · "
                    {i.f("checkout-order-placed", &[("date", (&i.date(order.placed_at)).into())])}
                    " · " <span data-testid="order-status">{order.status_label.clone()}</span>
                </p>
                <table class="w-full text-sm">
                    <thead class="text-left text-slate-500">
                        <tr>
                            <th>{i.t("checkout-col-item")}</th>
                            <th>{i.t("checkout-col-qty")}</th>
                            <th class="text-right">{i.t("checkout-col-price")}</th>
                        </tr>
                    </thead>
                    <tbody>
                        {order
                            .lines
                            .iter()
                            .map(|l| {
                                view! {
                                    <tr class="border-t border-slate-200">
                                        <td class="py-2">
                                            {l.title.clone()}<br />
                                            <span
                                                class="text-slate-500"
                                                data-testid="order-line-variant"
                                            >
                                                {format!(
                                                    "{} · {}",
                                                    site.variant_title(&l.variant_title),
                                                    l.sku,
                                                )}
                                            </span>
                                        </td>
                                        <td>
                                            {l.quantity}
                                            {(l.shipped > 0 && l.shipped < l.quantity)
                                                .then(|| {
                                                    view! {
                                                        <span class="block text-xs text-slate-500">
                                                            {i
                                                                .f("checkout-line-shipped", &[("count", l.shipped.into())])}
                                                        </span>
                                                    }
                                                })}
                                        </td>
                                        <td class="text-right">{i.money(&l.line_total)}</td>
                                    </tr>
                                }
                            })
                            .collect_view()}
                    </tbody>
                </table>
                <OrderTotals order=order.clone() />
            </div>
            <aside class="flex flex-col gap-4 text-sm">
                <div>
                    <h2 class="font-semibold">{i.t("checkout-shipping-to")}</h2>
                    {order
                        .address_lines
                        .iter()
                        .map(|l| view! { <p>{l.clone()}</p> })
                        .collect_view()}
                </div>
                <Shipments order=order.clone() />
                <div>
                    <h2 class="font-semibold">{i.t("checkout-history")}</h2>
                    <ol class="mt-1 flex flex-col gap-1" data-testid="order-timeline">
                        {order
                            .timeline
                            .iter()
                            .map(|t| {
                                view! {
                                    <li>
                                        {i.date(t.at)} " — " {t.label.clone()}
                                        {(!t.note.is_empty()).then(|| format!(": {}", t.note))}
                                    </li>
                                }
                            })
                            .collect_view()}
                    </ol>
                </div>
                {order
                    .has_invoice
                    .then(|| {
                        view! {
                            <a
                                href=format!("/orders/{}/invoice", order.public_id)
                                rel="external"
                                class="underline"
                            >
                                {i.t("checkout-printable-invoice")}
                            </a>
                        }
                    })}
            </aside>
        </div>
    }
}

/// The order's parcels: carrier, tracking (linked to the carrier's page
/// when it has one) and what each carries.
#[component]
fn Shipments(order: OrderView) -> impl IntoView {
    let i = use_i18n();
    (!order.shipments.is_empty()).then(|| {
        view! {
            <div data-testid="shipments">
                <h2 class="font-semibold">{i.t("checkout-shipments")}</h2>
                <ol class="mt-1 flex flex-col gap-3">
                    {order
                        .shipments
                        .into_iter()
                        .map(|s| {
                            let number = s.tracking_number.clone();
                            view! {
                                <li data-testid="shipment">
                                    <p>{i.date(s.shipped_at)} " · " {s.carrier}</p>
                                    <p>
                                        {i.t("checkout-tracking-number")} " "
                                        {match s.tracking_url {
                                            Some(url) => {
                                                view! {
                                                    <a
                                                        href=url
                                                        rel="external noopener noreferrer"
                                                        target="_blank"
                                                        class="font-semibold underline"
                                                        data-testid="tracking-number"
                                                    >
                                                        {number}
                                                    </a>
                                                }
                                                    .into_any()
                                            }
                                            None => {
                                                view! {
                                                    <strong data-testid="tracking-number">{number}</strong>
                                                }
                                                    .into_any()
                                            }
                                        }}
                                    </p>
                                    <ul class="text-slate-600">
                                        {s
                                            .lines
                                            .into_iter()
                                            .map(|l| {
                                                view! {
                                                    <li>{format!("{} × {}", l.quantity, l.title)}</li>
                                                }
                                            })
                                            .collect_view()}
                                    </ul>
                                </li>
                            }
                        })
                        .collect_view()}
                </ol>
            </div>
        }
    })
}
