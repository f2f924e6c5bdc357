//! The transactional outbox: a service writes its change and an outbox row in
//! one transaction; [`Worker`] delivers the row later with retries and
//! exponential backoff. A crash, a restart or an SMTP outage loses nothing.
mod worker;

use std::sync::Arc;

use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, EntityTrait, PaginatorTrait, QueryFilter,
    QueryOrder, QuerySelect, Set,
};
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
    enqueue_at(conn, kind, payload, OffsetDateTime::now_utc()).await
}

/// [`enqueue`], not to be delivered before `at` (a gift card's day).
pub async fn enqueue_at<C: ConnectionTrait>(
    conn: &C,
    kind: &str,
    payload: &impl Serialize,
    at: OffsetDateTime,
) -> Result<i64> {
    let now = OffsetDateTime::now_utc();
    let row = outbox_message::ActiveModel {
        kind: Set(kind.to_owned()),
        payload: Set(serde_json::to_string(payload).map_err(Error::internal)?),
        status: Set("pending".to_owned()),
        attempts: Set(0),
        available_at: Set(at.max(now)),
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

/// What is waiting in the outbox, for `/metrics` and its alerts.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Backlog {
    pub pending: u64,
    /// Given up on after the last retry: an operator must look.
    pub dead: u64,
    /// Seconds since the oldest pending message was written (0: none).
    pub oldest_pending_secs: u64,
}

/// Counts by status, served by the `(status, available_at)` index.
pub async fn backlog<C: ConnectionTrait>(conn: &C) -> Result<Backlog> {
    use outbox_message::{Column, Entity};
    let count = |status: &'static str| Entity::find().filter(Column::Status.eq(status)).count(conn);
    let pending = count("pending").await?;
    let dead = count("dead").await?;
    let oldest = Entity::find()
        .filter(Column::Status.eq("pending"))
        .order_by_asc(Column::CreatedAt)
        .select_only()
        .column(Column::CreatedAt)
        .into_tuple::<OffsetDateTime>()
        .one(conn)
        .await?;
    let oldest_pending_secs = oldest.map_or(0, |at| {
        (OffsetDateTime::now_utc() - at)
            .whole_seconds()
            .max(0)
            .unsigned_abs()
    });
    Ok(Backlog {
        pending,
        dead,
        oldest_pending_secs,
    })
}
