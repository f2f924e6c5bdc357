//! The staff catalog over HTTP, on SQLite and PostgreSQL: the editor's save
//! (product on the storefront and in search), image upload served back,
//! CSV export streamed and imported unchanged through the progress job,
//! and a bad file answered with its rows.

use std::time::Duration;

use crate::support::browser::Browser;
use crate::support::eventually;
use crate::support::{JsonBody, TestApp};
use model::Permission;
use testkit::for_each_backend;
use testkit::TestDatabase;

fn png() -> Vec<u8> {
    let img = image::RgbImage::from_fn(640, 480, |x, y| image::Rgb([x as u8, y as u8, 200]));
    let mut out = std::io::Cursor::new(Vec::new());
    img.write_to(&mut out, image::ImageFormat::Png)
        .expect("png");
    out.into_inner()
}

for_each_backend!(
    staff_edit_upload_export_and_import,
    |db: TestDatabase| async move {
        let env = [
            ("MERCATO_AUTH_RATE_LIMIT", "1000/1"),
            ("MERCATO_OUTBOX_POLL_MS", "100"),
        ];
        let app = TestApp::spawn_env(db, true, &env).await;
        let _conn = app.connection().await;
        let mut staff = app.staff("cat@example.com", &[Permission::Catalog]).await;

        // The editor's form for a new product lists categories and warehouses.
        let editor = staff.get_json("/api/staff/catalog/editor?slug=").await;
        assert_eq!(editor.status, 200, "{}", editor.body);
        let editor = editor.json();
        let category = editor["categories"][0]["slug"]
            .as_str()
            .expect("category")
            .to_owned();
        let houses: Vec<String> = editor["warehouses"]
            .as_array()
            .expect("warehouses")
            .iter()
            .map(|w| w.as_str().expect("code").to_owned())
            .collect();
        let variants: Vec<serde_json::Value> = [("S", "Red"), ("S", "Blue"), ("M", "Red"), ("M", "Blue")]
            .iter()
            .map(|(size, colour)| {
                serde_json::json!({
                    "values": [size, colour],
                    "sku": format!("ZEPHYR-{size}-{colour}").to_uppercase(),
                    "price": "24.00",
                    "compare_at": "",
                    "weight": "250",
                    "stock": houses.iter().map(|h| serde_json::json!({"warehouse": h, "on_hand": "5", "seen": null})).collect::<Vec<_>>(),
                })
            })
            .collect();
        let mut form = serde_json::json!({"form": {
            "original": null, "slug": "", "title": "Zephyr Knit Polo", "brand": "Mercato",
            "category": category, "status": "active", "description": "A light knit polo.",
            "seo_title": "", "seo_description": "", "featured": false,
            "options": [{"name": "Size", "values": "S, M"}, {"name": "Colour", "values": "Red, Blue"}],
            "variants": variants,
        }});
        // A bad price is named and nothing is created.
        form["form"]["variants"][1]["price"] = "cheap".into();
        let bad = staff
            .post_body(
                "/api/staff/catalog/save",
                "application/json",
                form.to_string().into_bytes(),
            )
            .await;
        assert_eq!(bad.status, 422, "{}", bad.body);
        assert!(bad.message().contains("ZEPHYR-S-BLUE"), "{}", bad.body);
        form["form"]["variants"][1]["price"] = "24.00".into();
        let saved = staff
            .post_body(
                "/api/staff/catalog/save",
                "application/json",
                form.to_string().into_bytes(),
            )
            .await;
        assert_eq!(saved.status, 200, "{}", saved.body);
        let slug: String = serde_json::from_str(&saved.body).expect("slug");
        assert_eq!(slug, "zephyr-knit-polo");

        let (status, html) = app.page(&format!("/product/{slug}")).await;
        assert_eq!(status, 200);
        assert!(html.contains("Zephyr Knit Polo") && html.contains("ZEPHYR-M-BLUE"));
        let app_ref = &app;
        eventually("the new product in search", || async move {
            let page: Option<model::search::SearchPage> = app_ref
                .api("/api/search/results?state[q]=zephyr")
                .await
                .json()
                .await
                .ok();
            page.is_some_and(|p| p.hits.iter().any(|h| h.card.slug == "zephyr-knit-polo"))
        })
        .await;

        // Image upload: re-encoded, stored, served; junk refused.
        let up = staff
            .post_body(
                &format!("/admin/products/{slug}/images?alt=Front"),
                "image/png",
                png(),
            )
            .await;
        assert_eq!(up.status, 201, "{}", up.body);
        let url = up.json()["url"].as_str().expect("url").to_owned();
        let served = app.get(&url).await;
        assert_eq!(served.status(), 200);
        assert_eq!(served.headers()["content-type"], "image/jpeg");
        let junk = staff
            .post_body(
                &format!("/admin/products/{slug}/images"),
                "image/png",
                b"<svg/>".to_vec(),
            )
            .await;
        assert_eq!(junk.status, 422);
        assert!(junk.json()["message"]
            .as_str()
            .unwrap_or_default()
            .contains("PNG, JPEG"));
        let (_, html) = app.page(&format!("/product/{slug}")).await;
        assert!(
            html.contains(&url),
            "the storefront shows the uploaded image"
        );

        // Drafts are hidden from shoppers; staff preview them.
        let drafted = staff
            .post(
                "/api/staff/catalog/status",
                &[("slugs[0]", &slug), ("status", "draft")],
            )
            .await;
        assert_eq!(drafted.status, 200, "{}", drafted.body);
        assert_eq!(app.page(&format!("/product/{slug}")).await.0, 404);
        let preview = staff
            .get_json(&format!("/api/staff/catalog/preview?slug={slug}"))
            .await;
        assert_eq!(preview.status, 200, "{}", preview.body);
        let preview: Option<model::storefront::ProductDetail> = preview.view();
        assert_eq!(
            preview.expect("a preview").status,
            model::catalog::ProductStatus::Draft
        );
        let page = staff.get(&format!("/product/{slug}?preview=1")).await;
        assert!(
            page.body.contains("hidden from shoppers"),
            "{}",
            &page.body[..200.min(page.body.len())]
        );
        staff
            .post(
                "/api/staff/catalog/status",
                &[("slugs[0]", &slug), ("status", "active")],
            )
            .await;

        // Export streams the catalog; importing it back changes nothing.
        let csv = staff.get("/admin/products.csv").await;
        assert_eq!(csv.status, 200);
        assert!(csv.headers["content-type"]
            .to_str()
            .unwrap_or_default()
            .starts_with("text/csv"));
        assert!(csv.body.contains("ZEPHYR-M-BLUE"));
        // Browsers ask for compression; the stream must end cleanly through it.
        let compressed = app
            .client
            .get(app.url("/admin/products.csv"))
            .header(
                "cookie",
                format!(
                    "{}={}",
                    staff.cookie_name,
                    staff.session.clone().unwrap_or_default()
                ),
            )
            .header("accept-encoding", "br")
            .send()
            .await
            .expect("request");
        assert_eq!(compressed.status(), 200);
        assert_eq!(compressed.headers()["content-encoding"], "br");
        let bytes = compressed.bytes().await.expect("the whole compressed body");
        assert!(bytes.len() > 1000);
        let started = staff
            .post_body(
                "/admin/products/import",
                "text/csv",
                csv.body.clone().into_bytes(),
            )
            .await;
        assert_eq!(started.status, 202, "{}", started.body);
        let job = started.json()["job"].as_str().expect("job").to_owned();
        let total = started.json()["total"].as_u64().expect("total");
        let mut last = serde_json::Value::Null;
        for _ in 0..600 {
            let r = staff
                .get_json(&format!("/admin/products/import/{job}"))
                .await;
            assert_eq!(r.status, 200, "{}", r.body);
            last = r.json();
            if last["state"] != "running" {
                break;
            }
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
        assert_eq!(last["state"], "finished", "{last}");
        assert_eq!(last["done"], total);
        assert_eq!(last["outcome"]["unchanged"], total);
        assert_eq!(last["outcome"]["updated"], 0);
        // Behind a balancer the next poll may reach another instance: the
        // job is a row, and it reads the same there.
        let peer = app.peer().await;
        let mut elsewhere = Browser {
            app: &peer,
            session: staff.session.clone(),
            cookie_name: staff.cookie_name.clone(),
            cookies: Vec::new(),
        };
        let there = elsewhere
            .get_json(&format!("/admin/products/import/{job}"))
            .await;
        assert_eq!(there.status, 200, "{}", there.body);
        assert_eq!(there.json(), last, "the other instance reads the same job");

        // Someone else can't read the job.
        let mut other = Browser::new(&app);
        assert_eq!(
            other
                .get_json(&format!("/admin/products/import/{job}"))
                .await
                .status,
            401
        );

        // A file with a bad row: 422 with the row, nothing written.
        let bad_csv = csv
            .body
            .replacen("ZEPHYR-M-BLUE,24.00", "ZEPHYR-M-BLUE,lots", 1);
        let rejected = staff
            .post_body("/admin/products/import", "text/csv", bad_csv.into_bytes())
            .await;
        assert_eq!(rejected.status, 422, "{}", rejected.body);
        let errors = rejected.json()["errors"]
            .as_array()
            .expect("errors")
            .clone();
        assert_eq!(errors.len(), 1, "{errors:?}");
        assert!(errors[0]["row"].as_u64().expect("row") > 1);
        assert!(errors[0]["message"]
            .as_str()
            .expect("message")
            .contains("lots"));
    }
);

/// The S3-compatible server the test command starts (`MERCATO_TEST_S3_URL`,
/// with a bucket that allows public reads), or None with a note.
pub fn test_bucket() -> Option<(String, String)> {
    match std::env::var("MERCATO_TEST_S3_URL") {
        Ok(url) if !url.is_empty() => Some((
            url,
            std::env::var("MERCATO_TEST_S3_BUCKET").unwrap_or_else(|_| "mercato-test".into()),
        )),
        _ => {
            eprintln!("skipped: no S3-compatible server (MERCATO_TEST_S3_URL)");
            None
        }
    }
}

// With a bucket configured, uploads go there and shoppers fetch them from
// its address: nothing lands in the data folder, removal deletes both files.
for_each_backend!(
    uploads_live_in_the_bucket_when_one_is_set,
    |db: TestDatabase| async move {
        let Some((endpoint, bucket)) = test_bucket() else {
            return;
        };
        let env = [
            ("MERCATO_S3_BUCKET", bucket.as_str()),
            ("MERCATO_S3_ENDPOINT", endpoint.as_str()),
            ("MERCATO_S3_ACCESS_KEY_ID", "mercato-test"),
            ("MERCATO_S3_SECRET_ACCESS_KEY", "mercato-test-secret"),
        ];
        let app = TestApp::spawn_env(db, true, &env).await;
        let conn = app.connection().await;
        let slug = crate::support::shop::product_on_sale(&conn).await.slug;
        let mut staff = app.staff("files@example.com", &[Permission::Catalog]).await;
        let up = staff
            .post_body(
                &format!("/admin/products/{slug}/images?alt=Side"),
                "image/png",
                png(),
            )
            .await;
        assert_eq!(up.status, 201, "{}", up.body);
        let image: model::catalog::AdminImage = serde_json::from_str(&up.body).expect("image");
        let base = format!("{}/{bucket}/products/", endpoint.trim_end_matches('/'));
        assert!(image.url.starts_with(&base), "{} under {base}", image.url);
        let thumb = domain::catalog::thumb_url(&image.url);
        for url in [&image.url, &thumb] {
            let served = app
                .client
                .get(url.as_str())
                .send()
                .await
                .expect("bucket answers");
            assert_eq!(served.status(), 200, "{url}");
            assert_eq!(served.headers()["content-type"], "image/jpeg");
            assert!(served.headers()["cache-control"]
                .to_str()
                .expect("ascii")
                .contains("immutable"));
        }
        let local = app.db.dir.path().join("uploads").join("products");
        assert!(!local.exists(), "nothing written to the data folder");
        let (_, html) = app.page(&format!("/product/{slug}")).await;
        assert!(
            html.contains(&image.url),
            "the storefront shows it from the bucket"
        );

        let removed = staff
            .post(
                "/api/staff/catalog/remove-image",
                &[("slug", slug.as_str()), ("image_id", &image.id.to_string())],
            )
            .await;
        assert_eq!(removed.status, 200, "{}", removed.body);
        for url in [&image.url, &thumb] {
            let gone = app
                .client
                .get(url.as_str())
                .send()
                .await
                .expect("bucket answers");
            assert!(
                gone.status() == 404 || gone.status() == 403,
                "{url} deleted: {}",
                gone.status()
            );
        }
    }
);
