use sea_orm::entity::prelude::*;

/// A shipping method's amounts set by hand in a currency other than the
/// base; an empty one converts from the base.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "shipping_method_amounts")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub shipping_method_id: i32,
    #[sea_orm(primary_key, auto_increment = false)]
    pub currency: String,
    pub price_minor: Option<i64>,
    pub threshold_minor: Option<i64>,
    pub per_kg_minor: Option<i64>,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
