//! The admin dashboard as the browser draws it: numbers already formatted
//! in the shop's currency, series ready to chart. Built by
//! `domain::analytics::Dashboard::view`.
use serde::{Deserialize, Serialize};

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct KpiView {
    pub key: String,
    pub label: String,
    pub value: String,
    pub previous: String,
    /// "+12.5%" / "−3.0%" against the previous period; None when it was 0.
    pub change: Option<String>,
    pub up: bool,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct DayView {
    /// "Nov 21"
    pub label: String,
    pub revenue_minor: i64,
    pub revenue: String,
    pub orders: u64,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct BarView {
    pub label: String,
    pub value: i64,
    pub display: String,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct LowStockView {
    pub sku: String,
    /// Product and variant, as staff know it.
    pub title: String,
    pub warehouse: String,
    pub available: i64,
    /// The product's low-stock level.
    pub threshold: i32,
    /// The product's editor.
    pub slug: String,
}

/// Cart reminder mails sent in the period and what came of them.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct CartRemindersView {
    pub sent: u64,
    /// Followed the mail's link back to the cart.
    pub restored: u64,
    /// Paid for after the mail.
    pub ordered: u64,
    /// "12.5%": ordered over sent.
    pub ordered_rate: String,
    /// What those orders brought in, less refunds.
    pub recovered: String,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct DashboardView {
    pub days: u32,
    pub kpis: Vec<KpiView>,
    pub series: Vec<DayView>,
    pub top_products: Vec<BarView>,
    pub funnel: Vec<BarView>,
    pub top_searches: Vec<BarView>,
    pub zero_searches: Vec<BarView>,
    pub low_stock: Vec<LowStockView>,
    pub cart_reminders: CartRemindersView,
    pub returns: ReturnsView,
}

/// Returns asked for in the period against what sold in it.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ReturnsView {
    pub returns: u64,
    pub units_returned: i64,
    pub units_sold: i64,
    /// "4.00%": units asked back over units sold.
    pub rate: String,
}

/// "+12.5%" from `before` to `now`; None when there is nothing to compare.
pub fn change(now: i64, before: i64) -> Option<String> {
    if before == 0 {
        return None;
    }
    let permille = (now - before) * 1000 / before.abs();
    let sign = if permille >= 0 { "+" } else { "−" };
    Some(format!(
        "{sign}{}.{}%",
        permille.abs() / 10,
        permille.abs() % 10
    ))
}

#[cfg(test)]
mod tests {
    use super::change;

    #[test]
    fn change_is_signed_with_one_decimal() {
        assert_eq!(change(150, 100).as_deref(), Some("+50.0%"));
        assert_eq!(change(90, 120).as_deref(), Some("−25.0%"));
        assert_eq!(change(5, 0), None);
    }
}
