//! The staff order list: search by number or email, filters for status,
//! date range and total, newest first, in pages.
use sea_orm::sea_query::{Expr, ExprTrait, Func};
use sea_orm::{ColumnTrait, Condition, EntityTrait, PaginatorTrait, QueryFilter, QueryOrder};
use time::{Date, Time};

use super::{OrderStatus, Orders};
use crate::accounts::{Actor, Permission};
use crate::entities::order;
use crate::error::Issues;
use crate::money::Currency;
use crate::{Error, Money, Result};

pub const STAFF_PAGE_SIZE: u64 = 50;

pub use model::commerce::{OrderListQuery, OrderListView, StaffOrderRowView};

/// [`OrderListQuery`] read: what staff typed in the filters, checked.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
struct StaffOrderQuery {
    /// Order number or customer email (part of either).
    q: String,
    status: Option<OrderStatus>,
    /// Placed on or after this day (UTC).
    from: Option<Date>,
    /// Placed on or before this day (UTC).
    to: Option<Date>,
    min_total_minor: Option<i64>,
    max_total_minor: Option<i64>,
    page: u64,
}

impl StaffOrderQuery {
    /// Every wrong filter is reported at once, by field; empty means "any".
    fn read(query: &OrderListQuery, currency: Currency) -> Result<Self> {
        let mut issues = Issues::default();
        let amount = |s: &str, field| crate::typed::amount(s, currency, field);
        let date = crate::typed::day;
        let status = match query.status.trim() {
            "" => Ok(None),
            s => OrderStatus::parse(s)
                .map(Some)
                .ok_or_else(|| Error::validation("status", "Unknown order status.")),
        };
        let read = Self {
            q: query.q.clone(),
            status: issues.take(status)?,
            from: issues.take(date(&query.from, "from"))?,
            to: issues.take(date(&query.to, "to"))?,
            min_total_minor: issues.take(amount(&query.min_total, "min_total"))?,
            max_total_minor: issues.take(amount(&query.max_total, "max_total"))?,
            page: query.page,
        };
        issues.finish()?;
        Ok(read)
    }
}

impl Orders {
    /// The staff order list for filters as the page's URL carries them.
    pub async fn staff_search(
        &self,
        actor: &Actor,
        query: &OrderListQuery,
    ) -> Result<OrderListView> {
        actor.require(Permission::Orders)?;
        let q = StaffOrderQuery::read(query, self.c.currency())?;
        let mut find = order::Entity::find();
        let text = crate::bounds::text(q.q.trim(), crate::bounds::MAX_QUERY_CHARS)
            .to_lowercase()
            .replace(['%', '_'], "");
        if !text.is_empty() {
            let like = format!("%{text}%");
            find = find.filter(
                Condition::any()
                    .add(
                        Expr::expr(Func::lower(Expr::col(order::Column::Number)))
                            .like(like.clone()),
                    )
                    .add(Expr::expr(Func::lower(Expr::col(order::Column::Email))).like(like)),
            );
        }
        if let Some(status) = q.status {
            find = find.filter(order::Column::Status.eq(status.as_str()));
        }
        if let Some(from) = q.from {
            find = find
                .filter(order::Column::PlacedAt.gte(from.with_time(Time::MIDNIGHT).assume_utc()));
        }
        if let Some(to) = q.to.and_then(|d| d.next_day()) {
            find =
                find.filter(order::Column::PlacedAt.lt(to.with_time(Time::MIDNIGHT).assume_utc()));
        }
        if let Some(min) = q.min_total_minor {
            find = find.filter(order::Column::TotalMinor.gte(min));
        }
        if let Some(max) = q.max_total_minor {
            find = find.filter(order::Column::TotalMinor.lte(max));
        }
        let page = crate::bounds::page(q.page);
        let paginator = find
            .order_by_desc(order::Column::PlacedAt)
            .order_by_desc(order::Column::Id)
            .paginate(&self.c.db, STAFF_PAGE_SIZE);
        let total = paginator.num_items().await?;
        let rows = paginator
            .fetch_page(page - 1)
            .await?
            .into_iter()
            .map(|o| StaffOrderRowView {
                total: Money::new(o.total_minor, super::view::currency(&o)),
                status: super::view::status(&o),
                status_label: super::view::status(&o).label().to_owned(),
                placed_at: o.placed_at.unix_timestamp(),
                number: o.number,
                email: o.email,
            })
            .collect();
        Ok(OrderListView {
            rows,
            total,
            page,
            pages: std::cmp::max(total.div_ceil(STAFF_PAGE_SIZE), 1),
            statuses: OrderStatus::ALL
                .iter()
                .map(|s| (s.as_str().to_owned(), s.label().to_owned()))
                .collect(),
        })
    }
}
