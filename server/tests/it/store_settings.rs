//! The store profile over HTTP, on SQLite and PostgreSQL: staff with the
//! settings permission rename the store, change the mail sender and the
//! currency; pages and the next mail show it at once; bad input is a 422
//! that changes nothing.

use crate::support::browser::Browser;
use crate::support::{mail, TestApp};
use model::Permission;
use testkit::for_each_backend;
use testkit::TestDatabase;

use crate::support::PASSWORD;
use model::settings::SettingsView;

fn store_form(name: &str, address: &str, currency: &str) -> Vec<u8> {
    serde_json::json!({ "form": {
        "name": name,
        "currency": currency,
        "mail_from_name": name,
        "mail_from_address": address,
        "order_prefix": "hg",
    }})
    .to_string()
    .into_bytes()
}

for_each_backend!(staff_rename_the_store, |db: TestDatabase| async move {
    let app = TestApp::spawn_env(db, false, &[("MERCATO_AUTH_RATE_LIMIT", "1000/1")]).await;
    let _conn = app.connection().await;
    let mut staff = app
        .staff("owner@example.com", &[Permission::Settings])
        .await;

    let before = staff.get_json("/api/staff/settings/get").await;
    assert_eq!(before.status, 200, "{}", before.body);
    let old_name = before.view::<SettingsView>().store.name;

    let bad = staff
        .post_body(
            "/api/staff/settings/store",
            "application/json",
            store_form("Harbour Goods", "not-an-address", "USD"),
        )
        .await;
    assert_eq!(bad.status, 422, "{}", bad.body);
    assert!(bad.message().contains("sender address"), "{}", bad.body);
    let (_, home) = app.page("/").await;
    assert!(home.contains(&format!("<title>{old_name}")), "unchanged");

    let saved = staff
        .post_body(
            "/api/staff/settings/store",
            "application/json",
            store_form("Harbour Goods", "hello@harbour.example", "EUR"),
        )
        .await;
    assert_eq!(saved.status, 200, "{}", saved.body);
    let store = staff
        .get_json("/api/staff/settings/get")
        .await
        .view::<SettingsView>()
        .store;
    assert_eq!(store.name, "Harbour Goods");
    assert_eq!(store.currency, "EUR");
    assert_eq!(store.order_prefix, "HG");

    // Pages name the store at once; no restart.
    let (_, home) = app.page("/").await;
    assert!(home.contains("<title>Harbour Goods"), "title");
    assert!(!home.contains(&old_name), "old name gone");

    // So does the next mail, from the new sender.
    let mut shopper = Browser::new(&app);
    shopper.register("new@example.com", PASSWORD).await;
    let m = mail::wait_for(
        &app.db.dir.path().join("mail"),
        "new@example.com",
        "Confirm your email for Harbour Goods",
    )
    .await;
    assert!(m.from.contains("hello@harbour.example"), "{}", m.from);
    assert!(m.from.contains("Harbour Goods"), "{}", m.from);
});
