//! The admin API's authorization matrix over every operation, found in the
//! OpenAPI document (an operation added later is checked without editing
//! this file): no token, a shopper's or an admin's cookie, a revoked or
//! expired token get 401; a token for another area, or a read token on a
//! write, gets 403 — before anything is read from the path or body. Each
//! operation's own test covers a token with the scope.
use domain::entities::api_token;
use sea_orm::sea_query::Expr;
use sea_orm::{ColumnTrait, EntityTrait, QueryFilter};
use testkit::for_each_backend;
use testkit::TestDatabase;

use crate::api_v1::{bearer, call, make_token};
use crate::support::browser::Browser;
use crate::support::TestApp;

/// (method, path, the scope its document names) of every admin operation.
fn admin_operations() -> Vec<(reqwest::Method, String, String)> {
    let doc = serde_json::to_value(server::api_v1::document()).expect("document");
    let mut out = Vec::new();
    for (path, item) in doc["paths"].as_object().expect("paths") {
        if !path.starts_with("/api/v1/admin/") {
            continue;
        }
        for (method, op) in item.as_object().expect("operations") {
            let scope = op["security"][0]["token"][0]
                .as_str()
                .unwrap_or_else(|| panic!("{method} {path} names no token scope"))
                .to_owned();
            let method =
                reqwest::Method::from_bytes(method.to_uppercase().as_bytes()).expect("method");
            // Every parameter filled: the refusal comes before it is read.
            let path = path
                .split('/')
                .map(|seg| if seg.starts_with('{') { "1" } else { seg })
                .collect::<Vec<_>>()
                .join("/");
            out.push((method, path, scope));
        }
    }
    assert!(out.len() >= 10, "the admin operations are listed: {out:?}");
    out
}

for_each_backend!(
    every_admin_operation_needs_its_scope,
    |db: TestDatabase| async move {
        let app = TestApp::spawn(db).await;
        let conn = app.connection().await;
        let mut admin = app.admin("matrix-admin@example.com").await;
        let areas: Vec<&str> = model::Permission::ALL.iter().map(|p| p.as_str()).collect();
        let mut read_tokens = std::collections::HashMap::new();
        let mut other_tokens = std::collections::HashMap::new();
        for area in areas.iter().copied() {
            let read = make_token(
                &mut admin,
                &format!("{area} reader"),
                &[&format!("{area}:read")],
                "30",
            )
            .await;
            read_tokens.insert(area, bearer(&read));
            // Write on every area but this one.
            let others: Vec<String> = areas
                .iter()
                .filter(|a| **a != area)
                .map(|a| format!("{a}:write"))
                .collect();
            let others: Vec<&str> = others.iter().map(String::as_str).collect();
            let other = make_token(&mut admin, &format!("not {area}"), &others, "30").await;
            other_tokens.insert(area, bearer(&other));
        }
        let all: Vec<String> = areas.iter().map(|a| format!("{a}:write")).collect();
        let all: Vec<&str> = all.iter().map(String::as_str).collect();
        let revoked = make_token(&mut admin, "Revoked", &all, "30").await;
        let expired = make_token(&mut admin, "Expired", &all, "30").await;
        api_token::Entity::update_many()
            .col_expr(
                api_token::Column::RevokedAt,
                Expr::value(time::OffsetDateTime::now_utc()),
            )
            .filter(api_token::Column::Name.eq("Revoked"))
            .exec(&conn)
            .await
            .expect("revoke");
        api_token::Entity::update_many()
            .col_expr(
                api_token::Column::ExpiresAt,
                Expr::value(time::OffsetDateTime::now_utc() - time::Duration::hours(1)),
            )
            .filter(api_token::Column::Name.eq("Expired"))
            .exec(&conn)
            .await
            .expect("expire");
        let mut shopper = Browser::new(&app);
        shopper
            .register("matrix-shopper@example.com", crate::support::PASSWORD)
            .await;
        shopper
            .login("matrix-shopper@example.com", crate::support::PASSWORD)
            .await;
        let cookie = |b: &Browser<'_>| {
            format!(
                "{}={}",
                b.cookie_name,
                b.session.clone().unwrap_or_default()
            )
        };
        let (admin_cookie, shopper_cookie) = (cookie(&admin), cookie(&shopper));

        let mut checked = 0;
        for (method, path, scope) in admin_operations() {
            let (area, access) = scope.split_once(':').expect("area:access");
            let mut cases: Vec<(&str, (&str, String), u16)> = vec![
                ("anonymous", ("x-nothing", String::new()), 401),
                ("shopper cookie", ("cookie", shopper_cookie.clone()), 401),
                ("admin cookie", ("cookie", admin_cookie.clone()), 401),
                ("revoked", ("authorization", bearer(&revoked)), 401),
                ("expired", ("authorization", bearer(&expired)), 401),
                (
                    "other areas",
                    ("authorization", other_tokens[area].clone()),
                    403,
                ),
            ];
            if access == "write" {
                cases.push((
                    "read only",
                    ("authorization", read_tokens[area].clone()),
                    403,
                ));
            }
            for (who, (name, value), want) in cases {
                let key = format!("matrix-{checked}");
                let mut headers = vec![(name, value.as_str())];
                if method != reqwest::Method::GET {
                    headers.push(("idempotency-key", key.as_str()));
                }
                let body = (method != reqwest::Method::GET && method != reqwest::Method::DELETE)
                    .then(|| serde_json::json!({}));
                let res = call(&app, method.clone(), &path, &headers, body).await;
                assert_eq!(res.status, want, "{who}: {method} {path}: {}", res.body);
                checked += 1;
            }
        }
        assert!(checked > 60, "{checked} cases");
    }
);

/// (method, path) of every operation that acts for a signed-in customer.
fn customer_operations() -> Vec<(reqwest::Method, String)> {
    let doc = serde_json::to_value(server::api_v1::document()).expect("document");
    let mut out = Vec::new();
    for (path, item) in doc["paths"].as_object().expect("paths") {
        for (method, op) in item.as_object().expect("operations") {
            if op["security"][0].get("customer").is_none() {
                continue;
            }
            let method =
                reqwest::Method::from_bytes(method.to_uppercase().as_bytes()).expect("method");
            let path = path
                .split('/')
                .map(|seg| if seg.starts_with('{') { "x" } else { seg })
                .collect::<Vec<_>>()
                .join("/");
            out.push((method, path));
        }
    }
    assert!(
        out.len() >= 7,
        "the customer operations are listed: {out:?}"
    );
    out
}

for_each_backend!(
    every_customer_operation_needs_a_signed_in_customer,
    |db: TestDatabase| async move {
        use crate::api_customer::signed_in;
        let app = TestApp::spawn_with(db, false).await;
        let mut admin = app.admin("cmatrix-admin@example.com").await;
        let all: Vec<String> = model::Permission::ALL
            .iter()
            .map(|p| format!("{}:write", p.as_str()))
            .collect();
        let all: Vec<&str> = all.iter().map(String::as_str).collect();
        let token = bearer(&make_token(&mut admin, "Everything", &all, "30").await);
        let mut people = Vec::new();
        for who in ["out", "expired", "disabled"] {
            let email = format!("cmatrix-{who}@example.com");
            Browser::new(&app)
                .register(&email, crate::support::PASSWORD)
                .await;
            people.push(signed_in(&app, &email).await);
        }
        let (out, expired, disabled) = (&people[0], &people[1], &people[2]);
        let gone = call(
            &app,
            reqwest::Method::DELETE,
            "/api/v1/customer/session",
            &[("authorization", out)],
            None,
        )
        .await;
        assert_eq!(gone.status, 204, "{}", gone.body);
        let id = crate::api_v1::get(&app, "/api/v1/customer", &[("authorization", disabled)])
            .await
            .json()["id"]
            .as_str()
            .expect("id")
            .to_owned();
        let off = admin
            .post(
                "/api/staff/customer-status",
                &[("id", &id), ("disabled", "true")],
            )
            .await;
        assert_eq!(off.status, 200, "{}", off.body);
        // Expired in the store: an instance that did not see it signed in
        // (this one holds it in memory) reads the row.
        let conn = app.connection().await;
        let key = domain::accounts::session_key(expired.trim_start_matches("Bearer mcs_"));
        let aged = domain::entities::session::Entity::update_many()
            .col_expr(
                domain::entities::session::Column::ExpiresAt,
                Expr::value(time::OffsetDateTime::now_utc() - time::Duration::minutes(1)),
            )
            .filter(domain::entities::session::Column::Id.eq(key))
            .exec(&conn)
            .await
            .expect("age the session");
        assert_eq!(aged.rows_affected, 1);
        let peer = app.peer().await;
        let mut browser = Browser::new(&app);
        browser
            .register("cmatrix-cookie@example.com", crate::support::PASSWORD)
            .await;
        let cookie = format!(
            "{}={}",
            browser.cookie_name,
            browser.session.clone().unwrap_or_default()
        );

        let mut checked = 0;
        for (method, path) in customer_operations() {
            let cases: Vec<(&str, &TestApp, (&str, String))> = vec![
                ("anonymous", &app, ("x-nothing", String::new())),
                ("signed-in cookie", &app, ("cookie", cookie.clone())),
                ("admin API token", &app, ("authorization", token.clone())),
                (
                    "made up",
                    &app,
                    ("authorization", bearer("mcs_AAAAAAAAAAAAAAAAAAAAAA")),
                ),
                ("signed out", &app, ("authorization", out.clone())),
                (
                    "disabled account",
                    &app,
                    ("authorization", disabled.clone()),
                ),
                ("expired", &peer, ("authorization", expired.clone())),
            ];
            for (who, at, (name, value)) in cases {
                let body = (method == reqwest::Method::POST || method == reqwest::Method::PUT)
                    .then(|| serde_json::json!({}));
                let res = call(at, method.clone(), &path, &[(name, value.as_str())], body).await;
                assert_eq!(res.status, 401, "{who}: {method} {path}: {}", res.body);
                checked += 1;
            }
        }
        assert!(checked >= 49, "{checked} cases");
    }
);
