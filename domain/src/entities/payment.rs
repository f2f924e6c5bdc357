use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "payments")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    pub order_id: i32,
    /// offline | stripe
    pub provider: String,
    /// The provider's checkout session id.
    pub reference: Option<String>,
    pub idempotency_key: String,
    /// Stripe's payment intent id, which refund events name.
    pub provider_payment_id: Option<String>,
    pub amount_minor: i64,
    pub currency: String,
    /// created | pending | succeeded | failed | expired
    pub status: String,
    pub redirect_url: Option<String>,
    pub created_at: TimeDateTimeWithTimeZone,
    pub updated_at: TimeDateTimeWithTimeZone,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
