use sea_orm::entity::prelude::*;

/// A shipping method's name in one language other than English.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "shipping_method_names")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub shipping_method_id: i32,
    #[sea_orm(primary_key, auto_increment = false)]
    pub locale: String,
    pub name: String,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
