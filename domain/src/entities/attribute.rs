use sea_orm::entity::prelude::*;

/// An attribute a category's products carry ([`model::attributes`]).
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "attributes")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    pub category_id: i32,
    pub code: String,
    pub name: String,
    pub kind: String,
    pub unit: String,
    /// JSON list of `model::attributes::Choice`.
    pub choices: String,
    pub filterable: bool,
    pub position: i32,
    pub created_at: TimeDateTimeWithTimeZone,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
