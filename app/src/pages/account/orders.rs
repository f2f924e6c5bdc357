use leptos::prelude::*;
use leptos_router::hooks::{use_params_map, use_query_map};

use super::layout::AccountLayout;
use super::order_returns::{returns_panel, OrderReturns};
use crate::api::orders::{get_order, my_orders, CancelOrder};
use crate::api::returns::RequestReturn;
use crate::components::forms::ActionError;
use crate::components::order_detail::OrderDetail;
use crate::components::pager::Pager;
use crate::locale::use_i18n;

#[component]
pub fn OrdersPage() -> impl IntoView {
    let i = use_i18n();
    let query = use_query_map();
    let page = move || {
        query
            .read()
            .get("page")
            .and_then(|p| p.parse::<u64>().ok())
            .unwrap_or(1)
    };
    let orders = Resource::new_blocking(page, |p| my_orders(Some(p)));
    view! {
        <AccountLayout title=i.t("account-nav-orders")>
            <Suspense>
                {move || Suspend::new(async move {
                    let history = orders.await.unwrap_or_default();
                    let (page, pages) = (history.page, history.pages);
                    let list = history.orders;
                    if list.is_empty() {
                        return view! {
                            <p>
                                {i.t("account-orders-empty")} " "
                                <a href=i.href("/") class="underline">
                                    {i.t("account-orders-start-shopping")}
                                </a>
                            </p>
                        }
                            .into_any();
                    }
                    view! {
                        <table class="w-full text-sm" data-testid="order-list">
                            <thead class="text-left text-slate-500">
                                <tr>
                                    <th>{i.t("account-orders-col-order")}</th>
                                    <th>{i.t("account-orders-col-placed")}</th>
                                    <th>{i.t("account-orders-col-items")}</th>
                                    <th>{i.t("account-orders-col-status")}</th>
                                    <th class="text-right">{i.t("account-orders-col-total")}</th>
                                </tr>
                            </thead>
                            <tbody>
                                {list
                                    .into_iter()
                                    .map(|o| {
                                        view! {
                                            <tr class="border-t border-slate-200">
                                                <td class="py-2">
                                                    <a
                                                        class="underline"
                                                        href=i.href(&format!("/account/orders/{}", o.number))
                                                    >
                                                        {o.number.clone()}
                                                    </a>
                                                </td>
                                                <td>{i.date(o.placed_at)}</td>
                                                <td>{o.item_count}</td>
                                                <td>{o.status_label.clone()}</td>
                                                <td class="text-right">{i.money(&o.total)}</td>
                                            </tr>
                                        }
                                    })
                                    .collect_view()}
                            </tbody>
                        </table>
                        <Pager
                            page=page
                            page_count=pages
                            href=move |n| i.href(&format!("/account/orders?page={n}"))
                        />
                    }
                        .into_any()
                })}
            </Suspense>
        </AccountLayout>
    }
}

#[component]
pub fn OrderPage() -> impl IntoView {
    let i = use_i18n();
    let params = use_params_map();
    let cancel = ServerAction::<CancelOrder>::new();
    let ask = ServerAction::<RequestReturn>::new();
    let returns = returns_panel(move || params.read().get("number").unwrap_or_default(), ask);
    let order = Resource::new_blocking(
        move || {
            (
                params.read().get("number").unwrap_or_default(),
                cancel.version().get(),
            )
        },
        |(n, _)| get_order(n),
    );
    view! {
        <AccountLayout title=i.t("account-order-title")>
            <Transition>
                {move || Suspend::new(async move {
                    match order.await {
                        Err(e) => {
                            view! { <p role="alert">{crate::components::forms::error_text(&e)}</p> }
                                .into_any()
                        }
                        Ok(o) => {
                            let number = o.number.clone();
                            let n2 = o.number.clone();
                            view! {
                                <OrderDetail order=o.clone() />
                                <ActionError value=cancel.value() />
                                {o
                                    .can_cancel
                                    .then(|| {
                                        view! {
                                            <button
                                                type="button"
                                                class="mt-6 rounded-md border border-red-300 px-3 py-2 text-sm text-red-800"
                                                data-testid="cancel-order"
                                                on:click=move |_| {
                                                    cancel
                                                        .dispatch(CancelOrder {
                                                            number: number.clone(),
                                                        });
                                                }
                                            >
                                                {i.t("account-order-cancel")}
                                            </button>
                                        }
                                    })}
                                <OrderReturns number=n2 panel=returns ask />
                            }
                                .into_any()
                        }
                    }
                })}
            </Transition>
        </AccountLayout>
    }
}
