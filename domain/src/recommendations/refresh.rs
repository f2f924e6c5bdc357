//! The background refresh: counts orders and views into the tables the
//! storefront reads. Every query is bounded by a time window and the
//! catalog; the write replaces all rows in one transaction, so readers see
//! the old set or the new one.
use std::collections::{BTreeSet, HashMap};

use sea_orm::{
    ColumnTrait, ConnectionTrait, EntityTrait, FromQueryResult, QueryFilter, QuerySelect, Set,
    Statement,
};
use time::{Duration, OffsetDateTime};

use crate::entities::{product, product_signal, recommendation};
use crate::Result;

use super::{paid_statuses, Recommendations, ALSO_BOUGHT, SIMILAR};

/// Rows kept per product and kind (more than shown: some may be out of
/// stock or excluded when read).
const KEPT: usize = 12;
/// Orders older than this no longer say what goes together.
const ORDER_WINDOW_DAYS: i64 = 365;
/// Trending looks back this far, halving the weight every `HALF_LIFE_DAYS`.
const TRENDING_DAYS: i64 = 14;
const HALF_LIFE_DAYS: f64 = 3.0;
/// An order says more than a view.
const ORDER_WEIGHT: f64 = 5.0;
/// Products compared per category for "similar" (the newest), which bounds
/// the pairwise work.
const SIMILAR_PER_CATEGORY: usize = 400;

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct RefreshReport {
    pub also_bought: usize,
    pub similar: usize,
    pub signals: usize,
}

#[derive(FromQueryResult)]
struct Pair {
    a: i32,
    b: i32,
    n: i64,
}

#[derive(FromQueryResult)]
struct Count {
    product_id: i32,
    n: i64,
}

async fn query<C: ConnectionTrait, T: FromQueryResult>(
    conn: &C,
    sql: String,
    values: Vec<sea_orm::Value>,
) -> Result<Vec<T>> {
    Ok(T::find_by_statement(Statement::from_sql_and_values(
        conn.get_database_backend(),
        sql,
        values,
    ))
    .all(conn)
    .await?)
}

/// For each product, the others in the same paid orders and in how many.
async fn co_occurrence<C: ConnectionTrait>(conn: &C, since: OffsetDateTime) -> Result<Vec<Pair>> {
    let sql = format!(
        "SELECT va.product_id AS a, vb.product_id AS b, COUNT(DISTINCT ia.order_id) AS n \
         FROM order_items ia \
         JOIN order_items ib ON ib.order_id = ia.order_id AND ib.id <> ia.id \
         JOIN variants va ON va.id = ia.variant_id \
         JOIN variants vb ON vb.id = ib.variant_id \
         JOIN orders o ON o.id = ia.order_id \
         WHERE va.product_id <> vb.product_id AND o.status IN ({}) AND o.placed_at >= {} \
         GROUP BY va.product_id, vb.product_id",
        paid_statuses(),
        crate::db::placeholder(conn, 1)
    );
    query(conn, sql, vec![since.into()]).await
}

/// The best `KEPT` per product, by score then id (stable across runs).
fn ranked(
    kind: &str,
    pairs: impl IntoIterator<Item = (i32, i32, i64)>,
) -> Vec<recommendation::ActiveModel> {
    let mut by_product: HashMap<i32, Vec<(i32, i64)>> = HashMap::new();
    for (a, b, score) in pairs {
        by_product.entry(a).or_default().push((b, score));
    }
    let mut rows = Vec::new();
    for (product_id, mut others) in by_product {
        others.sort_by(|x, y| y.1.cmp(&x.1).then(x.0.cmp(&y.0)));
        for (position, (other, score)) in others.into_iter().take(KEPT).enumerate() {
            rows.push(recommendation::ActiveModel {
                product_id: Set(product_id),
                kind: Set(kind.to_owned()),
                recommended_id: Set(other),
                score: Set(score),
                position: Set(position as i16),
            });
        }
    }
    rows
}

/// Words of a title worth comparing: lower case, three letters or more.
fn words(title: &str) -> BTreeSet<String> {
    title
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| w.chars().count() >= 3)
        .map(str::to_lowercase)
        .collect()
}

/// Active products scored against the others in their category: a shared
/// brand 3, each shared title word 2, a price within a quarter 1, and 1 for
/// the category itself.
async fn similar<C: ConnectionTrait>(conn: &C) -> Result<Vec<(i32, i32, i64)>> {
    let products: Vec<(i32, i32, String, String, i64)> = product::Entity::find()
        .select_only()
        .column(product::Column::Id)
        .column(product::Column::CategoryId)
        .column(product::Column::Brand)
        .column(product::Column::Title)
        .column(product::Column::PriceMinMinor)
        .filter(product::Column::Status.eq("active"))
        .into_tuple()
        .all(conn)
        .await?;
    struct Member {
        id: i32,
        brand: String,
        words: BTreeSet<String>,
        price: i64,
    }
    let mut by_category: HashMap<i32, Vec<Member>> = HashMap::new();
    for (id, category, brand, title, price) in products {
        by_category.entry(category).or_default().push(Member {
            id,
            brand: brand.to_lowercase(),
            words: words(&title),
            price,
        });
    }
    let mut pairs = Vec::new();
    for mut members in by_category.into_values() {
        members.sort_by_key(|m| std::cmp::Reverse(m.id));
        members.truncate(SIMILAR_PER_CATEGORY);
        for a in &members {
            for b in &members {
                if a.id == b.id {
                    continue;
                }
                let brand = i64::from(!a.brand.is_empty() && a.brand == b.brand) * 3;
                let shared = a.words.intersection(&b.words).count() as i64 * 2;
                let (lo, hi) = (a.price.min(b.price), a.price.max(b.price));
                let price = i64::from(hi.saturating_sub(lo).saturating_mul(4) <= hi);
                pairs.push((a.id, b.id, 1 + brand + shared + price));
            }
        }
    }
    Ok(pairs)
}

/// Per product: views and paid orders per day of the trending window,
/// decayed by age, and units sold over the order window.
async fn signals<C: ConnectionTrait>(
    conn: &C,
    now: OffsetDateTime,
) -> Result<Vec<product_signal::ActiveModel>> {
    #[derive(Default)]
    struct Tally {
        trending: f64,
        views: i64,
        orders: i64,
        sold: i64,
    }
    let mut tally: HashMap<i32, Tally> = HashMap::new();
    let (p1, p2) = (
        crate::db::placeholder(conn, 1),
        crate::db::placeholder(conn, 2),
    );
    let views_sql = format!(
        "SELECT product_id, COUNT(*) AS n FROM analytics_events \
         WHERE kind = '{}' AND product_id IS NOT NULL AND created_at >= {p1} AND created_at < {p2} \
         GROUP BY product_id",
        crate::analytics::EventKind::ProductView.as_str()
    );
    let orders_sql = format!(
        "SELECT v.product_id AS product_id, COUNT(DISTINCT oi.order_id) AS n \
         FROM order_items oi JOIN variants v ON v.id = oi.variant_id JOIN orders o ON o.id = oi.order_id \
         WHERE o.status IN ({}) AND o.placed_at >= {p1} AND o.placed_at < {p2} \
         GROUP BY v.product_id",
        paid_statuses()
    );
    for day in 0..TRENDING_DAYS {
        let to = now - Duration::days(day);
        let from = to - Duration::days(1);
        let weight = 0.5f64.powf((day as f64 + 0.5) / HALF_LIFE_DAYS);
        let views: Vec<Count> =
            query(conn, views_sql.clone(), vec![from.into(), to.into()]).await?;
        for c in views {
            let t = tally.entry(c.product_id).or_default();
            t.views += c.n;
            t.trending += c.n as f64 * weight;
        }
        let orders: Vec<Count> =
            query(conn, orders_sql.clone(), vec![from.into(), to.into()]).await?;
        for c in orders {
            let t = tally.entry(c.product_id).or_default();
            t.orders += c.n;
            t.trending += c.n as f64 * ORDER_WEIGHT * weight;
        }
    }
    let sold_sql = format!(
        "SELECT v.product_id AS product_id, SUM(oi.quantity) AS n \
         FROM order_items oi JOIN variants v ON v.id = oi.variant_id JOIN orders o ON o.id = oi.order_id \
         WHERE o.status IN ({}) AND o.placed_at >= {p1} GROUP BY v.product_id",
        paid_statuses()
    );
    let since = now - Duration::days(ORDER_WINDOW_DAYS);
    let sold: Vec<Count> = query(conn, sold_sql, vec![since.into()]).await?;
    for c in sold {
        tally.entry(c.product_id).or_default().sold += c.n;
    }
    let clamp = |n: i64| i32::try_from(n).unwrap_or(i32::MAX);
    Ok(tally
        .into_iter()
        .map(|(product_id, t)| product_signal::ActiveModel {
            product_id: Set(product_id),
            trending: Set((t.trending * 1000.0).round() as i64),
            views: Set(clamp(t.views)),
            orders: Set(clamp(t.orders)),
            sold: Set(clamp(t.sold)),
        })
        .collect())
}

impl Recommendations {
    /// Recomputes every table from orders and events as of now.
    pub async fn refresh(&self) -> Result<RefreshReport> {
        self.refresh_at(OffsetDateTime::now_utc()).await
    }

    /// [`Self::refresh`] as if it were `now` (tests move the clock).
    pub async fn refresh_at(&self, now: OffsetDateTime) -> Result<RefreshReport> {
        let since = now - Duration::days(ORDER_WINDOW_DAYS);
        let also = ranked(
            ALSO_BOUGHT,
            co_occurrence(&self.db, since)
                .await?
                .into_iter()
                .map(|p| (p.a, p.b, p.n)),
        );
        let similar = ranked(SIMILAR, similar(&self.db).await?);
        let signals = signals(&self.db, now).await?;
        let report = RefreshReport {
            also_bought: also.len(),
            similar: similar.len(),
            signals: signals.len(),
        };
        let txn = crate::db::begin_write(&self.db).await?;
        recommendation::Entity::delete_many().exec(&txn).await?;
        product_signal::Entity::delete_many().exec(&txn).await?;
        for chunk in also.chunks(500).chain(similar.chunks(500)) {
            recommendation::Entity::insert_many(chunk.to_vec())
                .exec_without_returning(&txn)
                .await?;
        }
        for chunk in signals.chunks(500) {
            product_signal::Entity::insert_many(chunk.to_vec())
                .exec_without_returning(&txn)
                .await?;
        }
        txn.commit().await?;
        // Other instances read the new rows when their held shelves expire.
        self.catalog.forget_listings();
        Ok(report)
    }
}
