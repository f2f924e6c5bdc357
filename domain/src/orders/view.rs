//! What an order looks like to the people allowed to see it.
use serde::{Deserialize, Serialize};

use super::OrderStatus;
use crate::entities::{order, order_event, order_item};
use crate::money::{Currency, Money};
use model::gift_cards::PaidWith;

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

impl ShippingAddress {
    /// One printable line each: name, street, town with region and
    /// postcode, country (the phone number is left out).
    pub fn lines(self) -> Vec<String> {
        [
            self.full_name,
            self.line1,
            self.line2,
            format!("{} {} {}", self.city, self.region, self.postal_code)
                .trim()
                .to_owned(),
            self.country,
        ]
        .into_iter()
        .filter(|l| !l.trim().is_empty())
        .collect()
    }
}

pub use model::commerce::{OrderLineView, OrderSummary, OrderView, ShipmentView, TimelineEntry};

// Both columns are written by our own services: an unknown value is a bug,
// shown as USD / awaiting payment rather than failing a whole page.
pub(crate) fn currency(o: &order::Model) -> Currency {
    o.currency.parse().unwrap_or(Currency::Usd)
}

/// The language the order's mails speak (English for a value we no
/// longer know).
pub(crate) fn locale(o: &order::Model) -> model::Locale {
    model::Locale::from_tag(&o.locale).unwrap_or_default()
}

pub(crate) fn status(o: &order::Model) -> OrderStatus {
    OrderStatus::parse(&o.status).unwrap_or(OrderStatus::PendingPayment)
}

pub(super) fn build(
    o: order::Model,
    items: Vec<order_item::Model>,
    events: Vec<order_event::Model>,
    shipments: Vec<ShipmentView>,
) -> OrderView {
    let c = currency(&o);
    let status = status(&o);
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
                shipped: i64::from(i.shipped_quantity),
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
        address_lines: serde_json::from_str::<ShippingAddress>(&o.shipping_address)
            .map(|a| a.lines())
            .unwrap_or_default(),
        tracking_number: shipments.last().map(|s| s.tracking_number.clone()),
        shipments,
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
        paid_with: Vec::new(),
    }
}

/// The balances that paid part of an order, then the rest by card.
pub(super) fn paid_with(o: &order::Model, balances: Vec<(String, i64)>) -> Vec<PaidWith> {
    let c = currency(o);
    let mut out: Vec<PaidWith> = balances
        .into_iter()
        .map(|(label, minor)| PaidWith {
            label,
            amount: Money::new(minor, c),
        })
        .collect();
    let by_card = o.total_minor - o.balance_paid_minor;
    if by_card > 0 {
        out.push(PaidWith {
            label: "Card".into(),
            amount: Money::new(by_card, c),
        });
    }
    out
}
