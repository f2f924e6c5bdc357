use sea_orm::entity::prelude::*;

/// A return (RMA): some units of an order's shipped lines going back.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "returns")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    /// `<order number>-R<n>`.
    pub number: String,
    pub order_id: i32,
    /// requested | approved | rejected | received | refunded
    pub status: String,
    /// A `model::returns::ReturnReason` name.
    pub reason: String,
    pub note: String,
    /// Staff's instructions (approved) or reason (rejected).
    pub staff_note: String,
    /// The order's shipping went back with this return.
    pub refund_shipping: bool,
    pub refund_minor: i64,
    pub created_at: TimeDateTimeWithTimeZone,
    pub updated_at: TimeDateTimeWithTimeZone,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
