use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "return_lines")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    pub return_id: i32,
    pub order_item_id: i32,
    /// Units the customer sends back.
    pub quantity: i32,
    /// Units that arrived.
    pub received: i32,
    /// Of those, units back on the shelf.
    pub restocked: i32,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
