use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "orders")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    /// What people see and type, e.g. `MC-7K3Q9X`.
    pub number: String,
    pub public_id: String,
    pub user_id: Option<i32>,
    pub cart_id: Option<i32>,
    pub email: String,
    /// See `orders::OrderStatus`.
    pub status: String,
    pub currency: String,
    pub subtotal_minor: i64,
    pub discount_minor: i64,
    pub shipping_minor: i64,
    pub tax_minor: i64,
    pub total_minor: i64,
    pub refunded_minor: i64,
    /// What gift cards and store credit paid; the gateway is asked for the rest.
    pub balance_paid_minor: i64,
    pub prices_include_tax: bool,
    pub promotion_code: Option<String>,
    pub shipping_method: String,
    /// JSON, as entered at checkout.
    pub shipping_address: String,
    /// The checkout form's idempotency key (unique).
    pub checkout_key: Option<String>,
    pub placed_at: TimeDateTimeWithTimeZone,
    pub paid_at: Option<TimeDateTimeWithTimeZone>,
    pub updated_at: TimeDateTimeWithTimeZone,
    /// The language the shopper checked out in: the order's mails speak it.
    pub locale: String,
    /// Minor units of `currency` per minor unit of the base currency when
    /// the order was placed, nine decimals (1,000,000,000 in the base).
    pub fx_rate_e9: i64,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
