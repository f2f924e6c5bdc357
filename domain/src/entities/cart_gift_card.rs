use sea_orm::entity::prelude::*;

/// A gift card the shopper entered for this cart's checkout.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "cart_gift_cards")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub cart_id: i32,
    #[sea_orm(primary_key, auto_increment = false)]
    pub gift_card_id: i32,
    pub added_at: TimeDateTimeWithTimeZone,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
