//! Shelf-count changes and their history. Every change is one conditional
//! UPDATE (the database checks it against `reserved` in the same
//! statement) followed by a movement row in the same transaction.
use sea_orm::sea_query::{Expr, ExprTrait};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QuerySelect, Set,
};
use time::OffsetDateTime;

use crate::accounts::Actor;
use crate::entities::{stock_level, stock_movement};
use crate::{Error, Result};

pub use model::inventory::Reason;

/// Where a movement came from besides its reason.
#[derive(Clone, Copy, Debug, Default)]
pub struct Origin<'a> {
    pub actor: Option<&'a Actor>,
    pub order_id: Option<i32>,
    pub note: &'a str,
}

pub(crate) async fn record<C: ConnectionTrait>(
    conn: &C,
    variant_id: i32,
    warehouse_id: i32,
    delta: i32,
    reason: Reason,
    origin: Origin<'_>,
) -> Result<()> {
    let after: Option<i32> = stock_level::Entity::find()
        .select_only()
        .column(stock_level::Column::OnHand)
        .filter(stock_level::Column::VariantId.eq(variant_id))
        .filter(stock_level::Column::WarehouseId.eq(warehouse_id))
        .into_tuple()
        .one(conn)
        .await?;
    stock_movement::ActiveModel {
        variant_id: Set(variant_id),
        warehouse_id: Set(warehouse_id),
        delta: Set(delta),
        on_hand_after: Set(after.unwrap_or(0)),
        reason: Set(reason.as_str().to_owned()),
        note: Set(origin.note.chars().take(500).collect()),
        actor_id: Set(origin.actor.and_then(Actor::user_id)),
        order_id: Set(origin.order_id),
        created_at: Set(OffsetDateTime::now_utc()),
        ..Default::default()
    }
    .insert(conn)
    .await?;
    Ok(())
}

/// Adds `delta` units (negative takes them away) unless that would leave
/// fewer on the shelf than checkouts hold. Returns the new count.
pub(crate) async fn add<C: ConnectionTrait>(
    conn: &C,
    variant_id: i32,
    warehouse_id: i32,
    delta: i32,
    reason: Reason,
    origin: Origin<'_>,
) -> Result<()> {
    if delta == 0 {
        return Ok(());
    }
    let res = stock_level::Entity::update_many()
        .col_expr(
            stock_level::Column::OnHand,
            Expr::col(stock_level::Column::OnHand).add(delta),
        )
        .filter(stock_level::Column::VariantId.eq(variant_id))
        .filter(stock_level::Column::WarehouseId.eq(warehouse_id))
        .filter(
            Expr::col(stock_level::Column::OnHand)
                .add(delta)
                .gte(Expr::col(stock_level::Column::Reserved)),
        )
        .filter(Expr::col(stock_level::Column::OnHand).add(delta).gte(0))
        .exec(conn)
        .await?;
    if res.rows_affected == 0 {
        let exists = stock_level::Entity::find_by_id((variant_id, warehouse_id))
            .one(conn)
            .await?;
        match exists {
            None if delta > 0 => {
                stock_level::ActiveModel {
                    variant_id: Set(variant_id),
                    warehouse_id: Set(warehouse_id),
                    on_hand: Set(delta),
                    reserved: Set(0),
                }
                .insert(conn)
                .await?;
            }
            None => {
                return Err(Error::validation(
                    "delta",
                    "There is no stock of this item in that warehouse to take away.",
                ))
            }
            Some(level) => {
                return Err(Error::validation(
                    "delta",
                    format!(
                        "That would leave {} on the shelf, but {} are held for checkouts.",
                        level.on_hand + delta,
                        level.reserved
                    ),
                ))
            }
        }
    }
    record(conn, variant_id, warehouse_id, delta, reason, origin).await?;
    super::changed(conn, variant_id, &[(warehouse_id, i64::from(delta))]).await
}

/// Sets the count to `target` if it is still `seen` (what the editor or
/// file showed); a sale in between makes this a conflict instead of
/// silently overwriting it.
pub(crate) async fn set<C: ConnectionTrait>(
    conn: &C,
    variant_id: i32,
    warehouse_id: i32,
    seen: Option<i32>,
    target: i32,
    reason: Reason,
    origin: Origin<'_>,
) -> Result<()> {
    let Some(seen) = seen else {
        return add(conn, variant_id, warehouse_id, target, reason, origin).await;
    };
    if seen == target {
        return Ok(());
    }
    let res = stock_level::Entity::update_many()
        .col_expr(stock_level::Column::OnHand, Expr::value(target))
        .filter(stock_level::Column::VariantId.eq(variant_id))
        .filter(stock_level::Column::WarehouseId.eq(warehouse_id))
        .filter(stock_level::Column::OnHand.eq(seen))
        .filter(stock_level::Column::Reserved.lte(target))
        .exec(conn)
        .await?;
    if res.rows_affected == 0 {
        let level = stock_level::Entity::find_by_id((variant_id, warehouse_id))
            .one(conn)
            .await?;
        return Err(match level {
            Some(l) if l.reserved > target => Error::validation(
                "stock",
                format!(
                    "Stock can't go below {}: that many are held for checkouts.",
                    l.reserved
                ),
            ),
            _ => Error::Conflict(
                "Stock changed while you were editing (an order came in). Reload and try again."
                    .to_owned(),
            ),
        });
    }
    record(
        conn,
        variant_id,
        warehouse_id,
        target - seen,
        reason,
        origin,
    )
    .await?;
    super::changed(
        conn,
        variant_id,
        &[(warehouse_id, i64::from(target - seen))],
    )
    .await
}
