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
        assert!(
            b.whoami().await.is_none(),
            "signed out after the absolute limit"
        );
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
    assert!(
        b.whoami().await.is_none(),
        "an expired session is not loaded"
    );
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
