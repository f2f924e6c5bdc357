//! The `mercato` binary as an operator runs it: `admin create` bootstraps
//! the first admin on an empty database (migrating it), refuses a second
//! one with the same email, and the admin signs in to the shop the same
//! binary serves. A package's own tests are the only ones cargo hands its
//! built binary, so this test lives here and the rest in server-tests.
// A test binary: a failed unwrap is a failed test.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::process::{Command, Stdio};
use std::time::Duration;

use testkit::{for_each_backend, free_port, Spawned, TestDatabase};

const SECRET_KEY: &str = "dGVzdC1rZXktdGhhdC1pcy0zMi1ieXRlcy1sb25nISE=";

fn mercato(db: &TestDatabase) -> Command {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_mercato"));
    cmd.env("MERCATO_DATABASE_URL", &db.url)
        .env("MERCATO_DATA_DIR", db.dir.path())
        .env(
            "MERCATO_LEPTOS_TOML",
            concat!(env!("CARGO_MANIFEST_DIR"), "/../Leptos.toml"),
        )
        .env("MERCATO_SECRET_KEY", SECRET_KEY)
        .env("MERCATO_LOG", "error")
        .stdin(Stdio::null());
    cmd
}

fn session_cookie(res: &reqwest::Response) -> String {
    res.headers()
        .get_all(reqwest::header::SET_COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .find(|v| v.starts_with("mercato_session="))
        .and_then(|v| v.split(';').next())
        .expect("a session cookie")
        .to_owned()
}

for_each_backend!(cli_bootstraps_an_admin, |db: TestDatabase| async move {
    let create = |email: &str| {
        mercato(&db)
            .args(["admin", "create", "--email", email, "--name", "Ops"])
            .output()
            .expect("run mercato")
    };
    let out = create("Boss@Example.com");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let stdout = String::from_utf8_lossy(&out.stdout);
    let password = stdout
        .lines()
        .find_map(|l| {
            l.split_once("store it now): ")
                .map(|(_, p)| p.trim().to_owned())
        })
        .unwrap_or_else(|| panic!("a generated password is printed once: {stdout}"));
    let again = create("boss@example.com");
    assert!(
        !again.status.success(),
        "a second admin with the same email is refused"
    );
    assert!(String::from_utf8_lossy(&again.stderr).contains("already exists"));

    let site = db.dir.path().join("site");
    std::fs::create_dir_all(site.join("pkg")).expect("site dir");
    let port = free_port();
    let base = format!("http://127.0.0.1:{port}");
    let _server = Spawned(
        mercato(&db)
            .arg("serve")
            .env("LEPTOS_SITE_ADDR", format!("127.0.0.1:{port}"))
            .env("LEPTOS_SITE_ROOT", &site)
            .env("LEPTOS_HASH_FILES", "false")
            .env("MERCATO_PUBLIC_URL", &base)
            .env("MERCATO_SEED_DEMO", "never")
            .stdout(Stdio::null())
            .spawn()
            .expect("start mercato serve"),
    );
    let client = reqwest::Client::new();
    let mut ready = false;
    for _ in 0..300 {
        if let Ok(res) = client.get(format!("{base}/readyz")).send().await {
            if res.status().is_success() {
                ready = true;
                break;
            }
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    assert!(ready, "mercato serve answers /readyz");

    let post = |path: &str, cookie: Option<&str>| {
        let req = client
            .post(format!("{base}{path}"))
            .header("origin", &base)
            .header("sec-fetch-site", "same-origin");
        match cookie {
            Some(c) => req.header(reqwest::header::COOKIE, c),
            None => req,
        }
    };
    let login = post("/api/auth/login", None)
        .form(&[
            ("email", "boss@example.com"),
            ("password", password.as_str()),
        ])
        .send()
        .await
        .expect("sign in");
    assert_eq!(login.status(), 200);
    let cookie = session_cookie(&login);
    let me: serde_json::Value = serde_json::from_str(
        &post("/api/me", Some(&cookie))
            .send()
            .await
            .expect("me")
            .text()
            .await
            .expect("body"),
    )
    .expect("json");
    assert_eq!(me["role"], "admin");
    assert_eq!(me["email_verified"], true);
    let customers = post("/api/staff/customers", Some(&cookie))
        .form(&[("page", "1")])
        .send()
        .await
        .expect("customers");
    assert_eq!(customers.status(), 200);
});
