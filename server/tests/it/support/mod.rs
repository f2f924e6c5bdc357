#![allow(dead_code)]
//! Spawns the real application in-process on a random port with a fresh
//! database (SQLite file or PostgreSQL database) per test.
use std::collections::HashMap;
use std::net::SocketAddr;

use server::config::Config;
use server::startup::Application;
use testkit::TestDatabase;
use tokio::sync::oneshot;

/// Waits for `check` to hold (a background worker's change to show), up
/// to fifteen seconds.
pub async fn eventually<F, Fut>(what: &str, mut check: F)
where
    F: FnMut() -> Fut,
    Fut: std::future::Future<Output = bool>,
{
    for _ in 0..150 {
        if check().await {
            return;
        }
        tokio::time::sleep(std::time::Duration::from_millis(100)).await;
    }
    panic!("timed out waiting for {what}");
}

pub mod browser;
pub mod mail;
pub mod shop;
pub mod staff;

/// Every test account's password: long enough for the policy, not breached.
pub const PASSWORD: &str = "plum tractor velvet harbour";

pub struct TestApp {
    pub addr: SocketAddr,
    pub client: reqwest::Client,
    /// Shared by every instance started on it ([`TestApp::peer`]).
    pub db: std::sync::Arc<TestDatabase>,
    /// The settings it started with; a peer starts with the same, as the
    /// instances of one cluster do (rate-limit budgets are shared).
    overrides: Vec<(String, String)>,
    stop: Option<oneshot::Sender<()>>,
    pub server: Option<tokio::task::JoinHandle<std::io::Result<()>>>,
}

pub fn config_for(db: &TestDatabase, seed: bool) -> Config {
    config_with(db, seed, &[])
}

/// The test configuration with some variables replaced.
pub fn config_with(db: &TestDatabase, seed: bool, overrides: &[(&str, &str)]) -> Config {
    let site_root = db.dir.path().join("site");
    std::fs::create_dir_all(site_root.join("pkg")).expect("site dir");
    std::fs::write(site_root.join("pkg/probe.js"), "console.log('probe')").expect("probe file");
    std::fs::write(site_root.join("robots.txt"), "User-agent: *\n").expect("robots");
    let leptos_toml = concat!(env!("CARGO_MANIFEST_DIR"), "/../../Leptos.toml");
    let mut vars: HashMap<&str, String> = [
        ("MERCATO_DATABASE_URL", db.url.clone()),
        ("MERCATO_DATA_DIR", db.dir.path().display().to_string()),
        ("MERCATO_LEPTOS_TOML", leptos_toml.to_owned()),
        ("MERCATO_PUBLIC_URL", "https://shop.example".to_owned()),
        // A public address: the offline test gateway needs saying so.
        ("MERCATO_ALLOW_OFFLINE_PAYMENTS", "true".to_owned()),
        (
            "MERCATO_SECRET_KEY",
            "dGVzdC1rZXktdGhhdC1pcy0zMi1ieXRlcy1sb25nISE=".to_owned(),
        ),
        ("MERCATO_SHOP_NAME", "Test Shop".to_owned()),
        (
            "MERCATO_SEED_DEMO",
            if seed { "auto" } else { "never" }.to_owned(),
        ),
        ("MERCATO_DB_MAX_CONNECTIONS", "5".to_owned()),
        ("LEPTOS_SITE_ROOT", site_root.display().to_string()),
        // No hash.txt sits next to the test binary.
        ("LEPTOS_HASH_FILES", "false".to_owned()),
    ]
    .into();
    for (k, v) in overrides {
        vars.insert(k, (*v).to_owned());
    }
    Config::from_lookup(|k| vars.get(k).cloned()).expect("test config")
}

impl TestApp {
    pub async fn spawn(db: TestDatabase) -> Self {
        Self::spawn_with(db, true).await
    }

    pub async fn spawn_with(db: TestDatabase, seed: bool) -> Self {
        Self::spawn_env(db, seed, &[]).await
    }

    pub async fn spawn_env(db: TestDatabase, seed: bool, overrides: &[(&str, &str)]) -> Self {
        Self::start(std::sync::Arc::new(db), seed, overrides).await
    }

    /// A second instance on this one's database, as in a cluster: same
    /// settings, its own data folder (and so its own embedded index).
    pub async fn peer(&self) -> Self {
        let dir = self
            .db
            .dir
            .path()
            .join(format!("peer-{}", uuid::Uuid::new_v4()));
        let dir = dir.display().to_string();
        let mut overrides: Vec<(&str, &str)> = self
            .overrides
            .iter()
            .filter(|(k, _)| k != "MERCATO_DATA_DIR")
            .map(|(k, v)| (k.as_str(), v.as_str()))
            .collect();
        overrides.push(("MERCATO_DATA_DIR", &dir));
        Self::start(self.db.clone(), false, &overrides).await
    }

    async fn start(
        db: std::sync::Arc<TestDatabase>,
        seed: bool,
        overrides: &[(&str, &str)],
    ) -> Self {
        let config = config_with(&db, seed, overrides);
        let app = Application::build(&config, Some("127.0.0.1:0".parse().expect("addr")))
            .await
            .expect("app builds");
        let addr = app.local_addr().expect("bound");
        let (tx, rx) = oneshot::channel::<()>();
        let server = tokio::spawn(app.run_until(async move {
            let _ = rx.await;
        }));
        Self {
            addr,
            client: reqwest::Client::builder()
                .redirect(reqwest::redirect::Policy::none())
                // A request the server never answers fails the test (with
                // its URL) instead of hanging the whole run.
                .timeout(std::time::Duration::from_secs(60))
                .build()
                .expect("client"),
            db,
            overrides: overrides
                .iter()
                .map(|(k, v)| ((*k).to_owned(), (*v).to_owned()))
                .collect(),
            stop: Some(tx),
            server: Some(server),
        }
    }

    pub fn url(&self, path: &str) -> String {
        format!("http://{}{path}", self.addr)
    }

    pub async fn get(&self, path: &str) -> reqwest::Response {
        self.client
            .get(self.url(path))
            .send()
            .await
            .unwrap_or_else(|e| panic!("request failed: {e}"))
    }

    /// GET a server function the way the WASM client does (JSON back).
    pub async fn api(&self, path: &str) -> reqwest::Response {
        self.client
            .get(self.url(path))
            .header("accept", "application/json")
            .send()
            .await
            .unwrap_or_else(|e| panic!("request failed: {e}"))
    }

    /// GET and return (status, body).
    pub async fn page(&self, path: &str) -> (u16, String) {
        let res = self.get(path).await;
        let status = res.status().as_u16();
        (status, res.text().await.expect("body"))
    }

    /// Asks the server to stop; it finishes in-flight requests first.
    pub fn shutdown(&mut self) {
        if let Some(tx) = self.stop.take() {
            let _ = tx.send(());
        }
    }

    pub async fn connection(&self) -> sea_orm::DatabaseConnection {
        domain::db::connect(&self.db.url, 2).await.expect("connect")
    }
}

impl Drop for TestApp {
    fn drop(&mut self) {
        self.shutdown();
    }
}

/// A response body as JSON. reqwest's own `json` needs its `json` feature,
/// which the release build does not enable; the tests build with the
/// release build's dependency features so that both share one compile.
pub trait JsonBody {
    fn json<T: serde::de::DeserializeOwned>(
        self,
    ) -> impl std::future::Future<Output = Result<T, String>> + Send;
}

impl JsonBody for reqwest::Response {
    async fn json<T: serde::de::DeserializeOwned>(self) -> Result<T, String> {
        let body = self.bytes().await.map_err(|e| e.to_string())?;
        serde_json::from_slice(&body).map_err(|e| e.to_string())
    }
}

/// Occurrences of `needle` in `haystack`.
pub fn count(haystack: &str, needle: &str) -> usize {
    haystack.matches(needle).count()
}

/// The whole tag (`<…>`) around the first occurrence of `marker`.
pub fn tag_with<'a>(html: &'a str, marker: &str) -> Option<&'a str> {
    let at = html.find(marker)?;
    let start = html[..at].rfind('<')?;
    let end = at + html[at..].find('>')?;
    Some(&html[start..=end])
}

/// The text a reader sees in the element whose opening tag holds `marker`,
/// one line per run of text between tags (comments and markup dropped), for
/// snapshots that read like the page.
pub fn visible_text(html: &str, marker: &str, element: &str) -> String {
    let at = html.find(marker).expect("marker on the page");
    let start = html[..at].rfind('<').expect("opening tag");
    let close = format!("</{element}>");
    let end = at + html[at..].find(&close).expect("closing tag");
    // Hydration markers (`<!>`, `<!--…-->`) sit between text nodes of one
    // element.
    let mut markup = String::new();
    let mut rest = &html[start..end];
    while let Some(open) = rest.find("<!--") {
        markup.push_str(&rest[..open]);
        let tail = &rest[open..];
        rest = &tail[tail.find("-->").map_or(tail.len(), |i| i + 3)..];
    }
    markup.push_str(rest);
    markup
        .replace("<!>", "")
        .split(['<', '>'])
        .enumerate()
        // Even pieces are text, odd ones the insides of tags.
        .filter(|(i, _)| i % 2 == 0)
        .map(|(_, text)| text.split_whitespace().collect::<Vec<_>>().join(" "))
        .filter(|text| !text.is_empty())
        .collect::<Vec<_>>()
        .join("\n")
}
