//! Inventory as staff see it: warehouses, stock per variant per warehouse,
//! adjustments with a reason, and the movement history.
use sea_orm::sea_query::{Expr, ExprTrait, Func};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, DatabaseConnection, EntityTrait, PaginatorTrait, QueryFilter,
    QueryOrder, QuerySelect, Set,
};
use time::OffsetDateTime;

use super::movements::{self, Origin, Reason};
use crate::accounts::{Actor, Permission};
use crate::entities::{product, stock_level, stock_movement, user, variant, warehouse};
use crate::{Error, Result};

pub use model::inventory::{LevelRow, MovementRow, VariantStock, WarehouseRow};

/// Staff inventory service (permission `catalog`).
#[derive(Clone)]
pub struct Inventory {
    db: DatabaseConnection,
}

fn check_code(code: &str) -> Result<String> {
    let code = code.trim().to_uppercase();
    let ok = (2..=16).contains(&code.len())
        && code
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_');
    if ok {
        Ok(code)
    } else {
        Err(Error::validation(
            "code",
            "Use 2–16 letters, digits, - or _ for the warehouse code.",
        ))
    }
}

fn check_name(name: &str) -> Result<String> {
    let name = name.trim();
    if name.is_empty() || name.chars().count() > 80 {
        return Err(Error::validation(
            "name",
            "Give the warehouse a name (up to 80 characters).",
        ));
    }
    Ok(name.to_owned())
}

impl Inventory {
    pub fn new(db: DatabaseConnection) -> Self {
        Self { db }
    }

    pub async fn warehouses(&self, actor: &Actor) -> Result<Vec<WarehouseRow>> {
        actor.require(Permission::Catalog)?;
        let list = warehouse::Entity::find()
            .order_by_asc(warehouse::Column::Code)
            .all(&self.db)
            .await?;
        let mut out = Vec::with_capacity(list.len());
        for w in list {
            let units: Option<i64> = stock_level::Entity::find()
                .select_only()
                .column_as(
                    // PostgreSQL sums into NUMERIC; bring it back to BIGINT.
                    Expr::from(Func::cast_as(
                        Expr::col(stock_level::Column::OnHand).sum(),
                        "BIGINT",
                    )),
                    "units",
                )
                .filter(stock_level::Column::WarehouseId.eq(w.id))
                .into_tuple()
                .one(&self.db)
                .await?
                .flatten();
            out.push(WarehouseRow {
                code: w.code,
                name: w.name,
                on_hand: units.unwrap_or(0),
            });
        }
        Ok(out)
    }

    pub async fn create_warehouse(&self, actor: &Actor, code: &str, name: &str) -> Result<()> {
        actor.require(Permission::Catalog)?;
        let (code, name) = (check_code(code)?, check_name(name)?);
        let txn = crate::db::begin_write(&self.db).await?;
        let taken = warehouse::Entity::find()
            .filter(warehouse::Column::Code.eq(&code))
            .count(&txn)
            .await?;
        if taken > 0 {
            return Err(Error::validation(
                "code",
                format!("A warehouse with code {code} exists already."),
            ));
        }
        warehouse::ActiveModel {
            code: Set(code.clone()),
            name: Set(name.clone()),
            created_at: Set(OffsetDateTime::now_utc()),
            ..Default::default()
        }
        .insert(&txn)
        .await?;
        crate::audit::record(
            &txn,
            actor,
            "warehouse.create",
            "warehouse",
            &code,
            None,
            Some(serde_json::json!({ "name": name })),
        )
        .await?;
        txn.commit().await?;
        Ok(())
    }

    pub async fn rename_warehouse(&self, actor: &Actor, code: &str, name: &str) -> Result<()> {
        actor.require(Permission::Catalog)?;
        let name = check_name(name)?;
        let txn = crate::db::begin_write(&self.db).await?;
        let w = warehouse::Entity::find()
            .filter(warehouse::Column::Code.eq(code))
            .one(&txn)
            .await?
            .ok_or(Error::not_found("warehouse"))?;
        let before = w.name.clone();
        let mut active: warehouse::ActiveModel = w.into();
        active.name = Set(name.clone());
        active.update(&txn).await?;
        crate::audit::record(
            &txn,
            actor,
            "warehouse.rename",
            "warehouse",
            code,
            Some(serde_json::json!({ "name": before })),
            Some(serde_json::json!({ "name": name })),
        )
        .await?;
        txn.commit().await?;
        Ok(())
    }

    /// Only an empty warehouse can go: units on its shelves or held for
    /// checkouts must be moved or sold first.
    pub async fn delete_warehouse(&self, actor: &Actor, code: &str) -> Result<()> {
        actor.require(Permission::Catalog)?;
        let txn = crate::db::begin_write(&self.db).await?;
        let w = warehouse::Entity::find()
            .filter(warehouse::Column::Code.eq(code))
            .one(&txn)
            .await?
            .ok_or(Error::not_found("warehouse"))?;
        let busy = stock_level::Entity::find()
            .filter(stock_level::Column::WarehouseId.eq(w.id))
            .filter(
                sea_orm::Condition::any()
                    .add(stock_level::Column::OnHand.ne(0))
                    .add(stock_level::Column::Reserved.ne(0)),
            )
            .count(&txn)
            .await?;
        if busy > 0 {
            return Err(Error::Conflict(format!(
                "{} still holds stock for {busy} items. Move or write it off first.",
                w.name
            )));
        }
        let held = crate::entities::stock_reservation::Entity::find()
            .filter(crate::entities::stock_reservation::Column::WarehouseId.eq(w.id))
            .count(&txn)
            .await?;
        if held > 0 {
            return Err(Error::Conflict(format!(
                "{} has order history and can't be deleted; rename it instead.",
                w.name
            )));
        }
        crate::audit::record(
            &txn,
            actor,
            "warehouse.delete",
            "warehouse",
            code,
            Some(serde_json::json!({ "name": w.name })),
            None,
        )
        .await?;
        warehouse::Entity::delete_by_id(w.id).exec(&txn).await?;
        txn.commit().await?;
        Ok(())
    }

    /// Stock of one variant in every warehouse, with its latest movements.
    pub async fn variant_stock(&self, actor: &Actor, sku: &str) -> Result<VariantStock> {
        actor.require(Permission::Catalog)?;
        let v = variant::Entity::find()
            .filter(variant::Column::Sku.eq(sku.trim()))
            .one(&self.db)
            .await?
            .ok_or(Error::not_found("variant"))?;
        let p = product::Entity::find_by_id(v.product_id)
            .one(&self.db)
            .await?
            .ok_or(Error::not_found("product"))?;
        let houses = warehouse::Entity::find()
            .order_by_asc(warehouse::Column::Code)
            .all(&self.db)
            .await?;
        let levels = stock_level::Entity::find()
            .filter(stock_level::Column::VariantId.eq(v.id))
            .all(&self.db)
            .await?;
        let level_rows = houses
            .iter()
            .map(|w| {
                let l = levels.iter().find(|l| l.warehouse_id == w.id);
                LevelRow {
                    warehouse: w.code.clone(),
                    warehouse_name: w.name.clone(),
                    on_hand: l.map_or(0, |l| l.on_hand),
                    reserved: l.map_or(0, |l| l.reserved),
                }
            })
            .collect();
        let moves = stock_movement::Entity::find()
            .filter(stock_movement::Column::VariantId.eq(v.id))
            .order_by_desc(stock_movement::Column::Id)
            .limit(100)
            .all(&self.db)
            .await?;
        let actor_ids: Vec<i32> = moves.iter().filter_map(|m| m.actor_id).collect();
        let emails: Vec<(i32, String)> = user::Entity::find()
            .select_only()
            .column(user::Column::Id)
            .column(user::Column::Email)
            .filter(user::Column::Id.is_in(actor_ids))
            .into_tuple()
            .all(&self.db)
            .await?;
        let movements = moves
            .into_iter()
            .map(|m| MovementRow {
                at: m.created_at.unix_timestamp(),
                warehouse: houses
                    .iter()
                    .find(|w| w.id == m.warehouse_id)
                    .map(|w| w.code.clone())
                    .unwrap_or_default(),
                delta: m.delta,
                on_hand_after: m.on_hand_after,
                reason: m.reason,
                note: m.note,
                by: m
                    .actor_id
                    .and_then(|id| emails.iter().find(|(i, _)| *i == id))
                    .map(|(_, e)| e.clone())
                    .unwrap_or_default(),
                order_id: m.order_id,
            })
            .collect();
        Ok(VariantStock {
            sku: v.sku,
            product_title: p.title,
            product_slug: p.slug,
            variant_title: v.title,
            levels: level_rows,
            movements,
        })
    }

    /// Adds or removes units by hand. `delta` may be negative; the reason is
    /// one of [`Reason::MANUAL`].
    pub async fn adjust(
        &self,
        actor: &Actor,
        sku: &str,
        warehouse_code: &str,
        delta: i32,
        reason: Reason,
        note: &str,
    ) -> Result<()> {
        actor.require(Permission::Catalog)?;
        if !Reason::MANUAL.contains(&reason) {
            return Err(Error::validation(
                "reason",
                "Choose received, damaged or correction.",
            ));
        }
        if delta == 0 {
            return Err(Error::validation(
                "delta",
                "Enter how many units to add (or a negative number to remove).",
            ));
        }
        let txn = crate::db::begin_write(&self.db).await?;
        let v = variant::Entity::find()
            .filter(variant::Column::Sku.eq(sku.trim()))
            .one(&txn)
            .await?
            .ok_or(Error::not_found("variant"))?;
        let w = warehouse::Entity::find()
            .filter(warehouse::Column::Code.eq(warehouse_code))
            .one(&txn)
            .await?
            .ok_or(Error::not_found("warehouse"))?;
        let origin = Origin {
            actor: Some(actor),
            order_id: None,
            note: note.trim(),
        };
        movements::add(&txn, v.id, w.id, delta, reason, origin).await?;
        crate::audit::record(
            &txn,
            actor,
            "stock.adjust",
            "variant",
            &v.sku,
            None,
            Some(serde_json::json!({
                "warehouse": w.code, "delta": delta, "reason": reason.as_str(), "note": note.trim()
            })),
        )
        .await?;
        txn.commit().await?;
        Ok(())
    }
}
