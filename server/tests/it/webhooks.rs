//! Signed outbound webhooks on SQLite and PostgreSQL, received by a process
//! that verifies them with the `standardwebhooks` package from PyPI (not our
//! code): events sent while the receiver is down arrive once it is up,
//! each exactly once and correctly signed; a tampered body is refused; the
//! delivery log shows every attempt; a delivery can be sent again. And the
//! guard rails: loopback endpoints are refused unless the operator allows
//! private addresses, and an endpoint that keeps failing is turned off with
//! a mail to the admin who made it.
use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use serde_json::{json, Value};
use testkit::TestDatabase;
use testkit::{for_each_backend, free_port};

use crate::api_v1::{bearer, call, get, make_token};
use crate::support::browser::Browser;
use crate::support::shop::order;
use crate::support::{mail, TestApp};

/// The receiver, killed on drop.
fn start_receiver(port: u16, secret: &str, log: &Path) -> testkit::Spawned {
    let python = std::env::var("MERCATO_TEST_API_PYTHON")
        .expect("MERCATO_TEST_API_PYTHON names the API tools' python (scripts/test sets it up)");
    let script = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("it/support/webhook_receiver.py");
    let child = Command::new(&python)
        .arg(script)
        .arg(port.to_string())
        .arg(secret)
        .arg(log)
        .stdout(Stdio::null())
        .stderr(Stdio::inherit())
        .spawn()
        .unwrap_or_else(|e| panic!("cannot start the webhook receiver with {python}: {e}"));
    testkit::Spawned(child)
}

/// What the receiver accepted, in order.
fn received(log: &Path) -> Vec<Value> {
    std::fs::read_to_string(log)
        .unwrap_or_default()
        .lines()
        .map(|l| serde_json::from_str(l).expect("log line"))
        .collect()
}

async fn until<T>(what: &str, mut probe: impl AsyncFnMut() -> Option<T>) -> T {
    let start = Instant::now();
    loop {
        if let Some(found) = probe().await {
            return found;
        }
        assert!(
            start.elapsed() < Duration::from_secs(60),
            "{what}: not within a minute"
        );
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
}

const FAST_OUTBOX: [(&str, &str); 2] = [
    ("MERCATO_OUTBOX_POLL_MS", "100"),
    ("MERCATO_OUTBOX_RETRY_BASE_MS", "300"),
];

for_each_backend!(
    signed_webhooks_arrive_once_after_an_outage,
    |db: TestDatabase| async move {
        let mut env = FAST_OUTBOX.to_vec();
        env.push(("MERCATO_WEBHOOK_ALLOW_PRIVATE", "true"));
        let app = TestApp::spawn_env(db, true, &env).await;
        let mut admin = app.admin("hooks-admin@example.com").await;
        let auth = bearer(&make_token(&mut admin, "Hooks", &["settings:write"], "30").await);
        let auth = [("authorization", auth.as_str())];
        let port = free_port();
        let url = format!("http://127.0.0.1:{port}/hooks");

        let bad = call(
            &app,
            reqwest::Method::POST,
            "/api/v1/admin/webhooks",
            &auth,
            Some(json!({"url": url, "events": ["order.paid", "order.exploded"]})),
        )
        .await;
        assert_eq!(bad.status, 422, "{}", bad.body);
        assert_eq!(bad.json()["errors"][0]["field"], "events");
        let keyed = [auth[0], ("idempotency-key", "hook-1")];
        let body =
            json!({"url": url, "description": "ERP", "events": ["order.placed", "order.paid"]});
        let made = call(
            &app,
            reqwest::Method::POST,
            "/api/v1/admin/webhooks",
            &keyed,
            Some(body.clone()),
        )
        .await;
        assert_eq!(made.status, 201, "{}", made.body);
        // A retry with its key answers the same endpoint and secret; the
        // kept answer holds the secret only sealed.
        let replayed = call(
            &app,
            reqwest::Method::POST,
            "/api/v1/admin/webhooks",
            &keyed,
            Some(body),
        )
        .await;
        assert_eq!(replayed.headers["idempotent-replayed"], "true");
        assert_eq!(replayed.json(), made.json());
        let made = made.json();
        let secret = made["secret"].as_str().expect("secret").to_owned();
        assert!(secret.starts_with("whsec_"));
        let conn = app.connection().await;
        let kept = <domain::entities::api_idempotency::Entity as sea_orm::EntityTrait>::find()
            .all(&conn)
            .await
            .expect("kept answers");
        assert!(!kept.is_empty());
        assert!(
            kept.iter()
                .all(|k| !k.body.as_deref().unwrap_or_default().contains("whsec_")),
            "a kept answer shows the secret"
        );
        let id = made["endpoint"]["id"].as_i64().expect("id");
        let listed = get(&app, "/api/v1/admin/webhooks", &auth).await;
        assert_eq!(listed.status, 200);
        assert!(!listed.body.contains(&secret), "the secret is shown once");

        // The receiver is down while an order is placed and paid: the
        // deliveries wait and are retried.
        let mut shopper = Browser::new(&app);
        let (number, _) = order(&mut shopper, "hooks-buyer@example.com", true).await;
        let log_path = format!("/api/v1/admin/webhooks/{id}/deliveries");
        until("two failed attempts each", async || {
            let log = get(&app, &log_path, &auth).await.json();
            let rows = log["data"].as_array()?.clone();
            (rows.len() == 2 && rows.iter().all(|d| d["attempts"].as_i64() >= Some(2)))
                .then_some(())
        })
        .await;
        let log = get(&app, &log_path, &auth).await.json();
        let first = &log["data"][0];
        assert_eq!(first["status"], "pending");
        assert!(
            first["attempts_log"][0]["error"]
                .as_str()
                .is_some_and(|e| e.contains("connect")),
            "{first}"
        );

        // Up again: each event arrives, verified by the receiver, once.
        let received_log = app.db.dir.path().join("received.jsonl");
        let _receiver = start_receiver(port, &secret, &received_log);
        let got = until("both events received", async || {
            let got = received(&received_log);
            (got.len() >= 2).then_some(got)
        })
        .await;
        // Long enough for any duplicate to have arrived too.
        tokio::time::sleep(Duration::from_secs(2)).await;
        let got_now = received(&received_log);
        assert_eq!(got_now.len(), 2, "each event once: {got_now:?}");
        let mut by_type: HashMap<String, &Value> = HashMap::new();
        for r in &got {
            let payload = &r["payload"];
            assert_eq!(
                payload["id"], r["headers"]["webhook-id"],
                "the body's id is the header's"
            );
            assert_eq!(payload["data"]["order"]["number"], number.as_str());
            by_type.insert(payload["type"].as_str().expect("type").to_owned(), r);
        }
        assert!(by_type.contains_key("order.placed"), "{got:?}");
        let paid = by_type.get("order.paid").expect("order.paid");
        assert_eq!(paid["payload"]["data"]["order"]["status"], "paid");
        assert!(paid["payload"]["data"]["order"]["total"]["amount_minor"].as_i64() > Some(0));

        // A tampered body fails verification at the receiver.
        let original = paid["body"].as_str().expect("body");
        let tampered = original.replace("\"paid\"", "\"refunded\"");
        assert_ne!(tampered, original);
        let client = reqwest::Client::new();
        let mut req = client
            .post(format!("http://127.0.0.1:{port}/hooks"))
            .body(tampered);
        for h in [
            "webhook-id",
            "webhook-timestamp",
            "webhook-signature",
            "content-type",
        ] {
            req = req.header(h, paid["headers"][h].as_str().expect("header"));
        }
        let refused = req.send().await.expect("receiver");
        assert_eq!(refused.status(), 400);

        // The log: delivered, with the failed attempts and the success.
        let log = until("deliveries settled", async || {
            let log = get(&app, &log_path, &auth).await.json();
            log["data"]
                .as_array()?
                .iter()
                .all(|d| d["status"] == "delivered")
                .then_some(log)
        })
        .await;
        let delivery = &log["data"][0];
        assert!(delivery["attempts"].as_i64() >= Some(3), "{delivery}");
        assert_eq!(delivery["attempts_log"][0]["status_code"], 204);
        assert!(delivery["attempts_log"][1]["status_code"].is_null());

        // Redeliver: the same event, again, on request.
        let again = call(
            &app,
            reqwest::Method::POST,
            &format!(
                "/api/v1/admin/webhooks/deliveries/{}/redeliver",
                delivery["id"]
            ),
            &auth,
            None,
        )
        .await;
        assert_eq!(again.status, 202, "{}", again.body);
        let event_id = delivery["event_id"].as_str().expect("event id").to_owned();
        until("the redelivery", async || {
            let ids: Vec<String> = received(&received_log)
                .iter()
                .filter_map(|r| r["headers"]["webhook-id"].as_str().map(str::to_owned))
                .collect();
            (ids.iter().filter(|i| **i == event_id).count() == 2).then_some(())
        })
        .await;

        // Success ended the endpoint's failure streak.
        let endpoint = get(&app, &format!("/api/v1/admin/webhooks/{id}"), &auth).await;
        assert_eq!(endpoint.json()["failure_streak"], 0);
    }
);

for_each_backend!(
    webhooks_stay_off_private_networks,
    |db: TestDatabase| async move {
        // Default settings: loopback, private and link-local are refused.
        let app = TestApp::spawn_env(db, true, &FAST_OUTBOX).await;
        let mut admin = app.admin("guard-admin@example.com").await;
        let auth = bearer(&make_token(&mut admin, "Hooks", &["settings:write"], "30").await);
        let auth = [("authorization", auth.as_str())];
        for url in [
            "http://127.0.0.1:9/hooks",
            "http://localhost:9/hooks",
            "http://[::1]:9/hooks",
            "http://169.254.169.254/latest/meta-data",
            "http://10.0.0.8/hooks",
            "ftp://example.com/hooks",
        ] {
            let refused = call(
                &app,
                reqwest::Method::POST,
                "/api/v1/admin/webhooks",
                &auth,
                Some(json!({"url": url, "events": ["customer.created"]})),
            )
            .await;
            assert_eq!(refused.status, 422, "{url}: {}", refused.body);
            assert_eq!(refused.json()["errors"][0]["field"], "url", "{url}");
        }
        let listed = get(&app, "/api/v1/admin/webhooks", &auth).await.json();
        assert_eq!(listed["data"].as_array().map(Vec::len), Some(0));
        // Reading needs settings:read; orders:write is another area.
        let other = bearer(&make_token(&mut admin, "Orders", &["orders:write"], "30").await);
        let denied = get(&app, "/api/v1/admin/webhooks", &[("authorization", &other)]).await;
        assert_eq!(denied.status, 403);
    }
);

for_each_backend!(
    a_failing_endpoint_is_turned_off_and_its_maker_told,
    |db: TestDatabase| async move {
        // Private addresses allowed by the operator; three failed attempts
        // in a row turn an endpoint off.
        let mut env = FAST_OUTBOX.to_vec();
        env.push(("MERCATO_WEBHOOK_ALLOW_PRIVATE", "true"));
        env.push(("MERCATO_WEBHOOK_DISABLE_AFTER", "3/0.001"));
        let app = TestApp::spawn_env(db, true, &env).await;
        let mut admin = app.admin("guard-admin@example.com").await;
        let auth = bearer(&make_token(&mut admin, "Hooks", &["settings:write"], "30").await);
        let auth = [("authorization", auth.as_str())];
        let dead = format!("http://127.0.0.1:{}/hooks", free_port());
        let made = call(
            &app,
            reqwest::Method::POST,
            "/api/v1/admin/webhooks",
            &auth,
            Some(json!({"url": dead, "events": ["customer.created"]})),
        )
        .await;
        assert_eq!(made.status, 201, "{}", made.body);
        let id = made.json()["endpoint"]["id"].as_i64().expect("id");
        let mut b = Browser::new(&app);
        let registered = b
            .register("hook-kim@example.com", "plum tractor velvet harbour")
            .await;
        assert_eq!(registered.status, 200);
        let path = format!("/api/v1/admin/webhooks/{id}");
        let off = until("the endpoint turned off", async || {
            let e = get(&app, &path, &auth).await.json();
            (e["enabled"] == false).then_some(e)
        })
        .await;
        assert!(
            off["disabled_reason"]
                .as_str()
                .is_some_and(|r| r.contains("failed")),
            "{off}"
        );
        let mail_dir = app.db.dir.path().join("mail");
        let note = mail::wait_for(
            &mail_dir,
            "guard-admin@example.com",
            "webhook endpoint was turned off",
        )
        .await;
        assert!(note.text.contains(&dead), "{}", note.text);

        // Off: nothing is redelivered until it is on again; on, its
        // failure streak starts over.
        let log = until("the delivery settled", async || {
            let log = get(&app, &format!("{path}/deliveries"), &auth).await.json();
            (log["data"][0]["status"] == "failed").then_some(log)
        })
        .await;
        assert_eq!(log["data"][0]["event_type"], "customer.created");
        let delivery = log["data"][0]["id"].as_i64().expect("delivery");
        let refused = call(
            &app,
            reqwest::Method::POST,
            &format!("/api/v1/admin/webhooks/deliveries/{delivery}/redeliver"),
            &auth,
            None,
        )
        .await;
        assert_eq!(refused.status, 409, "{}", refused.body);
        let on = call(
            &app,
            reqwest::Method::PATCH,
            &path,
            &auth,
            Some(json!({"enabled": true})),
        )
        .await;
        assert_eq!(on.status, 200, "{}", on.body);
        assert_eq!(on.json()["enabled"], true);
        assert_eq!(on.json()["failure_streak"], 0);
        let gone = call(&app, reqwest::Method::DELETE, &path, &auth, None).await;
        assert_eq!(gone.status, 204);
        assert_eq!(get(&app, &path, &auth).await.status, 404);
    }
);
