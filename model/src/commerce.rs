//! Cart, checkout and orders as the domain builds them and the pages show
//! them.
use serde::{Deserialize, Serialize};

use crate::accounts::Address;
use crate::{Money, OrderStatus};

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct CartLine {
    pub variant_id: i32,
    pub sku: String,
    pub product_title: String,
    pub product_slug: String,
    pub variant_title: String,
    pub image_url: Option<String>,
    pub unit_price: Money,
    pub quantity: i64,
    pub line_total: Money,
    pub weight_grams: i32,
    /// Units that can be bought now (stock left, capped by the line limit).
    pub max_quantity: i64,
    /// The product is no longer sold; the line cannot be checked out.
    pub unavailable: bool,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct CartView {
    /// The cart's public id: a guest's key to it, so it stays on the server.
    #[serde(skip)]
    pub id: Option<String>,
    pub lines: Vec<CartLine>,
    pub subtotal: Money,
    pub item_count: i64,
}

/// One page of a customer's orders, newest first.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct OrderHistory {
    pub orders: Vec<OrderSummary>,
    /// 1-based.
    pub page: u64,
    pub pages: u64,
}

impl OrderHistory {
    /// Orders per page, in the account and the store API.
    pub const PER_PAGE: u64 = 25;
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ShippingOption {
    pub code: String,
    pub name: String,
    /// For this basket.
    pub price: Money,
    /// The subtotal from which it ships free, in the basket's currency
    /// (methods that are free over a subtotal).
    #[serde(default)]
    pub free_from: Option<Money>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct QuoteView {
    pub lines: Vec<CartLine>,
    pub shipping_options: Vec<ShippingOption>,
    pub shipping_method: Option<String>,
    pub subtotal: Money,
    pub discount: Money,
    pub shipping: Money,
    pub tax: Money,
    pub total: Money,
    pub prices_include_tax: bool,
    pub tax_rate_basis_points: u32,
    /// What happened to the promo code, in words (applied, below minimum,
    /// invalid), in English; [`Self::promo_said`] for the reader's language.
    pub promo_message: Option<String>,
    #[serde(default)]
    pub promo_said: Option<crate::Said>,
    pub promo_applied: bool,
    /// A fresh idempotency key for the form that places this checkout: the
    /// same key twice is the same order.
    pub checkout_key: String,
    /// A signed-in customer's saved addresses, for the address picker.
    #[serde(default)]
    pub addresses: Vec<Address>,
    /// A signed-in customer's email (it wins over one typed).
    #[serde(default)]
    pub email: Option<String>,
    /// Gift cards entered for this checkout and what each pays.
    #[serde(default)]
    pub gift_cards: Vec<crate::gift_cards::AppliedCard>,
    /// The signed-in customer's store credit, when they have some.
    #[serde(default)]
    pub store_credit: Option<Money>,
    /// What store credit pays of this order (none unless chosen).
    #[serde(default)]
    pub store_credit_applied: Option<Money>,
    /// What is left to pay by card after gift cards and store credit.
    pub to_pay: Money,
}

/// Where the shopper goes after "place order".
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct PlacedOrderView {
    pub number: String,
    pub redirect_url: String,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct OrderLineView {
    pub sku: String,
    pub title: String,
    pub variant_title: String,
    pub unit_price: Money,
    pub quantity: i64,
    pub line_total: Money,
    /// Units that have left in shipments.
    pub shipped: i64,
}

/// One parcel of an order.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ShipmentView {
    pub carrier: String,
    pub tracking_number: String,
    /// The carrier's tracking page for this parcel, when it has one.
    pub tracking_url: Option<String>,
    /// Unix seconds.
    pub shipped_at: i64,
    pub lines: Vec<ShippedLine>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ShippedLine {
    pub sku: String,
    pub title: String,
    pub quantity: i64,
}

/// A carrier staff can pick when shipping.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Carrier {
    pub code: String,
    pub name: String,
    /// With `{tracking}` where the number goes; empty when it has none.
    pub tracking_url: String,
}

/// What staff ship in one parcel. No lines: everything not yet shipped.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct NewShipment {
    /// A [`Carrier`]'s code.
    pub carrier: String,
    pub tracking_number: String,
    #[serde(default)]
    pub lines: Vec<ShipLine>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ShipLine {
    pub sku: String,
    pub quantity: i64,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct TimelineEntry {
    pub status: String,
    pub label: String,
    pub note: String,
    /// Unix seconds.
    pub at: i64,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct OrderView {
    pub number: String,
    pub public_id: String,
    pub status: OrderStatus,
    pub status_label: String,
    pub email: String,
    pub placed_at: i64,
    pub lines: Vec<OrderLineView>,
    pub subtotal: Money,
    pub discount: Money,
    pub shipping: Money,
    pub tax: Money,
    pub total: Money,
    pub refunded: Money,
    pub prices_include_tax: bool,
    pub promotion_code: Option<String>,
    pub shipping_method: String,
    /// The shipping address, one printable line each (no phone number).
    pub address_lines: Vec<String>,
    /// The latest parcel's tracking number.
    pub tracking_number: Option<String>,
    pub shipments: Vec<ShipmentView>,
    pub timeline: Vec<TimelineEntry>,
    pub can_cancel: bool,
    pub can_request_return: bool,
    pub has_invoice: bool,
    /// How it was paid, when gift cards or store credit paid part of it.
    #[serde(default)]
    pub paid_with: Vec<crate::gift_cards::PaidWith>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct OrderSummary {
    pub number: String,
    pub status: OrderStatus,
    pub status_label: String,
    pub placed_at: i64,
    pub total: Money,
    pub item_count: i64,
}

/// The staff order list's filters as typed (empty means "any").
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct OrderListQuery {
    pub q: String,
    pub status: String,
    pub from: String,
    pub to: String,
    pub min_total: String,
    pub max_total: String,
    pub page: u64,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct StaffOrderRowView {
    pub number: String,
    pub email: String,
    pub status: OrderStatus,
    pub status_label: String,
    pub placed_at: i64,
    pub total: Money,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct OrderListView {
    pub rows: Vec<StaffOrderRowView>,
    pub total: u64,
    pub page: u64,
    pub pages: u64,
    /// (value, label) for the status filter.
    pub statuses: Vec<(String, String)>,
}

/// The offline gateway's page for one payment.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct PaymentPageView {
    pub reference: String,
    pub order_number: String,
    pub total: Money,
    pub email: String,
    /// Still awaiting a decision.
    pub open: bool,
}
