//! Fresh databases for tests: a SQLite file in a temp dir, or a new
//! PostgreSQL database on the server named by `MERCATO_TEST_DATABASE_URL`.
//! Every DB-touching test runs on both (see `for_each_backend!`). Also the
//! little a test needs to run a process beside it ([`Spawned`],
//! [`free_port`]).
//!
//! A crate of its own, used only as a dev-dependency: as a feature of
//! `domain` it made the test build compile `domain`, `app` and `server`
//! with other features than the release build, so the two shared nothing.

// Test support: a failed unwrap is a failed test.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod watchdog;
pub use watchdog::Watchdog;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Backend {
    Sqlite,
    Postgres,
}

pub const PG_ENV: &str = "MERCATO_TEST_DATABASE_URL";

/// A database that exists for one test. The temp dir (SQLite file, uploads)
/// is removed on drop; PostgreSQL test databases are dropped by the test
/// command before each run.
pub struct TestDatabase {
    pub url: String,
    pub dir: tempfile::TempDir,
    pub backend: Backend,
}

impl TestDatabase {
    pub async fn create(backend: Backend) -> Self {
        let dir = tempfile::tempdir().expect("temp dir");
        let url = match backend {
            Backend::Sqlite => format!("sqlite://{}/test.db?mode=rwc", dir.path().display()),
            Backend::Postgres => {
                let admin = std::env::var(PG_ENV).unwrap_or_else(|_| {
                    panic!(
                        "{PG_ENV} is not set. PostgreSQL tests need a server: run `scripts/test` \
                         (it starts one) or set {PG_ENV}=postgres://user:pass@host:5432/postgres"
                    )
                });
                let name = format!("mercato_test_{}", uuid::Uuid::new_v4().simple());
                let conn = sea_orm::Database::connect(&admin)
                    .await
                    .expect("connect to PostgreSQL admin database");
                sea_orm::ConnectionTrait::execute_unprepared(
                    &conn,
                    &format!("CREATE DATABASE {name}"),
                )
                .await
                .expect("create test database");
                let _ = conn.close().await;
                let (base, _) = admin.rsplit_once('/').expect("database URL has a path");
                format!("{base}/{name}")
            }
        };
        Self { url, dir, backend }
    }
}

/// A process a test started (a server, an SMTP sink): killed and reaped
/// when the test ends, however it ends.
pub struct Spawned(pub std::process::Child);

impl Drop for Spawned {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

/// A loopback port that was free when asked, for a process to listen on.
pub fn free_port() -> u16 {
    std::net::TcpListener::bind("127.0.0.1:0")
        .expect("bind")
        .local_addr()
        .expect("addr")
        .port()
}

/// Runs an async test body once per backend:
/// `for_each_backend!(name, |db: TestDatabase| async move { ... });`
#[macro_export]
macro_rules! for_each_backend {
    ($name:ident, $body:expr) => {
        mod $name {
            #[allow(unused_imports)]
            use super::*;

            #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
            async fn sqlite() {
                let _watchdog = $crate::Watchdog::new(concat!(module_path!(), "::sqlite"));
                let db = $crate::TestDatabase::create($crate::Backend::Sqlite).await;
                ($body)(db).await;
            }

            #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
            async fn postgres() {
                let _watchdog = $crate::Watchdog::new(concat!(module_path!(), "::postgres"));
                let db = $crate::TestDatabase::create($crate::Backend::Postgres).await;
                ($body)(db).await;
            }
        }
    };
}

/// The store profile row of a migrated test database, as the server opens
/// it on first start: "Test Shop", USD, prefix MC.
pub async fn open_store(db: &sea_orm::DatabaseConnection) -> domain::store::Store {
    let initial = domain::store::Profile::initial(
        "Test Shop",
        domain::Currency::Usd,
        "Test Shop <shop@example.com>",
    )
    .expect("test profile");
    domain::store::Store::open(db.clone(), initial)
        .await
        .expect("store profile")
}
