use sea_orm::entity::prelude::*;

/// A variant's price set by hand in a currency other than the base.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "variant_prices")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub variant_id: i32,
    #[sea_orm(primary_key, auto_increment = false)]
    pub currency: String,
    pub price_minor: i64,
    pub compare_at_minor: Option<i64>,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {
    #[sea_orm(
        belongs_to = "super::variant::Entity",
        from = "Column::VariantId",
        to = "super::variant::Column::Id",
        on_delete = "Cascade"
    )]
    Variant,
}

impl Related<super::variant::Entity> for Entity {
    fn to() -> RelationDef {
        Relation::Variant.def()
    }
}

impl ActiveModelBehavior for ActiveModel {}
