//! Promo codes as staff edit and review them.
use serde::{Deserialize, Serialize};

use crate::money::Money;

/// The promotion form as typed: amounts in major units, dates YYYY-MM-DD.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct PromotionForm {
    pub code: String,
    /// percentage | fixed | free_shipping
    pub kind: String,
    /// "15" (percent) or "5.00" (amount off).
    pub value: String,
    pub min_subtotal: String,
    pub starts: String,
    pub ends: String,
    pub usage_limit: String,
    pub per_customer_limit: String,
    pub active: bool,
    /// The amount off (fixed codes) and the minimum set by hand in each
    /// other currency the shop sells in; empty converts from the base.
    #[serde(default)]
    pub in_currencies: Vec<PromotionAmountsForm>,
}

/// A promo code's amounts in one other currency, as typed in it.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct PromotionAmountsForm {
    /// ISO 4217 code, e.g. "EUR".
    pub currency: String,
    pub value: String,
    pub min_subtotal: String,
}

/// One code in the staff list, with how it performed.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct PromotionRow {
    pub form: PromotionForm,
    /// "15% off", "$5.00 off", "Free shipping".
    pub summary: String,
    /// Uses taken, including checkouts still waiting for payment.
    pub times_used: i32,
    /// Paid orders with the code.
    pub orders: i64,
    /// What those orders brought in, net of refunds.
    pub revenue: Money,
    pub discount: Money,
}
