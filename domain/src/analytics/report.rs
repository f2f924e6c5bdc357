//! What the admin sees of searches: the commonest queries and the ones that
//! found nothing, over a period.
use sea_orm::sea_query::{Expr, ExprTrait, Order};
use sea_orm::{
    ColumnTrait, DatabaseConnection, EntityTrait, FromQueryResult, PaginatorTrait, QueryFilter,
    QueryOrder, QuerySelect,
};
use time::OffsetDateTime;

use super::EventKind;
use crate::accounts::{Actor, Permission};
use crate::entities::analytics_event::{Column, Entity};
use crate::Result;

pub use model::search::{QueryCount, SearchReport};

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

/// Top queries and zero-result queries over the last `days` days (1–365)
/// up to now; `engine` names the search engine answering them.
pub async fn search_report(
    db: &DatabaseConnection,
    actor: &Actor,
    days: u32,
    limit: u64,
    engine: &str,
) -> Result<SearchReport> {
    let days = days.clamp(1, 365);
    let to = OffsetDateTime::now_utc();
    let from = to - time::Duration::days(i64::from(days));
    let t = tally(db, actor, from, to, limit).await?;
    Ok(SearchReport {
        days,
        searches: t.searches,
        top: t.top,
        zero_results: t.zero_results,
        engine: engine.to_owned(),
    })
}

/// Searches between two instants, for the search report and the dashboard.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize)]
pub struct SearchTally {
    pub searches: u64,
    pub top: Vec<QueryCount>,
    pub zero_results: Vec<QueryCount>,
}

pub(crate) async fn tally(
    db: &DatabaseConnection,
    actor: &Actor,
    from: OffsetDateTime,
    to: OffsetDateTime,
    limit: u64,
) -> Result<SearchTally> {
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
    Ok(SearchTally {
        searches,
        top,
        zero_results,
    })
}
