//! Opening the database: SQLite (the default, a file in the data dir) or
//! PostgreSQL, chosen by the URL.
use std::path::Path;
use std::time::Duration;

use sea_orm::{ConnectOptions, ConnectionTrait, Database, DatabaseConnection, DbErr};

/// Connects and tunes the pool. For SQLite the file's folder is created and
/// WAL mode is used so readers never wait for the writer.
pub async fn connect(url: &str, max_connections: u32) -> Result<DatabaseConnection, DbErr> {
    if let Some(path) = sqlite_path(url) {
        if let Some(dir) = Path::new(&path).parent() {
            if !dir.as_os_str().is_empty() {
                std::fs::create_dir_all(dir)
                    .map_err(|e| DbErr::Custom(format!("cannot create {}: {e}", dir.display())))?;
            }
        }
    }
    let mut opts = ConnectOptions::new(url.to_owned());
    opts.max_connections(max_connections)
        .min_connections(1)
        .connect_timeout(Duration::from_secs(10))
        .acquire_timeout(Duration::from_secs(10))
        // sqlx pings a connection when it goes back to the pool anyway; a
        // second ping on every checkout doubled the round trips of each
        // query (on SQLite two thread hand-offs each). Only a connection
        // idle long enough for a server or proxy to drop it is checked.
        .test_before_acquire_if_idle_for(Duration::from_secs(30))
        .sqlx_logging(false)
        .map_sqlx_sqlite_pool_opts(|o| {
            o.after_connect(|conn, _| {
                Box::pin(async move {
                    let mut handle = conn.lock_handle().await?;
                    stable_plans(handle.as_raw_handle())
                })
            })
        })
        .map_sqlx_sqlite_opts(|o| {
            o.journal_mode(sea_orm::sqlx::sqlite::SqliteJournalMode::Wal)
                .synchronous(sea_orm::sqlx::sqlite::SqliteSynchronous::Normal)
                .busy_timeout(Duration::from_secs(10))
                .foreign_keys(true)
                .create_if_missing(true)
        });
    Database::connect(opts).await
}

/// Turns on SQLite's query planner stability guarantee. Without it a
/// statement whose plan looked at a bound value — every `LIMIT ?`, so every
/// `.one()` — is compiled again each time it runs: a tenth of a signed-in
/// page's CPU went to `sqlite3Reprepare` (bench/RESULTS.md). Plans never
/// depend on values here anyway: there are no `sqlite_stat4` samples.
#[allow(unsafe_code)]
fn stable_plans(
    db: std::ptr::NonNull<libsqlite3_sys::sqlite3>,
) -> Result<(), sea_orm::sqlx::Error> {
    use std::os::raw::c_int;
    let mut now_on: c_int = 0;
    // SAFETY: the handle is locked (sqlx's worker makes no call on it
    // meanwhile) and ENABLE_QPSG takes exactly (int on, int *result).
    let rc = unsafe {
        libsqlite3_sys::sqlite3_db_config(
            db.as_ptr(),
            libsqlite3_sys::SQLITE_DBCONFIG_ENABLE_QPSG,
            1 as c_int,
            &mut now_on as *mut c_int,
        )
    };
    if rc == libsqlite3_sys::SQLITE_OK && now_on == 1 {
        Ok(())
    } else {
        Err(sea_orm::sqlx::Error::Configuration(
            format!("SQLite refused the planner stability setting (code {rc})").into(),
        ))
    }
}

/// Starts a transaction that will write. On SQLite it takes the write lock
/// up front (`BEGIN IMMEDIATE`): a deferred transaction that reads first and
/// writes later fails with SQLITE_BUSY if another writer committed between,
/// instead of waiting. PostgreSQL ignores the option.
pub async fn begin_write(db: &DatabaseConnection) -> Result<sea_orm::DatabaseTransaction, DbErr> {
    use sea_orm::{SqliteTransactionMode, TransactionOptions, TransactionTrait};
    db.begin_with_options(TransactionOptions {
        sqlite_transaction_mode: Some(SqliteTransactionMode::Immediate),
        ..Default::default()
    })
    .await
}

/// Serialises transactions that name the same `key` until they end, on
/// PostgreSQL (a transaction-scoped advisory lock). SQLite needs none: a
/// write transaction ([`begin_write`]) already excludes every other writer.
pub async fn lock_key<C: ConnectionTrait>(txn: &C, key: &str) -> Result<(), DbErr> {
    use sea_orm::{DatabaseBackend, Statement};
    if txn.get_database_backend() != DatabaseBackend::Postgres {
        return Ok(());
    }
    txn.execute_raw(Statement::from_sql_and_values(
        DatabaseBackend::Postgres,
        "SELECT pg_advisory_xact_lock(hashtextextended($1, 0))",
        [sea_orm::Value::from(key.to_owned())],
    ))
    .await
    .map(|_| ())
}

/// A cheap round trip for readiness checks.
pub async fn ping(db: &DatabaseConnection) -> Result<(), DbErr> {
    db.execute_unprepared("SELECT 1").await.map(|_| ())
}

/// The file behind a `sqlite:` URL, if it is one.
pub fn sqlite_path(url: &str) -> Option<String> {
    let rest = url
        .strip_prefix("sqlite://")
        .or_else(|| url.strip_prefix("sqlite:"))?;
    let path = rest.split('?').next().unwrap_or_default();
    (!path.is_empty() && path != ":memory:").then(|| path.to_owned())
}

/// The `i`th (1-based) bind parameter in hand-written SQL: `$i` on
/// PostgreSQL, `?` on SQLite.
pub fn placeholder(conn: &impl ConnectionTrait, i: usize) -> String {
    match conn.get_database_backend() {
        sea_orm::DatabaseBackend::Postgres => format!("${i}"),
        _ => "?".to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::sqlite_path;

    #[test]
    fn finds_the_sqlite_file() {
        assert_eq!(
            sqlite_path("sqlite://data/mercato.db?mode=rwc").as_deref(),
            Some("data/mercato.db")
        );
        assert_eq!(
            sqlite_path("sqlite:/tmp/x.db").as_deref(),
            Some("/tmp/x.db")
        );
        assert_eq!(sqlite_path("sqlite::memory:"), None);
        assert_eq!(sqlite_path("postgres://u:p@localhost/db"), None);
    }
}
