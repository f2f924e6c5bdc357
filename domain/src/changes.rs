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
    /// The search index took in this product's change (`None`: the whole
    /// index changed). Written by the outbox after the index acknowledged
    /// it, not by a trigger: a search page rendered between a product's
    /// change and its reindexing shows the old results, and this row
    /// evicts it once the new ones are searchable. Instances on the
    /// embedded engine apply the product to their own index when they
    /// read it.
    Search(Option<i32>),
    /// A user's account, their cart or wishlist, or the revocation of one
    /// of their sessions: what is held for them is dropped; no shared page
    /// shows it.
    Account(i32),
}

impl Change {
    fn read(topic: &str, subject: Option<i32>) -> Self {
        match (topic, subject) {
            ("product", id) => Self::Product(id),
            ("category", Some(id)) => Self::Category(id),
            (TOPIC_SEARCH, id) => Self::Search(id),
            ("account", Some(id)) => Self::Account(id),
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
/// How far back the feed reaches: a copy older than this may have missed
/// rows that are gone.
pub const KEEP: Duration = Duration::from_secs(KEEP_SECS.unsigned_abs());

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

/// Rows written by one insert.
const ROWS_PER_INSERT: usize = 500;

/// Tells every instance that the search index took in these products
/// (see [`Change::Search`]); no products: the whole index changed.
pub async fn search_index_changed(db: &DatabaseConnection, product_ids: &[i32]) -> Result<()> {
    let subjects: Vec<Option<i32>> = if product_ids.is_empty() {
        vec![None]
    } else {
        product_ids.iter().copied().map(Some).collect()
    };
    for chunk in subjects.chunks(ROWS_PER_INSERT) {
        let mut stmt = Query::insert();
        stmt.into_table(table())
            .columns([Alias::new("topic"), Alias::new("subject")]);
        for subject in chunk {
            stmt.values([TOPIC_SEARCH.into(), (*subject).into()])
                .map_err(|e| Error::internal(format!("change feed row: {e}")))?;
        }
        db.execute(&stmt).await.map_err(Error::from)?;
    }
    if db.get_database_backend() == sea_orm::DatabaseBackend::Postgres {
        // The triggers notify for their rows; this row has no trigger.
        db.execute_unprepared("SELECT pg_notify('mercato_changes', '')")
            .await
            .map_err(Error::from)?;
    }
    Ok(())
}

/// Products indexed at most this many: beyond, a copy is rebuilt.
const MAX_INDEXED_LISTED: u64 = 10_000;

/// What the search index took in over the day the feed reaches back, for
/// an instance's own index that may have missed it while down: the
/// products, or None when it is the whole index (or too many to list).
pub async fn indexed_lately(db: &DatabaseConnection) -> Result<Option<Vec<i32>>> {
    let whole = Query::select()
        .expr(Expr::val(1))
        .from(table())
        .and_where(Expr::col(Alias::new("topic")).eq(TOPIC_SEARCH))
        .and_where(Expr::col(Alias::new("subject")).is_null())
        .limit(1)
        .to_owned();
    if db.query_one(&whole).await.map_err(Error::from)?.is_some() {
        return Ok(None);
    }
    let stmt = Query::select()
        .distinct()
        .column(Alias::new("subject"))
        .from(table())
        .and_where(Expr::col(Alias::new("topic")).eq(TOPIC_SEARCH))
        .and_where(Expr::col(Alias::new("subject")).is_not_null())
        .limit(MAX_INDEXED_LISTED + 1)
        .to_owned();
    let mut ids = Vec::new();
    for row in db.query_all(&stmt).await.map_err(Error::from)? {
        ids.push(row.try_get_by_index::<i32>(0).map_err(Error::from)?);
    }
    Ok((ids.len() as u64 <= MAX_INDEXED_LISTED).then_some(ids))
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
