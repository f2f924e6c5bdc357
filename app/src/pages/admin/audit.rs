//! `/admin/audit`: every staff change, newest first, searchable.
use leptos::prelude::*;
use leptos_router::hooks::use_query_map;

use super::layout::AdminPage;
use crate::api::audit::staff_audit_log;
use crate::components::order_detail::date_time;
use crate::components::pager::Pager;
use model::url::encode;

#[component]
pub fn AdminAuditPage() -> impl IntoView {
    let query = use_query_map();
    let data = Resource::new_blocking(
        move || {
            let q = query.read();
            (
                q.get("q").unwrap_or_default(),
                q.get("page")
                    .and_then(|p| p.parse::<u64>().ok())
                    .unwrap_or(1),
            )
        },
        |(q, page)| staff_audit_log(q, page),
    );
    view! {
        <AdminPage title="Audit log">
            <Suspense>
                {move || Suspend::new(async move {
                    match data.await {
                        Err(e) => {
                            view! { <p role="alert">{crate::components::forms::error_text(&e)}</p> }
                                .into_any()
                        }
                        Ok(p) => {
                            let q = p.q.clone();
                            let href = move |n: u64| {
                                format!("/admin/audit?q={}&page={n}", encode(&q))
                            };
                            view! {
                                <form
                                    method="get"
                                    action="/admin/audit"
                                    role="search"
                                    class="mb-4 flex gap-2"
                                >
                                    <label for="audit-q" class="sr-only">
                                        "Search the audit log"
                                    </label>
                                    <input
                                        id="audit-q"
                                        name="q"
                                        type="search"
                                        value=p.q.clone()
                                        placeholder="Action, order number, slug or staff email"
                                        class="w-80 rounded-md border border-slate-300 px-3 py-2 text-sm"
                                    />
                                    <button
                                        type="submit"
                                        class="rounded-md bg-slate-900 px-4 py-2 text-sm font-medium text-white"
                                    >
                                        "Search"
                                    </button>
                                </form>
                                <p class="mb-2 text-sm text-slate-600">
                                    {format!("{} entries", p.total)}
                                </p>
                                <table class="w-full text-sm" data-testid="audit-log">
                                    <thead class="text-left text-slate-500">
                                        <tr>
                                            <th>"When"</th>
                                            <th>"Who"</th>
                                            <th>"Action"</th>
                                            <th>"On"</th>
                                            <th>"Before"</th>
                                            <th>"After"</th>
                                        </tr>
                                    </thead>
                                    <tbody>
                                        {p
                                            .entries
                                            .into_iter()
                                            .map(|e| {
                                                view! {
                                                    <tr class="border-t border-slate-200 align-top">
                                                        <td class="whitespace-nowrap py-1.5 pr-2">
                                                            {format!("{} UTC", date_time(e.at))}
                                                        </td>
                                                        <td class="pr-2">{e.who}</td>
                                                        <td class="pr-2 font-mono">{e.action}</td>
                                                        <td class="pr-2">
                                                            {format!("{} {}", e.entity, e.entity_ref)}
                                                        </td>
                                                        <td class="pr-2 font-mono text-xs text-slate-600">
                                                            {e.before.unwrap_or_default()}
                                                        </td>
                                                        <td class="font-mono text-xs">
                                                            {e.after.unwrap_or_default()}
                                                        </td>
                                                    </tr>
                                                }
                                            })
                                            .collect_view()}
                                    </tbody>
                                </table>
                                <Pager page=p.page page_count=p.page_count href=href />
                            }
                                .into_any()
                        }
                    }
                })}
            </Suspense>
        </AdminPage>
    }
}
