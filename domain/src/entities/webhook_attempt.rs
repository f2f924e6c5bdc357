use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "webhook_attempts")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i64,
    pub delivery_id: i64,
    pub at: TimeDateTimeWithTimeZone,
    /// The receiver's HTTP status; `None` when it did not answer.
    pub status_code: Option<i32>,
    pub latency_ms: i32,
    /// The start of the receiver's answer, for the delivery log.
    pub response: String,
    /// Why the attempt failed before an answer (refused, timed out …).
    pub error: Option<String>,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
