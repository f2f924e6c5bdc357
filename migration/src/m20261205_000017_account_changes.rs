//! Account changes in the change feed (topic `account`, subject = the
//! user's id): every instance holds signed-in sessions and their users in
//! memory, and drops a user's when any instance changes the account (role,
//! permissions, disabled, erased) or revokes one of its sessions (sign-out,
//! password reset, "sign out everywhere"). Sessions that merely expired
//! write nothing: a held session checks its own expiry, and the sweeper's
//! deletes would otherwise flood the feed.
use sea_orm_migration::prelude::*;
use sea_orm_migration::sea_orm::DatabaseBackend;

use crate::helpers::run;

#[derive(DeriveMigrationName)]
pub struct Migration;

fn sqlite_up() -> Vec<String> {
    // RFC 3339 text, UTC: the first 19 characters compare as times.
    let live = "substr(OLD.expires_at, 1, 19) > strftime('%Y-%m-%dT%H:%M:%S', 'now')";
    let users = ["UPDATE", "DELETE"].map(|op| {
        format!(
            "CREATE TRIGGER change_users_{lower} AFTER {op} ON users BEGIN
               INSERT INTO change_feed (topic, subject) VALUES ('account', OLD.id);
             END",
            lower = op.to_lowercase()
        )
    });
    let sessions = [
        format!(
            "CREATE TRIGGER change_sessions_delete AFTER DELETE ON sessions
             WHEN OLD.user_id IS NOT NULL AND {live}
             BEGIN
               INSERT INTO change_feed (topic, subject) VALUES ('account', OLD.user_id);
             END"
        ),
        "CREATE TRIGGER change_sessions_update AFTER UPDATE ON sessions
         WHEN OLD.user_id IS NOT NULL AND (NEW.user_id IS NULL OR NEW.user_id <> OLD.user_id)
         BEGIN
           INSERT INTO change_feed (topic, subject) VALUES ('account', OLD.user_id);
         END"
        .to_owned(),
    ];
    users.into_iter().chain(sessions).collect()
}

fn postgres_up() -> Vec<String> {
    vec![
        "CREATE FUNCTION change_feed_users() RETURNS trigger LANGUAGE plpgsql AS $$
         BEGIN
           INSERT INTO change_feed (topic, subject) VALUES ('account', OLD.id);
           PERFORM pg_notify('mercato_changes', '');
           RETURN NULL;
         END $$"
            .to_owned(),
        "CREATE TRIGGER change_feed_users AFTER UPDATE OR DELETE ON users
         FOR EACH ROW EXECUTE FUNCTION change_feed_users()"
            .to_owned(),
        "CREATE FUNCTION change_feed_sessions() RETURNS trigger LANGUAGE plpgsql AS $$
         BEGIN
           IF OLD.user_id IS NULL THEN
             RETURN NULL;
           END IF;
           IF (TG_OP = 'DELETE' AND OLD.expires_at > now())
              OR (TG_OP = 'UPDATE' AND NEW.user_id IS DISTINCT FROM OLD.user_id) THEN
             INSERT INTO change_feed (topic, subject) VALUES ('account', OLD.user_id);
             PERFORM pg_notify('mercato_changes', '');
           END IF;
           RETURN NULL;
         END $$"
            .to_owned(),
        "CREATE TRIGGER change_feed_sessions AFTER UPDATE OR DELETE ON sessions
         FOR EACH ROW EXECUTE FUNCTION change_feed_sessions()"
            .to_owned(),
    ]
}

fn down(backend: DatabaseBackend) -> Vec<String> {
    match backend {
        DatabaseBackend::Postgres => vec![
            "DROP TRIGGER IF EXISTS change_feed_users ON users".to_owned(),
            "DROP FUNCTION IF EXISTS change_feed_users()".to_owned(),
            "DROP TRIGGER IF EXISTS change_feed_sessions ON sessions".to_owned(),
            "DROP FUNCTION IF EXISTS change_feed_sessions()".to_owned(),
        ],
        _ => [
            "change_users_update",
            "change_users_delete",
            "change_sessions_delete",
            "change_sessions_update",
        ]
        .iter()
        .map(|t| format!("DROP TRIGGER IF EXISTS {t}"))
        .collect(),
    }
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, m: &SchemaManager) -> Result<(), DbErr> {
        let statements = match m.get_database_backend() {
            DatabaseBackend::Postgres => postgres_up(),
            _ => sqlite_up(),
        };
        run(m, statements).await
    }

    async fn down(&self, m: &SchemaManager) -> Result<(), DbErr> {
        run(m, down(m.get_database_backend())).await
    }
}
