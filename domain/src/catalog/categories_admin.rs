//! The category tree as staff edit it (permission `catalog`): create,
//! rename, move under another parent, reorder among siblings, delete an
//! empty one. Products under a renamed or moved category are re-indexed
//! (their category facets include the ancestors).
use sea_orm::sea_query::Expr;
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, EntityTrait, PaginatorTrait, QueryFilter,
    QuerySelect, Set,
};
use serde_json::json;
use time::OffsetDateTime;

use super::{Catalog, CategoryTree};
use crate::accounts::{Actor, Permission};
use crate::entities::{category, product};
use crate::{Error, Result};

/// A category name's length, in any language.
pub(super) const MAX_NAME: usize = 80;

fn check_name(name: &str) -> Result<String> {
    let name = name.trim();
    if name.is_empty() || name.chars().count() > MAX_NAME {
        return Err(Error::validation(
            "name",
            "Give the category a name (up to 80 characters).",
        ));
    }
    Ok(name.to_owned())
}

pub(super) async fn load<C: ConnectionTrait>(conn: &C) -> Result<CategoryTree> {
    use sea_orm::QueryOrder;
    let nodes = category::Entity::find()
        .order_by_asc(category::Column::Position)
        .order_by_asc(category::Column::Id)
        .all(conn)
        .await?;
    Ok(CategoryTree::from_models(nodes))
}

pub(super) async fn reindex_subtree<C: ConnectionTrait>(
    conn: &C,
    tree: &CategoryTree,
    id: i32,
) -> Result<()> {
    let ids: Vec<i32> = product::Entity::find()
        .select_only()
        .column(product::Column::Id)
        .filter(product::Column::CategoryId.is_in(tree.subtree_ids(id)))
        .into_tuple()
        .all(conn)
        .await?;
    crate::search::sync::enqueue(conn, ids).await
}

/// The position after the last child of `parent`.
fn next_position(tree: &CategoryTree, parent: Option<i32>) -> i32 {
    tree.children_of(parent)
        .map(|c| c.position + 1)
        .max()
        .unwrap_or(0)
}

impl Catalog {
    pub async fn create_category(
        &self,
        actor: &Actor,
        name: &str,
        parent: Option<&str>,
    ) -> Result<String> {
        actor.require(Permission::Catalog)?;
        let name = check_name(name)?;
        let txn = crate::db::begin_write(&self.db).await?;
        let tree = load(&txn).await?;
        let parent_id = match parent.filter(|p| !p.is_empty()) {
            Some(slug) => Some(tree.by_slug(slug).ok_or(Error::not_found("category"))?.id),
            None => None,
        };
        let base = crate::seed::slugify(&name);
        if base.is_empty() {
            return Err(Error::validation(
                "name",
                "Use some letters or digits in the name.",
            ));
        }
        let mut slug = base.clone();
        let mut n = 2;
        while tree.by_slug(&slug).is_some() {
            slug = format!("{base}-{n}");
            n += 1;
        }
        category::ActiveModel {
            parent_id: Set(parent_id),
            slug: Set(slug.clone()),
            name: Set(name.clone()),
            description: Set(String::new()),
            position: Set(next_position(&tree, parent_id)),
            created_at: Set(OffsetDateTime::now_utc()),
            ..Default::default()
        }
        .insert(&txn)
        .await?;
        crate::audit::record(
            &txn,
            actor,
            "category.create",
            "category",
            &slug,
            None,
            Some(json!({ "name": name, "parent": parent })),
        )
        .await?;
        txn.commit().await?;
        self.forget_tree();
        Ok(slug)
    }

    pub async fn rename_category(&self, actor: &Actor, slug: &str, name: &str) -> Result<()> {
        actor.require(Permission::Catalog)?;
        let name = check_name(name)?;
        let txn = crate::db::begin_write(&self.db).await?;
        let tree = load(&txn).await?;
        let c = tree
            .by_slug(slug)
            .ok_or(Error::not_found("category"))?
            .clone();
        category::Entity::update_many()
            .col_expr(category::Column::Name, Expr::value(name.clone()))
            .filter(category::Column::Id.eq(c.id))
            .exec(&txn)
            .await?;
        reindex_subtree(&txn, &tree, c.id).await?;
        crate::audit::record(
            &txn,
            actor,
            "category.rename",
            "category",
            slug,
            Some(json!({ "name": c.name })),
            Some(json!({ "name": name })),
        )
        .await?;
        txn.commit().await?;
        self.forget_tree();
        Ok(())
    }

    /// Moves a category (with everything under it) to a new parent, or to
    /// the top level with `None`.
    pub async fn move_category(
        &self,
        actor: &Actor,
        slug: &str,
        parent: Option<&str>,
    ) -> Result<()> {
        actor.require(Permission::Catalog)?;
        let txn = crate::db::begin_write(&self.db).await?;
        let tree = load(&txn).await?;
        let c = tree
            .by_slug(slug)
            .ok_or(Error::not_found("category"))?
            .clone();
        let parent_id = match parent.filter(|p| !p.is_empty()) {
            Some(p) => Some(tree.by_slug(p).ok_or(Error::not_found("category"))?.id),
            None => None,
        };
        if parent_id.is_some_and(|p| tree.subtree_ids(c.id).contains(&p)) {
            return Err(Error::validation(
                "parent",
                "A category can't move inside itself.",
            ));
        }
        if parent_id == c.parent_id {
            return Ok(());
        }
        category::Entity::update_many()
            .col_expr(category::Column::ParentId, Expr::value(parent_id))
            .col_expr(
                category::Column::Position,
                Expr::value(next_position(&tree, parent_id)),
            )
            .filter(category::Column::Id.eq(c.id))
            .exec(&txn)
            .await?;
        reindex_subtree(&txn, &tree, c.id).await?;
        let before = c
            .parent_id
            .and_then(|id| tree.get(id))
            .map(|p| p.slug.clone());
        crate::audit::record(
            &txn,
            actor,
            "category.move",
            "category",
            slug,
            Some(json!({ "parent": before })),
            Some(json!({ "parent": parent })),
        )
        .await?;
        txn.commit().await?;
        self.forget_tree();
        Ok(())
    }

    /// Swaps a category with its previous (`up`) or next sibling.
    pub async fn reorder_category(&self, actor: &Actor, slug: &str, up: bool) -> Result<()> {
        actor.require(Permission::Catalog)?;
        let txn = crate::db::begin_write(&self.db).await?;
        let tree = load(&txn).await?;
        let c = tree
            .by_slug(slug)
            .ok_or(Error::not_found("category"))?
            .clone();
        let siblings: Vec<category::Model> = tree.children_of(c.parent_id).cloned().collect();
        let at = siblings.iter().position(|s| s.id == c.id).unwrap_or(0);
        let other = if up { at.checked_sub(1) } else { Some(at + 1) };
        let Some(other) = other.and_then(|i| siblings.get(i)) else {
            return Ok(());
        };
        // Renumber the siblings in their new order, so equal positions can't tie.
        let mut order: Vec<i32> = siblings.iter().map(|s| s.id).collect();
        let j = order.iter().position(|id| *id == other.id).unwrap_or(at);
        order.swap(at, j);
        for (pos, id) in order.iter().enumerate() {
            category::Entity::update_many()
                .col_expr(category::Column::Position, Expr::value(pos as i32))
                .filter(category::Column::Id.eq(*id))
                .exec(&txn)
                .await?;
        }
        crate::audit::record(
            &txn,
            actor,
            "category.reorder",
            "category",
            slug,
            Some(json!({ "position": at })),
            Some(json!({ "position": j })),
        )
        .await?;
        txn.commit().await?;
        self.forget_tree();
        Ok(())
    }

    /// Only an empty category (no products, no subcategories) can go.
    pub async fn delete_category(&self, actor: &Actor, slug: &str) -> Result<()> {
        actor.require(Permission::Catalog)?;
        let txn = crate::db::begin_write(&self.db).await?;
        let tree = load(&txn).await?;
        let c = tree
            .by_slug(slug)
            .ok_or(Error::not_found("category"))?
            .clone();
        if tree.children_of(Some(c.id)).next().is_some() {
            return Err(Error::Conflict(
                "Move or delete its subcategories first.".into(),
            ));
        }
        let products = product::Entity::find()
            .filter(product::Column::CategoryId.eq(c.id))
            .count(&txn)
            .await?;
        if products > 0 {
            return Err(Error::Conflict(format!(
                "{products} products are in this category; move them first."
            )));
        }
        category::Entity::delete_by_id(c.id).exec(&txn).await?;
        crate::audit::record(
            &txn,
            actor,
            "category.delete",
            "category",
            slug,
            Some(json!({ "name": c.name })),
            None,
        )
        .await?;
        txn.commit().await?;
        self.forget_tree();
        Ok(())
    }
}
