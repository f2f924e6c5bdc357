//! Reading the change feed: what changed in the shop as shoppers see it,
//! appended by database triggers in the writing transaction (migration
//! `m20261202_000011_change_feed`). Every instance follows it with a
//! [`Follower`] to evict cached pages and refresh in-memory copies.
use std::collections::BTreeSet;
use std::time::{Duration, Instant};

use sea_orm::sea_query::{Alias, Expr, ExprTrait as _, Func, Order, Query};
use sea_orm::{ConnectionTrait, DatabaseConnection};

use crate::{Error, Result};

/// What a change row says changed.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Change {
    /// A product, its variants, images, options or a stock band; `None`
    /// when the trigger could not tell which (a cascade removed the parent).
    Product(Option<i32>),
    /// A category (names show in every page's navigation).
    Category(i32),
    /// The store profile, shipping methods or tax rates.
    Store,
    /// The search index took in changes. Written by the outbox after the
    /// index acknowledged them, not by a trigger: a search page rendered
    /// between a product's change and its reindexing shows the old results,
    /// and this row evicts it once the new ones are searchable.
    Search,
}

impl Change {
    fn read(topic: &str, subject: Option<i32>) -> Self {
        match (topic, subject) {
            ("product", id) => Self::Product(id),
            ("category", Some(id)) => Self::Category(id),
            (TOPIC_SEARCH, _) => Self::Search,
            // "store", and anything a newer version writes: evict broadly.
            _ => Self::Store,
        }
    }
}

/// What one poll found.
#[derive(Debug, Default, PartialEq, Eq)]
pub struct Batch {
    pub changes: Vec<Change>,
    /// More rows arrived than one poll reads: treat everything as changed.
    pub overflow: bool,
}

/// Rows read per poll; beyond it (a large import) a follower flushes all.
const PER_POLL: u64 = 2_000;
/// A PostgreSQL id is taken when the row is written but visible only at
/// commit, so a lower id may appear after a higher one. Ids are re-read for
/// this long before the follower stops looking below them.
const SETTLE: Duration = Duration::from_secs(5);
/// Rows are kept this long (seconds), then pruned.
const KEEP_SECS: i64 = 24 * 3600;

/// One instance's position in the feed.
pub struct Follower {
    db: DatabaseConnection,
    /// Every id at or below it has been applied or was there at start.
    floor: i64,
    /// Ids above `floor` already applied.
    seen: BTreeSet<i64>,
    /// (when, highest id seen then): `floor` moves up to an entry once it
    /// is older than [`SETTLE`].
    marks: Vec<(Instant, i64)>,
}

#[derive(Debug, sea_orm::FromQueryResult)]
struct Row {
    id: i64,
    topic: String,
    subject: Option<i32>,
}

const TOPIC_SEARCH: &str = "search";

fn table() -> Alias {
    Alias::new("change_feed")
}

impl Follower {
    /// Starts at the feed's end: what happened before this instance
    /// started is already in the database it reads.
    pub async fn start(db: DatabaseConnection) -> Result<Self> {
        let stmt = Query::select()
            .expr(Func::coalesce([
                Expr::from(Func::max(Expr::col(Alias::new("id")))),
                Expr::val(0i64),
            ]))
            .from(table())
            .to_owned();
        let row = db.query_one(&stmt).await.map_err(Error::from)?;
        let floor = match row {
            Some(r) => r.try_get_by_index::<i64>(0).map_err(Error::from)?,
            None => 0,
        };
        Ok(Self {
            db,
            floor,
            seen: BTreeSet::new(),
            marks: Vec::new(),
        })
    }

    /// The changes committed since the last poll.
    pub async fn poll(&mut self) -> Result<Batch> {
        let stmt = Query::select()
            .columns([Alias::new("id"), Alias::new("topic"), Alias::new("subject")])
            .from(table())
            .and_where(Expr::col(Alias::new("id")).gt(self.floor))
            .order_by(Alias::new("id"), Order::Asc)
            .limit(PER_POLL + self.seen.len() as u64)
            .to_owned();
        let rows = self.db.query_all(&stmt).await.map_err(Error::from)?;
        let overflow = rows.len() as u64 >= PER_POLL + self.seen.len() as u64;
        let mut changes = Vec::new();
        let mut highest = self.seen.last().copied().unwrap_or(self.floor);
        for row in rows {
            let row = <Row as sea_orm::FromQueryResult>::from_query_result(&row, "")
                .map_err(Error::from)?;
            highest = std::cmp::max(highest, row.id);
            if self.seen.insert(row.id) {
                let change = Change::read(&row.topic, row.subject);
                if !changes.contains(&change) {
                    changes.push(change);
                }
            }
        }
        if overflow {
            // Everything gets evicted: start again from the top.
            self.floor = highest;
            self.seen.clear();
            self.marks.clear();
        } else {
            self.settle(highest, Instant::now());
        }
        Ok(Batch { changes, overflow })
    }

    fn settle(&mut self, highest: i64, now: Instant) {
        self.marks.push((now, highest));
        let settled = self
            .marks
            .iter()
            .filter(|(at, _)| now.duration_since(*at) >= SETTLE)
            .map(|(_, id)| *id)
            .max();
        if let Some(floor) = settled {
            self.floor = std::cmp::max(self.floor, floor);
            self.marks
                .retain(|(at, _)| now.duration_since(*at) < SETTLE);
            self.seen = self.seen.split_off(&(self.floor + 1));
        }
    }
}

/// Tells every instance that the search index changed (see
/// [`Change::Search`]).
pub async fn search_index_changed(db: &DatabaseConnection) -> Result<()> {
    let stmt = Query::insert()
        .into_table(table())
        .columns([Alias::new("topic")])
        .values([TOPIC_SEARCH.into()])
        .map_err(|e| Error::internal(format!("change feed row: {e}")))?
        .to_owned();
    db.execute(&stmt).await.map_err(Error::from)?;
    if db.get_database_backend() == sea_orm::DatabaseBackend::Postgres {
        // The triggers notify for their rows; this row has no trigger.
        db.execute_unprepared("SELECT pg_notify('mercato_changes', '')")
            .await
            .map_err(Error::from)?;
    }
    Ok(())
}

/// Deletes rows older than a day (followers are seconds behind at most).
pub async fn prune(db: &DatabaseConnection) -> Result<u64> {
    let cutoff = time::OffsetDateTime::now_utc().unix_timestamp() - KEEP_SECS;
    let stmt = Query::delete()
        .from_table(table())
        .and_where(Expr::col(Alias::new("created_at")).lt(cutoff))
        .to_owned();
    let res = db.execute(&stmt).await.map_err(Error::from)?;
    Ok(res.rows_affected())
}
