//! One attempt at one delivery, for the outbox worker: vet the URL again
//! (DNS may have changed since it was registered), sign, POST to the vetted
//! address, log the attempt, and settle the delivery and the endpoint's
//! failure streak.
use std::time::Instant;

use sea_orm::sea_query::{Expr, ExprTrait, Func};
use sea_orm::{ActiveModelTrait, ColumnTrait, EntityTrait, QueryFilter, Set};
use time::OffsetDateTime;

use super::{guard, signing, Webhooks, DELIVERED, FAILED, PENDING};
use crate::entities::{user, webhook_attempt, webhook_delivery, webhook_endpoint, webhook_event};
use crate::mail::MailKind;
use crate::Result;

/// What the receiver's answer is kept of, for the delivery log.
const SNIPPET: usize = 1024;

/// How an attempt went, as the outbox sees it.
#[derive(Debug, PartialEq, Eq)]
pub enum Sent {
    Delivered,
    /// Try again later (the outbox's backoff).
    Retry(String),
    /// Nothing to try again: the delivery or endpoint is gone or off.
    Done(String),
}

struct Answer {
    status: Option<u16>,
    response: String,
    error: Option<String>,
}

impl Answer {
    fn failed(error: impl Into<String>) -> Self {
        Self {
            status: None,
            response: String::new(),
            error: Some(error.into()),
        }
    }

    fn ok(&self) -> bool {
        self.status.is_some_and(|s| (200..300).contains(&s))
    }
}

fn clip(s: &str, max: usize) -> String {
    let mut end = s.len().min(max);
    while !s.is_char_boundary(end) {
        end -= 1;
    }
    s[..end].to_owned()
}

impl Webhooks {
    /// Attempts delivery `delivery_id`. `last` is the outbox's final try:
    /// a failure then leaves the delivery `failed` for good (until an admin
    /// redelivers it).
    pub async fn send(&self, delivery_id: i64, last: bool) -> Result<Sent> {
        let Some(delivery) = webhook_delivery::Entity::find_by_id(delivery_id)
            .one(&self.db)
            .await?
        else {
            return Ok(Sent::Done("the delivery was removed".into()));
        };
        if delivery.status != PENDING {
            return Ok(Sent::Done(format!("the delivery is {}", delivery.status)));
        }
        let endpoint = webhook_endpoint::Entity::find_by_id(delivery.endpoint_id)
            .one(&self.db)
            .await?;
        let (Some(endpoint), Some(event)) = (
            endpoint,
            webhook_event::Entity::find_by_id(delivery.event_id)
                .one(&self.db)
                .await?,
        ) else {
            return Ok(Sent::Done("the endpoint or event was removed".into()));
        };
        if !endpoint.enabled {
            // Not attempted: the log says so by its attempt count.
            webhook_delivery::Entity::update_many()
                .col_expr(webhook_delivery::Column::Status, Expr::value(FAILED))
                .filter(webhook_delivery::Column::Id.eq(delivery.id))
                .exec(&self.db)
                .await?;
            return Ok(Sent::Done("the endpoint is turned off".into()));
        }
        let started = Instant::now();
        let answer = self.post(&endpoint, &event).await;
        let latency = started.elapsed().as_millis();
        webhook_attempt::ActiveModel {
            delivery_id: Set(delivery.id),
            at: Set(OffsetDateTime::now_utc()),
            status_code: Set(answer.status.map(i32::from)),
            latency_ms: Set(i32::try_from(latency).unwrap_or(i32::MAX)),
            response: Set(clip(&answer.response, SNIPPET)),
            error: Set(answer.error.as_deref().map(|e| clip(e, 500))),
            ..Default::default()
        }
        .insert(&self.db)
        .await?;
        if answer.ok() {
            self.settle(&delivery, DELIVERED, true).await?;
            self.succeeded(endpoint.id).await?;
            return Ok(Sent::Delivered);
        }
        let why = match (&answer.status, &answer.error) {
            (Some(status), _) => format!("the endpoint answered {status}"),
            (None, Some(e)) => e.clone(),
            (None, None) => "no answer".into(),
        };
        self.settle(&delivery, if last { FAILED } else { PENDING }, false)
            .await?;
        self.failed(&endpoint).await?;
        Ok(Sent::Retry(why))
    }

    async fn post(
        &self,
        endpoint: &webhook_endpoint::Model,
        event: &webhook_event::Model,
    ) -> Answer {
        let vetted = match guard::vet(&endpoint.url, self.config.allow_private).await {
            Ok(v) => v,
            Err(e) => return Answer::failed(e.to_string()),
        };
        let secret = match self.secrets.open(&endpoint.secret) {
            Ok(s) => s,
            Err(_) => return Answer::failed("the endpoint's secret cannot be read"),
        };
        let timestamp = OffsetDateTime::now_utc().unix_timestamp();
        let signature = match signing::sign(&secret, &event.public_id, timestamp, &event.body) {
            Ok(s) => s,
            Err(e) => return Answer::failed(e.to_string()),
        };
        // The request goes to the vetted address, whatever DNS says now.
        let client = match self.pinned(&vetted) {
            Ok(c) => c,
            Err(e) => return Answer::failed(e),
        };
        let sent = client
            .post(vetted.url.clone())
            .header("content-type", "application/json")
            .header("webhook-id", &event.public_id)
            .header("webhook-timestamp", timestamp.to_string())
            .header("webhook-signature", signature)
            .body(event.body.clone())
            .send()
            .await;
        let mut res = match sent {
            Ok(res) => res,
            Err(e) if e.is_timeout() => {
                return Answer::failed("the endpoint did not answer in time")
            }
            Err(e) if e.is_connect() => return Answer::failed("could not connect to the endpoint"),
            Err(_) => return Answer::failed("the request to the endpoint failed"),
        };
        let status = res.status().as_u16();
        // Only the start of the answer is read: a receiver cannot make the
        // shop download a large body.
        let mut body = Vec::new();
        while body.len() < SNIPPET {
            match res.chunk().await {
                Ok(Some(chunk)) => body.extend_from_slice(&chunk),
                _ => break,
            }
        }
        Answer {
            status: Some(status),
            response: String::from_utf8_lossy(&body).into_owned(),
            error: None,
        }
    }

    /// The shared client, or one pinned to the vetted addresses when the
    /// URL names a host (an IP literal needs no pinning).
    fn pinned(&self, vetted: &guard::Vetted) -> std::result::Result<reqwest::Client, String> {
        if vetted.host.parse::<std::net::IpAddr>().is_ok() {
            return Ok(self.client.clone());
        }
        super::client(&self.config)
            .resolve_to_addrs(&vetted.host, &vetted.addrs)
            .build()
            .map_err(|_| "could not prepare the request".to_owned())
    }

    async fn settle(
        &self,
        d: &webhook_delivery::Model,
        status: &str,
        delivered: bool,
    ) -> Result<()> {
        let now = OffsetDateTime::now_utc();
        let mut update = webhook_delivery::Entity::update_many()
            .col_expr(webhook_delivery::Column::Status, Expr::value(status))
            .col_expr(
                webhook_delivery::Column::Attempts,
                Expr::col(webhook_delivery::Column::Attempts).add(1),
            )
            .col_expr(webhook_delivery::Column::LastAttemptAt, Expr::value(now));
        if delivered {
            update = update.col_expr(webhook_delivery::Column::DeliveredAt, Expr::value(now));
        }
        update
            .filter(webhook_delivery::Column::Id.eq(d.id))
            .exec(&self.db)
            .await?;
        Ok(())
    }

    async fn succeeded(&self, endpoint_id: i32) -> Result<()> {
        webhook_endpoint::Entity::update_many()
            .col_expr(webhook_endpoint::Column::FailureStreak, Expr::value(0))
            .col_expr(
                webhook_endpoint::Column::FailingSince,
                Expr::value(Option::<OffsetDateTime>::None),
            )
            .filter(webhook_endpoint::Column::Id.eq(endpoint_id))
            .filter(webhook_endpoint::Column::FailureStreak.ne(0))
            .exec(&self.db)
            .await?;
        Ok(())
    }

    /// Counts a failure; turns the endpoint off once the streak is long
    /// enough in number and in time. The turning off is one conditional
    /// UPDATE: of two instances failing at once, one sends the mail.
    async fn failed(&self, endpoint: &webhook_endpoint::Model) -> Result<()> {
        let now = OffsetDateTime::now_utc();
        let txn = crate::db::begin_write(&self.db).await?;
        webhook_endpoint::Entity::update_many()
            .col_expr(
                webhook_endpoint::Column::FailureStreak,
                Expr::col(webhook_endpoint::Column::FailureStreak).add(1),
            )
            .col_expr(
                webhook_endpoint::Column::FailingSince,
                Func::coalesce([
                    Expr::col(webhook_endpoint::Column::FailingSince),
                    Expr::value(now),
                ])
                .into(),
            )
            .filter(webhook_endpoint::Column::Id.eq(endpoint.id))
            .exec(&txn)
            .await?;
        let failing_for = time::Duration::try_from(self.config.disable_after_failing_for)
            .unwrap_or(time::Duration::ZERO);
        let reason = format!(
            "Turned off after {} failed deliveries in a row",
            self.config.disable_after
        );
        let off = webhook_endpoint::Entity::update_many()
            .col_expr(webhook_endpoint::Column::Enabled, Expr::value(false))
            .col_expr(
                webhook_endpoint::Column::DisabledReason,
                Expr::value(reason),
            )
            .col_expr(webhook_endpoint::Column::UpdatedAt, Expr::value(now))
            .filter(webhook_endpoint::Column::Id.eq(endpoint.id))
            .filter(webhook_endpoint::Column::Enabled.eq(true))
            .filter(webhook_endpoint::Column::FailureStreak.gte(self.config.disable_after))
            .filter(webhook_endpoint::Column::FailingSince.lte(now - failing_for))
            .exec(&txn)
            .await?;
        if off.rows_affected == 1 {
            self.tell_admin(&txn, endpoint.id).await?;
        }
        txn.commit().await?;
        if off.rows_affected == 1 {
            self.outbox.wake();
        }
        Ok(())
    }

    async fn tell_admin<C: sea_orm::ConnectionTrait>(
        &self,
        conn: &C,
        endpoint_id: i32,
    ) -> Result<()> {
        let Some(endpoint) = webhook_endpoint::Entity::find_by_id(endpoint_id)
            .one(conn)
            .await?
        else {
            return Ok(());
        };
        tracing::warn!(
            endpoint = endpoint.id,
            "webhook endpoint turned off after repeated failures"
        );
        let Some(maker) = endpoint.created_by else {
            return Ok(());
        };
        let Some(admin) = user::Entity::find_by_id(maker).one(conn).await? else {
            return Ok(());
        };
        let since = endpoint
            .failing_since
            .and_then(|t| {
                t.format(time::macros::format_description!(
                    "[year]-[month]-[day] [hour]:[minute] UTC"
                ))
                .ok()
            })
            .unwrap_or_default();
        self.templates
            .enqueue(
                conn,
                MailKind::WebhookDisabled,
                &admin.email,
                minijinja::context! {
                    link => self.templates.link("/admin/webhooks"),
                    endpoint => minijinja::context! {
                        url => endpoint.url,
                        failures => endpoint.failure_streak,
                        since => since,
                    },
                },
            )
            .await
    }
}
