//! tower-sessions store on the shop's own database (SQLite or PostgreSQL)
//! through SeaORM. The signed-in user's id is copied into its own column so
//! a user's sessions can be listed and revoked. Rows are keyed by a hash of
//! the cookie's id ([`session_key`]): the table alone opens no session.
//!
//! Signed-in sessions are also held in memory (written through on every
//! save), so a signed-in page reads none: the change feed names the user
//! whose session another instance revoked, and [`AccountEpochs`] says which
//! held copies that makes stale. Guests' sessions are read each time.
use std::sync::Arc;

use domain::accounts::held::{AccountEpochs, HELD_FOR};
use sea_orm::sea_query::Expr;
use sea_orm::{ActiveModelTrait, ColumnTrait, DatabaseConnection, EntityTrait, QueryFilter, Set};
use time::OffsetDateTime;
use tower_sessions::session::{Id, Record};
use tower_sessions::session_store::{self, ExpiredDeletion, SessionStore};

use domain::accounts::{session_key, SESSION_USER_ID};
use domain::entities::session::{self, Column, Entity as SessionRow};

/// Signed-in sessions held at once.
const MAX_HELD: u64 = 100_000;

#[derive(Clone)]
struct Held {
    user: i32,
    epoch: u64,
    record: Record,
}

#[derive(Clone)]
pub struct DbSessionStore {
    db: DatabaseConnection,
    held: Option<(Arc<AccountEpochs>, moka::sync::Cache<String, Held>)>,
}

impl std::fmt::Debug for DbSessionStore {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("DbSessionStore")
            .field("holding", &self.held.is_some())
            .finish_non_exhaustive()
    }
}

impl DbSessionStore {
    pub fn new(db: DatabaseConnection) -> Self {
        Self { db, held: None }
    }

    /// Holds signed-in sessions, fresh while `epochs` says their user did
    /// not change.
    pub fn holding(db: DatabaseConnection, epochs: Arc<AccountEpochs>) -> Self {
        let cache = moka::sync::Cache::builder()
            .max_capacity(MAX_HELD)
            .time_to_live(HELD_FOR)
            .build();
        Self {
            db,
            held: Some((epochs, cache)),
        }
    }

    fn held(&self, key: &str) -> Option<Record> {
        let (epochs, cache) = self.held.as_ref()?;
        let held = cache.get(key)?;
        if epochs.fresh(held.user, held.epoch)
            && held.record.expiry_date > OffsetDateTime::now_utc()
        {
            Some(held.record)
        } else {
            cache.invalidate(key);
            None
        }
    }

    fn begin(&self) -> u64 {
        self.held.as_ref().map_or(0, |(epochs, _)| epochs.begin())
    }

    /// Holds what was just read or written at `epoch` (signed-in only).
    fn keep(&self, key: String, epoch: u64, record: &Record) {
        let Some((epochs, cache)) = self.held.as_ref() else {
            return;
        };
        match user_id(record) {
            Some(user) if epochs.fresh(user, epoch) => cache.insert(
                key,
                Held {
                    user,
                    epoch,
                    record: record.clone(),
                },
            ),
            _ => cache.invalidate(&key),
        }
    }

    fn drop_held(&self, key: &str) {
        if let Some((_, cache)) = self.held.as_ref() {
            cache.invalidate(key);
        }
    }
}

fn backend(err: impl std::fmt::Display) -> session_store::Error {
    session_store::Error::Backend(err.to_string())
}

fn user_id(record: &Record) -> Option<i32> {
    record
        .data
        .get(SESSION_USER_ID)
        .and_then(|v| v.as_i64())
        .and_then(|v| i32::try_from(v).ok())
}

fn key(id: &Id) -> String {
    session_key(&id.to_string())
}

fn encode(record: &Record) -> session_store::Result<String> {
    serde_json::to_string(&record.data).map_err(|e| session_store::Error::Encode(e.to_string()))
}

#[async_trait::async_trait]
impl SessionStore for DbSessionStore {
    async fn create(&self, record: &mut Record) -> session_store::Result<()> {
        let data = encode(record)?;
        // 128 random bits make a collision practically impossible; retry anyway rather than overwrite.
        let epoch = self.begin();
        for _ in 0..3 {
            let inserted = session::ActiveModel {
                id: Set(key(&record.id)),
                user_id: Set(user_id(record)),
                data: Set(data.clone()),
                expires_at: Set(record.expiry_date),
            }
            .insert(&self.db)
            .await;
            match inserted {
                Ok(_) => {
                    self.keep(key(&record.id), epoch, record);
                    return Ok(());
                }
                Err(e)
                    if matches!(
                        e.sql_err(),
                        Some(sea_orm::SqlErr::UniqueConstraintViolation(_))
                    ) =>
                {
                    record.id = Id::default();
                }
                Err(e) => return Err(backend(e)),
            }
        }
        Err(backend("could not allocate a session id"))
    }

    /// Updates only: a session revoked elsewhere (logout, password reset)
    /// must not come back because an in-flight request saved it.
    async fn save(&self, record: &Record) -> session_store::Result<()> {
        let key = key(&record.id);
        let epoch = self.begin();
        let result = SessionRow::update_many()
            .col_expr(Column::Data, Expr::value(encode(record)?))
            .col_expr(Column::UserId, Expr::value(user_id(record)))
            .col_expr(Column::ExpiresAt, Expr::value(record.expiry_date))
            .filter(Column::Id.eq(key.clone()))
            .exec(&self.db)
            .await
            .map_err(backend)?;
        if result.rows_affected == 0 {
            tracing::debug!("session was revoked while a request used it; not saving");
            self.drop_held(&key);
        } else {
            self.keep(key, epoch, record);
        }
        Ok(())
    }

    async fn load(&self, id: &Id) -> session_store::Result<Option<Record>> {
        let key = key(id);
        if let Some(record) = self.held(&key) {
            return Ok(Some(record));
        }
        let epoch = self.begin();
        let row = SessionRow::find_by_id(key.clone())
            .filter(Column::ExpiresAt.gt(OffsetDateTime::now_utc()))
            .one(&self.db)
            .await
            .map_err(backend)?;
        let Some(row) = row else {
            return Ok(None);
        };
        let data = serde_json::from_str(&row.data)
            .map_err(|e| session_store::Error::Decode(e.to_string()))?;
        let record = Record {
            id: *id,
            data,
            expiry_date: row.expires_at,
        };
        self.keep(key, epoch, &record);
        Ok(Some(record))
    }

    async fn delete(&self, id: &Id) -> session_store::Result<()> {
        let key = key(id);
        self.drop_held(&key);
        SessionRow::delete_by_id(key)
            .exec(&self.db)
            .await
            .map_err(backend)?;
        Ok(())
    }
}

#[async_trait::async_trait]
impl ExpiredDeletion for DbSessionStore {
    async fn delete_expired(&self) -> session_store::Result<()> {
        let removed = SessionRow::delete_many()
            .filter(Column::ExpiresAt.lte(OffsetDateTime::now_utc()))
            .exec(&self.db)
            .await
            .map_err(backend)?;
        if removed.rows_affected > 0 {
            tracing::info!(removed = removed.rows_affected, "expired sessions removed");
        }
        Ok(())
    }
}
