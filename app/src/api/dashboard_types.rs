//! The admin dashboard as the browser gets it: numbers already formatted,
//! series ready to draw.
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
    pub title: String,
    pub available: i64,
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

#[cfg(feature = "ssr")]
pub fn from_domain(d: domain::analytics::Dashboard) -> DashboardView {
    use domain::Money;

    let money = |m: i64| Money::new(m, d.currency).format();
    let pct = |bp: u64| format!("{}.{:02}%", bp / 100, bp % 100);
    let (c, p) = (&d.current, &d.previous);
    let kpi =
        |key: &str, label: &str, value: String, previous: String, now: i64, before: i64| KpiView {
            key: key.into(),
            label: label.into(),
            value,
            previous,
            change: change(now, before),
            up: now >= before,
        };
    let kpis = vec![
        kpi(
            "revenue",
            "Revenue",
            money(c.revenue_minor),
            money(p.revenue_minor),
            c.revenue_minor,
            p.revenue_minor,
        ),
        kpi(
            "orders",
            "Orders",
            c.orders.to_string(),
            p.orders.to_string(),
            c.orders as i64,
            p.orders as i64,
        ),
        kpi(
            "aov",
            "Average order value",
            money(c.average_order_minor),
            money(p.average_order_minor),
            c.average_order_minor,
            p.average_order_minor,
        ),
        kpi(
            "conversion",
            "Conversion rate",
            pct(c.conversion_bp),
            pct(p.conversion_bp),
            c.conversion_bp as i64,
            p.conversion_bp as i64,
        ),
        kpi(
            "customers",
            "New customers",
            c.new_customers.to_string(),
            p.new_customers.to_string(),
            c.new_customers as i64,
            p.new_customers as i64,
        ),
    ];
    let month = |m: time::Month| {
        let s = m.to_string();
        s.chars().take(3).collect::<String>()
    };
    let bars = |rows: Vec<domain::analytics::QueryCount>| -> Vec<BarView> {
        rows.into_iter()
            .map(|q| BarView {
                display: q.searches.to_string(),
                value: q.searches,
                label: q.query,
            })
            .collect()
    };
    DashboardView {
        days: (d.to - d.from).whole_days().max(1) as u32,
        kpis,
        series: d
            .days
            .iter()
            .map(|p| DayView {
                label: format!("{} {}", month(p.date.month()), p.date.day()),
                revenue_minor: p.revenue_minor,
                revenue: money(p.revenue_minor),
                orders: p.orders,
            })
            .collect(),
        top_products: d
            .top_products
            .iter()
            .map(|t| BarView {
                label: t.title.clone(),
                value: t.revenue_minor,
                display: format!("{} · {} sold", money(t.revenue_minor), t.units),
            })
            .collect(),
        funnel: d
            .funnel
            .iter()
            .map(|f| BarView {
                label: f.label.to_owned(),
                value: f.visits as i64,
                display: f.visits.to_string(),
            })
            .collect(),
        top_searches: bars(d.searches.top),
        zero_searches: bars(d.searches.zero_results),
        low_stock: d
            .low_stock
            .into_iter()
            .map(|l| LowStockView {
                sku: l.sku,
                title: l.title,
                available: l.available,
            })
            .collect(),
    }
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
