//! Session lifetime (absolute limit, expired-session sweeping), forced 2FA
//! for staff. Bootstrapping the first admin from the CLI: server/tests/cli.rs.

use crate::support::browser::Browser;
use crate::support::TestApp;
use domain::entities::session;
use sea_orm::sea_query::Expr;
use sea_orm::{ActiveModelTrait, ColumnTrait, EntityTrait, PaginatorTrait, QueryFilter, Set};
use server::sessions::DbSessionStore;
use testkit::for_each_backend;
use testkit::TestDatabase;
use tower_sessions::session_store::ExpiredDeletion;

use crate::support::PASSWORD;

/// Instances hold signed-in sessions in memory and drop a user's when the
/// change feed names the account. A hand edit of a session row writes no
/// feed row, so the test says the account changed, as a revocation would,
/// and waits (up to a generous bound) until `b` is signed out.
async fn after_account_change(conn: &sea_orm::DatabaseConnection, b: &mut Browser<'_>, what: &str) {
    use sea_orm::ConnectionTrait;
    conn.execute_unprepared("UPDATE users SET name = name")
        .await
        .expect("touch accounts");
    until_signed_out(b, what).await;
}

const ENV: &[(&str, &str)] = &[
    ("MERCATO_PUBLIC_URL", "http://shop.test"),
    ("MERCATO_OUTBOX_POLL_MS", "100"),
    ("MERCATO_AUTH_RATE_LIMIT", "1000/1"),
];

for_each_backend!(
    sign_ins_end_at_the_absolute_limit,
    |db: TestDatabase| async move {
        let app = TestApp::spawn_env(db, false, ENV).await;
        let mut b = Browser::new(&app);
        b.register("lee@example.com", PASSWORD).await;
        assert_eq!(b.login("lee@example.com", PASSWORD).await.status, 200);
        assert!(b.whoami().await.is_some());
        // Pretend the sign-in happened 31 days ago.
        let conn = app.connection().await;
        let row = session::Entity::find()
            .one(&conn)
            .await
            .expect("q")
            .expect("row");
        let mut data: serde_json::Value = serde_json::from_str(&row.data).expect("json");
        data["since"] =
            serde_json::json!(time::OffsetDateTime::now_utc().unix_timestamp() - 31 * 86_400);
        let mut active: session::ActiveModel = row.into();
        active.data = Set(data.to_string());
        active.update(&conn).await.expect("update");
        after_account_change(&conn, &mut b, "signed out after the absolute limit").await;
        assert_eq!(
            session::Entity::find().count(&conn).await.expect("count"),
            0
        );
    }
);

for_each_backend!(expired_sessions_are_swept, |db: TestDatabase| async move {
    let app = TestApp::spawn_env(db, false, ENV).await;
    let mut b = Browser::new(&app);
    b.register("max@example.com", PASSWORD).await;
    b.login("max@example.com", PASSWORD).await;
    let mut other = Browser::new(&app);
    other.login("max@example.com", PASSWORD).await;
    let conn = app.connection().await;
    assert_eq!(
        session::Entity::find().count(&conn).await.expect("count"),
        2
    );
    session::Entity::update_many()
        .col_expr(
            session::Column::ExpiresAt,
            Expr::value(time::OffsetDateTime::now_utc() - time::Duration::minutes(1)),
        )
        .filter(session::Column::Id.eq(domain::accounts::session_key(
            b.session.as_deref().expect("id"),
        )))
        .exec(&conn)
        .await
        .expect("expire one");
    after_account_change(&conn, &mut b, "an expired session is not loaded").await;
    DbSessionStore::new(conn.clone())
        .delete_expired()
        .await
        .expect("sweep");
    assert_eq!(
        session::Entity::find().count(&conn).await.expect("count"),
        1
    );
    assert!(other.whoami().await.is_some(), "live sessions stay");
});

for_each_backend!(
    staff_tools_wait_for_2fa_when_required,
    |db: TestDatabase| async move {
        let mut env = ENV.to_vec();
        env.push(("MERCATO_REQUIRE_STAFF_2FA", "true"));
        let app = TestApp::spawn_env(db, false, &env).await;
        let mut b = Browser::new(&app);
        b.register("ops@example.com", PASSWORD).await;
        app.grant("ops@example.com", model::Role::Admin, &[]).await;
        b.login("ops@example.com", PASSWORD).await;
        let locked = b.post("/api/staff/customers", &[("page", "1")]).await;
        assert_eq!(locked.status, 403);
        assert!(locked.message().contains("two-factor"), "{}", locked.body);

        let secret = b
            .post(
                "/api/account/two-factor/begin",
                &[("current_password", PASSWORD)],
            )
            .await
            .json()["secret"]
            .as_str()
            .expect("secret")
            .to_owned();
        let now = time::OffsetDateTime::now_utc().unix_timestamp() as u64;
        let code = domain::accounts::totp(&secret, "x", "Test")
            .expect("totp")
            .generate(now)
            .to_string();
        assert_eq!(
            b.post("/api/account/two-factor/confirm", &[("code", &code)])
                .await
                .status,
            200
        );
        assert_eq!(
            b.post("/api/staff/customers", &[("page", "1")])
                .await
                .status,
            200
        );
    }
);

/// Waits until `b` is signed out and says how long it took.
async fn until_signed_out(b: &mut Browser<'_>, what: &str) -> std::time::Duration {
    let start = std::time::Instant::now();
    while b.whoami().await.is_some() {
        assert!(
            start.elapsed() < std::time::Duration::from_secs(10),
            "{what}"
        );
        tokio::time::sleep(std::time::Duration::from_millis(20)).await;
    }
    start.elapsed()
}

// Signed-in sessions are held in memory by every instance that served
// them; a revocation on one instance ends them on the others through the
// change feed, and at once on the instance that made it.
for_each_backend!(
    revoked_sessions_end_on_every_instance,
    |db: TestDatabase| async move {
        let app = TestApp::spawn_env(db, false, ENV).await;
        let peer = app.peer().await;
        let mut phone = Browser::new(&app);
        phone.register("kim@example.com", PASSWORD).await;
        assert_eq!(phone.login("kim@example.com", PASSWORD).await.status, 200);
        let mut laptop = Browser::new(&app);
        assert_eq!(laptop.login("kim@example.com", PASSWORD).await.status, 200);
        // The same cookies through the other instance, as a balancer sends them.
        let mut phone_there = Browser::new(&peer);
        phone_there.session = phone.session.clone();
        let mut laptop_there = Browser::new(&peer);
        laptop_there.session = laptop.session.clone();
        for b in [&mut phone_there, &mut laptop_there] {
            assert!(b.whoami().await.is_some());
            assert!(b.whoami().await.is_some(), "held and still signed in");
        }

        // Sign out everywhere else, from the phone, on this instance.
        let revoked = phone.post("/api/account/sessions/revoke-others", &[]).await;
        assert_eq!(revoked.status, 200, "{}", revoked.body);
        assert!(laptop.whoami().await.is_none(), "here: at once");
        let took = until_signed_out(&mut laptop_there, "the laptop stayed signed in there").await;
        eprintln!("revocation reached the other instance after {took:?}");
        assert!(phone_there.whoami().await.is_some(), "the phone stays");

        // Signing out on the other instance ends the phone here too.
        assert!(phone.whoami().await.is_some());
        let out = phone_there.post("/api/auth/logout", &[]).await;
        assert_eq!(out.status, 200, "{}", out.body);
        until_signed_out(&mut phone, "the phone stayed signed in here").await;

        // A disabled account is signed out everywhere.
        let mut again = Browser::new(&app);
        assert_eq!(again.login("kim@example.com", PASSWORD).await.status, 200);
        let mut again_there = Browser::new(&peer);
        again_there.session = again.session.clone();
        assert!(again_there.whoami().await.is_some());
        let conn = app.connection().await;
        domain::entities::user::Entity::update_many()
            .col_expr(
                domain::entities::user::Column::DisabledAt,
                Expr::value(time::OffsetDateTime::now_utc()),
            )
            .filter(domain::entities::user::Column::Email.eq("kim@example.com"))
            .exec(&conn)
            .await
            .expect("disable");
        until_signed_out(&mut again_there, "a disabled account stayed signed in").await;
    }
);
