//! The store API reads the catalog to its reader as the pages do: in the
//! language `Accept-Language` asks for (titles, category names, option
//! words) and in the currency `?currency=` names (price lists, else the
//! base price converted by the currency's rule), each kept apart by the
//! shared cache; a currency the shop does not sell in is refused by name.
//! A REST cart stays in the currency it was opened in, and its lines, its
//! quote and the order placed from it speak the reader's language.
use domain::entities::{order, user, wishlist};
use reqwest::Method;
use sea_orm::{ColumnTrait, EntityTrait, QueryFilter};
use serde_json::{json, Value};
use testkit::for_each_backend;
use testkit::TestDatabase;

use crate::api_customer::signed_in;
use crate::api_v1::{call, get};
use crate::currencies::sell_in;
use crate::support::browser::Browser;
use crate::support::TestApp;
use crate::support::PASSWORD;

/// Each listed product's slug and title.
fn titles(list: &Value) -> Vec<(&str, &str)> {
    list["data"]
        .as_array()
        .map(|a| {
            a.iter()
                .filter_map(|p| Some((p["slug"].as_str()?, p["title"].as_str()?)))
                .collect()
        })
        .unwrap_or_default()
}

/// The first product in `list` whose title differs from the one in `other`.
fn retitled<'a>(list: &'a Value, other: &Value) -> Option<(&'a str, &'a str)> {
    let theirs = titles(other);
    titles(list)
        .into_iter()
        .find(|(slug, title)| theirs.iter().any(|(s, t)| s == slug && t != title))
}

for_each_backend!(
    the_store_api_reads_in_the_readers_language_and_currency,
    |db: TestDatabase| async move {
        let app = TestApp::spawn(db).await;
        sell_in(&app, &[("EUR", "0.92", "ninety_nine")]).await;
        let list = "/api/v1/products?category=women&sort=price_asc";
        let german = [("accept-language", "de-DE, de;q=0.9")];

        // English first, then German: each its own cache entry.
        let en = get(&app, list, &[]).await;
        assert_eq!(en.status, 200, "{}", en.body);
        assert_eq!(en.headers["content-language"], "en");
        let de = get(&app, list, &german).await;
        assert_eq!(de.status, 200, "{}", de.body);
        assert_eq!(de.headers["content-language"], "de");
        assert_eq!(
            de.headers["x-mercato-cache"], "miss",
            "not the English copy"
        );
        let vary = de.headers["vary"].to_str().expect("ascii");
        assert!(vary.contains("accept-language"), "{vary}");
        assert_eq!(
            get(&app, list, &german).await.headers["x-mercato-cache"],
            "hit"
        );
        let (en_json, de_json) = (en.json(), de.json());
        let (slug, german_title) =
            retitled(&de_json, &en_json).expect("a product the demo shop translates to German");

        // The product, in German, with the glossary's option words.
        let path = format!("/api/v1/products/{slug}");
        let product = get(&app, &path, &german).await;
        assert_eq!(product.status, 200, "{}", product.body);
        let product = product.json();
        assert_eq!(product["title"], german_title);
        let options: Vec<&str> = product["options"]
            .as_array()
            .expect("options")
            .iter()
            .filter_map(|o| o["name"].as_str())
            .collect();
        assert!(options.contains(&"Größe"), "{options:?}");
        let english = get(&app, &path, &[]).await.json();
        assert_ne!(english["title"], product["title"]);
        assert!(english["options"].to_string().contains("\"Size\""));

        // In euros: every price, and the list agrees with the product.
        let in_euros = get(&app, &format!("{path}?currency=eur"), &[]).await;
        assert_eq!(in_euros.status, 200, "{}", in_euros.body);
        let in_euros = in_euros.json();
        for v in in_euros["variants"].as_array().expect("variants") {
            assert_eq!(v["price"]["currency"], "EUR", "{v}");
        }
        assert_eq!(in_euros["price_min"]["currency"], "EUR");
        let dollars = english["price_min"]["amount_minor"]
            .as_i64()
            .expect("minor");
        let euros = in_euros["price_min"]["amount_minor"]
            .as_i64()
            .expect("minor");
        assert_ne!(dollars, euros, "converted, not relabelled");
        assert_eq!(euros % 100, 99, "the ninety-nine rule: {euros}");
        let euro_list = get(&app, &format!("{list}&currency=EUR"), &[]).await.json();
        let card = euro_list["data"]
            .as_array()
            .expect("data")
            .iter()
            .find(|p| p["slug"] == slug)
            .expect("the product is listed in euros too")
            .clone();
        assert_eq!(card["price_min"], in_euros["price_min"]);
        if let Some(next) = euro_list["next"].as_str() {
            assert!(
                next.contains("currency=EUR"),
                "the next page stays in euros: {next}"
            );
        }

        // Categories and suggestions in German.
        let tree = get(&app, "/api/v1/categories", &german).await.json();
        assert_eq!(tree["data"][0]["name"], "Damen", "{tree}");
        let words = german_title.split(' ').next_back().expect("a word");
        let suggested = get(
            &app,
            &format!("/api/v1/search/suggestions?q={words}&currency=EUR"),
            &german,
        )
        .await;
        assert_eq!(suggested.status, 200, "{}", suggested.body);
        let suggested = suggested.json();
        for p in suggested["products"].as_array().expect("products") {
            assert_eq!(p["price_min"]["currency"], "EUR", "{p}");
        }

        // A currency the shop does not sell in, or none at all: refused by name.
        for bad in ["JPY", "XYZ", "e%C3%BCr"] {
            let refused = get(&app, &format!("{path}?currency={bad}"), &[]).await;
            assert_eq!(refused.status, 422, "{bad}: {}", refused.body);
            assert_eq!(refused.problem(), "validation");
            assert_eq!(refused.json()["errors"][0]["field"], "currency");
            assert!(refused.body.contains("EUR"), "{}", refused.body);
        }
    }
);

/// A variant of `product` (as the API answered it) whose title the German
/// glossary changes: its SKU and its English and German titles.
fn reworded_variant(english: &Value, german: &Value) -> Option<(String, String, String)> {
    let en = english["variants"].as_array()?;
    let de = german["variants"].as_array()?;
    en.iter().zip(de).find_map(|(e, d)| {
        let (et, dt) = (e["title"].as_str()?, d["title"].as_str()?);
        (e["sku"] == d["sku"] && et != dt && e["available"].as_i64() >= Some(2)).then(|| {
            (
                e["sku"].as_str().unwrap_or_default().to_owned(),
                et.to_owned(),
                dt.to_owned(),
            )
        })
    })
}

for_each_backend!(
    a_rest_cart_keeps_its_currency_and_speaks_its_readers_language,
    |db: TestDatabase| async move {
        let app = TestApp::spawn(db).await;
        sell_in(&app, &[("EUR", "0.92", "ninety_nine")]).await;
        let german = [("accept-language", "de")];
        let list = get(&app, "/api/v1/products?category=women&in_stock=true", &[])
            .await
            .json();
        let mut picked = None;
        for p in list["data"].as_array().expect("data") {
            let path = format!("/api/v1/products/{}", p["slug"].as_str().expect("slug"));
            let (en, de) = (
                get(&app, &path, &[]).await.json(),
                get(&app, &path, &german).await.json(),
            );
            if let Some(found) = reworded_variant(&en, &de) {
                picked = Some(found);
                break;
            }
        }
        let (sku, english_variant, german_variant) =
            picked.expect("a variant the demo glossary words in German");

        // Opened in euros, read in German.
        let refused = call(&app, Method::POST, "/api/v1/carts?currency=JPY", &[], None).await;
        assert_eq!(refused.status, 422, "{}", refused.body);
        assert_eq!(refused.json()["errors"][0]["field"], "currency");
        let opened = call(
            &app,
            Method::POST,
            "/api/v1/carts?currency=EUR",
            &german,
            None,
        )
        .await;
        assert_eq!(opened.status, 201, "{}", opened.body);
        assert_eq!(opened.headers["content-language"], "de");
        let id = opened.json()["id"].as_str().expect("id").to_owned();
        assert_eq!(opened.json()["subtotal"]["currency"], "EUR");
        let added = call(
            &app,
            Method::POST,
            &format!("/api/v1/carts/{id}/lines"),
            &german,
            Some(json!({"sku": sku, "quantity": 2})),
        )
        .await;
        assert_eq!(added.status, 200, "{}", added.body);
        let line = &added.json()["lines"][0];
        assert_eq!(line["variant_title"], german_variant.as_str(), "{line}");
        assert_eq!(line["unit_price"]["currency"], "EUR", "{line}");
        assert_eq!(
            line["unit_price"]["amount_minor"].as_i64().map(|m| m % 100),
            Some(99)
        );

        // Read in English later: still euros, English words.
        let read = get(&app, &format!("/api/v1/carts/{id}"), &[]).await;
        assert_eq!(read.headers["content-language"], "en");
        let read = read.json();
        assert_eq!(read["lines"][0]["variant_title"], english_variant.as_str());
        assert_eq!(
            read["subtotal"],
            added.json()["subtotal"],
            "the cart kept its currency"
        );

        // The quote: euros, and the promo code's fate in the reader's language.
        let ask = json!({"country": "US", "region": "CA", "promo_code": "NO-SUCH-CODE", "email": "k@example.com"});
        let path = format!("/api/v1/carts/{id}/quote");
        let quote_en = call(&app, Method::POST, &path, &[], Some(ask.clone())).await;
        assert_eq!(quote_en.status, 200, "{}", quote_en.body);
        let quote = call(&app, Method::POST, &path, &german, Some(ask)).await;
        assert_eq!(quote.status, 200, "{}", quote.body);
        let (quote_en, quote) = (quote_en.json(), quote.json());
        assert_eq!(quote["total"]["currency"], "EUR", "{quote}");
        let (said_en, said_de) = (
            quote_en["promo_message"].as_str().expect("a promo message"),
            quote["promo_message"].as_str().expect("a promo message"),
        );
        assert_ne!(said_en, said_de, "German, not English");
        assert_eq!(quote["lines"][0]["variant_title"], german_variant.as_str());

        // Placed in German: the order is in euros at the rate, and German.
        let placed = call(
            &app,
            Method::POST,
            &format!("/api/v1/carts/{id}/order"),
            &[("accept-language", "de"), ("idempotency-key", "rest-eur-1")],
            Some(json!({
                "email": "kunde@example.com",
                "address": {"full_name": "Karl Kunde", "line1": "1 Main St", "city": "Sacramento",
                            "region": "CA", "postal_code": "95814", "country": "US"},
                "shipping_method": quote["shipping_method"],
                "expected_total_minor": quote["total"]["amount_minor"],
            })),
        )
        .await;
        assert_eq!(placed.status, 201, "{}", placed.body);
        let order_id = placed.json()["order_id"].as_str().expect("id").to_owned();
        let row = order::Entity::find()
            .filter(order::Column::PublicId.eq(order_id.as_str()))
            .one(&app.connection().await)
            .await
            .expect("query")
            .expect("the order");
        assert_eq!((row.currency.as_str(), row.locale.as_str()), ("EUR", "de"));
        assert_eq!(row.fx_rate_e9, 920_000_000);
        assert_eq!(
            row.total_minor,
            quote["total"]["amount_minor"].as_i64().expect("minor")
        );
        let read = get(&app, &format!("/api/v1/orders/{order_id}"), &german)
            .await
            .json();
        assert_eq!(read["total"]["currency"], "EUR");
        assert_eq!(read["lines"][0]["variant_title"], german_variant.as_str());

        // A customer's wishlist reads the same way, and a save in euros
        // is recorded in euros (the alert mails quote it).
        Browser::new(&app)
            .register("liste@example.com", PASSWORD)
            .await;
        let bearer = signed_in(&app, "liste@example.com").await;
        let me = [
            ("authorization", bearer.as_str()),
            ("accept-language", "de"),
        ];
        let slug = line["product_slug"].as_str().expect("slug");
        let saved = call(
            &app,
            Method::POST,
            "/api/v1/customer/wishlist?currency=EUR",
            &me,
            Some(json!({"product_slug": slug, "sku": sku})),
        )
        .await;
        assert_eq!(saved.status, 200, "{}", saved.body);
        assert_eq!(saved.headers["content-language"], "de");
        let item = &saved.json()["data"][0];
        assert_eq!(item["variant_title"], german_variant.as_str(), "{item}");
        assert_eq!(item["price"], line["unit_price"], "the cart's euro price");
        let conn = app.connection().await;
        let user = user::Entity::find()
            .filter(user::Column::Email.eq("liste@example.com"))
            .one(&conn)
            .await
            .expect("query")
            .expect("the customer");
        let kept: Option<String> = wishlist::Entity::find()
            .filter(wishlist::Column::UserId.eq(user.id))
            .one(&conn)
            .await
            .expect("query")
            .and_then(|w| w.currency);
        assert_eq!(kept.as_deref(), Some("EUR"));
        let english = get(&app, "/api/v1/customer/wishlist", &me[..1]).await;
        assert_eq!(english.status, 200, "{}", english.body);
        let english = english.json();
        assert_eq!(
            english["data"][0]["variant_title"],
            english_variant.as_str()
        );
        assert_eq!(english["data"][0]["price"]["currency"], "USD");
        let refused = get(&app, "/api/v1/customer/wishlist?currency=JPY", &me).await;
        assert_eq!(refused.status, 422, "{}", refused.body);
    }
);
