use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "stock_levels")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub variant_id: i32,
    #[sea_orm(primary_key, auto_increment = false)]
    pub warehouse_id: i32,
    pub on_hand: i32,
    /// Units held for checkouts in progress; available = on_hand - reserved.
    pub reserved: i32,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {
    #[sea_orm(
        belongs_to = "super::variant::Entity",
        from = "Column::VariantId",
        to = "super::variant::Column::Id"
    )]
    Variant,
}

impl ActiveModelBehavior for ActiveModel {}
