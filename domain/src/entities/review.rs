use sea_orm::entity::prelude::*;

/// One customer's review of one product (see `crate::reviews`).
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "reviews")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    pub product_id: i32,
    pub user_id: i32,
    /// 1–5 stars.
    pub rating: i16,
    pub title: String,
    pub body: String,
    /// `pending`, `published` or `rejected`.
    pub status: String,
    pub verified: bool,
    pub flagged: bool,
    pub reject_reason: Option<String>,
    pub reply: Option<String>,
    pub replied_at: Option<TimeDateTimeWithTimeZone>,
    pub helpful_count: i32,
    pub report_count: i32,
    pub created_at: TimeDateTimeWithTimeZone,
    pub updated_at: TimeDateTimeWithTimeZone,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
