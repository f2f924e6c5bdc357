//! `/admin/search`: what shoppers search for, and what they don't find.
use leptos::prelude::*;
use leptos_router::hooks::use_query_map;

use super::layout::{days_param, AdminPage, PeriodNav};
use crate::api::search::staff_search_report;
use model::search::{QueryCount, SearchRequest};

#[component]
pub fn AdminSearchPage() -> impl IntoView {
    let query = use_query_map();
    let report = Resource::new_blocking(move || days_param(query), staff_search_report);
    view! {
        <AdminPage title="Search">
            <Suspense>
                {move || Suspend::new(async move {
                    match report.await {
                        Err(e) => {
                            view! { <p role="alert">{crate::components::forms::error_text(&e)}</p> }
                                .into_any()
                        }
                        Ok(r) => {
                            view! {
                                <PeriodNav days=r.days base="/admin/search" />
                                <p class="mb-6 text-sm text-slate-600" data-testid="search-total">
                                    {format!(
                                        "{} searches in the last {} days · engine: {}",
                                        r.searches,
                                        r.days,
                                        r.engine,
                                    )}
                                </p>
                                <div class="grid gap-8 lg:grid-cols-2">
                                    <QueryTable
                                        title="Top searches"
                                        rows=r.top
                                        testid="top-searches"
                                    />
                                    <QueryTable
                                        title="Searches with no results"
                                        rows=r.zero_results
                                        testid="zero-result-searches"
                                    />
                                </div>
                            }
                                .into_any()
                        }
                    }
                })}
            </Suspense>
        </AdminPage>
    }
}

#[component]
fn QueryTable(title: &'static str, rows: Vec<QueryCount>, testid: &'static str) -> impl IntoView {
    view! {
        <section>
            <h2 class="mb-2 font-semibold">{title}</h2>
            {if rows.is_empty() {
                view! { <p class="text-sm text-slate-500">"None yet."</p> }.into_any()
            } else {
                view! {
                    <table class="w-full text-sm" data-testid=testid>
                        <thead class="text-left text-slate-500">
                            <tr>
                                <th>"Query"</th>
                                <th class="text-right">"Searches"</th>
                                <th class="text-right">"Clicks"</th>
                            </tr>
                        </thead>
                        <tbody>
                            {rows
                                .into_iter()
                                .map(|q| {
                                    view! {
                                        <tr class="border-t border-slate-200">
                                            <td class="py-1.5">
                                                <a
                                                    class="underline"
                                                    href=SearchRequest {
                                                        text: q.query.clone(),
                                                        ..Default::default()
                                                    }
                                                        .href()
                                                >
                                                    {q.query.clone()}
                                                </a>
                                            </td>
                                            <td class="text-right">{q.searches}</td>
                                            <td class="text-right">{q.clicks}</td>
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
    }
}
