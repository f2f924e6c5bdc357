//! Typed product attributes on SQLite and PostgreSQL: definitions checked
//! and audited, values stored in one form (bad ones write nothing),
//! category filters and facet counts against direct SQL, the specification
//! table and its JSON-LD, choices and definitions removed, and the CSV
//! columns both ways.
use domain::accounts::{Actor, Permission, Role};
use domain::catalog::{Catalog, ProductDraft, StockSeen, VariantDraft};
use domain::entities::{audit_entry, product_attribute};
use domain::{Currency, Error};
use model::attributes::AttributeInput;
use model::fx::Currencies;
use sea_orm::{
    ColumnTrait, ConnectionTrait, DatabaseConnection, EntityTrait, PaginatorTrait, QueryFilter,
    Statement,
};
use testkit::for_each_backend;
use testkit::TestDatabase;

fn staff() -> Actor {
    Actor::user(1, Role::Staff, vec![Permission::Catalog], false)
}

fn define(category: &str, name: &str, kind: &str, unit: &str, choices: &str) -> AttributeInput {
    AttributeInput {
        category: category.into(),
        name: name.into(),
        kind: kind.into(),
        unit: unit.into(),
        choices: choices.into(),
        filterable: true,
        ..Default::default()
    }
}

/// Attribute codes with values as typed.
type Typed = &'static [(&'static str, &'static [&'static str])];
/// (slug, category, attributes, status)
type Item = (&'static str, &'static str, Typed, &'static str);

const ITEMS: &[Item] = &[
    (
        "oxford",
        "shirts",
        &[
            ("material", &["cotton"]),
            ("fit", &["Slim"]),
            ("weight", &["250 g"]),
            ("waterproof", &["no"]),
            ("shade", &["navy"]),
            ("care", &["Wash at 30°"]),
        ],
        "active",
    ),
    (
        "linen-shirt",
        "shirts",
        &[
            ("material", &["Linen", "Cotton"]),
            ("fit", &["Regular"]),
            ("weight", &["180"]),
        ],
        "active",
    ),
    (
        "rain-shell",
        "clothing",
        &[
            ("waterproof", &["YES"]),
            ("weight", &["250.0"]),
            ("shade", &["Sand"]),
        ],
        "active",
    ),
    (
        "wool-coat",
        "clothing",
        &[("material", &["Wool"]), ("weight", &["1200"])],
        "active",
    ),
    (
        "old-linen",
        "shirts",
        &[("material", &["Linen"]), ("fit", &["Slim"])],
        "archived",
    ),
    ("trainer", "footwear", &[], "active"),
];

fn draft(item: &Item) -> ProductDraft {
    let (slug, category, attributes, status) = *item;
    ProductDraft {
        slug: slug.into(),
        title: slug.replace('-', " "),
        brand: "Mercato".into(),
        category: category.into(),
        status: status.into(),
        low_stock_threshold: 5,
        variants: vec![VariantDraft {
            sku: slug.to_uppercase(),
            price_minor: 5_000,
            ..Default::default()
        }],
        attributes: attributes
            .iter()
            .map(|(code, values)| {
                (
                    (*code).to_owned(),
                    values.iter().map(|v| (*v).to_owned()).collect(),
                )
            })
            .collect(),
        ..Default::default()
    }
}

async fn save(catalog: &Catalog, d: ProductDraft) -> Result<String, Error> {
    catalog
        .save_product(&staff(), Currency::Usd, None, d, &StockSeen::new())
        .await
}

async fn shop(tdb: &TestDatabase) -> (DatabaseConnection, Catalog) {
    let db = crate::support::migrated(&tdb.url, 5).await;
    let catalog = Catalog::new(db.clone());
    let a = staff();
    let clothing = catalog
        .create_category(&a, "Clothing", None)
        .await
        .expect("clothing");
    catalog
        .create_category(&a, "Shirts", Some(&clothing))
        .await
        .expect("shirts");
    catalog
        .create_category(&a, "Footwear", None)
        .await
        .expect("footwear");
    for input in [
        define(
            "clothing",
            "Material",
            "multi_choice",
            "",
            "Cotton\nLinen\nWool",
        ),
        define("shirts", "Fit", "choice", "", "Slim\nRegular"),
        define("clothing", "Weight", "number", "g", ""),
        define("clothing", "Waterproof", "boolean", "", ""),
        define(
            "clothing",
            "Shade",
            "colour",
            "",
            "Navy #1F2A44\nSand #d8c8a8",
        ),
        AttributeInput {
            filterable: false,
            ..define("clothing", "Care", "text", "", "")
        },
    ] {
        catalog.save_attribute(&a, &input).await.expect("define");
    }
    for item in ITEMS {
        save(&catalog, draft(item)).await.expect("product");
    }
    (db, catalog)
}

fn issue_fields(e: &Error) -> Vec<String> {
    match e {
        Error::Invalid { issues } => issues.iter().map(|i| i.field.clone()).collect(),
        Error::Validation { field, .. } => vec![(*field).to_owned()],
        other => panic!("expected field issues, got {other:?}"),
    }
}

async fn audits(db: &DatabaseConnection, action: &str) -> u64 {
    audit_entry::Entity::find()
        .filter(audit_entry::Column::Action.eq(action))
        .count(db)
        .await
        .expect("count")
}

async fn values(db: &DatabaseConnection) -> u64 {
    product_attribute::Entity::find()
        .count(db)
        .await
        .expect("count")
}

for_each_backend!(
    definitions_are_checked_and_audited,
    |tdb: TestDatabase| async move {
        let (db, catalog) = shop(&tdb).await;
        let a = staff();
        assert_eq!(audits(&db, "attribute.create").await, 6);
        let refused = [
            (define("clothing", "", "choice", "", "A"), "name"),
            (define("clothing", "Lining", "spaceship", "", ""), "kind"),
            (define("clothing", "Trim", "colour", "", "Navy"), "choices"),
            (define("clothing", "Trim", "choice", "", ""), "choices"),
            (define("clothing", "Trim", "choice", "", "A\na"), "choices"),
            (
                define("clothing", "Trim", "choice", "", "Half:half"),
                "choices",
            ),
            (
                AttributeInput {
                    code: "Not A Code".into(),
                    ..define("clothing", "Trim", "text", "", "")
                },
                "code",
            ),
            // The code another attribute has.
            (define("footwear", "Material", "text", "", ""), "code"),
            (define("nowhere", "Trim", "text", "", ""), "category"),
        ];
        for (input, field) in refused {
            let err = catalog
                .save_attribute(&a, &input)
                .await
                .expect_err("refused");
            assert!(
                issue_fields(&err).contains(&field.to_owned()),
                "{input:?}: {err:?}"
            );
        }
        // A kind stays what it was.
        let err = catalog
            .save_attribute(
                &a,
                &AttributeInput {
                    original: "fit".into(),
                    ..define("shirts", "Fit", "text", "", "")
                },
            )
            .await
            .expect_err("kind fixed");
        assert_eq!(issue_fields(&err), ["kind"]);
        // Customers cannot define anything.
        let customer = Actor::user(9, Role::Customer, vec![], false);
        assert!(matches!(
            catalog
                .save_attribute(&customer, &define("clothing", "Lining", "text", "", ""))
                .await,
            Err(Error::Forbidden)
        ));
        assert_eq!(
            audits(&db, "attribute.create").await,
            6,
            "nothing refused was kept"
        );
        let admin = catalog.attributes_admin(&a).await.expect("list");
        let codes: Vec<&str> = admin.rows.iter().map(|r| r.def.code.as_str()).collect();
        assert_eq!(
            codes,
            ["material", "weight", "waterproof", "shade", "care", "fit"]
        );
        let material = &admin.rows[0];
        assert_eq!(
            material.products, 4,
            "archived products count too: {material:?}"
        );
        assert_eq!(material.category_label, "Clothing");
        assert_eq!(
            admin.rows[3].def.choices[0].swatch.as_deref(),
            Some("#1f2a44")
        );
    }
);

for_each_backend!(
    values_have_one_form_and_bad_ones_write_nothing,
    |tdb: TestDatabase| async move {
        let (db, catalog) = shop(&tdb).await;
        let a = staff();
        let stored = catalog.product_draft(&a, "oxford").await.expect("draft");
        let get = |code: &str| stored.attributes.get(code).cloned().unwrap_or_default();
        assert_eq!(get("material"), ["Cotton"]);
        assert_eq!(get("weight"), ["250"]);
        assert_eq!(get("waterproof"), ["no"]);
        assert_eq!(get("shade"), ["Navy"]);
        // A list keeps the definition's order, whatever order was typed.
        let linen = catalog.product_draft(&a, "linen-shirt").await.expect("d");
        assert_eq!(linen.attributes["material"], ["Cotton", "Linen"]);

        let before = values(&db).await;
        let bad: [(Typed, &str); 5] = [
            (&[("weight", &["heavy"])], "attributes.weight"),
            (&[("fit", &["Baggy"])], "attributes.fit"),
            (&[("fit", &["Slim", "Regular"])], "attributes.fit"),
            (&[("waterproof", &["maybe"])], "attributes.waterproof"),
            // Footwear has no fit.
            (&[("fit", &["Slim"])], "attributes.fit"),
        ];
        for (i, (attrs, field)) in bad.into_iter().enumerate() {
            let category = if i == 4 { "footwear" } else { "shirts" };
            let mut d = draft(&("new-shirt", "shirts", &[], "active"));
            d.category = category.into();
            d.attributes = attrs
                .iter()
                .map(|(c, v)| ((*c).to_owned(), v.iter().map(|x| (*x).to_owned()).collect()))
                .collect();
            let err = save(&catalog, d).await.expect_err("refused");
            assert_eq!(issue_fields(&err), [field], "{attrs:?}");
        }
        assert_eq!(values(&db).await, before, "nothing written");
        assert!(catalog.product_draft(&a, "new-shirt").await.is_err());

        // Unchanged values are no change: no write, no audit entry.
        let updates = audits(&db, "product.update").await;
        catalog
            .save_product(
                &a,
                Currency::Usd,
                Some("oxford"),
                draft(&ITEMS[0]),
                &StockSeen::new(),
            )
            .await
            .expect("same again");
        assert_eq!(audits(&db, "product.update").await, updates);
        // Moving a product keeps only what its new category defines.
        let mut moved = draft(&ITEMS[2]);
        moved.category = "shirts".into();
        moved
            .attributes
            .insert("fit".into(), vec!["regular".into()]);
        catalog
            .save_product(
                &a,
                Currency::Usd,
                Some("rain-shell"),
                moved,
                &StockSeen::new(),
            )
            .await
            .expect("moved");
        let shell = catalog.product_draft(&a, "rain-shell").await.expect("d");
        assert_eq!(shell.attributes["fit"], ["Regular"]);
        assert_eq!(audits(&db, "product.update").await, updates + 1);
    }
);

/// Active products in `category_sql`'s ids holding `value` of `code`.
async fn sql_count(db: &DatabaseConnection, code: &str, value: &str, extra: &str) -> u64 {
    let sql = format!(
        "SELECT COUNT(DISTINCT pa.product_id) AS n FROM product_attributes pa \
         JOIN attributes a ON a.id = pa.attribute_id JOIN products p ON p.id = pa.product_id \
         WHERE p.status = 'active' AND a.code = '{code}' AND pa.value = '{value}' AND ({extra})"
    );
    let row = db
        .query_one_raw(Statement::from_string(db.get_database_backend(), sql))
        .await
        .expect("count")
        .expect("row");
    row.try_get::<i64>("", "n").expect("n") as u64
}

fn pairs(list: &[(&str, &str)]) -> Vec<(String, String)> {
    list.iter()
        .map(|(k, v)| ((*k).to_owned(), (*v).to_owned()))
        .collect()
}

for_each_backend!(
    listing_filters_and_facets_equal_sql_counts,
    |tdb: TestDatabase| async move {
        let (db, catalog) = shop(&tdb).await;
        let view = catalog
            .category_listing(
                "clothing",
                &[],
                &Currencies::only(Currency::Usd),
                Currency::Usd,
            )
            .await
            .expect("listing")
            .expect("clothing");
        let facet_codes: Vec<&str> = view.attributes.iter().map(|f| f.code.as_str()).collect();
        // Text is never a facet; Fit comes from the subcategory's products.
        assert_eq!(
            facet_codes,
            ["material", "weight", "waterproof", "shade", "fit"]
        );
        for facet in &view.attributes {
            for v in &facet.values {
                let expected = sql_count(&db, &facet.code, &v.value, "1=1").await;
                assert_eq!(v.count, expected, "{}:{}", facet.code, v.value);
            }
        }
        let weight = &view.attributes[1];
        let labels: Vec<&str> = weight.values.iter().map(|v| v.label.as_str()).collect();
        assert_eq!(labels, ["180 g", "250 g", "1200 g"], "numbers by size");
        assert_eq!(weight.values[1].count, 2, "250 and 250.0 are one value");
        let shade = &view.attributes[3];
        assert_eq!(shade.values[0].swatch.as_deref(), Some("#1f2a44"));

        // Linen: its own group still counts every material; the others
        // count only linen products.
        let view = catalog
            .category_listing(
                "clothing",
                &pairs(&[("attr", "material:Linen")]),
                &Currencies::only(Currency::Usd),
                Currency::Usd,
            )
            .await
            .expect("listing")
            .expect("clothing");
        let slugs: Vec<&str> = view.products.iter().map(|p| p.slug.as_str()).collect();
        assert_eq!(slugs, ["linen-shirt"]);
        assert_eq!(view.total, 1);
        let material = &view.attributes[0];
        let cotton = material
            .values
            .iter()
            .find(|v| v.value == "Cotton")
            .expect("c");
        assert_eq!(
            cotton.count,
            sql_count(&db, "material", "Cotton", "1=1").await
        );
        assert!(material
            .values
            .iter()
            .any(|v| v.value == "Linen" && v.selected));
        let fit = view
            .attributes
            .iter()
            .find(|f| f.code == "fit")
            .expect("fit");
        let linen_only = "pa.product_id IN (SELECT l.product_id FROM product_attributes l \
                          JOIN attributes la ON la.id = l.attribute_id \
                          WHERE la.code = 'material' AND l.value = 'Linen')";
        for v in &fit.values {
            assert_eq!(v.count, sql_count(&db, "fit", &v.value, linen_only).await);
        }
        assert_eq!(
            view.state.attributes,
            [("material".into(), vec!["Linen".into()])]
        );

        // Two values of one attribute: either; two attributes: both.
        let either = catalog
            .category_listing(
                "clothing",
                &pairs(&[("attr", "material:Wool"), ("attr", "material:Linen")]),
                &Currencies::only(Currency::Usd),
                Currency::Usd,
            )
            .await
            .expect("l")
            .expect("c");
        assert_eq!(either.total, 2);
        let both = catalog
            .category_listing(
                "clothing",
                &pairs(&[("attr", "material:Cotton"), ("attr", "fit:Slim")]),
                &Currencies::only(Currency::Usd),
                Currency::Usd,
            )
            .await
            .expect("l")
            .expect("c");
        let slugs: Vec<&str> = both.products.iter().map(|p| p.slug.as_str()).collect();
        assert_eq!(slugs, ["oxford"]);
        // Invented codes, text and unknown values filter nothing away.
        let junk = catalog
            .category_listing(
                "clothing",
                &pairs(&[
                    ("attr", "nope:x"),
                    ("attr", "care:Wash at 30°"),
                    ("attr", ":x"),
                ]),
                &Currencies::only(Currency::Usd),
                Currency::Usd,
            )
            .await
            .expect("l")
            .expect("c");
        assert_eq!(junk.total, 4);
        assert!(junk.state.attributes.is_empty());
    }
);

for_each_backend!(
    specification_table_and_structured_data,
    |tdb: TestDatabase| async move {
        let (_db, catalog) = shop(&tdb).await;
        let detail = catalog
            .product_detail("oxford", "https://shop.example")
            .await
            .expect("detail")
            .expect("on sale");
        let rows: Vec<(String, Vec<String>)> = detail
            .specs
            .iter()
            .map(|s| {
                (
                    s.name.clone(),
                    s.values.iter().map(|v| v.label.clone()).collect(),
                )
            })
            .collect();
        let row = |n: &str, v: &[&str]| (n.to_owned(), v.iter().map(|x| (*x).to_owned()).collect());
        // Ancestors' attributes first, each in its defined order.
        assert_eq!(
            rows,
            [
                row("Material", &["Cotton"]),
                row("Weight", &["250 g"]),
                row("Waterproof", &["No"]),
                row("Shade", &["Navy"]),
                row("Care", &["Wash at 30°"]),
                row("Fit", &["Slim"]),
            ]
        );
        let ld: serde_json::Value = serde_json::from_str(&detail.json_ld).expect("json");
        let props = ld["additionalProperty"].as_array().expect("properties");
        assert_eq!(props.len(), 6);
        let weight = props
            .iter()
            .find(|p| p["name"] == "Weight")
            .expect("weight");
        assert_eq!(weight["value"], "250");
        assert_eq!(weight["unitText"], "g");
        assert_eq!(weight["@type"], "PropertyValue");
        let trainer = catalog
            .product_detail("trainer", "https://shop.example")
            .await
            .expect("d")
            .expect("on sale");
        assert!(trainer.specs.is_empty());
        assert!(!trainer.json_ld.contains("additionalProperty"));
    }
);

for_each_backend!(
    dropped_choices_and_definitions_take_their_values,
    |tdb: TestDatabase| async move {
        let (db, catalog) = shop(&tdb).await;
        let a = staff();
        // Wool goes: the coat loses its material, the others keep theirs.
        catalog
            .save_attribute(
                &a,
                &AttributeInput {
                    original: "material".into(),
                    code: "material".into(),
                    ..define("clothing", "Fabric", "multi_choice", "", "Cotton\nLinen")
                },
            )
            .await
            .expect("edit");
        let coat = catalog.product_draft(&a, "wool-coat").await.expect("d");
        assert!(!coat.attributes.contains_key("material"), "{coat:?}");
        let linen = catalog.product_draft(&a, "linen-shirt").await.expect("d");
        assert_eq!(linen.attributes["material"], ["Cotton", "Linen"]);
        let detail = catalog
            .product_detail("linen-shirt", "https://x")
            .await
            .expect("d")
            .expect("p");
        assert_eq!(detail.specs[0].name, "Fabric", "the new name shows");
        assert_eq!(audits(&db, "attribute.update").await, 1);

        let before = values(&db).await;
        catalog.delete_attribute(&a, "fit").await.expect("delete");
        assert_eq!(values(&db).await, before - 3, "three products had a fit");
        assert!(matches!(
            catalog.delete_attribute(&a, "fit").await,
            Err(Error::NotFound { .. })
        ));
        assert_eq!(audits(&db, "attribute.delete").await, 1);
        let shirt = catalog.product_draft(&a, "oxford").await.expect("d");
        assert!(!shirt.attributes.contains_key("fit"));
    }
);

async fn export(catalog: &Catalog) -> String {
    let admin = Actor::user(1, Role::Admin, vec![], false);
    let mut export = catalog.export_csv(&admin, Currency::Usd).await.expect("x");
    let mut out = Vec::new();
    while let Some(chunk) = export.next_chunk().await.expect("chunk") {
        out.extend(chunk);
    }
    String::from_utf8(out).expect("utf-8")
}

for_each_backend!(
    csv_columns_carry_attributes_both_ways,
    |tdb: TestDatabase| async move {
        let (_db, catalog) = shop(&tdb).await;
        let a = staff();
        let file = export(&catalog).await;
        let header = file.lines().next().expect("header");
        for column in ["attr:material", "attr:weight", "attr:shade", "attr:fit"] {
            assert!(header.split(',').any(|c| c == column), "{header}");
        }
        let linen = file
            .lines()
            .find(|l| l.starts_with("linen-shirt,"))
            .expect("row");
        assert!(linen.contains(",Cotton|Linen,"), "{linen}");

        // The file read back changes nothing.
        let plan = catalog
            .check_import(&a, Currency::Usd, file.as_bytes())
            .await
            .expect("check")
            .expect("clean");
        let outcome = catalog
            .apply_import(&a, Currency::Usd, plan, &|_, _| {})
            .await
            .expect("apply");
        assert_eq!(outcome.updated + outcome.created, 0, "{outcome:?}");

        // A value changed in the file is saved in its stored form.
        let changed = file.replace(",Cotton|Linen,", ",linen|WOOL,");
        let plan = catalog
            .check_import(&a, Currency::Usd, changed.as_bytes())
            .await
            .expect("check")
            .expect("clean");
        catalog
            .apply_import(&a, Currency::Usd, plan, &|_, _| {})
            .await
            .expect("apply");
        let d = catalog.product_draft(&a, "linen-shirt").await.expect("d");
        assert_eq!(d.attributes["material"], ["Linen", "Wool"]);

        // An unknown column and a wrong value are reported; nothing is read.
        let unknown = file.replacen("attr:fit", "attr:sleeve", 1);
        let errors = catalog
            .check_import(&a, Currency::Usd, unknown.as_bytes())
            .await
            .expect("check")
            .expect_err("refused");
        assert!(errors[0].message.contains("\"sleeve\""), "{errors:?}");
        let wrong = file.replace(",Cotton|Linen,", ",Silk,");
        let errors = catalog
            .check_import(&a, Currency::Usd, wrong.as_bytes())
            .await
            .expect("check")
            .expect_err("refused");
        assert!(
            errors
                .iter()
                .any(|e| e.message.contains("Cotton, Linen, Wool")),
            "{errors:?}"
        );
    }
);
