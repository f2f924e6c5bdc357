use leptos::prelude::*;
use leptos_meta::{Meta, Title};

use leptos_router::components::{Outlet, Redirect};
use leptos_router::hooks::use_location;

use crate::components::session::use_current_user;

const SECTIONS: &[(&str, &str)] = &[
    ("/admin", "Dashboard"),
    ("/admin/orders", "Orders"),
    ("/admin/products", "Products"),
    ("/admin/categories", "Categories"),
    ("/admin/attributes", "Attributes"),
    ("/admin/words", "Words"),
    ("/admin/inventory", "Inventory"),
    ("/admin/customers", "Customers"),
    ("/admin/promotions", "Promotions"),
    ("/admin/gift-cards", "Gift cards"),
    ("/admin/reviews", "Reviews"),
    ("/admin/recommendations", "Recommendations"),
    ("/admin/search", "Search"),
    ("/admin/settings", "Settings"),
    ("/admin/staff", "Staff"),
    ("/admin/api-tokens", "API tokens"),
    ("/admin/webhooks", "Webhooks"),
    ("/admin/audit", "Audit log"),
];

/// The parent route of every admin page: the signed-in user is resolved
/// once here (guests go to sign-in, customers get 403), then the admin
/// navigation and the page in the `<Outlet/>`. The server functions check
/// permissions themselves; this only keeps customers from pages they could
/// not use.
#[component]
pub fn AdminArea() -> impl IntoView {
    let user = use_current_user();
    let location = use_location();
    view! {
        <Meta name="robots" content="noindex" />
        {match user.read() {
            Ok(Some(u)) if u.is_staff() => {
                view! {
                    <div class="grid gap-8 md:grid-cols-[12rem_1fr] print:block">
                        <nav aria-label="Admin" class="flex flex-col gap-1 print:hidden">
                            <p class="px-3 text-xs font-semibold uppercase tracking-wide text-slate-500">
                                "Admin"
                            </p>
                            {SECTIONS
                                .iter()
                                .map(|(href, label)| {
                                    view! {
                                        <a
                                            href=*href
                                            class="rounded-md px-3 py-2 text-sm font-medium text-slate-700 hover:bg-slate-100"
                                        >
                                            {*label}
                                        </a>
                                    }
                                })
                                .collect_view()}
                        </nav>
                        <section>
                            <Outlet />
                        </section>
                    </div>
                }
                    .into_any()
            }
            Ok(Some(_)) => {
                #[cfg(feature = "ssr")]
                if let Some(res) = use_context::<leptos_axum::ResponseOptions>() {
                    res.set_status(http::StatusCode::FORBIDDEN);
                }
                view! {
                    <Title text="Staff only" />
                    <p role="alert" data-testid="admin-forbidden">
                        "This area is for shop staff."
                    </p>
                }
                    .into_any()
            }
            _ => {
                let next = location.pathname.get_untracked();
                let path = format!("/signin?next={}", model::url::encode(&next));
                view! { <Redirect path=path /> }.into_any()
            }
        }}
    }
}

/// One admin page's title and heading.
#[component]
pub fn AdminPage(title: &'static str, children: Children) -> impl IntoView {
    view! {
        <Title text=title />
        <h1 class="mb-6 text-2xl font-bold tracking-tight">{title}</h1>
        {children()}
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
            {[7u32, 30, 90]
                .into_iter()
                .map(|n| {
                    view! {
                        <a
                            href=format!("{base}?days={n}")
                            aria-current=(n == days).then_some("true")
                            class=if n == days {
                                "rounded-md bg-slate-900 px-3 py-1 text-white"
                            } else {
                                "rounded-md px-3 py-1 hover:bg-slate-100"
                            }
                        >
                            {format!("Last {n} days")}
                        </a>
                    }
                })
                .collect_view()}
        </nav>
    }
}
