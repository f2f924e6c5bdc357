use sea_orm::entity::prelude::*;

/// One per customer (by user id) or guest session (by public id).
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "wishlists")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    pub public_id: String,
    pub user_id: Option<i32>,
    /// Opens the read-only shared copy; None while not shared.
    pub share_token: Option<String>,
    /// Named in the alert mails: turns the alerts off without signing in.
    pub alerts_token: String,
    pub alerts: bool,
    /// What it was last saved to in: its alert mails quote it (None: the
    /// shop's base).
    pub currency: Option<String>,
    pub created_at: TimeDateTimeWithTimeZone,
    pub updated_at: TimeDateTimeWithTimeZone,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
