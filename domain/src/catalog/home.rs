//! The home page: top-level categories and two product shelves.
use sea_orm::{ColumnTrait, EntityTrait, PaginatorTrait, QueryFilter, QueryOrder, QuerySelect};

use super::cards::to_cards;
use super::types::{CategoryCard, HomePage};
use super::{Catalog, ProductStatus};
use crate::entities::product;

const SHELF: u64 = 8;

impl Catalog {
    /// Held until a product or category changes.
    pub async fn home(&self) -> crate::Result<std::sync::Arc<HomePage>> {
        if let Some(home) = self.held.home() {
            return Ok(home);
        }
        let generation = self.held.generation();
        let home = std::sync::Arc::new(self.read_home().await?);
        self.held.keep_home(generation, home.clone());
        Ok(home)
    }

    async fn read_home(&self) -> crate::Result<HomePage> {
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
                    .map(|c| tree.reference(c))
                    .collect(),
                product_count,
                texts: tree.texts_of(top.id).to_vec(),
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

    /// Cards for the given products in that order (active ones only).
    pub async fn cards_for_ids(&self, ids: &[i32]) -> crate::Result<Vec<super::ProductCard>> {
        super::cards::cards_for_ids(&self.db, ids).await
    }

    /// What to offer when a search finds nothing: the most-ordered products,
    /// topped up with featured ones.
    pub async fn popular(&self, limit: u64) -> crate::Result<Vec<super::ProductCard>> {
        use crate::entities::{order_item, variant};
        use sea_orm::sea_query::{Expr, ExprTrait, Order};
        use sea_orm::JoinType;
        let db = &self.db;
        let ordered_with_product = order_item::Entity::belongs_to(variant::Entity)
            .from(order_item::Column::VariantId)
            .to(variant::Column::Id)
            .into();
        let mut ids: Vec<i32> = order_item::Entity::find()
            .select_only()
            .column(variant::Column::ProductId)
            .join(JoinType::InnerJoin, ordered_with_product)
            .group_by(variant::Column::ProductId)
            .order_by(
                Expr::col((order_item::Entity, order_item::Column::Quantity)).sum(),
                Order::Desc,
            )
            .limit(limit)
            .into_tuple()
            .all(db)
            .await?;
        if (ids.len() as u64) < limit {
            let featured: Vec<i32> = product::Entity::find()
                .select_only()
                .column(product::Column::Id)
                .filter(product::Column::Status.eq(ProductStatus::Active.as_str()))
                .filter(product::Column::Featured.eq(true))
                .order_by_asc(product::Column::Id)
                .limit(limit)
                .into_tuple()
                .all(db)
                .await?;
            for id in featured {
                if (ids.len() as u64) < limit && !ids.contains(&id) {
                    ids.push(id);
                }
            }
        }
        self.cards_for_ids(&ids).await
    }

    /// Top two levels of the tree for the header navigation, in `locale`.
    pub async fn navigation(
        &self,
        locale: model::Locale,
    ) -> crate::Result<Vec<super::CategoryNode>> {
        Ok(self.tree().await?.navigation(2, locale))
    }
}
