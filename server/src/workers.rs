//! Background work started with the server: the outbox worker (mail and
//! search index updates), the expired-session sweeper, the rate-limit
//! pruner, stock-hold expiry, cart reminders,
//! the store-settings refresh,
//! the analytics writer and, while Meilisearch is down, its setup retry. Both stop when the server's task ends.
use std::sync::Arc;
use std::time::Duration;

use anyhow::Context as _;
use sea_orm::DatabaseConnection;
use tokio::task::JoinHandle;

use domain::mail::{FileMailer, Mailer, SmtpMailer};
use domain::outbox::{OutboxConfig, OutboxSignal, Worker};

use crate::config::Config;
use crate::sessions::{self, DbSessionStore};

pub fn mailer(config: &Config) -> anyhow::Result<Arc<dyn Mailer>> {
    let from = &config.security.mail_from;
    Ok(match &config.security.smtp_url {
        Some(url) => {
            Arc::new(SmtpMailer::new(url, from).context("MERCATO_SMTP_URL / MERCATO_MAIL_FROM")?)
        }
        None => Arc::new(
            FileMailer::new(config.mail_dir(), from).context("mail folder / MERCATO_MAIL_FROM")?,
        ),
    })
}

/// Mail written to files (no SMTP configured) is kept as long as the
/// longest one-time link in it lives (48 h), then deleted.
const MAIL_FILE_LIFETIME: Duration = Duration::from_secs(48 * 3600);

async fn sweep_mail_files(dir: std::path::PathBuf, every: Duration) {
    let mut tick = tokio::time::interval(every);
    loop {
        tick.tick().await;
        let dir = dir.clone();
        match tokio::task::spawn_blocking(move || {
            domain::mail::sweep_mail_files(&dir, MAIL_FILE_LIFETIME)
        })
        .await
        {
            Ok(Ok(0)) => {}
            Ok(Ok(n)) => tracing::info!(files = n, "old mail files removed"),
            Ok(Err(e)) => tracing::warn!(error = %e, "could not sweep mail files"),
            Err(e) => tracing::warn!(error = %e, "mail sweep task failed"),
        }
    }
}

/// Cancels checkouts whose stock hold ran out unpaid, releasing the stock.
async fn expire_holds(orders: domain::orders::Orders, every: Duration) {
    let mut tick = tokio::time::interval(every);
    loop {
        tick.tick().await;
        match orders.expire_reservations().await {
            Ok(0) => {}
            Ok(n) => tracing::info!(orders = n, "expired stock holds released"),
            Err(e) => tracing::warn!(error = %e, "could not release expired stock holds"),
        }
    }
}

/// Mails carts left with items for the shop's delay (store settings; off
/// until set), once each; every instance sweeps, each cart is decided once.
async fn remind_carts(reminders: domain::cart::reminders::CartReminders, every: Duration) {
    let mut tick = tokio::time::interval(every);
    loop {
        tick.tick().await;
        match reminders.sweep().await {
            Ok(s) if s.sent + s.skipped == 0 => {}
            Ok(s) => tracing::info!(sent = s.sent, skipped = s.skipped, "cart reminders decided"),
            Err(e) => tracing::warn!(error = %e, "could not send cart reminders"),
        }
    }
}

/// Drops rate-limit buckets that are full again, so the table holds only
/// the clients of the last few minutes.
async fn prune_rate_limits(budgets: domain::rate_limits::RateLimits, every: Duration) {
    let mut tick = tokio::time::interval(every);
    loop {
        tick.tick().await;
        if let Err(e) = budgets.prune().await {
            tracing::warn!(error = %e, "could not prune rate-limit buckets");
        }
    }
}

/// Recounts the recommendations from orders and views, at start (so a new
/// or restored shop has them at once) and then every `every`. Each
/// instance does its own: the result is the same, written in one
/// transaction, and the work is bounded by the time windows.
async fn refresh_recommendations(recs: domain::recommendations::Recommendations, every: Duration) {
    let mut tick = tokio::time::interval(every);
    loop {
        tick.tick().await;
        let started = std::time::Instant::now();
        match recs.refresh().await {
            Ok(r) => tracing::info!(
                also_bought = r.also_bought,
                similar = r.similar,
                signals = r.signals,
                ms = started.elapsed().as_millis() as u64,
                "recommendations refreshed"
            ),
            Err(e) => tracing::warn!(error = %e, "could not refresh recommendations"),
        }
    }
}

/// Retries the search engine's setup (settings, first build) until it
/// answers; the outbox catches up on updates by itself.
pub async fn prepare_search_until_ready(search: domain::search::Search) {
    let mut wait = Duration::from_secs(5);
    loop {
        tokio::time::sleep(wait).await;
        match search.prepare().await {
            Ok(()) => {
                tracing::info!(
                    engine = search.engine(),
                    "search engine reachable again; index prepared"
                );
                return;
            }
            Err(e) => {
                tracing::warn!(error = %e, retry_in_s = wait.as_secs(), "search engine still unreachable")
            }
        }
        wait = std::cmp::min(wait * 2, Duration::from_secs(300));
    }
}

pub struct Workers {
    handles: Vec<JoinHandle<()>>,
}

impl Workers {
    pub fn start(
        config: &Config,
        db: &DatabaseConnection,
        signal: OutboxSignal,
        orders: domain::orders::Orders,
        search: domain::search::Search,
        recommendations: domain::recommendations::Recommendations,
        webhooks: domain::webhooks::Webhooks,
    ) -> anyhow::Result<Self> {
        let mailer = mailer(config)?;
        tracing::info!(transport = mailer.kind(), "mail transport ready");
        let outbox = Worker::new(
            db.clone(),
            mailer,
            OutboxConfig {
                poll_interval: config.security.outbox_poll,
                base_backoff: config.security.outbox_retry_base,
                lease: config.security.outbox_lease,
                ..OutboxConfig::default()
            },
            signal,
        )
        .with_search(search)
        .with_wishlists(orders.commerce().wishlists())
        .with_orders(orders.clone())
        .with_webhooks(webhooks);
        let reminders = orders.commerce().cart_reminders();
        let sweeper = sessions::cleanup(DbSessionStore::new(db.clone()), Duration::from_secs(600));
        let mut handles = vec![
            tokio::spawn(outbox.run()),
            tokio::spawn(sweeper),
            tokio::spawn(prune_rate_limits(
                domain::rate_limits::RateLimits::new(db.clone()),
                Duration::from_secs(300),
            )),
            tokio::spawn(expire_holds(orders, Duration::from_secs(30))),
            tokio::spawn(remind_carts(reminders, config.cart_reminders_every)),
            tokio::spawn(refresh_recommendations(
                recommendations,
                config.recommendations_every,
            )),
        ];
        if config.security.smtp_url.is_none() {
            handles.push(tokio::spawn(sweep_mail_files(
                config.mail_dir(),
                Duration::from_secs(600),
            )));
        }
        Ok(Self { handles })
    }
}

impl Workers {
    /// Stops `handle` together with the other workers.
    pub fn adopt(&mut self, handle: JoinHandle<()>) {
        self.handles.push(handle);
    }
}

impl Drop for Workers {
    fn drop(&mut self) {
        for h in &self.handles {
            h.abort();
        }
    }
}
