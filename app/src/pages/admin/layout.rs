use leptos::prelude::*;
use leptos_meta::{Meta, Title};

use crate::components::session::{use_current_user, RequireUser};

const SECTIONS: &[(&str, &str)] = &[
    ("/admin", "Dashboard"),
    ("/admin/orders", "Orders"),
    ("/admin/products", "Products"),
    ("/admin/categories", "Categories"),
    ("/admin/inventory", "Inventory"),
    ("/admin/customers", "Customers"),
    ("/admin/promotions", "Promotions"),
    ("/admin/search", "Search"),
    ("/admin/settings", "Settings"),
    ("/admin/staff", "Staff"),
    ("/admin/audit", "Audit log"),
];

/// The frame of every admin page: staff only, with the admin navigation.
/// The server functions check permissions themselves; this only keeps
/// customers from a page they could not use.
#[component]
pub fn AdminLayout(title: &'static str, children: ChildrenFn) -> impl IntoView {
    let user = use_current_user();
    let children = StoredValue::new(children);
    view! {
        <Title text=title />
        <Meta name="robots" content="noindex" />
        <RequireUser>
            <Suspense>
                {move || Suspend::new(async move {
                    let staff = user.0.await.ok().flatten().is_some_and(|u| u.is_staff());
                    if !staff {
                        #[cfg(feature = "ssr")]
                        if let Some(res) = use_context::<leptos_axum::ResponseOptions>() {
                            res.set_status(http::StatusCode::FORBIDDEN);
                        }
                        return view! {
                            <p role="alert" data-testid="admin-forbidden">"This area is for shop staff."</p>
                        }.into_any();
                    }
                    view! {
                        <div class="grid gap-8 md:grid-cols-[12rem_1fr]">
                            <nav aria-label="Admin" class="flex flex-col gap-1">
                                <p class="px-3 text-xs font-semibold uppercase tracking-wide text-slate-500">"Admin"</p>
                                {SECTIONS.iter().map(|(href, label)| view! {
                                    <a href=*href class="rounded-md px-3 py-2 text-sm font-medium text-slate-700 hover:bg-slate-100">{*label}</a>
                                }).collect_view()}
                            </nav>
                            <section>
                                <h1 class="mb-6 text-2xl font-bold tracking-tight">{title}</h1>
                                {children.with_value(|c| c())}
                            </section>
                        </div>
                    }.into_any()
                })}
            </Suspense>
        </RequireUser>
    }
}

/// The reporting period from `?days=` (30 by default).
pub fn days_param(query: Memo<leptos_router::params::ParamsMap>) -> u32 {
    query
        .read()
        .get("days")
        .and_then(|d| d.parse::<u32>().ok())
        .unwrap_or(30)
}

/// Links to the same report over the last 7, 30 or 90 days.
#[component]
pub fn PeriodNav(days: u32, base: &'static str) -> impl IntoView {
    view! {
        <nav aria-label="Period" class="mb-6 flex gap-2 text-sm">
            {[7u32, 30, 90].into_iter().map(|n| view! {
                <a href=format!("{base}?days={n}") aria-current=(n == days).then_some("true")
                    class=if n == days { "rounded-md bg-slate-900 px-3 py-1 text-white" } else { "rounded-md px-3 py-1 hover:bg-slate-100" }>
                    {format!("Last {n} days")}
                </a>
            }).collect_view()}
        </nav>
    }
}
