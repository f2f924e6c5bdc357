//! Recommendations: "also bought" against a hand count of a fixture of
//! orders, trending decays with age, the category's best sellers fill in
//! when data is thin, staff pins and exclusions, and nothing unavailable
//! (draft, out of stock, the product itself) is ever shown.
use domain::accounts::{Actor, Permission, Role};
use domain::entities::{analytics_event, order, order_item, product, variant};
use domain::recommendations::{Recommendations, Rule};
use sea_orm::{ActiveModelTrait, ColumnTrait, EntityTrait, QueryFilter, Set};
use time::{Duration, OffsetDateTime};

use crate::support::{shop, stock, Shop};

fn staff() -> Actor {
    Actor::user(1, Role::Staff, vec![Permission::Catalog], false)
}

/// A product in the fixture's category with one variant `<SLUG>-1` and
/// `units` in stock; its id.
async fn product(s: &Shop, slug: &str, brand: &str, units: i32) -> i32 {
    let now = OffsetDateTime::now_utc();
    let category = product::Entity::find()
        .one(&s.db)
        .await
        .unwrap()
        .unwrap()
        .category_id;
    let p = product::ActiveModel {
        slug: Set(slug.into()),
        title: Set(slug.replace('-', " ")),
        description: Set(String::new()),
        brand: Set(brand.into()),
        status: Set("active".into()),
        category_id: Set(category),
        price_min_minor: Set(1000),
        price_max_minor: Set(1000),
        currency: Set("USD".into()),
        featured: Set(false),
        low_stock_threshold: Set(5),
        created_at: Set(now),
        updated_at: Set(now),
        ..Default::default()
    }
    .insert(&s.db)
    .await
    .unwrap();
    let sku = format!("{}-1", slug.to_uppercase());
    variant::ActiveModel {
        product_id: Set(p.id),
        sku: Set(sku.clone()),
        title: Set("One".into()),
        price_minor: Set(1000),
        currency: Set("USD".into()),
        weight_grams: Set(100),
        position: Set(0),
        created_at: Set(now),
        ..Default::default()
    }
    .insert(&s.db)
    .await
    .unwrap();
    stock(s, &sku, units, 0).await;
    p.id
}

/// An order in `status` placed at `at`, one of each product's variant.
async fn order_of(s: &Shop, status: &str, at: OffsetDateTime, products: &[i32]) {
    let o = order::ActiveModel {
        number: Set(
            format!("R-{}", &uuid::Uuid::new_v4().simple().to_string()[..12]).to_uppercase(),
        ),
        public_id: Set(uuid::Uuid::new_v4().to_string()),
        user_id: Set(None),
        email: Set("buyer@example.com".into()),
        status: Set(status.into()),
        currency: Set("USD".into()),
        subtotal_minor: Set(1000),
        discount_minor: Set(0),
        shipping_minor: Set(0),
        tax_minor: Set(0),
        total_minor: Set(1000),
        refunded_minor: Set(0),
        prices_include_tax: Set(false),
        shipping_method: Set("standard".into()),
        shipping_address: Set("{}".into()),
        placed_at: Set(at),
        updated_at: Set(at),
        ..Default::default()
    }
    .insert(&s.db)
    .await
    .unwrap();
    for p in products {
        let v = variant::Entity::find()
            .filter(variant::Column::ProductId.eq(*p))
            .one(&s.db)
            .await
            .unwrap()
            .unwrap();
        order_item::ActiveModel {
            order_id: Set(o.id),
            variant_id: Set(Some(v.id)),
            sku: Set(v.sku),
            title: Set("x".into()),
            variant_title: Set("x".into()),
            unit_price_minor: Set(1000),
            quantity: Set(1),
            line_total_minor: Set(1000),
            ..Default::default()
        }
        .insert(&s.db)
        .await
        .unwrap();
    }
}

async fn views(s: &Shop, product_id: i32, n: usize, at: OffsetDateTime) {
    for _ in 0..n {
        analytics_event::ActiveModel {
            kind: Set("product_view".into()),
            product_id: Set(Some(product_id)),
            created_at: Set(at),
            ..Default::default()
        }
        .insert(&s.db)
        .await
        .unwrap();
    }
}

fn slugs(cards: &[domain::catalog::ProductCard]) -> Vec<&str> {
    cards.iter().map(|c| c.slug.as_str()).collect()
}

testkit::for_each_backend!(
    also_bought_is_the_hand_counted_co_occurrence,
    |db| async move {
        let s = shop(&db).await;
        let now = OffsetDateTime::now_utc();
        let a = product(&s, "anorak", "North", 5).await;
        let b = product(&s, "beanie", "North", 5).await;
        let c = product(&s, "cap", "South", 5).await;
        let d = product(&s, "duffel", "South", 5).await;
        let e = product(&s, "earmuffs", "West", 5).await;
        let day = Duration::days(1);
        // Paid orders: a+b three times, a+c twice, a+d once; b+c once.
        for _ in 0..3 {
            order_of(&s, "paid", now - day, &[a, b]).await;
        }
        order_of(&s, "delivered", now - day, &[a, c]).await;
        order_of(&s, "shipped", now - day, &[a, c, b]).await;
        order_of(&s, "paid", now - day, &[a, d]).await;
        // Not sales, or too old: they count for nothing.
        order_of(&s, "pending_payment", now - day, &[a, e]).await;
        order_of(&s, "cancelled", now - day, &[a, e]).await;
        order_of(&s, "paid", now - Duration::days(400), &[a, e]).await;

        let recs = Recommendations::new(s.db.clone(), domain::catalog::Catalog::new(s.db.clone()));
        recs.refresh().await.unwrap();
        let report = recs.report(&staff(), "anorak").await.unwrap();
        let counted: Vec<(&str, i64)> = report
            .also_bought
            .iter()
            .map(|r| (r.slug.as_str(), r.score))
            .collect();
        // By hand: b with a in 4 orders (3 + the a, c, b one), c in 2, d in 1.
        assert_eq!(counted, [("beanie", 4), ("cap", 2), ("duffel", 1)]);
        let shown = recs.for_slug("anorak").await.unwrap();
        assert_eq!(slugs(&shown.also_bought), ["beanie", "cap", "duffel"]);
        assert!(
            !slugs(&shown.also_bought).contains(&"anorak"),
            "never itself"
        );
        assert!(
            shown
                .similar
                .iter()
                .all(|c| !slugs(&shown.also_bought).contains(&c.slug.as_str())),
            "a product shows once per page"
        );
        // The cart: what goes with a beanie, not the beanie.
        let cart = recs.for_cart(&[b]).await.unwrap();
        assert_eq!(slugs(&cart)[0], "anorak");
        assert!(!slugs(&cart).contains(&"beanie"));
    }
);

testkit::for_each_backend!(
    nothing_unavailable_is_recommended_and_staff_rules_apply,
    |db| async move {
        let s = shop(&db).await;
        let now = OffsetDateTime::now_utc();
        let a = product(&s, "anorak", "North", 5).await;
        let sold_out = product(&s, "beanie", "North", 0).await;
        let draft = product(&s, "cap", "North", 5).await;
        let d = product(&s, "duffel", "South", 5).await;
        let e = product(&s, "earmuffs", "South", 5).await;
        for p in [sold_out, draft, d, e] {
            order_of(&s, "paid", now - Duration::hours(2), &[a, p]).await;
        }
        let mut hidden: product::ActiveModel = product::Entity::find_by_id(draft)
            .one(&s.db)
            .await
            .unwrap()
            .unwrap()
            .into();
        hidden.status = Set("draft".into());
        hidden.update(&s.db).await.unwrap();
        let recs = Recommendations::new(s.db.clone(), domain::catalog::Catalog::new(s.db.clone()));
        recs.refresh().await.unwrap();

        let shown = recs.for_slug("anorak").await.unwrap();
        let all: Vec<&str> = slugs(&shown.also_bought)
            .into_iter()
            .chain(slugs(&shown.similar))
            .collect();
        for never in ["anorak", "beanie", "cap"] {
            assert!(!all.contains(&never), "{never} shown: {all:?}");
        }
        assert!(slugs(&shown.also_bought).contains(&"duffel"));
        assert!(recs.trending(4).await.unwrap().iter().all(|c| c.in_stock));

        // Staff exclude the duffel and pin the red tee (never bought with it).
        recs.set_rule(&staff(), "anorak", "duffel", Some(Rule::Exclude))
            .await
            .unwrap();
        recs.set_rule(&staff(), "anorak", "red-tee", Some(Rule::Pin))
            .await
            .unwrap();
        stock(&s, "TEE-RED-M", 3, 0).await;
        let shown = recs.for_slug("anorak").await.unwrap();
        assert_eq!(shown.also_bought[0].slug, "red-tee", "pinned first");
        assert!(!slugs(&shown.also_bought).contains(&"duffel"));
        assert!(!slugs(&shown.similar).contains(&"duffel"));
        assert!(recs
            .set_rule(&staff(), "anorak", "anorak", Some(Rule::Pin))
            .await
            .is_err());
        assert!(recs
            .set_rule(&Actor::anonymous(), "anorak", "duffel", None)
            .await
            .is_err());
        // Clearing the rule brings it back.
        recs.set_rule(&staff(), "anorak", "duffel", None)
            .await
            .unwrap();
        let shown = recs.for_slug("anorak").await.unwrap();
        assert!(slugs(&shown.also_bought).contains(&"duffel"));
        let _ = e;
    }
);

testkit::for_each_backend!(
    thin_data_falls_back_to_the_categorys_best_sellers,
    |db| async move {
        let s = shop(&db).await;
        let now = OffsetDateTime::now_utc();
        let lonely = product(&s, "anorak", "North", 5).await;
        let best = product(&s, "beanie", "North", 5).await;
        let next = product(&s, "cap", "South", 5).await;
        for _ in 0..3 {
            order_of(&s, "paid", now - Duration::days(3), &[best]).await;
        }
        order_of(&s, "paid", now - Duration::days(3), &[next]).await;
        let recs = Recommendations::new(s.db.clone(), domain::catalog::Catalog::new(s.db.clone()));
        recs.refresh().await.unwrap();
        let shown = recs.for_slug("anorak").await.unwrap();
        assert_eq!(slugs(&shown.also_bought), ["beanie", "cap"]);
        let _ = lonely;
    }
);

testkit::for_each_backend!(trending_decays_with_age, |db| async move {
    let s = shop(&db).await;
    let start = OffsetDateTime::now_utc();
    let old = product(&s, "anorak", "North", 5).await;
    let new = product(&s, "beanie", "North", 5).await;
    // Twenty views of the anorak four days ago, eight of the beanie now.
    views(&s, old, 20, start - Duration::days(4)).await;
    views(&s, new, 8, start - Duration::hours(1)).await;
    let recs = Recommendations::new(s.db.clone(), domain::catalog::Catalog::new(s.db.clone()));
    let score = |slug: &'static str| {
        let recs = recs.clone();
        async move { recs.report(&staff(), slug).await.unwrap().signals.trending }
    };
    recs.refresh_at(start).await.unwrap();
    let (old_then, new_then) = (score("anorak").await, score("beanie").await);
    assert!(
        old_then > new_then,
        "20 views beat 8: {old_then} vs {new_then}"
    );
    assert_eq!(
        slugs(&recs.trending(4).await.unwrap())[..2],
        ["anorak", "beanie"]
    );

    // Three days on, nothing new: both fade by the same factor.
    recs.refresh_at(start + Duration::days(3)).await.unwrap();
    let (old_later, new_later) = (score("anorak").await, score("beanie").await);
    assert!(old_later < old_then && new_later < new_then);
    assert!(new_later > 0);
    assert_eq!(
        slugs(&recs.trending(4).await.unwrap())[..2],
        ["anorak", "beanie"]
    );
    // Views a fortnight old count for nothing.
    recs.refresh_at(start + Duration::days(15)).await.unwrap();
    assert_eq!(score("anorak").await, 0);
});
