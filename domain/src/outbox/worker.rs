//! Delivers due outbox rows. A row is claimed with one conditional UPDATE
//! (only one worker, in any instance, wins it), delivered, then marked done
//! or rescheduled with exponential backoff. After `max_attempts` it is
//! marked `dead` and logged for an operator.
use std::sync::Arc;
use std::time::Duration;

use sea_orm::sea_query::{Expr, ExprTrait};
use sea_orm::{ColumnTrait, DatabaseConnection, EntityTrait, QueryFilter, QueryOrder, QuerySelect};
use time::OffsetDateTime;

use super::{OutboxSignal, KIND_MAIL, KIND_REFUND};
use crate::entities::outbox_message::{self, Column, Entity as Outbox};
use crate::mail::{Mailer, OutgoingMail};
use crate::orders::{Orders, RefundJob, RefundSent};
use crate::search::sync::{IndexProducts, KIND_SEARCH};
use crate::search::Search;
use crate::webhooks::{Sent, Webhooks};
use crate::wishlist::alerts::{WishlistAlert, KIND_WISHLIST};
use crate::wishlist::Wishlists;
use crate::{Error, Result};

#[derive(Clone, Debug)]
pub struct OutboxConfig {
    /// How often to look for due rows when nothing woke the worker.
    pub poll_interval: Duration,
    /// First retry delay; doubles per attempt up to `max_backoff`.
    pub base_backoff: Duration,
    pub max_backoff: Duration,
    pub max_attempts: i32,
    /// How long a claim holds before another worker may retry the row.
    pub lease: Duration,
}

impl Default for OutboxConfig {
    fn default() -> Self {
        Self {
            poll_interval: Duration::from_secs(2),
            base_backoff: Duration::from_secs(5),
            max_backoff: Duration::from_secs(3600),
            max_attempts: 15,
            lease: Duration::from_secs(120),
        }
    }
}

impl OutboxConfig {
    /// Delay before attempt `attempts + 1`.
    pub fn backoff(&self, attempts: i32) -> Duration {
        let exp = attempts.saturating_sub(1).clamp(0, 20) as u32;
        self.base_backoff
            .saturating_mul(2u32.saturating_pow(exp))
            .min(self.max_backoff)
    }
}

#[derive(Clone)]
pub struct Worker {
    db: DatabaseConnection,
    mailer: Arc<dyn Mailer>,
    config: OutboxConfig,
    signal: OutboxSignal,
    search: Option<Search>,
    orders: Option<Orders>,
    wishlists: Option<Wishlists>,
    webhooks: Option<Webhooks>,
}

enum Outcome {
    Delivered,
    Retry(String),
    Permanent(String),
}

impl Worker {
    pub fn new(
        db: DatabaseConnection,
        mailer: Arc<dyn Mailer>,
        config: OutboxConfig,
        signal: OutboxSignal,
    ) -> Self {
        Self {
            db,
            mailer,
            config,
            signal,
            search: None,
            orders: None,
            wishlists: None,
            webhooks: None,
        }
    }

    /// Also send refunds to the payment provider.
    pub fn with_orders(mut self, orders: Orders) -> Self {
        self.orders = Some(orders);
        self
    }

    /// Also mail wishlist alerts (rendered when sent).
    pub fn with_wishlists(mut self, wishlists: Wishlists) -> Self {
        self.wishlists = Some(wishlists);
        self
    }

    /// Also deliver webhooks.
    pub fn with_webhooks(mut self, webhooks: Webhooks) -> Self {
        self.webhooks = Some(webhooks);
        self
    }

    /// Also deliver search index updates to this engine.
    pub fn with_search(mut self, search: Search) -> Self {
        self.search = Some(search);
        self
    }

    /// Runs until the task is dropped: deliver what is due, then sleep until
    /// woken or the poll interval passes.
    pub async fn run(self) {
        loop {
            match self.run_once().await {
                Ok(n) if n > 0 => continue,
                Ok(_) => {}
                Err(err) => tracing::warn!(error = %err, "outbox pass failed"),
            }
            tokio::select! {
                _ = self.signal.woken() => {}
                _ = tokio::time::sleep(self.config.poll_interval) => {}
            }
        }
    }

    /// One pass over due rows; returns how many were attempted.
    pub async fn run_once(&self) -> Result<usize> {
        let now = OffsetDateTime::now_utc();
        let due: Vec<i64> = Outbox::find()
            .select_only()
            .column(Column::Id)
            .filter(Column::Status.eq("pending"))
            .filter(Column::AvailableAt.lte(now))
            .filter(
                Column::LockedUntil
                    .is_null()
                    .or(Column::LockedUntil.lt(now)),
            )
            .order_by_asc(Column::Id)
            .limit(20)
            .into_tuple()
            .all(&self.db)
            .await?;
        let mut attempted = 0;
        for id in due {
            if let Some(row) = self.claim(id).await? {
                attempted += 1;
                let outcome = self.deliver(&row).await;
                self.settle(&row, outcome).await?;
            }
        }
        Ok(attempted)
    }

    /// Takes the row if nobody else holds it: one conditional UPDATE, no read-then-write.
    async fn claim(&self, id: i64) -> Result<Option<outbox_message::Model>> {
        let now = OffsetDateTime::now_utc();
        let lease_until = now + self.config.lease;
        let claimed = Outbox::update_many()
            .col_expr(Column::LockedUntil, Expr::value(lease_until))
            .col_expr(Column::Attempts, Expr::col(Column::Attempts).add(1))
            .filter(Column::Id.eq(id))
            .filter(Column::Status.eq("pending"))
            .filter(
                Column::LockedUntil
                    .is_null()
                    .or(Column::LockedUntil.lt(now)),
            )
            .exec(&self.db)
            .await?;
        if claimed.rows_affected != 1 {
            return Ok(None);
        }
        Ok(Outbox::find_by_id(id).one(&self.db).await?)
    }

    async fn deliver(&self, row: &outbox_message::Model) -> Outcome {
        match row.kind.as_str() {
            KIND_MAIL => {
                let mail: OutgoingMail = match serde_json::from_str(&row.payload) {
                    Ok(mail) => mail,
                    Err(e) => return Outcome::Permanent(format!("bad payload: {e}")),
                };
                self.send(row, &mail).await
            }
            KIND_WISHLIST => {
                let Some(wishlists) = &self.wishlists else {
                    return Outcome::Retry("no wishlists in this worker".into());
                };
                let alert: WishlistAlert = match serde_json::from_str(&row.payload) {
                    Ok(alert) => alert,
                    Err(e) => return Outcome::Permanent(format!("bad payload: {e}")),
                };
                match wishlists.alert_mail(&alert).await {
                    Ok(Some(mail)) => self.send(row, &mail).await,
                    Ok(None) => Outcome::Delivered,
                    Err(e) => Outcome::Retry(e.to_string()),
                }
            }
            crate::inventory::KIND_LOW_STOCK => {
                let Some(orders) = &self.orders else {
                    return Outcome::Retry("no mail templates in this worker".into());
                };
                let job: crate::inventory::LowStockMail = match serde_json::from_str(&row.payload) {
                    Ok(job) => job,
                    Err(e) => return Outcome::Permanent(format!("bad payload: {e}")),
                };
                match job.render(&orders.commerce().templates) {
                    Ok(mail) => self.send(row, &mail).await,
                    Err(e) => Outcome::Permanent(e.to_string()),
                }
            }
            KIND_SEARCH => {
                let Some(search) = &self.search else {
                    return Outcome::Retry("no search engine in this worker".into());
                };
                let msg: IndexProducts = match serde_json::from_str(&row.payload) {
                    Ok(msg) => msg,
                    Err(e) => return Outcome::Permanent(format!("bad payload: {e}")),
                };
                if let Err(e) = search.apply(&msg).await {
                    return Outcome::Retry(e.to_string());
                }
                // Indexing again is harmless, so a lost feed row retries both.
                match crate::changes::search_index_changed(&self.db, &msg.product_ids).await {
                    Ok(()) => Outcome::Delivered,
                    Err(e) => Outcome::Retry(e.to_string()),
                }
            }
            KIND_REFUND => {
                let Some(orders) = &self.orders else {
                    return Outcome::Retry("no payment gateway in this worker".into());
                };
                let job: RefundJob = match serde_json::from_str(&row.payload) {
                    Ok(job) => job,
                    Err(e) => return Outcome::Permanent(format!("bad payload: {e}")),
                };
                match orders.send_refund(&job).await {
                    Ok(RefundSent::Done) => Outcome::Delivered,
                    Ok(RefundSent::Retry(e)) => Outcome::Retry(e),
                    Ok(RefundSent::Refused(e)) => Outcome::Permanent(e),
                    Err(e) => Outcome::Retry(e.to_string()),
                }
            }
            crate::webhooks::KIND_WEBHOOK => {
                let Some(webhooks) = &self.webhooks else {
                    return Outcome::Retry("no webhooks in this worker".into());
                };
                let job: crate::webhooks::Delivery = match serde_json::from_str(&row.payload) {
                    Ok(job) => job,
                    Err(e) => return Outcome::Permanent(format!("bad payload: {e}")),
                };
                let last = row.attempts >= self.config.max_attempts;
                match webhooks.send(job.delivery_id, last).await {
                    Ok(Sent::Delivered) => Outcome::Delivered,
                    Ok(Sent::Retry(e)) => Outcome::Retry(e),
                    // Settled: nothing was sent, nothing to try again.
                    Ok(Sent::Done(why)) => {
                        tracing::info!(outbox_id = row.id, %why, "webhook delivery skipped");
                        Outcome::Delivered
                    }
                    Err(e) => Outcome::Retry(e.to_string()),
                }
            }
            other => Outcome::Permanent(format!("unknown outbox kind {other:?}")),
        }
    }

    /// The row's id names the mail, so a retry after a lost answer is
    /// recognisably the same message.
    async fn send(&self, row: &outbox_message::Model, mail: &OutgoingMail) -> Outcome {
        let message_id = format!(
            "<outbox-{}.{}@mercato>",
            row.id,
            row.created_at.unix_timestamp()
        );
        match self.mailer.send(mail, &message_id).await {
            Ok(()) => Outcome::Delivered,
            Err(e) if e.is_permanent() => Outcome::Permanent(e.to_string()),
            Err(e) => Outcome::Retry(e.to_string()),
        }
    }

    async fn settle(&self, row: &outbox_message::Model, outcome: Outcome) -> Result<()> {
        let now = OffsetDateTime::now_utc();
        let update = Outbox::update_many()
            .filter(Column::Id.eq(row.id))
            .col_expr(
                Column::LockedUntil,
                Expr::value(Option::<OffsetDateTime>::None),
            );
        let update = match outcome {
            Outcome::Delivered => {
                tracing::info!(outbox_id = row.id, kind = %row.kind, attempts = row.attempts, "outbox message delivered");
                update
                    .col_expr(Column::Status, Expr::value("done"))
                    .col_expr(Column::ProcessedAt, Expr::value(now))
                    .col_expr(Column::LastError, Expr::value(Option::<String>::None))
                    // Mail bodies carry one-time links: keep only what it was.
                    .col_expr(Column::Payload, Expr::value(delivered_payload(row)))
            }
            Outcome::Retry(error) if row.attempts < self.config.max_attempts => {
                let delay = self.config.backoff(row.attempts);
                tracing::warn!(outbox_id = row.id, kind = %row.kind, attempts = row.attempts, retry_in_ms = delay.as_millis() as u64, %error, "outbox delivery failed; will retry");
                update
                    .col_expr(Column::AvailableAt, Expr::value(now + delay))
                    .col_expr(Column::LastError, Expr::value(truncate(&error)))
            }
            Outcome::Retry(error) | Outcome::Permanent(error) => {
                tracing::error!(outbox_id = row.id, kind = %row.kind, attempts = row.attempts, %error, "outbox message given up");
                update
                    .col_expr(Column::Status, Expr::value("dead"))
                    .col_expr(Column::ProcessedAt, Expr::value(now))
                    .col_expr(Column::LastError, Expr::value(truncate(&error)))
                    // A dead mail's links must not outlive it either.
                    .col_expr(Column::Payload, Expr::value(delivered_payload(row)))
            }
        };
        update.exec(&self.db).await.map(|_| ()).map_err(Error::from)
    }
}

fn delivered_payload(row: &outbox_message::Model) -> String {
    if row.kind == KIND_MAIL {
        redacted(&row.payload)
    } else {
        row.payload.clone()
    }
}

fn redacted(payload: &str) -> String {
    // Who it went to is personal data too (and must go on erasure).
    let summary = serde_json::from_str::<OutgoingMail>(payload)
        .map(|m| serde_json::json!({ "subject": m.subject, "redacted": true }))
        .unwrap_or_else(|_| serde_json::json!({ "redacted": true }));
    summary.to_string()
}

fn truncate(s: &str) -> String {
    s.chars().take(500).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn backoff_doubles_and_caps() {
        let c = OutboxConfig {
            base_backoff: Duration::from_secs(5),
            max_backoff: Duration::from_secs(60),
            ..OutboxConfig::default()
        };
        assert_eq!(c.backoff(1), Duration::from_secs(5));
        assert_eq!(c.backoff(2), Duration::from_secs(10));
        assert_eq!(c.backoff(3), Duration::from_secs(20));
        assert_eq!(c.backoff(5), Duration::from_secs(60));
        assert_eq!(c.backoff(50), Duration::from_secs(60));
    }
}
