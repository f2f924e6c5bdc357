use leptos::prelude::*;

use super::session::use_current_user;
use super::site::use_site;

#[component]
pub fn SkipLink() -> impl IntoView {
    view! {
        <a
            href="#main"
            class="sr-only focus:not-sr-only focus:absolute focus:left-4 focus:top-4 focus:z-50 focus:rounded focus:bg-white focus:px-4 focus:py-2 focus:shadow"
        >
            "Skip to content"
        </a>
    }
}

#[component]
pub fn Header() -> impl IntoView {
    let site = use_site();
    view! {
        <header class="border-b border-slate-200 bg-white">
            <div class="mx-auto flex max-w-7xl flex-col gap-3 px-4 py-4 sm:px-6 lg:flex-row lg:items-center lg:gap-8 lg:px-8">
                <Suspense fallback=|| {
                    view! { <span class="text-xl font-bold">"Mercato"</span> }
                }>
                    {move || Suspend::new(async move {
                        let info = site.0.await.unwrap_or_default();
                        let name = if info.shop_name.is_empty() {
                            "Mercato".to_owned()
                        } else {
                            info.shop_name
                        };
                        view! {
                            <a
                                href="/"
                                class="text-xl font-bold tracking-tight"
                                data-testid="shop-name"
                            >
                                {name}
                            </a>
                            <nav aria-label="Departments" class="-mx-1 overflow-x-auto">
                                <ul class="flex gap-1 whitespace-nowrap">
                                    {info
                                        .navigation
                                        .into_iter()
                                        .map(|n| {
                                            view! {
                                                <li>
                                                    <a
                                                        href=format!("/category/{}", n.slug)
                                                        class="block rounded-md px-3 py-2 text-sm font-medium text-slate-700 hover:bg-slate-100 hover:text-slate-900"
                                                    >
                                                        {n.name}
                                                    </a>
                                                </li>
                                            }
                                        })
                                        .collect_view()}
                                </ul>
                            </nav>
                        }
                    })}
                </Suspense>
                <div class="flex items-center gap-4 lg:ml-auto">
                    <super::search_box::SearchBox />
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
    let user = use_current_user();
    view! {
        <div>
            <Suspense>
                {move || Suspend::new(async move {
                    match user.0.await.ok().flatten() {
                        Some(u) => {
                            view! {
                                <a
                                    href="/account"
                                    class="text-sm font-medium text-slate-800 underline-offset-4 hover:underline"
                                    data-testid="account-link"
                                >
                                    {format!("Account · {}", u.display_name())}
                                </a>
                            }
                                .into_any()
                        }
                        None => {
                            view! {
                                <a
                                    href="/signin"
                                    class="text-sm font-medium text-slate-800 underline-offset-4 hover:underline"
                                    data-testid="sign-in-link"
                                >
                                    "Sign in"
                                </a>
                            }
                                .into_any()
                        }
                    }
                })}
            </Suspense>
        </div>
    }
}

/// While the offline test gateway is on, every page says at its top that
/// nothing is charged and nothing will ship.
#[component]
pub fn TestModeBanner() -> impl IntoView {
    let site = use_site();
    view! {
        <Suspense>
            {move || Suspend::new(async move {
                site.0
                    .await
                    .ok()
                    .filter(|s| s.test_payments)
                    .map(|_| {
                        view! {
                            <p
                                role="note"
                                class="bg-amber-400 px-4 py-2 text-center text-sm font-semibold text-slate-900"
                                data-testid="test-mode-banner"
                            >
                                "Test shop: payments are simulated — nothing is charged and no order will ship."
                            </p>
                        }
                    })
            })}
        </Suspense>
    }
}

#[component]
pub fn Footer() -> impl IntoView {
    let site = use_site();
    view! {
        <footer class="mt-16 border-t border-slate-200 bg-slate-50">
            <div class="mx-auto max-w-7xl px-4 py-8 text-sm text-slate-500 sm:px-6 lg:px-8">
                <p>"Powered by Mercato — open-source commerce in one binary."</p>
                <nav aria-label="Help" class="mt-2 flex gap-4">
                    <a href="/gift-cards" class="underline">
                        "Gift cards"
                    </a>
                    <a href="/order-lookup" class="underline">
                        "Find an order"
                    </a>
                    <a href="/privacy-request" class="underline">
                        "Your data"
                    </a>
                </nav>
                <Suspense>
                    {move || Suspend::new(async move {
                        site.0
                            .await
                            .ok()
                            .filter(|s| s.test_payments)
                            .map(|_| {
                                view! {
                                    <p
                                        class="mt-2 font-medium text-amber-800"
                                        data-testid="test-mode-footer"
                                    >
                                        "Payments in this shop go through the offline test gateway: you approve or decline them yourself, and no money moves."
                                    </p>
                                }
                            })
                    })}
                </Suspense>
            </div>
        </footer>
    }
}
