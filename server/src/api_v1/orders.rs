//! An order as its buyer reads it through the store API (by the public id
//! its placement answered with), and the shape the customer and admin
//! reads share.
use axum::extract::State;
use axum::http::HeaderMap;
use axum::response::Response;
use serde::Serialize;
use utoipa::ToSchema;

use model::commerce::OrderView;

use super::audience::Reader;
use super::extract::{read, Path};
use super::problem::{Problem, ProblemBody};
use super::types::{rfc3339, Money};
use crate::http::AppState;

#[derive(Debug, Serialize, ToSchema)]
pub struct OrderLine {
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
#[derive(Debug, Serialize, ToSchema)]
pub struct Shipment {
    pub carrier: String,
    pub tracking_number: String,
    /// The carrier's tracking page, when it has one.
    pub tracking_url: Option<String>,
    /// RFC 3339.
    pub shipped_at: String,
    pub lines: Vec<ShipmentLine>,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct ShipmentLine {
    pub sku: String,
    pub title: String,
    pub quantity: i64,
}

/// An order as its buyer sees it.
#[derive(Debug, Serialize, ToSchema)]
pub struct Order {
    pub number: String,
    pub order_id: String,
    /// `pending_payment`, `paid`, `shipped`, `delivered`, `cancelled`, …
    pub status: String,
    /// RFC 3339.
    pub placed_at: String,
    pub lines: Vec<OrderLine>,
    pub subtotal: Money,
    pub discount: Money,
    pub shipping: Money,
    pub tax: Money,
    pub total: Money,
    pub refunded: Money,
    pub shipping_method: String,
    /// The latest shipment's.
    pub tracking_number: Option<String>,
    pub shipments: Vec<Shipment>,
    /// How it was paid once paid: gift cards, store credit, the gateway.
    pub paid_with: Vec<Payment>,
}

/// One way an order was paid.
#[derive(Debug, Serialize, ToSchema)]
pub struct Payment {
    /// In words: "Gift card ••••7KQ2", "Store credit", "Card".
    pub label: String,
    pub amount: Money,
}

impl From<OrderView> for Order {
    fn from(o: OrderView) -> Self {
        let placed_at = rfc3339(o.placed_at);
        Self {
            number: o.number,
            order_id: o.public_id,
            status: o.status.as_str().to_owned(),
            placed_at,
            lines: o
                .lines
                .into_iter()
                .map(|l| OrderLine {
                    sku: l.sku,
                    title: l.title,
                    variant_title: l.variant_title,
                    unit_price: l.unit_price.into(),
                    quantity: l.quantity,
                    line_total: l.line_total.into(),
                    shipped: l.shipped,
                })
                .collect(),
            subtotal: o.subtotal.into(),
            discount: o.discount.into(),
            shipping: o.shipping.into(),
            tax: o.tax.into(),
            total: o.total.into(),
            refunded: o.refunded.into(),
            shipping_method: o.shipping_method,
            tracking_number: o.tracking_number,
            shipments: o
                .shipments
                .into_iter()
                .map(|s| Shipment {
                    carrier: s.carrier,
                    tracking_number: s.tracking_number,
                    tracking_url: s.tracking_url,
                    shipped_at: rfc3339(s.shipped_at),
                    lines: s
                        .lines
                        .into_iter()
                        .map(|l| ShipmentLine {
                            sku: l.sku,
                            title: l.title,
                            quantity: l.quantity,
                        })
                        .collect(),
                })
                .collect(),
            paid_with: o
                .paid_with
                .into_iter()
                .map(|p| Payment {
                    label: p.label,
                    amount: p.amount.into(),
                })
                .collect(),
        }
    }
}

impl Order {
    /// Its variants' titles in `words` (the stored titles are the shop's
    /// English).
    pub fn in_words(mut self, words: &model::glossary::Words) -> Self {
        for l in &mut self.lines {
            l.variant_title = words.variant_title(&l.variant_title);
        }
        self
    }
}

/// An order, by the id its placement answered with; its variants named in
/// the language `Accept-Language` asks for.
#[utoipa::path(
    get,
    path = "/api/v1/orders/{id}",
    operation_id = "get_order",
    tag = "store",
    params(("id" = String, Path, description = "The `order_id` from placing it")),
    responses(
        (status = 200, description = "The order", body = Order),
        (status = 404, description = "No order has that id", body = ProblemBody, content_type = "application/problem+json"),
    )
)]
pub async fn order(
    State(state): State<AppState>,
    headers: HeaderMap,
    Path(id): Path<String>,
) -> Result<Response, Problem> {
    let id = domain::bounds::text(&id, domain::bounds::MAX_VALUE_CHARS);
    let view = state.ctx.orders.by_public_id(&id).await?;
    let words = Reader::of(&state, &headers, None)?.words(&state);
    Ok(read(&headers, &Order::from(view).in_words(&words), false))
}
