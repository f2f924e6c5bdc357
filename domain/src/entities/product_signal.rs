use sea_orm::entity::prelude::*;

/// What the refresh counted for one product.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "product_signals")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub product_id: i32,
    /// Decayed views and orders, in thousandths.
    pub trending: i64,
    /// Views and orders in the trending window, undecayed (for staff).
    pub views: i32,
    pub orders: i32,
    /// Units in paid orders over the last year.
    pub sold: i32,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
