//! The store API for a signed-in customer, on SQLite and PostgreSQL: sign
//! in (wrong password, second factor), the account, the cart `me` shared
//! with the browser, an order placed from it and read back (nobody else's),
//! a review of what was received (moderated, then listed), the wishlist,
//! and the ways a sign-in ends (signing out, a password change). Who may
//! call at all is `api_matrix.rs`'s.
use serde_json::{json, Value};
use testkit::for_each_backend;
use testkit::TestDatabase;

use crate::api_v1::{bearer, call, get, make_token, Answer};
use crate::support::browser::Browser;
use crate::support::shop::{ADDRESS, SKU};
use crate::support::{TestApp, PASSWORD};

use reqwest::Method;

/// Signs in through the API; the answer's bearer.
pub(crate) async fn sign_in(app: &TestApp, email: &str, extra: Value) -> Answer {
    let mut body = json!({"email": email, "password": PASSWORD});
    if let (Some(b), Some(e)) = (body.as_object_mut(), extra.as_object()) {
        b.extend(e.clone());
    }
    call(
        app,
        Method::POST,
        "/api/v1/customer/session",
        &[],
        Some(body),
    )
    .await
}

pub(crate) async fn signed_in(app: &TestApp, email: &str) -> String {
    let answer = sign_in(app, email, json!({})).await;
    assert_eq!(answer.status, 201, "{}", answer.body);
    let token = answer.json()["token"].as_str().expect("token").to_owned();
    assert!(token.starts_with("mcs_"), "{token}");
    bearer(&token)
}

fn field(address: &str) -> &'static str {
    ADDRESS
        .iter()
        .find(|(k, _)| *k == address)
        .map(|(_, v)| *v)
        .unwrap_or_default()
}

/// Places the cart `me` for the caller; (number, payment reference).
async fn place_mine(app: &TestApp, who: &str) -> (String, String) {
    let auth = [("authorization", who)];
    let quote = call(
        app,
        Method::POST,
        "/api/v1/carts/me/quote",
        &auth,
        Some(json!({"country": "US", "region": "CA"})),
    )
    .await;
    assert_eq!(quote.status, 200, "{}", quote.body);
    let quote = quote.json();
    // Each method says from which subtotal it ships free, if it ever does.
    let free_from = |code: &str| {
        quote["shipping_options"]
            .as_array()
            .and_then(|o| o.iter().find(|o| o["code"] == code))
            .map(|o| o["free_from"].clone())
    };
    assert_eq!(
        free_from("standard"),
        Some(json!({"amount_minor": 5000, "currency": "USD"})),
        "{quote}"
    );
    assert_eq!(free_from("express"), Some(serde_json::Value::Null));
    let order = json!({
        "email": "ignored-for-customers@example.com",
        "address": {"full_name": field("full_name"), "line1": field("line1"), "city": field("city"),
                    "region": "CA", "postal_code": field("postal_code"), "country": "US"},
        "shipping_method": quote["shipping_method"],
        "expected_total_minor": quote["total"]["amount_minor"],
    });
    let key = uuid::Uuid::new_v4().to_string();
    let placed = call(
        app,
        Method::POST,
        "/api/v1/carts/me/order",
        &[("authorization", who), ("idempotency-key", &key)],
        Some(order),
    )
    .await;
    assert_eq!(placed.status, 201, "{}", placed.body);
    let placed = placed.json();
    let reference = placed["payment_url"]
        .as_str()
        .and_then(|u| u.rsplit('/').next())
        .expect("payment url")
        .to_owned();
    (
        placed["number"].as_str().expect("number").to_owned(),
        reference,
    )
}

for_each_backend!(
    a_customer_signs_in_buys_reviews_and_signs_out,
    |db: TestDatabase| async move {
        let app = TestApp::spawn_env(db, true, &[("MERCATO_AUTH_RATE_LIMIT", "1000/1")]).await;
        let conn = app.connection().await;
        let mut browser = Browser::new(&app);
        browser.register("ann@example.com", PASSWORD).await;
        Browser::new(&app)
            .register("bob@example.com", PASSWORD)
            .await;

        // Sign-in: a wrong password says nothing about which part was wrong.
        let wrong = sign_in(
            &app,
            "ann@example.com",
            json!({"password": "not it at all"}),
        )
        .await;
        assert_eq!(wrong.status, 401);
        assert_eq!(wrong.problem(), "auth.invalid_credentials");
        let ann = signed_in(&app, "ann@example.com").await;
        let me = get(&app, "/api/v1/customer", &[("authorization", &ann)]).await;
        assert_eq!(me.status, 200, "{}", me.body);
        assert_eq!(me.json()["email"], "ann@example.com");
        // A sign-in answer is never kept for an Idempotency-Key replay: it holds the bearer.
        let key = [("idempotency-key", "same-key")];
        let body = json!({"email": "ann@example.com", "password": PASSWORD});
        let first = call(
            &app,
            Method::POST,
            "/api/v1/customer/session",
            &key,
            Some(body.clone()),
        )
        .await;
        let second = call(
            &app,
            Method::POST,
            "/api/v1/customer/session",
            &key,
            Some(body),
        )
        .await;
        assert_eq!((first.status, second.status), (201, 201), "{}", second.body);
        assert!(second.headers.get("idempotent-replayed").is_none());
        assert_ne!(first.json()["token"], second.json()["token"]);
        let kept: Vec<domain::entities::api_idempotency::Model> =
            <domain::entities::api_idempotency::Entity as sea_orm::EntityTrait>::find()
                .all(&conn)
                .await
                .expect("kept answers");
        assert!(
            kept.iter()
                .all(|k| !k.body.as_deref().unwrap_or_default().contains("mcs_")),
            "a bearer was written down"
        );

        // The cart `me` is the one the browser shows.
        let added = call(
            &app,
            Method::POST,
            "/api/v1/carts/me/lines",
            &[("authorization", &ann)],
            Some(json!({"sku": SKU, "quantity": 1})),
        )
        .await;
        assert_eq!(added.status, 200, "{}", added.body);
        assert_eq!(added.json()["id"], "me");
        browser.login("ann@example.com", PASSWORD).await;
        let seen = browser.post("/api/cart/get", &[]).await;
        assert_eq!(seen.status, 200, "{}", seen.body);
        assert_eq!(
            seen.json()["lines"][0]["sku"],
            SKU,
            "the browser's cart holds the API's line"
        );
        let anonymous = get(&app, "/api/v1/carts/me", &[]).await;
        assert_eq!(anonymous.status, 401);
        assert_eq!(anonymous.problem(), "auth.session_required");

        // Placed from `me`, the order is Ann's: listed, readable; not Bob's.
        let none = get(&app, "/api/v1/customer/orders", &[("authorization", &ann)]).await;
        assert_eq!(
            none.json()["data"].as_array().map(Vec::len),
            Some(0),
            "{}",
            none.body
        );
        let (number, reference) = place_mine(&app, &ann).await;
        let listed = get(&app, "/api/v1/customer/orders", &[("authorization", &ann)]).await;
        assert_eq!(listed.status, 200, "{}", listed.body);
        let listed = listed.json();
        assert_eq!(listed["data"][0]["number"], number.as_str(), "{listed}");
        assert_eq!(listed["data"][0]["status"], "pending_payment");
        assert_eq!(listed["next"], Value::Null);
        let path = format!("/api/v1/customer/orders/{number}");
        let one = get(&app, &path, &[("authorization", &ann)]).await;
        assert_eq!(one.status, 200, "{}", one.body);
        assert_eq!(one.json()["lines"][0]["sku"], SKU);
        let bob = signed_in(&app, "bob@example.com").await;
        let not_his = get(&app, &path, &[("authorization", &bob)]).await;
        assert_eq!(not_his.status, 404, "{}", not_his.body);
        let his = get(&app, "/api/v1/customer/orders", &[("authorization", &bob)]).await;
        assert_eq!(his.json()["data"].as_array().map(Vec::len), Some(0));

        // A review needs the product received: refused before, moderated after.
        let slug = product_slug_of(&conn, SKU).await;
        let review = json!({"rating": 5, "title": "Soft and sturdy", "body": "Washed it ten times; still like new."});
        let mine = format!("/api/v1/products/{slug}/reviews/mine");
        let early = call(
            &app,
            Method::PUT,
            &mine,
            &[("authorization", &ann)],
            Some(review.clone()),
        )
        .await;
        assert_eq!(early.status, 409, "{}", early.body);
        let mut payer = Browser::new(&app);
        let paid = payer
            .post(
                "/api/pay/offline/decide",
                &[("reference", &reference), ("approve", "true")],
            )
            .await;
        assert_eq!(paid.status, 200, "{}", paid.body);
        let mut admin = app.admin("api-customer-admin@example.com").await;
        let shipped = admin
            .post(
                "/api/staff/orders/ship",
                &[
                    ("number", &number),
                    ("carrier", "ups"),
                    ("tracking_number", "1Z999"),
                ],
            )
            .await;
        assert_eq!(shipped.status, 200, "{}", shipped.body);
        let delivered = admin
            .post(
                "/api/staff/orders/advance",
                &[("number", &number), ("status", "delivered")],
            )
            .await;
        assert_eq!(delivered.status, 200, "{}", delivered.body);
        let reviews = format!("/api/v1/products/{slug}/reviews?sort=newest");
        let before = get(&app, &reviews, &[]).await.json();
        let written = call(
            &app,
            Method::PUT,
            &mine,
            &[("authorization", &ann)],
            Some(review),
        )
        .await;
        assert_eq!(written.status, 200, "{}", written.body);
        assert_eq!(written.json()["status"], "pending");
        let pending = review_id(&conn, &slug).await;
        let approved = admin
            .post(
                "/api/staff/reviews/approve",
                &[("review_id", &pending.to_string())],
            )
            .await;
        assert_eq!(approved.status, 200, "{}", approved.body);
        let after = get(&app, &reviews, &[]).await.json();
        assert_eq!(
            after["count"].as_u64(),
            before["count"].as_u64().map(|n| n + 1),
            "{after}"
        );
        assert_eq!(after["data"][0]["title"], "Soft and sturdy");
        assert_eq!(after["data"][0]["verified"], true);
        let bad = call(
            &app,
            Method::PUT,
            &mine,
            &[("authorization", &ann)],
            Some(json!({"rating": 9, "title": "x", "body": "y"})),
        )
        .await;
        assert_eq!(bad.status, 422, "{}", bad.body);
        let stars = get(
            &app,
            &format!("/api/v1/products/{slug}/reviews?stars=6"),
            &[],
        )
        .await;
        assert_eq!(stars.status, 422);

        // The wishlist: saved once however often, removed.
        let wish = [("authorization", ann.as_str())];
        for _ in 0..2 {
            let saved = call(
                &app,
                Method::POST,
                "/api/v1/customer/wishlist",
                &wish,
                Some(json!({"product_slug": slug})),
            )
            .await;
            assert_eq!(saved.status, 200, "{}", saved.body);
        }
        let list = get(&app, "/api/v1/customer/wishlist", &wish).await.json();
        assert_eq!(list["data"].as_array().map(Vec::len), Some(1), "{list}");
        assert_eq!(list["data"][0]["product_slug"], slug.as_str());
        let missing = call(
            &app,
            Method::POST,
            "/api/v1/customer/wishlist",
            &wish,
            Some(json!({"product_slug": "no-such-thing"})),
        )
        .await;
        assert_eq!(missing.status, 404, "{}", missing.body);
        let removed = call(
            &app,
            Method::DELETE,
            &format!("/api/v1/customer/wishlist/{slug}"),
            &wish,
            None,
        )
        .await;
        assert_eq!(removed.status, 200, "{}", removed.body);
        assert_eq!(removed.json()["data"].as_array().map(Vec::len), Some(0));

        // Signing out ends this bearer only.
        let other = signed_in(&app, "ann@example.com").await;
        let out = call(
            &app,
            Method::DELETE,
            "/api/v1/customer/session",
            &[("authorization", &ann)],
            None,
        )
        .await;
        assert_eq!(out.status, 204, "{}", out.body);
        let gone = get(&app, "/api/v1/customer", &[("authorization", &ann)]).await;
        assert_eq!(gone.status, 401);
        assert_eq!(gone.problem(), "auth.session_invalid");
        let still = get(&app, "/api/v1/customer", &[("authorization", &other)]).await;
        assert_eq!(still.status, 200, "{}", still.body);
        // A password change ends every other sign-in, the API's too.
        let changed = browser
            .post(
                "/api/account/password",
                &[
                    ("current_password", PASSWORD),
                    ("password", "a brand new passphrase"),
                ],
            )
            .await;
        assert_eq!(changed.status, 200, "{}", changed.body);
        let ended = get(&app, "/api/v1/customer", &[("authorization", &other)]).await;
        assert_eq!(ended.status, 401, "{}", ended.body);
    }
);

/// The product `sku` belongs to.
async fn product_slug_of(conn: &sea_orm::DatabaseConnection, sku: &str) -> String {
    use domain::entities::{product, variant};
    use sea_orm::{ColumnTrait, EntityTrait, QueryFilter};
    let v = variant::Entity::find()
        .filter(variant::Column::Sku.eq(sku))
        .one(conn)
        .await
        .expect("variant")
        .expect("exists");
    product::Entity::find_by_id(v.product_id)
        .one(conn)
        .await
        .expect("product")
        .expect("exists")
        .slug
}

async fn review_id(conn: &sea_orm::DatabaseConnection, slug: &str) -> i32 {
    use domain::entities::{product, review};
    use sea_orm::{ColumnTrait, EntityTrait, QueryFilter, QueryOrder};
    let p = product::Entity::find()
        .filter(product::Column::Slug.eq(slug))
        .one(conn)
        .await
        .expect("product")
        .expect("exists");
    review::Entity::find()
        .filter(review::Column::ProductId.eq(p.id))
        .order_by_desc(review::Column::Id)
        .one(conn)
        .await
        .expect("review")
        .expect("written")
        .id
}

for_each_backend!(
    two_factor_accounts_sign_in_with_their_code,
    |db: TestDatabase| async move {
        let app = TestApp::spawn_env(db, false, crate::accounts::ENV).await;
        let mut b = crate::accounts::signed_up(&app, "tfa@example.com").await;
        let enrol = b
            .post(
                "/api/account/two-factor/begin",
                &[("current_password", PASSWORD)],
            )
            .await;
        assert_eq!(enrol.status, 200, "{}", enrol.body);
        let secret = enrol.json()["secret"].as_str().expect("secret").to_owned();
        let now = time::OffsetDateTime::now_utc().unix_timestamp() as u64;
        let code = domain::accounts::totp(&secret, "x", "Test")
            .expect("totp")
            .generate(now)
            .to_string();
        let confirmed = b
            .post("/api/account/two-factor/confirm", &[("code", &code)])
            .await;
        assert_eq!(confirmed.status, 200, "{}", confirmed.body);
        let codes: Vec<String> = serde_json::from_str(&confirmed.body).expect("codes");

        let bare = sign_in(&app, "tfa@example.com", json!({})).await;
        assert_eq!(bare.status, 401);
        assert_eq!(bare.problem(), "auth.second_factor_required");
        let wrong = sign_in(&app, "tfa@example.com", json!({"code": "000000"})).await;
        assert_eq!(wrong.status, 422, "{}", wrong.body);
        let ok = sign_in(&app, "tfa@example.com", json!({"code": codes[0]})).await;
        assert_eq!(ok.status, 201, "{}", ok.body);
        assert_eq!(ok.json()["customer"]["two_factor_enabled"], true);
        // A token is not a customer's sign-in, and a sign-in is no token.
        let mut admin = app.admin("tfa-admin@example.com").await;
        let token = bearer(&make_token(&mut admin, "ERP", &["orders:read"], "30").await);
        let refused = get(&app, "/api/v1/customer", &[("authorization", &token)]).await;
        assert_eq!(refused.status, 401);
        assert_eq!(refused.problem(), "auth.session_required");
        let customer = bearer(ok.json()["token"].as_str().expect("token"));
        let no_admin = get(
            &app,
            "/api/v1/admin/orders",
            &[("authorization", &customer)],
        )
        .await;
        assert_eq!(no_admin.status, 401, "{}", no_admin.body);
    }
);
