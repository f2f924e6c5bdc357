use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "stock_movements")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i64,
    pub variant_id: i32,
    pub warehouse_id: i32,
    pub delta: i32,
    pub on_hand_after: i32,
    /// See [`crate::inventory::Reason`].
    pub reason: String,
    pub note: String,
    pub actor_id: Option<i32>,
    pub order_id: Option<i32>,
    pub created_at: TimeDateTimeWithTimeZone,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
