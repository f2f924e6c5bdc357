//! `Idempotency-Key` for the REST API's unsafe requests: the first request
//! with a key claims it (an insert a unique index lets only one caller
//! win), runs, and leaves its answer; a retry with the same key and the same
//! request gets that answer again, a retry while it still runs is told to
//! wait, and the key reused for a different request is refused. Answers
//! are kept a day, sealed with the shop's key: some carry what is shown
//! once (a webhook's signing secret), all may carry personal data.
use sea_orm::sea_query::Expr;
use sea_orm::{ActiveModelTrait, ColumnTrait, DatabaseConnection, EntityTrait, QueryFilter, Set};
use sha2::{Digest, Sha256};
use time::{Duration, OffsetDateTime};

use crate::entities::api_idempotency;
use crate::{Error, Result};

/// How long an answer is replayed.
pub const KEEP: Duration = Duration::hours(24);
/// A claim older than this whose request never finished (the process
/// stopped) may be taken over by a retry.
const STALE_CLAIM: Duration = Duration::seconds(60);
/// The longest key a client may send.
pub const MAX_KEY_CHARS: usize = 255;

/// What to do with a request that carries a key.
#[derive(Debug, PartialEq, Eq)]
pub enum Claim {
    /// Run it, then [`Idempotency::finish`] (or [`Idempotency::abandon`]).
    Fresh,
    /// Answer this again.
    Replay {
        status: u16,
        content_type: String,
        body: String,
    },
    /// The first request with this key is still running.
    InProgress,
    /// The key was used for a different request.
    Mismatch,
}

/// The stored name of (`caller`, `key`): callers never share a key.
fn scope_key(caller: &str, key: &str) -> String {
    crate::accounts::tokens::digest(&format!("{caller}\n{key}"))
}

/// A request's fingerprint: its method, path with query, and body.
pub fn fingerprint(method: &str, path: &str, body: &[u8]) -> String {
    let mut h = Sha256::new();
    h.update(method.as_bytes());
    h.update(b" ");
    h.update(path.as_bytes());
    h.update(b"\n");
    h.update(body);
    h.finalize().iter().map(|b| format!("{b:02x}")).collect()
}

#[derive(Clone)]
pub struct Idempotency {
    db: DatabaseConnection,
    secrets: std::sync::Arc<crate::secrets::SecretBox>,
}

impl Idempotency {
    pub fn new(db: DatabaseConnection, secrets: std::sync::Arc<crate::secrets::SecretBox>) -> Self {
        Self { db, secrets }
    }

    /// Claims `key` for `caller`'s request, or says what answered it.
    pub async fn claim(&self, caller: &str, key: &str, fingerprint: &str) -> Result<Claim> {
        let key = key.trim();
        if key.is_empty()
            || key.chars().count() > MAX_KEY_CHARS
            || !key.chars().all(|c| c.is_ascii_graphic())
        {
            return Err(Error::validation(
                "Idempotency-Key",
                format!("Use 1 to {MAX_KEY_CHARS} visible ASCII characters, e.g. a UUID."),
            ));
        }
        let now = OffsetDateTime::now_utc();
        api_idempotency::Entity::delete_many()
            .filter(api_idempotency::Column::CreatedAt.lt(now - KEEP))
            .exec(&self.db)
            .await?;
        let scope = scope_key(caller, key);
        let inserted = api_idempotency::ActiveModel {
            scope_key: Set(scope.clone()),
            fingerprint: Set(fingerprint.to_owned()),
            created_at: Set(now),
            ..Default::default()
        }
        .insert(&self.db)
        .await;
        match inserted {
            Ok(_) => return Ok(Claim::Fresh),
            Err(e)
                if matches!(
                    e.sql_err(),
                    Some(sea_orm::SqlErr::UniqueConstraintViolation(_))
                ) => {}
            Err(e) => return Err(e.into()),
        }
        let Some(row) = api_idempotency::Entity::find()
            .filter(api_idempotency::Column::ScopeKey.eq(&scope))
            .one(&self.db)
            .await?
        else {
            // Swept between the insert and the read: a day-old key.
            return Ok(Claim::InProgress);
        };
        if row.fingerprint != fingerprint {
            return Ok(Claim::Mismatch);
        }
        match row.status {
            Some(status) => Ok(Claim::Replay {
                status: u16::try_from(status).unwrap_or(500),
                content_type: row.content_type.unwrap_or_default(),
                // Rows kept before answers were sealed open as they are.
                body: self.secrets.open(&row.body.unwrap_or_default())?,
            }),
            None => {
                // A claim whose process stopped: the first retry after a
                // minute takes it over (a conditional update, so one does).
                let taken = api_idempotency::Entity::update_many()
                    .col_expr(api_idempotency::Column::CreatedAt, Expr::value(now))
                    .filter(api_idempotency::Column::Id.eq(row.id))
                    .filter(api_idempotency::Column::Status.is_null())
                    .filter(api_idempotency::Column::CreatedAt.lt(now - STALE_CLAIM))
                    .exec(&self.db)
                    .await?;
                Ok(if taken.rows_affected == 1 {
                    Claim::Fresh
                } else {
                    Claim::InProgress
                })
            }
        }
    }

    /// Keeps the answer to a claimed request.
    pub async fn finish(
        &self,
        caller: &str,
        key: &str,
        status: u16,
        content_type: &str,
        body: &str,
    ) -> Result<()> {
        api_idempotency::Entity::update_many()
            .col_expr(
                api_idempotency::Column::Status,
                Expr::value(i32::from(status)),
            )
            .col_expr(
                api_idempotency::Column::ContentType,
                Expr::value(content_type.chars().take(100).collect::<String>()),
            )
            .col_expr(
                api_idempotency::Column::Body,
                Expr::value(self.secrets.seal(body)?),
            )
            .filter(api_idempotency::Column::ScopeKey.eq(scope_key(caller, key.trim())))
            .exec(&self.db)
            .await?;
        Ok(())
    }

    /// Frees a claim whose request failed on our side, so a retry runs it.
    pub async fn abandon(&self, caller: &str, key: &str) -> Result<()> {
        api_idempotency::Entity::delete_many()
            .filter(api_idempotency::Column::ScopeKey.eq(scope_key(caller, key.trim())))
            .filter(api_idempotency::Column::Status.is_null())
            .exec(&self.db)
            .await?;
        Ok(())
    }
}
