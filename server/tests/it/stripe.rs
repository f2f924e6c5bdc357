//! The Stripe adapter against a local stand-in for Stripe's API (it records
//! each request and answers with Stripe's documented JSON), and the webhook
//! endpoint with payloads signed exactly as Stripe signs them.

use std::sync::{Arc, Mutex};

use crate::support::browser::Browser;
use crate::support::TestApp;
use axum::{extract::State, http::HeaderMap, routing::post, Router};
use domain::entities::{order, payment, payment_event, stock_level, variant};
use sea_orm::{ColumnTrait, EntityTrait, PaginatorTrait, QueryFilter};
use stripe_webhook::Webhook;
use testkit::for_each_backend;
use testkit::TestDatabase;

const WHSEC: &str = "whsec_test_secret";

#[derive(Clone, Debug)]
struct Recorded {
    path: String,
    idempotency_key: Option<String>,
    authorization: Option<String>,
    form: Vec<(String, String)>,
}

impl Recorded {
    fn get(&self, k: &str) -> Option<&str> {
        self.form
            .iter()
            .find(|(key, _)| key == k)
            .map(|(_, v)| v.as_str())
    }
}

#[derive(Clone, Default)]
struct StandIn {
    requests: Arc<Mutex<Vec<Recorded>>>,
}

fn record(s: &StandIn, path: &str, headers: &HeaderMap, body: &str) -> Recorded {
    let r = Recorded {
        path: path.to_owned(),
        idempotency_key: headers
            .get("idempotency-key")
            .and_then(|v| v.to_str().ok())
            .map(str::to_owned),
        authorization: headers
            .get("authorization")
            .and_then(|v| v.to_str().ok())
            .map(str::to_owned),
        form: form_urlencoded::parse(body.as_bytes())
            .into_owned()
            .collect(),
    };
    s.requests.lock().expect("lock").push(r.clone());
    r
}

async fn sessions(
    State(s): State<StandIn>,
    headers: HeaderMap,
    body: String,
) -> (axum::http::StatusCode, String) {
    let r = record(&s, "/v1/checkout/sessions", &headers, &body);
    if r.get("customer_email")
        .is_some_and(|e| e.starts_with("declined"))
    {
        return (
            axum::http::StatusCode::PAYMENT_REQUIRED,
            r#"{"error":{"type":"card_error","code":"card_declined","message":"Your card was declined."}}"#.into(),
        );
    }
    let n = s.requests.lock().expect("lock").len();
    (
        axum::http::StatusCode::OK,
        session_json(&format!("cs_test_{n}"), "open", "unpaid", None, 1000),
    )
}

async fn refunds(State(s): State<StandIn>, headers: HeaderMap, body: String) -> String {
    let r = record(&s, "/v1/refunds", &headers, &body);
    let n = s.requests.lock().expect("lock").len();
    format!(
        r#"{{"id":"re_test_{n}","object":"refund","amount":{},"currency":"usd","created":1700000100,"status":"succeeded","payment_intent":"{}","charge":null,"metadata":{{}}}}"#,
        r.get("amount").unwrap_or("0"),
        r.get("payment_intent").unwrap_or_default()
    )
}

fn session_json(
    id: &str,
    status: &str,
    payment_status: &str,
    pi: Option<&str>,
    amount_total: i64,
) -> String {
    serde_json::json!({
        "id": id, "object": "checkout.session", "url": format!("https://checkout.stripe.com/c/pay/{id}"),
        "mode": "payment", "status": status, "payment_status": payment_status,
        "amount_total": amount_total, "currency": "usd", "created": 1700000000, "expires_at": 1700003600,
        "livemode": false, "payment_intent": pi, "customer": null, "payment_method_types": ["card"],
        "custom_fields": [], "shipping_options": [], "custom_text": {},
        "automatic_tax": {"enabled": false, "liability": null, "status": null}
    })
    .to_string()
}

fn event(id: &str, kind: &str, object: serde_json::Value) -> String {
    serde_json::json!({
        "id": id, "object": "event", "api_version": "2026-09-30.endive", "created": 1700000200,
        "livemode": false, "pending_webhooks": 1, "request": {"id": null, "idempotency_key": null},
        "type": kind, "data": {"object": object}
    })
    .to_string()
}

/// A session event for `session` charging what its order costs, as Stripe
/// sends it.
async fn session_event(
    app: &TestApp,
    id: &str,
    kind: &str,
    session: &str,
    payment_status: &str,
    pi: Option<&str>,
) -> String {
    let due = order_by_ref(app, session).await.total_minor;
    let object: serde_json::Value =
        serde_json::from_str(&session_json(session, "complete", payment_status, pi, due))
            .expect("json");
    event(id, kind, object)
}

fn refund_event(id: &str, pi: &str, amount_refunded: i64) -> String {
    event(
        id,
        "charge.refunded",
        serde_json::json!({
            "id": "ch_1", "object": "charge", "amount": 100000, "amount_captured": 100000,
            "amount_refunded": amount_refunded, "billing_details": {}, "captured": true, "created": 1700000050,
            "currency": "usd", "disputed": false, "livemode": false, "metadata": {}, "paid": true,
            "refunded": false, "status": "succeeded", "payment_intent": pi, "source": null
        }),
    )
}

async fn deliver(app: &TestApp, payload: &str, signature: &str) -> u16 {
    app.client
        .post(app.url("/webhooks/stripe"))
        .header("stripe-signature", signature)
        .header("content-type", "application/json")
        .body(payload.to_owned())
        .send()
        .await
        .expect("webhook")
        .status()
        .as_u16()
}

async fn signed(app: &TestApp, payload: &str) -> u16 {
    deliver(
        app,
        payload,
        &Webhook::generate_test_header(payload, WHSEC, None),
    )
    .await
}

async fn order_by_ref(app: &TestApp, reference: &str) -> order::Model {
    let conn = app.connection().await;
    let p = payment::Entity::find()
        .filter(payment::Column::Reference.eq(reference))
        .one(&conn)
        .await
        .expect("q")
        .expect("payment");
    order::Entity::find_by_id(p.order_id)
        .one(&conn)
        .await
        .expect("q")
        .expect("order")
}

async fn reserved(app: &TestApp, sku: &str) -> i32 {
    let conn = app.connection().await;
    let v = variant::Entity::find()
        .filter(variant::Column::Sku.eq(sku))
        .one(&conn)
        .await
        .expect("q")
        .expect("v");
    stock_level::Entity::find()
        .filter(stock_level::Column::VariantId.eq(v.id))
        .all(&conn)
        .await
        .expect("q")
        .iter()
        .map(|l| l.reserved)
        .sum()
}

const CHECKOUT: &[(&str, &str)] = &[
    ("full_name", "Pat Buyer"),
    ("line1", "1 Main St"),
    ("line2", ""),
    ("city", "Springfield"),
    ("region", "IL"),
    ("postal_code", "62701"),
    ("country", "US"),
    ("phone", ""),
    ("shipping_method", "express"),
    ("promo_code", ""),
];

/// A guest buys `qty` of `sku`; returns the session id, or the failed reply.
async fn buy(
    app: &TestApp,
    sku: &str,
    qty: &str,
    email: &str,
    extra: &[(&str, &str)],
) -> Result<String, (u16, String)> {
    let mut b = Browser::new(app);
    assert_eq!(
        b.post("/api/cart/add", &[("sku", sku), ("quantity", qty)])
            .await
            .status,
        200
    );
    let mut form: Vec<(&str, &str)> = CHECKOUT.to_vec();
    form.push(("email", email));
    form.extend_from_slice(extra);
    let reply = b.post("/api/checkout/place", &form).await;
    if reply.status != 200 {
        let cart = b.post("/api/cart/get", &[]).await.json();
        assert_eq!(
            cart["item_count"],
            qty.parse::<i64>().expect("qty"),
            "the cart is intact after a refusal"
        );
        return Err((reply.status, reply.message().to_owned()));
    }
    let url = reply.json()["redirect_url"]
        .as_str()
        .expect("url")
        .to_owned();
    Ok(url.rsplit('/').next().expect("id").to_owned())
}

/// The demo shop with Stripe configured against a stand-in started here.
async fn with_stand_in(db: TestDatabase) -> (StandIn, TestApp) {
    let stand_in = StandIn::default();
    let api = Router::new()
        .route("/v1/checkout/sessions", post(sessions))
        .route("/v1/refunds", post(refunds))
        .with_state(stand_in.clone());
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0")
        .await
        .expect("bind");
    let api_url = format!("http://{}/", listener.local_addr().expect("addr"));
    tokio::spawn(async move { axum::serve(listener, api).await });
    let env = [
        ("MERCATO_PUBLIC_URL", "http://shop.test"),
        ("MERCATO_AUTH_RATE_LIMIT", "1000/1"),
        ("MERCATO_STRIPE_SECRET_KEY", "sk_test_123"),
        ("MERCATO_STRIPE_WEBHOOK_SECRET", WHSEC),
        ("MERCATO_STRIPE_API_URL", api_url.as_str()),
    ];
    (stand_in, TestApp::spawn_env(db, true, &env).await)
}

for_each_backend!(
    stripe_checkout_webhooks_and_refunds,
    |db: TestDatabase| async move {
        let (stand_in, app) = with_stand_in(db).await;
        let conn = app.connection().await;
        let sku = "TSH-0001-01";
        let price = variant::Entity::find()
            .filter(variant::Column::Sku.eq(sku))
            .one(&conn)
            .await
            .expect("q")
            .expect("v")
            .price_minor;

        // The session request: server-computed line items, URLs, key; client "prices" ignored.
        let s1 = buy(
            &app,
            sku,
            "2",
            "pat@example.com",
            &[("unit_price", "1"), ("total", "1")],
        )
        .await
        .expect("placed");
        let req = stand_in.requests.lock().expect("lock")[0].clone();
        assert_eq!(req.path, "/v1/checkout/sessions");
        assert_eq!(req.authorization.as_deref(), Some("Bearer sk_test_123"));
        assert_eq!(
            req.get("line_items[0][price_data][unit_amount]"),
            Some(price.to_string().as_str())
        );
        assert_eq!(req.get("line_items[0][quantity]"), Some("2"));
        assert_eq!(
            req.get("line_items[1][price_data][unit_amount]"),
            Some("1495"),
            "express shipping line"
        );
        assert_eq!(req.get("mode"), Some("payment"));
        assert_eq!(req.get("customer_email"), Some("pat@example.com"));
        assert!(req
            .get("success_url")
            .is_some_and(|u| u.starts_with("http://shop.test/checkout/complete/")));
        assert!(req
            .get("cancel_url")
            .is_some_and(|u| u.starts_with("http://shop.test/cart")));
        let o1 = order_by_ref(&app, &s1).await;
        assert_eq!(o1.total_minor, 2 * price + 1495);
        let p1 = payment::Entity::find()
            .filter(payment::Column::OrderId.eq(o1.id))
            .one(&conn)
            .await
            .expect("q")
            .expect("p");
        assert_eq!(
            req.idempotency_key.as_deref(),
            Some(p1.idempotency_key.as_str())
        );
        assert_eq!(p1.amount_minor, o1.total_minor);
        assert_eq!(reserved(&app, sku).await, 2);

        // Stripe refuses: the shopper sees Stripe's message, the cart stays, the hold is released.
        let (status, message) = buy(&app, sku, "1", "declined@example.com", &[])
            .await
            .expect_err("declined");
        assert_eq!(status, 409);
        assert!(message.contains("Your card was declined."), "{message}");
        assert_eq!(reserved(&app, sku).await, 2);

        // Webhook signatures: valid accepted; tampered, wrong secret, stale refused.
        let paid = session_event(
            &app,
            "evt_paid_1",
            "checkout.session.completed",
            &s1,
            "paid",
            Some("pi_1"),
        )
        .await;
        let due = o1.total_minor;
        let tampered = paid.replace(&format!("\"amount_total\":{due}"), "\"amount_total\":1");
        assert_ne!(tampered, paid);
        let header = Webhook::generate_test_header(&paid, WHSEC, None);
        assert_eq!(
            deliver(&app, &tampered, &header).await,
            400,
            "tampered body"
        );
        assert_eq!(
            deliver(
                &app,
                &paid,
                &Webhook::generate_test_header(&paid, "whsec_wrong", None)
            )
            .await,
            400,
            "wrong secret"
        );
        let stale = time::OffsetDateTime::now_utc().unix_timestamp() - 301;
        assert_eq!(
            deliver(
                &app,
                &paid,
                &Webhook::generate_test_header(&paid, WHSEC, Some(stale))
            )
            .await,
            400,
            "older than 300 s"
        );
        assert_eq!(deliver(&app, &paid, "").await, 400, "no signature");
        assert_eq!(
            order_by_ref(&app, &s1).await.status,
            "pending_payment",
            "nothing applied from refused deliveries"
        );
        assert_eq!(deliver(&app, &paid, &header).await, 200);
        assert_eq!(order_by_ref(&app, &s1).await.status, "paid");
        assert_eq!(reserved(&app, sku).await, 0, "committed");
        // The same event again: accepted, processed once.
        assert_eq!(signed(&app, &paid).await, 200);
        let seen = payment_event::Entity::find()
            .filter(payment_event::Column::Id.eq("evt_paid_1"))
            .count(&conn)
            .await
            .expect("count");
        assert_eq!(seen, 1);
        let paid_entries = domain::entities::order_event::Entity::find()
            .filter(domain::entities::order_event::Column::OrderId.eq(o1.id))
            .filter(domain::entities::order_event::Column::ToStatus.eq("paid"))
            .count(&conn)
            .await
            .expect("count");
        assert_eq!(paid_entries, 1);

        // Async payment failed: the hold is released.
        let s2 = buy(&app, sku, "1", "slow@example.com", &[])
            .await
            .expect("placed");
        assert_eq!(reserved(&app, sku).await, 1);
        assert_eq!(
            signed(
                &app,
                &session_event(
                    &app,
                    "evt_s2_done",
                    "checkout.session.completed",
                    &s2,
                    "unpaid",
                    Some("pi_2")
                )
                .await
            )
            .await,
            200
        );
        assert_eq!(order_by_ref(&app, &s2).await.status, "pending_payment");
        assert_eq!(
            signed(
                &app,
                &session_event(
                    &app,
                    "evt_s2_fail",
                    "checkout.session.async_payment_failed",
                    &s2,
                    "unpaid",
                    Some("pi_2")
                )
                .await
            )
            .await,
            200
        );
        assert_eq!(order_by_ref(&app, &s2).await.status, "cancelled");
        assert_eq!(reserved(&app, sku).await, 0);

        // Out of order: success before "completed (unpaid)", then a stale expiry.
        let s3 = buy(&app, sku, "1", "late@example.com", &[])
            .await
            .expect("placed");
        assert_eq!(
            signed(
                &app,
                &session_event(
                    &app,
                    "evt_s3_ok",
                    "checkout.session.async_payment_succeeded",
                    &s3,
                    "paid",
                    Some("pi_3")
                )
                .await
            )
            .await,
            200
        );
        assert_eq!(
            signed(
                &app,
                &session_event(
                    &app,
                    "evt_s3_done",
                    "checkout.session.completed",
                    &s3,
                    "unpaid",
                    Some("pi_3")
                )
                .await
            )
            .await,
            200
        );
        assert_eq!(
            signed(
                &app,
                &session_event(
                    &app,
                    "evt_s3_exp",
                    "checkout.session.expired",
                    &s3,
                    "unpaid",
                    None
                )
                .await
            )
            .await,
            200
        );
        assert_eq!(order_by_ref(&app, &s3).await.status, "paid");

        // A correctly signed "paid" for less than the order costs is not paid.
        let s4 = buy(&app, sku, "1", "cheap@example.com", &[])
            .await
            .expect("placed");
        let full = session_event(
            &app,
            "evt_s4_cheap",
            "checkout.session.completed",
            &s4,
            "paid",
            Some("pi_4"),
        )
        .await;
        let due = order_by_ref(&app, &s4).await.total_minor;
        let cheap = full.replace(&format!("\"amount_total\":{due}"), "\"amount_total\":100");
        assert_ne!(cheap, full);
        assert_eq!(signed(&app, &cheap).await, 200, "recorded, not retried");
        assert_eq!(order_by_ref(&app, &s4).await.status, "pending_payment");
        let attempt = payment::Entity::find()
            .filter(payment::Column::Reference.eq(s4.as_str()))
            .one(&conn)
            .await
            .expect("q")
            .expect("payment");
        assert_eq!(attempt.status, "failed", "not paid");

        // Refunds through the API (staff), then Stripe's charge.refunded converges.
        let mut staff = app
            .staff("ops@example.com", &[model::Permission::Orders])
            .await;
        let refund = staff
            .post(
                "/api/staff/orders/refund",
                &[("number", o1.number.as_str()), ("amount", "5.00")],
            )
            .await;
        assert_eq!(refund.status, 200, "{}", refund.body);
        assert_eq!(refund.json()["status"], "partially_refunded");
        // The outbox worker sends it to Stripe after the commit.
        let mut last = None;
        for _ in 0..100 {
            last = stand_in
                .requests
                .lock()
                .expect("lock")
                .iter()
                .rfind(|r| r.path == "/v1/refunds")
                .cloned();
            if last.is_some() {
                break;
            }
            tokio::time::sleep(std::time::Duration::from_millis(100)).await;
        }
        let last = last.expect("a refund request reached Stripe");
        assert_eq!(last.get("payment_intent"), Some("pi_1"));
        assert_eq!(last.get("amount"), Some("500"));
        assert!(last.idempotency_key.is_some());
        assert_eq!(
            signed(&app, &refund_event("evt_r1", "pi_1", 500)).await,
            200
        );
        assert_eq!(
            order_by_ref(&app, &s1).await.refunded_minor,
            500,
            "the webhook does not count it twice"
        );
        assert_eq!(
            signed(&app, &refund_event("evt_r2", "pi_1", o1.total_minor)).await,
            200
        );
        let done = order_by_ref(&app, &s1).await;
        assert_eq!(
            (done.status.as_str(), done.refunded_minor),
            ("refunded", o1.total_minor)
        );
    }
);

for_each_backend!(
    stripe_is_asked_in_the_currency_the_shopper_buys_in,
    |db: TestDatabase| async move {
        let (stand_in, app) = with_stand_in(db).await;
        crate::currencies::sell_in(
            &app,
            &[("EUR", "0.92", "ninety_nine"), ("GBP", "0.79", "exact")],
        )
        .await;
        let sku = "TSH-0001-01";
        for (n, (code, rate)) in [("EUR", 920_000_000), ("GBP", 790_000_000)]
            .into_iter()
            .enumerate()
        {
            let mut b = Browser::new(&app);
            b.cookies.push(format!("currency={code}"));
            let added = b
                .post("/api/cart/add", &[("sku", sku), ("quantity", "2")])
                .await;
            assert_eq!(added.status, 200, "{}", added.body);
            let unit = added.json()["lines"][0]["unit_price"]["minor"]
                .as_i64()
                .expect("unit");
            let mut form: Vec<(&str, &str)> = CHECKOUT.to_vec();
            let email = format!("buyer-{code}@example.com");
            form.push(("email", email.as_str()));
            let placed = b.post("/api/checkout/place", &form).await;
            assert_eq!(placed.status, 200, "{}", placed.body);

            let req = stand_in.requests.lock().expect("lock")[n].clone();
            let lower = code.to_lowercase();
            assert_eq!(
                req.get("line_items[0][price_data][currency]"),
                Some(lower.as_str())
            );
            assert_eq!(
                req.get("line_items[0][price_data][unit_amount]"),
                Some(unit.to_string().as_str()),
                "the {code} price the cart showed"
            );
            assert_eq!(
                req.get("line_items[1][price_data][currency]"),
                Some(lower.as_str()),
                "shipping too"
            );
            let url = placed.json()["redirect_url"]
                .as_str()
                .expect("url")
                .to_owned();
            let o = order_by_ref(&app, url.rsplit('/').next().expect("id")).await;
            assert_eq!((o.currency.as_str(), o.fx_rate_e9), (code, rate));
            assert_eq!(o.subtotal_minor, 2 * unit);
        }
    }
);
