use sea_orm::entity::prelude::*;

/// A promo code's amounts set by hand in a currency other than the base;
/// an empty one converts from the base.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "promotion_amounts")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub promotion_id: i32,
    #[sea_orm(primary_key, auto_increment = false)]
    pub currency: String,
    /// A fixed code's amount off.
    pub value_minor: Option<i64>,
    pub min_subtotal_minor: Option<i64>,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
