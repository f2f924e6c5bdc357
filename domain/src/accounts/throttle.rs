//! Per-account counters with temporary lockout, next to the per-IP limiter in
//! the web layer. Keys exist for unknown emails too, so "locked" never
//! reveals whether an account exists.
use sea_orm::sea_query::{Expr, ExprTrait, OnConflict};
use sea_orm::{ActiveModelTrait, ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, Set};

use super::{now, AccountSettings};
use crate::entities::auth_throttle::{self, Column, Entity as Throttle};
use crate::{Error, Result};

/// Refuses while the key is locked out.
pub(super) async fn check<C: ConnectionTrait>(conn: &C, key: &str) -> Result<()> {
    let Some(row) = Throttle::find_by_id(key.to_owned()).one(conn).await? else {
        return Ok(());
    };
    match row.locked_until {
        Some(until) if until > now() => Err(Error::TooManyAttempts {
            retry_after_secs: std::cmp::max((until - now()).whole_seconds(), 1) as u64,
        }),
        _ => Ok(()),
    }
}

/// Counts one failure (an atomic upsert) and locks the key at the threshold.
pub(super) async fn record_failure<C: ConnectionTrait>(
    conn: &C,
    key: &str,
    settings: &AccountSettings,
) -> Result<()> {
    let now = now();
    Throttle::insert(auth_throttle::ActiveModel {
        key: Set(key.to_owned()),
        failures: Set(1),
        window_started_at: Set(now),
        locked_until: Set(None),
    })
    .on_conflict(
        OnConflict::column(Column::Key)
            .value(
                Column::Failures,
                Expr::col((Throttle, Column::Failures)).add(1),
            )
            .to_owned(),
    )
    .exec(conn)
    .await?;
    let Some(row) = Throttle::find_by_id(key.to_owned()).one(conn).await? else {
        return Ok(());
    };
    let window_over = row.window_started_at + settings.lockout_for < now;
    let mut active: auth_throttle::ActiveModel = row.clone().into();
    if window_over {
        active.failures = Set(1);
        active.window_started_at = Set(now);
        active.locked_until = Set(None);
        active.update(conn).await?;
    } else if row.failures >= settings.lockout_after {
        tracing::warn!(key = %key.split(':').next().unwrap_or_default(), "sign-in locked after repeated failures");
        active.failures = Set(0);
        active.window_started_at = Set(now);
        active.locked_until = Set(Some(now + settings.lockout_for));
        active.update(conn).await?;
    }
    Ok(())
}

pub(super) async fn clear<C: ConnectionTrait>(conn: &C, key: &str) -> Result<()> {
    Throttle::delete_many()
        .filter(Column::Key.eq(key))
        .exec(conn)
        .await?;
    Ok(())
}
