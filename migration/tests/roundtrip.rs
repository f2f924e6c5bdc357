//! Every migration applies, rolls back and re-applies cleanly on both databases.
// A test binary: a failed unwrap is a failed test.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]
use migration::{Migrator, MigratorTrait};
use testkit::for_each_backend;
use testkit::TestDatabase;

for_each_backend!(up_down_up, |db: TestDatabase| async move {
    // One connection, as at startup where migrations run before anything
    // else: with a pool, a second SQLite (WAL) connection still holding a
    // read snapshot from before `down` saw the dropped indexes and `up`
    // failed with "index … already exists" (seen once in CI).
    let conn = domain::db::connect(&db.url, 1).await.expect("connect");
    Migrator::up(&conn, None).await.expect("up");
    assert!(Migrator::get_pending_migrations(&conn)
        .await
        .expect("pending")
        .is_empty());
    Migrator::down(&conn, None).await.expect("down");
    assert_eq!(
        Migrator::get_pending_migrations(&conn)
            .await
            .expect("pending")
            .len(),
        Migrator::migrations().len()
    );
    Migrator::up(&conn, None).await.expect("up again");
    // Running it again is a no-op, as at every server start.
    Migrator::up(&conn, None).await.expect("idempotent");
});
