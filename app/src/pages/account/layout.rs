use leptos::prelude::*;
use leptos_meta::{Meta, Title};
use leptos_router::hooks::use_location;

use crate::api::session::Logout;
use crate::components::forms::go_to;
use crate::components::session::RequireUser;
use crate::locale::{use_i18n, I18n};

fn sections(i: I18n) -> [(&'static str, &'static str); 6] {
    [
        ("/account", i.t("account-nav-overview")),
        ("/account/orders", i.t("account-nav-orders")),
        ("/account/profile", i.t("account-nav-profile")),
        ("/account/addresses", i.t("account-nav-addresses")),
        ("/account/security", i.t("account-nav-security")),
        ("/account/privacy", i.t("account-nav-privacy")),
    ]
}

/// The frame of every account page: sign-in guard, section nav, sign out.
#[component]
pub fn AccountLayout(title: &'static str, children: ChildrenFn) -> impl IntoView {
    let i = use_i18n();
    let location = use_location();
    let logout = ServerAction::<Logout>::new();
    Effect::new(move |_| {
        if let Some(Ok(())) = logout.value().get() {
            go_to(&i.href("/"));
        }
    });
    let children = StoredValue::new(children);
    view! {
        <Title text=title />
        <Meta name="robots" content="noindex" />
        <RequireUser>
            <div class="grid gap-8 md:grid-cols-[12rem_1fr]">
                <nav aria-label=i.t("account-nav-label") class="flex flex-col gap-1">
                    {sections(i)
                        .into_iter()
                        .map(|(path, label)| {
                            let href = i.href(path);
                            let here = href.clone();
                            let current = move || location.pathname.get() == here;
                            view! {
                                <a
                                    href=href
                                    aria-current=move || current().then_some("page")
                                    class="rounded-md px-3 py-2 text-sm font-medium text-slate-700 hover:bg-slate-100 aria-[current=page]:bg-slate-900 aria-[current=page]:text-white"
                                >
                                    {label}
                                </a>
                            }
                        })
                        .collect_view()}
                    <button
                        type="button"
                        data-testid="sign-out"
                        class="mt-4 rounded-md px-3 py-2 text-left text-sm font-medium text-slate-700 hover:bg-slate-100"
                        on:click=move |_| {
                            logout.dispatch(Logout {});
                        }
                    >
                        {i.t("account-sign-out")}
                    </button>
                </nav>
                <section>
                    <h1 class="mb-6 text-2xl font-bold tracking-tight">{title}</h1>
                    {children.with_value(|c| c())}
                </section>
            </div>
        </RequireUser>
    }
}
