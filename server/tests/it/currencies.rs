//! A shop priced in dollars that also sells in euros: the header offers the
//! choice, the switcher sets it and comes back, pages, the cache and the
//! cart follow it, and Stripe is asked in the order's currency (that part
//! in `stripe.rs`).
use crate::support::browser::Browser;
use crate::support::shop::SKU;
use crate::support::TestApp;
use domain::entities::{product, variant};
use sea_orm::{ColumnTrait, EntityTrait, QueryFilter};
use testkit::for_each_backend;
use testkit::TestDatabase;

/// The admin sells in each of `rows` (code, rate, rounding) beside dollars.
pub async fn sell_in(app: &TestApp, rows: &[(&str, &str, &str)]) {
    let rows: Vec<serde_json::Value> = rows
        .iter()
        .map(|(currency, rate, rounding)| {
            serde_json::json!({"currency": currency, "rate": rate, "rounding": rounding})
        })
        .collect();
    let body = serde_json::json!({ "rows": rows }).to_string();
    let mut admin = app.admin("fx-admin@example.com").await;
    let saved = admin
        .post_body(
            "/api/staff/settings/currencies",
            "application/json",
            body.into_bytes(),
        )
        .await;
    assert_eq!(saved.status, 200, "{}", saved.body);
}

async fn page(app: &TestApp, path: &str, cookie: Option<&str>) -> (String, String) {
    let mut req = app.client.get(app.url(path));
    if let Some(c) = cookie {
        req = req.header("cookie", c);
    }
    let res = req.send().await.expect("request");
    let cache = res
        .headers()
        .get("x-mercato-cache")
        .map(|v| v.to_str().expect("ascii").to_owned())
        .unwrap_or_default();
    (cache, res.text().await.expect("body"))
}

for_each_backend!(
    shoppers_choose_a_currency_and_the_shop_prices_in_it,
    |db: TestDatabase| async move {
        let app = TestApp::spawn(db).await;
        let conn = app.connection().await;
        let variant = variant::Entity::find()
            .filter(variant::Column::Sku.eq(SKU))
            .one(&conn)
            .await
            .expect("q")
            .expect("variant");
        let product = product::Entity::find_by_id(variant.product_id)
            .one(&conn)
            .await
            .expect("q")
            .expect("product");
        let path = format!("/product/{}", product.slug);

        // One currency: no switcher.
        let (_, before) = page(&app, &path, None).await;
        assert!(!before.contains(r#"data-testid="currency-switcher""#));

        sell_in(&app, &[("EUR", "0.92", "ninety_nine")]).await;
        let (_, dollars) = page(&app, &path, None).await;
        assert!(
            dollars.contains(r#"data-testid="currency-switcher""#),
            "the header offers the choice"
        );
        assert!(dollars.contains(r#""priceCurrency":"USD""#));

        // The switcher sets a cookie and comes back to the page.
        let res = app
            .client
            .get(app.url(&format!("/currency/EUR?next={path}")))
            .send()
            .await
            .expect("switch");
        assert_eq!(res.status().as_u16(), 303);
        assert_eq!(res.headers()["location"], path.as_str());
        let cookie = res.headers()["set-cookie"]
            .to_str()
            .expect("ascii")
            .to_owned();
        assert!(cookie.starts_with("currency=EUR;"), "{cookie}");
        assert!(cookie.contains("SameSite=Lax"), "{cookie}");
        for (bad, status) in [("/currency/XYZ", 404), ("/currency/JPY", 404)] {
            let res = app.client.get(app.url(bad)).send().await.expect("bad");
            assert_eq!(res.status().as_u16(), status, "{bad}");
        }
        let res = app
            .client
            .get(app.url("/currency/EUR?next=//evil.example/x"))
            .send()
            .await
            .expect("open redirect");
        assert_eq!(res.headers()["location"], "/", "never off the site");

        // Priced in euros, and a separate cache entry from the dollar page.
        let (first, euros) = page(&app, &path, Some("currency=EUR")).await;
        assert_eq!(first, "miss");
        assert!(
            euros.contains(r#""priceCurrency":"EUR""#),
            "JSON-LD in euros"
        );
        assert!(euros.contains('€'), "prices shown in euros");
        assert!(euros.contains(r#"aria-current="true""#));
        let (again, _) = page(&app, &path, Some("currency=EUR")).await;
        assert_eq!(again, "hit");
        let (_, still_dollars) = page(&app, &path, None).await;
        assert!(still_dollars.contains(r#""priceCurrency":"USD""#));
        // Without a choice, the browser's region: a German browser sees euros,
        // a British one dollars (no pounds here), each its own cache entry.
        let mut german = app
            .client
            .get(app.url(&path))
            .header("accept-language", "de-DE,de;q=0.9");
        german = german.header("accept", "text/html");
        let res = german.send().await.expect("german");
        let vary: Vec<&str> = res
            .headers()
            .get_all("vary")
            .iter()
            .map(|v| v.to_str().expect("ascii"))
            .collect();
        let vary = vary.join(", ");
        assert!(
            vary.contains("cookie") && vary.contains("accept-language"),
            "{vary}"
        );
        let body = res.text().await.expect("body");
        assert!(
            body.contains(r#""priceCurrency":"EUR""#),
            "de-DE pays in euros"
        );
        let res = app
            .client
            .get(app.url(&path))
            .header("accept-language", "en-GB")
            .send()
            .await
            .expect("british");
        let body = res.text().await.expect("body");
        assert!(
            body.contains(r#""priceCurrency":"USD""#),
            "no pounds sold: the base"
        );
        let res = app
            .client
            .get(app.url(&path))
            .header("accept-language", "de-DE")
            .header("cookie", "currency=USD")
            .send()
            .await
            .expect("chosen");
        let body = res.text().await.expect("body");
        assert!(
            body.contains(r#""priceCurrency":"USD""#),
            "a choice beats the region"
        );
        // A currency the shop doesn't sell in is the base.
        let (_, yen) = page(&app, &path, Some("currency=JPY")).await;
        assert!(yen.contains(r#""priceCurrency":"USD""#));

        // The cart is in euros too.
        let mut shopper = Browser::new(&app);
        shopper.cookies.push("currency=EUR".into());
        let added = shopper
            .post(
                "/api/cart/add",
                &[("sku", variant.sku.as_str()), ("quantity", "1")],
            )
            .await;
        assert_eq!(added.status, 200, "{}", added.body);
        assert_eq!(added.json()["subtotal"]["currency"], "EUR");
        let cart = shopper.post("/api/cart/get", &[]).await.json();
        assert_eq!(cart["subtotal"]["currency"], "EUR");
        // Back to dollars: the same cart, priced in dollars.
        shopper.cookies.clear();
        let cart = shopper.post("/api/cart/get", &[]).await.json();
        assert_eq!(cart["subtotal"]["currency"], "USD");
        assert_eq!(cart["subtotal"]["minor"], variant.price_minor);
    }
);

for_each_backend!(
    search_filters_speak_the_pages_language_and_currency,
    |db: TestDatabase| async move {
        let app = TestApp::spawn(db).await;
        sell_in(&app, &[("EUR", "0.92", "ninety_nine")]).await;
        // The text of each `<tag …>` that opens with `opening`.
        let texts = |html: &str, opening: &str| -> Vec<String> {
            html.split(opening)
                .skip(1)
                .filter_map(|rest| rest.split_once('>'))
                .filter_map(|(_, rest)| rest.split_once('<'))
                .map(|(text, _)| text.trim().to_owned())
                .collect()
        };
        let (_, german) = page(&app, "/de/search?q=shirt", Some("currency=EUR")).await;
        let headings = texts(&german, "<legend");
        for heading in ["Kategorie", "Preis", "Marke", "Kundenbewertung"] {
            assert!(
                headings.iter().any(|h| h == heading),
                "{heading} in {headings:?}"
            );
        }
        // $25.00 at 0.92 is exactly €23.00: the bucket's edge, written as
        // German writes euros.
        let values = texts(&german, r#"<span class="flex-1""#);
        assert!(
            values.iter().any(|v| v == "Unter 23,00\u{a0}€"),
            "{values:?}"
        );
        assert!(
            !values
                .iter()
                .any(|v| v.contains('$') || v.contains("Under") || v.contains("stars")),
            "{values:?}"
        );

        let (_, english) = page(&app, "/search?q=shirt", None).await;
        assert!(texts(&english, "<legend").iter().any(|h| h == "Price"));
        let values = texts(&english, r#"<span class="flex-1""#);
        assert!(values.iter().any(|v| v == "Under $25.00"), "{values:?}");
    }
);

for_each_backend!(
    the_gift_card_page_names_amounts_in_the_shoppers_currency,
    |db: TestDatabase| async move {
        let app = TestApp::spawn(db).await;
        let (_, dollars) = page(&app, "/gift-cards", None).await;
        assert!(dollars.contains("Choose an amount from $5.00 to $500.00."));
        sell_in(&app, &[("EUR", "0.92", "ninety_nine")]).await;
        let (_, euros) = page(&app, "/de/gift-cards", Some("currency=EUR")).await;
        assert!(
            euros.contains("Wählen Sie einen Betrag von 5,00\u{a0}€ bis 500,00\u{a0}€."),
            "German, in euros"
        );
    }
);
