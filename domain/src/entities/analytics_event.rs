use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "analytics_events")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i64,
    /// See [`crate::analytics::EventKind`].
    pub kind: String,
    /// An opaque per-visit id; never the session cookie or a user id.
    pub session: Option<String>,
    pub query: Option<String>,
    pub results: Option<i32>,
    pub product_id: Option<i32>,
    pub position: Option<i32>,
    pub order_id: Option<i32>,
    pub amount_minor: Option<i64>,
    pub path: Option<String>,
    pub created_at: TimeDateTimeWithTimeZone,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
