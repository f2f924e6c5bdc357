//! `/metrics` after real traffic, on SQLite and PostgreSQL: requests and
//! their latency by route (cached pages included), search timings, orders
//! and revenue, the outbox backlog, the pool and the build; and who may
//! read it.
use std::collections::HashMap;

use crate::support::browser::Browser;
use crate::support::{shop, TestApp};
use domain::entities::order;
use sea_orm::{ColumnTrait, EntityTrait, QueryFilter};
use testkit::for_each_backend;
use testkit::TestDatabase;

/// Every sample of a scrape: `name{labels}` → value.
fn samples(text: &str) -> HashMap<String, f64> {
    text.lines()
        .filter(|l| !l.starts_with('#') && !l.is_empty())
        .filter_map(|l| {
            let (key, value) = l.rsplit_once(' ')?;
            Some((key.to_owned(), value.parse().ok()?))
        })
        .collect()
}

/// The sum of `name`'s samples carrying every one of `labels`.
fn total(samples: &HashMap<String, f64>, name: &str, labels: &[(&str, &str)]) -> f64 {
    samples
        .iter()
        .filter(|(key, _)| {
            key.split_once('{').map_or(key.as_str(), |(n, _)| n) == name
                && labels
                    .iter()
                    .all(|(k, v)| key.contains(&format!("{k}=\"{v}\"")))
        })
        .map(|(_, v)| v)
        .sum()
}

async fn scrape(app: &TestApp) -> (String, HashMap<String, f64>) {
    let res = app.get("/metrics").await;
    assert_eq!(res.status(), 200);
    let kind = res.headers()["content-type"]
        .to_str()
        .expect("ascii")
        .to_owned();
    assert!(kind.starts_with("application/openmetrics-text"), "{kind}");
    let text = res.text().await.expect("body");
    assert!(text.ends_with("# EOF\n"), "a complete exposition");
    let parsed = samples(&text);
    (text, parsed)
}

for_each_backend!(metrics_move_with_traffic, |db: TestDatabase| async move {
    let app = TestApp::spawn_env(db, true, &[("MERCATO_OUTBOX_POLL_MS", "200")]).await;
    let (_, before) = scrape(&app).await;
    let conn = app.connection().await;
    let p = shop::product_on_sale(&conn).await;

    for _ in 0..3 {
        assert_eq!(app.page(&format!("/product/{}", p.slug)).await.0, 200);
    }
    // The second comes from the page cache and still counts as "/".
    for _ in 0..2 {
        assert_eq!(app.page("/").await.0, 200);
    }
    assert_eq!(app.page("/no-such-page").await.0, 404);
    let res = app.api("/api/search/results?state[q]=jacket").await;
    assert_eq!(res.status(), 200);
    let mut shopper = Browser::new(&app);
    let (number, _) = shop::order(&mut shopper, "metrics@example.com", true).await;
    let placed = order::Entity::find()
        .filter(order::Column::Number.eq(number))
        .one(&conn)
        .await
        .expect("query")
        .expect("the order");

    let (text, after) = scrape(&app).await;
    let moved = |name: &str, labels: &[(&str, &str)]| {
        total(&after, name, labels) - total(&before, name, labels)
    };
    let product = [("method", "GET"), ("route", "/product/{slug}")];
    assert!(
        moved(
            "mercato_http_requests_total",
            &[product[0], product[1], ("status", "200")]
        ) >= 3.0,
        "product pages counted by their route:\n{text}"
    );
    assert!(moved("mercato_http_request_duration_seconds_count", &product) >= 3.0);
    assert!(
        moved(
            "mercato_http_request_duration_seconds_bucket",
            &[product[0], product[1], ("le", "+Inf")]
        ) >= 3.0,
        "the histogram's buckets fill"
    );
    assert!(moved("mercato_http_request_duration_seconds_sum", &product) > 0.0);
    assert!(
        moved(
            "mercato_http_requests_total",
            &[("route", "/"), ("status", "200")]
        ) >= 2.0,
        "a page from the cache keeps its route"
    );
    assert!(moved("mercato_page_cache_hits_total", &[]) >= 1.0);
    assert!(
        moved("mercato_http_requests_total", &[("status", "404")]) >= 1.0,
        "not-found pages counted"
    );
    assert!(
        moved(
            "mercato_search_duration_seconds_count",
            &[("engine", "embedded"), ("operation", "search")]
        ) >= 1.0,
        "search timed"
    );
    let currency = [("currency", placed.currency.as_str())];
    assert_eq!(moved("mercato_orders_placed_total", &currency), 1.0);
    assert_eq!(moved("mercato_orders_paid_total", &currency), 1.0);
    assert_eq!(
        moved("mercato_revenue_minor_units_total", &currency),
        placed.total_minor as f64,
        "revenue in minor units"
    );
    for gauge in [
        "mercato_outbox_pending",
        "mercato_outbox_dead",
        "mercato_outbox_oldest_pending_age_seconds",
        "mercato_db_pool_max_connections",
    ] {
        assert!(after.contains_key(gauge), "{gauge} reported:\n{text}");
    }
    assert!(total(&after, "mercato_db_pool_connections", &[]) >= 1.0);
    for dependency in ["database", "search"] {
        assert_eq!(
            total(
                &after,
                "mercato_dependency_up",
                &[("dependency", dependency)]
            ),
            1.0,
            "{dependency} up"
        );
    }
    assert_eq!(
        total(
            &after,
            "mercato_build_info",
            &[("version", env!("CARGO_PKG_VERSION"))]
        ),
        1.0
    );

    // Passed on by a proxy, it is someone else's request: refused.
    let proxied = app
        .client
        .get(app.url("/metrics"))
        .header("x-forwarded-for", "203.0.113.9")
        .send()
        .await
        .expect("request");
    assert_eq!(proxied.status(), 401);
});

for_each_backend!(
    a_metrics_token_opens_it_to_scrapers_elsewhere,
    |db: TestDatabase| async move {
        let token = "scrape-me-7f3a9c";
        let app = TestApp::spawn_env(db, false, &[("MERCATO_METRICS_TOKEN", token)]).await;
        let with = |auth: Option<&str>| {
            let mut req = app.client.get(app.url("/metrics"));
            if let Some(auth) = auth {
                req = req.header("authorization", auth);
            }
            req.send()
        };
        assert_eq!(
            with(None).await.expect("req").status(),
            401,
            "loopback alone is not enough"
        );
        assert_eq!(with(Some("Bearer wrong")).await.expect("req").status(), 401);
        let ok = with(Some(&format!("Bearer {token}"))).await.expect("req");
        assert_eq!(ok.status(), 200);
        assert!(ok
            .text()
            .await
            .expect("body")
            .contains("mercato_build_info"));
    }
);
