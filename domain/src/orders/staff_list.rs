//! The staff order list: search by number or email, filters for status,
//! date range and total, newest first, in pages.
use sea_orm::sea_query::{Expr, ExprTrait, Func};
use sea_orm::{ColumnTrait, Condition, EntityTrait, PaginatorTrait, QueryFilter, QueryOrder};
use serde::Serialize;
use time::{Date, OffsetDateTime, Time};

use super::{OrderStatus, Orders};
use crate::accounts::{Actor, Permission};
use crate::entities::order;
use crate::{Money, Result};

pub const STAFF_PAGE_SIZE: u64 = 50;

#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct StaffOrderQuery {
    /// Order number or customer email (part of either).
    pub q: String,
    pub status: Option<OrderStatus>,
    /// Placed on or after this day (UTC).
    pub from: Option<Date>,
    /// Placed on or before this day (UTC).
    pub to: Option<Date>,
    pub min_total_minor: Option<i64>,
    pub max_total_minor: Option<i64>,
    pub page: u64,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct StaffOrderRow {
    pub number: String,
    pub email: String,
    pub status: OrderStatus,
    pub placed_at: OffsetDateTime,
    pub total: Money,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct StaffOrderPage {
    pub rows: Vec<StaffOrderRow>,
    pub total: u64,
    pub page: u64,
    pub pages: u64,
}

impl Orders {
    pub async fn staff_search(&self, actor: &Actor, q: &StaffOrderQuery) -> Result<StaffOrderPage> {
        actor.require(Permission::Orders)?;
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
            .map(|o| StaffOrderRow {
                total: Money::new(o.total_minor, super::view::currency(&o)),
                status: super::view::status(&o),
                placed_at: o.placed_at,
                number: o.number,
                email: o.email,
            })
            .collect();
        Ok(StaffOrderPage {
            rows,
            total,
            page,
            pages: std::cmp::max(total.div_ceil(STAFF_PAGE_SIZE), 1),
        })
    }
}
