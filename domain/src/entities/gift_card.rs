use sea_orm::entity::prelude::*;

/// A gift card: its code only as a digest, its balance never below zero.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "gift_cards")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    pub code_hash: String,
    pub last4: String,
    pub currency: String,
    pub initial_minor: i64,
    pub balance_minor: i64,
    /// `active` or `disabled`.
    pub status: String,
    pub recipient_email: Option<String>,
    pub message: String,
    pub deliver_on: Option<TimeDate>,
    /// The order that bought it, if one did.
    pub order_id: Option<i32>,
    pub created_at: TimeDateTimeWithTimeZone,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
