//! Bringing the shop up: database, migrations, demo data, router, listener.
use std::net::SocketAddr;

use anyhow::Context as _;
use migration::{Migrator, MigratorTrait};
use sea_orm::DatabaseConnection;

use app::request::context::{ServerContext, Services, SessionPolicy};
use domain::accounts::{AccountSettings, Accounts};
use domain::catalog::Catalog;
use domain::checkout::Checkout;
use domain::commerce::{Commerce, CommerceSettings};
use domain::orders::Orders;
use domain::outbox::OutboxSignal;
use domain::store::{Profile, Store};
use model::storefront::SiteInfo;

use crate::config::{Config, SeedMode};
use crate::http::{rate_limit::Limiter, router, AppState, Security};
use crate::sessions::{self, DbSessionStore};
use crate::workers::Workers;

pub async fn connect_and_migrate(config: &Config) -> anyhow::Result<DatabaseConnection> {
    let connect = |max: u32| async move {
        domain::db::connect(&config.database_url, max)
            .await
            .with_context(|| {
                format!(
                    "connecting to {}",
                    crate::config::mask_url(&config.database_url)
                )
            })
    };
    // Migrations get a connection of their own, closed before the shop's
    // pool opens: on SQLite, a pooled connection open while a migration
    // added columns could still answer an insert with rows of the old
    // shape ("missing value for column").
    let migrating = connect(1).await?;
    Migrator::up(&migrating, None)
        .await
        .context("running migrations")?;
    migrating
        .close()
        .await
        .context("closing the migration connection")?;
    connect(config.db_max_connections).await
}

/// Seeds the demo shop when the database is empty and seeding is on.
pub async fn seed_if_empty(
    config: &Config,
    db: &DatabaseConnection,
    store: &Store,
) -> anyhow::Result<()> {
    if config.seed == SeedMode::Never || !domain::seed::is_empty(db).await? {
        return Ok(());
    }
    tracing::info!("empty database: seeding the demo shop");
    let currency = store.current().get().currency;
    let report = domain::seed::seed_demo(db, &config.uploads_dir(), currency)
        .await
        .context("seeding demo data")?;
    // The seed writes the store's glossary: the copy opened before it is
    // stale, and the change feed starts after these rows.
    store
        .refresh()
        .await
        .context("reading the seeded store settings")?;
    tracing::info!(
        categories = report.categories,
        products = report.products,
        variants = report.variants,
        images = report.images,
        orders = report.orders,
        reviews = report.reviews,
        "demo shop seeded"
    );
    Ok(())
}

pub struct Application {
    listener: crate::serving::Listeners,
    router: axum::Router,
    workers: Workers,
    /// This process's hold on its embedded search index, if it has one.
    _claim: Option<domain::search::embedded::FolderClaim>,
}

/// The store profile, created from the configuration on the first start;
/// after that staff edit it in the admin and the database wins.
pub async fn store(config: &Config, db: &DatabaseConnection) -> anyhow::Result<Store> {
    let initial = Profile::initial(
        &config.shop_name,
        config.commerce.currency,
        &config.security.mail_from,
    )
    .map_err(|e| anyhow::anyhow!("MERCATO_SHOP_NAME / MERCATO_MAIL_FROM: {e}"))?;
    let store = Store::open(db.clone(), initial.clone())
        .await
        .map_err(|e| anyhow::anyhow!("loading the store settings: {e}"))?;
    let now = store.current().get();
    if now.name != initial.name || now.currency != initial.currency {
        tracing::info!(
            name = %now.name,
            currency = now.currency.code(),
            "store settings come from the admin (Settings); MERCATO_SHOP_NAME, MERCATO_CURRENCY and MERCATO_MAIL_FROM only seed a new database"
        );
    }
    Ok(store)
}

pub fn commerce(
    config: &Config,
    db: &DatabaseConnection,
    store: &Store,
    signal: OutboxSignal,
    gateway: std::sync::Arc<dyn domain::payments::PaymentGateway>,
) -> anyhow::Result<Commerce> {
    let settings = CommerceSettings {
        prices_include_tax: config.commerce.prices_include_tax,
        reservation_ttl: config.commerce.reservation,
        public_url: config.public_url.clone(),
    };
    Commerce::new(db.clone(), settings, store.current(), signal, gateway)
        .context("loading mail templates")
}

/// The search service over the configured engine. Analytics events go to
/// `recorder` when given (the server), nowhere otherwise (CLI).
pub fn search(
    config: &Config,
    db: &DatabaseConnection,
    store: &Store,
    recorder: Option<domain::analytics::Recorder>,
    metrics: Option<&crate::metrics::Metrics>,
) -> anyhow::Result<domain::search::Search> {
    let mut engine = config
        .search
        .engine(&config.data_dir)
        .map_err(|e| anyhow::anyhow!("search engine: {e}"))?;
    if let Some(metrics) = metrics {
        engine = crate::metrics::Observed::wrap(engine, metrics.clone());
    }
    Ok(domain::search::Search::new(
        db.clone(),
        engine,
        store.current(),
        recorder,
    ))
}

pub fn accounts(
    config: &Config,
    db: &DatabaseConnection,
    store: &Store,
    signal: OutboxSignal,
) -> anyhow::Result<Accounts> {
    let settings = AccountSettings {
        public_url: config.public_url.clone(),
        require_staff_2fa: config.security.require_staff_2fa,
        lockout_after: config.security.lockout_after,
        lockout_for: config.security.lockout_for,
        secrets: crate::secret_key::resolve(config)?,
        staff_provider: config.identity.staff.clone(),
        ..AccountSettings::default()
    };
    Accounts::new(db.clone(), settings, store.current(), signal).context("loading mail templates")
}

pub fn webhooks(
    config: &Config,
    db: &DatabaseConnection,
    store: &Store,
    signal: OutboxSignal,
) -> anyhow::Result<domain::webhooks::Webhooks> {
    let limit = &config.security.webhook_disable_after;
    let settings = domain::webhooks::WebhookConfig {
        allow_private: config.security.webhook_allow_private,
        disable_after: i32::try_from(limit.requests).unwrap_or(i32::MAX),
        disable_after_failing_for: limit.per,
        ..domain::webhooks::WebhookConfig::default()
    };
    let templates = domain::mail::Templates::new(store.current(), &config.public_url)
        .context("loading mail templates")?;
    domain::webhooks::Webhooks::new(
        db.clone(),
        crate::secret_key::resolve(config)?,
        settings,
        std::sync::Arc::new(templates),
        signal,
    )
    .context("preparing webhooks")
}

/// The site's files, read and compressed once (off the async threads).
async fn site_files(
    options: &leptos::config::LeptosOptions,
) -> anyhow::Result<crate::http::fast_lane::Assets> {
    let root = std::path::PathBuf::from(options.site_root.as_ref());
    let pkg = format!("/{}", options.site_pkg_dir);
    let hashed = options.hash_files;
    let started = std::time::Instant::now();
    let assets = tokio::task::spawn_blocking(move || {
        crate::http::fast_lane::Assets::load(&root, &pkg, hashed)
    })
    .await
    .context("reading the site files")?
    .context("reading the site files")?;
    tracing::info!(
        files = assets.len(),
        ms = started.elapsed().as_millis() as u64,
        "site files held in memory"
    );
    Ok(assets)
}

/// What `mercato_build_info` says about this process.
fn build_info(config: &Config, db: &DatabaseConnection) -> Vec<(String, String)> {
    let database = match db.get_database_backend() {
        sea_orm::DatabaseBackend::Postgres => "postgresql",
        sea_orm::DatabaseBackend::Sqlite => "sqlite",
        _ => "other",
    };
    let search = if config.search.meili.is_some() {
        "meilisearch"
    } else {
        "embedded"
    };
    vec![
        ("version".into(), env!("CARGO_PKG_VERSION").into()),
        ("database".into(), database.into()),
        ("search".into(), search.into()),
    ]
}

impl Application {
    /// Connects, migrates, seeds if needed and binds. `addr` overrides the
    /// configured site address (tests pass port 0).
    pub async fn build(config: &Config, addr: Option<SocketAddr>) -> anyhow::Result<Self> {
        let db = connect_and_migrate(config).await?;
        let store = store(config, &db).await?;
        seed_if_empty(config, &db, &store).await?;
        // Without these rows a price sort in another currency follows the
        // base prices: an order a little off, not an error.
        if let Err(e) = domain::catalog::shown_prices::fill_if_missing(&db).await {
            tracing::warn!(error = %e, "prices per currency not filled in");
        }
        let addr = addr.unwrap_or(config.leptos.site_addr);
        let listener = crate::serving::listen(addr, config.serve_threads)
            .with_context(|| format!("binding {addr}"))?;
        let mut leptos_options = config.leptos.clone();
        leptos_options.site_addr = listener.local_addr()?;
        let signal = OutboxSignal::default();
        let gateways = crate::payments::gateways(config)?;
        if gateways.stripe.is_none() {
            tracing::warn!(
                "payments use the offline test gateway, where shoppers approve their own payments \
                 (every page says so): set MERCATO_PAYMENTS=stripe with MERCATO_STRIPE_SECRET_KEY \
                 and MERCATO_STRIPE_WEBHOOK_SECRET for a real shop"
            );
        }
        let accounts = accounts(config, &db, &store, signal.clone())?;
        let commerce = commerce(config, &db, &store, signal.clone(), gateways.active.clone())?
            .holding(accounts.held().clone());
        let (recorder, recorder_task) = domain::analytics::Recorder::start(db.clone());
        let metrics = crate::metrics::Metrics::new(
            build_info(config, &db),
            config.security.metrics_token.clone(),
        );
        let search = search(config, &db, &store, Some(recorder.clone()), Some(&metrics))?;
        let own_index = config.search.embedded_dir(&config.data_dir);
        let claim = own_index
            .as_deref()
            .map(domain::search::embedded::EmbeddedIndex::claim)
            .transpose()
            .map_err(|e| anyhow::anyhow!("{e}"))?;
        // Builds the index when missing or outdated. An unreachable
        // Meilisearch doesn't stop the shop: a worker keeps trying.
        let search_ready = match search.prepare().await {
            Ok(()) => true,
            Err(e) if matches!(e, domain::Error::Unavailable { .. }) => {
                tracing::warn!(engine = search.engine(), error = %e, "search engine unreachable at startup; serving degraded");
                false
            }
            Err(e) => return Err(anyhow::anyhow!("preparing the search index: {e}")),
        };
        if let (Some(dir), true) = (own_index.as_deref(), search_ready) {
            crate::change_feed::catch_up_own_index(&db, &search, dir).await?;
        }
        tracing::info!(
            engine = search.engine(),
            ready = search_ready,
            "search ready"
        );
        let catalog = Catalog::new(db.clone());
        let gift_cards =
            domain::gift_cards::GiftCards::new(db.clone()).holding(accounts.held().clone());
        let ctx = ServerContext::new(Services {
            catalog: catalog.clone(),
            accounts,
            checkout: Checkout::new(commerce.clone()),
            orders: Orders::new(commerce.clone()),
            search: search.clone(),
            inventory: domain::inventory::Inventory::new(db.clone()),
            promotions: domain::promotions::PromotionAdmin::new(db.clone()),
            gift_cards,
            reviews: domain::reviews::Reviews::new(db.clone(), store.current(), catalog.clone()),
            recommendations: domain::recommendations::Recommendations::new(db.clone(), catalog),
            settings: domain::shop_settings::ShopSettings::new(db.clone()),
            api_tokens: domain::api_tokens::ApiTokens::new(db.clone()),
            webhooks: webhooks(config, &db, &store, signal.clone())?,
            idempotency: domain::idempotency::Idempotency::new(
                db.clone(),
                std::sync::Arc::new(crate::secret_key::resolve(config)?),
            ),
            files: config
                .files
                .store(&config.uploads_dir())
                .map_err(|e| anyhow::anyhow!("file storage: {e}"))?,
            analytics: recorder,
            identity_providers: domain::identity_providers::IdentityProviders::new(
                config.identity.providers.clone(),
                &config.public_url,
            )
            .map_err(|e| anyhow::anyhow!("identity providers: {e}"))?,
            store: store.clone(),
            commerce,
            sessions: SessionPolicy {
                max_age: config.security.session_max,
                idle: config.security.session_idle,
                touch_every: std::cmp::min(
                    std::time::Duration::from_secs(300),
                    config.security.session_idle / 4,
                ),
            },
            site: SiteInfo {
                shop_name: config.shop_name.clone(),
                public_url: config.public_url.clone(),
                navigation: Vec::new(),
                test_payments: gateways.stripe.is_none(),
                // Per request (`get_site_info`).
                currencies: Vec::new(),
                currency: None,
                words: Default::default(),
            },
        });
        let sealed = ctx
            .accounts
            .seal_legacy_secrets()
            .await
            .context("sealing stored TOTP secrets")?;
        if sealed > 0 {
            tracing::info!(
                sealed,
                "sealed TOTP secrets stored in plain text by an older version"
            );
        }
        let mut workers = Workers::start(
            config,
            &db,
            signal,
            ctx.orders.clone(),
            search.clone(),
            ctx.recommendations.clone(),
            ctx.webhooks.clone(),
        )?;
        workers.adopt(recorder_task);
        let pages = (config.page_cache_bytes > 0)
            .then(|| crate::http::fast_lane::PageCache::new(config.page_cache_bytes));
        let catalogs = vec![ctx.catalog.clone(), ctx.search.catalog().clone()];
        let own = claim.is_some().then(|| ctx.search.clone());
        let feed = crate::change_feed::Feed::start(
            db.clone(),
            pages.clone(),
            store,
            catalogs,
            ctx.accounts.held().clone(),
            own,
        )
        .await
        .map_err(|e| anyhow::anyhow!("reading the change feed: {e}"))?;
        workers.adopt(tokio::spawn(feed.clone().follow()));
        let baseline =
            crate::http::layers::baseline(config.is_https(), config.security.hsts_max_age);
        let assets = site_files(&leptos_options).await?;
        let lane =
            crate::http::fast_lane::FastLane::new(assets, pages.clone(), baseline.clone(), feed);
        if !search_ready {
            workers.adopt(tokio::spawn(crate::workers::prepare_search_until_ready(
                search,
            )));
        }
        let session_store = DbSessionStore::holding(db.clone(), ctx.accounts.held().epochs.clone());
        let security = Security {
            baseline,
            sessions: sessions::layer(
                session_store.clone(),
                config.security.session_idle,
                config.is_https(),
            ),
            limiter: Limiter::new(
                domain::rate_limits::RateLimits::new(db.clone()),
                &config.security.auth_rate_limit,
                &config.security.checkout_rate_limit,
                &config.security.api_rate_limit,
                config.security.trusted_proxies.clone(),
            ),
        };
        let state = AppState::new(crate::http::Shared {
            leptos_options,
            sessions: std::sync::Arc::new(session_store),
            imports: crate::http::catalog_files::ImportJobs::new(db.clone()),
            db,
            ctx,
            stripe: gateways.stripe,
            pages,
            metrics,
        });
        Ok(Self {
            listener,
            router: router(state, config.uploads_dir(), security, lane),
            workers,
            _claim: claim,
        })
    }

    pub fn local_addr(&self) -> std::io::Result<SocketAddr> {
        self.listener.local_addr()
    }

    /// Serves until `shutdown` resolves, then finishes in-flight requests.
    pub async fn run_until(
        self,
        shutdown: impl std::future::Future<Output = ()> + Send + 'static,
    ) -> std::io::Result<()> {
        let _workers = self.workers;
        crate::serving::serve(self.listener, self.router, shutdown).await
    }
}

/// Resolves on SIGTERM or Ctrl-C.
pub async fn shutdown_signal() {
    let ctrl_c = async {
        if let Err(e) = tokio::signal::ctrl_c().await {
            tracing::error!(error = %e, "cannot listen for Ctrl-C");
            std::future::pending::<()>().await;
        }
    };
    #[cfg(unix)]
    let terminate = async {
        match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
            Ok(mut s) => {
                s.recv().await;
            }
            Err(e) => {
                tracing::error!(error = %e, "cannot listen for SIGTERM");
                std::future::pending::<()>().await;
            }
        }
    };
    #[cfg(not(unix))]
    let terminate = std::future::pending::<()>();
    tokio::select! {
        () = ctrl_c => {},
        () = terminate => {},
    }
    tracing::info!("shutdown requested: finishing in-flight requests");
}
