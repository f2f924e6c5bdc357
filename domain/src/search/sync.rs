//! Keeping the index in step with the database. Catalog and stock changes
//! write an outbox row in their own transaction; the outbox worker calls
//! [`Search::apply`], retrying while the engine is down, so the index
//! catches up after an outage. `mercato search reindex` and startup use
//! [`Search::rebuild`].
use sea_orm::{ConnectionTrait, EntityTrait, QuerySelect};
use serde::{Deserialize, Serialize};

use super::{document, Search};
use crate::entities::variant;
use crate::{outbox, Result};

/// Outbox kind for index updates.
pub const KIND_SEARCH: &str = "search";

const BATCH: u64 = 200;
/// Products per queued re-index when all of them change.
const REINDEX_BATCH: usize = 500;

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct IndexProducts {
    pub product_ids: Vec<i32>,
}

/// Queues a re-index of these products inside the caller's transaction.
pub async fn enqueue<C: ConnectionTrait>(conn: &C, product_ids: Vec<i32>) -> Result<()> {
    if product_ids.is_empty() {
        return Ok(());
    }
    outbox::enqueue(conn, KIND_SEARCH, &IndexProducts { product_ids }).await?;
    Ok(())
}

/// Queues a re-index of every product (prices moved for all of them).
pub async fn enqueue_all<C: ConnectionTrait>(conn: &C) -> Result<()> {
    let ids: Vec<i32> = crate::entities::product::Entity::find()
        .select_only()
        .column(crate::entities::product::Column::Id)
        .into_tuple()
        .all(conn)
        .await?;
    for chunk in ids.chunks(REINDEX_BATCH) {
        enqueue(conn, chunk.to_vec()).await?;
    }
    Ok(())
}

/// After a stock change of `delta` units on `variant_id` (already applied):
/// the index only knows "in stock" or not, so queue an update only when the
/// product's sellable units crossed zero.
pub async fn stock_changed<C: ConnectionTrait>(
    conn: &C,
    variant_id: i32,
    delta: i64,
) -> Result<()> {
    let Some(product_id) = variant::Entity::find_by_id(variant_id)
        .select_only()
        .column(variant::Column::ProductId)
        .into_tuple::<i32>()
        .one(conn)
        .await?
    else {
        return Ok(());
    };
    let after = crate::catalog::availability(conn, &[product_id])
        .await?
        .get(&product_id)
        .copied()
        .unwrap_or(0);
    let before = after - delta;
    if (before > 0) != (after > 0) {
        enqueue(conn, vec![product_id]).await?;
    }
    Ok(())
}

impl Search {
    /// Brings the listed products' documents up to date (or removes them
    /// when they are no longer active).
    pub async fn apply(&self, msg: &IndexProducts) -> Result<()> {
        let tree = crate::catalog::CategoryTree::load(&self.db).await?;
        let docs = document::load(&self.db, &tree, &msg.product_ids).await?;
        let gone: Vec<i32> = msg
            .product_ids
            .iter()
            .copied()
            .filter(|id| !docs.iter().any(|d| d.id == *id))
            .collect();
        self.index.upsert(docs).await?;
        self.index.remove(gone).await
    }

    /// Builds a whole new index from the database and swaps it in.
    /// `progress(done, total)` is called after each batch.
    pub async fn rebuild(&self, progress: &(dyn Fn(u64, u64) + Send + Sync)) -> Result<u64> {
        let total = document::count_active(&self.db).await?;
        let tree = crate::catalog::CategoryTree::load(&self.db).await?;
        let mut rebuild = self.index.begin_rebuild().await?;
        let mut done = 0u64;
        let mut after = 0;
        progress(0, total);
        loop {
            let ids = document::active_ids_after(&self.db, after, BATCH).await?;
            let Some(last) = ids.last().copied() else {
                break;
            };
            let docs = document::load(&self.db, &tree, &ids).await?;
            done += docs.len() as u64;
            rebuild.add(docs).await?;
            after = last;
            progress(done, total);
        }
        rebuild.finish().await?;
        tracing::info!(
            engine = self.engine(),
            documents = done,
            "search index rebuilt"
        );
        Ok(done)
    }

    /// Startup: apply settings and build the index if it is missing or
    /// from an older schema version.
    pub async fn prepare(&self) -> Result<()> {
        if self.index.prepare().await? {
            self.rebuild(&|_, _| {}).await?;
        }
        Ok(())
    }
}
