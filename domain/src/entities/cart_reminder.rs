use sea_orm::entity::prelude::*;

/// The reminder sweep's decision on one cart: at most one per cart.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "cart_reminders")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub cart_id: i32,
    /// sent | skipped (opted out, or nothing in the cart can be bought)
    pub status: String,
    /// SHA-256 of the token in the mail's links; none when skipped.
    pub token_hash: Option<String>,
    /// When the sweep decided.
    pub sent_at: TimeDateTimeWithTimeZone,
    /// First time the mail's link brought the cart back.
    pub restored_at: Option<TimeDateTimeWithTimeZone>,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
