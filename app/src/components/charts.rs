//! Charts drawn on the server as SVG: no chart library in the bundle. Each
//! has a title and description for screen readers and the numbers in a
//! visually hidden table.
use leptos::prelude::*;

use model::dashboard::{BarView, DayView};

const W: f64 = 640.0;
const H: f64 = 200.0;
const PAD: f64 = 24.0;

/// Revenue per day as bars, orders per day as a line.
#[component]
pub fn DailyChart(series: Vec<DayView>) -> impl IntoView {
    let n = series.len().max(1) as f64;
    let max_rev = series
        .iter()
        .map(|d| d.revenue_minor)
        .max()
        .unwrap_or(0)
        .max(1) as f64;
    let max_orders = series.iter().map(|d| d.orders).max().unwrap_or(0).max(1) as f64;
    let step = (W - 2.0 * PAD) / n;
    let bar_w = (step * 0.7).max(1.0);
    let total_orders: u64 = series.iter().map(|d| d.orders).sum();
    let bars = series
        .iter()
        .enumerate()
        .map(|(i, d)| {
            let h = (d.revenue_minor.max(0) as f64 / max_rev) * (H - 2.0 * PAD);
            let x = PAD + i as f64 * step + (step - bar_w) / 2.0;
            view! {
                <rect
                    x=format!("{x:.1}")
                    y=format!("{:.1}", H - PAD - h)
                    width=format!("{bar_w:.1}")
                    height=format!("{h:.1}")
                    class="fill-sky-500"
                >
                    <title>
                        {format!("{}: {} revenue, {} orders", d.label, d.revenue, d.orders)}
                    </title>
                </rect>
            }
        })
        .collect_view();
    let line: String = series
        .iter()
        .enumerate()
        .map(|(i, d)| {
            let x = PAD + i as f64 * step + step / 2.0;
            let y = H - PAD - (d.orders as f64 / max_orders) * (H - 2.0 * PAD);
            format!("{x:.1},{y:.1}")
        })
        .collect::<Vec<_>>()
        .join(" ");
    let first = series.first().map(|d| d.label.clone()).unwrap_or_default();
    let last = series.last().map(|d| d.label.clone()).unwrap_or_default();
    view! {
        <figure class="rounded-lg border border-slate-200 p-4" data-testid="chart-daily">
            <figcaption class="mb-2 flex items-center gap-4 text-sm font-semibold">
                "Revenue and orders per day"
                <span class="flex items-center gap-1 text-xs font-normal text-slate-500">
                    <span class="inline-block h-2 w-3 bg-sky-500"></span>
                    "revenue"
                </span> <span class="flex items-center gap-1 text-xs font-normal text-slate-500">
                    <span class="inline-block h-0.5 w-3 bg-amber-500"></span>
                    "orders"
                </span>
            </figcaption>
            <svg
                viewBox=format!("0 0 {W} {H}")
                role="img"
                aria-labelledby="daily-title daily-desc"
                class="h-auto w-full"
            >
                <title id="daily-title">"Revenue and orders per day"</title>
                <desc id="daily-desc">
                    {format!(
                        "{} days from {first} to {last}; {total_orders} orders in all.",
                        series.len(),
                    )}
                </desc>
                <line x1=PAD y1=H - PAD x2=W - PAD y2=H - PAD class="stroke-slate-300" />
                {bars}
                <polyline points=line fill="none" class="stroke-amber-500" stroke-width="2" />
                <text x=PAD y=H - 6.0 class="fill-slate-500 text-[10px]">
                    {first}
                </text>
                <text x=W - PAD y=H - 6.0 text-anchor="end" class="fill-slate-500 text-[10px]">
                    {last}
                </text>
            </svg>
            <table class="sr-only">
                <caption>"Revenue and orders per day"</caption>
                <thead>
                    <tr>
                        <th>"Day"</th>
                        <th>"Revenue"</th>
                        <th>"Orders"</th>
                    </tr>
                </thead>
                <tbody>
                    {series
                        .into_iter()
                        .map(|d| {
                            view! {
                                <tr>
                                    <td>{d.label}</td>
                                    <td>{d.revenue}</td>
                                    <td>{d.orders}</td>
                                </tr>
                            }
                        })
                        .collect_view()}
                </tbody>
            </table>
        </figure>
    }
}

/// Labelled horizontal bars (top products, searches, the checkout funnel).
#[component]
pub fn BarList(title: &'static str, rows: Vec<BarView>, testid: &'static str) -> impl IntoView {
    let max = rows.iter().map(|r| r.value).max().unwrap_or(0).max(1) as f64;
    view! {
        <figure class="rounded-lg border border-slate-200 p-4" data-testid=testid>
            <figcaption class="mb-3 text-sm font-semibold">{title}</figcaption>
            {if rows.is_empty() {
                view! { <p class="text-sm text-slate-500">"Nothing in this period."</p> }.into_any()
            } else {
                view! {
                    <ul class="flex flex-col gap-2">
                        {rows
                            .into_iter()
                            .map(|r| {
                                let pct = (r.value.max(0) as f64 / max * 100.0).round();
                                view! {
                                    <li class="text-sm">
                                        <div class="flex justify-between gap-2">
                                            <span class="truncate">{r.label}</span>
                                            <span class="text-slate-600">{r.display}</span>
                                        </div>
                                        <svg
                                            viewBox="0 0 100 6"
                                            preserveAspectRatio="none"
                                            aria-hidden="true"
                                            class="mt-1 h-1.5 w-full"
                                        >
                                            <rect
                                                x="0"
                                                y="0"
                                                width="100"
                                                height="6"
                                                class="fill-slate-100"
                                            />
                                            <rect
                                                x="0"
                                                y="0"
                                                width=format!("{pct}")
                                                height="6"
                                                class="fill-sky-500"
                                            />
                                        </svg>
                                    </li>
                                }
                            })
                            .collect_view()}
                    </ul>
                }
                    .into_any()
            }}
        </figure>
    }
}
