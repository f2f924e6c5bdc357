//! API tokens: admins make them with scopes and an optional expiry; the
//! secret is shown once and kept as a SHA-256 digest. A token acts for the
//! admin who made it and never reaches further than that account can: if
//! they lose an area, or the account is disabled, the token loses it too.
use sea_orm::sea_query::Expr;
use sea_orm::{
    ActiveModelTrait, ColumnTrait, Condition, DatabaseConnection, EntityTrait, QueryFilter,
    QueryOrder, QuerySelect, Set, TransactionTrait,
};
use time::{Duration, OffsetDateTime};

use crate::accounts::tokens::{digest, random_token};
use crate::accounts::{Actor, Permission, Role};
use crate::entities::{api_token, user};
use crate::{audit, Error, Result};
pub use model::api_tokens::{Access, ApiTokenView, CreatedApiToken, NewApiToken, Scope};

/// What every secret starts with: easy to spot in a leaked file or a
/// secret scanner's rules.
pub const SECRET_PREFIX: &str = "mct_";
/// The most tokens the list shows (revoked ones included).
const MAX_LISTED: u64 = 200;
/// The longest expiry a token can be given.
pub const MAX_EXPIRY_DAYS: u32 = 3_650;
/// How stale `last_used_at` may get: at most one write per token per minute.
const TOUCH_EVERY: Duration = Duration::seconds(60);

/// A request's caller, once its token checked out.
#[derive(Clone, Debug)]
pub struct TokenCaller {
    pub id: i32,
    pub name: String,
    /// The token's grants that its maker still holds.
    pub scopes: Vec<Scope>,
    /// The caller as the services see it (staff with the scopes' areas).
    pub actor: Actor,
}

impl TokenCaller {
    pub fn allows(&self, needed: Scope) -> bool {
        self.scopes.iter().any(|s| s.covers(needed))
    }
}

#[derive(Clone)]
pub struct ApiTokens {
    db: DatabaseConnection,
}

impl ApiTokens {
    pub fn new(db: DatabaseConnection) -> Self {
        Self { db }
    }

    /// Admins only. The answer carries the secret; nothing else ever will.
    pub async fn create(&self, actor: &Actor, new: NewApiToken) -> Result<CreatedApiToken> {
        let admin = actor.require_admin()?;
        let name = new.name.trim().to_owned();
        let mut issues = Vec::new();
        if name.is_empty() {
            issues.push(("name".into(), "Give the token a name.".into()));
        } else if name.chars().count() > 80 {
            issues.push(("name".into(), "Use at most 80 characters.".into()));
        }
        if new.scopes.is_empty() {
            issues.push(("scopes".into(), "Choose at least one scope.".into()));
        }
        if new
            .expires_in_days
            .is_some_and(|d| d == 0 || d > MAX_EXPIRY_DAYS)
        {
            issues.push((
                "expires_in_days".into(),
                format!("Choose between 1 and {MAX_EXPIRY_DAYS} days, or no expiry."),
            ));
        }
        if !issues.is_empty() {
            return Err(Error::invalid(issues));
        }
        let secret = format!("{SECRET_PREFIX}{}", random_token());
        let now = OffsetDateTime::now_utc();
        let scopes = Scope::join(&new.scopes);
        let txn = self.db.begin().await?;
        let row = api_token::ActiveModel {
            name: Set(name.clone()),
            token_hash: Set(digest(&secret)),
            prefix: Set(secret.chars().take(12).collect()),
            scopes: Set(scopes.clone()),
            created_by: Set(admin),
            created_at: Set(now),
            expires_at: Set(new
                .expires_in_days
                .map(|d| now + Duration::days(i64::from(d)))),
            ..Default::default()
        }
        .insert(&txn)
        .await?;
        audit::record(
            &txn,
            actor,
            "api_token.create",
            "api_token",
            &name,
            None,
            Some(serde_json::json!({ "scopes": scopes, "expires_in_days": new.expires_in_days })),
        )
        .await?;
        txn.commit().await?;
        let email = self.email_of(admin).await?;
        Ok(CreatedApiToken {
            token: view(row, email),
            secret,
        })
    }

    /// Admins only; newest first.
    pub async fn list(&self, actor: &Actor) -> Result<Vec<ApiTokenView>> {
        actor.require_admin()?;
        let rows = api_token::Entity::find()
            .order_by_desc(api_token::Column::Id)
            .limit(MAX_LISTED)
            .all(&self.db)
            .await?;
        let ids: Vec<i32> = rows.iter().map(|r| r.created_by).collect();
        let emails: std::collections::HashMap<i32, String> = user::Entity::find()
            .filter(user::Column::Id.is_in(ids))
            .all(&self.db)
            .await?
            .into_iter()
            .map(|u| (u.id, u.email))
            .collect();
        Ok(rows
            .into_iter()
            .map(|r| {
                let email = emails.get(&r.created_by).cloned();
                view(r, email)
            })
            .collect())
    }

    /// Admins only. Takes effect on the token's next request; revoking a
    /// revoked token is a conflict, so two admins cannot both "do" it.
    pub async fn revoke(&self, actor: &Actor, id: i32) -> Result<()> {
        actor.require_admin()?;
        let txn = self.db.begin().await?;
        let row = api_token::Entity::find_by_id(id)
            .one(&txn)
            .await?
            .ok_or(Error::NotFound { what: "API token" })?;
        let done = api_token::Entity::update_many()
            .col_expr(
                api_token::Column::RevokedAt,
                Expr::value(OffsetDateTime::now_utc()),
            )
            .filter(api_token::Column::Id.eq(id))
            .filter(api_token::Column::RevokedAt.is_null())
            .exec(&txn)
            .await?;
        if done.rows_affected == 0 {
            return Err(Error::Conflict("This token is already revoked.".into()));
        }
        audit::record(
            &txn,
            actor,
            "api_token.revoke",
            "api_token",
            &row.name,
            None,
            None,
        )
        .await?;
        txn.commit().await?;
        Ok(())
    }

    /// The caller behind a bearer secret. Unknown, revoked and expired
    /// tokens, and tokens whose maker can no longer use staff tools, are
    /// all `Unauthenticated`: the caller learns nothing about which.
    pub async fn authenticate(&self, secret: &str) -> Result<TokenCaller> {
        if !secret.starts_with(SECRET_PREFIX) || secret.len() > 128 {
            return Err(Error::Unauthenticated);
        }
        let now = OffsetDateTime::now_utc();
        let row = api_token::Entity::find()
            .filter(api_token::Column::TokenHash.eq(digest(secret)))
            .filter(api_token::Column::RevokedAt.is_null())
            .one(&self.db)
            .await?
            .filter(|r| r.expires_at.is_none_or(|at| at > now))
            .ok_or(Error::Unauthenticated)?;
        let maker = user::Entity::find_by_id(row.created_by)
            .filter(user::Column::ErasedAt.is_null())
            .filter(user::Column::DisabledAt.is_null())
            .one(&self.db)
            .await?
            .ok_or(Error::Unauthenticated)?;
        let held: Vec<Permission> = match Role::parse(&maker.role) {
            Some(Role::Admin) => Permission::ALL.to_vec(),
            Some(Role::Staff) => Permission::parse_list(&maker.permissions),
            _ => return Err(Error::Unauthenticated),
        };
        let scopes: Vec<Scope> = Scope::parse_list(&row.scopes)
            .into_iter()
            .filter(|s| held.contains(&s.area))
            .collect();
        let mut areas: Vec<Permission> = scopes.iter().map(|s| s.area).collect();
        areas.dedup();
        self.touch(row.id, now).await?;
        Ok(TokenCaller {
            id: row.id,
            actor: Actor::token(row.created_by, areas, &row.name),
            name: row.name,
            scopes,
        })
    }

    /// Records the use, at most once a minute per token (a conditional
    /// update: concurrent requests write it once).
    async fn touch(&self, id: i32, now: OffsetDateTime) -> Result<()> {
        api_token::Entity::update_many()
            .col_expr(api_token::Column::LastUsedAt, Expr::value(now))
            .filter(api_token::Column::Id.eq(id))
            .filter(
                Condition::any()
                    .add(api_token::Column::LastUsedAt.is_null())
                    .add(api_token::Column::LastUsedAt.lt(now - TOUCH_EVERY)),
            )
            .exec(&self.db)
            .await?;
        Ok(())
    }

    async fn email_of(&self, id: i32) -> Result<Option<String>> {
        Ok(user::Entity::find_by_id(id)
            .one(&self.db)
            .await?
            .map(|u| u.email))
    }
}

fn view(r: api_token::Model, created_by: Option<String>) -> ApiTokenView {
    let now = OffsetDateTime::now_utc();
    ApiTokenView {
        active: r.revoked_at.is_none() && r.expires_at.is_none_or(|at| at > now),
        id: r.id,
        name: r.name,
        prefix: r.prefix,
        scopes: Scope::parse_list(&r.scopes),
        created_at: r.created_at.unix_timestamp(),
        expires_at: r.expires_at.map(|t| t.unix_timestamp()),
        last_used_at: r.last_used_at.map(|t| t.unix_timestamp()),
        revoked_at: r.revoked_at.map(|t| t.unix_timestamp()),
        created_by,
    }
}
