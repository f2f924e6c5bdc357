//! Bringing the shop up: database, migrations, demo data, router, listener.
use std::net::SocketAddr;

use anyhow::Context as _;
use axum::serve::ListenerExt as _;
use migration::{Migrator, MigratorTrait};
use sea_orm::DatabaseConnection;
use tokio::net::TcpListener;

use app::api::{context::ServerContext, types::SiteInfo};
use domain::catalog::Catalog;

use crate::config::{Config, SeedMode};
use crate::http::{router, AppState};

pub async fn connect_and_migrate(config: &Config) -> anyhow::Result<DatabaseConnection> {
    let db = domain::db::connect(&config.database_url, config.db_max_connections)
        .await
        .with_context(|| {
            format!(
                "connecting to {}",
                crate::config::mask_url(&config.database_url)
            )
        })?;
    Migrator::up(&db, None)
        .await
        .context("running migrations")?;
    Ok(db)
}

/// Seeds the demo shop when the database is empty and seeding is on.
pub async fn seed_if_empty(config: &Config, db: &DatabaseConnection) -> anyhow::Result<()> {
    if config.seed == SeedMode::Never || !domain::seed::is_empty(db).await? {
        return Ok(());
    }
    tracing::info!("empty database: seeding the demo shop");
    let report = domain::seed::seed_demo(db, &config.uploads_dir())
        .await
        .context("seeding demo data")?;
    tracing::info!(
        categories = report.categories,
        products = report.products,
        variants = report.variants,
        images = report.images,
        "demo shop seeded"
    );
    Ok(())
}

pub struct Application {
    listener: TcpListener,
    router: axum::Router,
}

impl Application {
    /// Connects, migrates, seeds if needed and binds. `addr` overrides the
    /// configured site address (tests pass port 0).
    pub async fn build(config: &Config, addr: Option<SocketAddr>) -> anyhow::Result<Self> {
        let db = connect_and_migrate(config).await?;
        seed_if_empty(config, &db).await?;
        let addr = addr.unwrap_or(config.leptos.site_addr);
        let listener = TcpListener::bind(addr)
            .await
            .with_context(|| format!("binding {addr}"))?;
        let mut leptos_options = config.leptos.clone();
        leptos_options.site_addr = listener.local_addr()?;
        let ctx = ServerContext {
            catalog: Catalog::new(db.clone()),
            site: SiteInfo {
                shop_name: config.shop_name.clone(),
                public_url: config.public_url.clone(),
                navigation: Vec::new(),
            },
        };
        let state = AppState { leptos_options, db };
        Ok(Self {
            listener,
            router: router(state, ctx, config.uploads_dir()),
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
        // Without TCP_NODELAY small responses wait on delayed ACKs (~40 ms).
        let listener = self.listener.tap_io(|tcp| {
            if let Err(e) = tcp.set_nodelay(true) {
                tracing::debug!(error = %e, "could not set TCP_NODELAY");
            }
        });
        axum::serve(listener, self.router.into_make_service())
            .with_graceful_shutdown(shutdown)
            .await
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
