//! The order state machine, in one place. Every change goes through
//! [`OrderStatus::can_become`]; anything else is refused. The names are
//! what the database stores, the URL carries and the browser sends.
use serde::{Deserialize, Serialize};

#[derive(
    Clone,
    Copy,
    Debug,
    PartialEq,
    Eq,
    Hash,
    Serialize,
    Deserialize,
    strum::EnumString,
    strum::IntoStaticStr,
    strum::VariantArray,
)]
#[serde(rename_all = "snake_case")]
#[strum(serialize_all = "snake_case")]
pub enum OrderStatus {
    PendingPayment,
    Paid,
    Processing,
    /// Some lines (or units) have left, the rest have not.
    PartiallyShipped,
    Shipped,
    Delivered,
    Cancelled,
    Refunded,
    PartiallyRefunded,
    ReturnRequested,
    Returned,
}

use OrderStatus::*;

impl OrderStatus {
    pub const ALL: &'static [OrderStatus] = <Self as strum::VariantArray>::VARIANTS;

    /// The stored name, e.g. `pending_payment`.
    pub fn as_str(self) -> &'static str {
        self.into()
    }

    pub fn parse(s: &str) -> Option<Self> {
        s.parse().ok()
    }

    /// What a shopper reads.
    pub fn label(self) -> &'static str {
        match self {
            PendingPayment => "Awaiting payment",
            Paid => "Paid",
            Processing => "Being prepared",
            PartiallyShipped => "Partly shipped",
            Shipped => "Shipped",
            Delivered => "Delivered",
            Cancelled => "Cancelled",
            Refunded => "Refunded",
            PartiallyRefunded => "Partially refunded",
            ReturnRequested => "Return requested",
            Returned => "Returned",
        }
    }

    /// The allowed transitions.
    pub fn can_become(self, next: OrderStatus) -> bool {
        matches!(
            (self, next),
            (PendingPayment, Paid | Cancelled)
                | (
                    Paid,
                    Processing
                        | PartiallyShipped
                        | Shipped
                        | Cancelled
                        | Refunded
                        | PartiallyRefunded
                )
                | (
                    Processing,
                    PartiallyShipped | Shipped | Cancelled | Refunded | PartiallyRefunded
                )
                // Each further parcel is a note on the timeline until the last.
                | (
                    PartiallyShipped,
                    PartiallyShipped | Shipped | Refunded | PartiallyRefunded
                )
                | (
                    Shipped,
                    Delivered | ReturnRequested | Refunded | PartiallyRefunded
                )
                | (Delivered, ReturnRequested | Refunded | PartiallyRefunded)
                | (
                    ReturnRequested,
                    Returned | Delivered | Refunded | PartiallyRefunded
                )
                | (Returned, Refunded | PartiallyRefunded)
                | (
                    PartiallyRefunded,
                    Refunded
                        | PartiallyRefunded
                        | Processing
                        | PartiallyShipped
                        | Shipped
                        | Delivered
                        | ReturnRequested
                        | Returned
                )
        )
    }

    /// A customer may cancel before the parcel leaves.
    pub fn customer_can_cancel(self) -> bool {
        matches!(self, PendingPayment | Paid | Processing)
    }

    /// Something has shipped and the order is not (wholly) refunded: the
    /// customer may send units back (returns per line, `returns`).
    pub fn customer_can_request_return(self) -> bool {
        matches!(
            self,
            PartiallyShipped | Shipped | Delivered | PartiallyRefunded
        )
    }

    /// Money has been taken for the order (and not all given back).
    pub fn is_paid(self) -> bool {
        matches!(
            self,
            Paid | Processing
                | PartiallyShipped
                | Shipped
                | Delivered
                | PartiallyRefunded
                | ReturnRequested
                | Returned
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_happy_path_is_allowed() {
        for (a, b) in [
            (PendingPayment, Paid),
            (Paid, Processing),
            (Processing, Shipped),
            (Processing, PartiallyShipped),
            (PartiallyShipped, PartiallyShipped),
            (PartiallyShipped, Shipped),
            (Shipped, Delivered),
            (Delivered, ReturnRequested),
            (ReturnRequested, Returned),
            (Returned, Refunded),
        ] {
            assert!(a.can_become(b), "{a:?} → {b:?}");
        }
    }

    #[test]
    fn illegal_moves_are_refused() {
        for (a, b) in [
            (PendingPayment, Shipped),
            (PendingPayment, Refunded),
            (Shipped, Cancelled),
            (Delivered, Cancelled),
            (Cancelled, Paid),
            (Refunded, Paid),
            (Returned, Shipped),
            (Paid, PendingPayment),
            (PartiallyShipped, Cancelled),
            (PartiallyShipped, Processing),
        ] {
            assert!(!a.can_become(b), "{a:?} → {b:?}");
        }
        // Final states go nowhere.
        for &next in OrderStatus::ALL {
            assert!(!Cancelled.can_become(next));
            assert!(!Refunded.can_become(next));
        }
    }

    #[test]
    fn names_round_trip() {
        for &s in OrderStatus::ALL {
            assert_eq!(OrderStatus::parse(s.as_str()), Some(s));
        }
        assert_eq!(OrderStatus::PendingPayment.as_str(), "pending_payment");
        assert_eq!(
            serde_json::to_string(&OrderStatus::PartiallyRefunded)
                .ok()
                .as_deref(),
            Some("\"partially_refunded\""),
            "serde and the stored name agree"
        );
        assert_eq!(OrderStatus::parse("nonsense"), None);
    }
}
