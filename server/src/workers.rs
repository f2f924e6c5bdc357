//! Background work started with the server: the outbox worker (mail) and
//! the expired-session sweeper. Both stop when the server's task ends.
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

pub struct Workers {
    handles: Vec<JoinHandle<()>>,
}

impl Workers {
    pub fn start(
        config: &Config,
        db: &DatabaseConnection,
        signal: OutboxSignal,
        orders: domain::orders::Orders,
    ) -> anyhow::Result<Self> {
        let mailer = mailer(config)?;
        tracing::info!(transport = mailer.kind(), "mail transport ready");
        let outbox = Worker::new(
            db.clone(),
            mailer,
            OutboxConfig {
                poll_interval: config.security.outbox_poll,
                base_backoff: config.security.outbox_retry_base,
                ..OutboxConfig::default()
            },
            signal,
        );
        let sweeper = sessions::cleanup(DbSessionStore::new(db.clone()), Duration::from_secs(600));
        Ok(Self {
            handles: vec![
                tokio::spawn(outbox.run()),
                tokio::spawn(sweeper),
                tokio::spawn(expire_holds(orders, Duration::from_secs(30))),
            ],
        })
    }
}

impl Drop for Workers {
    fn drop(&mut self) {
        for h in &self.handles {
            h.abort();
        }
    }
}
