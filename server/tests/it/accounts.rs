//! Accounts over real HTTP, on SQLite and PostgreSQL: registration, sign-in,
//! session fixation, logout, password reset, 2FA, rate limits and GDPR.

use std::time::Duration;

use crate::support::browser::Browser;
use crate::support::{mail, TestApp};
use domain::entities::{address, session, user, user_token};
use model::accounts::{Address, AddressBook};
use sea_orm::sea_query::Expr;
use sea_orm::{ColumnTrait, EntityTrait, PaginatorTrait, QueryFilter};
use testkit::for_each_backend;
use testkit::TestDatabase;

use crate::support::PASSWORD;
/// Plain http (so cookies flow without TLS), quick outbox, no per-IP limit.
pub(crate) const ENV: &[(&str, &str)] = &[
    ("MERCATO_PUBLIC_URL", "http://shop.test"),
    ("MERCATO_OUTBOX_POLL_MS", "100"),
    ("MERCATO_AUTH_RATE_LIMIT", "1000/1"),
];

async fn app(db: TestDatabase) -> TestApp {
    TestApp::spawn_env(db, false, ENV).await
}

fn mail_dir(app: &TestApp) -> std::path::PathBuf {
    app.db.dir.path().join("mail")
}

async fn users_with_email(app: &TestApp, email: &str) -> u64 {
    user::Entity::find()
        .filter(user::Column::Email.eq(email))
        .count(&app.connection().await)
        .await
        .expect("count")
}

/// Registers and confirms `email` (the link signs nobody in), then signs
/// the browser in.
pub(crate) async fn signed_up<'a>(app: &'a TestApp, email: &str) -> Browser<'a> {
    let mut b = Browser::new(app);
    assert_eq!(b.register(email, PASSWORD).await.status, 200);
    let m = mail::wait_for(&mail_dir(app), email, "Confirm your email").await;
    let reply = b
        .post("/api/auth/verify-email", &[("token", &mail::token(&m))])
        .await;
    assert_eq!(reply.status, 200, "{}", reply.body);
    assert_eq!(reply.body, "false", "not signed in by the link");
    assert_eq!(b.whoami().await, None, "the link does not sign in");
    assert_eq!(b.login(email, PASSWORD).await.status, 200);
    assert_eq!(b.whoami().await.as_deref(), Some(email));
    b
}

for_each_backend!(
    registration_validates_and_never_reveals_accounts,
    |db: TestDatabase| async move {
        let app = app(db).await;
        let mut b = Browser::new(&app);

        let bad_email = b.register("not-an-email", PASSWORD).await;
        assert_eq!(bad_email.status, 422);
        assert!(
            bad_email.message().contains("name@example.com"),
            "{}",
            bad_email.body
        );
        let short = b.register("ann@example.com", "short").await;
        assert_eq!(short.status, 422);
        assert!(short.message().contains("at least 12"), "{}", short.body);
        let common = b.register("ann@example.com", "Password1234!").await;
        assert_eq!(common.status, 422);
        assert!(common.message().contains("too common"), "{}", common.body);
        assert_eq!(
            users_with_email(&app, "ann@example.com").await,
            0,
            "nothing stored on bad input"
        );

        let ok = b.register("  Ann@Example.COM ", PASSWORD).await;
        assert_eq!(ok.status, 200, "{}", ok.body);
        assert_eq!(
            users_with_email(&app, "ann@example.com").await,
            1,
            "email stored normalised"
        );
        mail::wait_for(&mail_dir(&app), "ann@example.com", "Confirm your email").await;

        // The same address in another case: same answer, no second account, a mail to the owner.
        let again = b
            .register("ANN@example.com", "another long passphrase here")
            .await;
        assert_eq!(again.status, ok.status);
        assert_eq!(again.body, ok.body);
        assert_eq!(users_with_email(&app, "ann@example.com").await, 1);
        mail::wait_for(
            &mail_dir(&app),
            "ann@example.com",
            "Someone tried to create",
        )
        .await;
        assert!(b.whoami().await.is_none(), "sign-up alone does not sign in");
    }
);

for_each_backend!(
    login_success_failure_and_fixation,
    |db: TestDatabase| async move {
        let app = app(db).await;
        drop(signed_up(&app, "bob@example.com").await);
        let mut b = Browser::new(&app);

        let wrong = b.login("bob@example.com", "wrong password entirely").await;
        assert_eq!(wrong.status, 401);
        let unknown = b.login("nobody@example.com", PASSWORD).await;
        assert_eq!(unknown.status, 401);
        assert_eq!(
            wrong.body, unknown.body,
            "the answer does not reveal which accounts exist"
        );
        assert!(
            wrong.message().contains("email or password is incorrect"),
            "{}",
            wrong.body
        );

        // An attacker plants a session id; signing in must not adopt it.
        let planted = "AAAAAAAAAAAAAAAAAAAAAA".to_owned();
        b.session = Some(planted.clone());
        let ok = b.login("BOB@example.com", PASSWORD).await;
        assert_eq!(ok.status, 200, "{}", ok.body);
        assert_eq!(ok.json()["SignedIn"]["next"], "/account");
        let first = b.session.clone().expect("session cookie");
        assert_ne!(first, planted);
        let cookie = ok
            .headers
            .get_all("set-cookie")
            .iter()
            .map(|v| v.to_str().unwrap_or_default().to_owned())
            .collect::<Vec<_>>()
            .join("\n");
        assert!(
            cookie.contains("HttpOnly") && cookie.contains("SameSite=Lax"),
            "{cookie}"
        );
        assert!(
            !cookie.contains("Secure"),
            "plain http in this test: {cookie}"
        );
        assert_eq!(b.whoami().await.as_deref(), Some("bob@example.com"));

        // Signing in again from a signed-in session also gets a fresh id; the old one is dead.
        let again = b.login("bob@example.com", PASSWORD).await;
        assert_eq!(again.status, 200);
        let second = b.session.clone().expect("session cookie");
        assert_ne!(first, second, "session id cycled at sign-in");
        let mut old = Browser::new(&app);
        old.session = Some(first);
        assert!(
            old.whoami().await.is_none(),
            "the pre-login id no longer works"
        );
    }
);

for_each_backend!(
    logout_ends_the_session_on_the_server,
    |db: TestDatabase| async move {
        let app = app(db).await;
        let mut b = signed_up(&app, "cy@example.com").await;
        let id = b.session.clone().expect("cookie");
        let rows = session::Entity::find()
            .count(&app.connection().await)
            .await
            .expect("count");
        assert_eq!(rows, 1);
        assert_eq!(b.post("/api/auth/logout", &[]).await.status, 200);
        assert!(b.session.is_none(), "cookie removed");
        let rows = session::Entity::find()
            .count(&app.connection().await)
            .await
            .expect("count");
        assert_eq!(rows, 0, "session row deleted");
        // Replaying the old cookie gets nothing.
        let mut replay = Browser::new(&app);
        replay.session = Some(id);
        assert!(replay.whoami().await.is_none());
        let (status, _) = {
            let r = replay.get("/account").await;
            (r.status, r.body)
        };
        assert!(
            status == 302 || status == 303 || status == 307,
            "account page redirects: {status}"
        );
    }
);

for_each_backend!(
    password_reset_is_single_use_expires_and_revokes_sessions,
    |db: TestDatabase| async move {
        let app = app(db).await;
        let mut other_device = signed_up(&app, "di@example.com").await;
        let mut b = Browser::new(&app);

        // Unknown addresses get the same answer and no mail.
        assert_eq!(
            b.post(
                "/api/auth/forgot-password",
                &[("email", "ghost@example.com")]
            )
            .await
            .status,
            200
        );
        assert_eq!(
            b.post("/api/auth/forgot-password", &[("email", "di@example.com")])
                .await
                .status,
            200
        );
        let m = mail::wait_for(&mail_dir(&app), "di@example.com", "Reset your").await;
        let token = mail::token(&m);
        assert!(mail::read_all(&mail_dir(&app))
            .iter()
            .all(|m| !m.to.contains("ghost")));

        // A rejected new password keeps the token usable.
        let weak = b
            .post(
                "/api/auth/reset-password",
                &[("token", &token), ("password", "short")],
            )
            .await;
        assert_eq!(weak.status, 422, "{}", weak.body);
        let new_password = "copper lantern meadow quartz";
        let ok = b
            .post(
                "/api/auth/reset-password",
                &[("token", &token), ("password", new_password)],
            )
            .await;
        assert_eq!(ok.status, 200, "{}", ok.body);
        let reused = b
            .post(
                "/api/auth/reset-password",
                &[("token", &token), ("password", "another fine passphrase")],
            )
            .await;
        assert_eq!(reused.status, 422);
        assert!(reused
            .message()
            .contains("expired or has already been used"));

        assert!(
            other_device.whoami().await.is_none(),
            "every session ends on reset"
        );
        assert_eq!(b.login("di@example.com", PASSWORD).await.status, 401);
        assert_eq!(b.login("di@example.com", new_password).await.status, 200);
        mail::wait_for(&mail_dir(&app), "di@example.com", "password was changed").await;

        // An expired token is refused.
        assert_eq!(
            b.post("/api/auth/forgot-password", &[("email", "di@example.com")])
                .await
                .status,
            200
        );
        tokio::time::sleep(Duration::from_millis(300)).await;
        let latest = mail::read_all(&mail_dir(&app))
            .into_iter()
            .filter(|m| m.subject.contains("Reset your"))
            .map(|m| mail::token(&m))
            .find(|t| *t != token)
            .expect("second reset mail");
        let conn = app.connection().await;
        user_token::Entity::update_many()
            .col_expr(
                user_token::Column::ExpiresAt,
                Expr::value(time::OffsetDateTime::now_utc() - time::Duration::minutes(61)),
            )
            .filter(user_token::Column::TokenHash.eq(domain::accounts::tokens::digest(&latest)))
            .exec(&conn)
            .await
            .expect("age the token");
        let expired = b
            .post(
                "/api/auth/reset-password",
                &[("token", &latest), ("password", "yet another long phrase")],
            )
            .await;
        assert_eq!(expired.status, 422);
    }
);

fn code_at(secret: &str, offset_secs: i64) -> String {
    let now = time::OffsetDateTime::now_utc().unix_timestamp() + offset_secs;
    domain::accounts::totp(secret, "x", "Test")
        .expect("totp")
        .generate(now as u64)
        .to_string()
}

for_each_backend!(
    two_factor_enrol_login_and_recovery,
    |db: TestDatabase| async move {
        let app = app(db).await;
        let mut b = signed_up(&app, "eve@example.com").await;
        let wrong = b
            .post(
                "/api/account/two-factor/begin",
                &[("current_password", "not it")],
            )
            .await;
        assert_eq!(wrong.status, 422, "turning 2FA on needs the password");
        let enrol = b
            .post(
                "/api/account/two-factor/begin",
                &[("current_password", PASSWORD)],
            )
            .await;
        assert_eq!(enrol.status, 200, "{}", enrol.body);
        let secret = enrol.json()["secret"].as_str().expect("secret").to_owned();
        assert!(enrol.json()["qr_svg"]
            .as_str()
            .expect("svg")
            .contains("<svg"));

        let wrong = b
            .post("/api/account/two-factor/confirm", &[("code", "000000")])
            .await;
        assert_eq!(wrong.status, 422);
        let before = b.session.clone();
        // Kept: the replay below must be this very code, whichever step
        // the clock has reached by then.
        let spent = code_at(&secret, 0);
        let confirmed = b
            .post("/api/account/two-factor/confirm", &[("code", &spent)])
            .await;
        assert_eq!(confirmed.status, 200, "{}", confirmed.body);
        let codes: Vec<String> = serde_json::from_str(&confirmed.body).expect("codes");
        assert_eq!(codes.len(), 10);
        assert_ne!(b.session, before, "session id cycled on privilege change");

        // Sign in: password, then the code of the next step (this step's code was spent).
        b.post("/api/auth/logout", &[]).await;
        let step1 = b.login("eve@example.com", PASSWORD).await;
        assert_eq!(step1.json(), serde_json::json!("NeedsCode"));
        assert!(b.whoami().await.is_none(), "not signed in before the code");
        let replay = b.post("/api/auth/second-factor", &[("code", &spent)]).await;
        assert_eq!(replay.status, 422, "a spent time step is refused");
        let ok = b
            .post(
                "/api/auth/second-factor",
                &[("code", &code_at(&secret, 30))],
            )
            .await;
        assert_eq!(ok.status, 200, "{}", ok.body);
        assert_eq!(b.whoami().await.as_deref(), Some("eve@example.com"));

        // A recovery code works once.
        b.post("/api/auth/logout", &[]).await;
        b.login("eve@example.com", PASSWORD).await;
        let rc = b
            .post(
                "/api/auth/second-factor",
                &[("code", &codes[0].to_uppercase())],
            )
            .await;
        assert_eq!(rc.status, 200, "{}", rc.body);
        b.post("/api/auth/logout", &[]).await;
        b.login("eve@example.com", PASSWORD).await;
        assert_eq!(
            b.post("/api/auth/second-factor", &[("code", &codes[0])])
                .await
                .status,
            422
        );
        assert_eq!(
            b.post("/api/auth/second-factor", &[("code", &codes[1])])
                .await
                .status,
            200
        );
        let security = b.post("/api/account/security", &[]).await.json();
        assert_eq!(security["recovery_codes_left"], 8);
    }
);

for_each_backend!(
    rate_limit_trips_and_recovers,
    |db: TestDatabase| async move {
        let app = TestApp::spawn_env(
            db,
            false,
            &[
                ("MERCATO_PUBLIC_URL", "http://shop.test"),
                // One new attempt every 3 s after a burst of 3: the three
                // password checks (slow in debug builds, on a busy machine)
                // must not earn back a token before the fourth try.
                ("MERCATO_AUTH_RATE_LIMIT", "3/9"),
            ],
        )
        .await;
        let mut b = Browser::new(&app);
        for _ in 0..3 {
            assert_eq!(
                b.login("x@example.com", "wrong password here").await.status,
                401
            );
        }
        let limited = b.login("x@example.com", "wrong password here").await;
        assert_eq!(limited.status, 429);
        assert!(limited.headers.contains_key("retry-after"));
        assert!(limited.message().contains("Too many attempts"));
        // Pages and other calls are not limited.
        assert_eq!(b.post("/api/me", &[]).await.status, 200);
        tokio::time::sleep(Duration::from_millis(3100)).await;
        assert_eq!(
            b.login("x@example.com", "wrong password here").await.status,
            401,
            "recovered"
        );
    }
);

for_each_backend!(
    account_lockout_trips_and_recovers,
    |db: TestDatabase| async move {
        let env = [
            ("MERCATO_PUBLIC_URL", "http://shop.test"),
            ("MERCATO_OUTBOX_POLL_MS", "100"),
            ("MERCATO_AUTH_RATE_LIMIT", "1000/1"),
            ("MERCATO_LOCKOUT_AFTER", "3"),
            ("MERCATO_LOCKOUT_SECONDS", "2"),
        ];
        let app = TestApp::spawn_env(db, false, &env).await;
        drop(signed_up(&app, "fay@example.com").await);
        let mut b = Browser::new(&app);
        for _ in 0..3 {
            assert_eq!(
                b.login("fay@example.com", "not the password at all")
                    .await
                    .status,
                401
            );
        }
        let locked = b.login("fay@example.com", PASSWORD).await;
        assert_eq!(
            locked.status, 429,
            "even the right password waits: {}",
            locked.body
        );
        // An unknown address locks the same way, so a lockout reveals nothing.
        for _ in 0..3 {
            b.login("nobody@example.com", "not the password at all")
                .await;
        }
        assert_eq!(
            b.login("nobody@example.com", "not the password at all")
                .await
                .status,
            429
        );
        tokio::time::sleep(Duration::from_millis(2100)).await;
        assert_eq!(
            b.login("fay@example.com", PASSWORD).await.status,
            200,
            "recovered"
        );
    }
);

for_each_backend!(gdpr_export_and_erasure, |db: TestDatabase| async move {
    let app = app(db).await;
    let mut b = signed_up(&app, "gus@example.com").await;
    let saved = b
        .post(
            "/api/account/addresses/save",
            &[
                ("id", ""),
                ("full_name", "Gus Grey"),
                ("company", ""),
                ("line1", "1 Long Lane"),
                ("line2", ""),
                ("city", "London"),
                ("region", ""),
                ("postal_code", "ec1a1bb"),
                ("country", "GB"),
                ("phone", ""),
            ],
        )
        .await;
    assert_eq!(saved.status, 200, "{}", saved.body);
    assert_eq!(saved.json()["postal_code"], "EC1A 1BB");
    let profile = b
        .post(
            "/api/account/profile/update",
            &[("name", "Gus Grey"), ("phone", "+44 20 7946 0958")],
        )
        .await;
    assert_eq!(profile.status, 200, "{}", profile.body);

    let denied = b
        .post("/account/export", &[("current_password", "wrong")])
        .await;
    assert_eq!(denied.status, 422);
    let export = b
        .post("/account/export", &[("current_password", PASSWORD)])
        .await;
    assert_eq!(export.status, 200);
    assert!(export.headers["content-disposition"]
        .to_str()
        .unwrap_or_default()
        .contains("attachment"));
    let data = export.json();
    assert_eq!(data["account"]["email"], "gus@example.com");
    assert_eq!(data["account"]["phone"], "+44 20 7946 0958");
    assert_eq!(data["addresses"][0]["line1"], "1 Long Lane");
    assert_eq!(data["sessions"].as_array().map(Vec::len), Some(1));

    assert_eq!(
        b.post("/api/account/erase", &[("current_password", "wrong")])
            .await
            .status,
        422
    );
    let erased = b
        .post("/api/account/erase", &[("current_password", PASSWORD)])
        .await;
    assert_eq!(erased.status, 200, "{}", erased.body);
    assert!(b.whoami().await.is_none());
    let conn = app.connection().await;
    assert_eq!(users_with_email(&app, "gus@example.com").await, 0);
    let row = user::Entity::find()
        .one(&conn)
        .await
        .expect("q")
        .expect("row kept for records");
    assert!(row.erased_at.is_some());
    assert_eq!(row.name, "");
    assert_eq!(row.phone, "");
    assert_eq!(row.password_hash, "");
    assert_eq!(
        address::Entity::find().count(&conn).await.expect("count"),
        0
    );
    assert_eq!(
        session::Entity::find().count(&conn).await.expect("count"),
        0
    );
    assert_eq!(b.login("gus@example.com", PASSWORD).await.status, 401);
    mail::wait_for(&mail_dir(&app), "gus@example.com", "has been deleted").await;
    // The address is free again.
    assert_eq!(b.register("gus@example.com", PASSWORD).await.status, 200);
    assert_eq!(users_with_email(&app, "gus@example.com").await, 1);
});

for_each_backend!(
    addresses_validate_by_country_and_stay_private,
    |db: TestDatabase| async move {
        let app = app(db).await;
        let mut ann = signed_up(&app, "hal@example.com").await;
        let form = |postal: &'static str, region: &'static str| {
            vec![
                ("id", ""),
                ("full_name", "Hal"),
                ("company", ""),
                ("line1", "1 Main St"),
                ("line2", ""),
                ("city", "Springfield"),
                ("region", region),
                ("postal_code", postal),
                ("country", "US"),
                ("phone", ""),
            ]
        };
        let bad = ann
            .post("/api/account/addresses/save", &form("ABCDE", "IL"))
            .await;
        assert_eq!(bad.status, 422);
        assert!(
            bad.message().contains("postcode for United States"),
            "{}",
            bad.body
        );
        let no_state = ann
            .post("/api/account/addresses/save", &form("62701", ""))
            .await;
        assert_eq!(no_state.status, 422);
        let ok = ann
            .post("/api/account/addresses/save", &form("62701", "IL"))
            .await;
        assert_eq!(ok.status, 200);
        let saved: Address = ok.view();
        assert!(saved.is_default_shipping, "first address is the default");
        let id = saved.id;

        let mut other = signed_up(&app, "ivy@example.com").await;
        let steal = other
            .post("/api/account/addresses/delete", &[("id", &id)])
            .await;
        assert_eq!(steal.status, 404, "someone else's address is not found");
        let book: AddressBook = ann.post("/api/account/addresses", &[]).await.view();
        assert_eq!(book.addresses.len(), 1);
    }
);
