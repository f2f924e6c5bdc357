//! The store API reads the catalog to its reader as the pages do: in the
//! language `Accept-Language` asks for (titles, category names, option
//! words) and in the currency `?currency=` names (price lists, else the
//! base price converted by the currency's rule), each kept apart by the
//! shared cache; a currency the shop does not sell in is refused by name.
use serde_json::Value;
use testkit::for_each_backend;
use testkit::TestDatabase;

use crate::api_v1::get;
use crate::currencies::sell_in;
use crate::support::TestApp;

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
