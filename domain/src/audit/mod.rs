//! The audit log of staff changes. Services call [`record`] inside the
//! transaction that makes the change, so the log and the change commit (or
//! roll back) together. Only the fields a change touched are kept, never
//! secrets (password hashes, TOTP secrets, tokens).
use std::collections::HashMap;

use sea_orm::sea_query::{Expr, ExprTrait, Func};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, Condition, ConnectionTrait, DatabaseConnection, EntityTrait,
    PaginatorTrait, QueryFilter, QueryOrder, QuerySelect, Set,
};
use serde::Serialize;
use serde_json::Value;
use time::OffsetDateTime;

use crate::accounts::Actor;
use crate::entities::{audit_entry, user};
use crate::Result;

pub const PAGE_SIZE: u64 = 50;

/// Writes one entry with the caller's connection (use the change's transaction).
pub async fn record<C: ConnectionTrait>(
    conn: &C,
    actor: &Actor,
    action: &str,
    entity: &str,
    entity_ref: &str,
    before: Option<Value>,
    after: Option<Value>,
) -> Result<()> {
    audit_entry::ActiveModel {
        actor_id: Set(actor.user_id()),
        action: Set(action.to_owned()),
        entity: Set(entity.to_owned()),
        entity_ref: Set(entity_ref.chars().take(128).collect()),
        before: Set(before.map(|v| v.to_string())),
        after: Set(after.map(|v| v.to_string())),
        created_at: Set(OffsetDateTime::now_utc()),
        via: Set(actor.via().map(str::to_owned)),
        ..Default::default()
    }
    .insert(conn)
    .await?;
    Ok(())
}

/// The top-level fields of `before` and `after` that differ, as the
/// before/after pair an entry keeps (a field missing before is null).
pub fn changed_fields<T: Serialize>(before: &T, after: &T) -> (Value, Value) {
    let (b, a) = (
        serde_json::to_value(before).unwrap_or_default(),
        serde_json::to_value(after).unwrap_or_default(),
    );
    let mut out_b = serde_json::Map::new();
    let mut out_a = serde_json::Map::new();
    if let (Some(b), Some(a)) = (b.as_object(), a.as_object()) {
        for (key, av) in a {
            let bv = b.get(key).cloned().unwrap_or_default();
            if bv != *av {
                out_b.insert(key.clone(), bv);
                out_a.insert(key.clone(), av.clone());
            }
        }
    }
    (out_b.into(), out_a.into())
}

pub use model::audit::{AuditEntry, AuditPage};

/// Newest first; `query` matches the action, the reference or the staff
/// member's email (case-insensitive substring). Admins only.
pub async fn search(
    db: &DatabaseConnection,
    actor: &Actor,
    query: &str,
    page: u64,
) -> Result<AuditPage> {
    actor.require_admin()?;
    let q = crate::bounds::text(query.trim(), crate::bounds::MAX_QUERY_CHARS).to_lowercase();
    let mut find = audit_entry::Entity::find();
    if !q.is_empty() {
        let pattern = format!("%{}%", q.replace(['%', '_'], ""));
        let lower = |c: audit_entry::Column| Expr::expr(Func::lower(Expr::col(c))).like(&pattern);
        let staff: Vec<i32> = user::Entity::find()
            .select_only()
            .column(user::Column::Id)
            .filter(user::Column::Email.like(&pattern))
            .into_tuple()
            .all(db)
            .await?;
        find = find.filter(
            Condition::any()
                .add(lower(audit_entry::Column::Action))
                .add(lower(audit_entry::Column::EntityRef))
                .add(audit_entry::Column::ActorId.is_in(staff)),
        );
    }
    let total = find.clone().count(db).await?;
    let page = crate::bounds::page(page);
    let rows = find
        .order_by_desc(audit_entry::Column::Id)
        .offset((page - 1) * PAGE_SIZE)
        .limit(PAGE_SIZE)
        .all(db)
        .await?;
    let ids: Vec<i32> = rows.iter().filter_map(|r| r.actor_id).collect();
    let emails: HashMap<i32, String> = user::Entity::find()
        .filter(user::Column::Id.is_in(ids))
        .all(db)
        .await?
        .into_iter()
        .map(|u| (u.id, u.email))
        .collect();
    Ok(AuditPage {
        q: query.to_owned(),
        entries: rows
            .into_iter()
            .map(|r| AuditEntry {
                at: r.created_at.unix_timestamp(),
                who: {
                    let who = match r.actor_id {
                        None => "system".to_owned(),
                        Some(id) => emails
                            .get(&id)
                            .cloned()
                            .unwrap_or_else(|| "erased account".to_owned()),
                    };
                    match r.via {
                        Some(via) => format!("{who} via {via}"),
                        None => who,
                    }
                },
                action: r.action,
                entity: r.entity,
                entity_ref: r.entity_ref,
                before: r.before,
                after: r.after,
            })
            .collect(),
        total,
        page,
        page_count: total.div_ceil(PAGE_SIZE),
    })
}
