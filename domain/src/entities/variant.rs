use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "variants")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    pub product_id: i32,
    #[sea_orm(unique)]
    pub sku: String,
    pub title: String,
    pub price_minor: i64,
    pub compare_at_minor: Option<i64>,
    pub currency: String,
    pub weight_grams: i32,
    pub image_id: Option<i32>,
    pub position: i32,
    pub created_at: TimeDateTimeWithTimeZone,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
