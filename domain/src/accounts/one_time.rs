//! Single-use tokens for email verification and password reset: the raw
//! token goes out by mail, only its digest is stored, and it is spent by one
//! conditional UPDATE, so two clicks racing cannot both succeed.
use std::time::Duration;

use sea_orm::sea_query::Expr;
use sea_orm::{ActiveModelTrait, ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, Set};

use super::{now, tokens};
use crate::entities::user_token::{self, Column, Entity as UserToken};
use crate::{Error, Result};

pub(super) const VERIFY_EMAIL: &str = "verify_email";
pub(super) const RESET_PASSWORD: &str = "reset_password";

pub(super) async fn issue<C: ConnectionTrait>(
    conn: &C,
    user_id: i32,
    purpose: &str,
    ttl: Duration,
) -> Result<String> {
    let raw = tokens::random_token();
    let now = now();
    user_token::ActiveModel {
        user_id: Set(user_id),
        purpose: Set(purpose.to_owned()),
        token_hash: Set(tokens::digest(&raw)),
        expires_at: Set(now + ttl),
        used_at: Set(None),
        created_at: Set(now),
        ..Default::default()
    }
    .insert(conn)
    .await?;
    Ok(raw)
}

/// Spends a token and returns its user, or says the link is no good.
pub(super) async fn spend<C: ConnectionTrait>(conn: &C, raw: &str, purpose: &str) -> Result<i32> {
    let expired = || {
        Error::validation(
            "token",
            "This link has expired or has already been used. Please request a new one.",
        )
    };
    if raw.trim().is_empty() {
        return Err(expired());
    }
    let now = now();
    let token = UserToken::find()
        .filter(Column::TokenHash.eq(tokens::digest(raw)))
        .filter(Column::Purpose.eq(purpose))
        .one(conn)
        .await?
        .ok_or_else(expired)?;
    let spent = UserToken::update_many()
        .col_expr(Column::UsedAt, Expr::value(now))
        .filter(Column::Id.eq(token.id))
        .filter(Column::UsedAt.is_null())
        .filter(Column::ExpiresAt.gt(now))
        .exec(conn)
        .await?;
    if spent.rows_affected != 1 {
        return Err(expired());
    }
    Ok(token.user_id)
}

/// Older unused tokens of the same purpose stop working when a new one is spent.
pub(super) async fn retire_all<C: ConnectionTrait>(
    conn: &C,
    user_id: i32,
    purpose: &str,
) -> Result<()> {
    UserToken::update_many()
        .col_expr(Column::UsedAt, Expr::value(now()))
        .filter(Column::UserId.eq(user_id))
        .filter(Column::Purpose.eq(purpose))
        .filter(Column::UsedAt.is_null())
        .exec(conn)
        .await?;
    Ok(())
}
