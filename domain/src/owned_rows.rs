//! Rows that belong to one parent row — a shipping method's amounts per
//! currency and its names per language, a promo code's amounts per
//! currency — replaced whole in the parent's transaction and read back by
//! parent.
use std::collections::HashMap;

use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter};

use crate::Result;

/// Replaces the rows whose `parent` column is `id` with `rows`.
pub(crate) async fn replace<E, C>(
    conn: &C,
    parent: E::Column,
    id: i32,
    rows: Vec<E::ActiveModel>,
) -> Result<()>
where
    E: EntityTrait,
    C: ConnectionTrait,
{
    E::delete_many().filter(parent.eq(id)).exec(conn).await?;
    // No rows, no statement (SeaORM skips an empty insert).
    E::insert_many(rows).exec_without_returning(conn).await?;
    Ok(())
}

/// The rows of parent `id` (every parent's when `None`), by parent, as
/// `read` turns them (parent id and value; a row it cannot read is left
/// out).
pub(crate) async fn by_parent<E, C, T>(
    conn: &C,
    parent: E::Column,
    id: Option<i32>,
    read: impl Fn(E::Model) -> Option<(i32, T)>,
) -> Result<HashMap<i32, Vec<T>>>
where
    E: EntityTrait,
    C: ConnectionTrait,
{
    let mut q = E::find();
    if let Some(id) = id {
        q = q.filter(parent.eq(id));
    }
    let mut out: HashMap<i32, Vec<T>> = HashMap::new();
    for (parent_id, value) in q.all(conn).await?.into_iter().filter_map(read) {
        out.entry(parent_id).or_default().push(value);
    }
    Ok(out)
}
