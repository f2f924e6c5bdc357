//! The product editor, CSV import/export, images and inventory, on SQLite
//! and PostgreSQL.
use std::collections::HashMap;

use crate::support::png;
use domain::accounts::{Actor, Permission, Role};
use domain::catalog::{matrix, Catalog, OptionDraft, ProductDraft, StockSeen, VariantDraft};
use domain::entities::{
    audit_entry, outbox_message, product, stock_level, stock_movement, variant,
};
use domain::files::LocalFiles;
use domain::inventory::{Inventory, Reason};
use domain::{Currency, Error};
use sea_orm::sea_query::Expr;
use sea_orm::{
    ColumnTrait, DatabaseConnection, EntityTrait, PaginatorTrait, QueryFilter, QueryOrder,
};
use testkit::for_each_backend;
use testkit::TestDatabase;

async fn demo(tdb: &TestDatabase) -> DatabaseConnection {
    let db = crate::support::migrated(&tdb.url, 5).await;
    domain::seed::seed_demo(&db, &tdb.dir.path().join("uploads"), domain::Currency::Usd)
        .await
        .expect("seed");
    db
}

fn editor() -> Actor {
    Actor::user(1, Role::Staff, vec![Permission::Catalog], false)
}

fn tee(slug: &str) -> ProductDraft {
    let options = vec![
        OptionDraft {
            name: "Size".into(),
            values: vec!["S".into(), "M".into()],
        },
        OptionDraft {
            name: "Colour".into(),
            values: vec!["Red".into(), "Blue".into()],
        },
    ];
    let variants = matrix(&options)
        .into_iter()
        .enumerate()
        .map(|(i, values)| VariantDraft {
            sku: format!("{}-{i}", slug.to_uppercase()),
            values,
            price_minor: 1500 + i as i64 * 100,
            compare_at_minor: None,
            weight_grams: 180,
            stock: vec![("MAIN".into(), 4), ("EAST".into(), 0)],
        })
        .collect();
    ProductDraft {
        slug: slug.into(),
        title: "Editor Tee".into(),
        brand: "Mercato".into(),
        category: "t-shirts".into(),
        status: "active".into(),
        description: "Soft cotton.".into(),
        low_stock_threshold: 3,
        options,
        variants,
        ..Default::default()
    }
}

async fn audit_count(db: &DatabaseConnection) -> u64 {
    audit_entry::Entity::find().count(db).await.expect("count")
}

async fn category_and_warehouses(db: &DatabaseConnection) -> (String, Vec<String>) {
    let cat = domain::entities::category::Entity::find()
        .all(db)
        .await
        .expect("categories")
        .into_iter()
        .find(|c| c.slug.contains("t-shirt") || c.slug.contains("tee"))
        .expect("a t-shirt category")
        .slug;
    let houses = domain::entities::warehouse::Entity::find()
        .all(db)
        .await
        .expect("warehouses")
        .into_iter()
        .map(|w| w.code)
        .collect();
    (cat, houses)
}

fn fit(mut d: ProductDraft, category: &str, houses: &[String]) -> ProductDraft {
    d.category = category.to_owned();
    for v in &mut d.variants {
        v.stock = houses.iter().map(|h| (h.clone(), 4)).collect();
    }
    d
}

for_each_backend!(
    editor_creates_and_changes_products,
    |tdb: TestDatabase| async move {
        let db = demo(&tdb).await;
        let (cat, houses) = category_and_warehouses(&db).await;
        let catalog = Catalog::new(db.clone());
        let none = StockSeen::new();

        let slug = catalog
            .save_product(
                &editor(),
                Currency::Usd,
                None,
                fit(tee("editor-tee"), &cat, &houses),
                &none,
            )
            .await
            .expect("create");
        let p = product::Entity::find()
            .filter(product::Column::Slug.eq(&slug))
            .one(&db)
            .await
            .expect("query")
            .expect("saved");
        assert_eq!((p.price_min_minor, p.price_max_minor), (1500, 1800));
        assert_eq!(
            p.low_stock_threshold, 3,
            "the product's own low-stock level"
        );
        let vars = variant::Entity::find()
            .filter(variant::Column::ProductId.eq(p.id))
            .all(&db)
            .await
            .expect("variants");
        assert_eq!(vars.len(), 4);
        assert!(vars.iter().any(|v| v.title == "M / Blue"));
        let moves = stock_movement::Entity::find()
            .filter(stock_movement::Column::Reason.eq("edit"))
            .count(&db)
            .await
            .expect("moves");
        assert_eq!(moves, 4 * houses.len() as u64);
        let queued = outbox_message::Entity::find()
            .filter(outbox_message::Column::Kind.eq("search"))
            .count(&db)
            .await
            .expect("outbox");
        assert!(
            queued >= 1,
            "the search index update is queued with the save"
        );
        let draft = catalog.product_draft(&editor(), &slug).await.expect("load");
        assert_eq!(draft.variants.len(), 4);
        assert_eq!(draft.options[1].values, ["Red", "Blue"]);

        // Saving the same thing writes nothing.
        let audits = audit_count(&db).await;
        catalog
            .save_product(&editor(), Currency::Usd, Some(&slug), draft.clone(), &none)
            .await
            .expect("same");
        assert_eq!(audit_count(&db).await, audits);

        // Drop a variant, rename a value, reprice; stock from what the editor saw.
        let mut next = draft.clone();
        next.variants.pop();
        next.options[1].values[0] = "Crimson".into();
        for v in &mut next.variants {
            if v.values[1] == "Red" {
                v.values[1] = "Crimson".into();
            }
        }
        next.variants[0].price_minor = 999;
        next.variants[0].stock[0].1 = 9;
        let mut seen = StockSeen::new();
        seen.insert((next.variants[0].sku.clone(), houses[0].clone()), 4);
        catalog
            .save_product(&editor(), Currency::Usd, Some(&slug), next.clone(), &seen)
            .await
            .expect("update");
        let after = catalog
            .product_draft(&editor(), &slug)
            .await
            .expect("reload");
        assert_eq!(after.variants.len(), 3);
        assert_eq!(after.variants[0].values, ["S", "Crimson"]);
        assert_eq!(after.variants[0].stock[0].1, 9);
        let p = product::Entity::find_by_id(p.id)
            .one(&db)
            .await
            .expect("q")
            .expect("p");
        assert_eq!(p.price_min_minor, 999);
        assert_eq!(audit_count(&db).await, audits + 1);

        // The editor saw 4 but the shelf now holds 9: a conflict, nothing written.
        let mut stale = after.clone();
        stale.variants[0].stock[0].1 = 1;
        stale.title = "Should not save".into();
        let err = catalog
            .save_product(&editor(), Currency::Usd, Some(&slug), stale, &seen)
            .await
            .expect_err("stale stock");
        assert!(matches!(err, Error::Conflict(_)), "{err:?}");
        let kept = catalog
            .product_draft(&editor(), &slug)
            .await
            .expect("reload");
        assert_eq!(kept.title, "Editor Tee");

        // Clashes and bad input are refused with what is wrong.
        let mut dup = fit(tee("another-tee"), &cat, &houses);
        dup.variants[0].sku = after.variants[1].sku.clone();
        let err = catalog
            .save_product(&editor(), Currency::Usd, None, dup, &none)
            .await
            .expect_err("sku clash");
        assert!(
            err.user_message().contains("belongs to another product"),
            "{err}"
        );
        let mut bad = fit(tee("bad-tee"), &cat, &houses);
        bad.variants[2].compare_at_minor = Some(10);
        let err = catalog
            .save_product(&editor(), Currency::Usd, None, bad, &none)
            .await
            .expect_err("compare-at");
        // The issue names the very field of the very variant.
        let issues = match &err {
            Error::Invalid { issues } => issues.clone(),
            other => panic!("{other:?}"),
        };
        assert_eq!(issues.len(), 1, "{issues:?}");
        assert_eq!(issues[0].field, "variants.2.compare_at");
        assert_eq!(
            product::Entity::find()
                .filter(product::Column::Slug.is_in(["another-tee", "bad-tee"]))
                .count(&db)
                .await
                .expect("count"),
            0
        );

        // Without the permission: refused.
        let customer = Actor::user(9, Role::Customer, vec![], false);
        assert!(matches!(
            catalog.product_draft(&customer, &slug).await,
            Err(Error::Forbidden)
        ));
    }
);

async fn export_all(catalog: &Catalog) -> Vec<u8> {
    let admin = Actor::user(1, Role::Admin, vec![], false);
    let mut export = catalog
        .export_csv(&admin, Currency::Usd)
        .await
        .expect("export");
    let mut out = Vec::new();
    let mut chunks = 0;
    while let Some(chunk) = export.next_chunk().await.expect("chunk") {
        out.extend(chunk);
        chunks += 1;
    }
    assert!(chunks > 2, "the export comes in batches");
    out
}

for_each_backend!(
    csv_round_trip_changes_nothing,
    |tdb: TestDatabase| async move {
        let db = demo(&tdb).await;
        let catalog = Catalog::new(db.clone());
        // A title a spreadsheet would run as a formula, and a brand too.
        let formula = r#"=HYPERLINK("http://evil.example","Click")"#;
        let first = product::Entity::find()
            .order_by_asc(product::Column::Id)
            .one(&db)
            .await
            .expect("q")
            .expect("a product");
        product::Entity::update_many()
            .col_expr(product::Column::Title, Expr::value(formula))
            .col_expr(product::Column::Brand, Expr::value("@SUM(1)"))
            .filter(product::Column::Id.eq(first.id))
            .exec(&db)
            .await
            .expect("formula title");
        let file = export_all(&catalog).await;
        let text = String::from_utf8_lossy(&file);
        assert!(
            text.contains(r#""'=HYPERLINK(""http://evil.example"",""Click"")""#),
            "neutralised"
        );
        assert!(text.contains(",'@SUM(1),"), "neutralised");
        assert!(!text.contains(",=HYPERLINK") && !text.contains(",\"=HYPERLINK"));
        // The columns and the first product as a spreadsheet sees them, the
        // same on both databases.
        insta::assert_snapshot!(
            "csv_export_head",
            text.lines().take(6).collect::<Vec<_>>().join("\n")
        );
        let rows = file.iter().filter(|b| **b == b'\n').count();
        let variants = variant::Entity::find().count(&db).await.expect("count") as usize;
        assert!(
            rows > variants,
            "a header and a row per variant ({rows} lines)"
        );

        let audits = audit_count(&db).await;
        let moves = stock_movement::Entity::find()
            .count(&db)
            .await
            .expect("moves");
        let plan = catalog
            .check_import(&editor(), Currency::Usd, &file)
            .await
            .expect("check")
            .expect("the exported file is valid");
        let products = product::Entity::find().count(&db).await.expect("count") as usize;
        assert_eq!(plan.len(), products);
        let outcome = catalog
            .apply_import(&editor(), Currency::Usd, plan, &|_, _| {})
            .await
            .expect("apply");
        assert_eq!(
            (outcome.created, outcome.updated, outcome.unchanged),
            (0, 0, products)
        );
        assert_eq!(audit_count(&db).await, audits);
        assert_eq!(
            stock_movement::Entity::find()
                .count(&db)
                .await
                .expect("moves"),
            moves
        );
        let title = product::Entity::find_by_id(first.id)
            .one(&db)
            .await
            .expect("q")
            .expect("product")
            .title;
        assert_eq!(title, formula, "the import restores the cell exactly");
        assert_eq!(
            export_all(&catalog).await,
            file,
            "export → import → export is stable"
        );

        // Edit one price and one stock cell: exactly that product changes.
        let text = String::from_utf8(file).expect("utf8");
        let mut lines: Vec<String> = text.lines().map(str::to_owned).collect();
        let mut reader = csv::Reader::from_reader(lines[1].as_bytes());
        let _ = &mut reader;
        let header: Vec<String> = lines[0].split(',').map(str::to_owned).collect();
        let mut rec: Vec<String> = csv::ReaderBuilder::new()
            .has_headers(false)
            .from_reader(lines[1].as_bytes())
            .records()
            .next()
            .expect("row")
            .expect("parse")
            .iter()
            .map(str::to_owned)
            .collect();
        let price_at = header
            .iter()
            .position(|h| h == "price")
            .expect("price column");
        let stock_at = header
            .iter()
            .position(|h| h.starts_with("stock:"))
            .expect("stock column");
        let sku = rec[header.iter().position(|h| h == "sku").expect("sku")].clone();
        rec[price_at] = "123.45".into();
        rec[stock_at] = "77".into();
        let mut w = csv::Writer::from_writer(Vec::new());
        w.write_record(&rec).expect("write");
        lines[1] = String::from_utf8(w.into_inner().expect("inner"))
            .expect("utf8")
            .trim_end()
            .to_owned();
        let edited = lines.join("\n");
        let plan = catalog
            .check_import(&editor(), Currency::Usd, edited.as_bytes())
            .await
            .expect("check")
            .expect("valid");
        let outcome = catalog
            .apply_import(&editor(), Currency::Usd, plan, &|_, _| {})
            .await
            .expect("apply");
        assert_eq!((outcome.updated, outcome.unchanged), (1, products - 1));
        let v = variant::Entity::find()
            .filter(variant::Column::Sku.eq(&sku))
            .one(&db)
            .await
            .expect("q")
            .expect("variant");
        assert_eq!(v.price_minor, 12345);
        let levels = stock_level::Entity::find()
            .filter(stock_level::Column::VariantId.eq(v.id))
            .all(&db)
            .await
            .expect("levels");
        assert!(levels.iter().any(|l| l.on_hand == 77));
        assert_eq!(
            stock_movement::Entity::find()
                .filter(stock_movement::Column::Reason.eq("import"))
                .count(&db)
                .await
                .expect("moves"),
            1
        );
    }
);

for_each_backend!(
    csv_with_bad_rows_reports_each_and_writes_nothing,
    |tdb: TestDatabase| async move {
        let db = demo(&tdb).await;
        let (cat, houses) = category_and_warehouses(&db).await;
        let catalog = Catalog::new(db.clone());
        let taken = variant::Entity::find()
            .one(&db)
            .await
            .expect("q")
            .expect("a variant")
            .sku;
        let stock_cols: String = houses.iter().map(|h| format!(",stock:{h}")).collect();
        let zeros: String = houses.iter().map(|_| ",3").collect();
        let file = format!(
            "slug,title,category,status,option1_name,option1_value,sku,price{stock_cols}\n\
         new-cap,New Cap,{cat},active,Size,S,CAP-S,12.00{zeros}\n\
         new-cap,New Cap,{cat},active,Size,M,CAP-M,twelve{zeros}\n\
         new-hat,New Hat,no-such-category,active,,,HAT-1,9.99{zeros}\n\
         new-sock,New Sock,{cat},active,,,{taken},4.00{zeros}\n\
         new-scarf,New Scarf,{cat},active,,,CAP-S,5.00{zeros}\n"
        );
        let before = product::Entity::find().count(&db).await.expect("count");
        let errors = catalog
            .check_import(&editor(), Currency::Usd, file.as_bytes())
            .await
            .expect("check")
            .expect_err("bad rows");
        let rows: Vec<usize> = errors.iter().map(|e| e.row).collect();
        assert_eq!(rows, [3, 4, 5, 6], "{errors:?}");
        assert!(errors[0].message.contains("twelve"), "{errors:?}");
        assert!(errors[1].message.contains("no-such-category"), "{errors:?}");
        assert!(errors[2].message.contains("another product"), "{errors:?}");
        assert!(errors[3].message.contains("row 2"), "{errors:?}");
        assert_eq!(
            product::Entity::find().count(&db).await.expect("count"),
            before
        );

        let unknown = "slug,title,category,sku,price,colour\nx,X,y,Z,1,red\n";
        let errors = catalog
            .check_import(&editor(), Currency::Usd, unknown.as_bytes())
            .await
            .expect("check")
            .expect_err("unknown column");
        assert_eq!(errors[0].row, 1);
        assert!(errors[0].message.contains("colour"));

        let levels = format!(
            "slug,title,category,status,low_stock,sku,price{stock_cols}\n\
         low-a,Low A,{cat},active,lots,LOW-A,1.00{zeros}\n\
         low-b,Low B,{cat},active,-2,LOW-B,1.00{zeros}\n\
         low-c,Low C,{cat},active,,LOW-C,1.00{zeros}\n"
        );
        let errors = catalog
            .check_import(&editor(), Currency::Usd, levels.as_bytes())
            .await
            .expect("check")
            .expect_err("bad levels");
        let rows: Vec<usize> = errors.iter().map(|e| e.row).collect();
        assert_eq!(rows, [2, 3], "an empty level is the default: {errors:?}");
        assert!(errors[0].message.contains("low_stock"), "{errors:?}");
        assert!(errors[1].message.contains("0 to 100000"), "{errors:?}");
    }
);

for_each_backend!(
    images_are_checked_and_stored,
    |tdb: TestDatabase| async move {
        let db = demo(&tdb).await;
        let catalog = Catalog::new(db.clone());
        let files = LocalFiles::new(tdb.dir.path().join("uploads"), "/uploads");
        let slug = product::Entity::find()
            .one(&db)
            .await
            .expect("q")
            .expect("p")
            .slug;
        let img = catalog
            .add_image(&editor(), &files, &slug, "Front", png(2400, 1200))
            .await
            .expect("upload");
        assert_eq!((img.width, img.height), (1600, 800), "scaled to 1600 px");
        assert!(img.url.starts_with("/uploads/products/") && img.url.ends_with(".jpg"));
        let path = tdb.dir.path().join(img.url.trim_start_matches('/'));
        let thumb = path.with_file_name(
            path.file_name()
                .expect("name")
                .to_string_lossy()
                .replace(".jpg", "-thumb.jpg"),
        );
        let stored = image::open(&path).expect("stored image decodes");
        assert_eq!(stored.width(), 1600);
        assert_eq!(image::open(&thumb).expect("thumb").width(), 400);

        for junk in [
            b"<svg onload=alert(1)>".to_vec(),
            b"GIF89a broken".to_vec(),
            png(8, 8),
        ] {
            let err = catalog
                .add_image(&editor(), &files, &slug, "", junk)
                .await
                .expect_err("refused");
            assert!(matches!(err, Error::Validation { .. }), "{err:?}");
        }
        let images = catalog
            .product_images(&editor(), &slug)
            .await
            .expect("list");
        assert!(images.iter().any(|i| i.id == img.id));
        catalog
            .remove_image(&editor(), &files, &slug, img.id)
            .await
            .expect("remove");
        assert!(!path.exists() && !thumb.exists());
    }
);

for_each_backend!(
    stock_adjustments_have_reasons_and_history,
    |tdb: TestDatabase| async move {
        let db = demo(&tdb).await;
        let (_, houses) = category_and_warehouses(&db).await;
        let inventory = Inventory::new(db.clone());
        let v = variant::Entity::find()
            .one(&db)
            .await
            .expect("q")
            .expect("v");
        let wh = houses[0].clone();
        let level = |db: DatabaseConnection, id: i32, wh: String| async move {
            let w = domain::entities::warehouse::Entity::find()
                .filter(domain::entities::warehouse::Column::Code.eq(wh))
                .one(&db)
                .await
                .expect("q")
                .expect("w");
            stock_level::Entity::find_by_id((id, w.id))
                .one(&db)
                .await
                .expect("q")
                .map_or(0, |l| l.on_hand)
        };
        let start = level(db.clone(), v.id, wh.clone()).await;
        inventory
            .adjust(&editor(), &v.sku, &wh, 10, Reason::Received, "PO 1001")
            .await
            .expect("receive");
        assert_eq!(level(db.clone(), v.id, wh.clone()).await, start + 10);
        let err = inventory
            .adjust(&editor(), &v.sku, &wh, -(start + 11), Reason::Damaged, "")
            .await
            .expect_err("below zero");
        assert!(matches!(err, Error::Validation { .. }));
        assert!(inventory
            .adjust(&editor(), &v.sku, &wh, 1, Reason::Sale, "")
            .await
            .is_err());

        // Two people write off 6 of the 10 at once: only one can.
        let a = {
            let inv = inventory.clone();
            let (sku, wh) = (v.sku.clone(), wh.clone());
            tokio::spawn(async move {
                inv.adjust(&editor(), &sku, &wh, -(start + 6), Reason::Damaged, "a")
                    .await
            })
        };
        let b = {
            let inv = inventory.clone();
            let (sku, wh) = (v.sku.clone(), wh.clone());
            tokio::spawn(async move {
                inv.adjust(&editor(), &sku, &wh, -(start + 6), Reason::Damaged, "b")
                    .await
            })
        };
        let results = [a.await.expect("join"), b.await.expect("join")];
        assert_eq!(
            results.iter().filter(|r| r.is_ok()).count(),
            1,
            "{results:?}"
        );
        assert_eq!(level(db.clone(), v.id, wh.clone()).await, 4);

        let history = inventory
            .variant_stock(&editor(), &v.sku)
            .await
            .expect("history");
        let reasons: Vec<&str> = history
            .movements
            .iter()
            .map(|m| m.reason.as_str())
            .collect();
        assert_eq!(reasons, ["damaged", "received"]);
        assert_eq!(history.movements[1].note, "PO 1001");
        assert_eq!(history.movements[0].on_hand_after, 4);

        // Warehouses: create, rename, refuse to delete one with stock.
        inventory
            .create_warehouse(&editor(), "north", "North")
            .await
            .expect("create");
        assert!(inventory
            .create_warehouse(&editor(), "NORTH", "Again")
            .await
            .is_err());
        inventory
            .rename_warehouse(&editor(), "NORTH", "Oslo")
            .await
            .expect("rename");
        let err = inventory
            .delete_warehouse(&editor(), &wh)
            .await
            .expect_err("has stock");
        assert!(matches!(err, Error::Conflict(_)));
        inventory
            .delete_warehouse(&editor(), "NORTH")
            .await
            .expect("empty one goes");
        let names: HashMap<String, String> = inventory
            .warehouses(&editor())
            .await
            .expect("list")
            .into_iter()
            .map(|w| (w.code, w.name))
            .collect();
        assert!(!names.contains_key("NORTH"));
    }
);

for_each_backend!(
    the_category_tree_is_edited_safely,
    |tdb: TestDatabase| async move {
        let db = demo(&tdb).await;
        let (busy, _) = category_and_warehouses(&db).await;
        let catalog = Catalog::new(db.clone());
        let ed = editor();
        let sale = catalog
            .create_category(&ed, "Sale", None)
            .await
            .expect("create");
        assert_eq!(sale, "sale");
        let summer = catalog
            .create_category(&ed, "Summer", Some("sale"))
            .await
            .expect("child");
        let again = catalog
            .create_category(&ed, "Summer", Some("sale"))
            .await
            .expect("same name");
        assert_eq!(again, "summer-2", "slugs stay unique");
        let tree = catalog.tree().await.expect("tree");
        let sale_id = tree.by_slug("sale").expect("sale").id;
        let kids: Vec<&str> = tree
            .children_of(Some(sale_id))
            .map(|c| c.slug.as_str())
            .collect();
        assert_eq!(kids, [summer.as_str(), "summer-2"]);

        // Reorder: summer-2 goes first.
        catalog
            .reorder_category(&ed, "summer-2", true)
            .await
            .expect("up");
        let tree = catalog.tree().await.expect("tree");
        let kids: Vec<&str> = tree
            .children_of(Some(sale_id))
            .map(|c| c.slug.as_str())
            .collect();
        assert_eq!(kids, ["summer-2", summer.as_str()]);

        // A category can't move inside itself; it can move to the top level.
        let err = catalog
            .move_category(&ed, "sale", Some(&summer))
            .await
            .expect_err("cycle");
        assert!(matches!(err, Error::Validation { .. }));
        catalog
            .move_category(&ed, &summer, None)
            .await
            .expect("to top");
        let tree = catalog.tree().await.expect("tree");
        assert_eq!(tree.by_slug(&summer).expect("summer").parent_id, None);

        // Renaming a category with products re-indexes them.
        let before = outbox_message::Entity::find()
            .count(&db)
            .await
            .expect("count");
        catalog
            .rename_category(&ed, &busy, "Tees")
            .await
            .expect("rename");
        assert!(
            outbox_message::Entity::find()
                .count(&db)
                .await
                .expect("count")
                > before
        );

        // Only empty categories can be deleted.
        assert!(matches!(
            catalog.delete_category(&ed, &busy).await,
            Err(Error::Conflict(_))
        ));
        assert!(matches!(
            catalog.delete_category(&ed, "sale").await,
            Err(Error::Conflict(_))
        ));
        catalog
            .delete_category(&ed, "summer-2")
            .await
            .expect("delete");
        catalog
            .delete_category(&ed, "sale")
            .await
            .expect("now empty");
        let customer = Actor::user(9, Role::Customer, vec![], false);
        assert!(matches!(
            catalog.create_category(&customer, "X", None).await,
            Err(Error::Forbidden)
        ));
    }
);
