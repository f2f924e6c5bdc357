//! Gift cards over HTTP: staff issue one (the code is in that answer only,
//! never in the list), a shopper enters it at checkout and pays the rest
//! offline, the order page says how it was paid — and guessing at codes
//! runs into the sign-in rate limit.
use domain::accounts::Permission;
use model::commerce::{OrderView, QuoteView};
use model::gift_cards::{GiftCardRow, IssuedCard};
use testkit::for_each_backend;
use testkit::TestDatabase;

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
