//! The admin API's products on SQLite and PostgreSQL: read one as the
//! editor holds it, create (a retry with its key is the same product, a
//! second key finds the slug taken), refuse what the editor refuses, replace
//! (stock left out stays; a new slug renames), archive — each seen by the
//! public catalog and audited with the token's name. Refusals without the
//! scope are `api_matrix.rs`'s.
use reqwest::Method;
use sea_orm::{ColumnTrait, EntityTrait, QueryFilter};
use serde_json::{json, Value};
use testkit::for_each_backend;
use testkit::TestDatabase;

use crate::api_v1::{bearer, call, get, make_token};
use crate::support::shop::SKU;
use crate::support::TestApp;

/// The product the test shop seeds (the one with [`SKU`]).
async fn seeded_product(conn: &sea_orm::DatabaseConnection) -> domain::entities::product::Model {
    let v = domain::entities::variant::Entity::find()
        .filter(domain::entities::variant::Column::Sku.eq(SKU))
        .one(conn)
        .await
        .expect("variant")
        .expect("seeded");
    domain::entities::product::Entity::find_by_id(v.product_id)
        .one(conn)
        .await
        .expect("product")
        .expect("seeded")
}

for_each_backend!(
    admin_api_creates_replaces_and_archives_products,
    |db: TestDatabase| async move {
        let app = TestApp::spawn(db).await;
        let conn = app.connection().await;
        let mut admin = app.admin("pim-admin@example.com").await;
        let pim = bearer(&make_token(&mut admin, "PIM", &["catalog:write"], "30").await);
        let auth = [("authorization", pim.as_str())];

        // An existing product, as the editor holds it.
        let p = seeded_product(&conn).await;
        let known = get(&app, &format!("/api/v1/admin/products/{}", p.slug), &auth).await;
        assert_eq!(known.status, 200, "{}", known.body);
        let known = known.json();
        assert_eq!(known["title"], p.title.as_str());
        let first = &known["variants"][0];
        let currency = first["price"]["currency"]
            .as_str()
            .expect("currency")
            .to_owned();
        let warehouse = first["stock"][0]["warehouse"]
            .as_str()
            .expect("warehouse")
            .to_owned();
        let missing = get(&app, "/api/v1/admin/products/no-such-product", &auth).await;
        assert_eq!(missing.status, 404);

        // Create; the retry is the same product, another key finds the slug taken.
        let mug = json!({
            "slug": "api-made-mug", "title": "API Mug", "brand": "Mercato",
            "category": known["category"], "status": "active",
            "description": "Made over HTTP.",
            "variants": [{"sku": "MUG-API-1", "price": {"amount_minor": 1299, "currency": currency},
                          "weight_grams": 350, "stock": [{"warehouse": warehouse, "on_hand": 7}]}]
        });
        let key = [
            ("authorization", pim.as_str()),
            ("idempotency-key", "mug-1"),
        ];
        let made = call(
            &app,
            Method::POST,
            "/api/v1/admin/products",
            &key,
            Some(mug.clone()),
        )
        .await;
        assert_eq!(made.status, 201, "{}", made.body);
        assert_eq!(
            made.headers["location"],
            "/api/v1/admin/products/api-made-mug"
        );
        assert_eq!(made.json()["variants"][0]["stock"][0]["on_hand"], 7);
        let again = call(
            &app,
            Method::POST,
            "/api/v1/admin/products",
            &key,
            Some(mug.clone()),
        )
        .await;
        assert_eq!(again.status, 201);
        assert_eq!(again.headers["idempotent-replayed"], "true");
        let taken = call(
            &app,
            Method::POST,
            "/api/v1/admin/products",
            &auth,
            Some(mug.clone()),
        )
        .await;
        assert_eq!(taken.status, 422, "{}", taken.body);
        let fields: Vec<Value> = taken.json()["errors"]
            .as_array()
            .cloned()
            .unwrap_or_default();
        assert!(
            fields.iter().any(|f| f["field"] == "slug"),
            "{}",
            taken.body
        );
        let public = get(&app, "/api/v1/products/api-made-mug", &[]).await;
        assert_eq!(public.status, 200, "{}", public.body);
        assert_eq!(public.json()["variants"][0]["sku"], "MUG-API-1");

        // What the editor refuses, the API refuses, naming the field.
        let mut foreign = mug.clone();
        foreign["slug"] = json!("foreign-mug");
        foreign["variants"][0]["sku"] = json!("MUG-API-F");
        foreign["variants"][0]["price"]["currency"] =
            json!(if currency == "EUR" { "USD" } else { "EUR" });
        let refused = call(
            &app,
            Method::POST,
            "/api/v1/admin/products",
            &auth,
            Some(foreign),
        )
        .await;
        assert_eq!(refused.status, 422, "{}", refused.body);
        assert_eq!(refused.json()["errors"][0]["field"], "variants.0.price");
        let mut blank = mug.clone();
        blank["slug"] = json!("Not A Slug");
        blank["title"] = json!("");
        blank["variants"][0]["sku"] = json!("MUG-API-B");
        let refused = call(
            &app,
            Method::POST,
            "/api/v1/admin/products",
            &auth,
            Some(blank),
        )
        .await;
        assert_eq!(refused.status, 422, "{}", refused.body);
        let named: Vec<String> = refused.json()["errors"]
            .as_array()
            .map(|e| {
                e.iter()
                    .filter_map(|f| f["field"].as_str().map(str::to_owned))
                    .collect()
            })
            .unwrap_or_default();
        assert!(
            named.contains(&"slug".to_owned()) && named.contains(&"title".to_owned()),
            "{named:?}"
        );
        let gone = get(&app, "/api/v1/admin/products/foreign-mug", &auth).await;
        assert_eq!(gone.status, 404, "nothing written by a refused request");

        // Replace: a new price, stock left out stays; a new slug renames.
        let mut changed = mug.clone();
        changed["slug"] = json!("api-mug");
        changed["variants"][0]["price"]["amount_minor"] = json!(1499);
        changed["variants"][0]
            .as_object_mut()
            .expect("variant")
            .remove("stock");
        let put = call(
            &app,
            Method::PUT,
            "/api/v1/admin/products/api-made-mug",
            &auth,
            Some(changed),
        )
        .await;
        assert_eq!(put.status, 200, "{}", put.body);
        let put = put.json();
        assert_eq!(put["slug"], "api-mug");
        assert_eq!(put["variants"][0]["price"]["amount_minor"], 1499);
        assert_eq!(
            put["variants"][0]["stock"][0]["on_hand"], 7,
            "stock untouched"
        );
        assert_eq!(
            get(&app, "/api/v1/admin/products/api-made-mug", &auth)
                .await
                .status,
            404
        );

        // Archive: off the shop, kept for the staff.
        let archived = call(
            &app,
            Method::DELETE,
            "/api/v1/admin/products/api-mug",
            &auth,
            None,
        )
        .await;
        assert_eq!(archived.status, 204, "{}", archived.body);
        assert_eq!(get(&app, "/api/v1/products/api-mug", &[]).await.status, 404);
        let kept = get(&app, "/api/v1/admin/products/api-mug", &auth).await;
        assert_eq!(kept.json()["status"], "archived");
        let unknown = call(
            &app,
            Method::DELETE,
            "/api/v1/admin/products/no-such-product",
            &auth,
            None,
        )
        .await;
        assert_eq!(unknown.status, 404);

        // Audited as the admin, via the token.
        let entries = domain::entities::audit_entry::Entity::find()
            .filter(
                domain::entities::audit_entry::Column::Action
                    .is_in(["product.create", "product.update"]),
            )
            .filter(
                domain::entities::audit_entry::Column::EntityRef.is_in(["api-made-mug", "api-mug"]),
            )
            .all(&conn)
            .await
            .expect("audit");
        assert_eq!(entries.len(), 2, "{entries:?}");
        assert!(
            entries
                .iter()
                .all(|e| e.via.as_deref().is_some_and(|v| v.contains("PIM"))),
            "{entries:?}"
        );
    }
);

for_each_backend!(
    attributes_travel_through_the_admin_api_and_filter_the_category,
    |db: TestDatabase| async move {
        let app = TestApp::spawn(db).await;
        let conn = app.connection().await;
        let mut admin = app.admin("attr-admin@example.com").await;
        let pim = bearer(&make_token(&mut admin, "PIM", &["catalog:write"], "30").await);
        let auth = [("authorization", pim.as_str())];
        let p = seeded_product(&conn).await;
        let path = format!("/api/v1/admin/products/{}", p.slug);
        let known = get(&app, &path, &auth).await.json();
        let category = known["category"].as_str().expect("category").to_owned();

        // Staff define one over the admin's server function.
        let defined = admin
            .post(
                "/api/staff/attributes/save",
                &[
                    ("input[original]", ""),
                    ("input[category]", &category),
                    ("input[name]", "Fabric weight"),
                    ("input[code]", ""),
                    ("input[kind]", "number"),
                    ("input[unit]", "gsm"),
                    ("input[choices]", ""),
                    ("input[filterable]", "true"),
                ],
            )
            .await;
        assert_eq!(defined.status, 200, "{}", defined.body);
        assert_eq!(defined.json(), "fabric-weight");

        // A value the attribute cannot hold is refused under its field.
        let mut wrong = known.clone();
        wrong["attributes"] = json!({ "fabric-weight": ["heavy"] });
        let refused = call(&app, Method::PUT, &path, &auth, Some(wrong)).await;
        assert_eq!(refused.status, 422, "{}", refused.body);
        assert_eq!(
            refused.json()["errors"][0]["field"],
            "attributes.fabric-weight"
        );

        // Set, read back in its stored form; a replace without it keeps it.
        let mut set = known.clone();
        set["attributes"] = json!({ "fabric-weight": ["180.0 gsm"] });
        let put = call(&app, Method::PUT, &path, &auth, Some(set)).await;
        assert_eq!(put.status, 200, "{}", put.body);
        assert_eq!(put.json()["attributes"]["fabric-weight"], json!(["180"]));
        let mut without = known.clone();
        without
            .as_object_mut()
            .expect("object")
            .remove("attributes");
        let put = call(&app, Method::PUT, &path, &auth, Some(without)).await;
        assert_eq!(put.json()["attributes"]["fabric-weight"], json!(["180"]));

        // The category page filters by it and shows the count.
        let page = admin
            .get(&format!("/category/{category}?attr=fabric-weight%3A180"))
            .await;
        assert_eq!(page.status, 200);
        assert!(page.body.contains("180 gsm"), "facet label");
        assert!(page.body.contains(&p.title), "the product is listed");
        let none = admin
            .get(&format!("/category/{category}?attr=fabric-weight%3A999"))
            .await;
        assert!(none.body.contains("No products match these filters."));
        let product = admin.get(&format!("/product/{}", p.slug)).await;
        assert!(product.body.contains("additionalProperty"));
        assert!(product.body.contains(r#""unitText":"gsm""#));
    }
);
