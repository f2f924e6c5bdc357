//! Storefront analytics over HTTP, on SQLite and PostgreSQL: one visit id
//! (a first-party cookie) ties page views, product views, add-to-cart and
//! checkout together; Global Privacy Control gets no cookie and no id.

use std::time::Duration;

use crate::support::TestApp;
use domain::entities::{analytics_event, variant};
use sea_orm::{ColumnTrait, EntityTrait, QueryFilter, QueryOrder};
use testkit::for_each_backend;
use testkit::TestDatabase;

async fn post(
    app: &TestApp,
    path: &str,
    form: &[(&str, &str)],
    cookie: Option<&str>,
    gpc: bool,
) -> reqwest::Response {
    let mut req = app
        .client
        .post(app.url(path))
        .header("origin", format!("http://{}", app.addr))
        .header("sec-fetch-site", "same-origin")
        .form(form);
    if let Some(c) = cookie {
        req = req.header("cookie", c);
    }
    if gpc {
        req = req.header("sec-gpc", "1");
    }
    req.send().await.expect("request")
}

fn visit_cookie(res: &reqwest::Response) -> Option<String> {
    res.headers()
        .get_all("set-cookie")
        .iter()
        .filter_map(|v| v.to_str().ok())
        .find(|v| v.starts_with("mercato_vid="))
        .map(|v| v.split(';').next().unwrap_or_default().to_owned())
}

for_each_backend!(
    one_visit_ties_the_funnel_together,
    |db: TestDatabase| async move {
        let app = TestApp::spawn(db).await;
        let conn = app.connection().await;
        let p = crate::support::shop::product_on_sale(&conn).await;
        let sku = variant::Entity::find()
            .filter(variant::Column::ProductId.eq(p.id))
            .one(&conn)
            .await
            .expect("q")
            .expect("variant")
            .sku;

        let res = post(
            &app,
            "/api/analytics/page-view",
            &[("path", "/?q=secret")],
            None,
            false,
        )
        .await;
        assert_eq!(res.status(), 200);
        let cookie = visit_cookie(&res).expect("a visit cookie");
        let head = res
            .headers()
            .get_all("set-cookie")
            .iter()
            .filter_map(|v| v.to_str().ok())
            .find(|v| v.starts_with("mercato_vid="))
            .unwrap_or_default()
            .to_owned();
        assert!(
            head.contains("HttpOnly")
                && head.contains("SameSite=Lax")
                && head.contains("Max-Age=1800"),
            "{head}"
        );

        // The browser reports a product page as a page view of its path.
        let product_path = format!("/product/{}", p.slug);
        let res = post(
            &app,
            "/api/analytics/page-view",
            &[("path", product_path.as_str())],
            Some(&cookie),
            false,
        )
        .await;
        assert_eq!(res.status(), 200);
        let res = post(
            &app,
            "/api/cart/add",
            &[("sku", sku.as_str())],
            Some(&cookie),
            false,
        )
        .await;
        assert_eq!(res.status(), 200);
        // The guest cart lives in the session: keep its cookie too.
        let session = res
            .headers()
            .get_all("set-cookie")
            .iter()
            .filter_map(|v| v.to_str().ok())
            .find(|v| !v.starts_with("mercato_vid="))
            .map(|v| v.split(';').next().unwrap_or_default().to_owned())
            .expect("session cookie");
        let both = format!("{cookie}; {session}");
        let res = post(
            &app,
            "/api/checkout/quote",
            &[
                ("country", "US"),
                ("region", "IL"),
                ("shipping_method", "standard"),
                ("promo_code", ""),
                ("email", ""),
            ],
            Some(&both),
            false,
        )
        .await;
        assert_eq!(res.status(), 200);

        // Privacy signal: no cookie, and the event has no visit id.
        let res = post(
            &app,
            "/api/analytics/page-view",
            &[("path", "/private")],
            None,
            true,
        )
        .await;
        assert_eq!(res.status(), 200);
        assert!(visit_cookie(&res).is_none(), "no cookie under GPC");

        let id = cookie.trim_start_matches("mercato_vid=").to_owned();
        let mut kinds = Vec::new();
        for _ in 0..100 {
            let rows = analytics_event::Entity::find()
                .order_by_asc(analytics_event::Column::Id)
                .all(&conn)
                .await
                .expect("events");
            if rows.len() >= 6 {
                kinds = rows;
                break;
            }
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
        let mine: Vec<&str> = kinds
            .iter()
            .filter(|e| e.session.as_deref() == Some(id.as_str()))
            .map(|e| e.kind.as_str())
            .collect();
        assert_eq!(
            mine,
            [
                "page_view",
                "page_view",
                "product_view",
                "add_to_cart",
                "checkout_started"
            ]
        );
        assert_eq!(
            kinds[0].path.as_deref(),
            Some("/"),
            "query strings are not stored"
        );
        let private = kinds
            .iter()
            .find(|e| e.path.as_deref() == Some("/private"))
            .expect("GPC view");
        assert_eq!(private.session, None);
    }
);
