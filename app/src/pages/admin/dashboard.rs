//! `/admin`: how the shop is doing over a period, against the period before.
use leptos::prelude::*;
use leptos_router::hooks::use_query_map;

use super::layout::{days_param, AdminPage, PeriodNav};
use crate::api::analytics::staff_dashboard;
use crate::components::charts::{BarList, DailyChart};
use model::dashboard::{CartRemindersView, DashboardView, KpiView};

#[component]
pub fn AdminDashboardPage() -> impl IntoView {
    let query = use_query_map();
    let data = Resource::new_blocking(move || days_param(query), staff_dashboard);
    view! {
        <AdminPage title="Dashboard">
            <Suspense>
                {move || Suspend::new(async move {
                    match data.await {
                        Err(e) => {
                            view! { <p role="alert">{crate::components::forms::error_text(&e)}</p> }
                                .into_any()
                        }
                        Ok(d) => view! { <Dashboard d /> }.into_any(),
                    }
                })}
            </Suspense>
        </AdminPage>
    }
}

#[component]
fn Dashboard(d: DashboardView) -> impl IntoView {
    view! {
        <PeriodNav days=d.days base="/admin" />
        <ul class="mb-8 grid gap-4 sm:grid-cols-2 lg:grid-cols-5" data-testid="kpis">
            {d.kpis.into_iter().map(|k| view! { <Kpi k /> }).collect_view()}
        </ul>
        <div class="mb-8">
            <DailyChart series=d.series />
        </div>
        <div class="grid gap-6 lg:grid-cols-2">
            <BarList title="Top products" rows=d.top_products testid="top-products" />
            <BarList title="Checkout funnel (visits)" rows=d.funnel testid="funnel" />
            <BarList title="Top searches" rows=d.top_searches testid="dash-top-searches" />
            <BarList
                title="Searches with no results"
                rows=d.zero_searches
                testid="dash-zero-searches"
            />
        </div>
        <section class="mt-8" aria-labelledby="low-stock">
            <h2 id="low-stock" class="mb-2 font-semibold">
                "Low stock"
            </h2>
            {if d.low_stock.is_empty() {
                view! { <p class="text-sm text-slate-500">"Nothing is running low."</p> }.into_any()
            } else {
                view! {
                    <table class="w-full text-sm" data-testid="low-stock">
                        <thead class="text-left text-slate-500">
                            <tr>
                                <th>"SKU"</th>
                                <th>"Product"</th>
                                <th>"Warehouse"</th>
                                <th class="text-right">"Available"</th>
                                <th class="text-right">"Alert at"</th>
                            </tr>
                        </thead>
                        <tbody>
                            {d
                                .low_stock
                                .into_iter()
                                .map(|l| {
                                    view! {
                                        <tr class="border-t border-slate-200">
                                            <td class="py-1.5 font-mono">{l.sku}</td>
                                            <td>
                                                <a
                                                    class="underline"
                                                    href=format!("/admin/products/{}", l.slug)
                                                >
                                                    {l.title}
                                                </a>
                                            </td>
                                            <td>{l.warehouse}</td>
                                            <td class=if l.available <= 0 {
                                                "text-right font-semibold text-red-700"
                                            } else {
                                                "text-right"
                                            }>{l.available}</td>
                                            <td class="text-right text-slate-500">{l.threshold}</td>
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
        <CartReminders r=d.cart_reminders />
        <section class="mt-8" aria-labelledby="returns-rate">
            <h2 id="returns-rate" class="mb-2 font-semibold">
                "Returns"
            </h2>
            <p class="text-sm" data-testid="return-rate">
                {format!(
                    "{} returns asked for: {} of {} units sold ({})",
                    d.returns.returns,
                    d.returns.units_returned,
                    d.returns.units_sold,
                    d.returns.rate,
                )}
            </p>
        </section>
    }
}

/// Reminder mails sent in the period and what came of them (settings turn
/// them on).
#[component]
fn CartReminders(r: CartRemindersView) -> impl IntoView {
    let cell = |label: &'static str, value: String, key: &'static str| {
        view! {
            <div class="rounded-lg border border-slate-200 p-3">
                <dt class="text-xs font-semibold uppercase tracking-wide text-slate-500">
                    {label}
                </dt>
                <dd class="mt-1 text-lg font-bold" data-reminders=key>
                    {value}
                </dd>
            </div>
        }
    };
    view! {
        <section class="mt-8" aria-labelledby="cart-reminders">
            <h2 id="cart-reminders" class="mb-2 font-semibold">
                "Cart reminders"
            </h2>
            <dl class="grid gap-4 sm:grid-cols-2 lg:grid-cols-4" data-testid="cart-reminders">
                {cell("Sent", r.sent.to_string(), "sent")}
                {cell("Back to the cart", r.restored.to_string(), "restored")}
                {cell("Ordered", format!("{} ({})", r.ordered, r.ordered_rate), "ordered")}
                {cell("Recovered revenue", r.recovered, "recovered")}
            </dl>
            <p class="mt-2 text-xs text-slate-500">
                "One mail per cart left with items; the delay is set under "
                <a class="underline" href="/admin/settings">
                    "Settings"
                </a> "."
            </p>
        </section>
    }
}

#[component]
fn Kpi(k: KpiView) -> impl IntoView {
    view! {
        <li class="rounded-lg border border-slate-200 p-4" data-kpi=k.key.clone()>
            <p class="text-xs font-semibold uppercase tracking-wide text-slate-500">
                {k.label.clone()}
            </p>
            <p class="mt-1 text-2xl font-bold" data-testid="kpi-value">
                {k.value.clone()}
            </p>
            <p class="mt-1 text-xs text-slate-500">
                {k
                    .change
                    .clone()
                    .map(|c| {
                        view! {
                            <span class=if k.up {
                                "mr-1 font-semibold text-emerald-700"
                            } else {
                                "mr-1 font-semibold text-red-700"
                            }>{c}</span>
                        }
                    })} {format!("vs {} the period before", k.previous)}
            </p>
        </li>
    }
}
