//! Returns per line (RMA) as the shop and the browser name them: why a
//! customer sends something back, where a return stands, and what it
//! shows.
use serde::{Deserialize, Serialize};

use crate::Money;

named!(
    /// Why it goes back: the shop's list, so returns can be counted by cause.
    ReturnReason {
        Damaged => "Arrived damaged",
        WrongItem => "Wrong item sent",
        NotAsDescribed => "Not as described",
        DoesNotFit => "Doesn't fit",
        ChangedMind => "Changed my mind",
        Other => "Something else",
    }
);

named!(
    /// requested → approved → received → refunded, or rejected.
    ReturnStatus {
        Requested => "Requested",
        Approved => "Approved: send it back",
        Rejected => "Declined",
        Received => "Received",
        Refunded => "Refunded",
    }
);

/// One line of a return as typed: the order line's SKU and how many units.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ReturnLineInput {
    pub sku: String,
    pub quantity: i64,
}

#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ReturnRequestInput {
    pub lines: Vec<ReturnLineInput>,
    /// A [`ReturnReason`] name.
    pub reason: String,
    pub note: String,
}

/// What staff found in the parcel for one line.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ReceivedLine {
    pub sku: String,
    pub received: i64,
    /// Back on the shelf (else set aside: damaged, not resellable).
    pub restock: bool,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ReturnLineView {
    pub sku: String,
    pub title: String,
    pub variant_title: String,
    pub unit_price: Money,
    pub quantity: i64,
    pub received: i64,
    pub restocked: i64,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ReturnView {
    /// `<order number>-R<n>`.
    pub number: String,
    pub order_number: String,
    pub status: ReturnStatus,
    pub reason: ReturnReason,
    pub note: String,
    /// Staff's instructions (approved) or reason (declined).
    pub staff_note: String,
    pub lines: Vec<ReturnLineView>,
    /// What went back to the customer, once refunded.
    pub refunded: Option<Money>,
    /// Unix seconds.
    pub requested_at: i64,
}

/// A shipped line and how many of its units can still be sent back.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ReturnableLine {
    pub sku: String,
    pub title: String,
    pub variant_title: String,
    pub left: i64,
}

/// An order's returns and what can still be returned.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ReturnsPanel {
    /// Something has shipped (before that there is nothing to show).
    pub shipped: bool,
    pub returns: Vec<ReturnView>,
    /// Empty when nothing can be asked for now.
    pub returnable: Vec<ReturnableLine>,
    /// Why nothing can be asked for, when it can't (window closed, …).
    pub closed: Option<crate::Said>,
    /// The last day a return can be asked for (Unix seconds).
    pub open_until: Option<i64>,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_round_trip() {
        for &r in ReturnReason::ALL {
            assert_eq!(ReturnReason::parse(r.as_str()), Some(r));
        }
        for &s in ReturnStatus::ALL {
            assert_eq!(ReturnStatus::parse(s.as_str()), Some(s));
        }
        assert_eq!(ReturnReason::DoesNotFit.as_str(), "does_not_fit");
        assert_eq!(ReturnReason::parse("no such reason"), None);
    }
}
