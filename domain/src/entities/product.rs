use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "products")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    #[sea_orm(unique)]
    pub slug: String,
    pub title: String,
    pub description: String,
    pub brand: String,
    /// `draft`, `active` or `archived` (see [`crate::catalog::ProductStatus`]).
    pub status: String,
    pub category_id: i32,
    pub seo_title: Option<String>,
    pub seo_description: Option<String>,
    /// Cheapest and dearest variant, kept in step with the variants by the
    /// catalog service so listings can sort and filter by price in SQL.
    pub price_min_minor: i64,
    pub price_max_minor: i64,
    pub currency: String,
    pub featured: bool,
    /// Alert when a warehouse can sell this few of a variant, or fewer.
    pub low_stock_threshold: i32,
    /// Published reviews and the sum of their stars, kept by
    /// `crate::reviews` in the transaction that publishes or removes one.
    pub review_count: i32,
    pub rating_sum: i32,
    pub created_at: TimeDateTimeWithTimeZone,
    pub updated_at: TimeDateTimeWithTimeZone,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
