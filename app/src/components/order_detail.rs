//! An order's lines, totals, address, tracking and timeline — shared by the
//! confirmation page, the account's order page and guest lookup.
use leptos::prelude::*;

use model::commerce::OrderView;

pub use model::dates::{date, date_time};

#[component]
pub fn OrderTotals(order: OrderView) -> impl IntoView {
    view! {
        <dl class="grid grid-cols-2 gap-1 text-sm" data-testid="order-totals">
            <dt>"Subtotal"</dt>
            <dd class="text-right">{order.subtotal.format()}</dd>
            {(order.discount.minor > 0)
                .then(|| {
                    view! {
                        <dt>
                            {format!(
                                "Discount {}",
                                order.promotion_code.clone().unwrap_or_default(),
                            )}
                        </dt>
                        <dd class="text-right">{format!("−{}", order.discount.format())}</dd>
                    }
                })}
            <dt>{format!("Shipping ({})", order.shipping_method)}</dt>
            <dd class="text-right">{order.shipping.format()}</dd>
            <dt>{if order.prices_include_tax { "Tax included" } else { "Tax" }}</dt>
            <dd class="text-right">{order.tax.format()}</dd>
            <dt class="font-semibold">"Total"</dt>
            <dd class="text-right font-semibold" data-testid="order-total">
                {order.total.format()}
            </dd>
            {order
                .paid_with
                .iter()
                .map(|p| {
                    view! {
                        <dt class="text-slate-600">{format!("Paid with {}", p.label)}</dt>
                        <dd class="text-right text-slate-600" data-testid="paid-with">
                            {p.amount.format()}
                        </dd>
                    }
                })
                .collect_view()}
            {(order.refunded.minor > 0)
                .then(|| {
                    view! {
                        <dt>"Refunded"</dt>
                        <dd class="text-right">{order.refunded.format()}</dd>
                    }
                })}
        </dl>
    }
}

#[component]
pub fn OrderDetail(order: OrderView) -> impl IntoView {
    view! {
        <div class="grid gap-8 md:grid-cols-[1fr_18rem]">
            <div class="flex flex-col gap-6">
                <p>
                    "Order " <strong data-testid="order-number">{order.number.clone()}</strong>
                    " · placed " {date(order.placed_at)} " · "
                    <span data-testid="order-status">{order.status_label.clone()}</span>
                </p>
                <table class="w-full text-sm">
                    <thead class="text-left text-slate-500">
                        <tr>
                            <th>"Item"</th>
                            <th>"Qty"</th>
                            <th class="text-right">"Price"</th>
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
                                            <span class="text-slate-500">
                                                {format!("{} · {}", l.variant_title, l.sku)}
                                            </span>
                                        </td>
                                        <td>
                                            {l.quantity}
                                            {(l.shipped > 0 && l.shipped < l.quantity)
                                                .then(|| {
                                                    view! {
                                                        <span class="block text-xs text-slate-500">
                                                            {format!("{} shipped", l.shipped)}
                                                        </span>
                                                    }
                                                })}
                                        </td>
                                        <td class="text-right">{l.line_total.format()}</td>
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
                    <h2 class="font-semibold">"Shipping to"</h2>
                    {order
                        .address_lines
                        .iter()
                        .map(|l| view! { <p>{l.clone()}</p> })
                        .collect_view()}
                </div>
                <Shipments order=order.clone() />
                <div>
                    <h2 class="font-semibold">"History"</h2>
                    <ol class="mt-1 flex flex-col gap-1" data-testid="order-timeline">
                        {order
                            .timeline
                            .iter()
                            .map(|t| {
                                view! {
                                    <li>
                                        {date(t.at)} " — " {t.label.clone()}
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
                                "Printable invoice"
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
    (!order.shipments.is_empty()).then(|| {
        view! {
            <div data-testid="shipments">
                <h2 class="font-semibold">"Shipments"</h2>
                <ol class="mt-1 flex flex-col gap-3">
                    {order
                        .shipments
                        .into_iter()
                        .map(|s| {
                            let number = s.tracking_number.clone();
                            view! {
                                <li data-testid="shipment">
                                    <p>{date(s.shipped_at)} " · " {s.carrier}</p>
                                    <p>
                                        "Tracking number: "
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
