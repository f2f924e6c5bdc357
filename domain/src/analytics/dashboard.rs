//! The admin dashboard's numbers for a period, with the period before it
//! for comparison. Definitions (also shown in the admin):
//! - revenue: totals of orders paid in the period, less what was refunded
//!   on them;
//! - orders: orders paid in the period; average order value = revenue / orders;
//! - conversion: visits (distinct visit ids with a page view) that placed an
//!   order which got paid, over all visits;
//! - new customers: customer accounts created in the period.
use std::collections::{BTreeMap, HashSet};

use sea_orm::sea_query::{Expr, ExprTrait, Func, Order};
use sea_orm::{
    ColumnTrait, DatabaseConnection, EntityTrait, FromQueryResult, JoinType, PaginatorTrait,
    QueryFilter, QueryOrder, QuerySelect,
};
use serde::Serialize;
use time::{Date, Duration, OffsetDateTime};

use super::EventKind;
use crate::accounts::{Actor, Permission};
use crate::entities::{analytics_event, order, order_item, user};
use crate::inventory::LowStock;
use crate::money::Currency;
use crate::Result;

/// Low-stock rows the dashboard lists (emptiest first).
const LOW_STOCK_ROWS: u64 = 10;

#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
pub struct Kpis {
    pub revenue_minor: i64,
    pub orders: u64,
    pub average_order_minor: i64,
    pub visits: u64,
    pub converted_visits: u64,
    /// Hundredths of a percent (basis points).
    pub conversion_bp: u64,
    pub new_customers: u64,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct DayPoint {
    pub date: Date,
    pub revenue_minor: i64,
    pub orders: u64,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, FromQueryResult)]
pub struct TopProduct {
    pub title: String,
    pub units: i64,
    pub revenue_minor: i64,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct FunnelStep {
    pub label: &'static str,
    pub visits: u64,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Dashboard {
    pub currency: Currency,
    pub from: OffsetDateTime,
    pub to: OffsetDateTime,
    pub current: Kpis,
    pub previous: Kpis,
    pub days: Vec<DayPoint>,
    pub top_products: Vec<TopProduct>,
    pub funnel: Vec<FunnelStep>,
    pub searches: super::SearchTally,
    pub low_stock: Vec<LowStock>,
    pub cart_reminders: super::ReminderTally,
    pub returns: super::ReturnTally,
}

#[derive(FromQueryResult)]
struct PaidOrder {
    paid_at: Option<OffsetDateTime>,
    total_minor: i64,
    refunded_minor: i64,
    fx_rate_e9: i64,
}

impl PaidOrder {
    /// What the order brought in, in the base currency at its own rate.
    fn revenue(&self) -> i64 {
        model::fx::to_base(self.total_minor - self.refunded_minor, self.fx_rate_e9)
    }
}

async fn paid_orders(
    db: &DatabaseConnection,
    from: OffsetDateTime,
    to: OffsetDateTime,
) -> Result<Vec<PaidOrder>> {
    Ok(order::Entity::find()
        .select_only()
        .column(order::Column::PaidAt)
        .column(order::Column::TotalMinor)
        .column(order::Column::RefundedMinor)
        .column(order::Column::FxRateE9)
        .filter(order::Column::PaidAt.gte(from))
        .filter(order::Column::PaidAt.lt(to))
        .into_model::<PaidOrder>()
        .all(db)
        .await?)
}

/// Distinct visit ids with an event of `kind` in the period.
async fn visits(
    db: &DatabaseConnection,
    kind: EventKind,
    from: OffsetDateTime,
    to: OffsetDateTime,
) -> Result<HashSet<String>> {
    let rows: Vec<Option<String>> = analytics_event::Entity::find()
        .select_only()
        .column(analytics_event::Column::Session)
        .distinct()
        .filter(analytics_event::Column::Kind.eq(kind.as_str()))
        .filter(analytics_event::Column::Session.is_not_null())
        .filter(analytics_event::Column::CreatedAt.gte(from))
        .filter(analytics_event::Column::CreatedAt.lt(to))
        .into_tuple()
        .all(db)
        .await?;
    Ok(rows.into_iter().flatten().collect())
}

/// Visits that placed an order which has been paid.
async fn converted(
    db: &DatabaseConnection,
    from: OffsetDateTime,
    to: OffsetDateTime,
) -> Result<u64> {
    let placed = analytics_event::Entity::belongs_to(order::Entity)
        .from(analytics_event::Column::OrderId)
        .to(order::Column::Id)
        .into();
    let rows: Vec<Option<String>> = analytics_event::Entity::find()
        .select_only()
        .column(analytics_event::Column::Session)
        .distinct()
        .join(JoinType::InnerJoin, placed)
        .filter(analytics_event::Column::Kind.eq(EventKind::OrderPlaced.as_str()))
        .filter(analytics_event::Column::Session.is_not_null())
        .filter(analytics_event::Column::CreatedAt.gte(from))
        .filter(analytics_event::Column::CreatedAt.lt(to))
        .filter(order::Column::PaidAt.is_not_null())
        .into_tuple()
        .all(db)
        .await?;
    Ok(rows.into_iter().flatten().count() as u64)
}

/// The period's figures; `orders` are its paid orders ([`paid_orders`]).
async fn kpis(
    db: &DatabaseConnection,
    orders: &[PaidOrder],
    from: OffsetDateTime,
    to: OffsetDateTime,
) -> Result<Kpis> {
    let revenue_minor: i64 = orders.iter().map(PaidOrder::revenue).sum();
    let n = orders.len() as u64;
    let visits = visits(db, EventKind::PageView, from, to).await?.len() as u64;
    let converted_visits = converted(db, from, to).await?;
    let new_customers = user::Entity::find()
        .filter(user::Column::Role.eq("customer"))
        .filter(user::Column::CreatedAt.gte(from))
        .filter(user::Column::CreatedAt.lt(to))
        .count(db)
        .await?;
    Ok(Kpis {
        revenue_minor,
        orders: n,
        average_order_minor: revenue_minor.checked_div(n as i64).unwrap_or(0),
        visits,
        converted_visits,
        conversion_bp: (converted_visits * 10_000).checked_div(visits).unwrap_or(0),
        new_customers,
    })
}

async fn top_products(
    db: &DatabaseConnection,
    from: OffsetDateTime,
    to: OffsetDateTime,
) -> Result<Vec<TopProduct>> {
    let of_order = order_item::Entity::belongs_to(order::Entity)
        .from(order_item::Column::OrderId)
        .to(order::Column::Id)
        .into();
    // Each line in the base currency at its order's rate (as
    // `fx::to_base`, half up); PostgreSQL sums BIGINT into NUMERIC, so the
    // sum is brought back to BIGINT.
    let rate = Expr::col((order::Entity, order::Column::FxRateE9));
    let line = Expr::col((order_item::Entity, order_item::Column::LineTotalMinor));
    let in_base = line
        .mul(1_000_000_000_i64)
        .add(rate.clone().div(2))
        .div(rate);
    let revenue = Expr::from(Func::cast_as(Expr::expr(in_base).sum(), "BIGINT"));
    Ok(order_item::Entity::find()
        .select_only()
        .column(order_item::Column::Title)
        .column_as(
            Expr::from(Func::cast_as(
                Expr::col((order_item::Entity, order_item::Column::Quantity)).sum(),
                "BIGINT",
            )),
            "units",
        )
        .column_as(revenue.clone(), "revenue_minor")
        .join(JoinType::InnerJoin, of_order)
        .filter(order::Column::PaidAt.gte(from))
        .filter(order::Column::PaidAt.lt(to))
        .group_by(order_item::Column::Title)
        .order_by(revenue, Order::Desc)
        .order_by_asc(order_item::Column::Title)
        .limit(5)
        .into_model::<TopProduct>()
        .all(db)
        .await?)
}

/// The dashboard for the `days` days up to `to`.
pub async fn dashboard(
    db: &DatabaseConnection,
    actor: &Actor,
    currency: Currency,
    days: u32,
    to: OffsetDateTime,
) -> Result<Dashboard> {
    actor.require(Permission::Analytics)?;
    let days = days.clamp(1, 366);
    let span = Duration::days(i64::from(days));
    let from = to - span;
    let orders = paid_orders(db, from, to).await?;
    let current = kpis(db, &orders, from, to).await?;
    let before = paid_orders(db, from - span, from).await?;
    let previous = kpis(db, &before, from - span, from).await?;

    let mut by_day: BTreeMap<Date, DayPoint> = BTreeMap::new();
    let mut d = from.date();
    while d <= to.date() {
        by_day.insert(
            d,
            DayPoint {
                date: d,
                revenue_minor: 0,
                orders: 0,
            },
        );
        match d.next_day() {
            Some(next) => d = next,
            None => break,
        }
    }
    for o in &orders {
        if let Some(at) = o.paid_at {
            let p = by_day.entry(at.date()).or_insert(DayPoint {
                date: at.date(),
                revenue_minor: 0,
                orders: 0,
            });
            p.revenue_minor += o.revenue();
            p.orders += 1;
        }
    }

    let mut funnel = Vec::new();
    for kind in EventKind::FUNNEL {
        // The first step is the period's visits, already counted.
        let n = match kind {
            EventKind::PageView => current.visits,
            _ => visits(db, kind, from, to).await?.len() as u64,
        };
        funnel.push(FunnelStep {
            label: kind.label(),
            visits: n,
        });
    }

    Ok(Dashboard {
        currency,
        from,
        to,
        current,
        previous,
        days: by_day.into_values().collect(),
        top_products: top_products(db, from, to).await?,
        funnel,
        searches: super::report::tally(db, actor, from, to, 5).await?,
        low_stock: crate::inventory::running_low(db, LOW_STOCK_ROWS).await?,
        cart_reminders: super::cart_reminders::tally(db, from, to).await?,
        returns: super::returns::tally(db, from, to).await?,
    })
}

/// [`dashboard`] for the `days` days up to now.
pub async fn dashboard_until_now(
    db: &DatabaseConnection,
    actor: &Actor,
    currency: Currency,
    days: u32,
) -> Result<Dashboard> {
    dashboard(db, actor, currency, days, OffsetDateTime::now_utc()).await
}
