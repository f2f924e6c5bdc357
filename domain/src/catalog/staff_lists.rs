//! The category lists staff pick from and rearrange, in tree order.
use model::catalog::{CategoryChoice, CategoryRow};

use super::{Catalog, CategoryTree};
use crate::accounts::{Actor, Permission};
use crate::Result;

impl Catalog {
    /// Every category with its full path as the label ("Men › Tops › T-Shirts").
    pub async fn category_choices(&self) -> Result<Vec<CategoryChoice>> {
        let tree = self.tree().await?;
        let mut out = Vec::new();
        walk(&tree, None, 0, &mut |c, _, _, _| {
            out.push(CategoryChoice {
                slug: c.slug.clone(),
                label: tree.label(c.id),
            });
        });
        Ok(out)
    }

    /// The tree as staff rearrange it (permission `catalog`).
    pub async fn category_rows(&self, actor: &Actor) -> Result<Vec<CategoryRow>> {
        actor.require(Permission::Catalog)?;
        let tree = self.tree().await?;
        let mut out = Vec::new();
        walk(&tree, None, 0, &mut |c, depth, first, last| {
            out.push(CategoryRow {
                slug: c.slug.clone(),
                name: c.name.clone(),
                depth,
                parent: c
                    .parent_id
                    .and_then(|p| tree.get(p))
                    .map(|p| p.slug.clone())
                    .unwrap_or_default(),
                first,
                last,
            });
        });
        Ok(out)
    }
}

/// Depth-first, parents before children: each category with its depth and
/// whether it is the first or last of its siblings.
fn walk(
    tree: &CategoryTree,
    parent: Option<i32>,
    depth: usize,
    visit: &mut dyn FnMut(&crate::entities::category::Model, usize, bool, bool),
) {
    let siblings: Vec<_> = tree.children_of(parent).collect();
    let last = siblings.len().saturating_sub(1);
    for (i, c) in siblings.into_iter().enumerate() {
        visit(c, depth, i == 0, i == last);
        walk(tree, Some(c.id), depth + 1, visit);
    }
}
