//! The storefront in each language: `/de/…` speaks German to everyone (with
//! `lang`, alternates and links that stay German), an address without a
//! prefix speaks what the browser asks for, and the page cache keeps one
//! copy per language.
use crate::support::browser::Browser;
use crate::support::shop::product_on_sale;
use crate::support::{eventually, JsonBody, TestApp};
use model::search::SearchPage;
use testkit::for_each_backend;
use testkit::TestDatabase;

struct Page {
    status: u16,
    vary: String,
    cache: String,
    html: String,
}

async fn page(app: &TestApp, path: &str, accept_language: Option<&str>) -> Page {
    let mut req = app.client.get(app.url(path));
    if let Some(lang) = accept_language {
        req = req.header("accept-language", lang);
    }
    let res = req.send().await.expect("request");
    let header = |name: &str| {
        res.headers()
            .get(name)
            .map(|v| v.to_str().expect("ascii").to_owned())
            .unwrap_or_default()
    };
    let (vary, cache) = (header("vary"), header("x-mercato-cache"));
    Page {
        status: res.status().as_u16(),
        vary,
        cache,
        html: res.text().await.expect("body"),
    }
}

for_each_backend!(
    a_german_address_speaks_german,
    |db: TestDatabase| async move {
        let app = TestApp::spawn(db).await;
        let slug = product_on_sale(&app.connection().await).await.slug;
        let path = format!("/de/product/{slug}");

        let p = page(&app, &path, Some("en-US,en;q=0.9")).await;
        assert_eq!(p.status, 200);
        assert!(p.html.contains(r#"<html lang="de""#), "lang attribute");
        assert!(p.html.contains("Zum Inhalt springen"), "German text");
        assert!(
            !p.vary.contains("accept-language"),
            "a prefixed page is the same for every browser: {}",
            p.vary
        );
        for (lang, href) in [
            ("en", format!("https://shop.example/en/product/{slug}")),
            ("de", format!("https://shop.example/de/product/{slug}")),
            ("fr", format!("https://shop.example/fr/product/{slug}")),
            ("x-default", format!("https://shop.example/product/{slug}")),
        ] {
            let link = format!(r#"<link href="{href}" hreflang="{lang}" rel="alternate">"#);
            assert!(p.html.contains(&link), "alternate {link}");
        }
        assert!(
            p.html.contains(&format!(
                r#"<link href="https://shop.example/de/product/{slug}" rel="canonical">"#
            )),
            "the canonical address is the German one"
        );
        assert!(
            p.html.contains(r#"href="/de/cart""#),
            "links stay in German"
        );
        assert!(
            p.html.contains(&format!(r#"href="/fr/product/{slug}""#)),
            "the switcher offers the same page in French"
        );

        let home = page(&app, "/fr", None).await;
        assert_eq!(home.status, 200);
        assert!(home.html.contains(r#"<html lang="fr""#));
        assert!(home.html.contains("Aller au contenu"));

        // A page of one person's is as private under a prefix as without.
        for personal in ["/de/cart", "/fr/checkout", "/de/account"] {
            let res = app.get(personal).await;
            let control = res
                .headers()
                .get("cache-control")
                .map(|v| v.to_str().expect("ascii").to_owned());
            assert_eq!(control.as_deref(), Some("private, no-store"), "{personal}");
        }

        let missing = page(&app, "/de/no-such-page", None).await;
        assert_eq!(missing.status, 404);
        assert!(missing.html.contains(r#"<html lang="de""#));
    }
);

for_each_backend!(
    an_address_without_a_prefix_speaks_the_browsers_language,
    |db: TestDatabase| async move {
        let app = TestApp::spawn(db).await;
        let slug = product_on_sale(&app.connection().await).await.slug;
        let path = format!("/product/{slug}");

        let english = page(&app, &path, None).await;
        assert_eq!(english.status, 200);
        assert!(english.html.contains(r#"<html lang="en""#));
        assert!(english.html.contains("Skip to content"));
        assert!(english.vary.contains("accept-language"), "{}", english.vary);
        assert!(english.html.contains(r#"href="/cart""#), "links unprefixed");

        // The English copy in the cache is not handed to a French browser.
        let french = page(&app, &path, Some("fr-CH, fr;q=0.9, en;q=0.8")).await;
        assert!(french.html.contains(r#"<html lang="fr""#));
        assert!(french.html.contains("Aller au contenu"));
        assert_eq!(french.cache, "miss");
        let again = page(&app, &path, Some("fr")).await;
        assert_eq!(again.cache, "hit");
        assert!(again.html.contains(r#"<html lang="fr""#));
        assert!(again.vary.contains("accept-language"));

        let german = page(&app, &path, Some("es, de;q=0.5")).await;
        assert!(german.html.contains(r#"<html lang="de""#));
        let unknown = page(&app, &path, Some("es, it")).await;
        assert!(unknown.html.contains(r#"<html lang="en""#));
        assert_eq!(unknown.cache, "hit", "English, as before");
    }
);

for_each_backend!(
    a_translated_product_reads_and_is_found_in_its_language,
    |db: TestDatabase| async move {
        let app = TestApp::spawn_env(db, true, &[("MERCATO_OUTBOX_POLL_MS", "200")]).await;
        let slug = product_on_sale(&app.connection().await).await.slug;
        let german = format!("/de/product/{slug}");
        let before = page(&app, &german, None).await;
        assert_eq!(before.cache, "miss");

        let mut admin = app.admin("translator@example.com").await;
        let save = |rows: serde_json::Value| {
            serde_json::json!({ "slug": slug, "rows": rows })
                .to_string()
                .into_bytes()
        };
        let endpoint = "/api/staff/catalog/translations";
        let refused = admin
            .post_body(
                endpoint,
                "application/json",
                save(serde_json::json!([{"locale": "en", "title": "Shirt", "description": ""}])),
            )
            .await;
        assert_eq!(refused.status, 422, "{}", refused.body);
        assert!(
            refused.body.contains("translations.0.title"),
            "{}",
            refused.body
        );
        let saved = admin
            .post_body(
                endpoint,
                "application/json",
                save(serde_json::json!([
                    {"locale": "de", "title": "Wanderhemd Spezial", "description": "Ein Hemd zum Wandern."},
                    {"locale": "fr", "title": "", "description": ""}
                ])),
            )
            .await;
        assert_eq!(saved.status, 200, "{}", saved.body);

        // The change feed evicts the cached German page.
        let app_ref = &app;
        eventually("the German page to read the translation", || {
            let path = german.clone();
            async move {
                page(app_ref, &path, None)
                    .await
                    .html
                    .contains("Wanderhemd Spezial")
            }
        })
        .await;
        let p = page(&app, &german, None).await;
        assert!(
            p.html.contains("Ein Hemd zum Wandern."),
            "German description"
        );
        assert!(
            p.html.contains(r#""name":"Wanderhemd Spezial""#),
            "the markup names it in German"
        );
        for other in [format!("/product/{slug}"), format!("/fr/product/{slug}")] {
            let p = page(&app, &other, None).await;
            assert_eq!(p.status, 200);
            assert!(!p.html.contains("Wanderhemd"), "{other} stays English");
        }

        // Found by its German title in German only.
        let found = |locale: &'static str| async move {
            let page: SearchPage = app_ref
                .api(&format!(
                    "/api/search/results?state[q]=wanderhemd&state[locale]={locale}"
                ))
                .await
                .json()
                .await
                .expect("search page");
            page.hits
                .into_iter()
                .map(|h| h.card.title)
                .collect::<Vec<_>>()
        };
        eventually("the index to hold the German title", || async {
            found("de").await == ["Wanderhemd Spezial"]
        })
        .await;
        assert!(found("en").await.is_empty());
        assert!(found("fr").await.is_empty());

        let missing = admin
            .post_body(
                endpoint,
                "application/json",
                serde_json::json!({"slug": "no-such-product", "rows": []})
                    .to_string()
                    .into_bytes(),
            )
            .await;
        assert_eq!(missing.status, 404, "{}", missing.body);
    }
);

fn lang(html: &str) -> &str {
    let start = html.find("<html lang=\"").expect("html lang") + 12;
    &html[start..start + 2]
}

for_each_backend!(
    a_signed_in_shoppers_own_language_speaks_where_the_address_names_none,
    |db: TestDatabase| async move {
        let app = TestApp::spawn(db).await;
        let mut b = Browser::new(&app);
        let opened = b
            .post(
                "/api/auth/register",
                &[
                    ("email", "greta@example.com"),
                    ("password", crate::support::PASSWORD),
                    ("name", "Greta"),
                    ("locale", "de"),
                ],
            )
            .await;
        assert_eq!(opened.status, 200, "{}", opened.body);
        // Not signed in yet: the browser's language.
        assert_eq!(lang(&b.get("/").await.body), "en");
        let signed_in = b.login("greta@example.com", crate::support::PASSWORD).await;
        assert_eq!(signed_in.status, 200, "{}", signed_in.body);
        assert_eq!(lang(&b.get("/").await.body), "de", "the account's language");
        assert_eq!(lang(&b.get("/cart").await.body), "de");
        // The address's prefix comes first.
        assert_eq!(lang(&b.get("/en").await.body), "en");
        assert_eq!(lang(&b.get("/fr/cart").await.body), "fr");
        // Someone else, same browser language, same address: English.
        assert_eq!(lang(&page(&app, "/", None).await.html), "en");

        let changed = b
            .post(
                "/api/account/profile/update",
                &[("name", "Greta"), ("phone", ""), ("locale", "fr")],
            )
            .await;
        assert_eq!(changed.status, 200, "{}", changed.body);
        assert_eq!(lang(&b.get("/").await.body), "fr", "changed on the profile");

        assert_eq!(b.post("/api/auth/logout", &[]).await.status, 200);
        assert_eq!(lang(&b.get("/").await.body), "en", "signed out");
        let back = b.login("greta@example.com", crate::support::PASSWORD).await;
        assert_eq!(back.status, 200, "{}", back.body);
        assert_eq!(lang(&b.get("/").await.body), "fr", "kept by the account");
    }
);

for_each_backend!(
    numbers_days_and_countries_follow_the_language,
    |db: TestDatabase| async move {
        use domain::entities::{product, review};
        use sea_orm::{ColumnTrait, EntityTrait, QueryFilter};
        let app = TestApp::spawn(db).await;
        let conn = app.connection().await;
        let reviewed = review::Entity::find()
            .filter(review::Column::Status.eq("published"))
            .one(&conn)
            .await
            .expect("q")
            .expect("the demo has reviews");
        let slug = product::Entity::find_by_id(reviewed.product_id)
            .one(&conn)
            .await
            .expect("q")
            .expect("product")
            .slug;
        // The text inside the element that `marker` opens.
        let inside = |html: &str, marker: &str| -> String {
            let rest = html.split(marker).nth(1).expect(marker);
            let rest = &rest[rest.find('>').expect("tag") + 1..];
            rest[..rest.find("</p>").expect("end")].to_owned()
        };
        let summary = |html: &str| {
            let text = inside(html, r#"data-testid="rating-summary""#);
            let average = text.split('>').nth(1).expect("average");
            average[..average.find('<').expect("end")].to_owned()
        };
        let english = page(&app, &format!("/product/{slug}"), None).await.html;
        let german = page(&app, &format!("/de/product/{slug}"), None).await.html;
        let (en, de) = (summary(&english), summary(&german));
        assert!(en.len() == 3 && en.contains('.'), "{en}");
        assert_eq!(de, en.replace('.', ","), "an average with a decimal comma");
        // Reviews are dated as the language writes a day.
        let day = |html: &str| {
            let text = inside(html, r#"<p class="text-xs text-slate-500""#).replace("<!>", "");
            text.split(" · ").nth(1).expect("date")[..10].to_owned()
        };
        let (en, de) = (day(&english), day(&german));
        let (y, m, d) = (&en[..4], &en[5..7], &en[8..10]);
        assert_eq!(de, format!("{d}.{m}.{y}"), "{en}");

        // The checkout names countries in the page's language.
        let mut shopper = Browser::new(&app);
        let sku = crate::support::shop::SKU;
        let added = shopper.post("/api/cart/add", &[("sku", sku)]).await;
        assert_eq!(added.status, 200, "{}", added.body);
        let checkout = shopper.get("/de/checkout").await.body;
        assert!(checkout.contains(">Deutschland<"), "German country names");
        assert!(checkout.contains(">Vereinigte Staaten<"));
        assert!(!checkout.contains(">Germany<"));
        let checkout = shopper.get("/fr/checkout").await.body;
        assert!(checkout.contains(">Allemagne<"));
    }
);

for_each_backend!(
    a_typed_price_bound_is_shown_back_in_the_language,
    |db: TestDatabase| async move {
        // Typed either way, the bound comes back written as the page's
        // language writes decimals.
        let app = TestApp::spawn(db).await;
        for (path, shown) in [
            (
                "/de/category/women?price_min=23,5&price_max=40",
                ["23,50", "40,00"],
            ),
            ("/fr/category/women?price_min=23.5", ["23,50", ""]),
            ("/category/women?price_min=23,5", ["23.50", ""]),
        ] {
            let p = page(&app, path, None).await;
            assert_eq!(p.status, 200, "{path}");
            for (id, value) in ["price_min", "price_max"].iter().zip(shown) {
                let at = p.html.find(&format!("id=\"{id}\"")).expect("the field");
                let tag = &p.html[at..at + p.html[at..].find('>').expect("closed")];
                if value.is_empty() {
                    assert!(!tag.contains("value="), "{path}: {tag}");
                } else {
                    assert!(tag.contains(&format!("value=\"{value}\"")), "{path}: {tag}");
                }
            }
        }
    }
);

for_each_backend!(
    a_category_reads_in_its_language,
    |db: TestDatabase| async move {
        let app = TestApp::spawn_env(db, true, &[("MERCATO_OUTBOX_POLL_MS", "200")]).await;
        // The demo's translations: navigation, heading, description,
        // breadcrumbs and subcategories.
        let german = page(&app, "/de/category/women-t-shirts", None).await;
        assert_eq!(german.status, 200);
        for words in [
            "Damen",
            "Oberteile",
            "Herren",
            "Wohnen",
            "Modelle, vorrätig",
        ] {
            assert!(german.html.contains(words), "German page: {words}");
        }
        assert!(!german.html.contains("Women"), "nothing left in English");
        let french = page(&app, "/fr/category/women", None).await.html;
        assert!(french.contains("Femme") && french.contains("Hauts"));
        assert!(
            french.contains("Les essentiels du quotidien"),
            "French description"
        );
        let english = page(&app, "/category/women", None).await.html;
        assert!(english.contains("Women") && english.contains("Everyday wardrobe staples"));
        assert!(!english.contains("Damen"));
        let home = page(&app, "/de", None).await.html;
        assert!(
            home.contains("Basics für jeden Tag"),
            "home's category cards"
        );

        // The search's category filter and suggestions name them too.
        let app_ref = &app;
        let facet_labels = |locale: &'static str, q: &'static str| async move {
            let page: SearchPage = app_ref
                .api(&format!(
                    "/api/search/results?state[q]={q}&state[locale]={locale}"
                ))
                .await
                .json()
                .await
                .expect("search page");
            let labels: Vec<String> = page
                .facets
                .iter()
                .filter(|g| g.key == model::search::FacetKey::Category)
                .flat_map(|g| g.options.iter().map(|o| o.label.clone()))
                .collect();
            (page.total, labels)
        };
        let (_, labels) = facet_labels("de", "shirt").await;
        assert!(labels.iter().any(|l| l == "Damen"), "{labels:?}");
        assert!(!labels.iter().any(|l| l == "Women"), "{labels:?}");

        // Staff write the words; a bad row is refused with nothing saved.
        let mut admin = app.admin("translator@example.com").await;
        let read = admin
            .get_json("/api/staff/catalog/category-texts?slug=women")
            .await;
        assert_eq!(read.status, 200, "{}", read.body);
        assert!(read.body.contains("Damen"), "{}", read.body);
        let endpoint = "/api/staff/catalog/save-category-texts";
        let body = |description: &str, rows: serde_json::Value| {
            serde_json::json!({ "slug": "women", "description": description, "rows": rows })
                .to_string()
                .into_bytes()
        };
        let refused = admin
            .post_body(
                endpoint,
                "application/json",
                body(
                    "New English words.",
                    serde_json::json!([{"locale": "de", "title": "", "description": "Nur Text."}]),
                ),
            )
            .await;
        assert_eq!(refused.status, 422, "{}", refused.body);
        assert!(
            refused.body.contains("translations.0.title"),
            "{}",
            refused.body
        );
        let too_long = admin
            .post_body(
                endpoint,
                "application/json",
                body(&"x".repeat(5_001), serde_json::json!([])),
            )
            .await;
        assert_eq!(too_long.status, 422, "{}", too_long.body);
        assert!(page(&app, "/category/women", None)
            .await
            .html
            .contains("Everyday wardrobe staples"));

        let saved = admin
            .post_body(
                endpoint,
                "application/json",
                body(
                    "Clothes for her.",
                    serde_json::json!([
                        {"locale": "de", "title": "Frauen", "description": "Alles für sie."},
                        {"locale": "fr", "title": "", "description": ""}
                    ]),
                ),
            )
            .await;
        assert_eq!(saved.status, 200, "{}", saved.body);
        // The change feed evicts every cached page that names it.
        eventually("the German page to read the new name", || async {
            let html = page(app_ref, "/de/category/women", None).await.html;
            html.contains("Frauen") && html.contains("Alles für sie.")
        })
        .await;
        let french = page(&app, "/fr/category/women", None).await.html;
        assert!(
            french.contains("Women") && french.contains("Clothes for her."),
            "no French row: the English name and description"
        );
        assert!(page(&app, "/de/category/women-t-shirts", None)
            .await
            .html
            .contains("Frauen"));
        // Products below are found by the new name.
        eventually("the index to hold the new name", || async {
            facet_labels("de", "frauen").await.0 > 0
        })
        .await;

        let missing = admin
            .post_body(
                endpoint,
                "application/json",
                serde_json::json!({"slug": "no-such-category", "description": "", "rows": []})
                    .to_string()
                    .into_bytes(),
            )
            .await;
        assert_eq!(missing.status, 404, "{}", missing.body);
    }
);

for_each_backend!(
    option_and_attribute_words_read_in_the_language,
    |db: TestDatabase| async move {
        let app = TestApp::spawn(db).await;
        let product = "/product/rowan-essential-merino-t-shirt";
        // The demo's glossary: option names and the material, on the
        // product page, the category's filters and the search's.
        let german = page(&app, &format!("/de{product}"), None).await.html;
        for word in ["Größe", "Farbe", "Merinowolle"] {
            assert!(german.contains(word), "German product page: {word}");
        }
        let english = page(&app, product, None).await.html;
        assert!(english.contains("Colour") && !english.contains("Farbe"));
        let filters = page(&app, "/de/category/women-t-shirts", None).await.html;
        assert!(filters.contains("Farbe") && filters.contains("Bio-Baumwolle"));
        assert!(
            filters.contains("value=\"Colour:"),
            "the filter still sends the English word"
        );
        let search = page(&app, "/fr/search?q=shirt", None).await.html;
        assert!(search.contains("Couleur"), "the search's filters");

        // Staff change a word; a bad list is refused with nothing saved.
        let mut admin = app.admin("glossary@example.com").await;
        let listed = admin.get_json("/api/staff/catalog/words").await;
        assert_eq!(listed.status, 200, "{}", listed.body);
        let mut rows: Vec<model::glossary::WordRow> = listed.view();
        let size = rows
            .iter_mut()
            .find(|r| r.word == "Size")
            .expect("Size listed");
        assert!(size.in_use);
        assert_eq!(size.translations, ["Größe", "Taille"]);
        size.translations[0] = "Konfektionsgröße".into();
        let endpoint = "/api/staff/catalog/save-words";
        let mut twice = rows.clone();
        twice.push(model::glossary::WordRow {
            word: "Size".into(),
            translations: vec!["Maß".into(), String::new()],
            in_use: false,
        });
        let refused = admin
            .post_body(
                endpoint,
                "application/json",
                serde_json::json!({ "rows": twice })
                    .to_string()
                    .into_bytes(),
            )
            .await;
        assert_eq!(refused.status, 422, "{}", refused.body);
        assert!(
            refused
                .body
                .contains(&format!("words.{}.word", twice.len() - 1)),
            "{}",
            refused.body
        );
        assert!(!page(&app, &format!("/de{product}"), None)
            .await
            .html
            .contains("Konfektionsgröße"));
        let saved = admin
            .post_body(
                endpoint,
                "application/json",
                serde_json::json!({ "rows": rows }).to_string().into_bytes(),
            )
            .await;
        assert_eq!(saved.status, 200, "{}", saved.body);
        let app_ref = &app;
        eventually("the German page to read the new word", || async {
            page(app_ref, &format!("/de{product}"), None)
                .await
                .html
                .contains("Konfektionsgröße")
        })
        .await;
        assert!(page(&app, &format!("/fr{product}"), None)
            .await
            .html
            .contains("Taille"));
    }
);
