//! One behaviour suite for both search adapters, on SQLite and PostgreSQL:
//! typos, prefixes, ranking, synonyms, facet counts against direct SQL,
//! filters with sort and pagination, archived and out-of-stock products,
//! outbox sync, "did you mean" and degradation. The embedded engine always
//! runs; Meilisearch runs when `MERCATO_TEST_MEILISEARCH_URL` names a live
//! server (scripts/test starts one when a `meilisearch` binary exists).
use std::sync::Arc;

use domain::accounts::{Actor, Role};
use domain::catalog::{Catalog, ProductStatus};
use domain::entities::{
    attribute, category, product, product_attribute, product_option, product_option_value,
    stock_level, variant, variant_option_value, warehouse,
};
use domain::outbox::{OutboxConfig, OutboxSignal, Worker};
use domain::search::embedded::EmbeddedIndex;
use domain::search::meili::MeiliIndex;
use domain::search::{
    EngineQuery, FacetKey, Filter, PriceBucket, Search, SearchIndex, SearchRequest, SearchSort,
};
use model::product_form::TranslationRow;
use model::Locale;
use sea_orm::sea_query::Expr;
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, DatabaseConnection, EntityTrait,
    PaginatorTrait, QueryFilter, QueryOrder, Set, Statement,
};
use testkit::for_each_backend;
use testkit::TestDatabase;

pub const MEILI_ENV: &str = "MERCATO_TEST_MEILISEARCH_URL";

struct Item {
    slug: &'static str,
    title: &'static str,
    description: &'static str,
    brand: &'static str,
    category: &'static str,
    /// (colour, size, price, stock)
    variants: &'static [(&'static str, &'static str, i64, i32)],
    status: &'static str,
    age_minutes: i64,
}

const CATEGORIES: &[(&str, &str, Option<&str>)] = &[
    ("clothing", "Clothing", None),
    ("shirts", "Shirts", Some("clothing")),
    ("jackets", "Jackets", Some("clothing")),
    ("t-shirts", "T-Shirts", Some("clothing")),
    ("footwear", "Footwear", None),
];

const ITEMS: &[Item] = &[
    Item {
        slug: "oxford-shirt",
        title: "Oxford Shirt",
        description: "Button-down cotton shirt.",
        brand: "Acme",
        category: "shirts",
        variants: &[("Blue", "S", 4000, 5), ("White", "M", 4200, 3)],
        status: "active",
        age_minutes: 50,
    },
    Item {
        slug: "linen-shirt",
        title: "Linen Shirt",
        description: "Breezy summer shirt.",
        brand: "Borealis",
        category: "shirts",
        variants: &[("White", "M", 6000, 0)],
        status: "active",
        age_minutes: 40,
    },
    Item {
        slug: "rain-jacket",
        title: "Rain Jacket",
        description: "Waterproof shell with taped seams.",
        brand: "Acme",
        category: "jackets",
        variants: &[("Yellow", "L", 12000, 2)],
        status: "active",
        age_minutes: 30,
    },
    Item {
        slug: "denim-jacket",
        title: "Denim Jacket",
        description: "Classic trucker cut.",
        brand: "Coast",
        category: "jackets",
        variants: &[("Blue", "M", 9000, 4)],
        status: "active",
        age_minutes: 20,
    },
    Item {
        slug: "cotton-tshirt",
        title: "Organic Cotton T-Shirt",
        description: "Soft everyday basic.",
        brand: "Borealis",
        category: "t-shirts",
        variants: &[("White", "S", 2000, 9), ("White", "L", 2100, 9)],
        status: "active",
        age_minutes: 10,
    },
    Item {
        slug: "trail-runner",
        title: "Trail Runner",
        description: "Grippy shoe that pairs well with a rain jacket.",
        brand: "Coast",
        category: "footwear",
        variants: &[("Black", "42", 11000, 1)],
        status: "active",
        age_minutes: 5,
    },
    Item {
        slug: "archived-jacket",
        title: "Archived Bomber Jacket",
        description: "No longer sold.",
        brand: "Acme",
        category: "jackets",
        variants: &[("Green", "M", 8000, 7)],
        status: "archived",
        age_minutes: 60,
    },
];

struct Fixture {
    db: DatabaseConnection,
    _dir: tempfile::TempDir,
    engines: Vec<Arc<dyn SearchIndex>>,
    store: domain::store::Store,
}

async fn seed(db: &DatabaseConnection) {
    let now = time::OffsetDateTime::now_utc();
    let wh = warehouse::ActiveModel {
        code: Set("MAIN".into()),
        name: Set("Main".into()),
        created_at: Set(now),
        ..Default::default()
    }
    .insert(db)
    .await
    .expect("warehouse");
    let mut cat_ids = std::collections::HashMap::new();
    for (i, (slug, name, parent)) in CATEGORIES.iter().enumerate() {
        let c = category::ActiveModel {
            parent_id: Set(parent.map(|p| cat_ids[p])),
            slug: Set((*slug).into()),
            name: Set((*name).into()),
            description: Set(String::new()),
            position: Set(i as i32),
            created_at: Set(now),
            ..Default::default()
        }
        .insert(db)
        .await
        .expect("category");
        cat_ids.insert(*slug, c.id);
    }
    for item in ITEMS {
        let prices: Vec<i64> = item.variants.iter().map(|v| v.2).collect();
        let p = product::ActiveModel {
            slug: Set(item.slug.into()),
            title: Set(item.title.into()),
            description: Set(item.description.into()),
            brand: Set(item.brand.into()),
            status: Set(item.status.into()),
            category_id: Set(cat_ids[item.category]),
            price_min_minor: Set(*prices.iter().min().expect("price")),
            price_max_minor: Set(*prices.iter().max().expect("price")),
            currency: Set("USD".into()),
            featured: Set(item.slug == "denim-jacket"),
            low_stock_threshold: Set(5),
            created_at: Set(now - time::Duration::minutes(item.age_minutes)),
            updated_at: Set(now),
            ..Default::default()
        }
        .insert(db)
        .await
        .expect("product");
        let mut value_ids = std::collections::HashMap::new();
        for (pos, name) in ["Colour", "Size"].iter().enumerate() {
            let o = product_option::ActiveModel {
                product_id: Set(p.id),
                name: Set((*name).into()),
                position: Set(pos as i32),
                ..Default::default()
            }
            .insert(db)
            .await
            .expect("option");
            for v in item.variants {
                let value = if pos == 0 { v.0 } else { v.1 };
                if value_ids.contains_key(&(pos, value)) {
                    continue;
                }
                let ov = product_option_value::ActiveModel {
                    option_id: Set(o.id),
                    value: Set(value.into()),
                    position: Set(value_ids.len() as i32),
                    ..Default::default()
                }
                .insert(db)
                .await
                .expect("option value");
                value_ids.insert((pos, value), ov.id);
            }
        }
        for (i, v) in item.variants.iter().enumerate() {
            let var = variant::ActiveModel {
                product_id: Set(p.id),
                sku: Set(format!("{}-{i}", item.slug)),
                title: Set(format!("{} / {}", v.0, v.1)),
                price_minor: Set(v.2),
                compare_at_minor: Set(None),
                currency: Set("USD".into()),
                weight_grams: Set(300),
                image_id: Set(None),
                position: Set(i as i32),
                created_at: Set(now),
                ..Default::default()
            }
            .insert(db)
            .await
            .expect("variant");
            for key in [(0, v.0), (1, v.1)] {
                variant_option_value::ActiveModel {
                    variant_id: Set(var.id),
                    option_value_id: Set(value_ids[&key]),
                }
                .insert(db)
                .await
                .expect("variant option");
            }
            stock_level::ActiveModel {
                variant_id: Set(var.id),
                warehouse_id: Set(wh.id),
                on_hand: Set(v.3),
                reserved: Set(0),
            }
            .insert(db)
            .await
            .expect("stock");
        }
    }
    seed_attributes(db, cat_ids["clothing"]).await;
}

/// (code, name, kind, choices, filterable) on Clothing, and each product's
/// values: nylon is said nowhere else, so a search for it finds the
/// attribute's words.
const ATTRIBUTES: &[(&str, &str, &str, &str, bool)] = &[
    (
        "material",
        "Material",
        "multi_choice",
        r#"[{"value":"Cotton"},{"value":"Linen"},{"value":"Denim"},{"value":"Nylon"}]"#,
        true,
    ),
    ("hood", "Hood", "boolean", "[]", true),
    ("care", "Care", "text", "[]", false),
];
const VALUES: &[(&str, &str, &str)] = &[
    ("oxford-shirt", "material", "Cotton"),
    ("linen-shirt", "material", "Linen"),
    ("linen-shirt", "material", "Cotton"),
    ("rain-jacket", "material", "Nylon"),
    ("rain-jacket", "hood", "yes"),
    ("denim-jacket", "material", "Denim"),
    ("denim-jacket", "material", "Cotton"),
    ("denim-jacket", "hood", "no"),
    ("denim-jacket", "care", "Wash cold"),
    ("cotton-tshirt", "material", "Cotton"),
    ("archived-jacket", "material", "Nylon"),
];

async fn seed_attributes(db: &DatabaseConnection, clothing: i32) {
    let now = time::OffsetDateTime::now_utc();
    let mut ids = std::collections::HashMap::new();
    for (i, (code, name, kind, choices, filterable)) in ATTRIBUTES.iter().enumerate() {
        let a = attribute::ActiveModel {
            category_id: Set(clothing),
            code: Set((*code).into()),
            name: Set((*name).into()),
            kind: Set((*kind).into()),
            unit: Set(String::new()),
            choices: Set((*choices).into()),
            filterable: Set(*filterable),
            position: Set(i as i32),
            created_at: Set(now),
            ..Default::default()
        }
        .insert(db)
        .await
        .expect("attribute");
        ids.insert(*code, a.id);
    }
    for (slug, code, value) in VALUES {
        let p = product::Entity::find()
            .filter(product::Column::Slug.eq(*slug))
            .one(db)
            .await
            .expect("q")
            .expect("product");
        product_attribute::ActiveModel {
            product_id: Set(p.id),
            attribute_id: Set(ids[code]),
            value: Set((*value).into()),
            position: Set(0),
        }
        .insert(db)
        .await
        .expect("value");
    }
}

/// The engines this run can test: embedded always, Meilisearch when up.
async fn engines(dir: &std::path::Path) -> Vec<Arc<dyn SearchIndex>> {
    let mut out: Vec<Arc<dyn SearchIndex>> = vec![Arc::new(EmbeddedIndex::new(dir.join("search")))];
    match std::env::var(MEILI_ENV) {
        Ok(url) if !url.is_empty() => {
            let uid = format!("test_{}", uuid::Uuid::new_v4().simple());
            let key = std::env::var("MERCATO_TEST_MEILISEARCH_KEY").ok();
            out.push(Arc::new(
                MeiliIndex::new(&url, key.as_deref(), &uid).expect("meilisearch client"),
            ));
        }
        _ => eprintln!("search suite: Meilisearch SKIPPED ({MEILI_ENV} not set); embedded only"),
    }
    out
}

async fn fixture(tdb: &TestDatabase) -> Fixture {
    let db = crate::support::migrated(&tdb.url, 5).await;
    seed(&db).await;
    let dir = tempfile::tempdir().expect("tempdir");
    let engines = engines(dir.path()).await;
    let store = testkit::open_store(&db).await;
    Fixture {
        db,
        _dir: dir,
        engines,
        store,
    }
}

fn service(f: &Fixture, engine: &Arc<dyn SearchIndex>) -> Search {
    Search::new(f.db.clone(), engine.clone(), f.store.current(), None)
}

async fn slugs_for(f: &Fixture, ids: &[i32]) -> Vec<String> {
    let mut out = Vec::new();
    for id in ids {
        let p = product::Entity::find_by_id(*id)
            .one(&f.db)
            .await
            .expect("query")
            .expect("product");
        out.push(p.slug);
    }
    out
}

async fn find(s: &Search, text: &str) -> Vec<String> {
    find_in(s, text, Locale::En).await
}

async fn find_in(s: &Search, text: &str, locale: Locale) -> Vec<String> {
    let page = s
        .search(SearchRequest {
            text: text.into(),
            locale,
            ..Default::default()
        })
        .await
        .expect("search");
    page.hits.into_iter().map(|h| h.card.slug).collect()
}

/// The outbox worker that applies catalog changes to `s`'s index.
fn worker(f: &Fixture, s: &Search) -> Worker {
    Worker::new(
        f.db.clone(),
        Arc::new(
            domain::mail::FileMailer::new(f._dir.path().join("mail"), "shop@example.com")
                .expect("mailer"),
        ),
        OutboxConfig::default(),
        OutboxSignal::default(),
    )
    .with_search(s.clone())
}

async fn ready(s: &Search) {
    s.prepare().await.expect("prepare builds the index");
}

for_each_backend!(
    typos_prefixes_ranking_and_synonyms,
    |tdb: TestDatabase| async move {
        let f = fixture(&tdb).await;
        for engine in &f.engines {
            let s = service(&f, engine);
            ready(&s).await;
            let kind = engine.kind();

            let shirts = find(&s, "shrit").await;
            assert!(
                shirts.contains(&"oxford-shirt".into()),
                "{kind}: shrit → {shirts:?}"
            );
            assert!(
                shirts.contains(&"linen-shirt".into()),
                "{kind}: shrit → {shirts:?}"
            );

            let jackets = find(&s, "jakcet").await;
            assert!(
                jackets.contains(&"rain-jacket".into()),
                "{kind}: {jackets:?}"
            );
            assert!(
                jackets.contains(&"denim-jacket".into()),
                "{kind}: {jackets:?}"
            );
            assert!(
                !jackets.contains(&"archived-jacket".into()),
                "{kind}: archived shown"
            );

            let typed = find(&s, "jac").await;
            assert!(
                typed.contains(&"rain-jacket".into()) && typed.contains(&"denim-jacket".into()),
                "{kind}: prefix {typed:?}"
            );

            // Title matches outrank the shoe that only mentions a jacket.
            let ranked = find(&s, "jacket").await;
            let shoe = ranked.iter().position(|x| x == "trail-runner");
            let rain = ranked.iter().position(|x| x == "rain-jacket");
            let denim = ranked.iter().position(|x| x == "denim-jacket");
            assert!(
                shoe.is_some(),
                "{kind}: description matches count: {ranked:?}"
            );
            assert!(rain < shoe && denim < shoe, "{kind}: ranking {ranked:?}");

            // Every word must match: only the blue jacket.
            assert_eq!(find(&s, "blue jacket").await, ["denim-jacket"], "{kind}");

            assert_eq!(
                find(&s, "tee").await,
                ["cotton-tshirt"],
                "{kind}: tee → t-shirt"
            );
            assert!(
                find(&s, "tshirt").await.contains(&"cotton-tshirt".into()),
                "{kind}"
            );

            assert!(
                find(&s, "bomber").await.is_empty(),
                "{kind}: archived never returned"
            );

            // Short words get no typo: "jeans" isn't "denim", "tea" isn't "tee".
            assert!(find(&s, "tea").await.is_empty(), "{kind}");

            // Highlighting marks the matched title words.
            let page = s
                .search(SearchRequest {
                    text: "denim jakcet".into(),
                    ..Default::default()
                })
                .await
                .expect("search");
            let marked: Vec<String> = page.hits[0]
                .title
                .iter()
                .filter(|s| s.hit)
                .map(|s| s.text.clone())
                .collect();
            assert_eq!(marked, ["Denim", "Jacket"], "{kind}");
        }
    }
);

/// Direct SQL count of active products matching `extra` (a WHERE fragment on p).
async fn sql_count(db: &DatabaseConnection, extra: &str) -> u64 {
    let sql =
        format!("SELECT COUNT(*) AS n FROM products p WHERE p.status = 'active' AND ({extra})");
    let row = db
        .query_one_raw(Statement::from_string(db.get_database_backend(), sql))
        .await
        .expect("count")
        .expect("row");
    row.try_get::<i64>("", "n").expect("n") as u64
}

for_each_backend!(
    facet_counts_equal_database_counts,
    |tdb: TestDatabase| async move {
        let f = fixture(&tdb).await;
        for engine in &f.engines {
            let s = service(&f, engine);
            ready(&s).await;
            let kind = engine.kind();
            let res = engine
                .search(EngineQuery {
                    text: String::new(),
                    facets: FacetKey::ALL.to_vec(),
                    page: 1,
                    per_page: 50,
                    ..Default::default()
                })
                .await
                .expect("search");
            assert_eq!(res.total, sql_count(&f.db, "1=1").await, "{kind}: total");

            let cats = &res.facets[&FacetKey::Category];
            for (slug, _, _) in CATEGORIES {
                // The category itself or any descendant (two levels here).
                let expected = sql_count(
                &f.db,
                &format!(
                    "p.category_id IN (SELECT c.id FROM categories c LEFT JOIN categories pc ON pc.id = c.parent_id \
                     WHERE c.slug = '{slug}' OR pc.slug = '{slug}')"
                ),
            )
            .await;
                assert_eq!(
                    cats.get(*slug).copied().unwrap_or(0),
                    expected,
                    "{kind}: category {slug}"
                );
            }
            for brand in ["Acme", "Borealis", "Coast"] {
                let expected = sql_count(&f.db, &format!("p.brand = '{brand}'")).await;
                assert_eq!(
                    res.facets[&FacetKey::Brand]
                        .get(brand)
                        .copied()
                        .unwrap_or(0),
                    expected,
                    "{kind}: brand {brand}"
                );
            }
            for bucket in domain::search::PRICE_BUCKETS {
                let upper = bucket
                    .to
                    .map(|t| format!("AND v.price_minor < {t}"))
                    .unwrap_or_default();
                let expected = sql_count(
                &f.db,
                &format!("EXISTS (SELECT 1 FROM variants v WHERE v.product_id = p.id AND v.price_minor >= {} {upper})", bucket.from),
            )
            .await;
                assert_eq!(
                    res.facets[&FacetKey::Price]
                        .get(&bucket.key())
                        .copied()
                        .unwrap_or(0),
                    expected,
                    "{kind}: price {}",
                    bucket.key()
                );
            }
            let in_stock = sql_count(
            &f.db,
            "(SELECT COALESCE(SUM(s.on_hand - s.reserved), 0) FROM stock_levels s JOIN variants v ON v.id = s.variant_id WHERE v.product_id = p.id) > 0",
        )
        .await;
            assert_eq!(
                res.facets[&FacetKey::Stock].get("in").copied().unwrap_or(0),
                in_stock,
                "{kind}: in stock"
            );
            let white = sql_count(
            &f.db,
            "EXISTS (SELECT 1 FROM variants v JOIN variant_option_values vo ON vo.variant_id = v.id \
             JOIN product_option_values ov ON ov.id = vo.option_value_id JOIN product_options o ON o.id = ov.option_id \
             WHERE v.product_id = p.id AND o.name = 'Colour' AND ov.value = 'White')",
        )
        .await;
            assert_eq!(
                res.facets[&FacetKey::Option]
                    .get("Colour:White")
                    .copied()
                    .unwrap_or(0),
                white,
                "{kind}: white"
            );
            let attributes = &res.facets[&FacetKey::Attribute];
            for (_, code, value) in VALUES {
                let expected = sql_count(
                    &f.db,
                    &format!(
                        "EXISTS (SELECT 1 FROM product_attributes pa JOIN attributes a ON a.id = pa.attribute_id \
                         WHERE pa.product_id = p.id AND a.code = '{code}' AND pa.value = '{value}' AND a.filterable = {})",
                        if *code == "care" { "false" } else { "true" }
                    ),
                )
                .await;
                let key = format!("{code}:{value}");
                assert_eq!(
                    attributes.get(&key).copied().unwrap_or(0),
                    if *code == "care" { 0 } else { expected },
                    "{kind}: {key}"
                );
            }
        }
    }
);

for_each_backend!(
    attribute_facets_filter_and_words,
    |tdb: TestDatabase| async move {
        let f = fixture(&tdb).await;
        for engine in &f.engines {
            let s = service(&f, engine);
            ready(&s).await;
            let kind = engine.kind();
            // Words of an attribute's values find the product.
            assert_eq!(find(&s, "nylon").await, ["rain-jacket"], "{kind}");
            let page = s
                .search(SearchRequest::from_pairs([("attr", "material:Cotton")]))
                .await
                .expect("search");
            let mut slugs: Vec<String> = page.hits.iter().map(|h| h.card.slug.clone()).collect();
            slugs.sort();
            assert_eq!(
                slugs,
                [
                    "cotton-tshirt",
                    "denim-jacket",
                    "linen-shirt",
                    "oxford-shirt"
                ],
                "{kind}"
            );
            let material = page
                .facets
                .iter()
                .find(|g| g.key == FacetKey::Attribute && g.name == "Material")
                .expect("material group");
            // The picked group counts as if nothing were picked in it.
            let values: Vec<(&str, u64, bool)> = material
                .options
                .iter()
                .map(|o| (o.label.as_str(), o.count, o.selected))
                .collect();
            assert_eq!(
                values,
                [
                    ("Cotton", 4, true),
                    ("Linen", 1, false),
                    ("Denim", 1, false),
                    ("Nylon", 1, false)
                ],
                "{kind}: in the definition's order"
            );
            let hood = page
                .facets
                .iter()
                .find(|g| g.name == "Hood")
                .expect("hood group");
            let hood: Vec<(&str, u64)> = hood
                .options
                .iter()
                .map(|o| (o.label.as_str(), o.count))
                .collect();
            assert_eq!(hood, [("No", 1)], "{kind}: among the cotton ones");
            assert!(
                !page.facets.iter().any(|g| g.name == "Care"),
                "{kind}: text is no facet"
            );
            // Two attributes AND; invented codes filter nothing away.
            let both = s
                .search(SearchRequest::from_pairs([
                    ("attr", "material:Nylon"),
                    ("attr", "hood:yes"),
                ]))
                .await
                .expect("search");
            assert_eq!(both.total, 1, "{kind}");
            let junk = s
                .search(SearchRequest::from_pairs([
                    ("q", "shirt"),
                    ("attr", "nope:x"),
                    ("attr", "care:Wash cold"),
                ]))
                .await
                .expect("search");
            assert!(junk.request.attributes.is_empty(), "{kind}");
            assert_eq!(junk.total, find(&s, "shirt").await.len() as u64, "{kind}");
        }
    }
);

for_each_backend!(
    filters_sort_and_pagination,
    |tdb: TestDatabase| async move {
        let f = fixture(&tdb).await;
        for engine in &f.engines {
            let s = service(&f, engine);
            ready(&s).await;
            let kind = engine.kind();
            // All active clothing by price, two per page, walked page by page.
            let expected: Vec<String> = {
                let rows = product::Entity::find()
                    .filter(product::Column::Status.eq("active"))
                    .filter(product::Column::Slug.ne("trail-runner"))
                    .order_by_asc(product::Column::PriceMinMinor)
                    .all(&f.db)
                    .await
                    .expect("rows");
                rows.into_iter().map(|p| p.slug).collect()
            };
            let mut walked = Vec::new();
            for page in 1..=4 {
                let res = engine
                    .search(EngineQuery {
                        filters: vec![Filter {
                            key: FacetKey::Category,
                            values: vec!["clothing".into()],
                        }],
                        sort: SearchSort::PriceAsc,
                        page,
                        per_page: 2,
                        ..Default::default()
                    })
                    .await
                    .expect("page");
                assert_eq!(res.total, expected.len() as u64, "{kind}");
                walked.extend(slugs_for(&f, &res.ids).await);
            }
            assert_eq!(walked, expected, "{kind}: price ascending across pages");

            // Text + OR within a group + AND across groups + descending price.
            let res = engine
                .search(EngineQuery {
                    text: "shirt".into(),
                    filters: vec![
                        Filter {
                            key: FacetKey::Brand,
                            values: vec!["Acme".into(), "Borealis".into()],
                        },
                        Filter {
                            key: FacetKey::Option,
                            values: vec!["Colour:White".into()],
                        },
                    ],
                    sort: SearchSort::PriceDesc,
                    page: 1,
                    per_page: 10,
                    ..Default::default()
                })
                .await
                .expect("filtered");
            assert_eq!(
                slugs_for(&f, &res.ids).await,
                ["linen-shirt", "oxford-shirt", "cotton-tshirt"],
                "{kind}"
            );

            // Newest first.
            let res = engine
                .search(EngineQuery {
                    sort: SearchSort::Newest,
                    page: 1,
                    per_page: 3,
                    ..Default::default()
                })
                .await
                .expect("newest");
            assert_eq!(
                slugs_for(&f, &res.ids).await,
                ["trail-runner", "cotton-tshirt", "denim-jacket"],
                "{kind}"
            );

            // Out of stock filtered away; the service's disjunctive counts.
            let page = s
                .search(SearchRequest {
                    text: "shirt".into(),
                    brands: vec!["Borealis".into()],
                    in_stock: true,
                    ..Default::default()
                })
                .await
                .expect("service");
            let slugs: Vec<_> = page.hits.iter().map(|h| h.card.slug.as_str()).collect();
            assert_eq!(
                slugs,
                ["cotton-tshirt"],
                "{kind}: linen shirt is out of stock"
            );
            let brands = page
                .facets
                .iter()
                .find(|g| g.key == FacetKey::Brand)
                .expect("brand group");
            let acme = brands
                .options
                .iter()
                .find(|o| o.value == "Acme")
                .expect("Acme offered");
            assert_eq!(
                acme.count, 1,
                "{kind}: Acme count ignores the brand selection"
            );
            assert!(
                brands
                    .options
                    .iter()
                    .any(|o| o.value == "Borealis" && o.selected),
                "{kind}"
            );
            let price = PriceBucket::of(2000).key();
            assert!(page.facets.iter().any(|g| g.key == FacetKey::Price && g.options.iter().any(|o| o.value == price)), "{kind}");
        }
    }
);

for_each_backend!(outbox_keeps_index_in_step, |tdb: TestDatabase| async move {
    let f = fixture(&tdb).await;
    for engine in &f.engines {
        let s = service(&f, engine);
        ready(&s).await;
        let kind = engine.kind();
        let worker = worker(&f, &s);
        let admin = Actor::user(1, Role::Admin, Vec::new(), false);
        let catalog = Catalog::new(f.db.clone());

        catalog
            .set_status(&admin, &["rain-jacket".into()], ProductStatus::Archived)
            .await
            .expect("archive");
        worker.run_once().await.expect("outbox");
        assert!(
            !find(&s, "rain").await.contains(&"rain-jacket".into()),
            "{kind}: archived leaves the index"
        );

        catalog
            .set_status(&admin, &["rain-jacket".into()], ProductStatus::Active)
            .await
            .expect("publish");
        worker.run_once().await.expect("outbox");
        assert!(
            find(&s, "rain").await.contains(&"rain-jacket".into()),
            "{kind}: published again"
        );

        // Restocking the linen shirt crosses zero: it becomes "in stock".
        let linen = product::Entity::find()
            .filter(product::Column::Slug.eq("linen-shirt"))
            .one(&f.db)
            .await
            .expect("q")
            .expect("linen");
        let v = variant::Entity::find()
            .filter(variant::Column::ProductId.eq(linen.id))
            .one(&f.db)
            .await
            .expect("q")
            .expect("variant");
        stock_level::Entity::update_many()
            .col_expr(
                stock_level::Column::OnHand,
                sea_orm::sea_query::Expr::value(3),
            )
            .filter(stock_level::Column::VariantId.eq(v.id))
            .exec(&f.db)
            .await
            .expect("restock");
        domain::search::sync::stock_changed(&f.db, v.id, 3)
            .await
            .expect("sync");
        worker.run_once().await.expect("outbox");
        let page = s
            .search(SearchRequest {
                text: "linen".into(),
                in_stock: true,
                ..Default::default()
            })
            .await
            .expect("search");
        assert_eq!(page.total, 1, "{kind}: restocked shirt is in stock");
        let pending = domain::entities::outbox_message::Entity::find()
            .filter(domain::entities::outbox_message::Column::Status.ne("done"))
            .count(&f.db)
            .await
            .expect("count");
        assert_eq!(pending, 0, "{kind}");

        // A full rebuild swaps in an index with the same answers.
        let n = s.rebuild(&|_, _| {}).await.expect("rebuild");
        assert_eq!(n, sql_count(&f.db, "1=1").await, "{kind}");
        assert!(
            find(&s, "linen").await.contains(&"linen-shirt".into()),
            "{kind}"
        );
    }
});

for_each_backend!(
    no_results_suggest_and_offer_popular,
    |tdb: TestDatabase| async move {
        let f = fixture(&tdb).await;
        for engine in &f.engines {
            let s = service(&f, engine);
            ready(&s).await;
            let kind = engine.kind();
            let page = s
                .search(SearchRequest {
                    text: "jcakte".into(),
                    ..Default::default()
                })
                .await
                .expect("search");
            assert_eq!(page.total, 0, "{kind}: two typos in a six-letter word");
            assert_eq!(page.did_you_mean.as_deref(), Some("jacket"), "{kind}");
            assert!(
                page.popular.iter().any(|c| c.slug == "denim-jacket"),
                "{kind}: featured offered"
            );

            let page = s
                .search(SearchRequest {
                    text: "denim".into(),
                    ..Default::default()
                })
                .await
                .expect("search");
            assert_eq!(page.did_you_mean, None, "{kind}: nothing to correct");

            let ac = s
                .autocomplete("jack", model::Locale::En)
                .await
                .expect("autocomplete");
            assert!(
                ac.products.iter().any(|c| c.slug == "denim-jacket"),
                "{kind}"
            );
            assert_eq!(
                ac.categories.first().map(|c| c.slug.as_str()),
                Some("jackets"),
                "{kind}: {:?}",
                ac.categories
            );
        }
    }
);

for_each_backend!(
    unreachable_meilisearch_degrades_gracefully,
    |tdb: TestDatabase| async move {
        let db = crate::support::migrated(&tdb.url, 5).await;
        let down: Arc<dyn SearchIndex> =
            Arc::new(MeiliIndex::new("http://127.0.0.1:9", None, "products").expect("client"));
        let store = testkit::open_store(&db).await;
        let s = Search::new(db.clone(), down, store.current(), None);
        let err = s
            .search(SearchRequest {
                text: "jacket".into(),
                ..Default::default()
            })
            .await
            .expect_err("no server");
        assert!(matches!(err, domain::Error::Unavailable { .. }), "{err:?}");
        assert!(err.user_message().contains("taking a short break"));
        assert!(s.health().await.is_err());
        // Updates wait in the outbox instead of failing the change.
        domain::search::sync::enqueue(&db, vec![1])
            .await
            .expect("enqueue");
        let worker = Worker::new(
            db.clone(),
            Arc::new(
                domain::mail::FileMailer::new(tdb.dir.path().join("mail"), "shop@example.com")
                    .expect("mailer"),
            ),
            OutboxConfig::default(),
            OutboxSignal::default(),
        )
        .with_search(s.clone());
        worker.run_once().await.expect("outbox pass");
        let row = domain::entities::outbox_message::Entity::find()
            .one(&db)
            .await
            .expect("q")
            .expect("row");
        assert_eq!(row.status, "pending", "retried later");
        assert!(row.last_error.unwrap_or_default().contains("unavailable"));
    }
);

/// Stars on some products, as `reviews::recount` leaves them: (slug,
/// published reviews, sum of their stars).
const RATED: [(&str, i32, i32); 5] = [
    ("oxford-shirt", 2, 10),    // 5.0
    ("denim-jacket", 4, 17),    // 4.25 → 4.3
    ("rain-jacket", 10, 35),    // 3.5
    ("linen-shirt", 1, 2),      // 2.0
    ("archived-jacket", 3, 15), // 5.0, never shown
];

for_each_backend!(
    ratings_filter_count_and_sort,
    |tdb: TestDatabase| async move {
        let f = fixture(&tdb).await;
        for (slug, count, sum) in RATED {
            product::Entity::update_many()
                .col_expr(product::Column::ReviewCount, Expr::value(count))
                .col_expr(product::Column::RatingSum, Expr::value(sum))
                .filter(product::Column::Slug.eq(slug))
                .exec(&f.db)
                .await
                .expect("stars");
        }
        for engine in &f.engines {
            let s = service(&f, engine);
            ready(&s).await;
            let kind = engine.kind();
            let search = |rating: u8, sort: SearchSort| {
                let s = s.clone();
                async move {
                    s.search(SearchRequest {
                        rating,
                        sort,
                        ..Default::default()
                    })
                    .await
                    .expect("search")
                }
            };

            let four_up = search(4, SearchSort::Relevance).await;
            let mut slugs: Vec<String> = four_up.hits.iter().map(|h| h.card.slug.clone()).collect();
            slugs.sort();
            assert_eq!(slugs, ["denim-jacket", "oxford-shirt"], "{kind}");
            // The group's counts leave its own threshold out: each says what
            // picking it instead would show.
            let group = four_up
                .facets
                .iter()
                .find(|g| g.key == FacetKey::Rating)
                .expect("a rating group");
            let offered: Vec<(String, u64, bool)> = group
                .options
                .iter()
                .map(|o| (o.value.clone(), o.count, o.selected))
                .collect();
            assert_eq!(
                offered,
                [
                    ("4".to_owned(), 2, true),
                    ("3".to_owned(), 3, false),
                    ("2".to_owned(), 4, false),
                    ("1".to_owned(), 4, false),
                ],
                "{kind}"
            );
            assert_eq!(group.options[0].label, "4 stars & up");

            let ranked = search(0, SearchSort::Rating).await;
            let top: Vec<&str> = ranked
                .hits
                .iter()
                .take(4)
                .map(|h| h.card.slug.as_str())
                .collect();
            assert_eq!(
                top,
                ["oxford-shirt", "denim-jacket", "rain-jacket", "linen-shirt"],
                "{kind}: best average first, unrated after"
            );
            assert_eq!(
                ranked.total,
                sql_count(&f.db, "1 = 1").await,
                "{kind}: unrated still listed"
            );
            assert!(
                ranked.hits.iter().all(|h| h.card.slug != "archived-jacket"),
                "{kind}"
            );
        }
    }
);

fn translation(locale: &str, title: &str, description: &str) -> TranslationRow {
    TranslationRow {
        locale: locale.into(),
        title: title.into(),
        description: description.into(),
    }
}

for_each_backend!(
    each_language_searches_what_its_pages_show,
    |tdb: TestDatabase| async move {
        let f = fixture(&tdb).await;
        for engine in &f.engines {
            let s = service(&f, engine);
            ready(&s).await;
            let kind = engine.kind();
            let worker = worker(&f, &s);
            let admin = Actor::user(1, Role::Admin, Vec::new(), false);
            let catalog = Catalog::new(f.db.clone());
            catalog
                .save_translations(
                    &admin,
                    "rain-jacket",
                    &[
                        translation(
                            "de",
                            "Regenjacke",
                            "Wasserdichte Hülle mit verklebten Nähten.",
                        ),
                        translation("fr", "Veste de pluie", ""),
                    ],
                )
                .await
                .expect("translate");
            worker.run_once().await.expect("outbox");

            assert_eq!(
                find_in(&s, "regenjacke", Locale::De).await,
                ["rain-jacket"],
                "{kind}"
            );
            // Typo tolerance is the same in every language.
            assert_eq!(
                find_in(&s, "regnjacke", Locale::De).await,
                ["rain-jacket"],
                "{kind}"
            );
            assert!(
                find_in(&s, "regenjacke", Locale::En).await.is_empty(),
                "{kind}"
            );
            assert!(
                find_in(&s, "regenjacke", Locale::Fr).await.is_empty(),
                "{kind}"
            );
            assert_eq!(
                find_in(&s, "veste pluie", Locale::Fr).await,
                ["rain-jacket"],
                "{kind}"
            );
            // A German page shows the German description; a French one the
            // English (none written), and search reads the same.
            assert!(
                !find_in(&s, "taped", Locale::De)
                    .await
                    .contains(&"rain-jacket".into()),
                "{kind}"
            );
            assert!(
                find_in(&s, "taped", Locale::Fr)
                    .await
                    .contains(&"rain-jacket".into()),
                "{kind}"
            );
            // Untranslated products are found by their English title.
            assert_eq!(
                find_in(&s, "oxford", Locale::De).await,
                ["oxford-shirt"],
                "{kind}"
            );

            // The hit reads in the page's language, the matched word marked.
            let page = s
                .search(SearchRequest {
                    text: "regen".into(),
                    locale: Locale::De,
                    ..Default::default()
                })
                .await
                .expect("search");
            assert_eq!(page.hits[0].card.title, "Regenjacke", "{kind}");
            assert!(page.hits[0].title.iter().any(|t| t.hit), "{kind}");
            let ac = s
                .autocomplete("veste", Locale::Fr)
                .await
                .expect("autocomplete");
            assert_eq!(
                ac.products
                    .iter()
                    .map(|c| c.title.as_str())
                    .collect::<Vec<_>>(),
                ["Veste de pluie"],
                "{kind}"
            );

            // Emptied, the translation is gone: German finds the English.
            catalog
                .save_translations(&admin, "rain-jacket", &[translation("de", "", "")])
                .await
                .expect("clear");
            worker.run_once().await.expect("outbox");
            assert!(
                find_in(&s, "regenjacke", Locale::De).await.is_empty(),
                "{kind}"
            );
            assert!(
                find_in(&s, "rain jacket", Locale::De)
                    .await
                    .contains(&"rain-jacket".into()),
                "{kind}"
            );
        }
    }
);

/// The jackets by price, as a shopper paying in `currency` sees them.
async fn jackets_by_price(s: &Search, currency: domain::Currency) -> Vec<String> {
    s.search_in(
        SearchRequest {
            categories: vec!["jackets".into()],
            sort: SearchSort::PriceAsc,
            ..Default::default()
        },
        currency,
    )
    .await
    .expect("search")
    .hits
    .into_iter()
    .map(|h| h.card.slug)
    .collect()
}

for_each_backend!(
    a_price_sort_follows_the_currency_the_shopper_sees,
    |tdb: TestDatabase| async move {
        let f = fixture(&tdb).await;
        let admin = Actor::user(1, Role::Admin, Vec::new(), false);
        let catalog = Catalog::new(f.db.clone());
        let euros = |rate: &str| domain::store::PresentmentInput {
            currency: "EUR".into(),
            rate: rate.into(),
            rounding: "ninety_nine".into(),
        };
        let (usd, eur) = (domain::Currency::Usd, domain::Currency::Eur);
        let cheap_first = ["denim-jacket", "rain-jacket"];
        for engine in &f.engines {
            let s = service(&f, engine);
            let kind = engine.kind();
            // Each engine starts from euros at 0.92 and no list price.
            f.store
                .save_currencies(&admin, &[euros("0.92")])
                .await
                .expect("currencies");
            catalog
                .set_list_prices(&admin, "rain-jacket-0", &[])
                .await
                .expect("no list price");
            ready(&s).await;
            let worker = worker(&f, &s);
            worker.run_once().await.expect("outbox");
            assert_eq!(jackets_by_price(&s, eur).await, cheap_first, "{kind}");

            // €50 for the $120 jacket: first in euros, still last in dollars.
            catalog
                .set_list_prices(
                    &admin,
                    "rain-jacket-0",
                    &[model::fx::ListPrice {
                        currency: eur,
                        price: 5000,
                        compare_at: None,
                    }],
                )
                .await
                .expect("list price");
            worker.run_once().await.expect("outbox");
            assert_eq!(
                jackets_by_price(&s, eur).await,
                ["rain-jacket", "denim-jacket"],
                "{kind}"
            );
            assert_eq!(jackets_by_price(&s, usd).await, cheap_first, "{kind}");

            // At 0.3 the $90 jacket converts to about €27, below €50: the
            // index follows new rates.
            f.store
                .save_currencies(&admin, &[euros("0.3")])
                .await
                .expect("rates");
            worker.run_once().await.expect("outbox");
            assert_eq!(jackets_by_price(&s, eur).await, cheap_first, "{kind}");
        }
    }
);
