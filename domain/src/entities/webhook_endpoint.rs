use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "webhook_endpoints")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    pub url: String,
    pub description: String,
    /// Space-separated event types (`order.paid …`) it subscribed to.
    pub events: String,
    /// The signing secret, sealed (`crate::secrets::SecretBox`).
    pub secret: String,
    pub enabled: bool,
    /// Why it was turned off, when the shop did it (repeated failures).
    pub disabled_reason: Option<String>,
    /// Failed attempts since the last success.
    pub failure_streak: i32,
    /// The first failed attempt of the current streak.
    pub failing_since: Option<TimeDateTimeWithTimeZone>,
    pub created_by: Option<i32>,
    pub created_at: TimeDateTimeWithTimeZone,
    pub updated_at: TimeDateTimeWithTimeZone,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
