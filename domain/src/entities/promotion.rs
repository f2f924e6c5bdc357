use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "promotions")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    /// Upper-case, unique.
    pub code: String,
    /// percentage | fixed | free_shipping
    pub kind: String,
    /// Basis points (percentage) or minor units (fixed).
    pub value: i64,
    pub min_subtotal_minor: i64,
    pub starts_at: Option<TimeDateTimeWithTimeZone>,
    pub ends_at: Option<TimeDateTimeWithTimeZone>,
    pub usage_limit: Option<i32>,
    pub per_customer_limit: Option<i32>,
    pub times_used: i32,
    pub active: bool,
    pub created_at: TimeDateTimeWithTimeZone,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
