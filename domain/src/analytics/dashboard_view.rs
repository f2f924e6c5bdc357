//! The dashboard's numbers turned into what the admin page draws: money in
//! the shop's currency, changes against the previous period, chart series.
use model::dashboard::{
    change, BarView, CartRemindersView, DashboardView, DayView, KpiView, LowStockView, ReturnsView,
};

use super::Dashboard;
use crate::money::Money;

impl Dashboard {
    pub fn view(self) -> DashboardView {
        let d = self;

        let money = |m: i64| Money::new(m, d.currency).format();
        let pct = |bp: u64| format!("{}.{:02}%", bp / 100, bp % 100);
        let (c, p) = (&d.current, &d.previous);
        let r = &d.cart_reminders;
        let kpi =
            |key: &str, label: &str, value: String, previous: String, now: i64, before: i64| {
                KpiView {
                    key: key.into(),
                    label: label.into(),
                    value,
                    previous,
                    change: change(now, before),
                    up: now >= before,
                }
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
        let bars = |rows: Vec<super::QueryCount>| -> Vec<BarView> {
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
                    title: format!("{} ({})", l.title, l.variant_title),
                    warehouse: l.warehouse,
                    available: l.available,
                    threshold: l.threshold,
                    slug: l.slug,
                })
                .collect(),
            cart_reminders: CartRemindersView {
                sent: r.sent,
                restored: r.restored,
                ordered: r.ordered,
                ordered_rate: pct((r.ordered * 10_000).checked_div(r.sent).unwrap_or(0)),
                recovered: money(r.recovered_minor),
            },
            returns: ReturnsView {
                returns: d.returns.returns,
                units_returned: d.returns.units_returned,
                units_sold: d.returns.units_sold,
                rate: pct((d.returns.units_returned.max(0) as u64 * 10_000)
                    .checked_div(d.returns.units_sold.max(0) as u64)
                    .unwrap_or(0)),
            },
        }
    }
}
