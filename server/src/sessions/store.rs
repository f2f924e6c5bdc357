//! tower-sessions store on the shop's own database (SQLite or PostgreSQL)
//! through SeaORM. The signed-in user's id is copied into its own column so
//! a user's sessions can be listed and revoked. Rows are keyed by a hash of
//! the cookie's id ([`session_key`]): the table alone opens no session.
use sea_orm::sea_query::Expr;
use sea_orm::{ActiveModelTrait, ColumnTrait, DatabaseConnection, EntityTrait, QueryFilter, Set};
use time::OffsetDateTime;
use tower_sessions::session::{Id, Record};
use tower_sessions::session_store::{self, ExpiredDeletion, SessionStore};

use domain::accounts::{session_key, SESSION_USER_ID};
use domain::entities::session::{self, Column, Entity as SessionRow};

#[derive(Clone, Debug)]
pub struct DbSessionStore {
    db: DatabaseConnection,
}

impl DbSessionStore {
    pub fn new(db: DatabaseConnection) -> Self {
        Self { db }
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
                Ok(_) => return Ok(()),
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
        let result = SessionRow::update_many()
            .col_expr(Column::Data, Expr::value(encode(record)?))
            .col_expr(Column::UserId, Expr::value(user_id(record)))
            .col_expr(Column::ExpiresAt, Expr::value(record.expiry_date))
            .filter(Column::Id.eq(key(&record.id)))
            .exec(&self.db)
            .await
            .map_err(backend)?;
        if result.rows_affected == 0 {
            tracing::debug!("session was revoked while a request used it; not saving");
        }
        Ok(())
    }

    async fn load(&self, id: &Id) -> session_store::Result<Option<Record>> {
        let row = SessionRow::find_by_id(key(id))
            .filter(Column::ExpiresAt.gt(OffsetDateTime::now_utc()))
            .one(&self.db)
            .await
            .map_err(backend)?;
        let Some(row) = row else {
            return Ok(None);
        };
        let data = serde_json::from_str(&row.data)
            .map_err(|e| session_store::Error::Decode(e.to_string()))?;
        Ok(Some(Record {
            id: *id,
            data,
            expiry_date: row.expires_at,
        }))
    }

    async fn delete(&self, id: &Id) -> session_store::Result<()> {
        SessionRow::delete_by_id(key(id))
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
