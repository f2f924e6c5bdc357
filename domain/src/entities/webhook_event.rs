use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "webhook_events")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i64,
    /// `evt_…`: the `id` in the body and the `webhook-id` header, the same
    /// on every attempt and every endpoint.
    pub public_id: String,
    /// The event type, e.g. `order.paid`.
    pub kind: String,
    /// The JSON body, exactly as sent (and signed).
    pub body: String,
    pub created_at: TimeDateTimeWithTimeZone,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
