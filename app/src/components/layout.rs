use leptos::prelude::*;

use super::session::use_current_user;
use super::site::use_site;
use crate::locale::use_i18n;

#[component]
pub fn SkipLink() -> impl IntoView {
    let i = use_i18n();
    view! {
        <a
            href="#main"
            class="sr-only focus:not-sr-only focus:absolute focus:left-4 focus:top-4 focus:z-50 focus:rounded focus:bg-white focus:px-4 focus:py-2 focus:shadow"
        >
            {i.t("skip-to-content")}
        </a>
    }
}

#[component]
pub fn Header() -> impl IntoView {
    let i = use_i18n();
    let site = use_site();
    view! {
        <header class="border-b border-slate-200 bg-white">
            <div class="mx-auto flex max-w-7xl flex-col gap-3 px-4 py-4 sm:px-6 lg:flex-row lg:items-center lg:gap-8 lg:px-8">
                {site
                    .with(|info| {
                        let currencies = info
                            .and_then(|info| {
                                super::currency_switcher::currency_switcher(i, info)
                            });
                        let name = match info {
                            Some(info) if !info.shop_name.is_empty() => info.shop_name.clone(),
                            _ => "Mercato".to_owned(),
                        };
                        let navigation = info
                            .map(|info| info.navigation.as_slice())
                            .unwrap_or_default();
                        view! {
                            <a
                                href=i.href("/")
                                class="text-xl font-bold tracking-tight"
                                data-testid="shop-name"
                            >
                                {name}
                            </a>
                            <nav
                                aria-label=i.t("ui-header-departments")
                                class="-mx-1 overflow-x-auto"
                            >
                                <ul class="flex gap-1 whitespace-nowrap">
                                    {navigation
                                        .iter()
                                        .map(move |n| {
                                            view! {
                                                <li>
                                                    <a
                                                        href=i.href(&format!("/category/{}", n.slug))
                                                        class="block rounded-md px-3 py-2 text-sm font-medium text-slate-700 hover:bg-slate-100 hover:text-slate-900"
                                                    >
                                                        {n.name.clone()}
                                                    </a>
                                                </li>
                                            }
                                        })
                                        .collect_view()}
                                </ul>
                            </nav>
                            {currencies}
                        }
                    })} <div class="flex items-center gap-4 lg:ml-auto">
                    <super::search_box::SearchBox />
                    <super::language_switcher::LanguageSwitcher />
                    <AccountLink />
                    <super::wishlist_state::WishlistLink />
                    <super::cart_state::MiniCart />
                </div>
            </div>
        </header>
    }
}

/// "Sign in" or the signed-in user's name, at the header's end.
#[component]
fn AccountLink() -> impl IntoView {
    let i = use_i18n();
    let user = use_current_user();
    view! {
        <div>
            {match user.get() {
                Some(u) => {
                    let name = u.display_name();
                    view! {
                        <a
                            href=i.href("/account")
                            class="text-sm font-medium text-slate-800 underline-offset-4 hover:underline"
                            data-testid="account-link"
                        >
                            {i.f("ui-header-account", &[("name", (&name).into())])}
                        </a>
                    }
                        .into_any()
                }
                None => {
                    view! {
                        <a
                            href=i.href("/signin")
                            class="text-sm font-medium text-slate-800 underline-offset-4 hover:underline"
                            data-testid="sign-in-link"
                        >
                            {i.t("ui-header-sign-in")}
                        </a>
                    }
                        .into_any()
                }
            }}
        </div>
    }
}

/// While the offline test gateway is on, every page says at its top that
/// nothing is charged and nothing will ship.
#[component]
pub fn TestModeBanner() -> impl IntoView {
    let i = use_i18n();
    let site = use_site();
    view! {
        {site
            .test_payments()
            .then(|| {
                view! {
                    <p
                        role="note"
                        class="bg-amber-400 px-4 py-2 text-center text-sm font-semibold text-slate-900"
                        data-testid="test-mode-banner"
                    >
                        {i.t("ui-test-mode-banner")}
                    </p>
                }
            })}
    }
}

#[component]
pub fn Footer() -> impl IntoView {
    let i = use_i18n();
    let site = use_site();
    view! {
        <footer class="mt-16 border-t border-slate-200 bg-slate-50">
            <div class="mx-auto max-w-7xl px-4 py-8 text-sm text-slate-500 sm:px-6 lg:px-8">
                <p>{i.t("ui-footer-powered-by")}</p>
                <nav aria-label=i.t("ui-footer-help") class="mt-2 flex gap-4">
                    <a href=i.href("/gift-cards") class="underline">
                        {i.t("ui-footer-gift-cards")}
                    </a>
                    <a href=i.href("/order-lookup") class="underline">
                        {i.t("ui-footer-find-order")}
                    </a>
                    <a href=i.href("/privacy-request") class="underline">
                        {i.t("ui-footer-your-data")}
                    </a>
                </nav>
                {site
                    .test_payments()
                    .then(|| {
                        view! {
                            <p
                                class="mt-2 font-medium text-amber-800"
                                data-testid="test-mode-footer"
                            >
                                {i.t("ui-test-mode-footer")}
                            </p>
                        }
                    })}
            </div>
        </footer>
    }
}
