//! Gift cards over HTTP: staff issue one (the code is in that answer only,
//! never in the list), a shopper enters it at checkout and pays the rest
//! offline, the order page says how it was paid — and guessing at codes
//! runs into the sign-in rate limit. The store API does the same.
use domain::accounts::Permission;
use model::commerce::{OrderView, QuoteView};
use model::gift_cards::{GiftCardRow, IssuedCard};
use testkit::for_each_backend;
use testkit::TestDatabase;

use crate::api_v1::call;
use crate::support::browser::Browser;
use crate::support::shop::{decide, offline_page, ADDRESS, SKU};
use crate::support::TestApp;

for_each_backend!(
    a_shopper_pays_partly_with_a_gift_card,
    |db: TestDatabase| async move {
        // Nine guesses a minute per client for the secret-guessing endpoints.
        let app = TestApp::spawn_env(db, true, &[("MERCATO_AUTH_RATE_LIMIT", "9/60")]).await;
        let mut staff = app.staff("cards@example.com", &[Permission::Orders]).await;
        let issued: IssuedCard = staff
            .post(
                "/api/staff/gift-cards/issue",
                &[("amount", "10.00"), ("note", "Prize")],
            )
            .await
            .view();
        assert_eq!(issued.balance.minor, 1_000);
        let list = staff
            .post("/api/staff/gift-cards/list", &[("last4", &issued.last4)])
            .await;
        assert!(
            !list.body.contains(&issued.code),
            "the list never shows a code"
        );
        let rows: Vec<GiftCardRow> = list.view();
        assert_eq!(rows.len(), 1);
        assert_eq!(rows[0].balance.minor, 1_000);

        let mut b = Browser::new(&app);
        let added = b
            .post("/api/cart/add", &[("sku", SKU), ("quantity", "1")])
            .await;
        assert_eq!(added.status, 200, "{}", added.body);
        let wrong = b
            .post(
                "/api/checkout/gift-card",
                &[("code", "ABCD-EFGH-JKLM-NPQ2")],
            )
            .await;
        assert_eq!(wrong.status, 422, "{}", wrong.body);
        assert!(wrong.body.contains("recognise"), "{}", wrong.body);
        let ok = b
            .post("/api/checkout/gift-card", &[("code", &issued.code)])
            .await;
        assert_eq!(ok.status, 200, "{}", ok.body);
        let quote: QuoteView = b
            .post(
                "/api/checkout/quote",
                &[
                    ("country", "US"),
                    ("region", "IL"),
                    ("shipping_method", "standard"),
                    ("promo_code", ""),
                    ("email", ""),
                ],
            )
            .await
            .view();
        assert_eq!(quote.gift_cards.len(), 1);
        assert_eq!(quote.gift_cards[0].applied.minor, 1_000);
        assert_eq!(quote.to_pay.minor, quote.total.minor - 1_000);

        let mut form = ADDRESS.to_vec();
        form.push(("email", "gift@example.com"));
        let placed = b.post("/api/checkout/place", &form).await;
        assert_eq!(placed.status, 200, "{}", placed.body);
        let url = placed.json()["redirect_url"]
            .as_str()
            .expect("url")
            .to_owned();
        let (reference, page) = offline_page(&mut b, &url).await;
        assert_eq!(
            page["total"]["minor"].as_i64(),
            Some(quote.total.minor - 1_000),
            "the gateway asks for the rest: {page}"
        );
        let public_id = decide(&mut b, &reference, true).await;
        let order: OrderView = b
            .post("/api/orders/by-id", &[("public_id", &public_id)])
            .await
            .view();
        assert_eq!(order.paid_with.len(), 2, "{:?}", order.paid_with);
        assert_eq!(order.paid_with[0].amount.minor, 1_000);
        let rows: Vec<GiftCardRow> = staff
            .post("/api/staff/gift-cards/list", &[("last4", &issued.last4)])
            .await
            .view();
        assert_eq!(rows[0].balance.minor, 0);

        // Guessing: the budget runs out, then even a real code waits.
        let mut guesser = Browser::new(&app);
        guesser
            .post("/api/cart/add", &[("sku", SKU), ("quantity", "1")])
            .await;
        let mut limited = false;
        for _ in 0..12 {
            let r = guesser
                .post(
                    "/api/checkout/gift-card",
                    &[("code", "ZZZZ-ZZZZ-ZZZZ-ZZZZ")],
                )
                .await;
            if r.status == 429 {
                limited = true;
                break;
            }
            assert_eq!(r.status, 422, "{}", r.body);
        }
        assert!(limited, "code guesses are rate-limited");
    }
);

for_each_backend!(
    a_store_api_client_pays_partly_with_a_gift_card,
    |db: TestDatabase| async move {
        use reqwest::Method;
        use serde_json::json;
        let app = TestApp::spawn_env(db, true, &[("MERCATO_AUTH_RATE_LIMIT", "6/60")]).await;
        let mut staff = app
            .staff("api-cards@example.com", &[Permission::Orders])
            .await;
        let issued: IssuedCard = staff
            .post(
                "/api/staff/gift-cards/issue",
                &[("amount", "10.00"), ("note", "API")],
            )
            .await
            .view();
        let cart = call(&app, Method::POST, "/api/v1/carts", &[], None)
            .await
            .json();
        let cart = cart["id"].as_str().expect("cart").to_owned();
        let at = |tail: &str| format!("/api/v1/carts/{cart}{tail}");
        let added = call(
            &app,
            Method::POST,
            &at("/lines"),
            &[],
            Some(json!({"sku": SKU, "quantity": 1})),
        )
        .await;
        assert_eq!(added.status, 200, "{}", added.body);
        let enter = |code: &str| {
            let path = at("/gift-cards");
            let body = json!({ "code": code });
            let app = &app;
            async move { call(app, Method::POST, &path, &[], Some(body)).await }
        };
        let wrong = enter("ABCD-EFGH-JKLM-NPQ2").await;
        assert_eq!(wrong.status, 422, "{}", wrong.body);
        assert!(wrong.body.contains("recognise"), "{}", wrong.body);
        let nowhere = call(
            &app,
            Method::POST,
            "/api/v1/carts/no-such-cart/gift-cards",
            &[],
            Some(json!({ "code": issued.code })),
        )
        .await;
        assert_eq!(nowhere.status, 404, "{}", nowhere.body);
        let ok = enter(&issued.code.to_lowercase()).await;
        assert_eq!(ok.status, 204, "{}", ok.body);

        let destination = json!({"email": "api-gift@example.com", "country": "US", "region": "IL"});
        let quote = |body: serde_json::Value| {
            let path = at("/quote");
            let app = &app;
            async move {
                let q = call(app, Method::POST, &path, &[], Some(body)).await;
                assert_eq!(q.status, 200, "{}", q.body);
                q.json()
            }
        };
        let q = quote(destination.clone()).await;
        let total = q["total"]["amount_minor"].as_i64().expect("total");
        assert_eq!(q["gift_cards"][0]["applied"]["amount_minor"], 1_000, "{q}");
        assert_eq!(q["gift_cards"][0]["last4"], issued.last4.as_str());
        assert!(!q.to_string().contains(&issued.code), "never the code");
        assert_eq!(q["to_pay"]["amount_minor"].as_i64(), Some(total - 1_000));

        // Taken off, it no longer pays; entered again, it does.
        let card_id = q["gift_cards"][0]["id"].as_i64().expect("id");
        let removed = call(
            &app,
            Method::DELETE,
            &at(&format!("/gift-cards/{card_id}")),
            &[],
            None,
        )
        .await;
        assert_eq!(removed.status, 204, "{}", removed.body);
        let q = quote(destination.clone()).await;
        assert_eq!(q["gift_cards"], json!([]));
        assert_eq!(q["to_pay"]["amount_minor"].as_i64(), Some(total));
        assert_eq!(enter(&issued.code).await.status, 204);

        let order = json!({
            "email": "api-gift@example.com",
            "address": {"full_name": "Api Gift", "line1": "1 Main St", "city": "Chicago",
                        "region": "IL", "postal_code": "60601", "country": "US"},
            "shipping_method": q["shipping_method"],
            "expected_total_minor": total,
        });
        let placed = call(
            &app,
            Method::POST,
            &at("/order"),
            &[("idempotency-key", "gift-order")],
            Some(order),
        )
        .await;
        assert_eq!(placed.status, 201, "{}", placed.body);
        let placed = placed.json();
        let mut b = Browser::new(&app);
        let url = placed["payment_url"].as_str().expect("url");
        let (reference, page) = offline_page(&mut b, url).await;
        assert_eq!(page["total"]["minor"].as_i64(), Some(total - 1_000));
        decide(&mut b, &reference, true).await;
        let id = placed["order_id"].as_str().expect("id");
        let read = call(
            &app,
            Method::GET,
            &format!("/api/v1/orders/{id}"),
            &[],
            None,
        )
        .await;
        assert_eq!(read.status, 200, "{}", read.body);
        let paid_with = &read.json()["paid_with"];
        assert_eq!(paid_with[0]["amount"]["amount_minor"], 1_000, "{paid_with}");
        assert_eq!(
            paid_with[1]["amount"]["amount_minor"].as_i64(),
            Some(total - 1_000)
        );

        // Codes over the API count against the same guessing budget.
        let other = call(&app, Method::POST, "/api/v1/carts", &[], None)
            .await
            .json();
        let guesses = format!(
            "/api/v1/carts/{}/gift-cards",
            other["id"].as_str().expect("id")
        );
        let mut limited = false;
        for _ in 0..8 {
            let body = json!({ "code": "ZZZZ-ZZZZ-ZZZZ-ZZZZ" });
            let r = call(&app, Method::POST, &guesses, &[], Some(body)).await;
            if r.status == 429 {
                limited = true;
                break;
            }
            assert_eq!(r.status, 422, "{}", r.body);
        }
        assert!(limited, "code guesses are rate-limited");
    }
);
