use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "order_items")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    pub order_id: i32,
    pub variant_id: Option<i32>,
    pub sku: String,
    pub title: String,
    pub variant_title: String,
    pub unit_price_minor: i64,
    pub quantity: i32,
    pub line_total_minor: i64,
    /// Units that have left in shipments; never more than `quantity`.
    pub shipped_quantity: i32,
    /// Units in returns not declined; never more than `shipped_quantity`.
    pub returning_quantity: i32,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
