//! A cart reminder's links over HTTP, on SQLite and PostgreSQL: "Back to
//! your cart" gives a new visitor the guest's cart and sends a customer's
//! to sign in; "No more cart reminders" is a form post that records the
//! opt-out; the profile shows and changes the same choice.
use std::sync::Arc;

use domain::cart::reminders::opted_out;
use domain::commerce::{Commerce, CommerceSettings};
use domain::entities::{cart, store_profile};
use domain::outbox::OutboxSignal;
use domain::payments::OfflineGateway;
use sea_orm::sea_query::Expr;
use sea_orm::{DatabaseConnection, EntityTrait};
use testkit::for_each_backend;
use testkit::TestDatabase;

use crate::accounts::{signed_up, ENV};
use crate::support::browser::Browser;
use crate::support::shop::{order, SKU};
use crate::support::{mail, TestApp};

/// The shop's reminder services over the app's database, with reminders
/// due an hour after a cart's last change and every cart made an hour
/// and a half old: one sweep.
async fn sweep(conn: &DatabaseConnection) {
    store_profile::Entity::update_many()
        .col_expr(store_profile::Column::CartReminderHours, Expr::value(1))
        .exec(conn)
        .await
        .expect("delay");
    cart::Entity::update_many()
        .col_expr(
            cart::Column::UpdatedAt,
            Expr::value(time::OffsetDateTime::now_utc() - time::Duration::minutes(90)),
        )
        .exec(conn)
        .await
        .expect("backdate");
    let store = testkit::open_store(conn).await;
    let commerce = Commerce::new(
        conn.clone(),
        CommerceSettings::default(),
        store.current(),
        OutboxSignal::default(),
        Arc::new(OfflineGateway::new("http://shop.test")),
    )
    .expect("commerce");
    commerce.cart_reminders().sweep().await.expect("sweep");
}

/// The token in the reminder mail to `to` (the server's outbox delivers it).
async fn reminder_token(app: &TestApp, to: &str) -> String {
    let m = mail::wait_for(&app.db.dir.path().join("mail"), to, "cart is waiting").await;
    let at = m.text.find("restore?token=").expect("link") + 14;
    m.text[at..]
        .split_whitespace()
        .next()
        .unwrap_or_default()
        .to_owned()
}

fn location(reply: &crate::support::browser::Reply) -> &str {
    reply
        .headers
        .get("location")
        .and_then(|v| v.to_str().ok())
        .unwrap_or_default()
}

for_each_backend!(
    a_reminders_links_restore_the_cart_and_stop_the_mails,
    |db: TestDatabase| async move {
        let app = TestApp::spawn_env(db, true, ENV).await;
        let mut guest = Browser::new(&app);
        order(&mut guest, "gus@example.com", false).await;
        let mut ann = signed_up(&app, "ann@example.com").await;
        assert_eq!(
            ann.post("/api/cart/add", &[("sku", SKU), ("quantity", "2")])
                .await
                .status,
            200
        );
        let conn = app.connection().await;
        sweep(&conn).await;
        let gus_token = reminder_token(&app, "gus@example.com").await;
        let ann_token = reminder_token(&app, "ann@example.com").await;

        // Another device, no session: the guest's cart becomes this visitor's.
        let mut phone = Browser::new(&app);
        let back = phone.get(&format!("/cart/restore?token={gus_token}")).await;
        assert_eq!(back.status, 303);
        assert_eq!(location(&back), "/cart?reminder=restored");
        let cart = phone.post("/api/cart/get", &[]).await.json();
        assert_eq!(cart["lines"][0]["sku"], SKU, "{cart}");
        let page = phone.get("/cart?reminder=restored").await;
        assert!(
            page.body.contains("here is the cart you left"),
            "notice shown"
        );

        // A customer's cart waits behind their sign-in.
        let mut stranger = Browser::new(&app);
        let to_sign_in = stranger
            .get(&format!("/cart/restore?token={ann_token}"))
            .await;
        assert_eq!(location(&to_sign_in), "/signin?next=/cart");
        let own = ann.get(&format!("/cart/restore?token={ann_token}")).await;
        assert_eq!(location(&own), "/cart?reminder=restored");
        let unknown = stranger.get("/cart/restore?token=%00%FF<script>").await;
        assert_eq!(location(&unknown), "/cart?reminder=unknown");
        // From a German mail, to German pages; a language we don't have is ignored.
        let german = stranger
            .get(&format!("/cart/restore?token={ann_token}&lang=de"))
            .await;
        assert_eq!(location(&german), "/de/signin?next=/de/cart");
        let own = ann
            .get(&format!("/cart/restore?token={ann_token}&lang=de"))
            .await;
        assert_eq!(location(&own), "/de/cart?reminder=restored");
        let odd = stranger.get("/cart/restore?token=x&lang=xx%00").await;
        assert_eq!(location(&odd), "/cart?reminder=unknown");

        // "No more cart reminders": a page with a button, then a form post.
        let page = stranger
            .get(&format!("/cart/reminders-off?token={gus_token}"))
            .await;
        assert_eq!(page.status, 200);
        assert!(page.body.contains("No more cart reminders"));
        assert!(
            !opted_out(&conn, "gus@example.com").await.unwrap(),
            "a GET changes nothing"
        );
        let off = stranger
            .post("/api/cart/reminders-off", &[("token", gus_token.as_str())])
            .await;
        assert_eq!(off.status, 200, "{}", off.body);
        assert!(opted_out(&conn, "gus@example.com").await.unwrap());

        // The profile shows the choice and changes it.
        let profile = ann.post("/api/account/profile", &[]).await.json();
        assert_eq!(profile["cart_reminders"], true);
        let saved = ann
            .post(
                "/api/account/profile/update",
                &[("name", "Ann"), ("phone", "")],
            )
            .await;
        assert_eq!(saved.status, 200, "{}", saved.body);
        assert_eq!(saved.json()["cart_reminders"], false, "an unticked box");
        assert!(opted_out(&conn, "ann@example.com").await.unwrap());
    }
);
