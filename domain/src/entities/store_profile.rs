use sea_orm::entity::prelude::*;

/// One row, id 1: see `crate::store`.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "store_profile")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: i32,
    pub name: String,
    pub currency: String,
    pub mail_from_name: String,
    pub mail_from_address: String,
    /// Upper-case letters and digits; numbers read `<prefix>-7K3Q9X`.
    pub order_prefix: String,
    /// Only customers who bought and received a product may review it.
    pub reviews_require_purchase: bool,
    /// New reviews publish at once (flagged ones still wait).
    pub reviews_auto_publish: bool,
    /// Hours a cart waits before its reminder mail; 0 turns reminders off.
    pub cart_reminder_hours: i32,
    /// Days after the last parcel left that a customer can ask for a
    /// return; 0: only by arrangement.
    pub return_window_days: i32,
    pub updated_at: TimeDateTimeWithTimeZone,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
