//! Storefront analytics. The request path only hands an [`Event`] to the
//! [`Recorder`] (a bounded channel, never waiting); a background task writes
//! what arrived in batches, one transaction per batch. If the channel is
//! full the event is dropped and counted — analytics never slow a shopper
//! down or fail a request. See decision D17 in docs/ARCHITECTURE.md.
mod cart_reminders;
mod dashboard;
mod dashboard_view;
mod report;
mod returns;

use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::Arc;
use std::time::Duration;

use sea_orm::{DatabaseConnection, EntityTrait, Set};
use time::OffsetDateTime;
use tokio::sync::mpsc;

use crate::entities::analytics_event;

pub use cart_reminders::ReminderTally;
pub use dashboard::{
    dashboard, dashboard_until_now, Dashboard, DayPoint, FunnelStep, Kpis, TopProduct,
};
pub use report::{search_report, QueryCount, SearchReport, SearchTally};
pub use returns::ReturnTally;

pub use model::analytics::EventKind;

#[derive(Clone, Debug)]
pub struct Event {
    pub kind: EventKind,
    pub session: Option<String>,
    pub query: Option<String>,
    pub results: Option<i32>,
    pub product_id: Option<i32>,
    pub position: Option<i32>,
    pub order_id: Option<i32>,
    pub amount_minor: Option<i64>,
    /// The page path, without the query string (which may carry searches
    /// or tokens).
    pub path: Option<String>,
    pub at: OffsetDateTime,
}

impl Event {
    pub fn new(kind: EventKind, session: Option<String>) -> Self {
        Self {
            kind,
            session,
            query: None,
            results: None,
            product_id: None,
            position: None,
            order_id: None,
            amount_minor: None,
            path: None,
            at: OffsetDateTime::now_utc(),
        }
    }
}

/// Queries are stored normalised (trimmed, lower case, at most 200
/// characters) so "Jacket " and "jacket" count together.
pub fn normalise_query(q: &str) -> String {
    q.split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase()
        .chars()
        .take(200)
        .collect()
}

const CAPACITY: usize = 10_000;
const BATCH: usize = 500;
const LINGER: Duration = Duration::from_millis(250);

#[derive(Clone)]
pub struct Recorder {
    tx: mpsc::Sender<Event>,
    dropped: Arc<AtomicU64>,
}

impl Recorder {
    /// Starts the writer task on the current runtime.
    pub fn start(db: DatabaseConnection) -> (Self, tokio::task::JoinHandle<()>) {
        let (tx, rx) = mpsc::channel(CAPACITY);
        let handle = tokio::spawn(write_batches(db, rx));
        (
            Self {
                tx,
                dropped: Arc::default(),
            },
            handle,
        )
    }

    pub fn record(&self, event: Event) {
        if self.tx.try_send(event).is_err() {
            let n = self.dropped.fetch_add(1, Ordering::Relaxed) + 1;
            if n.is_power_of_two() {
                tracing::warn!(
                    dropped = n,
                    "analytics events dropped: the writer is behind"
                );
            }
        }
    }
}

async fn write_batches(db: DatabaseConnection, mut rx: mpsc::Receiver<Event>) {
    while let Some(first) = rx.recv().await {
        let mut batch = vec![first];
        let deadline = tokio::time::Instant::now() + LINGER;
        while batch.len() < BATCH {
            match tokio::time::timeout_at(deadline, rx.recv()).await {
                Ok(Some(e)) => batch.push(e),
                Ok(None) | Err(_) => break,
            }
        }
        let n = batch.len();
        let rows = batch.into_iter().map(|e| analytics_event::ActiveModel {
            kind: Set(e.kind.as_str().to_owned()),
            session: Set(e.session),
            query: Set(e.query),
            results: Set(e.results),
            product_id: Set(e.product_id),
            position: Set(e.position),
            order_id: Set(e.order_id),
            amount_minor: Set(e.amount_minor),
            path: Set(e.path.map(|p| p.chars().take(300).collect())),
            created_at: Set(e.at),
            ..Default::default()
        });
        if let Err(e) = analytics_event::Entity::insert_many(rows).exec(&db).await {
            tracing::warn!(error = %e, events = n, "could not write analytics events");
        }
    }
}
