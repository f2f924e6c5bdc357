//! Mercato's UI: Leptos components rendered on the server and hydrated in the
//! browser. Data comes only through the `#[server]` functions in [`api`].
#![recursion_limit = "256"]

pub mod api;
pub mod components;
mod head_assets;
pub mod locale;
pub mod pages;
#[cfg(feature = "ssr")]
pub mod request;
#[cfg(feature = "ssr")]
mod security;

use leptos::prelude::*;
use leptos_meta::{provide_meta_context, MetaTags};
use leptos_router::{
    components::{ParentRoute, Route, Router, Routes},
    path, SsrMode,
};

use components::layout::{Footer, Header, SkipLink, TestModeBanner};
use pages::admin::AdminArea;
use pages::on_demand::*;
use pages::shop::{
    CartPage, CategoryPage, HomePage, InvoicePage, NotFound, OfflinePaymentPage, OrderCompletePage,
    OrderLookupPage, PrivacyConfirmPage, PrivacyRequestPage, ProductPage, SearchPage,
};

/// The HTML document around the app; rendered on the server only.
pub fn shell(options: LeptosOptions) -> impl IntoView {
    #[cfg(feature = "ssr")]
    security::set_page_csp();
    let lang = locale::I18n::detect().locale.code();
    view! {
        <!DOCTYPE html>
        <html lang=lang>
            <head>
                <meta charset="utf-8" />
                <meta name="viewport" content="width=device-width, initial-scale=1" />
                <meta name="theme-color" content="#0f172a" />
                <link rel="icon" href="/favicon.svg" type="image/svg+xml" />
                // cargo-leptos' live reload, for `cargo leptos watch` only: it
                // reads an environment variable on every render.
                {cfg!(debug_assertions).then(|| view! { <AutoReload options=options.clone() /> })}
                <head_assets::HeadAssets options />
                <MetaTags />
            </head>
            <body class="min-h-screen bg-white text-slate-900 antialiased">
                <App />
            </body>
        </html>
    }
}

#[component]
pub fn App() -> impl IntoView {
    provide_meta_context();
    let i18n = locale::provide_i18n();
    components::page_shell::provide_page_shell();

    view! {
        <Router base=i18n.base()>
            <SkipLink />
            <components::page_views::PageViews />
            <TestModeBanner />
            <Header />
            <main id="main" class="mx-auto w-full max-w-7xl px-4 py-6 sm:px-6 lg:px-8">
                <Routes fallback=|| view! { <NotFound /> }>
                    // Async: the page's data is loaded before the first byte, so
                    // title, meta tags, status and content are always in the HTML.
                    // (PartiallyBlocked raced under load and sometimes sent the
                    // head without them — see docs/ARCHITECTURE.md, D7.)
                    <Route path=path!("/") view=HomePage ssr=SsrMode::Async />
                    <Route path=path!("/category/:slug") view=CategoryPage ssr=SsrMode::Async />
                    <Route path=path!("/product/:slug") view=ProductPage ssr=SsrMode::Async />
                    <Route path=path!("/search") view=SearchPage ssr=SsrMode::Async />
                    <Route path=path!("/signin") view=sign_in() ssr=SsrMode::Async />
                    <Route path=path!("/signin/link") view=sign_in_link() ssr=SsrMode::Async />
                    <Route path=path!("/signup") view=sign_up() ssr=SsrMode::Async />
                    <Route
                        path=path!("/forgot-password")
                        view=forgot_password()
                        ssr=SsrMode::Async
                    />
                    <Route path=path!("/reset-password") view=reset_password() ssr=SsrMode::Async />
                    <Route path=path!("/verify-email") view=verify_email() ssr=SsrMode::Async />
                    <Route path=path!("/account") view=account() ssr=SsrMode::Async />
                    <Route
                        path=path!("/account/profile")
                        view=account_profile()
                        ssr=SsrMode::Async
                    />
                    <Route
                        path=path!("/account/addresses")
                        view=account_addresses()
                        ssr=SsrMode::Async
                    />
                    <Route
                        path=path!("/account/security")
                        view=account_security()
                        ssr=SsrMode::Async
                    />
                    <Route
                        path=path!("/account/privacy")
                        view=account_privacy()
                        ssr=SsrMode::Async
                    />
                    <Route path=path!("/account/orders") view=account_orders() ssr=SsrMode::Async />
                    <Route
                        path=path!("/account/orders/:number")
                        view=account_order()
                        ssr=SsrMode::Async
                    />
                    <Route path=path!("/cart") view=CartPage ssr=SsrMode::Async />
                    <Route
                        path=path!("/cart/reminders-off")
                        view=cart_reminders_off()
                        ssr=SsrMode::Async
                    />
                    <Route path=path!("/wishlist") view=wishlist() ssr=SsrMode::Async />
                    <Route
                        path=path!("/wishlist/shared/:token")
                        view=shared_wishlist()
                        ssr=SsrMode::Async
                    />
                    <Route
                        path=path!("/wishlist/alerts-off")
                        view=wishlist_alerts_off()
                        ssr=SsrMode::Async
                    />
                    <Route path=path!("/checkout") view=checkout() ssr=SsrMode::Async />
                    <Route path=path!("/gift-cards") view=gift_cards() ssr=SsrMode::Async />
                    <Route
                        path=path!("/pay/offline/:reference")
                        view=OfflinePaymentPage
                        ssr=SsrMode::Async
                    />
                    <Route
                        path=path!("/checkout/complete/:id")
                        view=OrderCompletePage
                        ssr=SsrMode::Async
                    />
                    <Route path=path!("/order-lookup") view=OrderLookupPage ssr=SsrMode::Async />
                    <Route
                        path=path!("/privacy-request")
                        view=PrivacyRequestPage
                        ssr=SsrMode::Async
                    />
                    <Route
                        path=path!("/privacy-request/confirm")
                        view=PrivacyConfirmPage
                        ssr=SsrMode::Async
                    />
                    <Route path=path!("/orders/:id/invoice") view=InvoicePage ssr=SsrMode::Async />
                    // The admin area: one parent (the staff check and the navigation),
                    // each page in its <Outlet/>.
                    <ParentRoute path=path!("/admin") view=AdminArea ssr=SsrMode::Async>
                        <Route path=path!("") view=admin_dashboard() ssr=SsrMode::Async />
                        <Route path=path!("orders") view=admin_orders() ssr=SsrMode::Async />
                        <Route path=path!("orders/:number") view=admin_order() ssr=SsrMode::Async />
                        <Route
                            path=path!("orders/:number/packing-slip")
                            view=admin_packing_slip()
                            ssr=SsrMode::Async
                        />
                        <Route path=path!("products") view=admin_products() ssr=SsrMode::Async />
                        <Route
                            path=path!("products/new")
                            view=admin_product_editor()
                            ssr=SsrMode::Async
                        />
                        <Route
                            path=path!("products/csv")
                            view=admin_product_csv()
                            ssr=SsrMode::Async
                        />
                        <Route
                            path=path!("products/:slug")
                            view=admin_product_editor()
                            ssr=SsrMode::Async
                        />
                        <Route path=path!("inventory") view=admin_inventory() ssr=SsrMode::Async />
                        <Route
                            path=path!("categories")
                            view=admin_categories()
                            ssr=SsrMode::Async
                        />
                        <Route
                            path=path!("categories/:slug")
                            view=admin_category()
                            ssr=SsrMode::Async
                        />
                        <Route
                            path=path!("attributes")
                            view=admin_attributes()
                            ssr=SsrMode::Async
                        />
                        <Route path=path!("words") view=admin_words() ssr=SsrMode::Async />
                        <Route path=path!("customers") view=admin_customers() ssr=SsrMode::Async />
                        <Route
                            path=path!("promotions")
                            view=admin_promotions()
                            ssr=SsrMode::Async
                        />
                        <Route
                            path=path!("gift-cards")
                            view=admin_gift_cards()
                            ssr=SsrMode::Async
                        />
                        <Route
                            path=path!("promotions/:code")
                            view=admin_promotion()
                            ssr=SsrMode::Async
                        />
                        <Route
                            path=path!("customers/:id")
                            view=admin_customer()
                            ssr=SsrMode::Async
                        />
                        <Route path=path!("reviews") view=admin_reviews() ssr=SsrMode::Async />
                        <Route
                            path=path!("recommendations")
                            view=admin_recommendations()
                            ssr=SsrMode::Async
                        />
                        <Route path=path!("search") view=admin_search() ssr=SsrMode::Async />
                        <Route path=path!("audit") view=admin_audit() ssr=SsrMode::Async />
                        <Route path=path!("staff") view=admin_staff() ssr=SsrMode::Async />
                        <Route
                            path=path!("api-tokens")
                            view=admin_api_tokens()
                            ssr=SsrMode::Async
                        />
                        <Route path=path!("webhooks") view=admin_webhooks() ssr=SsrMode::Async />
                        <Route path=path!("settings") view=admin_settings() ssr=SsrMode::Async />
                    </ParentRoute>
                </Routes>
            </main>
            <Footer />
        </Router>
    }
}
