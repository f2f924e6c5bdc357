//! Rate limits shared by every instance behind a balancer: a budget kept in
//! the database, so three instances allow what one would.
//!
//! The budget is a GCRA (the algorithm `governor` used in memory): a bucket
//! of `requests` that refills one request every `per / requests`. Its whole
//! state is one number per bucket, the time at which it is full again
//! (`tat_ms`). Taking a request is one conditional upsert: it moves that
//! time forward only while the bucket still has room, so two concurrent
//! requests can never both take the last unit (no check-then-act), on
//! SQLite and PostgreSQL alike. A refused request costs a second read, for
//! the `Retry-After` it answers with.
use std::time::{Duration, SystemTime, UNIX_EPOCH};

use sea_orm::{ConnectionTrait, DatabaseBackend, DatabaseConnection, Statement};

use crate::Result;

/// So many requests per period, all of them usable at once.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Quota {
    pub requests: u32,
    pub per: Duration,
}

impl Quota {
    /// Milliseconds between two requests once the burst is used. Periods
    /// are capped at a day, so the sums in SQL stay far from overflow.
    fn interval_ms(self) -> i64 {
        let per = i64::try_from(self.per.as_millis())
            .unwrap_or(MAX_PERIOD_MS)
            .min(MAX_PERIOD_MS);
        (per / i64::from(self.requests.max(1))).max(1)
    }

    /// How far ahead of now the bucket's "full again" time may run: the
    /// burst less the request being taken.
    fn tolerance_ms(self) -> i64 {
        self.interval_ms()
            .saturating_mul(i64::from(self.requests.max(1)) - 1)
            .min(MAX_PERIOD_MS)
    }
}

/// A bucket's state after a request: how many more fit now, and when it
/// is full again.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Budget {
    pub limit: u32,
    pub remaining: u32,
    pub full_in: Duration,
}

impl Budget {
    /// `ahead_ms`: how far the bucket's "full again" time is ahead of now.
    fn after(quota: Quota, ahead_ms: i64) -> Self {
        let ahead = ahead_ms.max(0);
        let room = quota.tolerance_ms() - ahead;
        let remaining = if room < 0 {
            0
        } else {
            room / quota.interval_ms() + 1
        };
        Self {
            limit: quota.requests,
            remaining: u32::try_from(remaining)
                .unwrap_or(u32::MAX)
                .min(quota.requests),
            full_in: Duration::from_millis(u64::try_from(ahead).unwrap_or(0)),
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Verdict {
    Allowed,
    /// Over budget; the next request fits in `retry_after`.
    Limited {
        retry_after: Duration,
    },
}

const MAX_PERIOD_MS: i64 = 24 * 3600 * 1000;

/// Longest bucket name kept (the column's width); longer names are cut.
const BUCKET_MAX: usize = 96;

#[derive(Clone, Debug)]
pub struct RateLimits {
    db: DatabaseConnection,
}

fn now_ms() -> i64 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map(|d| i64::try_from(d.as_millis()).unwrap_or(i64::MAX))
        .unwrap_or_default()
}

impl RateLimits {
    pub fn new(db: DatabaseConnection) -> Self {
        Self { db }
    }

    /// Takes one request from `bucket`'s budget.
    pub async fn take(&self, bucket: &str, quota: Quota) -> Result<Verdict> {
        Ok(self.take_counted(bucket, quota).await?.0)
    }

    /// [`Self::take`], and what is left of the budget afterwards (for the
    /// `RateLimit-*` headers an API client reads).
    pub async fn take_counted(&self, bucket: &str, quota: Quota) -> Result<(Verdict, Budget)> {
        let bucket = cut(bucket);
        let now = now_ms();
        let interval = quota.interval_ms();
        let tolerance = quota.tolerance_ms();
        let backend = self.db.get_database_backend();
        let greatest = match backend {
            DatabaseBackend::Postgres => "GREATEST",
            _ => "MAX",
        };
        // $2 now, $3 the interval, $4 the tolerance.
        let sql = format!(
            "INSERT INTO rate_limits (bucket, tat_ms) VALUES ($1, $2 + $3) \
             ON CONFLICT (bucket) DO UPDATE SET tat_ms = {greatest}(rate_limits.tat_ms, $2) + $3 \
             WHERE {greatest}(rate_limits.tat_ms, $2) - $2 <= $4 \
             RETURNING tat_ms"
        );
        let taken = self
            .db
            .query_one_raw(Statement::from_sql_and_values(
                backend,
                sql,
                [
                    bucket.clone().into(),
                    now.into(),
                    interval.into(),
                    tolerance.into(),
                ],
            ))
            .await?;
        if let Some(row) = taken {
            let tat: i64 = row.try_get("", "tat_ms")?;
            return Ok((Verdict::Allowed, Budget::after(quota, tat - now)));
        }
        let row = self
            .db
            .query_one_raw(Statement::from_sql_and_values(
                backend,
                "SELECT tat_ms FROM rate_limits WHERE bucket = $1",
                [bucket.into()],
            ))
            .await?;
        let tat: i64 = match row {
            Some(row) => row.try_get("", "tat_ms")?,
            None => now,
        };
        let wait = (tat - now - tolerance).max(1);
        Ok((
            Verdict::Limited {
                retry_after: Duration::from_millis(u64::try_from(wait).unwrap_or(1)),
            },
            Budget::after(quota, tat - now),
        ))
    }

    /// Forgets buckets that are full again (they mean the same as no row);
    /// returns how many. Keeps the table as small as the recent traffic.
    pub async fn prune(&self) -> Result<u64> {
        let backend = self.db.get_database_backend();
        let done = self
            .db
            .execute_raw(Statement::from_sql_and_values(
                backend,
                "DELETE FROM rate_limits WHERE tat_ms <= $1",
                [now_ms().into()],
            ))
            .await?;
        Ok(done.rows_affected())
    }
}

fn cut(bucket: &str) -> String {
    let mut end = bucket.len().min(BUCKET_MAX);
    while !bucket.is_char_boundary(end) {
        end -= 1;
    }
    bucket[..end].to_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_quota_allows_its_whole_burst_then_one_per_interval() {
        let q = Quota {
            requests: 5,
            per: Duration::from_secs(60),
        };
        assert_eq!(q.interval_ms(), 12_000);
        // Five at once: the fifth leaves the bucket 48 s ahead of now.
        assert_eq!(q.tolerance_ms(), 48_000);
        let one = Quota {
            requests: 1,
            per: Duration::from_secs(10),
        };
        assert_eq!(one.tolerance_ms(), 0);
    }

    #[test]
    fn long_bucket_names_are_cut_on_a_character_boundary() {
        let name = "é".repeat(60);
        let cut = cut(&name);
        assert!(cut.len() <= BUCKET_MAX);
        assert!(cut.chars().all(|c| c == 'é'));
    }

    #[test]
    fn the_budget_counts_down_to_zero_and_says_when_it_is_full() {
        let q = Quota {
            requests: 5,
            per: Duration::from_secs(60),
        };
        // The first of five taken: the bucket is one interval ahead.
        let first = Budget::after(q, 12_000);
        assert_eq!((first.limit, first.remaining), (5, 4));
        assert_eq!(first.full_in, Duration::from_secs(12));
        assert_eq!(Budget::after(q, 48_000).remaining, 1);
        assert_eq!(Budget::after(q, 60_000).remaining, 0);
        assert_eq!(Budget::after(q, 90_000).remaining, 0);
        assert_eq!(Budget::after(q, -5).remaining, 5);
    }
}
