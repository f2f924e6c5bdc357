//! Hostile input, aimed by the test itself: every GET page route (Leptos's
//! route list), every plain axum route (`server::http::plain_routes`),
//! every REST API operation (its OpenAPI document) and every registered
//! server function is called — anonymously and as an admin
//! — with huge, negative and non-numeric numbers, 10,000-element lists,
//! 100 KB strings, control characters and broken percent-encoding. A route
//! or server function added later is attacked without editing this file.
//! No answer may be a 5xx, and the shop must still answer `/healthz`.
//!
//! Server functions do not publish their arguments, so the test learns
//! them the way an attacker would: it calls with what it knows and reads
//! "missing field `x`" from the 400s, until the call decodes.

use crate::support::browser::Browser;
use crate::support::TestApp;
use testkit::for_each_backend;
use testkit::TestDatabase;

/// Hostile values, raw (the caller percent-encodes them) …
fn hostile() -> Vec<String> {
    vec![
        "99999999999999999999999999999999".into(),
        // Parses as a page number: engines must not reserve room for it.
        "1000000000000".into(),
        "4294967296".into(),
        "9223372036854775807".into(),
        "-9223372036854775808".into(),
        "-1".into(),
        "0".into(),
        "1e308".into(),
        "NaN".into(),
        "A".repeat(100_000),
        "\u{0}\u{1}\u{1b}[31m\r\n\t".into(),
        "\u{202e}𝔘𝔫𝔦𝔠𝔬𝔡𝔢 ﷽".into(),
        "../../../../etc/passwd".into(),
        "<script>alert(1)</script>".into(),
        "' OR 1=1 --".into(),
    ]
}

/// … and broken percent-encoding, sent as is.
const BROKEN: &[&str] = &["%", "%E0%A4%A", "%ZZ", "%00", "%C0%AF"];

/// Query keys the pages and lists read; sent to every GET route.
const QUERY_KEYS: &[&str] = &[
    "page",
    "per_page",
    "sort",
    "q",
    "category",
    "brand",
    "price",
    "option",
    "in_stock",
    "price_min",
    "price_max",
    "next",
    "token",
    "variant",
    "preview",
    "rsort",
    "rstars",
    "rpage",
    "show",
    "days",
    "status",
    "from",
    "to",
    "min_total",
    "max_total",
    "payment",
    "reset",
    "export",
    "done",
    "stock",
    "id",
    "cursor",
];

/// Keys tried inside struct arguments (`state[page]=…`).
const NESTED_KEYS: &[&str] = &[
    "q",
    "page",
    "sort",
    "categories",
    "brands",
    "prices",
    "options",
    "in_stock",
    "status",
    "from",
    "to",
    "min_total",
    "max_total",
    "category",
    "stock",
    "code",
    "slug",
];

fn encode(v: &str) -> String {
    form_urlencoded::byte_serialize(v.as_bytes()).collect()
}

fn query(pairs: &[(String, String)]) -> String {
    pairs
        .iter()
        .map(|(k, v)| format!("{}={v}", encode(k)))
        .collect::<Vec<_>>()
        .join("&")
}

/// Every (already encoded) value a GET route or form field gets.
fn encoded_values() -> Vec<String> {
    let mut out: Vec<String> = hostile().iter().map(|v| encode(v)).collect();
    out.extend(BROKEN.iter().map(|b| (*b).to_owned()));
    out
}

struct Attack {
    failures: Vec<String>,
    requests: usize,
    /// A client that keeps no connection, for retries.
    fresh: reqwest::Client,
}

impl Attack {
    fn check(&mut self, what: &str, status: u16, body: &str) {
        self.requests += 1;
        if status >= 500 {
            self.failures.push(format!(
                "{what}: {status} {}",
                body.chars().take(200).collect::<String>()
            ));
        }
    }

    /// Sends one request as `b` (its cookie), never panicking: a request
    /// that gets no answer is a failure like a 5xx. GET URLs are cut to
    /// 60 KB, about what HTTP clients (and `http::Uri`) accept at all.
    async fn send(
        &mut self,
        b: &Browser<'_>,
        get: bool,
        url: &str,
        body: Option<(&str, Vec<u8>)>,
    ) -> (u16, String) {
        let mut url = url.to_owned();
        if url.len() > 60_000 {
            let mut cut = 60_000;
            while !url.is_char_boundary(cut) {
                cut -= 1;
            }
            url.truncate(cut);
        }
        let client = &b.app.client;
        let req = if get {
            client.get(b.app.url(&url))
        } else {
            client
                .post(b.app.url(&url))
                .header("origin", format!("http://{}", b.app.addr))
                .header("sec-fetch-site", "same-origin")
        };
        let req = req.header("accept", "text/html,application/json").header(
            "cookie",
            format!(
                "{}={}",
                b.cookie_name,
                b.session.clone().unwrap_or_default()
            ),
        );
        let req = match body {
            Some((content_type, bytes)) => req.header("content-type", content_type).body(bytes),
            None => req,
        };
        let what = format!(
            "{} {}",
            if get { "GET" } else { "POST" },
            url.chars().take(150).collect::<String>()
        );
        self.exchange(&what, req).await
    }

    /// Sends `req` and checks the answer; one that never comes is a
    /// failure like a 5xx (status 0).
    async fn exchange(&mut self, what: &str, req: reqwest::RequestBuilder) -> (u16, String) {
        match self.deliver(req).await {
            Ok(res) => {
                let status = res.status().as_u16();
                let text = res.text().await.unwrap_or_default();
                self.check(what, status, &text);
                (status, text)
            }
            Err(why) => {
                self.failures.push(format!("{what}: no answer ({why})"));
                (0, String::new())
            }
        }
    }

    /// Sends `req`; a transport error (not a timeout) is retried once on a
    /// new connection, as browsers do. The server closes a connection after
    /// answering without reading a body it refused, and a client still
    /// writing that body can see the close before the answer. The error
    /// says why and after how long, so a hang is told from a reset.
    async fn deliver(&self, req: reqwest::RequestBuilder) -> Result<reqwest::Response, String> {
        let started = std::time::Instant::now();
        let retry = req.try_clone().and_then(|r| r.build().ok());
        let err = match (req.send().await, retry) {
            (Ok(res), _) => return Ok(res),
            (Err(e), Some(again)) if !e.is_timeout() => match self.fresh.execute(again).await {
                Ok(res) => return Ok(res),
                Err(e) => e,
            },
            (Err(e), _) => e,
        };
        let mut why = format!(
            "after {:?}, timeout: {}: {err}",
            started.elapsed(),
            err.is_timeout()
        );
        let mut source = std::error::Error::source(&err);
        while let Some(inner) = source {
            why.push_str(&format!(": {inner}"));
            source = inner.source();
        }
        Err(why)
    }

    async fn get(&mut self, b: &mut Browser<'_>, url: &str) {
        self.send(b, true, url, None).await;
    }

    /// A GET route with each hostile value in every path parameter and in
    /// every query key, then one 10,000-element list.
    async fn get_route(&mut self, b: &mut Browser<'_>, path: &str) {
        for value in encoded_values() {
            let url = fill(path, &value);
            let pairs: Vec<(String, String)> = QUERY_KEYS
                .iter()
                .map(|k| ((*k).to_owned(), value.clone()))
                .collect();
            self.get(b, &format!("{url}?{}", query(&pairs))).await;
        }
        let list: Vec<(String, String)> = (0..10_000)
            .map(|i| (QUERY_KEYS[i % 8].to_owned(), "x".into()))
            .collect();
        self.get(b, &format!("{}?{}", fill(path, "x"), query(&list)))
            .await;
    }

    /// A server function: learn its fields, then send every hostile value
    /// in all of them, as a form (or query) and as JSON.
    async fn server_fn(&mut self, b: &mut Browser<'_>, path: &str, get: bool) {
        let fields = self.learn_fields(b, path, get).await;
        // Nested keys only with short values: all fields × all keys × 100 KB
        // would pass the 2 MB body limit, which the server answers by closing
        // the connection mid-upload, and the test would learn nothing.
        let nested = |f: &str, v: &str| -> Vec<(String, String)> {
            let mut out = vec![(f.to_owned(), v.to_owned())];
            if v.len() < 1_000 {
                out.extend(
                    NESTED_KEYS
                        .iter()
                        .map(|k| (format!("{f}[{k}]"), v.to_owned())),
                );
            }
            out
        };
        for value in encoded_values() {
            let pairs: Vec<(String, String)> =
                fields.iter().flat_map(|f| nested(f, &value)).collect();
            self.call(b, path, get, &query(&pairs)).await;
        }
        // 10,000 of each field, as repeats and as an indexed list.
        let mut list = Vec::new();
        for f in &fields {
            for i in 0..10_000 / fields.len().max(1) {
                list.push((format!("{f}[{i}]"), "x".to_owned()));
                list.push((f.clone(), "x".to_owned()));
            }
        }
        self.call(b, path, get, &query(&list)).await;
        if !get {
            for json in json_bodies(&fields) {
                self.send(
                    b,
                    false,
                    path,
                    Some(("application/json", json.into_bytes())),
                )
                .await;
            }
        }
    }

    async fn call(&mut self, b: &mut Browser<'_>, path: &str, get: bool, form: &str) -> String {
        if get {
            self.send(b, true, &format!("{path}?{form}"), None).await.1
        } else {
            let body = (
                "application/x-www-form-urlencoded",
                form.as_bytes().to_vec(),
            );
            self.send(b, false, path, Some(body)).await.1
        }
    }

    async fn learn_fields(&mut self, b: &mut Browser<'_>, path: &str, get: bool) -> Vec<String> {
        let mut fields: Vec<String> = Vec::new();
        for _ in 0..24 {
            let pairs: Vec<(String, String)> =
                fields.iter().map(|f| (f.clone(), "1".to_owned())).collect();
            let form = query(&pairs);
            let body = self.call(b, path, get, &form).await;
            let Some(field) = missing_field(&body) else {
                break;
            };
            if fields.contains(&field) {
                break;
            }
            fields.push(field);
        }
        fields
    }
}

/// "…missing field `slug`…" → "slug".
impl Attack {
    /// Every operation of the REST API, found in its OpenAPI document:
    /// hostile values in each path parameter and query key, and hostile
    /// JSON in each field of its body — with a token holding every scope,
    /// or none.
    async fn api_v1(&mut self, b: &Browser<'_>, token: Option<&str>) {
        let doc = serde_json::to_value(server::api_v1::document()).expect("document");
        let paths = doc["paths"].as_object().expect("paths");
        assert!(paths.len() > 5, "the API's operations are listed");
        for (path, item) in paths {
            for (method, op) in item.as_object().expect("operations") {
                let get = method == "get";
                let mut bodies = vec![None];
                if !get {
                    let schema = op["requestBody"]["content"]["application/json"]["schema"]["$ref"]
                        .as_str()
                        .and_then(|r| r.rsplit('/').next())
                        .map(|name| doc["components"]["schemas"][name].clone())
                        .unwrap_or_default();
                    let fields: Vec<String> = schema["properties"]
                        .as_object()
                        .map(|p| p.keys().cloned().collect())
                        .unwrap_or_default();
                    bodies = json_bodies(&fields).into_iter().map(Some).collect();
                }
                for value in encoded_values() {
                    let pairs: Vec<(String, String)> = QUERY_KEYS
                        .iter()
                        .map(|k| ((*k).to_owned(), value.clone()))
                        .collect();
                    let url = format!("{}?{}", fill(path, &value), query(&pairs));
                    for body in &bodies {
                        self.send_v1(b, method, &url, token, body.clone()).await;
                    }
                }
            }
        }
    }

    async fn send_v1(
        &mut self,
        b: &Browser<'_>,
        method: &str,
        url: &str,
        token: Option<&str>,
        body: Option<String>,
    ) {
        let url: String = url.chars().take(20_000).collect();
        let method = reqwest::Method::from_bytes(method.to_uppercase().as_bytes())
            .unwrap_or(reqwest::Method::POST);
        let mut req = b.app.client.request(method.clone(), b.app.url(&url));
        if let Some(token) = token {
            req = req.header("authorization", format!("Bearer {token}"));
        }
        // A fresh key each time, so writes get past the key to their handler.
        if method != reqwest::Method::GET {
            req = req.header("idempotency-key", format!("hostile-{}", self.requests));
        }
        if let Some(body) = body {
            req = req.header("content-type", "application/json").body(body);
        }
        let what = format!("API {method} {}", url.chars().take(150).collect::<String>());
        self.exchange(&what, req).await;
    }
}

/// A token an admin made in the dashboard, holding every scope.
async fn token_with_every_scope(b: &mut Browser<'_>) -> String {
    let scopes: Vec<String> = model::api_tokens::Scope::all()
        .iter()
        .map(ToString::to_string)
        .collect();
    let mut form: Vec<(String, String)> = vec![("name".into(), "Hostile".into())];
    for (i, s) in scopes.iter().enumerate() {
        form.push((format!("scopes[{i}]"), s.clone()));
    }
    let form: Vec<(&str, &str)> = form.iter().map(|(k, v)| (k.as_str(), v.as_str())).collect();
    let reply = b.post("/api/api-tokens/create", &form).await;
    assert_eq!(reply.status, 200, "{}", reply.body);
    reply.view::<model::api_tokens::CreatedApiToken>().secret
}

fn missing_field(body: &str) -> Option<String> {
    let rest = body.split("missing field `").nth(1)?;
    Some(rest.split('`').next()?.to_owned())
}

/// `/product/{slug}` with every parameter set to `value`.
fn fill(path: &str, value: &str) -> String {
    let mut out = String::new();
    let mut rest = path;
    while let Some(start) = rest.find('{') {
        out.push_str(&rest[..start]);
        let end = rest[start..]
            .find('}')
            .map_or(rest.len(), |e| start + e + 1);
        out.push_str(value);
        rest = &rest[end..];
    }
    out.push_str(rest);
    out
}

fn json_bodies(fields: &[String]) -> Vec<String> {
    let mut out = vec![
        "{".to_owned(),
        "[".repeat(10_000),
        serde_json::json!(vec!["x"; 10_000]).to_string(),
    ];
    let values = [
        serde_json::json!(1e308),
        serde_json::json!(-9_223_372_036_854_775_808i64),
        serde_json::json!("A".repeat(100_000)),
        serde_json::json!(vec![0; 10_000]),
        serde_json::json!({ "page": u64::MAX, "q": "\u{0}" }),
        serde_json::Value::Null,
    ];
    for v in values {
        let obj: serde_json::Map<String, serde_json::Value> =
            fields.iter().map(|f| (f.clone(), v.clone())).collect();
        out.push(serde_json::Value::Object(obj).to_string());
    }
    out
}

for_each_backend!(
    nothing_a_stranger_sends_breaks_the_shop,
    |db: TestDatabase| async move {
        let env = [
            ("MERCATO_AUTH_RATE_LIMIT", "1000000/1"),
            ("MERCATO_CHECKOUT_RATE_LIMIT", "1000000/1"),
            ("MERCATO_API_RATE_LIMIT", "1000000/1"),
            ("MERCATO_LOCKOUT_AFTER", "1000000"),
        ];
        let app = TestApp::spawn_env(db, true, &env).await;
        let mut attack = Attack {
            failures: Vec::new(),
            requests: 0,
            fresh: reqwest::Client::builder()
                .redirect(reqwest::redirect::Policy::none())
                .pool_max_idle_per_host(0)
                .timeout(std::time::Duration::from_secs(60))
                .build()
                .expect("client"),
        };
        let pages: Vec<String> = leptos_axum::generate_route_list(app::App)
            .iter()
            .map(|r| r.path().to_owned())
            .collect();
        assert!(pages.len() > 30, "the page routes are listed: {pages:?}");
        let plain = server::http::plain_routes();
        let mut fns: Vec<(String, bool)> = leptos::server_fn::axum::server_fn_paths()
            .map(|(p, m)| (p.to_owned(), m == http::Method::GET))
            .collect();
        fns.sort();
        assert!(fns.len() > 60, "server functions are registered");

        for as_admin in [false, true] {
            let mut b = if as_admin {
                app.admin("hostile-admin@example.com").await
            } else {
                Browser::new(&app)
            };
            // Shop pages look the same to an admin; staff and account pages differ.
            for path in pages
                .iter()
                .filter(|p| !as_admin || p.starts_with("/admin") || p.starts_with("/account"))
            {
                attack.get_route(&mut b, path).await;
            }
            for prefix in server::http::STATIC_PREFIXES {
                attack
                    .get_route(&mut b, &format!("{prefix}/{{file}}"))
                    .await;
            }
            for r in &plain {
                if r.method == http::Method::GET {
                    attack.get_route(&mut b, r.path).await;
                } else {
                    let path = fill(r.path, "x");
                    attack.server_fn(&mut b, &path, false).await;
                    let junk = vec![0xffu8; 100_000];
                    attack
                        .send(&b, false, &path, Some(("application/octet-stream", junk)))
                        .await;
                }
            }
            if as_admin {
                let token = token_with_every_scope(&mut b).await;
                attack.api_v1(&b, Some(&token)).await;
            } else {
                attack.api_v1(&b, None).await;
            }
            for (path, get) in &fns {
                attack.server_fn(&mut b, path, *get).await;
                // Some calls end the session (sign-out, a password change):
                // stay an admin for the rest.
                if as_admin && b.whoami().await.is_none() {
                    b = app.admin("hostile-admin@example.com").await;
                }
            }
        }
        assert!(
            attack.failures.is_empty(),
            "{} of {} hostile requests got a server error:\n{}",
            attack.failures.len(),
            attack.requests,
            attack.failures.join("\n")
        );
        let health = app.get("/healthz").await;
        assert_eq!(health.status(), 200, "the shop still answers");
    }
);
