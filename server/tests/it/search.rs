//! Search over real HTTP on the demo shop, on SQLite and PostgreSQL: the
//! results page and its URL state, suggestions, analytics of searches and
//! clicks, the index following a catalog change within seconds, and an
//! unreachable Meilisearch degrading politely.

use crate::support::eventually;
use crate::support::{count, JsonBody, TestApp};
use domain::accounts::{Actor, Role};
use domain::catalog::{Catalog, ProductStatus};
use domain::entities::analytics_event;
use model::search::{Autocomplete, FacetKey, SearchPage, SearchSort};
use sea_orm::{ColumnTrait, EntityTrait, PaginatorTrait, QueryFilter};
use testkit::for_each_backend;
use testkit::TestDatabase;

/// What the browser does when it shows page 1 of a text search.
async fn shown(app: &TestApp, q: &str, results: u64) {
    let res = app
        .client
        .post(app.url("/api/analytics/search"))
        .header("origin", format!("http://{}", app.addr))
        .header("sec-fetch-site", "same-origin")
        .form(&[("q", q), ("results", results.to_string().as_str())])
        .send()
        .await
        .expect("report");
    assert_eq!(res.status(), 200);
}

for_each_backend!(
    search_page_suggestions_and_analytics,
    |db: TestDatabase| async move {
        let app = TestApp::spawn_env(db, true, &[("MERCATO_OUTBOX_POLL_MS", "200")]).await;

        let (status, html) = app.page("/search?q=jakcet").await;
        assert_eq!(status, 200);
        assert!(html.contains("Results for “jakcet”"), "heading");
        assert!(
            count(&html, r#"data-testid="search-hit""#) > 0,
            "typo finds jackets"
        );
        assert!(html.contains("<mark"), "matches are highlighted");
        shown(
            &app,
            "jakcet",
            count(&html, r#"data-testid="search-hit""#) as u64,
        )
        .await;
        assert!(
            html.contains(r#"data-facet="Category""#) && html.contains(r#"data-facet="Brand""#)
        );

        // Two facets in the URL: ticked on the page, and every hit honours them.
        let res = app
            .get("/api/search/results?state[q]=jacket&state[in_stock]=true&state[sort]=price_asc")
            .await;
        assert_eq!(res.status(), 200);
        let all: SearchPage = res.json().await.expect("search page");
        assert_eq!(all.request.sort, SearchSort::PriceAsc);
        assert!(all.request.in_stock);
        let brand = all
            .facets
            .iter()
            .find(|g| g.key == FacetKey::Brand)
            .and_then(|g| g.options.first())
            .map(|o| o.value.clone())
            .expect("a brand");
        let url = format!(
            "/search?q=jacket&brand={}&in_stock=1",
            brand.replace(' ', "+").replace('&', "%26")
        );
        let (status, html) = app.page(&url).await;
        assert_eq!(status, 200);
        assert!(html.contains(r#"checked"#), "selected facets render ticked");
        assert!(html.contains(r#"data-testid="clear-filters""#));
        shown(
            &app,
            "jacket",
            count(&html, r#"data-testid="search-hit""#) as u64,
        )
        .await;
        let filtered: SearchPage = app
            .get(&format!(
                "/api/search/results?state[q]=jacket&state[brands][0]={}&state[in_stock]=true",
                brand.replace(' ', "+").replace('&', "%26")
            ))
            .await
            .json()
            .await
            .expect("search page");
        let hits = filtered.hits;
        assert!(!hits.is_empty());
        assert!(hits
            .iter()
            .all(|h| h.card.brand == brand && h.card.in_stock));

        // No results: a suggestion and popular products.
        let (_, html) = app.page("/search?q=jcakte").await;
        assert!(html.contains(r#"data-testid="no-results""#));
        shown(&app, "jcakte", 0).await;
        assert!(
            html.contains(r#"data-testid="did-you-mean""#),
            "did you mean"
        );

        let res = app.api("/api/search/suggest?q=jakcet").await;
        assert_eq!(res.status(), 200);
        let s: Autocomplete = res.json().await.expect("suggestions");
        assert!(!s.products.is_empty());
        assert!(s.categories.iter().any(|c| c.name.contains("Jackets")));

        // A click on a result.
        let slug = hits[0].card.slug.clone();
        let res = app
            .client
            .post(app.url("/api/search/click"))
            .form(&[("q", "jacket"), ("slug", slug.as_str()), ("position", "1")])
            .send()
            .await
            .expect("click");
        assert_eq!(res.status(), 200);

        // Searches and the click arrive in the analytics table in batches.
        let conn = app.connection().await;
        eventually("analytics events", || {
            let conn = conn.clone();
            async move {
                analytics_event::Entity::find()
                    .filter(analytics_event::Column::Kind.eq("search_click"))
                    .count(&conn)
                    .await
                    .unwrap_or(0)
                    == 1
            }
        })
        .await;
        let admin = Actor::user(1, Role::Admin, Vec::new(), false);
        let report = domain::analytics::search_report(&conn, &admin, 1, 10, "embedded")
            .await
            .expect("report");
        let jakcet = report
            .top
            .iter()
            .find(|q| q.query == "jakcet")
            .expect("jakcet counted");
        assert_eq!(
            jakcet.searches, 1,
            "the page search counts; typing suggestions don't"
        );
        assert!(report.zero_results.iter().any(|q| q.query == "jcakte"));
        assert!(report
            .top
            .iter()
            .any(|q| q.query == "jacket" && q.clicks == 1));
        assert!(!report.zero_results.iter().any(|q| q.query == "jacket"));
    }
);

for_each_backend!(
    archived_product_leaves_search_within_seconds,
    |db: TestDatabase| async move {
        let app = TestApp::spawn_env(db, true, &[("MERCATO_OUTBOX_POLL_MS", "200")]).await;
        let first: SearchPage = app
            .api("/api/search/results?state[q]=jacket")
            .await
            .json()
            .await
            .expect("search page");
        let card = &first.hits.first().expect("a jacket").card;
        let (slug, title) = (card.slug.clone(), card.title.clone());
        let conn = app.connection().await;
        let admin = Actor::user(1, Role::Admin, Vec::new(), false);
        Catalog::new(conn.clone())
            .set_status(&admin, std::slice::from_ref(&slug), ProductStatus::Archived)
            .await
            .expect("archive");
        let query = format!("/api/search/results?state[q]={}", title.replace(' ', "+"));
        let app_ref = &app;
        eventually("the archived product to leave the index", || {
            let (query, slug) = (query.clone(), slug.clone());
            async move {
                let page: Option<SearchPage> = app_ref.api(&query).await.json().await.ok();
                page.is_some_and(|p| !p.hits.iter().any(|h| h.card.slug == slug))
            }
        })
        .await;
    }
);

for_each_backend!(
    unreachable_meilisearch_degrades_the_shop_politely,
    |db: TestDatabase| async move {
        let app = TestApp::spawn_env(
            db,
            false,
            &[("MERCATO_MEILISEARCH_URL", "http://127.0.0.1:9")],
        )
        .await;
        let ready: serde_json::Value = app.get("/readyz").await.json().await.expect("json");
        assert_eq!(ready["status"], "degraded");
        assert_eq!(ready["checks"]["search"], "degraded");
        assert_eq!(ready["checks"]["search_engine"], "meilisearch");
        assert_eq!(ready["checks"]["database"], "ok");

        let (status, html) = app.page("/search?q=jacket").await;
        assert_eq!(status, 503);
        assert!(html.contains(r#"data-testid="search-unavailable""#));
        assert!(html.contains("taking a short break"), "friendly message");
        let res = app.api("/api/search/suggest?q=jac").await;
        assert_eq!(res.status(), 503);

        let (status, _) = app.page("/").await;
        assert_eq!(status, 200, "the rest of the shop works");
    }
);

// Each instance on the embedded engine keeps its own index: whichever
// instance's outbox indexes a new product, the other applies it from the
// change feed (only an index can find a product by its words: the cards
// come from the database, but which products match comes from the index).
// A second instance on the same index folder is refused.
for_each_backend!(
    every_instance_with_its_own_index_follows_a_change,
    |db: TestDatabase| async move {
        let app = TestApp::spawn_env(
            db,
            true,
            &[
                ("MERCATO_OUTBOX_POLL_MS", "200"),
                ("MERCATO_AUTH_RATE_LIMIT", "1000/1"),
            ],
        )
        .await;
        let peer = app.peer().await;
        let mut staff = app
            .staff("index@example.com", &[model::Permission::Catalog])
            .await;
        let editor = staff
            .get_json("/api/staff/catalog/editor?slug=")
            .await
            .json();
        let category = editor["categories"][0]["slug"].clone();
        let warehouse = editor["warehouses"][0].clone();
        let form = serde_json::json!({"form": {
            "original": null, "slug": "", "title": "Quixotic Harbour Scarf", "brand": "Mercato",
            "category": category, "status": "active", "description": "Wool.",
            "seo_title": "", "seo_description": "", "featured": false, "options": [],
            "variants": [{"values": [], "sku": "QUIXOTIC-1", "price": "30.00", "compare_at": "",
                "weight": "", "stock": [{"warehouse": warehouse, "on_hand": "5", "seen": null}]}],
        }});
        let saved = staff
            .post_body(
                "/api/staff/catalog/save",
                "application/json",
                form.to_string().into_bytes(),
            )
            .await;
        assert_eq!(saved.status, 200, "{}", saved.body);
        for instance in [&app, &peer] {
            eventually("the new product in both indexes", || async move {
                let page: Option<SearchPage> = instance
                    .api("/api/search/results?state[q]=quixotic")
                    .await
                    .json()
                    .await
                    .ok();
                page.is_some_and(|p| {
                    p.hits
                        .iter()
                        .any(|h| h.card.title == "Quixotic Harbour Scarf")
                })
            })
            .await;
        }

        let same_folder = crate::support::config_for(&app.db, false);
        let refused = server::startup::Application::build(
            &same_folder,
            Some("127.0.0.1:0".parse().expect("addr")),
        )
        .await
        .err()
        .expect("a second instance on the same index folder is refused");
        let message = refused.to_string();
        assert!(
            message.contains("MERCATO_DATA_DIR") && message.contains("MERCATO_MEILISEARCH_URL"),
            "{message}"
        );
    }
);
