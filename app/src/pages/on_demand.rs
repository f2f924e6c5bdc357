//! Pages whose code the browser fetches when one is first shown, not with
//! the shop (D39): the admin, the signed-in account area, the wishlist, the
//! checkout form and the pages mail links open. Each area is
//! one split point (`#[lazy]`), so it arrives as one extra WASM file; the
//! router waits for it before showing (or hydrating) such a page. The
//! server renders these pages as before, and names the file in a preload
//! link so a first visit fetches it alongside the main bundle.
use leptos::prelude::*;
use leptos_router::{Lazy, LazyRoute};

use super::account::{
    AccountPage, AddressesPage, ForgotPasswordPage, OrderPage, OrdersPage, PrivacyPage,
    ProfilePage, ResetPasswordPage, SecurityPage, SignInLinkPage, SignInPage, SignUpPage,
    VerifyEmailPage,
};
use super::admin::{
    AdminApiTokensPage, AdminAttributesPage, AdminAuditPage, AdminCategoriesPage,
    AdminCategoryPage, AdminCustomerPage, AdminCustomersPage, AdminDashboardPage,
    AdminGiftCardsPage, AdminInventoryPage, AdminOrderPage, AdminOrdersPage, AdminPackingSlipPage,
    AdminProductCsvPage, AdminProductEditorPage, AdminProductsPage, AdminPromotionPage,
    AdminPromotionsPage, AdminRecommendationsPage, AdminReviewsPage, AdminSearchPage,
    AdminSettingsPage, AdminStaffPage, AdminWebhooksPage, AdminWordsPage,
};
use super::shop::{
    CartRemindersOffPage, CheckoutPage, GiftCardPage, SharedWishlistPage, WishlistAlertsOffPage,
    WishlistPage,
};

/// A route whose view comes from an on-demand area (`$load($page)`), and
/// the function the route table calls for it (a plain call, because
/// leptosfmt drops the braces around a turbofish in `view={…}`).
/// `preload` fetches the split: the router awaits it before it hydrates or
/// shows the page, so the view is ready at once. Without it the view's
/// first poll waits for the file, and hydration met a pending view (a
/// marker mismatch, or the page rendered a second time).
macro_rules! on_demand_routes {
    ($load:ident, $preload:ident: $($route:ident, $make:ident => $page:expr),+ $(,)?) => {
        $(
            pub struct $route;

            pub fn $make() -> Lazy<$route> {
                Lazy::new()
            }

            impl LazyRoute for $route {
                fn data() -> Self {
                    Self
                }

                async fn view(_: Self) -> AnyView {
                    $load($page).await
                }

                async fn preload() {
                    // The split exists only in the browser build.
                    #[cfg(feature = "hydrate")]
                    $preload().await;
                }
            }
        )+
    };
}

#[derive(Clone, Copy)]
pub enum Admin {
    Dashboard,
    Orders,
    Order,
    PackingSlip,
    Products,
    ProductEditor,
    ProductCsv,
    Inventory,
    Categories,
    Category,
    Attributes,
    Customers,
    Customer,
    Promotions,
    Promotion,
    GiftCards,
    Reviews,
    Recommendations,
    Search,
    Audit,
    Staff,
    ApiTokens,
    Webhooks,
    Words,
    Settings,
}

/// Everything only the admin's pages use ends up in this split.
#[lazy]
fn admin_page(page: Admin) -> AnyView {
    match page {
        Admin::Dashboard => view! { <AdminDashboardPage /> }.into_any(),
        Admin::Orders => view! { <AdminOrdersPage /> }.into_any(),
        Admin::Order => view! { <AdminOrderPage /> }.into_any(),
        Admin::PackingSlip => view! { <AdminPackingSlipPage /> }.into_any(),
        Admin::Products => view! { <AdminProductsPage /> }.into_any(),
        Admin::ProductEditor => view! { <AdminProductEditorPage /> }.into_any(),
        Admin::ProductCsv => view! { <AdminProductCsvPage /> }.into_any(),
        Admin::Inventory => view! { <AdminInventoryPage /> }.into_any(),
        Admin::Categories => view! { <AdminCategoriesPage /> }.into_any(),
        Admin::Category => view! { <AdminCategoryPage /> }.into_any(),
        Admin::Attributes => view! { <AdminAttributesPage /> }.into_any(),
        Admin::Customers => view! { <AdminCustomersPage /> }.into_any(),
        Admin::Customer => view! { <AdminCustomerPage /> }.into_any(),
        Admin::Promotions => view! { <AdminPromotionsPage /> }.into_any(),
        Admin::Promotion => view! { <AdminPromotionPage /> }.into_any(),
        Admin::GiftCards => view! { <AdminGiftCardsPage /> }.into_any(),
        Admin::Reviews => view! { <AdminReviewsPage /> }.into_any(),
        Admin::Recommendations => view! { <AdminRecommendationsPage /> }.into_any(),
        Admin::Search => view! { <AdminSearchPage /> }.into_any(),
        Admin::Audit => view! { <AdminAuditPage /> }.into_any(),
        Admin::Staff => view! { <AdminStaffPage /> }.into_any(),
        Admin::ApiTokens => view! { <AdminApiTokensPage /> }.into_any(),
        Admin::Webhooks => view! { <AdminWebhooksPage /> }.into_any(),
        Admin::Words => view! { <AdminWordsPage /> }.into_any(),
        Admin::Settings => view! { <AdminSettingsPage /> }.into_any(),
    }
}

on_demand_routes!(admin_page, __preload_admin_page:
    AdminDashboardRoute, admin_dashboard => Admin::Dashboard,
    AdminOrdersRoute, admin_orders => Admin::Orders,
    AdminOrderRoute, admin_order => Admin::Order,
    AdminPackingSlipRoute, admin_packing_slip => Admin::PackingSlip,
    AdminProductsRoute, admin_products => Admin::Products,
    AdminProductEditorRoute, admin_product_editor => Admin::ProductEditor,
    AdminProductCsvRoute, admin_product_csv => Admin::ProductCsv,
    AdminInventoryRoute, admin_inventory => Admin::Inventory,
    AdminCategoriesRoute, admin_categories => Admin::Categories,
    AdminCategoryRoute, admin_category => Admin::Category,
    AdminAttributesRoute, admin_attributes => Admin::Attributes,
    AdminCustomersRoute, admin_customers => Admin::Customers,
    AdminCustomerRoute, admin_customer => Admin::Customer,
    AdminPromotionsRoute, admin_promotions => Admin::Promotions,
    AdminPromotionRoute, admin_promotion => Admin::Promotion,
    AdminGiftCardsRoute, admin_gift_cards => Admin::GiftCards,
    AdminReviewsRoute, admin_reviews => Admin::Reviews,
    AdminRecommendationsRoute, admin_recommendations => Admin::Recommendations,
    AdminSearchRoute, admin_search => Admin::Search,
    AdminAuditRoute, admin_audit => Admin::Audit,
    AdminStaffRoute, admin_staff => Admin::Staff,
    AdminApiTokensRoute, admin_api_tokens => Admin::ApiTokens,
    AdminWebhooksRoute, admin_webhooks => Admin::Webhooks,
    AdminWordsRoute, admin_words => Admin::Words,
    AdminSettingsRoute, admin_settings => Admin::Settings,
);

#[derive(Clone, Copy)]
pub enum Account {
    Overview,
    Profile,
    Addresses,
    Security,
    Privacy,
    Orders,
    Order,
}

/// The signed-in account pages.
#[lazy]
fn account_page(page: Account) -> AnyView {
    match page {
        Account::Overview => view! { <AccountPage /> }.into_any(),
        Account::Profile => view! { <ProfilePage /> }.into_any(),
        Account::Addresses => view! { <AddressesPage /> }.into_any(),
        Account::Security => view! { <SecurityPage /> }.into_any(),
        Account::Privacy => view! { <PrivacyPage /> }.into_any(),
        Account::Orders => view! { <OrdersPage /> }.into_any(),
        Account::Order => view! { <OrderPage /> }.into_any(),
    }
}

on_demand_routes!(account_page, __preload_account_page:
    AccountRoute, account => Account::Overview,
    AccountProfileRoute, account_profile => Account::Profile,
    AccountAddressesRoute, account_addresses => Account::Addresses,
    AccountSecurityRoute, account_security => Account::Security,
    AccountPrivacyRoute, account_privacy => Account::Privacy,
    AccountOrdersRoute, account_orders => Account::Orders,
    AccountOrderRoute, account_order => Account::Order,
);

#[derive(Clone, Copy)]
pub enum Auth {
    SignIn,
    LinkSignIn,
    SignUp,
    Forgot,
    Reset,
    Verify,
}

/// Signing in and up, and their mailed links: pages a shopper opens now
/// and then, not on every visit (measured: bench/RESULTS.md, "Browser
/// bundle").
#[lazy]
fn auth_page(page: Auth) -> AnyView {
    match page {
        Auth::SignIn => view! { <SignInPage /> }.into_any(),
        Auth::LinkSignIn => view! { <SignInLinkPage /> }.into_any(),
        Auth::SignUp => view! { <SignUpPage /> }.into_any(),
        Auth::Forgot => view! { <ForgotPasswordPage /> }.into_any(),
        Auth::Reset => view! { <ResetPasswordPage /> }.into_any(),
        Auth::Verify => view! { <VerifyEmailPage /> }.into_any(),
    }
}

on_demand_routes!(auth_page, __preload_auth_page:
    SignInRoute, sign_in => Auth::SignIn,
    SignInLinkRoute, sign_in_link => Auth::LinkSignIn,
    SignUpRoute, sign_up => Auth::SignUp,
    ForgotPasswordRoute, forgot_password => Auth::Forgot,
    ResetPasswordRoute, reset_password => Auth::Reset,
    VerifyEmailRoute, verify_email => Auth::Verify,
);

#[derive(Clone, Copy)]
pub enum Wishlist {
    Mine,
    Shared,
}

/// The wishlist's own pages; the hearts stay in the main bundle.
#[lazy]
fn wishlist_page(page: Wishlist) -> AnyView {
    match page {
        Wishlist::Mine => view! { <WishlistPage /> }.into_any(),
        Wishlist::Shared => view! { <SharedWishlistPage /> }.into_any(),
    }
}

on_demand_routes!(wishlist_page, __preload_wishlist_page:
    WishlistRoute, wishlist => Wishlist::Mine,
    SharedWishlistRoute, shared_wishlist => Wishlist::Shared,
);

#[derive(Clone, Copy)]
pub enum MailLink {
    WishlistAlertsOff,
    CartRemindersOff,
}

/// The pages links in mail open to stop a kind of email.
#[lazy]
fn mail_link_page(page: MailLink) -> AnyView {
    match page {
        MailLink::WishlistAlertsOff => view! { <WishlistAlertsOffPage /> }.into_any(),
        MailLink::CartRemindersOff => view! { <CartRemindersOffPage /> }.into_any(),
    }
}

on_demand_routes!(mail_link_page, __preload_mail_link_page:
    WishlistAlertsOffRoute, wishlist_alerts_off => MailLink::WishlistAlertsOff,
    CartRemindersOffRoute, cart_reminders_off => MailLink::CartRemindersOff,
);

#[derive(Clone, Copy)]
pub enum Checkout {
    Page,
    GiftCards,
}

/// The checkout form (address, shipping, codes, gift cards) and the gift
/// card shop: only shoppers about to pay need them, so they stay out of the
/// first load.
#[lazy]
fn checkout_page(page: Checkout) -> AnyView {
    match page {
        Checkout::Page => view! { <CheckoutPage /> }.into_any(),
        Checkout::GiftCards => view! { <GiftCardPage /> }.into_any(),
    }
}

on_demand_routes!(checkout_page, __preload_checkout_page:
    CheckoutRoute, checkout => Checkout::Page,
    GiftCardsRoute, gift_cards => Checkout::GiftCards,
);
