use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "audit_log")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i64,
    /// The staff member; None for the system (e.g. the CLI).
    pub actor_id: Option<i32>,
    /// "order.ship", "product.status", "staff.access", …
    pub action: String,
    /// "order", "product", "user", …
    pub entity: String,
    /// The public reference: order number, product slug, account id.
    pub entity_ref: String,
    /// JSON of the changed fields before and after.
    pub before: Option<String>,
    pub after: Option<String>,
    pub created_at: TimeDateTimeWithTimeZone,
    /// The API token the change came through (its name), if any.
    pub via: Option<String>,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
