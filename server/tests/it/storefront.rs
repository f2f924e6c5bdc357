//! The storefront over real HTTP, on SQLite and PostgreSQL.

use crate::support::{count, tag_with, JsonBody, TestApp};
use domain::entities::{product, variant};
use sea_orm::{ColumnTrait, EntityTrait, QueryFilter, QueryOrder};
use testkit::for_each_backend;
use testkit::TestDatabase;

for_each_backend!(
    health_probes_and_request_ids,
    |db: TestDatabase| async move {
        let app = TestApp::spawn_with(db, false).await;
        let res = app.get("/healthz").await;
        assert_eq!(res.status(), 200);
        let id = res
            .headers()
            .get("x-request-id")
            .expect("request id header")
            .to_str()
            .expect("ascii")
            .to_owned();
        assert_eq!(id.len(), 36, "a UUID: {id}");
        let ready: serde_json::Value = app.get("/readyz").await.json().await.expect("json");
        assert_eq!(ready["checks"]["database"], "ok");

        // A caller's own request id is kept and echoed back.
        let res = app
            .client
            .get(app.url("/healthz"))
            .header("x-request-id", "abc-123")
            .send()
            .await
            .expect("req");
        assert_eq!(res.headers()["x-request-id"], "abc-123");
        assert_eq!(res.headers()["x-content-type-options"], "nosniff");
    }
);

for_each_backend!(home_is_server_rendered, |db: TestDatabase| async move {
    let app = TestApp::spawn(db).await;
    let (status, html) = app.page("/").await;
    assert_eq!(status, 200);
    assert!(
        html.contains("<title>Test Shop</title>"),
        "title in SSR head"
    );
    for dept in ["Women", "Men", "Kids", "Home &amp; Living", "Outdoor"] {
        assert!(html.contains(dept), "department {dept}");
    }
    assert!(count(&html, "data-testid=\"product-card\"") >= 8);
    let canonical = tag_with(&html, "rel=\"canonical\"").expect("canonical link");
    assert!(
        canonical.contains("href=\"https://shop.example/\""),
        "{canonical}"
    );
});

for_each_backend!(
    product_page_has_title_price_variants_and_markup,
    |db: TestDatabase| async move {
        let app = TestApp::spawn(db).await;
        let conn = app.connection().await;
        let p = product::Entity::find()
            .filter(product::Column::Title.contains("T-Shirt"))
            .order_by_asc(product::Column::Id)
            .one(&conn)
            .await
            .expect("query")
            .expect("a t-shirt");
        let variants = variant::Entity::find()
            .filter(variant::Column::ProductId.eq(p.id))
            .all(&conn)
            .await
            .expect("variants");

        let (status, html) = app.page(&format!("/product/{}", p.slug)).await;
        assert_eq!(status, 200);
        let title = p.title.replace('&', "&amp;");
        assert!(html.contains(&title), "product title in HTML");
        let price = domain::Money::new(p.price_min_minor, domain::Currency::Usd).format();
        assert!(html.contains(&price), "price {price} in HTML");
        for v in &variants {
            assert!(html.contains(&v.sku), "variant {} listed", v.sku);
        }
        // Rendered in place, not streamed behind a fallback: the title is in <head>.
        let head_end = html.find("</head>").expect("head");
        assert!(
            html.find("<title>").is_some_and(|t| t < head_end),
            "title in <head>"
        );
        assert!(
            !html.contains("Loading…"),
            "no suspense fallback in server HTML"
        );
        assert!(html.contains("application/ld+json"));
        assert!(html.contains("\"@type\":\"Product\""));
        let canonical = tag_with(&html, "rel=\"canonical\"").expect("canonical link");
        assert!(
            canonical.contains(&format!("href=\"https://shop.example/product/{}\"", p.slug)),
            "{canonical}"
        );
        assert!(tag_with(&html, "property=\"og:title\"").is_some_and(|t| t.contains(&title)));
        assert!(tag_with(&html, "property=\"og:type\"")
            .is_some_and(|t| t.contains("content=\"product\"")));
        assert!(tag_with(&html, "property=\"og:image\"")
            .is_some_and(|t| t.contains("https://shop.example/uploads/demo/")));
        assert!(html.contains("<meta name=\"description\""));

        // A shared link with ?variant= opens with that variant chosen.
        let last = variants.iter().max_by_key(|v| v.id).expect("variants");
        let (status, html) = app
            .page(&format!("/product/{}?variant={}", p.slug, last.sku))
            .await;
        assert_eq!(status, 200);
        assert!(
            html.contains(&format!("data-testid=\"sku\">{}<", last.sku)),
            "variant {} preselected",
            last.sku
        );
    }
);

for_each_backend!(
    unknown_things_answer_404_with_the_shop_page,
    |db: TestDatabase| async move {
        let app = TestApp::spawn(db).await;
        for path in [
            "/product/no-such-thing",
            "/category/no-such-thing",
            "/definitely/not/here",
        ] {
            let (status, html) = app.page(path).await;
            assert_eq!(status, 404, "{path}");
            assert!(
                html.contains("data-testid=\"not-found\""),
                "{path} renders the shop's 404 page"
            );
            assert!(html.contains("Test Shop"), "{path} keeps the shop layout");
        }
    }
);

for_each_backend!(
    malformed_query_parameters_never_fail,
    |db: TestDatabase| async move {
        let app = TestApp::spawn(db).await;
        for q in [
            "?page=-1",
            "?page=abc",
            "?page=99999999999999999999999",
            "?sort=foo",
            "?price_min=abc&price_max=-5",
            "?price_min=50&price_max=10",
            "?opt=nocolon&opt=%3A&brand=",
            "?page=9999",
        ] {
            let (status, html) = app.page(&format!("/category/women{q}")).await;
            assert_eq!(status, 200, "{q}");
            assert!(
                count(&html, "data-testid=\"product-card\"") > 0,
                "{q} still lists products"
            );
        }
        // Undecodable bytes are just an unknown brand: an empty result, not an error.
        let (status, html) = app.page("/category/women?brand=%FF%FE").await;
        assert_eq!(status, 200);
        assert!(html.contains("No products match these filters."));
    }
);

for_each_backend!(
    category_pages_paginate_in_the_database,
    |db: TestDatabase| async move {
        let app = TestApp::spawn(db).await;
        let (_, first) = app.page("/category/women?sort=name").await;
        let (_, second) = app.page("/category/women?sort=name&page=2").await;
        assert_eq!(count(&first, "data-testid=\"product-card\""), 24);
        assert_eq!(count(&second, "data-testid=\"product-card\""), 24);
        assert!(first.contains("Showing 1–24 of"));
        assert!(second.contains("Showing 25–48 of"));
        let first_link = |html: &str| {
            html.split("href=\"/product/")
                .nth(1)
                .map(|s| s.split('"').next().unwrap_or("").to_owned())
        };
        assert_ne!(first_link(&first), first_link(&second));
        // Filters are in the links, so the URL is the whole state.
        assert!(
            second.contains("href=\"/category/women?sort=name&amp;page=3\"")
                || second.contains("href=\"/category/women?sort=name&page=3\"")
        );
    }
);

for_each_backend!(responses_are_compressed, |db: TestDatabase| async move {
    let app = TestApp::spawn(db).await;
    for enc in ["br", "gzip"] {
        let res = app
            .client
            .get(app.url("/category/men"))
            .header("accept-encoding", enc)
            .send()
            .await
            .expect("req");
        assert_eq!(res.status(), 200);
        assert_eq!(res.headers()["content-encoding"], enc);
    }
});

// A signed-in page is compressed per request: with a current browser's
// `Accept-Encoding` that is zstd (as small as brotli 1 here, and cheaper),
// and it decodes to the shopper's page; a client without zstd still gets
// brotli.
for_each_backend!(personal_pages_prefer_zstd, |db: TestDatabase| async move {
    let app = TestApp::spawn(db).await;
    let b = crate::accounts::signed_up(&app, "zstd@example.com").await;
    let cookie = format!(
        "{}={}",
        b.cookie_name,
        b.session.clone().expect("signed in")
    );
    let fetch = |enc: &'static str| {
        app.client
            .get(app.url("/account"))
            .header("cookie", cookie.clone())
            .header("accept-encoding", enc)
            .send()
    };
    let res = fetch("gzip, deflate, br, zstd").await.expect("req");
    assert_eq!(res.status(), 200);
    assert_eq!(res.headers()["content-encoding"], "zstd");
    let bytes = res.bytes().await.expect("body");
    let html = String::from_utf8(zstd::decode_all(&bytes[..]).expect("zstd")).expect("utf-8");
    assert!(html.contains("zstd@example.com"), "the shopper's own page");
    // Compressed once, with a kept context (http::page_zstd), and said so.
    let res = fetch("gzip, deflate, br, zstd").await.expect("req");
    let vary: Vec<String> = res
        .headers()
        .get_all("vary")
        .iter()
        .map(|v| v.to_str().expect("ascii").to_ascii_lowercase())
        .collect();
    assert!(
        vary.iter().any(|v| v.contains("accept-encoding")),
        "{vary:?}"
    );
    let again = res.bytes().await.expect("body");
    let again = String::from_utf8(zstd::decode_all(&again[..]).expect("zstd")).expect("utf-8");
    assert!(
        again.contains("zstd@example.com"),
        "a second page from the same context"
    );

    let res = fetch("gzip, br").await.expect("req");
    assert_eq!(res.headers()["content-encoding"], "br");
});

for_each_backend!(
    static_files_carry_cache_headers,
    |db: TestDatabase| async move {
        let app = TestApp::spawn(db).await;
        let res = app.get("/pkg/probe.js").await;
        assert_eq!(res.status(), 200);
        assert_eq!(
            res.headers()["cache-control"],
            "no-cache",
            "unhashed bundles revalidate"
        );
        let conn = app.connection().await;
        let image = domain::entities::product_image::Entity::find()
            .one(&conn)
            .await
            .expect("query")
            .expect("image");
        let res = app.get(&image.url).await;
        assert_eq!(res.status(), 200);
        assert_eq!(res.headers()["content-type"], "image/svg+xml");
        assert_eq!(res.headers()["cache-control"], "public, max-age=86400");
        let (status, body) = app.page("/robots.txt").await;
        assert_eq!(status, 200);
        assert!(body.contains("User-agent"));
    }
);

for_each_backend!(
    shutdown_lets_requests_finish,
    |db: TestDatabase| async move {
        let mut app = TestApp::spawn(db).await;
        let inflight = {
            let (client, url) = (
                app.client.clone(),
                app.url("/category/outdoor?sort=price_desc"),
            );
            tokio::spawn(async move { client.get(url).send().await.map(|r| r.status().as_u16()) })
        };
        tokio::time::sleep(std::time::Duration::from_millis(5)).await;
        app.shutdown();
        let server = app.server.take().expect("server task");
        let stopped = tokio::time::timeout(std::time::Duration::from_secs(20), server).await;
        assert!(matches!(stopped, Ok(Ok(Ok(())))), "server stops cleanly");
        if let Ok(Ok(status)) = inflight.await {
            assert_eq!(status, 200, "an accepted request is answered, not dropped");
        }
        let fresh = reqwest::Client::new();
        assert!(
            fresh.get(app.url("/healthz")).send().await.is_err(),
            "no new connections after shutdown"
        );
    }
);

for_each_backend!(
    undecodable_server_fn_calls_are_400,
    |db: TestDatabase| async move {
        use leptos::server_fn::ServerFn;
        let app = TestApp::spawn(db).await;
        let path = <app::api::catalog::GetProduct as ServerFn>::PATH;
        let res = app
            .client
            .post(app.url(path))
            .header("content-type", "application/x-www-form-urlencoded")
            .body("garbage=%%%")
            .send()
            .await
            .expect("request");
        assert_eq!(res.status(), 400);
        assert!(
            res.text().await.expect("body").contains("slug"),
            "the message names the missing field"
        );

        // A well-formed call still works and an unknown slug is not an error.
        let res = app
            .client
            .post(app.url(path))
            .header("content-type", "application/x-www-form-urlencoded")
            .body("slug=no-such-product")
            .send()
            .await
            .expect("request");
        assert_eq!(res.status(), 200);
        assert_eq!(res.text().await.expect("body"), "null");
    }
);

for_each_backend!(
    add_to_cart_works_without_javascript,
    |db: TestDatabase| async move {
        let app = TestApp::spawn(db).await;
        let mut tab = crate::support::browser::Browser::new(&app);
        let page = "/product/rowan-essential-merino-t-shirt?variant=TSH-0001-01";
        let html = tab.get(page).await.body;
        let form = tag_with(&html, "data-testid=\"add-to-cart-form\"").expect("a real form");
        assert!(
            form.contains("action=\"/api/cart/add\"") && form.contains("method=\"post\""),
            "{form}"
        );
        let quantity = tag_with(&html, "data-testid=\"quantity\"").expect("quantity field");
        assert!(quantity.contains("value=\"1\""), "{quantity}");
        let sku = tag_with(&html, "name=\"sku\"").expect("sku field");
        assert!(sku.contains("value=\"TSH-0001-01\""), "{sku}");

        // The browser posts the form; the server adds and sends it back.
        let res = tab
            .submit(
                page,
                "/api/cart/add",
                &[("sku", "TSH-0001-01"), ("quantity", "2")],
            )
            .await;
        assert!(matches!(res.status, 302 | 303), "{}", res.body);
        assert_eq!(res.headers["location"], app.url(page));
        let html = tab.get(page).await.body;
        assert!(
            html.contains("data-testid=\"cart-count\">2<"),
            "the header counts the items"
        );

        // A refusal comes back to the same page, with the reason on it.
        let res = tab
            .submit(
                page,
                "/api/cart/add",
                &[("sku", "TSH-0001-01"), ("quantity", "50")],
            )
            .await;
        assert_eq!(res.status, 303, "{}", res.body);
        let back = res.headers["location"].to_str().expect("ascii").to_owned();
        let path = back.strip_prefix(&app.url("")).expect("same origin");
        let html = tab.get(path).await.body;
        assert!(html.contains("at most 10 of this item"), "{back}");
        assert!(
            html.contains("data-testid=\"cart-count\">2<"),
            "nothing added"
        );
    }
);

for_each_backend!(
    yen_shop_price_filter_is_in_yen,
    |db: TestDatabase| async move {
        // "2499" in a yen shop is ¥2,499 — not ¥249,900 as when the
        // listing read amounts as dollars and cents.
        let app = TestApp::spawn_env(db, true, &[("MERCATO_CURRENCY", "JPY")]).await;
        let (status, html) = app.page("/category/women?price_max=2499").await;
        assert_eq!(status, 200);
        let prices: Vec<i64> = html
            .split("data-testid=\"price\"")
            .skip(1)
            .filter_map(|rest| {
                let text = rest.split('>').nth(1)?.split('<').next()?;
                assert!(text.contains('¥'), "{text}");
                text.chars()
                    .filter(char::is_ascii_digit)
                    .collect::<String>()
                    .parse()
                    .ok()
            })
            .collect();
        assert!(!prices.is_empty(), "the demo shop has cheap things");
        assert!(
            prices.iter().all(|p| *p <= 2499),
            "every listed price is at most ¥2,499: {prices:?}"
        );
        // The filter shows back what was asked, in yen.
        assert!(html.contains("value=\"2499\""), "price_max shown as typed");
    }
);

for_each_backend!(
    page_frame_comes_with_the_page,
    |db: TestDatabase| async move {
        // The header's name and counts are read before the page renders
        // and are in its first HTML, on a page that shows neither list.
        let app = TestApp::spawn(db).await;
        let mut tab = crate::support::browser::Browser::new(&app);
        let count_of = |html: &str, id: &str| {
            let at = html
                .find(&format!("data-testid=\"{id}\">"))
                .unwrap_or_else(|| panic!("no {id}"));
            let rest = &html[at + id.len() + 15..];
            rest[..rest.find('<').expect("closed")].to_owned()
        };
        let html = tab.get("/gift-cards").await.body;
        assert_eq!(count_of(&html, "cart-count"), "0");
        assert_eq!(count_of(&html, "wishlist-count"), "0");
        let added = tab
            .post(
                "/api/cart/add",
                &[("sku", "TSH-0001-01"), ("quantity", "3")],
            )
            .await;
        assert_eq!(added.status, 200, "{}", added.body);
        let saved = tab
            .post(
                "/api/wishlist/set",
                &[
                    ("slug", "rowan-essential-merino-t-shirt"),
                    ("saved", "true"),
                ],
            )
            .await;
        assert_eq!(saved.status, 200, "{}", saved.body);

        let html = tab.get("/gift-cards").await.body;
        assert_eq!(count_of(&html, "cart-count"), "3", "the guest's cart");
        assert_eq!(count_of(&html, "wishlist-count"), "1", "the guest's list");
        assert!(html.contains("data-testid=\"sign-in-link\""));

        let password = "plum tractor velvet harbour";
        assert_eq!(
            tab.register("frame@example.com", password).await.status,
            200
        );
        assert_eq!(tab.login("frame@example.com", password).await.status, 200);
        let html = tab.get("/account").await.body;
        let link = tag_with(&html, "data-testid=\"account-link\"").expect("account link");
        assert!(html.contains("Test Person"), "{link}");
        assert_eq!(count_of(&html, "cart-count"), "3", "merged at sign-in");
        assert_eq!(count_of(&html, "wishlist-count"), "1", "merged at sign-in");

        // Someone else's page says nothing of hers.
        let mut other = crate::support::browser::Browser::new(&app);
        let html = other.get("/gift-cards").await.body;
        assert!(!html.contains("Test Person"));
        assert_eq!(count_of(&html, "cart-count"), "0");
        assert_eq!(count_of(&html, "wishlist-count"), "0");
    }
);
