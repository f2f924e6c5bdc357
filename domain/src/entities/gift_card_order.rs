use sea_orm::entity::prelude::*;

/// A gift card bought with an order: issued and mailed once it is paid.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "gift_card_orders")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    pub order_id: i32,
    pub amount_minor: i64,
    pub recipient_email: String,
    pub recipient_name: String,
    pub sender_name: String,
    pub message: String,
    pub deliver_on: TimeDate,
    /// Set when the order is paid and the card issued.
    pub gift_card_id: Option<i32>,
    pub created_at: TimeDateTimeWithTimeZone,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
