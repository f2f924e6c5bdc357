use leptos::form::ActionForm;
use leptos::prelude::*;
use leptos_router::hooks::{use_params_map, use_query_map};
use model::OrderStatus;

use super::layout::AdminPage;
use crate::api::orders::{
    carriers, get_order, staff_orders, AdvanceOrder, CancelOrder, RefundOrder, ShipOrder,
};
use crate::components::forms::{ActionError, Field, Submit};
use crate::components::order_detail::{date, OrderDetail};
use crate::components::pager::Pager;
use model::commerce::OrderListQuery;
use model::url::encode;

/// `/admin/orders`: search by number or email, filters in the URL.
#[component]
pub fn AdminOrdersPage() -> impl IntoView {
    let params = use_query_map();
    let query = Memo::new(move |_| {
        let p = params.read();
        let get = |k: &str| p.get(k).unwrap_or_default();
        OrderListQuery {
            q: get("q"),
            status: get("status"),
            from: get("from"),
            to: get("to"),
            min_total: get("min_total"),
            max_total: get("max_total"),
            page: get("page").parse().unwrap_or(1),
        }
    });
    let orders = Resource::new_blocking(move || query.get(), staff_orders);
    view! {
        <AdminPage title="Orders">
            <Transition>
                {move || Suspend::new(async move {
                    match orders.await {
                        Err(e) => {
                            view! { <p role="alert">{crate::components::forms::error_text(&e)}</p> }
                                .into_any()
                        }
                        Ok(list) => {
                            let q = query.get_untracked();
                            let field = |
                                label: &'static str,
                                name: &'static str,
                                value: String,
                                kind: &'static str|
                            {
                                view! {
                                    <label class="flex flex-col text-xs text-slate-600">
                                        {label}
                                        <input
                                            name=name
                                            type=kind
                                            value=value
                                            class="rounded-md border border-slate-300 px-2 py-1.5 text-sm"
                                        />
                                    </label>
                                }
                            };
                            view! {
                                <form
                                    method="get"
                                    action="/admin/orders"
                                    role="search"
                                    class="mb-4 flex flex-wrap items-end gap-3"
                                    data-testid="order-filters"
                                >
                                    {field("Number or email", "q", q.q.clone(), "search")}
                                    <label class="flex flex-col text-xs text-slate-600">
                                        "Status"
                                        <select
                                            name="status"
                                            class="rounded-md border border-slate-300 px-2 py-1.5 text-sm"
                                        >
                                            <option value="">"Any"</option>
                                            {list
                                                .statuses
                                                .iter()
                                                .map(|(v, l)| {
                                                    view! {
                                                        <option value=v.clone() selected=q.status == *v>
                                                            {l.clone()}
                                                        </option>
                                                    }
                                                })
                                                .collect_view()}
                                        </select>
                                    </label>
                                    {field("From", "from", q.from.clone(), "date")}
                                    {field("To", "to", q.to.clone(), "date")}
                                    {field(
                                        "Total at least",
                                        "min_total",
                                        q.min_total.clone(),
                                        "text",
                                    )}
                                    {field(
                                        "Total at most",
                                        "max_total",
                                        q.max_total.clone(),
                                        "text",
                                    )}
                                    <button
                                        type="submit"
                                        class="rounded-md border border-slate-300 px-3 py-1.5 text-sm"
                                    >
                                        "Apply"
                                    </button>
                                </form>
                                <p class="mb-2 text-sm text-slate-500">
                                    {format!("{} orders", list.total)}
                                </p>
                                <table class="w-full text-sm" data-testid="admin-order-list">
                                    <thead class="text-left text-slate-500">
                                        <tr>
                                            <th>"Order"</th>
                                            <th>"Customer"</th>
                                            <th>"Placed"</th>
                                            <th>"Status"</th>
                                            <th class="text-right">"Total"</th>
                                        </tr>
                                    </thead>
                                    <tbody>
                                        {list
                                            .rows
                                            .into_iter()
                                            .map(|o| {
                                                view! {
                                                    <tr class="border-t border-slate-200">
                                                        <td class="py-2">
                                                            <a
                                                                class="underline"
                                                                href=format!("/admin/orders/{}", o.number)
                                                            >
                                                                {o.number.clone()}
                                                            </a>
                                                        </td>
                                                        <td>{o.email.clone()}</td>
                                                        <td>{date(o.placed_at)}</td>
                                                        <td>{o.status_label.clone()}</td>
                                                        <td class="text-right">{o.total.format()}</td>
                                                    </tr>
                                                }
                                            })
                                            .collect_view()}
                                    </tbody>
                                </table>
                                <div class="mt-4">
                                    <Pager
                                        page=list.page
                                        page_count=list.pages
                                        href=move |n| orders_href(&q, n)
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

fn orders_href(q: &OrderListQuery, page: u64) -> String {
    format!(
        "/admin/orders?q={}&status={}&from={}&to={}&min_total={}&max_total={}&page={page}",
        encode(&q.q),
        encode(&q.status),
        encode(&q.from),
        encode(&q.to),
        encode(&q.min_total),
        encode(&q.max_total)
    )
}

/// One order with the actions its state allows.
#[component]
pub fn AdminOrderPage() -> impl IntoView {
    let params = use_params_map();
    let ship = ServerAction::<ShipOrder>::new();
    let advance = ServerAction::<AdvanceOrder>::new();
    let cancel = ServerAction::<CancelOrder>::new();
    let refund = ServerAction::<RefundOrder>::new();
    let returns_changed = RwSignal::new(0usize);
    let order = Resource::new_blocking(
        move || {
            (
                params.read().get("number").unwrap_or_default(),
                ship.version().get()
                    + advance.version().get()
                    + cancel.version().get()
                    + refund.version().get()
                    + returns_changed.get(),
            )
        },
        |(n, _)| get_order(n),
    );
    let carrier_list = Resource::new_blocking(|| (), |_| carriers());
    view! {
        <AdminPage title="Order">
            <Transition>
                {move || Suspend::new(async move {
                    let o = match order.await {
                        Ok(o) => o,
                        Err(e) => {
                            return view! {
                                <p role="alert">{crate::components::forms::error_text(&e)}</p>
                            }
                                .into_any();
                        }
                    };
                    let number = o.number.clone();
                    let status = o.status;
                    let step = |to: OrderStatus, label: &'static str| {
                        let number = number.clone();
                        view! {
                            <button
                                type="button"
                                class="rounded-md border border-slate-300 px-3 py-2 text-sm"
                                on:click=move |_| {
                                    advance
                                        .dispatch(AdvanceOrder {
                                            number: number.clone(),
                                            status: to,
                                        });
                                }
                            >
                                {label}
                            </button>
                        }
                    };
                    let can_ship = super::ship_form::can_ship(&o);
                    let carriers = carrier_list.await.unwrap_or_default();
                    let refundable = o.refunded.minor < o.total.minor
                        && !matches!(status, OrderStatus::PendingPayment | OrderStatus::Refunded);
                    let n_cancel = number.clone();
                    let n_refund = number.clone();
                    view! {
                        <p class="mb-4 flex gap-4 text-sm print:hidden">
                            <a
                                class="underline"
                                href=format!("/admin/orders/{}/packing-slip", o.number)
                                data-testid="packing-slip-link"
                            >
                                "Packing slip"
                            </a>
                            {o
                                .has_invoice
                                .then(|| {
                                    view! {
                                        <a
                                            class="underline"
                                            href=format!("/orders/{}/invoice", o.public_id)
                                        >
                                            "Invoice"
                                        </a>
                                    }
                                })}
                        </p>
                        <OrderDetail order=o.clone() />
                        <div class="mt-8 flex flex-col gap-6" data-testid="order-actions">
                            <ActionError value=advance.value() />
                            <ActionError value=cancel.value() />
                            <div class="flex flex-wrap gap-3">
                                {(status == OrderStatus::Paid)
                                    .then(|| step(OrderStatus::Processing, "Mark processing"))}
                                {(status == OrderStatus::Shipped)
                                    .then(|| step(OrderStatus::Delivered, "Mark delivered"))}
                                {(status == OrderStatus::ReturnRequested)
                                    .then(|| step(OrderStatus::Returned, "Return received"))}
                                {o
                                    .can_cancel
                                    .then(|| {
                                        view! {
                                            <button
                                                type="button"
                                                class="rounded-md border border-red-300 px-3 py-2 text-sm text-red-800"
                                                on:click=move |_| {
                                                    if confirm(
                                                        "Cancel this order? Stock goes back and any payment is refunded.",
                                                    ) {
                                                        cancel
                                                            .dispatch(CancelOrder {
                                                                number: n_cancel.clone(),
                                                            });
                                                    }
                                                }
                                            >
                                                "Cancel order"
                                            </button>
                                        }
                                    })}
                            </div>
                            {can_ship
                                .then(|| {
                                    view! {
                                        <super::ship_form::ShipForm order=o.clone() carriers ship />
                                    }
                                })}
                            {refundable
                                .then(|| {
                                    view! {
                                        <ActionForm
                                            action=refund
                                            attr:class="flex max-w-md flex-col gap-3"
                                            attr:data-testid="refund-form"
                                        >
                                            <ActionError value=refund.value() />
                                            <input type="hidden" name="number" value=n_refund.clone() />
                                            <Field
                                                label="Refund amount"
                                                name="amount"
                                                hint="Up to what was paid and not yet refunded, e.g. 12.50."
                                            />
                                            <super::refund_to::RefundToSelect />
                                            <Submit label="Refund" pending=refund.pending().into() />
                                        </ActionForm>
                                    }
                                })}
                        </div>
                    }
                        .into_any()
                })}
            </Transition>
            <super::order_returns::StaffReturns
                number=params.read_untracked().get("number").unwrap_or_default()
                changed=returns_changed
            />
        </AdminPage>
    }
}

/// Asks before a destructive action (the browser's own dialog: keyboard
/// accessible and announced).
pub(super) fn confirm(message: &str) -> bool {
    #[cfg(feature = "hydrate")]
    {
        window().confirm_with_message(message).unwrap_or(false)
    }
    #[cfg(not(feature = "hydrate"))]
    {
        let _ = message;
        false
    }
}
