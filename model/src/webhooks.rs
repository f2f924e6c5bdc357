//! Outbound webhooks: the events the shop sends, and what admins see of the
//! endpoints they register and of each delivery.
use serde::{Deserialize, Serialize};

/// What happened. The names are the `type` in every payload.
#[derive(
    Clone,
    Copy,
    Debug,
    PartialEq,
    Eq,
    Hash,
    PartialOrd,
    Ord,
    Serialize,
    Deserialize,
    strum::EnumString,
    strum::IntoStaticStr,
    strum::VariantArray,
)]
pub enum EventType {
    #[serde(rename = "order.placed")]
    #[strum(serialize = "order.placed")]
    OrderPlaced,
    #[serde(rename = "order.paid")]
    #[strum(serialize = "order.paid")]
    OrderPaid,
    #[serde(rename = "order.shipped")]
    #[strum(serialize = "order.shipped")]
    OrderShipped,
    #[serde(rename = "shipment.created")]
    #[strum(serialize = "shipment.created")]
    ShipmentCreated,
    #[serde(rename = "order.cancelled")]
    #[strum(serialize = "order.cancelled")]
    OrderCancelled,
    #[serde(rename = "order.refunded")]
    #[strum(serialize = "order.refunded")]
    OrderRefunded,
    #[serde(rename = "product.created")]
    #[strum(serialize = "product.created")]
    ProductCreated,
    #[serde(rename = "product.updated")]
    #[strum(serialize = "product.updated")]
    ProductUpdated,
    #[serde(rename = "product.deleted")]
    #[strum(serialize = "product.deleted")]
    ProductDeleted,
    #[serde(rename = "inventory.low_stock")]
    #[strum(serialize = "inventory.low_stock")]
    InventoryLowStock,
    #[serde(rename = "customer.created")]
    #[strum(serialize = "customer.created")]
    CustomerCreated,
}

impl EventType {
    pub const ALL: &'static [EventType] = <Self as strum::VariantArray>::VARIANTS;

    pub fn as_str(self) -> &'static str {
        self.into()
    }

    pub fn parse(s: &str) -> Option<Self> {
        s.trim().parse().ok()
    }

    /// Reads a stored space-separated list; unknown names are dropped.
    pub fn parse_list(s: &str) -> Vec<EventType> {
        let mut list: Vec<EventType> = s.split([' ', ',']).filter_map(EventType::parse).collect();
        list.sort_unstable();
        list.dedup();
        list
    }

    pub fn join(list: &[EventType]) -> String {
        let mut list = list.to_vec();
        list.sort_unstable();
        list.dedup();
        list.iter()
            .map(|e| e.as_str())
            .collect::<Vec<_>>()
            .join(" ")
    }

    /// What staff read in the dashboard.
    pub fn label(self) -> &'static str {
        match self {
            Self::OrderPlaced => "An order is placed",
            Self::OrderPaid => "An order is paid",
            Self::OrderShipped => "An order has shipped in full",
            Self::ShipmentCreated => "A parcel of an order ships (each shipment)",
            Self::OrderCancelled => "An order is cancelled",
            Self::OrderRefunded => "An order is refunded (in part or in full)",
            Self::ProductCreated => "A product is created",
            Self::ProductUpdated => "A product is changed",
            Self::ProductDeleted => "A product is archived (taken off sale for good)",
            Self::InventoryLowStock => "A variant's stock falls to the low-stock level",
            Self::CustomerCreated => "A customer opens an account",
        }
    }
}

impl std::fmt::Display for EventType {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// What admins see of an endpoint: never its secret, which is shown once.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct WebhookEndpointView {
    pub id: i32,
    pub url: String,
    pub description: String,
    pub events: Vec<EventType>,
    pub enabled: bool,
    /// Why the shop turned it off (repeated failures), if it did.
    pub disabled_reason: Option<String>,
    /// Failed attempts since the last success.
    pub failure_streak: i32,
    /// Unix seconds.
    pub created_at: i64,
}

/// An endpoint as an admin registers (or changes) it.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct NewWebhookEndpoint {
    pub url: String,
    #[serde(default)]
    pub description: String,
    pub events: Vec<EventType>,
}

/// The answer to registering an endpoint: the only time its secret is seen.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct CreatedWebhookEndpoint {
    pub endpoint: WebhookEndpointView,
    /// `whsec_…` (Standard Webhooks): the receiver verifies signatures with it.
    pub secret: String,
}

/// One try at delivering an event.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct WebhookAttemptView {
    /// Unix seconds.
    pub at: i64,
    /// The receiver's HTTP status; none when it did not answer.
    pub status_code: Option<u16>,
    pub latency_ms: u32,
    /// The start of the receiver's answer.
    pub response: String,
    /// Why there was no answer (refused, timed out, not allowed …).
    pub error: Option<String>,
}

/// One event on its way to one endpoint.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct WebhookDeliveryView {
    pub id: i64,
    /// The event's id: `webhook-id`, the same on every attempt.
    pub event_id: String,
    pub event_type: String,
    /// `pending`, `delivered` or `failed`.
    pub status: String,
    pub attempts: i32,
    /// Unix seconds.
    pub created_at: i64,
    pub delivered_at: Option<i64>,
    /// Newest first.
    pub log: Vec<WebhookAttemptView>,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn event_names_round_trip() {
        for e in EventType::ALL {
            assert_eq!(EventType::parse(e.as_str()), Some(*e));
            let json = serde_json::to_string(e).expect("json");
            assert_eq!(json, format!("\"{}\"", e.as_str()));
        }
        assert_eq!(
            EventType::parse_list("order.paid,bogus order.placed order.paid"),
            vec![EventType::OrderPlaced, EventType::OrderPaid]
        );
        assert_eq!(
            EventType::join(&[EventType::OrderPaid, EventType::OrderPlaced]),
            "order.placed order.paid"
        );
    }
}
