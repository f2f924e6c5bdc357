//! What the server gives every request: services and site settings.
use std::time::Duration;

use domain::accounts::Accounts;
use domain::catalog::Catalog;
use domain::checkout::Checkout;
use domain::commerce::Commerce;
use domain::files::FileStore;
use domain::inventory::Inventory;
use domain::orders::Orders;
use domain::search::Search;

use model::storefront::SiteInfo;

/// How long a sign-in may last, and how often an active session's idle
/// timer is pushed forward (a store write, so not on every request).
#[derive(Clone, Copy, Debug)]
pub struct SessionPolicy {
    pub max_age: Duration,
    /// Unused this long, a session ends.
    pub idle: Duration,
    pub touch_every: Duration,
}

/// The services, shared: every page render and server function call takes
/// a handle (cloning the services themselves was 2–3 % of a signed-in
/// page's CPU).
#[derive(Clone)]
pub struct ServerContext(std::sync::Arc<Services>);

impl std::ops::Deref for ServerContext {
    type Target = Services;

    fn deref(&self) -> &Services {
        &self.0
    }
}

pub struct Services {
    pub catalog: Catalog,
    pub accounts: Accounts,
    pub commerce: Commerce,
    pub checkout: Checkout,
    pub orders: Orders,
    pub search: Search,
    pub inventory: Inventory,
    pub promotions: domain::promotions::PromotionAdmin,
    /// Gift cards and store credit.
    pub gift_cards: domain::gift_cards::GiftCards,
    pub reviews: domain::reviews::Reviews,
    pub recommendations: domain::recommendations::Recommendations,
    pub settings: domain::shop_settings::ShopSettings,
    pub api_tokens: domain::api_tokens::ApiTokens,
    /// Outbound webhooks: endpoints, deliveries.
    pub webhooks: domain::webhooks::Webhooks,
    /// Answers kept for the REST API's `Idempotency-Key`.
    pub idempotency: domain::idempotency::Idempotency,
    /// Store name, currency, mail sender, order-number prefix.
    pub store: domain::store::Store,
    /// Where uploads go (product images).
    pub files: std::sync::Arc<dyn FileStore>,
    pub analytics: domain::analytics::Recorder,
    /// Sign-in with identity providers (none unless configured).
    pub identity_providers: domain::identity_providers::IdentityProviders,
    pub sessions: SessionPolicy,
    pub site: SiteInfo,
}

impl ServerContext {
    pub fn new(services: Services) -> Self {
        Self(std::sync::Arc::new(services))
    }

    pub fn current() -> Result<Self, model::AppError> {
        leptos::prelude::use_context::<Self>().ok_or_else(|| {
            tracing::error!("server context missing");
            crate::request::errors::respond_with(model::AppError::internal())
        })
    }
}
