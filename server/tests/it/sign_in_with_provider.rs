//! Sign-in with an identity provider, against a real OpenID Connect
//! provider (panva's oidc-provider, `scripts/oidc-provider`, started here
//! on a free port): the shop sends the shopper there, the provider's own
//! login and consent pages are filled in, and its answer comes back to the
//! shop's callback — code exchange with PKCE, ID token checked. On SQLite
//! and PostgreSQL.
use std::io::BufRead;

use model::accounts::{PendingLinkView, SignInMethods};
use testkit::for_each_backend;
use testkit::TestDatabase;

use crate::support::browser::Browser;
use crate::support::{TestApp, PASSWORD};

/// The shop's public address in the tests (`support::config_with`): the
/// provider sends the shopper back there, which is this test's server.
const SHOP: &str = "https://shop.example";

/// The provider, stopped when dropped.
struct Provider {
    child: std::process::Child,
    issuer: String,
    /// Kept open: the provider must not write into a closed pipe.
    _stdout: std::io::BufReader<std::process::ChildStdout>,
}

impl Drop for Provider {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

fn provider() -> Provider {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/../../scripts/oidc-provider");
    assert!(
        std::path::Path::new(dir)
            .join("node_modules/oidc-provider")
            .exists(),
        "the test provider is not installed: scripts/test runs npm install in {dir}"
    );
    let mut child = std::process::Command::new("node")
        .arg("provider.mjs")
        .current_dir(dir)
        .env("OIDC_PORT", "0")
        .env("OIDC_PROVIDER_ID", "acme")
        .env(
            "OIDC_REDIRECT_URIS",
            format!("{SHOP}/auth/oidc/acme/callback"),
        )
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::null())
        .spawn()
        .expect("node runs the test provider");
    let mut issuer = String::new();
    let mut stdout = std::io::BufReader::new(child.stdout.take().expect("stdout"));
    stdout
        .read_line(&mut issuer)
        .expect("the provider says its issuer");
    let issuer = issuer.trim().to_owned();
    assert!(issuer.starts_with("http://127.0.0.1:"), "{issuer:?}");
    Provider {
        child,
        issuer,
        _stdout: stdout,
    }
}

async fn shop_with(db: TestDatabase, p: &Provider) -> TestApp {
    TestApp::spawn_env(
        db,
        true,
        &[
            ("MERCATO_OIDC_PROVIDERS", "acme"),
            ("MERCATO_OIDC_ACME_ISSUER", &p.issuer),
            ("MERCATO_OIDC_ACME_CLIENT_ID", "mercato-test"),
            ("MERCATO_OIDC_ACME_CLIENT_SECRET", "mercato-test-secret"),
            ("MERCATO_OIDC_ACME_NAME", "Acme ID"),
        ],
    )
    .await
}

/// `Location`, resolved against the URL it answered.
fn next_url(from: &str, location: &str) -> String {
    if location.starts_with("http") {
        location.to_owned()
    } else {
        let origin: String = from.splitn(4, '/').take(3).collect::<Vec<_>>().join("/");
        format!("{origin}{location}")
    }
}

/// The provider's pages, as a browser would go through them: from its
/// authorization URL, sign in as `login` and consent; the shop's callback
/// path and query it sends back to.
async fn at_provider(app: &TestApp, start: &str, login: &str) -> String {
    let mut jar: Vec<(String, String)> = Vec::new();
    let mut url = start.to_owned();
    let mut form: Option<Vec<(String, String)>> = None;
    for _ in 0..20 {
        if let Some(back) = url.strip_prefix(SHOP) {
            return back.to_owned();
        }
        let cookies = jar
            .iter()
            .map(|(k, v)| format!("{k}={v}"))
            .collect::<Vec<_>>()
            .join("; ");
        let req = match form.take() {
            Some(fields) => app.client.post(&url).form(&fields),
            None => app.client.get(&url),
        };
        let res = req
            .header("cookie", cookies)
            .send()
            .await
            .expect("provider");
        for set in res.headers().get_all("set-cookie") {
            let set = set.to_str().expect("cookie");
            let (name, rest) = set.split_once('=').expect("name=value");
            let value = rest.split(';').next().unwrap_or_default().to_owned();
            jar.retain(|(k, _)| k != name);
            let gone = set.to_lowercase().contains("expires=thu, 01 jan 1970");
            if !value.is_empty() && !gone {
                jar.push((name.to_owned(), value));
            }
        }
        let status = res.status().as_u16();
        if (300..400).contains(&status) {
            let location = res.headers()["location"].to_str().expect("location");
            url = next_url(&url, location);
            continue;
        }
        let body = res.text().await.expect("page");
        assert_eq!(status, 200, "{url}: {body}");
        let action = body
            .split("action=\"")
            .nth(1)
            .and_then(|rest| rest.split('"').next())
            .unwrap_or_else(|| panic!("a form at {url}: {body}"));
        let action = next_url(&url, action);
        form = Some(if body.contains("name=\"login\"") {
            vec![
                ("prompt".into(), "login".into()),
                ("login".into(), login.into()),
                ("password".into(), "anything".into()),
            ]
        } else {
            vec![("prompt".into(), "consent".into())]
        });
        url = action;
    }
    panic!("the provider never sent the shopper back: {url}");
}

/// Where the shop sent the browser back to, and what it left to say.
struct Back {
    to: String,
    notice: Option<model::AppError>,
}

/// Starts at the shop (`from`, e.g. `/auth/oidc/acme?next=/account`), goes
/// through the provider as `login` and comes back.
async fn sign_in_at_provider(b: &mut Browser<'_>, from: &str, login: &str) -> Back {
    let to = through_provider(b, from, login).await;
    let notice = if to.ends_with("signin=failed") {
        b.post("/api/identity/notice", &[]).await.view()
    } else {
        None
    };
    Back { to, notice }
}

/// The round trip alone: where the shop sent the browser back to.
async fn through_provider(b: &mut Browser<'_>, from: &str, login: &str) -> String {
    let start = b.get(from).await;
    assert_eq!(start.status, 303, "{}", start.body);
    let to = start.headers["location"]
        .to_str()
        .expect("location")
        .to_owned();
    let callback = at_provider(b.app, &to, login).await;
    assert!(
        callback.starts_with("/auth/oidc/acme/callback?"),
        "{callback}"
    );
    let back = b.get(&callback).await;
    assert_eq!(back.status, 303, "{}", back.body);
    back.headers["location"]
        .to_str()
        .expect("location")
        .to_owned()
}

for_each_backend!(
    a_shopper_signs_up_and_in_with_a_provider,
    |db: TestDatabase| async move {
        let p = provider();
        let app = shop_with(db, &p).await;
        let mut b = Browser::new(&app);
        let (_, signin) = app.page("/signin").await;
        assert!(
            signin.contains(r#"href="/auth/oidc/acme?next=""#) && signin.contains("Acme ID"),
            "a button on the sign-in page"
        );

        // New here: an account is opened for the provider's verified email.
        let back =
            sign_in_at_provider(&mut b, "/auth/oidc/acme?next=%2Faccount%2Forders", "ann").await;
        assert_eq!(back.to, "/account/orders", "{:?}", back.notice);
        assert_eq!(b.whoami().await.as_deref(), Some("ann@example.com"));
        let methods: SignInMethods = b.post("/api/account/sign-in-methods", &[]).await.view();
        assert!(!methods.has_password);
        assert_eq!(methods.linked.len(), 1);
        assert_eq!(methods.providers[0].label, "Acme ID");
        // Its only way in can't be unlinked.
        let unlink = b.post("/api/account/unlink", &[("provider", "acme")]).await;
        assert_eq!(unlink.status, 409, "{}", unlink.body);

        // Out and in again: the same account, straight in.
        b.post("/api/auth/logout", &[]).await;
        assert_eq!(b.whoami().await, None);
        let back = sign_in_at_provider(&mut b, "/auth/oidc/acme?lang=de", "ann").await;
        assert_eq!(back.to, "/de/account", "{:?}", back.notice);
        assert_eq!(b.whoami().await.as_deref(), Some("ann@example.com"));

        // A provider that doesn't vouch for the email opens nothing.
        let mut other = Browser::new(&app);
        let back = sign_in_at_provider(&mut other, "/auth/oidc/acme", "unverified-zed").await;
        assert_eq!(back.to, "/signin?signin=failed");
        assert_eq!(other.whoami().await, None);
        assert!(
            back.notice
                .as_ref()
                .is_some_and(|n| n.message.contains("didn't confirm your email")),
            "{:?}",
            back.notice
        );
        let again: Option<model::AppError> = other.post("/api/identity/notice", &[]).await.view();
        assert_eq!(again, None, "a notice is said once");
        // Left from a German page, the way back is German, and the sign-in
        // page tells it in German.
        let (_, german) = app.page("/de/signin").await;
        assert!(
            german.contains(r#"href="/auth/oidc/acme?next=&amp;lang=de""#),
            "the German button says where it left from"
        );
        let to = through_provider(&mut other, "/auth/oidc/acme?lang=de", "unverified-zed").await;
        assert_eq!(to, "/de/signin?signin=failed");
        let page = other.get(&to).await;
        assert!(
            page.body
                .contains("Acme ID hat uns Ihre E-Mail-Adresse nicht bestätigt"),
            "{}",
            page.body
        );
        // Turned away at the provider: said in French, on the French page.
        let left = other.get("/auth/oidc/acme?lang=fr").await;
        assert_eq!(left.status, 303);
        let back = other
            .get("/auth/oidc/acme/callback?error=access_denied&state=x")
            .await;
        assert_eq!(back.headers["location"], "/fr/signin?signin=failed");
        let page = other.get("/fr/signin?signin=failed").await;
        assert!(
            page.body
                .contains("Acme ID ne vous a pas connecté\u{a0}: rien n'a changé ici."),
            "{}",
            page.body
        );

        // A callback nobody started, or replayed, signs nobody in.
        let mut stranger = Browser::new(&app);
        let forged = stranger
            .get("/auth/oidc/acme/callback?code=abc&state=xyz")
            .await;
        assert_eq!(forged.status, 303);
        assert_eq!(forged.headers["location"], "/signin?signin=failed");
        assert_eq!(stranger.whoami().await, None);
        // An unknown provider is refused the same way.
        let unknown = stranger.get("/auth/oidc/nobody").await;
        assert_eq!(unknown.headers["location"], "/signin?signin=failed");
    }
);

for_each_backend!(
    an_account_links_a_provider_only_with_the_shoppers_yes,
    |db: TestDatabase| async move {
        let p = provider();
        let app = shop_with(db, &p).await;
        let conn = app.connection().await;
        let mut owner = Browser::new(&app);
        owner.register("bo@example.com", PASSWORD).await;
        {
            use domain::entities::user;
            use sea_orm::sea_query::Expr;
            use sea_orm::{ColumnTrait, EntityTrait, QueryFilter};
            user::Entity::update_many()
                .col_expr(
                    user::Column::EmailVerifiedAt,
                    Expr::value(time::OffsetDateTime::now_utc()),
                )
                .filter(user::Column::Email.eq("bo@example.com"))
                .exec(&conn)
                .await
                .expect("verified");
        }

        // The provider vouches for an email with an account: asked first.
        let mut b = Browser::new(&app);
        let back = sign_in_at_provider(&mut b, "/auth/oidc/acme?next=%2Fcart", "bo").await;
        assert_eq!(back.to, "/signin/link?next=%2Fcart", "{:?}", back.notice);
        assert_eq!(b.whoami().await, None, "not signed in before the yes");
        let asked: Option<PendingLinkView> = b.post("/api/identity/pending", &[]).await.view();
        let asked = asked.expect("a link to confirm");
        assert_eq!(
            (asked.label.as_str(), asked.email.as_str()),
            ("Acme ID", "bo@example.com")
        );
        let (_, page) = {
            let r = b.get("/signin/link?next=%2Fcart").await;
            (r.status, r.body)
        };
        assert!(page.contains("Link and sign in"), "{page}");
        let yes = b.post("/api/auth/confirm-link", &[("next", "/cart")]).await;
        assert_eq!(yes.status, 200, "{}", yes.body);
        assert_eq!(b.whoami().await.as_deref(), Some("bo@example.com"));

        // From the security page, a second account at the provider can't
        // join (one per provider); after unlinking, it can.
        let mut me = Browser::new(&app);
        me.login("bo@example.com", PASSWORD).await;
        let back = sign_in_at_provider(&mut me, "/auth/oidc/acme?link=1", "bo.work").await;
        assert_eq!(back.to, "/account/security?signin=failed");
        assert!(
            back.notice
                .as_ref()
                .is_some_and(|n| n.message.contains("linked to another Acme ID account")),
            "{:?}",
            back.notice
        );
        let unlinked = me
            .post("/api/account/unlink", &[("provider", "acme")])
            .await;
        assert_eq!(unlinked.status, 200, "{}", unlinked.body);
        let back = sign_in_at_provider(&mut me, "/auth/oidc/acme?link=1", "bo.work").await;
        assert_eq!(
            back.to, "/account/security?linked=acme",
            "{:?}",
            back.notice
        );
        // The owner heard of each change: linked on the yes, unlinked,
        // linked again.
        crate::support::mail::wait_for(
            &app.db.dir.path().join("mail"),
            "bo@example.com",
            "How you sign in",
        )
        .await;
        let mut told: Vec<String> = Vec::new();
        for _ in 0..100 {
            told = crate::support::mail::read_all(&app.db.dir.path().join("mail"))
                .into_iter()
                .filter(|m| {
                    m.to.contains("bo@example.com") && m.subject.contains("How you sign in")
                })
                .map(|m| m.text)
                .collect();
            if told.len() >= 3 {
                break;
            }
            tokio::time::sleep(std::time::Duration::from_millis(50)).await;
        }
        let says = |what: &str| told.iter().filter(|t| t.contains(what)).count();
        assert_eq!(
            (
                says("Acme ID can now sign you in"),
                says("can no longer sign you in")
            ),
            (2, 1),
            "{told:?}"
        );
        let methods: SignInMethods = me.post("/api/account/sign-in-methods", &[]).await.view();
        assert!(methods.has_password);
        assert_eq!(methods.linked.len(), 1);
        assert_eq!(methods.linked[0].email, "bo.work@example.com");
        // Linking needs someone signed in.
        let mut nobody = Browser::new(&app);
        let refused = nobody.get("/auth/oidc/acme?link=1").await;
        assert_eq!(
            refused.headers["location"],
            "/account/security?signin=failed"
        );
    }
);
