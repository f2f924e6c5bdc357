//! REST API v1 on SQLite and PostgreSQL, over HTTP like any client: the
//! store API reads the catalog (cursor pages, ETags, problem details for
//! bad input); the admin API's authorization matrix (no token, a shopper's
//! or an admin's cookie, a token without the scope, with it, revoked,
//! expired); tokens made and revoked through the admin's own server
//! functions; and the OpenAPI document, which must describe exactly the
//! routes and validate as OpenAPI 3.1; and the API's rate limit, counted
//! per token in the `RateLimit-*` headers.
use domain::entities::{api_token, audit_entry, stock_level, variant, warehouse};
use model::api_tokens::CreatedApiToken;
use sea_orm::sea_query::Expr;
use sea_orm::{ColumnTrait, EntityTrait, QueryFilter, QueryOrder};
use serde_json::Value;
use testkit::for_each_backend;
use testkit::TestDatabase;

use crate::support::browser::Browser;
use crate::support::TestApp;

/// Who calls (their headers), the status a read and a write get, and the
/// problem code of a refusal.
type Case<'a> = (&'a str, Vec<(&'a str, String)>, u16, u16, &'a str);

pub(crate) struct Answer {
    pub(crate) status: u16,
    pub(crate) headers: reqwest::header::HeaderMap,
    pub(crate) body: String,
}

impl Answer {
    pub(crate) fn json(&self) -> Value {
        serde_json::from_str(&self.body).unwrap_or_else(|e| panic!("not JSON ({e}): {}", self.body))
    }

    /// A problem detail's code, after checking it is one.
    pub(crate) fn problem(&self) -> String {
        assert_eq!(
            self.headers
                .get("content-type")
                .and_then(|v| v.to_str().ok()),
            Some("application/problem+json"),
            "{} {}",
            self.status,
            self.body
        );
        let p = self.json();
        assert_eq!(p["status"].as_u64(), Some(u64::from(self.status)), "{p}");
        assert!(p["detail"].as_str().is_some_and(|d| !d.is_empty()), "{p}");
        p["code"].as_str().unwrap_or_default().to_owned()
    }
}

pub(crate) async fn call(
    app: &TestApp,
    method: reqwest::Method,
    path: &str,
    headers: &[(&str, &str)],
    body: Option<Value>,
) -> Answer {
    let mut req = app.client.request(method, app.url(path));
    for (k, v) in headers {
        req = req.header(*k, *v);
    }
    if let Some(body) = body {
        req = req
            .header("content-type", "application/json")
            .body(body.to_string());
    }
    let res = req.send().await.expect("request");
    Answer {
        status: res.status().as_u16(),
        headers: res.headers().clone(),
        body: res.text().await.expect("body"),
    }
}

pub(crate) async fn get(app: &TestApp, path: &str, headers: &[(&str, &str)]) -> Answer {
    call(app, reqwest::Method::GET, path, headers, None).await
}

pub(crate) fn bearer(secret: &str) -> String {
    format!("Bearer {secret}")
}

/// A token made the way an admin makes one: the dashboard's server function.
pub(crate) async fn make_token(
    admin: &mut Browser<'_>,
    name: &str,
    scopes: &[&str],
    days: &str,
) -> String {
    let mut form: Vec<(String, String)> = vec![
        ("name".into(), name.into()),
        ("expires_in_days".into(), days.into()),
    ];
    for (i, s) in scopes.iter().enumerate() {
        form.push((format!("scopes[{i}]"), (*s).to_owned()));
    }
    let form: Vec<(&str, &str)> = form.iter().map(|(k, v)| (k.as_str(), v.as_str())).collect();
    let reply = admin.post("/api/api-tokens/create", &form).await;
    assert_eq!(reply.status, 200, "{}", reply.body);
    let made: CreatedApiToken = reply.view();
    assert!(made.secret.starts_with("mct_"));
    made.secret
}

for_each_backend!(store_api_reads_the_catalog, |db: TestDatabase| async move {
    let app = TestApp::spawn(db).await;

    let tree = get(&app, "/api/v1/categories", &[]).await;
    assert_eq!(tree.status, 200, "{}", tree.body);
    let tree = tree.json();
    assert!(
        tree["data"].as_array().is_some_and(|d| !d.is_empty()),
        "{tree}"
    );

    // Pages follow `next` to the end: every product once.
    let first = get(&app, "/api/v1/products?sort=price_asc", &[]).await;
    assert_eq!(first.status, 200, "{}", first.body);
    let total = first.json()["total"].as_u64().unwrap();
    assert!(total > 24, "the demo shop has more than one page: {total}");
    let mut seen = std::collections::HashSet::new();
    let mut next = Some("/api/v1/products?sort=price_asc".to_owned());
    let mut last_price = 0;
    while let Some(url) = next {
        let page = get(&app, &url, &[]).await;
        assert_eq!(page.status, 200, "{url}: {}", page.body);
        let page = page.json();
        for p in page["data"].as_array().unwrap() {
            assert!(seen.insert(p["slug"].as_str().unwrap().to_owned()), "{p}");
            let price = p["price_min"]["amount_minor"].as_i64().unwrap();
            assert!(price >= last_price, "sorted by price");
            last_price = price;
            assert_eq!(p["price_min"]["currency"], "USD");
        }
        next = page["next"].as_str().map(str::to_owned);
        assert!(seen.len() as u64 <= total, "no endless pages");
    }
    assert_eq!(seen.len() as u64, total);

    // A product, its variants with money in minor units; ETag and 304.
    let slug = seen.iter().next().unwrap().clone();
    let product = get(&app, &format!("/api/v1/products/{slug}"), &[]).await;
    assert_eq!(product.status, 200, "{}", product.body);
    let tag = product.headers["etag"].to_str().unwrap().to_owned();
    let body = product.json();
    assert_eq!(body["slug"], slug.as_str());
    let variants = body["variants"].as_array().unwrap();
    assert!(!variants.is_empty());
    assert!(variants[0]["price"]["amount_minor"].as_i64().unwrap() > 0);
    assert!(variants[0]["available"].as_i64().is_some());
    let again = get(
        &app,
        &format!("/api/v1/products/{slug}"),
        &[("if-none-match", &tag)],
    )
    .await;
    assert_eq!(again.status, 304);
    assert!(again.body.is_empty());

    // Kept by the page cache like a shopper's page, and dropped by the
    // change feed: archived by staff, the product is gone on the next
    // request from its own URL, and from the list once the index has it.
    let cached = get(&app, &format!("/api/v1/products/{slug}"), &[]).await;
    assert_eq!(cached.headers["x-mercato-cache"], "hit");
    let list_before = get(&app, "/api/v1/products?sort=price_asc", &[]).await;
    assert_eq!(list_before.json()["total"].as_u64(), Some(total));
    let mut staff = app.admin("api-catalog-admin@example.com").await;
    let archived = staff
        .post(
            "/api/staff/catalog/status",
            &[("slugs[0]", slug.as_str()), ("status", "archived")],
        )
        .await;
    assert_eq!(archived.status, 200, "{}", archived.body);
    let gone = get(&app, &format!("/api/v1/products/{slug}"), &[]).await;
    assert_eq!(gone.status, 404, "{}", gone.body);
    // The list is the search engine's: it follows once the index has the
    // change (the outbox), and its cached answers go with the index's row.
    let start = std::time::Instant::now();
    loop {
        let list = get(&app, "/api/v1/products?sort=price_asc", &[]).await;
        if list.json()["total"].as_u64() == Some(total - 1) {
            break;
        }
        assert!(
            start.elapsed().as_secs() < 10,
            "the archived product never left the list"
        );
        tokio::time::sleep(std::time::Duration::from_millis(20)).await;
    }

    // Searching and suggestions go through the shop's search engine.
    let found = get(&app, "/api/v1/products?q=merino", &[]).await;
    assert_eq!(found.status, 200, "{}", found.body);
    assert!(found.json()["total"].as_u64().unwrap() > 0);
    let typed = get(&app, "/api/v1/search/suggestions?q=meri", &[]).await;
    assert_eq!(typed.status, 200, "{}", typed.body);
    assert!(!typed.json()["products"].as_array().unwrap().is_empty());

    // Bad input: a problem detail that names the field, never a 5xx.
    let missing = get(&app, "/api/v1/products/no-such-thing", &[]).await;
    assert_eq!(missing.status, 404);
    assert_eq!(missing.problem(), "not_found.product");
    let sideways = get(&app, "/api/v1/products?sort=sideways", &[]).await;
    assert_eq!(sideways.status, 422);
    assert_eq!(sideways.problem(), "validation");
    assert_eq!(sideways.json()["errors"][0]["field"], "sort");
    let forged = get(&app, "/api/v1/products?cursor=cDk5OTk5", &[]).await;
    assert_eq!(forged.status, 422);
    assert_eq!(forged.json()["errors"][0]["field"], "cursor");
    let unreadable = get(&app, "/api/v1/products?in_stock=maybe", &[]).await;
    assert_eq!(unreadable.status, 400);
    assert_eq!(unreadable.problem(), "request.malformed");
    let no_query = get(&app, "/api/v1/search/suggestions", &[]).await;
    assert_eq!(no_query.status, 400);
    assert_eq!(no_query.problem(), "request.malformed");
});

for_each_backend!(
    admin_api_needs_a_token_with_the_scope,
    |db: TestDatabase| async move {
        let app = TestApp::spawn(db).await;
        let conn = app.connection().await;
        let mut admin = app.admin("api-admin@example.com").await;
        let reader = make_token(&mut admin, "Reader", &["catalog:read"], "30").await;
        let writer = make_token(&mut admin, "ERP sync", &["catalog:write"], "").await;
        let orders_only = make_token(&mut admin, "Orders", &["orders:read"], "30").await;
        let revoked = make_token(&mut admin, "Old", &["catalog:write"], "30").await;
        let expired = make_token(&mut admin, "Stale", &["catalog:write"], "30").await;

        // Revoked through the dashboard; expired by the clock (moved back here).
        let listed: Vec<model::api_tokens::ApiTokenView> =
            admin.get_json("/api/api-tokens/list").await.view();
        assert_eq!(listed.len(), 5);
        assert!(listed
            .iter()
            .all(|t| !format!("{t:?}").contains("mct_") || t.prefix.len() == 12));
        let old = listed.iter().find(|t| t.name == "Old").unwrap();
        let done = admin
            .post("/api/api-tokens/revoke", &[("id", &old.id.to_string())])
            .await;
        assert_eq!(done.status, 200, "{}", done.body);
        api_token::Entity::update_many()
            .col_expr(
                api_token::Column::ExpiresAt,
                Expr::value(time::OffsetDateTime::now_utc() - time::Duration::hours(1)),
            )
            .filter(api_token::Column::Name.eq("Stale"))
            .exec(&conn)
            .await
            .unwrap();

        let mut shopper = Browser::new(&app);
        shopper
            .register("api-shopper@example.com", crate::support::PASSWORD)
            .await;
        shopper
            .login("api-shopper@example.com", crate::support::PASSWORD)
            .await;
        assert!(shopper.whoami().await.is_some(), "the shopper is signed in");
        let cookie = |b: &Browser<'_>| format!("{}={}", b.cookie_name, b.session.clone().unwrap());
        let (admin_cookie, shopper_cookie) = (cookie(&admin), cookie(&shopper));

        let (read_path, write_path) = ("/api/v1/admin/products", "/api/v1/admin/stock/adjustments");
        let sku: String = variant::Entity::find()
            .order_by_asc(variant::Column::Id)
            .one(&conn)
            .await
            .unwrap()
            .unwrap()
            .sku;
        let wh = warehouse::Entity::find().one(&conn).await.unwrap().unwrap();
        let adjustment = serde_json::json!({
            "sku": sku, "warehouse": wh.code, "delta": 4, "reason": "received", "note": "PO 77"
        });

        let cases: Vec<Case> = vec![
            ("anonymous", vec![], 401, 401, "auth.token_required"),
            (
                "shopper cookie",
                vec![("cookie", shopper_cookie)],
                401,
                401,
                "auth.token_required",
            ),
            (
                "admin cookie",
                vec![("cookie", admin_cookie)],
                401,
                401,
                "auth.token_required",
            ),
            (
                "not a token",
                vec![("authorization", bearer("mct_nope"))],
                401,
                401,
                "auth.token_invalid",
            ),
            (
                "revoked",
                vec![("authorization", bearer(&revoked))],
                401,
                401,
                "auth.token_invalid",
            ),
            (
                "expired",
                vec![("authorization", bearer(&expired))],
                401,
                401,
                "auth.token_invalid",
            ),
            (
                "other scope",
                vec![("authorization", bearer(&orders_only))],
                403,
                403,
                "auth.scope",
            ),
            (
                "catalog:read",
                vec![("authorization", bearer(&reader))],
                200,
                403,
                "auth.scope",
            ),
            (
                "catalog:write",
                vec![("authorization", bearer(&writer))],
                200,
                204,
                "",
            ),
        ];
        for (who, headers, read_status, write_status, code) in cases {
            let headers: Vec<(&str, &str)> =
                headers.iter().map(|(k, v)| (*k, v.as_str())).collect();
            let read = get(&app, read_path, &headers).await;
            assert_eq!(read.status, read_status, "{who} reads: {}", read.body);
            if read_status == 200 {
                assert!(read.json()["total"].as_u64().unwrap() > 0, "{who}");
            } else {
                assert_eq!(read.problem(), code, "{who}");
            }
            if read_status == 401 {
                assert!(read.headers.contains_key("www-authenticate"), "{who}");
            }
            let write = call(
                &app,
                reqwest::Method::POST,
                write_path,
                &headers,
                Some(adjustment.clone()),
            )
            .await;
            assert_eq!(write.status, write_status, "{who} writes: {}", write.body);
            if write_status != 204 {
                assert_eq!(write.problem(), code, "{who}");
            }
        }

        // The one write that passed moved stock once, audited with the token.
        let v = variant::Entity::find()
            .filter(variant::Column::Sku.eq(sku.as_str()))
            .one(&conn)
            .await
            .unwrap()
            .unwrap();
        let shelf = stock_level::Entity::find()
            .filter(stock_level::Column::VariantId.eq(v.id))
            .filter(stock_level::Column::WarehouseId.eq(wh.id))
            .one(&conn)
            .await
            .unwrap()
            .unwrap();
        let entries = audit_entry::Entity::find()
            .filter(audit_entry::Column::Action.eq("stock.adjust"))
            .all(&conn)
            .await
            .unwrap();
        assert_eq!(entries.len(), 1, "one adjustment went through");
        assert_eq!(entries[0].via.as_deref(), Some("API token \"ERP sync\""));
        assert!(entries[0].after.as_deref().unwrap().contains("\"delta\":4"));
        assert!(shelf.on_hand >= 4);

        // Bad bodies: problem details, nothing written.
        let auth = bearer(&writer);
        let headers = [("authorization", auth.as_str())];
        for (body, status, field) in [
            (
                serde_json::json!({"sku": sku, "warehouse": wh.code, "delta": 1, "reason": "sale"}),
                422,
                "reason",
            ),
            (
                serde_json::json!({"sku": sku, "warehouse": wh.code, "delta": 0, "reason": "received"}),
                422,
                "delta",
            ),
            (
                serde_json::json!({"sku": "NO-SUCH", "warehouse": wh.code, "delta": 1, "reason": "received"}),
                404,
                "",
            ),
            (serde_json::json!({"sku": sku}), 400, ""),
            (serde_json::json!("not an object"), 400, ""),
        ] {
            let res = call(
                &app,
                reqwest::Method::POST,
                write_path,
                &headers,
                Some(body.clone()),
            )
            .await;
            assert_eq!(res.status, status, "{body}: {}", res.body);
            res.problem();
            if !field.is_empty() {
                assert_eq!(res.json()["errors"][0]["field"], field, "{body}");
            }
        }
        let after = audit_entry::Entity::find()
            .filter(audit_entry::Column::Action.eq("stock.adjust"))
            .all(&conn)
            .await
            .unwrap();
        assert_eq!(after.len(), 1, "refused writes left no trace");

        // Retries with an Idempotency-Key adjust once, even eight at a time;
        // the key reused for another request is refused.
        let on_hand = |conn: sea_orm::DatabaseConnection, vid: i32, wid: i32| async move {
            stock_level::Entity::find()
                .filter(stock_level::Column::VariantId.eq(vid))
                .filter(stock_level::Column::WarehouseId.eq(wid))
                .one(&conn)
                .await
                .unwrap()
                .unwrap()
                .on_hand
        };
        let before = on_hand(conn.clone(), v.id, wh.id).await;
        let body =
            serde_json::json!({"sku": sku, "warehouse": wh.code, "delta": 2, "reason": "received"});
        let keyed = [
            ("authorization", auth.as_str()),
            ("idempotency-key", "po-1042"),
        ];
        let statuses = at_once(&app, write_path, &keyed, &body).await;
        assert!(
            statuses.iter().all(|s| *s == 204 || *s == 409),
            "{statuses:?}"
        );
        assert!(statuses.contains(&204), "{statuses:?}");
        let again = call(
            &app,
            reqwest::Method::POST,
            write_path,
            &keyed,
            Some(body.clone()),
        )
        .await;
        assert_eq!(again.status, 204, "{}", again.body);
        assert_eq!(again.headers["idempotent-replayed"], "true");
        assert_eq!(
            on_hand(conn.clone(), v.id, wh.id).await,
            before + 2,
            "adjusted once"
        );
        let other =
            serde_json::json!({"sku": sku, "warehouse": wh.code, "delta": 3, "reason": "received"});
        let reused = call(&app, reqwest::Method::POST, write_path, &keyed, Some(other)).await;
        assert_eq!(reused.status, 422);
        assert_eq!(reused.problem(), "idempotency.mismatch");
        // Another caller's same key is its own.
        let reader_auth = bearer(&reader);
        let theirs = [
            ("authorization", reader_auth.as_str()),
            ("idempotency-key", "po-1042"),
        ];
        let refused = call(&app, reqwest::Method::POST, write_path, &theirs, Some(body)).await;
        assert_eq!(refused.problem(), "auth.scope");
        assert_eq!(on_hand(conn.clone(), v.id, wh.id).await, before + 2);

        // A token is no key to the browser's endpoints: it is simply ignored.
        let members = get(
            &app,
            "/api/staff/members",
            &[("authorization", &auth), ("accept", "application/json")],
        )
        .await;
        assert_eq!(members.status, 401, "{}", members.body);

        // Only admins make tokens: a catalog staff member is refused.
        let mut staff = app
            .staff("api-staff@example.com", &[model::Permission::Catalog])
            .await;
        let refused = staff
            .post(
                "/api/api-tokens/create",
                &[("name", "Mine"), ("scopes[0]", "catalog:read")],
            )
            .await;
        assert_eq!(refused.status, 403, "{}", refused.body);
        let unknown = admin
            .post(
                "/api/api-tokens/create",
                &[("name", "Odd"), ("scopes[0]", "catalog:delete")],
            )
            .await;
        assert_eq!(unknown.status, 422, "{}", unknown.body);
        assert_eq!(unknown.error().issues[0].field, "scopes");
    }
);

/// Eight clients send the same POST at once; their statuses.
async fn at_once(app: &TestApp, path: &str, headers: &[(&str, &str)], body: &Value) -> Vec<u16> {
    let mut tasks = Vec::new();
    for _ in 0..8 {
        let mut req = app.client.post(app.url(path));
        for (k, v) in headers {
            req = req.header(*k, *v);
        }
        let req = req
            .header("content-type", "application/json")
            .body(body.to_string());
        tasks.push(tokio::spawn(async move {
            req.send().await.map(|r| r.status().as_u16()).unwrap_or(0)
        }));
    }
    let mut out = Vec::new();
    for t in tasks {
        out.push(t.await.unwrap());
    }
    out
}

/// Every operation's (method, path) in the served document.
fn operations(doc: &Value) -> Vec<(String, String)> {
    let mut out = Vec::new();
    for (path, item) in doc["paths"].as_object().unwrap() {
        for method in item.as_object().unwrap().keys() {
            out.push((method.to_uppercase(), path.clone()));
        }
    }
    out.sort();
    out
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn openapi_document_describes_exactly_the_routes() {
    let db = TestDatabase::create(testkit::Backend::Sqlite).await;
    let app = TestApp::spawn_with(db, false).await;
    let served = get(&app, "/api/v1/openapi.json", &[]).await;
    assert_eq!(served.status, 200);
    let doc = served.json();
    assert_eq!(
        doc["openapi"].as_str().map(|v| &v[..3]),
        Some("3.1"),
        "OpenAPI 3.1"
    );

    // The document is the one the code generates, and every operation in
    // it is routed (a path the router lacks would be a 404 "no route", a
    // method it lacks a 405).
    assert_eq!(
        doc,
        serde_json::to_value(server::api_v1::document()).unwrap()
    );
    let ops = operations(&doc);
    assert!(ops.len() >= 7, "{ops:?}");
    for (method, path) in &ops {
        let url = path.replace("{slug}", "x");
        let m = reqwest::Method::from_bytes(method.as_bytes()).unwrap();
        let res = call(&app, m, &url, &[], None).await;
        assert_ne!(res.status, 405, "{method} {path} is routed");
        if res.status == 404 {
            assert!(
                res.body.starts_with('{'),
                "{method} {path}: a 404 from a handler, not the router"
            );
        }
    }

    // And the other way: the router is built only from annotated handlers
    // (`routes!`), and every annotated handler is in the document.
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/../src/api_v1");
    let mut annotated = 0;
    for entry in std::fs::read_dir(dir).unwrap() {
        let source = std::fs::read_to_string(entry.unwrap().path()).unwrap();
        annotated += source.matches("#[utoipa::path(").count();
        assert!(
            !source.contains(".route("),
            "v1 routes go through routes!(), so the document has them"
        );
    }
    assert_eq!(
        annotated,
        ops.len(),
        "every annotated handler is in the document"
    );

    // Valid OpenAPI 3.1, by a validator that is not ours.
    let python = std::env::var("MERCATO_TEST_API_PYTHON")
        .expect("MERCATO_TEST_API_PYTHON names the API tools' python (scripts/test sets it up)");
    let file = app.db.dir.path().join("openapi.json");
    std::fs::write(&file, &served.body).unwrap();
    let out = std::process::Command::new(python)
        .args(["-m", "openapi_spec_validator", "--schema", "3.1"])
        .arg(&file)
        .output()
        .expect("run openapi-spec-validator");
    assert!(
        out.status.success(),
        "{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );

    // A change to the API shows up here first: review the snapshot.
    insta::assert_snapshot!("openapi", serde_json::to_string_pretty(&doc).unwrap());

    // The browsable docs and their bundled assets, under a strict policy.
    let page = get(&app, "/api/docs", &[]).await;
    assert_eq!(page.status, 200);
    assert!(page.body.contains("/api/docs/swagger-ui-bundle.js"));
    let policy = page.headers["content-security-policy"].to_str().unwrap();
    assert!(policy.contains("script-src 'self'") && !policy.contains("script-src 'self' 'unsafe"));
    for asset in [
        "/api/docs/swagger-ui-bundle.js",
        "/api/docs/swagger-ui.css",
        "/api/docs/init.js",
    ] {
        let res = get(&app, asset, &[]).await;
        assert_eq!(res.status, 200, "{asset}");
        assert!(res.body.len() > 100, "{asset}");
    }
}

for_each_backend!(
    api_requests_are_rate_limited_per_token,
    |db: TestDatabase| async move {
        let app = TestApp::spawn_env(db, true, &[("MERCATO_API_RATE_LIMIT", "3/60")]).await;
        let mut admin = app.admin("api-limits@example.com").await;
        let first = bearer(&make_token(&mut admin, "First", &["catalog:read"], "30").await);
        let second = bearer(&make_token(&mut admin, "Second", &["catalog:read"], "30").await);

        // Three a minute: the budget counts down in the headers, then 429.
        for left in ["2", "1", "0"] {
            let res = get(&app, "/api/v1/admin/products", &[("authorization", &first)]).await;
            assert_eq!(res.status, 200, "{}", res.body);
            assert_eq!(res.headers["ratelimit-limit"], "3");
            assert_eq!(res.headers["ratelimit-remaining"], left);
            let reset: u64 = res.headers["ratelimit-reset"]
                .to_str()
                .unwrap()
                .parse()
                .unwrap();
            assert!((1..=60).contains(&reset), "{reset}");
        }
        let refused = get(&app, "/api/v1/admin/products", &[("authorization", &first)]).await;
        assert_eq!(refused.status, 429);
        assert_eq!(refused.problem(), "rate_limited");
        assert!(refused.headers.contains_key("retry-after"));
        assert_eq!(refused.headers["ratelimit-remaining"], "0");

        // Another token has its own budget; so do clients without one.
        let other = get(
            &app,
            "/api/v1/admin/products",
            &[("authorization", &second)],
        )
        .await;
        assert_eq!(other.status, 200, "{}", other.body);
        let cart = call(&app, reqwest::Method::POST, "/api/v1/carts", &[], None).await;
        assert_eq!(cart.status, 201, "{}", cart.body);
        assert_eq!(cart.headers["ratelimit-remaining"], "2");

        // Made-up bearers cannot each open a budget of their own: a bearer
        // not yet seen accepted also takes from its address's budget for
        // strangers (the two tokens' first calls took two of its three).
        let made_up = [("authorization", "Bearer mct_made_up_one")];
        assert_eq!(
            get(&app, "/api/v1/admin/products", &made_up).await.status,
            401
        );
        let flood = [("authorization", "Bearer mct_made_up_two")];
        let refused = get(&app, "/api/v1/admin/products", &flood).await;
        assert_eq!(refused.status, 429, "{}", refused.body);
        assert_eq!(refused.problem(), "rate_limited");
        // A token seen accepted keeps its own budget.
        let again = get(
            &app,
            "/api/v1/admin/products",
            &[("authorization", &second)],
        )
        .await;
        assert_eq!(again.status, 200, "{}", again.body);
    }
);
