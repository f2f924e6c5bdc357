//! Abuse and privacy over real HTTP, on SQLite and PostgreSQL: response
//! headers, personal pages never cached, redirects after sign-in, the
//! client address behind proxies, uploads refused before their body is
//! read, secrets at rest (sessions, TOTP), 2FA that needs the password and a
//! confirmed address, password re-entry throttled per account, an address
//! someone else registered, GDPR erasure that leaves no trace, and guests'
//! data requests by mailed link.

use crate::support::browser::Browser;
use crate::support::{mail, TestApp};
use domain::entities::{session, user};
use sea_orm::sea_query::Expr;
use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, Statement};
use testkit::for_each_backend;
use testkit::TestDatabase;

use crate::support::PASSWORD;
const ENV: &[(&str, &str)] = &[
    ("MERCATO_PUBLIC_URL", "http://shop.test"),
    ("MERCATO_OUTBOX_POLL_MS", "100"),
    ("MERCATO_AUTH_RATE_LIMIT", "1000/1"),
];

fn mail_dir(app: &TestApp) -> std::path::PathBuf {
    app.db.dir.path().join("mail")
}

async fn verified_customer<'a>(app: &'a TestApp, email: &str) -> Browser<'a> {
    let mut b = Browser::new(app);
    assert_eq!(b.register(email, PASSWORD).await.status, 200);
    user::Entity::update_many()
        .col_expr(
            user::Column::EmailVerifiedAt,
            Expr::value(time::OffsetDateTime::now_utc()),
        )
        .filter(user::Column::Email.eq(email))
        .exec(&app.connection().await)
        .await
        .expect("verify");
    assert_eq!(b.login(email, PASSWORD).await.status, 200);
    b
}

fn code(secret: &str) -> String {
    let now = time::OffsetDateTime::now_utc().unix_timestamp() as u64;
    domain::accounts::totp(secret, "x", "Test")
        .expect("totp")
        .generate(now)
        .to_string()
}

for_each_backend!(
    headers_guard_every_page_and_personal_answers_are_not_stored,
    |db: TestDatabase| async move {
        // https public URL: Secure `__Host-` cookie and HSTS.
        let app = TestApp::spawn_env(db, true, &[("MERCATO_AUTH_RATE_LIMIT", "1000/1")]).await;
        let home = app.get("/").await;
        let h = home.headers();
        let csp = h["content-security-policy"].to_str().expect("ascii");
        // Anonymous pages come from the shared cache: their own scripts by
        // hash (page_cache.rs checks which).
        assert!(csp.contains("script-src 'self' 'sha256-"), "{csp}");
        assert!(csp.contains("frame-ancestors 'none'"), "{csp}");
        assert_eq!(h["x-content-type-options"], "nosniff");
        assert_eq!(h["referrer-policy"], "strict-origin-when-cross-origin");
        assert_eq!(h["x-frame-options"], "DENY");
        assert_eq!(
            h["strict-transport-security"],
            "max-age=63072000; includeSubDomains"
        );
        assert!(
            h.get("cache-control").is_none(),
            "shop pages may be cached later"
        );
        // Pages rendered for one request carry a nonce of their own.
        let signin = app.get("/signin").await;
        let csp = signin.headers()["content-security-policy"]
            .to_str()
            .expect("ascii")
            .to_owned();
        assert!(csp.contains("script-src 'self' 'nonce-"), "{csp}");
        let nonce = csp
            .split("'nonce-")
            .nth(1)
            .and_then(|s| s.split('\'').next())
            .expect("nonce")
            .to_owned();
        let body = signin.text().await.expect("body");
        assert!(
            body.contains(&format!("nonce=\"{nonce}\"")),
            "scripts carry the nonce"
        );
        let again = app.get("/signin").await;
        assert!(
            !again.headers()["content-security-policy"]
                .to_str()
                .expect("ascii")
                .contains(&nonce),
            "a fresh nonce per response"
        );

        for path in [
            "/account",
            "/cart",
            "/checkout",
            "/admin",
            "/signin",
            "/order-lookup",
        ] {
            let res = app.get(path).await;
            assert_eq!(
                res.headers()["cache-control"],
                "private, no-store",
                "{path}"
            );
        }
        let mut b = Browser::new(&app);
        let reply = b.post("/api/cart/get", &[]).await;
        assert_eq!(reply.headers["cache-control"], "private, no-store");

        // The session cookie: __Host- prefixed, Secure, HttpOnly, Lax.
        assert_eq!(b.register("h@example.com", PASSWORD).await.status, 200);
        let res = app
            .client
            .post(app.url("/api/auth/login"))
            .header("origin", format!("http://{}", app.addr))
            .header("sec-fetch-site", "same-origin")
            .form(&[("email", "h@example.com"), ("password", PASSWORD)])
            .send()
            .await
            .expect("login");
        let cookie = res
            .headers()
            .get_all("set-cookie")
            .iter()
            .filter_map(|v| v.to_str().ok())
            .find(|c| c.contains("mercato_session"))
            .expect("session cookie")
            .to_owned();
        assert!(cookie.starts_with("__Host-mercato_session="), "{cookie}");
        for attribute in ["Secure", "HttpOnly", "SameSite=Lax", "Path=/"] {
            assert!(cookie.contains(attribute), "{cookie}");
        }
        assert!(!cookie.contains("Domain="), "{cookie}");
    }
);

for_each_backend!(
    sign_in_only_redirects_within_the_shop,
    |db: TestDatabase| async move {
        let app = TestApp::spawn_env(db, false, ENV).await;
        let mut b = Browser::new(&app);
        b.register("n@example.com", PASSWORD).await;
        for (next, expected) in [
            ("/account/security", "/account/security"),
            ("/\t/evil.example", "/account"),
            ("//evil.example", "/account"),
            ("/\\evil.example", "/account"),
            ("https://evil.example", "/account"),
            ("/\n/evil.example", "/account"),
        ] {
            let reply = b
                .post(
                    "/api/auth/login",
                    &[
                        ("email", "n@example.com"),
                        ("password", PASSWORD),
                        ("next", next),
                    ],
                )
                .await;
            assert_eq!(reply.status, 200, "{}", reply.body);
            assert_eq!(reply.json()["SignedIn"]["next"], expected, "{next:?}");
        }
        // The page form puts `?next=/%09/evil.example` (a tab) into the same call.
        let page = b.get("/signin?next=/%09/evil.example").await;
        assert_eq!(page.status, 200);
    }
);

for_each_backend!(
    a_client_cannot_choose_its_rate_limit_key,
    |db: TestDatabase| async move {
        // Behind our own proxy on loopback; 3 sign-in attempts per minute.
        let env = [
            ("MERCATO_PUBLIC_URL", "http://shop.test"),
            ("MERCATO_AUTH_RATE_LIMIT", "3/60"),
            ("MERCATO_TRUSTED_PROXIES", "127.0.0.1/32"),
        ];
        let app = TestApp::spawn_env(db, false, &env).await;
        let tries = std::sync::atomic::AtomicUsize::new(0);
        let attempt = |forwarded: String| {
            let app = &app;
            // A new email each time: the per-account lockout is not what is tested.
            let n = tries.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
            async move {
                app.client
                    .post(app.url("/api/auth/login"))
                    .header("origin", format!("http://{}", app.addr))
                    .header("sec-fetch-site", "same-origin")
                    .header("x-forwarded-for", forwarded)
                    .form(&[
                        ("email", format!("x{n}@example.com")),
                        ("password", "wrong password x".to_owned()),
                    ])
                    .send()
                    .await
                    .expect("request")
                    .status()
                    .as_u16()
            }
        };
        // One client (203.0.113.7, as our proxy saw it) invents a new address
        // on the left of the header every time: still one client.
        let mut statuses = Vec::new();
        for i in 0..5 {
            statuses.push(attempt(format!("198.51.100.{i}, 203.0.113.7")).await);
        }
        assert_eq!(
            statuses,
            [401, 401, 401, 429, 429],
            "spoofing does not help"
        );
        // A different client behind the same proxy has its own budget.
        assert_eq!(attempt("203.0.113.8".into()).await, 401);
        // IPv6: one /64 is one client.
        for i in 1..=3 {
            assert_eq!(attempt(format!("2001:db8:1:2::{i}")).await, 401);
        }
        assert_eq!(attempt("2001:db8:1:2:ffff::9".into()).await, 429);
        assert_eq!(attempt("2001:db8:1:3::1".into()).await, 401, "another /64");
    }
);

/// Sends the headers of a 6 MB upload and a few bytes of it, then waits
/// for an answer: only a server that decides before reading the body
/// answers at all.
async fn answer_before_body(app: &TestApp, path: &str, cookie: Option<String>) -> u16 {
    use tokio::io::{AsyncReadExt, AsyncWriteExt};
    let mut tcp = tokio::net::TcpStream::connect(app.addr)
        .await
        .expect("connect");
    let cookie = cookie
        .map(|c| format!("Cookie: {c}\r\n"))
        .unwrap_or_default();
    let head = format!(
        "POST {path} HTTP/1.1\r\nHost: {}\r\nOrigin: http://{}\r\nSec-Fetch-Site: same-origin\r\n\
         Content-Type: text/csv\r\nContent-Length: 6291456\r\n{cookie}\r\nslug,title\n",
        app.addr, app.addr
    );
    tcp.write_all(head.as_bytes()).await.expect("write");
    let mut buf = vec![0u8; 1024];
    let n = tokio::time::timeout(std::time::Duration::from_secs(30), tcp.read(&mut buf))
        .await
        .expect("the server answered without waiting for the body")
        .expect("read");
    let head = String::from_utf8_lossy(&buf[..n]);
    head.split_whitespace()
        .nth(1)
        .and_then(|s| s.parse().ok())
        .expect("a status line")
}

for_each_backend!(
    uploads_are_refused_before_their_body_is_read,
    |db: TestDatabase| async move {
        let app = TestApp::spawn_env(db, false, ENV).await;
        let customer = verified_customer(&app, "c@example.com").await;
        let cookie = format!(
            "{}={}",
            customer.cookie_name,
            customer.session.clone().expect("session")
        );
        for path in ["/admin/products/import", "/admin/products/nothing/images"] {
            assert_eq!(answer_before_body(&app, path, None).await, 401, "{path}");
            assert_eq!(
                answer_before_body(&app, path, Some(cookie.clone())).await,
                403,
                "{path}"
            );
        }
    }
);

for_each_backend!(
    sessions_and_totp_secrets_are_not_stored_as_they_are_used,
    |db: TestDatabase| async move {
        let app = TestApp::spawn_env(db, false, ENV).await;
        let mut b = verified_customer(&app, "s@example.com").await;
        let conn = app.connection().await;
        let cookie = b.session.clone().expect("session");
        let rows = session::Entity::find().all(&conn).await.expect("sessions");
        assert!(!rows.is_empty());
        assert!(
            rows.iter().all(|r| r.id != cookie),
            "the table holds no cookie"
        );
        assert!(rows
            .iter()
            .any(|r| r.id == domain::accounts::session_key(&cookie)));

        let enrol = b
            .post(
                "/api/account/two-factor/begin",
                &[("current_password", PASSWORD)],
            )
            .await;
        assert_eq!(enrol.status, 200, "{}", enrol.body);
        let secret = enrol.json()["secret"].as_str().expect("secret").to_owned();
        let stored = user::Entity::find()
            .filter(user::Column::Email.eq("s@example.com"))
            .one(&conn)
            .await
            .expect("q")
            .expect("user")
            .totp_secret
            .expect("stored");
        assert!(stored.starts_with("v1:"), "sealed: {stored}");
        assert!(!stored.contains(&secret));
        // The sealed secret still works.
        let confirmed = b
            .post(
                "/api/account/two-factor/confirm",
                &[("code", &code(&secret))],
            )
            .await;
        assert_eq!(confirmed.status, 200, "{}", confirmed.body);
        mail::wait_for(
            &mail_dir(&app),
            "s@example.com",
            "Two-factor authentication changed",
        )
        .await;
    }
);

for_each_backend!(
    re_entering_a_password_is_throttled_per_account,
    |db: TestDatabase| async move {
        let env = [
            ("MERCATO_PUBLIC_URL", "http://shop.test"),
            ("MERCATO_AUTH_RATE_LIMIT", "1000/1"),
            ("MERCATO_LOCKOUT_AFTER", "3"),
        ];
        let app = TestApp::spawn_env(db, false, &env).await;
        let mut b = verified_customer(&app, "t@example.com").await;
        for _ in 0..3 {
            let wrong = b
                .post(
                    "/api/account/erase",
                    &[("current_password", "not the password")],
                )
                .await;
            assert_eq!(wrong.status, 422);
        }
        // Locked now, for the right password too, on every re-entry action.
        for (path, form) in [
            ("/api/account/erase", vec![("current_password", PASSWORD)]),
            (
                "/api/account/password",
                vec![
                    ("current_password", PASSWORD),
                    ("password", "a brand new passphrase"),
                ],
            ),
            (
                "/api/account/two-factor/begin",
                vec![("current_password", PASSWORD)],
            ),
        ] {
            let locked = b.post(path, &form).await;
            assert_eq!(locked.status, 429, "{path}: {}", locked.body);
        }
        assert_eq!(
            b.whoami().await.as_deref(),
            Some("t@example.com"),
            "not erased"
        );
    }
);

for_each_backend!(
    someone_who_registers_your_address_cannot_lock_you_out,
    |db: TestDatabase| async move {
        let app = TestApp::spawn_env(db, false, ENV).await;
        // A squatter registers the owner's address and signs in (unverified).
        let mut squatter = Browser::new(&app);
        squatter.register("owner@example.com", PASSWORD).await;
        assert_eq!(
            squatter.login("owner@example.com", PASSWORD).await.status,
            200
        );
        let refused = squatter
            .post(
                "/api/account/two-factor/begin",
                &[("current_password", PASSWORD)],
            )
            .await;
        assert_eq!(
            refused.status, 409,
            "no 2FA before the address is confirmed"
        );
        assert!(
            refused.message().contains("Confirm your email"),
            "{}",
            refused.body
        );
        // Say the squatter got 2FA on anyway (set up before this rule).
        user::Entity::update_many()
            .col_expr(user::Column::TotpSecret, Expr::value("JBSWY3DPEHPK3PXP"))
            .col_expr(
                user::Column::TotpEnabledAt,
                Expr::value(time::OffsetDateTime::now_utc()),
            )
            .filter(user::Column::Email.eq("owner@example.com"))
            .exec(&app.connection().await)
            .await
            .expect("2fa");

        // The owner resets the password from their mailbox without ever
        // confirming the account: the squatter's second factor goes with it.
        let mut owner = Browser::new(&app);
        owner
            .post(
                "/api/auth/forgot-password",
                &[("email", "owner@example.com")],
            )
            .await;
        let reset = mail::wait_for(&mail_dir(&app), "owner@example.com", "Reset your").await;
        let new_password = "copper lantern meadow quartz";
        let done = owner
            .post(
                "/api/auth/reset-password",
                &[("token", &mail::token(&reset)), ("password", new_password)],
            )
            .await;
        assert_eq!(done.status, 200, "{}", done.body);
        let signed_in = owner.login("owner@example.com", new_password).await;
        assert!(
            signed_in.body.contains("SignedIn"),
            "no second factor: {}",
            signed_in.body
        );
        assert_eq!(
            squatter.whoami().await,
            None,
            "the squatter's session ended"
        );
    }
);

for_each_backend!(
    a_verification_link_confirms_and_signs_nobody_in,
    |db: TestDatabase| async move {
        let app = TestApp::spawn_env(db, false, ENV).await;
        let mut squatter = Browser::new(&app);
        squatter.register("mine@example.com", PASSWORD).await;
        assert_eq!(
            squatter.login("mine@example.com", PASSWORD).await.status,
            200
        );
        let m = mail::wait_for(&mail_dir(&app), "mine@example.com", "Confirm your email").await;
        let mut clicker = Browser::new(&app);
        let verify = clicker
            .post("/api/auth/verify-email", &[("token", &mail::token(&m))])
            .await;
        assert_eq!(verify.status, 200, "{}", verify.body);
        assert_eq!(clicker.whoami().await, None, "the clicker is not signed in");
        assert_eq!(
            squatter.whoami().await,
            None,
            "confirming ends the sessions opened before it"
        );
    }
);

/// Every text column of every table, as (table, column).
async fn text_columns(conn: &sea_orm::DatabaseConnection) -> Vec<(String, String)> {
    let backend = conn.get_database_backend();
    let rows = match backend {
        sea_orm::DatabaseBackend::Postgres => conn
            .query_all_raw(Statement::from_string(
                backend,
                "SELECT table_name, column_name FROM information_schema.columns
                 WHERE table_schema = 'public'
                   AND data_type IN ('text', 'character varying', 'character', 'json', 'jsonb')",
            ))
            .await
            .expect("columns"),
        _ => conn
            .query_all_raw(Statement::from_string(
                backend,
                "SELECT m.name AS table_name, p.name AS column_name
                 FROM sqlite_master m JOIN pragma_table_info(m.name) p
                 WHERE m.type = 'table' AND m.name NOT LIKE 'sqlite_%'
                   AND (p.type LIKE '%CHAR%' OR p.type LIKE '%TEXT%' OR p.type LIKE '%CLOB%'
                        OR p.type LIKE '%JSON%' OR p.type = '')",
            ))
            .await
            .expect("columns"),
    };
    rows.iter()
        .map(|r| {
            (
                r.try_get::<String>("", "table_name").expect("table"),
                r.try_get::<String>("", "column_name").expect("column"),
            )
        })
        .collect()
}

/// Where `needle` still appears: "table.column" for each hit.
async fn traces(conn: &sea_orm::DatabaseConnection, needle: &str) -> Vec<String> {
    let backend = conn.get_database_backend();
    let mut hits = Vec::new();
    for (table, column) in text_columns(conn).await {
        let sql = format!(
            "SELECT COUNT(*) AS n FROM \"{table}\" WHERE CAST(\"{column}\" AS TEXT) LIKE $1"
        );
        let sql = if backend == sea_orm::DatabaseBackend::Sqlite {
            sql.replace("$1", "?")
        } else {
            sql
        };
        let row = conn
            .query_one_raw(Statement::from_sql_and_values(
                backend,
                &sql,
                [format!("%{needle}%").into()],
            ))
            .await
            .expect("scan")
            .expect("a count");
        let n: i64 = row.try_get("", "n").expect("n");
        if n > 0 {
            hits.push(format!("{table}.{column}"));
        }
    }
    hits
}

for_each_backend!(
    erasure_leaves_no_name_email_or_street_anywhere,
    |db: TestDatabase| async move {
        let env = [
            ("MERCATO_PUBLIC_URL", "http://shop.test"),
            ("MERCATO_OUTBOX_POLL_MS", "100"),
            ("MERCATO_AUTH_RATE_LIMIT", "1000/1"),
        ];
        let app = TestApp::spawn_env(db, true, &env).await;
        let email = "zelda.quartermain@example.com";
        let mut b = verified_customer(&app, email).await;
        b.post(
            "/api/account/profile/update",
            &[("name", "Zelda Quartermain"), ("phone", "+1 555 0199")],
        )
        .await;
        let mut address = crate::support::shop::ADDRESS.to_vec();
        address[0] = ("full_name", "Zelda Quartermain");
        address[1] = ("line1", "77 Larkspur Crescent");
        address.push(("email", email));
        assert_eq!(
            b.post(
                "/api/cart/add",
                &[("sku", crate::support::shop::SKU), ("quantity", "1")]
            )
            .await
            .status,
            200
        );
        let placed = b.post("/api/checkout/place", &address).await;
        assert_eq!(placed.status, 200, "{}", placed.body);
        let number = placed.json()["number"].as_str().expect("number").to_owned();
        // A guest order under the same address, from another browser.
        let (guest_number, _) =
            crate::support::shop::order(&mut Browser::new(&app), email, true).await;
        mail::wait_for(&mail_dir(&app), email, "is confirmed").await;
        let conn = app.connection().await;
        assert!(
            !traces(&conn, "Larkspur").await.is_empty(),
            "the scan finds data"
        );

        let erased = b
            .post("/api/account/erase", &[("current_password", PASSWORD)])
            .await;
        assert_eq!(erased.status, 200, "{}", erased.body);
        // The goodbye mail goes out, and its outbox row is then reduced.
        let bye = mail::wait_for(&mail_dir(&app), email, "has been deleted").await;
        assert!(
            bye.text.contains("tax"),
            "the mail says what is kept and why"
        );
        for _ in 0..100 {
            if traces(&conn, "zelda").await.is_empty() {
                break;
            }
            tokio::time::sleep(std::time::Duration::from_millis(100)).await;
        }
        for needle in ["zelda", "Zelda", "Quartermain", "Larkspur", "555 0199"] {
            let left = traces(&conn, needle).await;
            assert!(left.is_empty(), "{needle} is still in {left:?}");
        }
        // Orders keep what tax law needs; the guest lookup finds nothing.
        let kept = domain::entities::order::Entity::find()
            .filter(
                domain::entities::order::Column::Number
                    .is_in([number.as_str(), guest_number.as_str()]),
            )
            .all(&conn)
            .await
            .expect("orders");
        assert_eq!(kept.len(), 2);
        for o in &kept {
            assert!(o.total_minor > 0);
            assert!(
                o.shipping_address.contains("\"country\":\"US\""),
                "{}",
                o.shipping_address
            );
        }
        let mut stranger = Browser::new(&app);
        let lookup = stranger
            .post(
                "/api/orders/lookup",
                &[("email", email), ("number", &guest_number)],
            )
            .await;
        let unknown = stranger
            .post(
                "/api/orders/lookup",
                &[("email", email), ("number", "MC-ZZZZZZ")],
            )
            .await;
        assert_eq!(
            (lookup.status, lookup.body),
            (unknown.status, unknown.body),
            "the same answer as for an order that never was"
        );
    }
);

for_each_backend!(
    guests_get_or_erase_their_order_data_by_mailed_link,
    |db: TestDatabase| async move {
        let app = TestApp::spawn_env(db, true, ENV).await;
        let email = "guest.person@example.com";
        let (number, _) = crate::support::shop::order(&mut Browser::new(&app), email, true).await;
        let mut b = Browser::new(&app);
        // The same answer whether or not there are orders.
        for who in [email, "nobody-here@example.com"] {
            let asked = b
                .post(
                    "/api/privacy/request",
                    &[("email", who), ("kind", "export")],
                )
                .await;
            assert_eq!(asked.status, 200, "{}", asked.body);
        }
        let link = mail::wait_for(&mail_dir(&app), email, "Confirm your data request").await;
        let export = b
            .post("/privacy/confirm", &[("token", &mail::token(&link))])
            .await;
        assert_eq!(export.status, 200, "{}", export.body);
        assert_eq!(export.headers["content-type"], "application/json");
        assert!(export.body.contains(&number) && export.body.contains("Pat Buyer"));
        let again = b
            .post("/privacy/confirm", &[("token", &mail::token(&link))])
            .await;
        assert_eq!(again.status, 303, "a link works once");
        assert!(mail::read_all(&mail_dir(&app))
            .iter()
            .all(|m| !m.to.contains("nobody-here")));

        b.post(
            "/api/privacy/request",
            &[("email", email), ("kind", "erase")],
        )
        .await;
        let erase = loop {
            let all = mail::read_all(&mail_dir(&app));
            let links: Vec<_> = all
                .iter()
                .filter(|m| m.to.contains(email) && m.subject.contains("data request"))
                .collect();
            if links.len() == 2 {
                let newest = links
                    .iter()
                    .find(|m| m.text.contains("erasure"))
                    .map(|m| mail::token(m));
                if let Some(t) = newest {
                    break t;
                }
            }
            tokio::time::sleep(std::time::Duration::from_millis(100)).await;
        };
        let erased = b.post("/privacy/confirm", &[("token", &erase)]).await;
        assert_eq!(erased.status, 303);
        assert_eq!(erased.headers["location"], "/privacy-request?done=erased");
        let conn = app.connection().await;
        for needle in ["guest.person", "Pat Buyer", "1 Main St"] {
            let left = traces(&conn, needle).await;
            assert!(left.is_empty(), "{needle} is still in {left:?}");
        }
    }
);
