use sea_orm::entity::prelude::*;

/// One change to a gift card's or a customer's balance, with what it left.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "balance_movements")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    pub gift_card_id: Option<i32>,
    pub user_id: Option<i32>,
    pub delta_minor: i64,
    pub balance_after_minor: i64,
    pub reason: String,
    pub order_id: Option<i32>,
    pub actor_id: Option<i32>,
    pub note: String,
    pub created_at: TimeDateTimeWithTimeZone,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
