use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "api_tokens")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    pub name: String,
    /// SHA-256 of the secret; the secret itself is shown once and never stored.
    pub token_hash: String,
    /// The secret's first characters, to tell tokens apart in the list.
    pub prefix: String,
    /// Space-separated `area:access` grants (`model::api_tokens::Scope`).
    pub scopes: String,
    /// The admin who made it: the token never reaches further than they can.
    pub created_by: i32,
    pub created_at: TimeDateTimeWithTimeZone,
    pub expires_at: Option<TimeDateTimeWithTimeZone>,
    pub last_used_at: Option<TimeDateTimeWithTimeZone>,
    pub revoked_at: Option<TimeDateTimeWithTimeZone>,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
