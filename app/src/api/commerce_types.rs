//! Wire types for cart, checkout and orders (mirrors of the domain views;
//! money arrives formatted as [`Money`]).
use serde::{Deserialize, Serialize};

use model::Money;

/// The countries checkout ships to (the same list the address book
/// validates; `domain::accounts::countries` is the source, checked in a test).
pub const COUNTRIES: &[(&str, &str)] = &[
    ("AT", "Austria"),
    ("AU", "Australia"),
    ("BE", "Belgium"),
    ("CA", "Canada"),
    ("CH", "Switzerland"),
    ("DE", "Germany"),
    ("DK", "Denmark"),
    ("ES", "Spain"),
    ("FI", "Finland"),
    ("FR", "France"),
    ("GB", "United Kingdom"),
    ("IE", "Ireland"),
    ("IT", "Italy"),
    ("JP", "Japan"),
    ("NL", "Netherlands"),
    ("NO", "Norway"),
    ("NZ", "New Zealand"),
    ("PL", "Poland"),
    ("PT", "Portugal"),
    ("SE", "Sweden"),
    ("US", "United States"),
];

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct CartLineView {
    pub sku: String,
    pub product_title: String,
    pub product_slug: String,
    pub variant_title: String,
    pub image_url: Option<String>,
    pub unit_price: Money,
    pub quantity: i64,
    pub line_total: Money,
    pub max_quantity: i64,
    pub unavailable: bool,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct CartView {
    pub lines: Vec<CartLineView>,
    pub subtotal: Money,
    pub item_count: i64,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ShippingOptionView {
    pub code: String,
    pub name: String,
    pub price: Money,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct QuoteView {
    pub lines: Vec<CartLineView>,
    pub shipping_options: Vec<ShippingOptionView>,
    pub shipping_method: Option<String>,
    pub subtotal: Money,
    pub discount: Money,
    pub shipping: Money,
    pub tax: Money,
    pub total: Money,
    pub prices_include_tax: bool,
    pub promo_message: Option<String>,
    pub promo_applied: bool,
    /// Saved addresses of a signed-in customer, for the address picker.
    pub addresses: Vec<model::accounts::Address>,
    pub email: Option<String>,
    /// Sent back with "place order": the same key twice is the same order.
    pub checkout_key: String,
}

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
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct TimelineView {
    pub status: String,
    pub label: String,
    pub note: String,
    pub at: i64,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct OrderView {
    pub number: String,
    pub public_id: String,
    pub status: String,
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
    /// One line per address line, ready to print.
    pub address_lines: Vec<String>,
    pub tracking_number: Option<String>,
    pub timeline: Vec<TimelineView>,
    pub can_cancel: bool,
    pub can_request_return: bool,
    pub has_invoice: bool,
}

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

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct OrderSummaryView {
    pub number: String,
    pub status_label: String,
    pub placed_at: i64,
    pub total: Money,
    pub item_count: i64,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct PaymentPageView {
    pub reference: String,
    pub order_number: String,
    pub total: Money,
    pub email: String,
    /// Still awaiting a decision.
    pub open: bool,
}

#[cfg(all(test, feature = "ssr"))]
mod tests {
    #[test]
    fn countries_match_the_address_book() {
        let domain: Vec<(String, String)> = domain::accounts::countries();
        let here: Vec<(String, String)> = super::COUNTRIES
            .iter()
            .map(|(c, n)| (c.to_string(), n.to_string()))
            .collect();
        assert_eq!(here, domain);
    }
}

#[cfg(feature = "ssr")]
mod convert {
    use super::*;
    use domain::{cart, checkout, orders};

    impl From<cart::CartLine> for CartLineView {
        fn from(l: cart::CartLine) -> Self {
            Self {
                sku: l.sku,
                product_title: l.product_title,
                product_slug: l.product_slug,
                variant_title: l.variant_title,
                image_url: l.image_url,
                unit_price: l.unit_price,
                quantity: l.quantity,
                line_total: l.line_total,
                max_quantity: l.max_quantity,
                unavailable: l.unavailable,
            }
        }
    }

    impl From<cart::CartView> for CartView {
        fn from(c: cart::CartView) -> Self {
            Self {
                lines: c.lines.into_iter().map(Into::into).collect(),
                subtotal: c.subtotal,
                item_count: c.item_count,
            }
        }
    }

    impl From<checkout::ShippingOption> for ShippingOptionView {
        fn from(o: checkout::ShippingOption) -> Self {
            Self {
                code: o.code,
                name: o.name,
                price: o.price,
            }
        }
    }

    impl From<checkout::QuoteView> for QuoteView {
        fn from(q: checkout::QuoteView) -> Self {
            Self {
                lines: q.lines.into_iter().map(Into::into).collect(),
                shipping_options: q.shipping_options.into_iter().map(Into::into).collect(),
                shipping_method: q.shipping_method,
                subtotal: q.subtotal,
                discount: q.discount,
                shipping: q.shipping,
                tax: q.tax,
                total: q.total,
                prices_include_tax: q.prices_include_tax,
                promo_message: q.promo_message,
                promo_applied: q.promo_applied,
                addresses: Vec::new(),
                email: None,
                checkout_key: q.checkout_key,
            }
        }
    }

    impl From<orders::OrderView> for OrderView {
        fn from(o: orders::OrderView) -> Self {
            let address_lines = o
                .shipping_address
                .map(|a| {
                    [
                        a.full_name,
                        a.line1,
                        a.line2,
                        format!("{} {} {}", a.city, a.region, a.postal_code)
                            .trim()
                            .to_owned(),
                        a.country,
                    ]
                    .into_iter()
                    .filter(|l| !l.trim().is_empty())
                    .collect()
                })
                .unwrap_or_default();
            Self {
                number: o.number,
                public_id: o.public_id,
                status: o.status.as_str().to_owned(),
                status_label: o.status_label,
                email: o.email,
                placed_at: o.placed_at,
                lines: o
                    .lines
                    .into_iter()
                    .map(|l| OrderLineView {
                        sku: l.sku,
                        title: l.title,
                        variant_title: l.variant_title,
                        unit_price: l.unit_price,
                        quantity: l.quantity,
                        line_total: l.line_total,
                    })
                    .collect(),
                subtotal: o.subtotal,
                discount: o.discount,
                shipping: o.shipping,
                tax: o.tax,
                total: o.total,
                refunded: o.refunded,
                prices_include_tax: o.prices_include_tax,
                promotion_code: o.promotion_code,
                shipping_method: o.shipping_method,
                address_lines,
                tracking_number: o.tracking_number,
                timeline: o
                    .timeline
                    .into_iter()
                    .map(|t| TimelineView {
                        status: t.status,
                        label: t.label,
                        note: t.note,
                        at: t.at,
                    })
                    .collect(),
                can_cancel: o.can_cancel,
                can_request_return: o.can_request_return,
                has_invoice: o.has_invoice,
            }
        }
    }

    impl From<orders::OrderSummary> for OrderSummaryView {
        fn from(o: orders::OrderSummary) -> Self {
            Self {
                number: o.number,
                status_label: o.status_label,
                placed_at: o.placed_at,
                total: o.total,
                item_count: o.item_count,
            }
        }
    }
}
