//! The transactional outbox: a service writes its change and an outbox row in
//! one transaction; [`Worker`] delivers the row later with retries and
//! exponential backoff. A crash, a restart or an SMTP outage loses nothing.
mod worker;

use std::sync::Arc;

use sea_orm::{ActiveModelTrait, ConnectionTrait, Set};
use serde::Serialize;
use time::OffsetDateTime;
use tokio::sync::Notify;

use crate::entities::outbox_message;
use crate::{Error, Result};

pub use worker::{OutboxConfig, Worker};

/// Message kinds the worker knows how to deliver.
pub const KIND_MAIL: &str = "mail";
/// A refund to send to the payment provider ([`crate::orders::RefundJob`]).
pub const KIND_REFUND: &str = "refund";

/// Writes one message inside the caller's transaction.
pub async fn enqueue<C: ConnectionTrait>(
    conn: &C,
    kind: &str,
    payload: &impl Serialize,
) -> Result<i64> {
    let now = OffsetDateTime::now_utc();
    let row = outbox_message::ActiveModel {
        kind: Set(kind.to_owned()),
        payload: Set(serde_json::to_string(payload).map_err(Error::internal)?),
        status: Set("pending".to_owned()),
        attempts: Set(0),
        available_at: Set(now),
        locked_until: Set(None),
        last_error: Set(None),
        created_at: Set(now),
        processed_at: Set(None),
        ..Default::default()
    }
    .insert(conn)
    .await?;
    Ok(row.id)
}

/// Wakes the in-process worker after a commit, so mail goes out at once
/// rather than at the next poll. Other instances find the row by polling.
#[derive(Clone, Default)]
pub struct OutboxSignal(Arc<Notify>);

impl OutboxSignal {
    pub fn wake(&self) {
        self.0.notify_one();
    }

    pub(crate) async fn woken(&self) {
        self.0.notified().await;
    }
}
