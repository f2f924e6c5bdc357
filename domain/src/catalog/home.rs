//! The home page: top-level categories and two product shelves.
use sea_orm::{ColumnTrait, EntityTrait, PaginatorTrait, QueryFilter, QueryOrder, QuerySelect};

use super::cards::to_cards;
use super::types::{CategoryCard, CategoryRef, HomePage};
use super::{Catalog, ProductStatus};
use crate::entities::product;

const SHELF: u64 = 8;

impl Catalog {
    pub async fn home(&self) -> crate::Result<HomePage> {
        let db = &self.db;
        let tree = self.tree().await?;
        let mut categories = Vec::new();
        for top in tree.children_of(None) {
            let product_count = product::Entity::find()
                .filter(product::Column::Status.eq(ProductStatus::Active.as_str()))
                .filter(product::Column::CategoryId.is_in(tree.subtree_ids(top.id)))
                .count(db)
                .await?;
            categories.push(CategoryCard {
                slug: top.slug.clone(),
                name: top.name.clone(),
                description: top.description.clone(),
                subcategories: tree
                    .children_of(Some(top.id))
                    .map(CategoryRef::from)
                    .collect(),
                product_count,
            });
        }
        let featured = product::Entity::find()
            .filter(product::Column::Status.eq(ProductStatus::Active.as_str()))
            .filter(product::Column::Featured.eq(true))
            .order_by_asc(product::Column::Id)
            .limit(SHELF)
            .all(db)
            .await?;
        let newest = product::Entity::find()
            .filter(product::Column::Status.eq(ProductStatus::Active.as_str()))
            .order_by_desc(product::Column::CreatedAt)
            .order_by_asc(product::Column::Id)
            .limit(SHELF)
            .all(db)
            .await?;
        Ok(HomePage {
            categories,
            featured: to_cards(db, featured).await?,
            newest: to_cards(db, newest).await?,
        })
    }

    /// Top two levels of the tree for the header navigation.
    pub async fn navigation(&self) -> crate::Result<Vec<super::CategoryNode>> {
        Ok(self.tree().await?.navigation(2))
    }
}
