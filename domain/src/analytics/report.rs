//! What the admin sees of searches: the commonest queries and the ones that
//! found nothing, over a period.
use sea_orm::sea_query::{Expr, ExprTrait, Order};
use sea_orm::{
    ColumnTrait, DatabaseConnection, EntityTrait, FromQueryResult, PaginatorTrait, QueryFilter,
    QueryOrder, QuerySelect,
};
use serde::Serialize;
use time::OffsetDateTime;

use super::EventKind;
use crate::accounts::{Actor, Permission};
use crate::entities::analytics_event::{Column, Entity};
use crate::Result;

#[derive(Clone, Debug, PartialEq, Eq, Serialize, FromQueryResult)]
pub struct QueryCount {
    pub query: String,
    pub searches: i64,
    pub clicks: i64,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct SearchReport {
    pub searches: u64,
    pub top: Vec<QueryCount>,
    pub zero_results: Vec<QueryCount>,
}

#[derive(FromQueryResult)]
struct Counted {
    query: Option<String>,
    n: i64,
}

async fn counts(
    db: &DatabaseConnection,
    kind: EventKind,
    from: OffsetDateTime,
    to: OffsetDateTime,
    zero_only: bool,
    limit: u64,
) -> Result<Vec<(String, i64)>> {
    let mut q = Entity::find()
        .select_only()
        .column(Column::Query)
        .column_as(Expr::col(Column::Id).count(), "n")
        .filter(Column::Kind.eq(kind.as_str()))
        .filter(Column::CreatedAt.gte(from))
        .filter(Column::CreatedAt.lt(to))
        .filter(Column::Query.is_not_null());
    if zero_only {
        q = q.filter(Column::Results.eq(0));
    }
    let rows = q
        .group_by(Column::Query)
        .order_by(Expr::col(Column::Id).count(), Order::Desc)
        .order_by_asc(Column::Query)
        .limit(limit)
        .into_model::<Counted>()
        .all(db)
        .await?;
    Ok(rows
        .into_iter()
        .filter_map(|r| r.query.map(|q| (q, r.n)))
        .collect())
}

/// Top queries and zero-result queries between `from` and `to`.
pub async fn search_report(
    db: &DatabaseConnection,
    actor: &Actor,
    from: OffsetDateTime,
    to: OffsetDateTime,
    limit: u64,
) -> Result<SearchReport> {
    actor.require(Permission::Analytics)?;
    let clicks = counts(db, EventKind::SearchClick, from, to, false, 10_000).await?;
    let clicks_of = |q: &str| {
        clicks
            .iter()
            .find(|(c, _)| c == q)
            .map(|(_, n)| *n)
            .unwrap_or(0)
    };
    let attach = |rows: Vec<(String, i64)>| -> Vec<QueryCount> {
        rows.into_iter()
            .map(|(query, searches)| QueryCount {
                clicks: clicks_of(&query),
                query,
                searches,
            })
            .collect()
    };
    let top = attach(counts(db, EventKind::Search, from, to, false, limit).await?);
    let zero_results = attach(counts(db, EventKind::Search, from, to, true, limit).await?);
    let searches = Entity::find()
        .filter(Column::Kind.eq(EventKind::Search.as_str()))
        .filter(Column::CreatedAt.gte(from))
        .filter(Column::CreatedAt.lt(to))
        .count(db)
        .await?;
    Ok(SearchReport {
        searches,
        top,
        zero_results,
    })
}

/// [`search_report`] for the last `days` days up to now.
pub async fn search_report_last_days(
    db: &DatabaseConnection,
    actor: &Actor,
    days: u32,
    limit: u64,
) -> Result<SearchReport> {
    let to = OffsetDateTime::now_utc();
    let from = to - time::Duration::days(i64::from(days.clamp(1, 365)));
    search_report(db, actor, from, to, limit).await
}
