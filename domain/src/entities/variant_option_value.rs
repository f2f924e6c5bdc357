use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "variant_option_values")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub variant_id: i32,
    #[sea_orm(primary_key, auto_increment = false)]
    pub option_value_id: i32,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {
    #[sea_orm(
        belongs_to = "super::variant::Entity",
        from = "Column::VariantId",
        to = "super::variant::Column::Id"
    )]
    Variant,
    #[sea_orm(
        belongs_to = "super::product_option_value::Entity",
        from = "Column::OptionValueId",
        to = "super::product_option_value::Column::Id"
    )]
    OptionValue,
}

impl ActiveModelBehavior for ActiveModel {}
