//! Catalog queries against real databases (SQLite file and PostgreSQL),
//! checked against direct SQL over the same seeded data.
use std::collections::HashSet;

/// The public URL product pages link to in their JSON-LD.
const BASE: &str = "https://shop.example";

use domain::catalog::{Catalog, CategoryView};
use domain::entities::{
    product, product_option, product_option_value, variant, variant_option_value,
};
use domain::Currency;
use model::fx::Currencies;
use sea_orm::{
    ActiveModelTrait, ActiveValue::Set, ColumnTrait, DatabaseConnection, EntityTrait,
    PaginatorTrait, QueryFilter,
};
use testkit::for_each_backend;
use testkit::TestDatabase;

async fn seeded(db: &TestDatabase) -> (DatabaseConnection, Catalog) {
    let conn = crate::support::migrated(&db.url, 5).await;
    domain::seed::seed_demo(&conn, &db.dir.path().join("uploads"), domain::Currency::Usd)
        .await
        .expect("seed");
    (conn.clone(), Catalog::new(conn))
}

fn pairs(list: &[(&str, &str)]) -> Vec<(String, String)> {
    list.iter()
        .map(|(k, v)| (k.to_string(), v.to_string()))
        .collect()
}

async fn listing(catalog: &Catalog, slug: &str, q: &[(&str, &str)]) -> CategoryView {
    catalog
        .category_listing(
            slug,
            &pairs(q),
            &Currencies::only(Currency::Usd),
            Currency::Usd,
        )
        .await
        .expect("query")
        .expect("category exists")
}

/// Active products in a category subtree, counted directly.
async fn direct_count(conn: &DatabaseConnection, catalog: &Catalog, slug: &str) -> u64 {
    let tree = catalog.tree().await.expect("tree");
    let id = tree.by_slug(slug).expect("slug").id;
    product::Entity::find()
        .filter(product::Column::Status.eq("active"))
        .filter(product::Column::CategoryId.is_in(tree.subtree_ids(id)))
        .count(conn)
        .await
        .expect("count")
}

for_each_backend!(
    seed_builds_a_believable_shop,
    |db: TestDatabase| async move {
        let (conn, catalog) = seeded(&db).await;
        assert!(product::Entity::find().count(&conn).await.expect("count") >= 1000);
        let tree = catalog.tree().await.expect("tree");
        assert!(tree.navigation(3, model::Locale::En).len() >= 5);
        let svg = std::fs::read_dir(db.dir.path().join("uploads/demo"))
            .expect("images dir")
            .count();
        assert!(svg >= 2000, "{svg} images");
        // A past: delivered orders and published reviews, and every product's
        // kept rating numbers equal to its reviews.
        let orders = domain::entities::order::Entity::find()
            .count(&conn)
            .await
            .expect("orders");
        assert!(orders >= 40, "{orders} orders");
        let reviews = domain::entities::review::Entity::find()
            .all(&conn)
            .await
            .expect("reviews");
        assert!(reviews.len() >= 40, "{} reviews", reviews.len());
        let mut kept = std::collections::HashMap::<i32, (i32, i32)>::new();
        for r in &reviews {
            let e = kept.entry(r.product_id).or_default();
            e.0 += 1;
            e.1 += i32::from(r.rating);
        }
        let rated = product::Entity::find()
            .filter(product::Column::ReviewCount.gt(0))
            .all(&conn)
            .await
            .expect("rated");
        assert_eq!(rated.len(), kept.len());
        for p in rated {
            assert_eq!(kept[&p.id], (p.review_count, p.rating_sum), "{}", p.slug);
        }
        let again =
            domain::seed::seed_demo(&conn, &db.dir.path().join("uploads"), domain::Currency::Usd)
                .await;
        assert!(
            matches!(again, Err(domain::Error::Conflict(_))),
            "seeding twice must be refused"
        );
    }
);

for_each_backend!(
    pages_cover_the_category_exactly_once,
    |db: TestDatabase| async move {
        let (conn, catalog) = seeded(&db).await;
        let first = listing(&catalog, "women", &[]).await;
        let expected = direct_count(&conn, &catalog, "women").await;
        assert_eq!(first.total, expected);
        assert!(first.total > 100);
        assert_eq!(first.products.len(), 24);
        let mut seen = HashSet::new();
        for page in 1..=first.page_count {
            let p = listing(
                &catalog,
                "women",
                &[("page", &page.to_string()), ("sort", "name")],
            )
            .await;
            for card in p.products {
                assert!(seen.insert(card.slug.clone()), "{} listed twice", card.slug);
            }
        }
        assert_eq!(seen.len() as u64, expected);
    }
);

for_each_backend!(sorts_by_price_and_name, |db: TestDatabase| async move {
    let (_conn, catalog) = seeded(&db).await;
    let asc = listing(&catalog, "outdoor", &[("sort", "price_asc")]).await;
    let prices: Vec<i64> = asc.products.iter().map(|p| p.price_min.minor).collect();
    assert!(prices.windows(2).all(|w| w[0] <= w[1]), "{prices:?}");
    let desc = listing(&catalog, "outdoor", &[("sort", "price_desc")]).await;
    let prices: Vec<i64> = desc.products.iter().map(|p| p.price_min.minor).collect();
    assert!(prices.windows(2).all(|w| w[0] >= w[1]), "{prices:?}");
    assert!(desc.products[0].price_min.minor > asc.products[0].price_min.minor);
    let by_name = listing(&catalog, "outdoor", &[("sort", "name")]).await;
    let titles: Vec<&str> = by_name.products.iter().map(|p| p.title.as_str()).collect();
    let mut sorted = titles.clone();
    sorted.sort();
    assert_eq!(titles, sorted);
});

for_each_backend!(
    filters_match_direct_queries,
    |db: TestDatabase| async move {
        let (conn, catalog) = seeded(&db).await;
        let all = listing(&catalog, "men", &[]).await;
        let brand = all.brands.first().expect("brand facet").clone();

        // Brand facet count equals the filtered total and a direct count.
        let by_brand = listing(&catalog, "men", &[("brand", &brand.value)]).await;
        assert_eq!(by_brand.total, brand.count);
        assert!(by_brand.products.iter().all(|p| p.brand == brand.value));
        assert!(by_brand
            .brands
            .iter()
            .any(|b| b.value == brand.value && b.selected));

        // Price range: every product's from-price inside the bounds.
        let ranged = listing(&catalog, "men", &[("price_min", "40"), ("price_max", "80")]).await;
        assert!(ranged.total > 0 && ranged.total < all.total);
        assert!(ranged
            .products
            .iter()
            .all(|p| (4000..=8000).contains(&p.price_min.minor)));

        // Option filter: count of products having a variant with Size = M.
        let size = all
            .options
            .iter()
            .find(|o| o.name == "Size")
            .expect("size facet");
        let m = size.values.iter().find(|v| v.value == "M").expect("size M");
        let with_m = listing(&catalog, "men", &[("opt", "Size:M")]).await;
        assert_eq!(with_m.total, m.count);
        let tree = catalog.tree().await.expect("tree");
        let ids = tree.subtree_ids(tree.by_slug("men").expect("men").id);
        let products: HashSet<i32> = product::Entity::find()
            .filter(product::Column::Status.eq("active"))
            .filter(product::Column::CategoryId.is_in(ids))
            .all(&conn)
            .await
            .expect("products")
            .into_iter()
            .map(|p| p.id)
            .collect();
        let options: Vec<i32> = product_option::Entity::find()
            .filter(product_option::Column::Name.eq("Size"))
            .all(&conn)
            .await
            .expect("options")
            .into_iter()
            .map(|o| o.id)
            .collect();
        let m_values: Vec<i32> = product_option_value::Entity::find()
            .filter(product_option_value::Column::OptionId.is_in(options))
            .filter(product_option_value::Column::Value.eq("M"))
            .all(&conn)
            .await
            .expect("values")
            .into_iter()
            .map(|v| v.id)
            .collect();
        let variant_ids: Vec<i32> = variant_option_value::Entity::find()
            .filter(variant_option_value::Column::OptionValueId.is_in(m_values))
            .all(&conn)
            .await
            .expect("links")
            .into_iter()
            .map(|l| l.variant_id)
            .collect();
        let direct: HashSet<i32> = variant::Entity::find()
            .filter(variant::Column::Id.is_in(variant_ids))
            .all(&conn)
            .await
            .expect("variants")
            .into_iter()
            .map(|v| v.product_id)
            .filter(|p| products.contains(p))
            .collect();
        assert_eq!(with_m.total, direct.len() as u64);

        // Filters combine (AND across kinds) and keep sort + pagination.
        let combined = listing(
            &catalog,
            "men",
            &[
                ("opt", "Size:M"),
                ("brand", &brand.value),
                ("sort", "price_asc"),
                ("page", "1"),
            ],
        )
        .await;
        assert!(combined.total <= with_m.total.min(by_brand.total));
        let prices: Vec<i64> = combined
            .products
            .iter()
            .map(|p| p.price_min.minor)
            .collect();
        assert!(prices.windows(2).all(|w| w[0] <= w[1]));
    }
);

for_each_backend!(
    hidden_products_are_never_shown,
    |db: TestDatabase| async move {
        let (conn, catalog) = seeded(&db).await;
        let page = listing(&catalog, "kids", &[("sort", "name")]).await;
        let victim = page.products[0].slug.clone();
        let row = product::Entity::find()
            .filter(product::Column::Slug.eq(victim.clone()))
            .one(&conn)
            .await
            .expect("query")
            .expect("row");
        let mut active: product::ActiveModel = row.clone().into();
        active.status = Set("archived".into());
        active.update(&conn).await.expect("archive");
        // The counts are held until the change feed says a product changed
        // (the server's follower calls this on every instance).
        let held = listing(&catalog, "kids", &[("sort", "name")]).await;
        assert_eq!(held.total, page.total, "counts held between changes");
        catalog.forget_listings();
        let after = listing(&catalog, "kids", &[("sort", "name")]).await;
        assert_eq!(after.total, page.total - 1);
        assert!(after.products.iter().all(|p| p.slug != victim));
        assert!(catalog
            .product_detail(&victim, BASE)
            .await
            .expect("query")
            .is_none());

        let mut draft: product::ActiveModel = row.into();
        draft.status = Set("draft".into());
        draft.update(&conn).await.expect("draft");
        assert!(catalog
            .product_detail(&victim, BASE)
            .await
            .expect("query")
            .is_none());
    }
);

for_each_backend!(
    product_detail_lines_up_variants_and_options,
    |db: TestDatabase| async move {
        let (_conn, catalog) = seeded(&db).await;
        let page = listing(&catalog, "women-t-shirts", &[]).await;
        let detail = catalog
            .product_detail(&page.products[0].slug, BASE)
            .await
            .expect("query")
            .expect("product");
        assert_eq!(
            detail
                .options
                .iter()
                .map(|o| o.name.as_str())
                .collect::<Vec<_>>(),
            ["Size", "Colour"]
        );
        let combos = detail.options[0].values.len() * detail.options[1].values.len();
        assert_eq!(detail.variants.len(), combos);
        for v in &detail.variants {
            assert_eq!(v.values.len(), 2);
            assert!(detail.options[0].values.contains(&v.values[0]));
            assert!(detail.options[1].values.contains(&v.values[1]));
            assert!(v.image_index.is_some_and(|i| i < detail.images.len()));
            assert!(v.available >= 0);
        }
        assert_eq!(
            detail.breadcrumbs.first().map(|c| c.slug.as_str()),
            Some("women")
        );
        assert!(catalog
            .product_detail("no-such-product", BASE)
            .await
            .expect("query")
            .is_none());
        assert!(catalog
            .category_listing(
                "no-such-category",
                &[],
                &Currencies::only(Currency::Usd),
                Currency::Usd
            )
            .await
            .expect("query")
            .is_none());
    }
);

for_each_backend!(
    malformed_queries_still_list,
    |db: TestDatabase| async move {
        let (_conn, catalog) = seeded(&db).await;
        let bad = listing(
            &catalog,
            "home-living",
            &[("page", "-1"), ("sort", "foo"), ("price_min", "abc")],
        )
        .await;
        let good = listing(&catalog, "home-living", &[]).await;
        assert_eq!(bad.total, good.total);
        assert_eq!(bad.page, 1);
        let beyond = listing(&catalog, "home-living", &[("page", "9999")]).await;
        assert_eq!(
            beyond.page, beyond.page_count,
            "a page past the end shows the last page"
        );
        assert!(!beyond.products.is_empty());
    }
);

for_each_backend!(
    yen_shop_price_filter_matches_search_price_facets,
    |db: TestDatabase| async move {
        use domain::search::{
            embedded::EmbeddedIndex, FacetKey, Search, SearchRequest, PRICE_BUCKETS,
        };
        // A yen has no minor unit: "2500" in a URL is ¥2,500, which is what
        // the search facet labelled "Under ¥2,500" means too.
        let conn = crate::support::migrated(&db.url, 5).await;
        domain::seed::seed_demo(&conn, &db.dir.path().join("uploads"), Currency::Jpy)
            .await
            .expect("seed");
        let catalog = Catalog::new(conn.clone());
        let profile = domain::store::Profile::initial(
            "Yen Shop",
            Currency::Jpy,
            "Yen Shop <shop@example.com>",
        )
        .expect("profile");
        let store = domain::store::Store::open(conn.clone(), profile)
            .await
            .expect("store");
        let index = std::sync::Arc::new(EmbeddedIndex::new(db.dir.path().join("search")));
        let search = Search::new(conn.clone(), index, store.current(), None);
        search.prepare().await.expect("index");
        let facets = search
            .search(SearchRequest::default())
            .await
            .expect("search")
            .facets;
        let prices = facets
            .iter()
            .find(|g| g.key == FacetKey::Price)
            .expect("price facet");
        let tree = catalog.tree().await.expect("tree");
        let women = tree.subtree_ids(tree.by_slug("women").expect("women").id);
        let mut non_empty = 0;
        for bucket in PRICE_BUCKETS {
            let option = prices
                .options
                .iter()
                .find(|o| o.value == bucket.key())
                .expect("bucket offered");
            let last = bucket.to.map(|to| to - 1);
            let min = bucket.from.to_string();
            let max = last.map(|l| l.to_string()).unwrap_or_default();
            assert!(
                option.label.contains(
                    &domain::Money::new(bucket.to.unwrap_or(bucket.from), Currency::Jpy).format()
                ),
                "{}",
                option.label
            );
            let l = catalog
                .category_listing(
                    "women",
                    &pairs(&[("price_min", &min), ("price_max", &max)]),
                    &Currencies::only(Currency::Jpy),
                    Currency::Jpy,
                )
                .await
                .expect("query")
                .expect("women");
            // The bounds read back as typed: ¥2500 stayed 2,500 yen.
            assert_eq!(l.state.price_min.as_deref(), Some(min.as_str()));
            assert_eq!(l.state.price_max, last.map(|l| l.to_string()));
            let mut direct = product::Entity::find()
                .filter(product::Column::Status.eq("active"))
                .filter(product::Column::CategoryId.is_in(women.clone()))
                .filter(product::Column::PriceMinMinor.gte(bucket.from));
            if let Some(last) = last {
                direct = direct.filter(product::Column::PriceMinMinor.lte(last));
            }
            let expected = direct.count(&conn).await.expect("count");
            assert_eq!(l.total, expected, "{}", option.label);
            for card in &l.products {
                assert_eq!(card.price_min.currency, Currency::Jpy);
                let from = card.price_min.minor;
                assert!(
                    from >= bucket.from && bucket.to.is_none_or(|to| from < to),
                    "{} at {from} is not {}",
                    card.slug,
                    option.label
                );
            }
            non_empty += usize::from(l.total > 0);
        }
        assert!(non_empty >= 2, "the demo prices span several buckets");
    }
);
