//! One scrape: the live counters and histograms, then what is read now —
//! the database pool, the outbox backlog, the caches and the orders
//! counted by this process. Counts only: nothing about any shopper.
use std::sync::atomic::{AtomicU64, Ordering};

use app::request::context::ServerContext;
use prometheus_client::encoding::text::{encode_eof, encode_registry};
use prometheus_client::encoding::EncodeLabelSet;
use prometheus_client::metrics::counter::Counter;
use prometheus_client::metrics::family::Family;
use prometheus_client::metrics::gauge::Gauge;
use prometheus_client::registry::Registry;
use sea_orm::{DatabaseBackend, DatabaseConnection};

use super::{Metrics, PREFIX};
use crate::http::fast_lane::PageCache;

pub struct Sources<'a> {
    pub db: &'a DatabaseConnection,
    pub pages: Option<&'a PageCache>,
    pub ctx: &'a ServerContext,
}

#[derive(Clone, Debug, Hash, PartialEq, Eq, EncodeLabelSet)]
struct CurrencyLabel {
    currency: &'static str,
}

#[derive(Clone, Debug, Hash, PartialEq, Eq, EncodeLabelSet)]
struct DependencyLabel {
    dependency: &'static str,
}

#[derive(Clone, Debug, Hash, PartialEq, Eq, EncodeLabelSet)]
struct StateLabel {
    state: &'static str,
}

/// A value read now, under a fresh registry.
struct Now(Registry);

impl Now {
    fn counter(&mut self, name: &str, help: &str, value: u64) {
        let c = Counter::<u64>::default();
        c.inc_by(value);
        self.0.register(name, help, c);
    }

    fn gauge(&mut self, name: &str, help: &str, value: u64) {
        let g = Gauge::<i64>::default();
        g.set(i64::try_from(value).unwrap_or(i64::MAX));
        self.0.register(name, help, g);
    }

    fn atomic_counter(&mut self, name: &str, help: &str, value: &AtomicU64) {
        self.counter(name, help, value.load(Ordering::Relaxed));
    }
}

pub async fn scrape(metrics: &Metrics, from: Sources<'_>) -> String {
    let mut now = Now(Registry::with_prefix(PREFIX));
    dependencies(&mut now, &from).await;
    pool(&mut now, from.db);
    match domain::outbox::backlog(from.db).await {
        Ok(b) => {
            now.gauge(
                "outbox_pending",
                "Outbox messages waiting to be delivered",
                b.pending,
            );
            now.gauge(
                "outbox_dead",
                "Outbox messages given up on after the last retry",
                b.dead,
            );
            now.gauge(
                "outbox_oldest_pending_age_seconds",
                "Age of the oldest message waiting (0: none)",
                b.oldest_pending_secs,
            );
        }
        Err(e) => tracing::warn!(error = %e, "metrics: reading the outbox backlog"),
    }
    if let Some(pages) = from.pages {
        let s = &pages.stats;
        now.atomic_counter(
            "page_cache_hits",
            "Anonymous page requests answered from the page cache",
            &s.hits,
        );
        now.atomic_counter(
            "page_cache_misses",
            "Anonymous page requests rendered and stored",
            &s.misses,
        );
        now.atomic_counter(
            "page_cache_not_stored",
            "Anonymous page requests rendered but not storable (errors, cookies)",
            &s.not_stored,
        );
        now.atomic_counter(
            "page_cache_evictions",
            "Change-feed batches that evicted pages",
            &s.evictions,
        );
        now.gauge("page_cache_entries", "Pages held", pages.entries());
        now.gauge(
            "page_cache_bytes",
            "Bytes held by the page cache, all encodings",
            pages.bytes(),
        );
    }
    let held = from.ctx.catalog.held_stats();
    now.atomic_counter(
        "held_reads_hits",
        "Facet counts, home sections, products and shelves answered from memory",
        &held.hits,
    );
    now.atomic_counter(
        "held_reads_misses",
        "Facet counts, home sections, products and shelves read from the database",
        &held.misses,
    );
    orders(&mut now, from.ctx);

    let mut out = String::new();
    let written = encode_registry(&mut out, metrics.registry())
        .and_then(|()| encode_registry(&mut out, &now.0))
        .and_then(|()| encode_eof(&mut out));
    if let Err(e) = written {
        tracing::warn!(error = %e, "metrics: encoding");
    }
    out
}

/// What `/readyz` checks, as gauges an alert can watch.
async fn dependencies(now: &mut Now, from: &Sources<'_>) {
    let up = Family::<DependencyLabel, Gauge>::default();
    let database = domain::db::ping(from.db).await.is_ok();
    let search = from.ctx.search.health().await.is_ok();
    for (dependency, ok) in [("database", database), ("search", search)] {
        up.get_or_create(&DependencyLabel { dependency })
            .set(i64::from(ok));
    }
    now.0.register(
        "dependency_up",
        "1 when the database (or the search engine) answers, 0 when not",
        up,
    );
}

fn pool(now: &mut Now, db: &DatabaseConnection) {
    let (size, idle, max) = match db.get_database_backend() {
        DatabaseBackend::Postgres => {
            let p = db.get_postgres_connection_pool();
            (p.size(), p.num_idle(), p.options().get_max_connections())
        }
        DatabaseBackend::Sqlite => {
            let p = db.get_sqlite_connection_pool();
            (p.size(), p.num_idle(), p.options().get_max_connections())
        }
        _ => return,
    };
    let idle = u32::try_from(idle).unwrap_or(u32::MAX).min(size);
    let connections = Family::<StateLabel, Gauge>::default();
    connections
        .get_or_create(&StateLabel { state: "in_use" })
        .set(i64::from(size - idle));
    connections
        .get_or_create(&StateLabel { state: "idle" })
        .set(i64::from(idle));
    now.0.register(
        "db_pool_connections",
        "Database connections open, in use or idle",
        connections,
    );
    now.gauge(
        "db_pool_max_connections",
        "The pool's limit",
        u64::from(max),
    );
}

fn orders(now: &mut Now, ctx: &ServerContext) {
    let placed = Family::<CurrencyLabel, Counter>::default();
    let paid = Family::<CurrencyLabel, Counter>::default();
    let revenue = Family::<CurrencyLabel, Counter>::default();
    for row in ctx.commerce.tally().rows() {
        let label = CurrencyLabel {
            currency: row.currency.code(),
        };
        placed.get_or_create(&label).inc_by(row.placed);
        paid.get_or_create(&label).inc_by(row.paid);
        revenue.get_or_create(&label).inc_by(row.revenue_minor);
    }
    now.0.register(
        "orders_placed",
        "Orders placed through this instance since it started",
        placed,
    );
    now.0.register(
        "orders_paid",
        "Orders whose payment this instance recorded since it started",
        paid,
    );
    now.0.register(
        "revenue_minor_units",
        "Money of the orders paid, in the currency's minor units (cents)",
        revenue,
    );
}
