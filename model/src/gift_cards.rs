//! Gift cards and store credit as the browser sees them: cards entered at
//! checkout (never their codes, only the last four characters), what each
//! balance pays of an order, and the staff's list of cards.
use serde::{Deserialize, Serialize};

use crate::Money;

/// The smallest and largest card the shop sells, in minor units of the
/// currency it is bought in.
pub const MIN_MINOR: i64 = 500;
pub const MAX_MINOR: i64 = 50_000;

/// The most cards one checkout may use.
pub const MAX_CARDS_PER_CART: usize = 5;

/// A card entered at checkout and what it pays of this order.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct AppliedCard {
    pub id: i32,
    pub last4: String,
    pub balance: Money,
    pub applied: Money,
}

/// One way an order was paid, for its page and mails ("Gift card ••••7KQ2").
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct PaidWith {
    pub label: String,
    pub amount: Money,
}

/// A card in the staff's list.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct GiftCardRow {
    pub id: i32,
    pub last4: String,
    pub initial: Money,
    pub balance: Money,
    pub active: bool,
    pub recipient_email: Option<String>,
    pub order_number: Option<String>,
    pub created_at: String,
}

/// A card just issued: the only time its code is shown.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct IssuedCard {
    pub code: String,
    pub last4: String,
    pub balance: Money,
}

named!(
    /// Where a refund goes: the way the customer paid (the gateway first,
    /// then the gift cards used), or all of it to their store credit.
    RefundTo {
        Original => "The way they paid",
        StoreCredit => "Store credit",
    }
);
