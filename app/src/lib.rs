//! Mercato's UI: Leptos components rendered on the server and hydrated in the
//! browser. Data comes only through the `#[server]` functions in [`api`].
#![recursion_limit = "256"]

pub mod api;
pub mod components;
pub mod pages;
#[cfg(feature = "ssr")]
pub mod request;
#[cfg(feature = "ssr")]
mod security;

use leptos::prelude::*;
use leptos_meta::{provide_meta_context, HashedStylesheet, MetaTags};
use leptos_router::{
    components::{ParentRoute, Route, Router, Routes},
    path, SsrMode,
};

use components::layout::{Footer, Header, SkipLink, TestModeBanner};
use pages::account::{
    AccountPage, AddressesPage, ForgotPasswordPage, OrderPage, OrdersPage, PrivacyPage,
    ProfilePage, ResetPasswordPage, SecurityPage, SignInPage, SignUpPage, VerifyEmailPage,
};
use pages::admin::{
    AdminArea, AdminAuditPage, AdminCategoriesPage, AdminCustomerPage, AdminCustomersPage,
    AdminDashboardPage, AdminInventoryPage, AdminOrderPage, AdminOrdersPage, AdminPackingSlipPage,
    AdminProductCsvPage, AdminProductEditorPage, AdminProductsPage, AdminPromotionPage,
    AdminPromotionsPage, AdminSearchPage, AdminSettingsPage, AdminStaffPage,
};
use pages::shop::{
    CartPage, CategoryPage, CheckoutPage, HomePage, InvoicePage, NotFound, OfflinePaymentPage,
    OrderCompletePage, OrderLookupPage, PrivacyConfirmPage, PrivacyRequestPage, ProductPage,
    SearchPage,
};

/// The HTML document around the app; rendered on the server only.
pub fn shell(options: LeptosOptions) -> impl IntoView {
    #[cfg(feature = "ssr")]
    security::set_page_csp();
    view! {
        <!DOCTYPE html>
        <html lang="en">
            <head>
                <meta charset="utf-8" />
                <meta name="viewport" content="width=device-width, initial-scale=1" />
                <meta name="theme-color" content="#0f172a" />
                <link rel="icon" href="/favicon.svg" type="image/svg+xml" />
                <AutoReload options=options.clone() />
                <HydrationScripts options=options.clone() />
                <HashedStylesheet options id="leptos" />
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
    #[cfg(feature = "ssr")]
    request::caller::CallerMemo::provide();
    components::site::provide_site();
    components::session::provide_current_user();
    components::cart_state::provide_cart();
    components::hydration::mark_hydrated();

    view! {
        <Router>
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
                    <Route path=path!("/signin") view=SignInPage ssr=SsrMode::Async />
                    <Route path=path!("/signup") view=SignUpPage ssr=SsrMode::Async />
                    <Route
                        path=path!("/forgot-password")
                        view=ForgotPasswordPage
                        ssr=SsrMode::Async
                    />
                    <Route
                        path=path!("/reset-password")
                        view=ResetPasswordPage
                        ssr=SsrMode::Async
                    />
                    <Route path=path!("/verify-email") view=VerifyEmailPage ssr=SsrMode::Async />
                    <Route path=path!("/account") view=AccountPage ssr=SsrMode::Async />
                    <Route path=path!("/account/profile") view=ProfilePage ssr=SsrMode::Async />
                    <Route path=path!("/account/addresses") view=AddressesPage ssr=SsrMode::Async />
                    <Route path=path!("/account/security") view=SecurityPage ssr=SsrMode::Async />
                    <Route path=path!("/account/privacy") view=PrivacyPage ssr=SsrMode::Async />
                    <Route path=path!("/account/orders") view=OrdersPage ssr=SsrMode::Async />
                    <Route
                        path=path!("/account/orders/:number")
                        view=OrderPage
                        ssr=SsrMode::Async
                    />
                    <Route path=path!("/cart") view=CartPage ssr=SsrMode::Async />
                    <Route path=path!("/checkout") view=CheckoutPage ssr=SsrMode::Async />
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
                        <Route path=path!("") view=AdminDashboardPage ssr=SsrMode::Async />
                        <Route path=path!("orders") view=AdminOrdersPage ssr=SsrMode::Async />
                        <Route
                            path=path!("orders/:number")
                            view=AdminOrderPage
                            ssr=SsrMode::Async
                        />
                        <Route
                            path=path!("orders/:number/packing-slip")
                            view=AdminPackingSlipPage
                            ssr=SsrMode::Async
                        />
                        <Route path=path!("products") view=AdminProductsPage ssr=SsrMode::Async />
                        <Route
                            path=path!("products/new")
                            view=AdminProductEditorPage
                            ssr=SsrMode::Async
                        />
                        <Route
                            path=path!("products/csv")
                            view=AdminProductCsvPage
                            ssr=SsrMode::Async
                        />
                        <Route
                            path=path!("products/:slug")
                            view=AdminProductEditorPage
                            ssr=SsrMode::Async
                        />
                        <Route path=path!("inventory") view=AdminInventoryPage ssr=SsrMode::Async />
                        <Route
                            path=path!("categories")
                            view=AdminCategoriesPage
                            ssr=SsrMode::Async
                        />
                        <Route path=path!("customers") view=AdminCustomersPage ssr=SsrMode::Async />
                        <Route
                            path=path!("promotions")
                            view=AdminPromotionsPage
                            ssr=SsrMode::Async
                        />
                        <Route
                            path=path!("promotions/:code")
                            view=AdminPromotionPage
                            ssr=SsrMode::Async
                        />
                        <Route
                            path=path!("customers/:id")
                            view=AdminCustomerPage
                            ssr=SsrMode::Async
                        />
                        <Route path=path!("search") view=AdminSearchPage ssr=SsrMode::Async />
                        <Route path=path!("audit") view=AdminAuditPage ssr=SsrMode::Async />
                        <Route path=path!("staff") view=AdminStaffPage ssr=SsrMode::Async />
                        <Route path=path!("settings") view=AdminSettingsPage ssr=SsrMode::Async />
                    </ParentRoute>
                </Routes>
            </main>
            <Footer />
        </Router>
    }
}
