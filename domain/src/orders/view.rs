//! What an order looks like to the people allowed to see it.
use serde::{Deserialize, Serialize};

use super::OrderStatus;
use crate::entities::{order, order_event, order_item};
use crate::money::{Currency, Money};

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct OrderLineView {
    pub sku: String,
    pub title: String,
    pub variant_title: String,
    pub unit_price: Money,
    pub quantity: i64,
    pub line_total: Money,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct TimelineEntry {
    pub status: String,
    pub label: String,
    pub note: String,
    /// Unix seconds.
    pub at: i64,
}

/// Erased orders keep only country and region; the rest reads as empty.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct ShippingAddress {
    pub full_name: String,
    pub line1: String,
    pub line2: String,
    pub city: String,
    pub region: String,
    pub postal_code: String,
    pub country: String,
    pub phone: String,
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
    pub shipping_address: Option<ShippingAddress>,
    pub tracking_number: Option<String>,
    pub timeline: Vec<TimelineEntry>,
    pub can_cancel: bool,
    pub can_request_return: bool,
    pub has_invoice: bool,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct OrderSummary {
    pub number: String,
    pub status_label: String,
    pub placed_at: i64,
    pub total: Money,
    pub item_count: i64,
}

pub(super) fn currency(o: &order::Model) -> Currency {
    o.currency.parse().unwrap_or(Currency::Usd)
}

pub(super) fn build(
    o: order::Model,
    items: Vec<order_item::Model>,
    events: Vec<order_event::Model>,
) -> OrderView {
    let c = currency(&o);
    let status = OrderStatus::parse(&o.status).unwrap_or(OrderStatus::PendingPayment);
    let money = |m: i64| Money::new(m, c);
    OrderView {
        number: o.number,
        public_id: o.public_id,
        status,
        status_label: status.label().to_owned(),
        email: o.email,
        placed_at: o.placed_at.unix_timestamp(),
        lines: items
            .into_iter()
            .map(|i| OrderLineView {
                sku: i.sku,
                title: i.title,
                variant_title: i.variant_title,
                unit_price: money(i.unit_price_minor),
                quantity: i64::from(i.quantity),
                line_total: money(i.line_total_minor),
            })
            .collect(),
        subtotal: money(o.subtotal_minor),
        discount: money(o.discount_minor),
        shipping: money(o.shipping_minor),
        tax: money(o.tax_minor),
        total: money(o.total_minor),
        refunded: money(o.refunded_minor),
        prices_include_tax: o.prices_include_tax,
        promotion_code: o.promotion_code,
        shipping_method: o.shipping_method,
        shipping_address: serde_json::from_str(&o.shipping_address).ok(),
        tracking_number: o.tracking_number,
        timeline: events
            .into_iter()
            .map(|e| TimelineEntry {
                label: OrderStatus::parse(&e.to_status)
                    .map(|s| s.label().to_owned())
                    .unwrap_or_else(|| e.to_status.clone()),
                status: e.to_status,
                note: e.note,
                at: e.created_at.unix_timestamp(),
            })
            .collect(),
        can_cancel: status.customer_can_cancel(),
        can_request_return: status.customer_can_request_return(),
        has_invoice: status.is_paid() || status == OrderStatus::Refunded,
    }
}
