//! Signed outbound webhooks: admins register endpoints (URL, events; the
//! signing secret is shown once and kept sealed), the shop emits events in
//! the transaction of their change ([`events`]), and the outbox delivers
//! each to each endpoint with retries ([`delivery`]), signed per Standard
//! Webhooks ([`signing`]), only to public addresses ([`guard`]). Every
//! attempt is logged; an admin can redeliver; an endpoint that keeps
//! failing is turned off and its maker told by mail.
mod delivery;
pub mod events;
pub mod guard;
pub mod signing;

use std::sync::Arc;
use std::time::Duration;

use sea_orm::sea_query::Expr;
use sea_orm::{
    ActiveModelTrait, ColumnTrait, DatabaseConnection, EntityTrait, PaginatorTrait, QueryFilter,
    QueryOrder, QuerySelect, Set,
};
use serde::{Deserialize, Serialize};
use serde_json::json;
use time::OffsetDateTime;

use crate::accounts::Actor;
use crate::entities::{webhook_attempt, webhook_delivery, webhook_endpoint, webhook_event};
use crate::mail::Templates;
use crate::outbox::OutboxSignal;
use crate::secrets::SecretBox;
use crate::{Error, Result};
use model::accounts::Permission;
use model::webhooks::{
    CreatedWebhookEndpoint, EventType, NewWebhookEndpoint, WebhookAttemptView, WebhookDeliveryView,
    WebhookEndpointView,
};

pub use delivery::Sent;

/// The outbox kind of one delivery.
pub const KIND_WEBHOOK: &str = "webhook";
pub(crate) const PENDING: &str = "pending";
pub(crate) const DELIVERED: &str = "delivered";
pub(crate) const FAILED: &str = "failed";

/// An admin's list of endpoints is short; this bounds it anyway.
const MAX_ENDPOINTS: u64 = 50;
/// Deliveries shown per page of an endpoint's log.
pub const DELIVERIES_PER_PAGE: u64 = 50;
/// Attempts shown per delivery.
const ATTEMPTS_SHOWN: u64 = 10;

/// The outbox payload: which delivery to attempt.
#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct Delivery {
    pub delivery_id: i64,
}

#[derive(Clone, Debug)]
pub struct WebhookConfig {
    /// Let endpoints on loopback and private networks be registered and
    /// called (development, tests, an ERP on the same LAN).
    pub allow_private: bool,
    /// An endpoint is turned off after this many failed attempts in a
    /// row, spanning at least `disable_after_failing_for`.
    pub disable_after: i32,
    pub disable_after_failing_for: Duration,
    /// How long one request may take, answer included.
    pub timeout: Duration,
}

impl Default for WebhookConfig {
    fn default() -> Self {
        Self {
            allow_private: false,
            disable_after: 10,
            disable_after_failing_for: Duration::from_secs(3 * 24 * 3600),
            timeout: Duration::from_secs(10),
        }
    }
}

#[derive(Clone)]
pub struct Webhooks {
    db: DatabaseConnection,
    secrets: SecretBox,
    config: Arc<WebhookConfig>,
    templates: Arc<Templates>,
    outbox: OutboxSignal,
    client: reqwest::Client,
}

/// How every webhook request is made. Redirects are not followed: the
/// guard vetted this URL, not wherever a receiver points next.
fn client(config: &WebhookConfig) -> reqwest::ClientBuilder {
    reqwest::Client::builder()
        .redirect(reqwest::redirect::Policy::none())
        .timeout(config.timeout)
        .user_agent(concat!("Mercato-Webhooks/", env!("CARGO_PKG_VERSION")))
}

fn unix(t: OffsetDateTime) -> i64 {
    t.unix_timestamp()
}

fn view(row: &webhook_endpoint::Model) -> WebhookEndpointView {
    WebhookEndpointView {
        id: row.id,
        url: row.url.clone(),
        description: row.description.clone(),
        events: EventType::parse_list(&row.events),
        enabled: row.enabled,
        disabled_reason: row.disabled_reason.clone(),
        failure_streak: row.failure_streak,
        created_at: unix(row.created_at),
    }
}

impl Webhooks {
    pub fn new(
        db: DatabaseConnection,
        secrets: SecretBox,
        config: WebhookConfig,
        templates: Arc<Templates>,
        outbox: OutboxSignal,
    ) -> Result<Self> {
        let client = client(&config).build().map_err(Error::internal)?;
        Ok(Self {
            db,
            secrets,
            config: Arc::new(config),
            templates,
            outbox,
            client,
        })
    }

    fn checked(&self, new: &NewWebhookEndpoint) -> Result<(String, String)> {
        let description = new.description.trim();
        if description.chars().count() > 200 {
            return Err(Error::validation(
                "description",
                "Keep the description under 200 characters.",
            ));
        }
        if new.events.is_empty() {
            return Err(Error::validation(
                "events",
                "Choose at least one event to send.",
            ));
        }
        Ok((description.to_owned(), EventType::join(&new.events)))
    }

    pub async fn list(&self, actor: &Actor) -> Result<Vec<WebhookEndpointView>> {
        actor.require(Permission::Settings)?;
        let rows = webhook_endpoint::Entity::find()
            .order_by_asc(webhook_endpoint::Column::Id)
            .limit(MAX_ENDPOINTS)
            .all(&self.db)
            .await?;
        Ok(rows.iter().map(view).collect())
    }

    pub async fn get(&self, actor: &Actor, id: i32) -> Result<WebhookEndpointView> {
        actor.require(Permission::Settings)?;
        Ok(view(&self.row(id).await?))
    }

    async fn row(&self, id: i32) -> Result<webhook_endpoint::Model> {
        webhook_endpoint::Entity::find_by_id(id)
            .one(&self.db)
            .await?
            .ok_or(Error::not_found("webhook endpoint"))
    }

    /// Registers an endpoint; the answer holds its secret, shown this once.
    pub async fn create(
        &self,
        actor: &Actor,
        new: &NewWebhookEndpoint,
    ) -> Result<CreatedWebhookEndpoint> {
        let by = actor.require(Permission::Settings)?;
        let (description, events) = self.checked(new)?;
        let vetted = guard::vet(&new.url, self.config.allow_private).await?;
        let secret = signing::new_secret();
        let now = OffsetDateTime::now_utc();
        let txn = crate::db::begin_write(&self.db).await?;
        let count = webhook_endpoint::Entity::find().count(&txn).await?;
        if count >= MAX_ENDPOINTS {
            return Err(Error::Conflict(format!(
                "A shop can have {MAX_ENDPOINTS} webhook endpoints; remove one first."
            )));
        }
        let row = webhook_endpoint::ActiveModel {
            url: Set(vetted.url.to_string()),
            description: Set(description),
            events: Set(events),
            secret: Set(self.secrets.seal(&secret)?),
            enabled: Set(true),
            disabled_reason: Set(None),
            failure_streak: Set(0),
            failing_since: Set(None),
            created_by: Set(Some(by)),
            created_at: Set(now),
            updated_at: Set(now),
            ..Default::default()
        }
        .insert(&txn)
        .await?;
        crate::audit::record(
            &txn,
            actor,
            "webhook.create",
            "webhook_endpoint",
            &row.id.to_string(),
            None,
            Some(json!({ "url": row.url, "events": row.events })),
        )
        .await?;
        txn.commit().await?;
        Ok(CreatedWebhookEndpoint {
            endpoint: view(&row),
            secret,
        })
    }

    /// Changes an endpoint's URL, description and events.
    pub async fn update(
        &self,
        actor: &Actor,
        id: i32,
        new: &NewWebhookEndpoint,
    ) -> Result<WebhookEndpointView> {
        actor.require(Permission::Settings)?;
        let (description, events) = self.checked(new)?;
        let vetted = guard::vet(&new.url, self.config.allow_private).await?;
        let before = self.row(id).await?;
        let txn = crate::db::begin_write(&self.db).await?;
        webhook_endpoint::Entity::update_many()
            .col_expr(
                webhook_endpoint::Column::Url,
                Expr::value(vetted.url.to_string()),
            )
            .col_expr(
                webhook_endpoint::Column::Description,
                Expr::value(description),
            )
            .col_expr(
                webhook_endpoint::Column::Events,
                Expr::value(events.clone()),
            )
            .col_expr(
                webhook_endpoint::Column::UpdatedAt,
                Expr::value(OffsetDateTime::now_utc()),
            )
            .filter(webhook_endpoint::Column::Id.eq(id))
            .exec(&txn)
            .await?;
        crate::audit::record(
            &txn,
            actor,
            "webhook.update",
            "webhook_endpoint",
            &id.to_string(),
            Some(json!({ "url": before.url, "events": before.events })),
            Some(json!({ "url": vetted.url.to_string(), "events": events })),
        )
        .await?;
        txn.commit().await?;
        self.get(actor, id).await
    }

    /// Turns an endpoint on (its failure streak starts again) or off.
    pub async fn set_enabled(
        &self,
        actor: &Actor,
        id: i32,
        enabled: bool,
    ) -> Result<WebhookEndpointView> {
        actor.require(Permission::Settings)?;
        let before = self.row(id).await?;
        let txn = crate::db::begin_write(&self.db).await?;
        let mut update = webhook_endpoint::Entity::update_many()
            .col_expr(webhook_endpoint::Column::Enabled, Expr::value(enabled))
            .col_expr(
                webhook_endpoint::Column::UpdatedAt,
                Expr::value(OffsetDateTime::now_utc()),
            );
        if enabled {
            update = update
                .col_expr(
                    webhook_endpoint::Column::DisabledReason,
                    Expr::value(Option::<String>::None),
                )
                .col_expr(webhook_endpoint::Column::FailureStreak, Expr::value(0))
                .col_expr(
                    webhook_endpoint::Column::FailingSince,
                    Expr::value(Option::<OffsetDateTime>::None),
                );
        }
        update
            .filter(webhook_endpoint::Column::Id.eq(id))
            .exec(&txn)
            .await?;
        crate::audit::record(
            &txn,
            actor,
            if enabled {
                "webhook.enable"
            } else {
                "webhook.disable"
            },
            "webhook_endpoint",
            &id.to_string(),
            Some(json!({ "enabled": before.enabled })),
            Some(json!({ "enabled": enabled })),
        )
        .await?;
        txn.commit().await?;
        self.get(actor, id).await
    }

    /// Removes an endpoint with its delivery log.
    pub async fn delete(&self, actor: &Actor, id: i32) -> Result<()> {
        actor.require(Permission::Settings)?;
        let before = self.row(id).await?;
        let txn = crate::db::begin_write(&self.db).await?;
        // The database cascades to deliveries and attempts; outbox rows of
        // pending deliveries find nothing and settle.
        webhook_endpoint::Entity::delete_by_id(id)
            .exec(&txn)
            .await?;
        crate::audit::record(
            &txn,
            actor,
            "webhook.delete",
            "webhook_endpoint",
            &id.to_string(),
            Some(json!({ "url": before.url, "events": before.events })),
            None,
        )
        .await?;
        txn.commit().await?;
        Ok(())
    }

    /// An endpoint's deliveries, newest first, before delivery id `before`.
    pub async fn deliveries(
        &self,
        actor: &Actor,
        endpoint_id: i32,
        before: Option<i64>,
    ) -> Result<Vec<WebhookDeliveryView>> {
        actor.require(Permission::Settings)?;
        self.row(endpoint_id).await?;
        let mut find = webhook_delivery::Entity::find()
            .filter(webhook_delivery::Column::EndpointId.eq(endpoint_id))
            .order_by_desc(webhook_delivery::Column::Id)
            .limit(DELIVERIES_PER_PAGE);
        if let Some(before) = before {
            find = find.filter(webhook_delivery::Column::Id.lt(before));
        }
        let rows = find.all(&self.db).await?;
        let mut out = Vec::with_capacity(rows.len());
        for row in rows {
            out.push(self.delivery_view(row).await?);
        }
        Ok(out)
    }

    async fn delivery_view(&self, row: webhook_delivery::Model) -> Result<WebhookDeliveryView> {
        let event = webhook_event::Entity::find_by_id(row.event_id)
            .one(&self.db)
            .await?
            .ok_or(Error::not_found("webhook event"))?;
        let log = webhook_attempt::Entity::find()
            .filter(webhook_attempt::Column::DeliveryId.eq(row.id))
            .order_by_desc(webhook_attempt::Column::Id)
            .limit(ATTEMPTS_SHOWN)
            .all(&self.db)
            .await?
            .into_iter()
            .map(|a| WebhookAttemptView {
                at: unix(a.at),
                status_code: a.status_code.and_then(|c| u16::try_from(c).ok()),
                latency_ms: u32::try_from(a.latency_ms).unwrap_or(0),
                response: a.response,
                error: a.error,
            })
            .collect();
        Ok(WebhookDeliveryView {
            id: row.id,
            event_id: event.public_id,
            event_type: event.kind,
            status: row.status,
            attempts: row.attempts,
            created_at: unix(row.created_at),
            delivered_at: row.delivered_at.map(unix),
            log,
        })
    }

    /// Sends a delivery again (same event id, same body), whatever its
    /// state: the receiver lost it, or the endpoint works again.
    pub async fn redeliver(&self, actor: &Actor, delivery_id: i64) -> Result<WebhookDeliveryView> {
        actor.require(Permission::Settings)?;
        let row = webhook_delivery::Entity::find_by_id(delivery_id)
            .one(&self.db)
            .await?
            .ok_or(Error::not_found("webhook delivery"))?;
        let endpoint = self.row(row.endpoint_id).await?;
        if !endpoint.enabled {
            return Err(Error::Conflict(
                "That endpoint is turned off; turn it on before redelivering.".into(),
            ));
        }
        let txn = crate::db::begin_write(&self.db).await?;
        webhook_delivery::Entity::update_many()
            .col_expr(webhook_delivery::Column::Status, Expr::value(PENDING))
            .filter(webhook_delivery::Column::Id.eq(delivery_id))
            .exec(&txn)
            .await?;
        crate::outbox::enqueue(&txn, KIND_WEBHOOK, &Delivery { delivery_id }).await?;
        crate::audit::record(
            &txn,
            actor,
            "webhook.redeliver",
            "webhook_endpoint",
            &row.endpoint_id.to_string(),
            None,
            Some(json!({ "delivery_id": delivery_id })),
        )
        .await?;
        txn.commit().await?;
        self.outbox.wake();
        let fresh = webhook_delivery::Entity::find_by_id(delivery_id)
            .one(&self.db)
            .await?
            .ok_or(Error::not_found("webhook delivery"))?;
        self.delivery_view(fresh).await
    }
}
