//! Stock: what is available, and reservations that move through
//! held → committed (payment succeeded) or held → released (failed, expired,
//! cancelled). Every change is a conditional UPDATE inside the caller's
//! transaction — `on_hand - reserved >= wanted` is checked by the database
//! in the same statement that takes the units, so two checkouts can never
//! both take the last one.
use std::collections::HashMap;

use sea_orm::sea_query::{Expr, ExprTrait};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QueryOrder,
    QuerySelect, Set,
};
use time::OffsetDateTime;

use crate::entities::{stock_level, stock_reservation};
use crate::{Error, Result};

mod low_stock;
mod movements;
mod staff;

pub(crate) use low_stock::running_low;
pub use low_stock::{LowStock, LowStockMail, KIND as KIND_LOW_STOCK};

pub(crate) use movements::set as set_stock;
pub use movements::{Origin, Reason};
pub use staff::*;

pub const HELD: &str = "held";
pub const COMMITTED: &str = "committed";
pub const RELEASED: &str = "released";

/// After stock changes on `variant_id` of `(warehouse, units)` each
/// (already applied, in the same transaction): the search index and the
/// wishlists watching the variant hear of it, and staff and webhooks when a
/// warehouse runs low.
async fn changed<C: ConnectionTrait>(
    conn: &C,
    variant_id: i32,
    moves: &[(i32, i64)],
) -> Result<()> {
    let delta = moves.iter().map(|(_, units)| units).sum();
    crate::search::sync::stock_changed(conn, variant_id, delta).await?;
    for &(warehouse_id, units) in moves {
        low_stock::check(conn, variant_id, warehouse_id, units).await?;
    }
    crate::wishlist::alerts::stock_changed(conn, variant_id).await
}

/// Units that can still be sold, per variant (all warehouses).
pub async fn available<C: ConnectionTrait>(
    conn: &C,
    variant_ids: &[i32],
) -> Result<HashMap<i32, i64>> {
    if variant_ids.is_empty() {
        return Ok(HashMap::new());
    }
    let rows: Vec<(i32, i32, i32)> = stock_level::Entity::find()
        .select_only()
        .column(stock_level::Column::VariantId)
        .column(stock_level::Column::OnHand)
        .column(stock_level::Column::Reserved)
        .filter(stock_level::Column::VariantId.is_in(variant_ids.iter().copied()))
        .into_tuple()
        .all(conn)
        .await?;
    let mut out: HashMap<i32, i64> = variant_ids.iter().map(|id| (*id, 0)).collect();
    for (variant, on_hand, reserved) in rows {
        *out.entry(variant).or_default() += i64::from(std::cmp::max(on_hand - reserved, 0));
    }
    Ok(out)
}

/// Takes up to `quantity` from one warehouse, atomically. True if taken.
async fn take<C: ConnectionTrait>(
    conn: &C,
    variant_id: i32,
    warehouse_id: i32,
    quantity: i32,
) -> Result<bool> {
    let res = stock_level::Entity::update_many()
        .col_expr(
            stock_level::Column::Reserved,
            Expr::col(stock_level::Column::Reserved).add(quantity),
        )
        .filter(stock_level::Column::VariantId.eq(variant_id))
        .filter(stock_level::Column::WarehouseId.eq(warehouse_id))
        .filter(
            Expr::col(stock_level::Column::OnHand)
                .sub(Expr::col(stock_level::Column::Reserved))
                .gte(quantity),
        )
        .exec(conn)
        .await?;
    Ok(res.rows_affected == 1)
}

/// Reserves `quantity` of a variant for an order until `expires_at`: from one
/// warehouse when one can ship it all, else split across warehouses. On
/// `Conflict` the caller must roll back its transaction (partial takes are
/// undone with it).
pub async fn reserve<C: ConnectionTrait>(
    conn: &C,
    order_id: i32,
    variant_id: i32,
    quantity: i32,
    expires_at: OffsetDateTime,
    label: &str,
) -> Result<()> {
    let levels = stock_level::Entity::find()
        .filter(stock_level::Column::VariantId.eq(variant_id))
        .order_by_asc(stock_level::Column::WarehouseId)
        .all(conn)
        .await?;
    let mut by_free: Vec<(i32, i32)> = levels
        .iter()
        .map(|l| (l.warehouse_id, std::cmp::max(l.on_hand - l.reserved, 0)))
        .collect();
    by_free.sort_by_key(|(w, free)| (-free, *w));

    let mut plan: Vec<(i32, i32)> = Vec::new();
    if let Some((w, _)) = by_free.iter().find(|(_, free)| *free >= quantity) {
        if take(conn, variant_id, *w, quantity).await? {
            plan.push((*w, quantity));
        }
    }
    if plan.is_empty() {
        let mut remaining = quantity;
        for (w, free) in &by_free {
            if remaining == 0 {
                break;
            }
            let want = std::cmp::min(remaining, *free);
            if want > 0 && take(conn, variant_id, *w, want).await? {
                plan.push((*w, want));
                remaining -= want;
            }
        }
        if remaining > 0 {
            return Err(Error::Conflict(format!(
                "Sorry, {label} has just sold out or has fewer left than you asked for."
            )));
        }
    }
    let now = OffsetDateTime::now_utc();
    let moves: Vec<(i32, i64)> = plan.iter().map(|(w, q)| (*w, -i64::from(*q))).collect();
    for (warehouse_id, qty) in plan {
        stock_reservation::ActiveModel {
            order_id: Set(order_id),
            variant_id: Set(variant_id),
            warehouse_id: Set(warehouse_id),
            quantity: Set(qty),
            status: Set(HELD.to_owned()),
            expires_at: Set(expires_at),
            created_at: Set(now),
            ..Default::default()
        }
        .insert(conn)
        .await?;
    }
    changed(conn, variant_id, &moves).await
}

async fn reservations<C: ConnectionTrait>(
    conn: &C,
    order_id: i32,
    status: &str,
) -> Result<Vec<stock_reservation::Model>> {
    Ok(stock_reservation::Entity::find()
        .filter(stock_reservation::Column::OrderId.eq(order_id))
        .filter(stock_reservation::Column::Status.eq(status))
        .all(conn)
        .await?)
}

/// Moves one reservation from `from` to `to`; false if someone else already did.
async fn flip<C: ConnectionTrait>(conn: &C, id: i32, from: &str, to: &str) -> Result<bool> {
    let res = stock_reservation::Entity::update_many()
        .col_expr(stock_reservation::Column::Status, Expr::value(to))
        .filter(stock_reservation::Column::Id.eq(id))
        .filter(stock_reservation::Column::Status.eq(from))
        .exec(conn)
        .await?;
    Ok(res.rows_affected == 1)
}

async fn adjust<C: ConnectionTrait>(
    conn: &C,
    r: &stock_reservation::Model,
    on_hand: i32,
    reserved: i32,
) -> Result<()> {
    stock_level::Entity::update_many()
        .col_expr(
            stock_level::Column::OnHand,
            Expr::col(stock_level::Column::OnHand).add(on_hand),
        )
        .col_expr(
            stock_level::Column::Reserved,
            Expr::col(stock_level::Column::Reserved).add(reserved),
        )
        .filter(stock_level::Column::VariantId.eq(r.variant_id))
        .filter(stock_level::Column::WarehouseId.eq(r.warehouse_id))
        .exec(conn)
        .await?;
    Ok(())
}

/// Payment succeeded: held units leave the shelf.
pub async fn commit<C: ConnectionTrait>(conn: &C, order_id: i32) -> Result<()> {
    for r in reservations(conn, order_id, HELD).await? {
        if flip(conn, r.id, HELD, COMMITTED).await? {
            adjust(conn, &r, -r.quantity, -r.quantity).await?;
            let origin = Origin {
                order_id: Some(order_id),
                ..Default::default()
            };
            movements::record(
                conn,
                r.variant_id,
                r.warehouse_id,
                -r.quantity,
                Reason::Sale,
                origin,
            )
            .await?;
        }
    }
    Ok(())
}

/// Payment failed, expired or the order was cancelled before payment.
pub async fn release<C: ConnectionTrait>(conn: &C, order_id: i32) -> Result<()> {
    for r in reservations(conn, order_id, HELD).await? {
        if flip(conn, r.id, HELD, RELEASED).await? {
            adjust(conn, &r, 0, -r.quantity).await?;
            changed(
                conn,
                r.variant_id,
                &[(r.warehouse_id, i64::from(r.quantity))],
            )
            .await?;
        }
    }
    Ok(())
}

/// A paid order was cancelled before shipping: its units go back on the shelf.
pub async fn restock<C: ConnectionTrait>(conn: &C, order_id: i32) -> Result<()> {
    for r in reservations(conn, order_id, COMMITTED).await? {
        if flip(conn, r.id, COMMITTED, RELEASED).await? {
            adjust(conn, &r, r.quantity, 0).await?;
            let origin = Origin {
                order_id: Some(order_id),
                ..Default::default()
            };
            movements::record(
                conn,
                r.variant_id,
                r.warehouse_id,
                r.quantity,
                Reason::Restock,
                origin,
            )
            .await?;
            changed(
                conn,
                r.variant_id,
                &[(r.warehouse_id, i64::from(r.quantity))],
            )
            .await?;
        }
    }
    Ok(())
}

/// Units of a delivered order's variant that came back resellable: on the
/// shelf of the warehouse they were sold from (the first, if the sale came
/// from several). The sale's reservations stay committed: the sale
/// happened; the return is its own movement.
pub async fn returned<C: ConnectionTrait>(
    conn: &C,
    order_id: i32,
    variant_id: i32,
    units: i32,
) -> Result<()> {
    if units <= 0 {
        return Ok(());
    }
    let Some(sold) = reservations(conn, order_id, COMMITTED)
        .await?
        .into_iter()
        .filter(|r| r.variant_id == variant_id)
        .min_by_key(|r| r.id)
    else {
        return Ok(());
    };
    adjust(conn, &sold, units, 0).await?;
    let origin = Origin {
        order_id: Some(order_id),
        ..Default::default()
    };
    movements::record(
        conn,
        variant_id,
        sold.warehouse_id,
        units,
        Reason::Restock,
        origin,
    )
    .await?;
    changed(conn, variant_id, &[(sold.warehouse_id, i64::from(units))]).await
}

/// Orders holding stock past its expiry.
pub async fn expired_orders<C: ConnectionTrait>(conn: &C, now: OffsetDateTime) -> Result<Vec<i32>> {
    let mut ids: Vec<i32> = stock_reservation::Entity::find()
        .select_only()
        .column(stock_reservation::Column::OrderId)
        .filter(stock_reservation::Column::Status.eq(HELD))
        .filter(stock_reservation::Column::ExpiresAt.lt(now))
        .into_tuple()
        .all(conn)
        .await?;
    ids.sort_unstable();
    ids.dedup();
    Ok(ids)
}
