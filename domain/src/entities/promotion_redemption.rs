use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "promotion_redemptions")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    pub promotion_id: i32,
    pub order_id: i32,
    /// `user:<id>` or `email:<address>`.
    pub customer_key: String,
    pub created_at: TimeDateTimeWithTimeZone,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {
    #[sea_orm(
        belongs_to = "super::order::Entity",
        from = "Column::OrderId",
        to = "super::order::Column::Id"
    )]
    Order,
}

impl ActiveModelBehavior for ActiveModel {}
