//! `mercato backup` / `mercato restore` on SQLite and PostgreSQL: a backup
//! taken while the shop serves, the database and uploads wiped, the backup
//! restored, and the same shop back — counts, files, and a customer who
//! can still sign in.
use sea_orm::{ConnectionTrait, DatabaseConnection, Statement};
use testkit::for_each_backend;
use testkit::{Backend, TestDatabase};

use crate::support::{browser::Browser, config_for, TestApp, PASSWORD};

async fn count(db: &DatabaseConnection, table: &str) -> i64 {
    db.query_one_raw(Statement::from_string(
        db.get_database_backend(),
        format!("SELECT COUNT(*) AS n FROM {table}"),
    ))
    .await
    .expect("count")
    .expect("a row")
    .try_get::<i64>("", "n")
    .expect("n")
}

fn files_under(dir: &std::path::Path) -> usize {
    std::fs::read_dir(dir)
        .map(|entries| {
            entries
                .flatten()
                .map(|e| {
                    if e.path().is_dir() {
                        files_under(&e.path())
                    } else {
                        1
                    }
                })
                .sum()
        })
        .unwrap_or(0)
}

for_each_backend!(
    backup_wipe_restore_same_shop,
    |db: TestDatabase| async move {
        let backend = db.backend;
        let mut app = TestApp::spawn(db).await;
        Browser::new(&app)
            .register("ann@example.com", PASSWORD)
            .await;
        let config = config_for(&app.db, false);
        let conn = app.connection().await;
        let tables = [
            "products",
            "variants",
            "users",
            "categories",
            "stock_levels",
        ];
        let mut before = Vec::new();
        for t in tables {
            before.push(count(&conn, t).await);
        }
        let uploads = files_under(&config.uploads_dir());
        assert!(uploads > 0, "the demo shop has images");

        // Taken while the shop serves.
        let dir = tempfile::tempdir().expect("dir");
        let target = dir.path().join("nightly");
        let manifest = server::backup::backup(&config, &target)
            .await
            .expect("backup");
        assert_eq!(manifest.files as usize, uploads);
        assert!(
            server::backup::backup(&config, &target).await.is_err(),
            "a second backup into the same folder is refused"
        );

        // Stop the shop and lose everything.
        app.shutdown();
        if let Some(server) = app.server.take() {
            let _ = server.await;
        }
        match backend {
            Backend::Sqlite => {
                conn.close().await.expect("close");
                let path = domain::db::sqlite_path(&config.database_url).expect("sqlite path");
                for suffix in ["", "-wal", "-shm"] {
                    let _ = std::fs::remove_file(format!("{path}{suffix}"));
                }
            }
            Backend::Postgres => {
                conn.execute_unprepared("DROP SCHEMA public CASCADE; CREATE SCHEMA public;")
                    .await
                    .expect("wipe");
                conn.close().await.expect("close");
            }
        }
        std::fs::remove_dir_all(config.uploads_dir()).expect("wipe uploads");

        server::backup::restore(&config, &target, false)
            .await
            .expect("restore");
        assert!(
            server::backup::restore(&config, &target, false)
                .await
                .is_err(),
            "restoring over a shop with data needs --force"
        );
        let conn = app.connection().await;
        for (t, n) in tables.iter().zip(before) {
            assert_eq!(count(&conn, t).await, n, "{t} after the restore");
        }
        assert_eq!(files_under(&config.uploads_dir()), uploads);

        // The restored shop serves, and Ann's account is hers again.
        let again = app.peer().await;
        let mut ann = Browser::new(&again);
        assert_eq!(ann.login("ann@example.com", PASSWORD).await.status, 200);
        let (status, home) = again.page("/").await;
        assert_eq!(status, 200);
        assert!(home.contains("/product/"), "the catalog is back");
    }
);
