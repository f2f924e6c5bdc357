//! Catalog changes made by staff. Each change and its search-index update
//! are written in one transaction (the index follows through the outbox).
use sea_orm::sea_query::Expr;
use sea_orm::{ColumnTrait, EntityTrait, QueryFilter, QuerySelect};
use time::OffsetDateTime;

use super::{Catalog, ProductStatus};
use crate::accounts::{Actor, Permission};
use crate::entities::product;
use crate::Result;

impl Catalog {
    /// Publishes, archives or drafts the products with these slugs; returns
    /// how many changed.
    pub async fn set_status(
        &self,
        actor: &Actor,
        slugs: &[String],
        status: ProductStatus,
    ) -> Result<u64> {
        actor.require(Permission::Catalog)?;
        if slugs.is_empty() {
            return Ok(0);
        }
        let txn = crate::db::begin_write(&self.db).await?;
        let rows: Vec<(i32, String, String)> = product::Entity::find()
            .select_only()
            .column(product::Column::Id)
            .column(product::Column::Slug)
            .column(product::Column::Status)
            .filter(product::Column::Slug.is_in(slugs.iter().cloned()))
            .filter(product::Column::Status.ne(status.as_str()))
            .into_tuple()
            .all(&txn)
            .await?;
        let ids: Vec<i32> = rows.iter().map(|r| r.0).collect();
        if ids.is_empty() {
            txn.commit().await?;
            return Ok(0);
        }
        let changed = product::Entity::update_many()
            .col_expr(product::Column::Status, Expr::value(status.as_str()))
            .col_expr(
                product::Column::UpdatedAt,
                Expr::value(OffsetDateTime::now_utc()),
            )
            .filter(product::Column::Id.is_in(ids.iter().copied()))
            .exec(&txn)
            .await?
            .rows_affected;
        for (_, slug, before) in &rows {
            crate::audit::record(
                &txn,
                actor,
                "product.status",
                "product",
                slug,
                Some(serde_json::json!({ "status": before })),
                Some(serde_json::json!({ "status": status.as_str() })),
            )
            .await?;
        }
        // Archiving is how a product leaves the shop for good (orders keep
        // pointing at it), so it is what `product.deleted` reports.
        let event = if status == ProductStatus::Archived {
            model::webhooks::EventType::ProductDeleted
        } else {
            model::webhooks::EventType::ProductUpdated
        };
        for id in &ids {
            crate::webhooks::events::product(&txn, event, *id).await?;
        }
        crate::search::sync::enqueue(&txn, ids).await?;
        txn.commit().await?;
        Ok(changed)
    }
}
