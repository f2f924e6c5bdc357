//! The storefront in each language: `/de/…` speaks German to everyone (with
//! `lang`, alternates and links that stay German), an address without a
//! prefix speaks what the browser asks for, and the page cache keeps one
//! copy per language.
use crate::support::shop::product_on_sale;
use crate::support::TestApp;
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
