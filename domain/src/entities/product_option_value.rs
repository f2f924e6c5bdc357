use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "product_option_values")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    pub option_id: i32,
    pub value: String,
    pub position: i32,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {
    #[sea_orm(
        belongs_to = "super::product_option::Entity",
        from = "Column::OptionId",
        to = "super::product_option::Column::Id"
    )]
    Option,
}

impl ActiveModelBehavior for ActiveModel {}
