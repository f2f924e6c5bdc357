//! CSV imports as jobs in the database, so the instance that answers a
//! progress poll need not be the one running the import (several
//! instances behind a balancer). The running instance writes progress now
//! and then from outside the import's transaction; on SQLite that write
//! waits for the import to commit, which is why the server also keeps its
//! own imports' live counts in memory (`server::http::catalog_files`).
use sea_orm::{ConnectionTrait, DatabaseConnection, QueryResult, Statement, Value};
use serde::Serialize;

use super::ImportOutcome;
use crate::Result;

/// Finished and failed jobs stay readable this long (seconds).
const KEEP_SECS: i64 = 3600;
/// A running job whose instance has not written for this long (seconds)
/// died with it; its transaction rolled back, so nothing of it was saved.
const SILENT_SECS: i64 = 60;
/// What its owner reads then.
const DIED: &str =
    "The import stopped when its server did, and nothing of it was saved. Please run it again.";

/// An import as its owner polls it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct ImportJob {
    pub done: usize,
    pub total: usize,
    /// `running`, `finished` or `failed`.
    pub state: String,
    pub outcome: Option<ImportOutcome>,
    pub error: Option<String>,
}

#[derive(Clone, Debug)]
pub struct ImportJobs {
    db: DatabaseConnection,
}

fn now() -> i64 {
    time::OffsetDateTime::now_utc().unix_timestamp()
}

fn count(n: usize) -> Value {
    i32::try_from(n).unwrap_or(i32::MAX).into()
}

fn read_count(row: &QueryResult, column: &str) -> Result<usize> {
    let n: i32 = row.try_get("", column)?;
    Ok(usize::try_from(n).unwrap_or_default())
}

impl ImportJobs {
    pub fn new(db: DatabaseConnection) -> Self {
        Self { db }
    }

    async fn run(&self, sql: &str, values: Vec<Value>) -> Result<u64> {
        let backend = self.db.get_database_backend();
        let done = self
            .db
            .execute_raw(Statement::from_sql_and_values(backend, sql, values))
            .await?;
        Ok(done.rows_affected())
    }

    /// Records a new running import of `total` products; returns its id.
    /// Clears jobs that ended long ago on the way.
    pub async fn start(&self, owner: i32, total: usize) -> Result<String> {
        let id = uuid::Uuid::new_v4().simple().to_string();
        self.run(
            "DELETE FROM import_jobs WHERE COALESCE(ended_at, beat_at) < $1",
            vec![(now() - KEEP_SECS).into()],
        )
        .await?;
        self.run(
            "INSERT INTO import_jobs (id, owner_id, total, done, state, started_at, beat_at) \
             VALUES ($1, $2, $3, 0, 'running', $4, $4)",
            vec![id.clone().into(), owner.into(), count(total), now().into()],
        )
        .await?;
        Ok(id)
    }

    /// Products applied so far (never moves back), and a heartbeat.
    pub async fn progress(&self, id: &str, done: usize) -> Result<()> {
        self.run(
            "UPDATE import_jobs SET done = CASE WHEN done < $2 THEN $2 ELSE done END, beat_at = $3 \
             WHERE id = $1 AND state = 'running'",
            vec![id.into(), count(done), now().into()],
        )
        .await?;
        Ok(())
    }

    pub async fn finish(&self, id: &str, outcome: ImportOutcome) -> Result<()> {
        self.run(
            "UPDATE import_jobs SET state = 'finished', done = total, created = $2, updated = $3, \
             unchanged = $4, ended_at = $5 WHERE id = $1",
            vec![
                id.into(),
                count(outcome.created),
                count(outcome.updated),
                count(outcome.unchanged),
                now().into(),
            ],
        )
        .await?;
        Ok(())
    }

    /// Ends the job with `message`, which its owner reads (a user message,
    /// never a log line).
    pub async fn fail(&self, id: &str, message: &str) -> Result<()> {
        self.run(
            "UPDATE import_jobs SET state = 'failed', error = $2, ended_at = $3 WHERE id = $1",
            vec![id.into(), message.into(), now().into()],
        )
        .await?;
        Ok(())
    }

    /// The job `id` if `owner` started it; nobody else learns it exists.
    pub async fn get(&self, id: &str, owner: i32) -> Result<Option<ImportJob>> {
        let backend = self.db.get_database_backend();
        let row = self
            .db
            .query_one_raw(Statement::from_sql_and_values(
                backend,
                "SELECT total, done, state, created, updated, unchanged, error, beat_at \
                 FROM import_jobs WHERE id = $1 AND owner_id = $2",
                [id.into(), owner.into()],
            ))
            .await?;
        let Some(row) = row else {
            return Ok(None);
        };
        let mut state: String = row.try_get("", "state")?;
        let mut error: Option<String> = row.try_get("", "error")?;
        let beat: i64 = row.try_get("", "beat_at")?;
        if state == "running" && beat < now() - SILENT_SECS {
            state = "failed".into();
            error = Some(DIED.into());
        }
        let outcome = if state == "finished" {
            Some(ImportOutcome {
                created: read_count(&row, "created")?,
                updated: read_count(&row, "updated")?,
                unchanged: read_count(&row, "unchanged")?,
            })
        } else {
            None
        };
        Ok(Some(ImportJob {
            done: read_count(&row, "done")?,
            total: read_count(&row, "total")?,
            state,
            outcome,
            error,
        }))
    }
}
