//! Mail through a real SMTP server (aiosmtpd, started here), and the outbox
//! keeping mail while SMTP is down: delivered once it is back, exactly once.

use std::process::{Command, Stdio};
use std::time::Duration;

use crate::support::browser::Browser;
use crate::support::{mail, TestApp};
use domain::entities::outbox_message;
use sea_orm::EntityTrait;
use testkit::TestDatabase;
use testkit::{for_each_backend, free_port};

/// `python3 -m aiosmtpd` writing every message into a Maildir; killed on drop.
fn start_smtp(port: u16, maildir: &std::path::Path) -> testkit::Spawned {
    let python = std::env::var("MERCATO_TEST_PYTHON").unwrap_or_else(|_| "/usr/bin/python3".into());
    let child = Command::new(&python)
        .args(["-m", "aiosmtpd", "-n", "-l", &format!("127.0.0.1:{port}"), "-c", "aiosmtpd.handlers.Mailbox"])
        .arg(maildir)
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .unwrap_or_else(|e| {
            panic!("cannot start the test SMTP server ({python} -m aiosmtpd): {e}. Run scripts/test, which installs python3-aiosmtpd.")
        });
    testkit::Spawned(child)
}

async fn outbox(app: &TestApp) -> Vec<outbox_message::Model> {
    outbox_message::Entity::find()
        .all(&app.connection().await)
        .await
        .expect("outbox")
}

for_each_backend!(
    mail_survives_an_smtp_outage_and_is_sent_once,
    |db: TestDatabase| async move {
        let port = free_port();
        let smtp_url = format!("smtp://127.0.0.1:{port}");
        let env = [
            ("MERCATO_PUBLIC_URL", "http://shop.test"),
            ("MERCATO_SMTP_URL", smtp_url.as_str()),
            ("MERCATO_OUTBOX_POLL_MS", "100"),
            ("MERCATO_OUTBOX_RETRY_BASE_MS", "200"),
            ("MERCATO_AUTH_RATE_LIMIT", "1000/1"),
        ];
        let app = TestApp::spawn_env(db, false, &env).await;
        let maildir = app.db.dir.path().join("maildir");

        // SMTP is down: the sign-up still succeeds and the mail waits in the outbox.
        let mut b = Browser::new(&app);
        assert_eq!(
            b.register("kim@example.com", "plum tractor velvet harbour")
                .await
                .status,
            200
        );
        let mut waiting = None;
        for _ in 0..100 {
            let rows = outbox(&app).await;
            if let Some(row) = rows.into_iter().find(|r| r.attempts >= 2) {
                waiting = Some(row);
                break;
            }
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
        let waiting = waiting.expect("the outbox retried while SMTP was down");
        assert_eq!(waiting.status, "pending");
        assert!(waiting.last_error.is_some());

        // SMTP comes back: the retry delivers it.
        let _smtp = start_smtp(port, &maildir);
        let delivered = mail::wait_for(&maildir, "kim@example.com", "Confirm your email").await;
        assert!(
            delivered
                .text
                .contains("http://shop.test/verify-email?token="),
            "{}",
            delivered.text
        );
        assert!(delivered.html.contains("Test Shop"), "branded html");
        assert!(
            delivered.message_id.starts_with("<outbox-"),
            "{}",
            delivered.message_id
        );

        let mut done = false;
        for _ in 0..50 {
            let rows = outbox(&app).await;
            if rows.iter().all(|r| r.status == "done") {
                assert!(
                    rows.iter().all(|r| !r.payload.contains("token=")),
                    "delivered bodies are scrubbed"
                );
                done = true;
                break;
            }
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
        assert!(done, "outbox rows marked done");

        // Later mail goes straight out, and nothing is ever sent twice.
        assert_eq!(
            b.post("/api/auth/forgot-password", &[("email", "kim@example.com")])
                .await
                .status,
            200
        );
        mail::wait_for(&maildir, "kim@example.com", "Reset your").await;
        tokio::time::sleep(Duration::from_millis(1500)).await;
        let all = mail::read_all(&maildir);
        assert_eq!(
            all.iter()
                .filter(|m| m.subject.contains("Confirm your email"))
                .count(),
            1
        );
        assert_eq!(
            all.iter()
                .filter(|m| m.subject.contains("Reset your"))
                .count(),
            1
        );
    }
);
