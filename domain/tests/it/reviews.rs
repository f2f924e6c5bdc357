//! Reviews: who may write them, moderation, the product's count and stars
//! against SQL, the language filter, helpful votes and reports.
use domain::accounts::{Actor, Permission, Role};
use domain::catalog::Catalog;
use domain::changes::{Change, Follower};
use domain::entities::{audit_entry, order, order_item, product, review};
use domain::reviews::{
    ModerationFilter, ReviewInput, ReviewQuery, ReviewSort, ReviewStanding, ReviewStatus, Reviews,
};
use domain::Error;
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, EntityTrait, PaginatorTrait, QueryFilter, Set,
    Statement,
};

use crate::support::{customer, shop, variant_id, Shop, SKU};

pub(crate) const SLUG: &str = "red-tee";

pub(crate) fn as_customer(id: i32) -> Actor {
    Actor::user(id, Role::Customer, Vec::new(), false)
}

pub(crate) fn admin() -> Actor {
    Actor::user(1, Role::Admin, Vec::new(), false)
}

pub(crate) fn review(rating: u8, title: &str) -> ReviewInput {
    ReviewInput {
        rating,
        title: title.into(),
        body: format!("{title}: fits well and washes fine."),
    }
}

/// An order of the red tee for `user_id`, in `status`.
async fn bought(s: &Shop, user_id: i32, status: &str) -> i32 {
    let now = time::OffsetDateTime::now_utc();
    let o = order::ActiveModel {
        number: Set(
            format!("T-{}", &uuid::Uuid::new_v4().simple().to_string()[..10]).to_uppercase(),
        ),
        public_id: Set(uuid::Uuid::new_v4().to_string()),
        user_id: Set(Some(user_id)),
        email: Set(format!("{user_id}@example.com")),
        status: Set(status.into()),
        currency: Set("USD".into()),
        subtotal_minor: Set(2500),
        discount_minor: Set(0),
        shipping_minor: Set(0),
        tax_minor: Set(0),
        total_minor: Set(2500),
        refunded_minor: Set(0),
        prices_include_tax: Set(false),
        shipping_method: Set("standard".into()),
        shipping_address: Set("{}".into()),
        placed_at: Set(now),
        updated_at: Set(now),
        ..Default::default()
    }
    .insert(&s.db)
    .await
    .expect("order");
    order_item::ActiveModel {
        order_id: Set(o.id),
        variant_id: Set(Some(variant_id(s, SKU).await)),
        sku: Set(SKU.into()),
        title: Set("Red Tee".into()),
        variant_title: Set("M".into()),
        unit_price_minor: Set(2500),
        quantity: Set(1),
        line_total_minor: Set(2500),
        ..Default::default()
    }
    .insert(&s.db)
    .await
    .expect("item");
    o.id
}

/// A customer who received the red tee.
pub(crate) async fn buyer(s: &Shop, email: &str) -> Actor {
    let id = customer(s, email).await;
    bought(s, id, "delivered").await;
    as_customer(id)
}

pub(crate) async fn set_review_settings(s: &Shop, require_purchase: bool, auto_publish: bool) {
    let mut form = s.store.current().get().to_input();
    form.reviews_require_purchase = require_purchase;
    form.reviews_auto_publish = auto_publish;
    s.store.update(&admin(), &form).await.expect("settings");
}

/// The product's kept numbers and the same computed in SQL from the reviews.
async fn counts(s: &Shop) -> ((i32, i32), (i64, i64)) {
    let p = product::Entity::find()
        .filter(product::Column::Slug.eq(SLUG))
        .one(&s.db)
        .await
        .unwrap()
        .unwrap();
    let row =
        s.db.query_one_raw(Statement::from_string(
            s.db.get_database_backend(),
            format!(
                "SELECT COUNT(*) AS n, CAST(COALESCE(SUM(rating), 0) AS BIGINT) AS total \
                 FROM reviews WHERE product_id = {} AND status = 'published'",
                p.id
            ),
        ))
        .await
        .unwrap()
        .unwrap();
    let n: i64 = row.try_get("", "n").unwrap();
    let total: i64 = row.try_get("", "total").unwrap();
    ((p.review_count, p.rating_sum), (n, total))
}

async fn product_id(s: &Shop) -> i32 {
    product::Entity::find()
        .filter(product::Column::Slug.eq(SLUG))
        .one(&s.db)
        .await
        .unwrap()
        .unwrap()
        .id
}

pub(crate) async fn id_of(s: &Shop, title: &str) -> i32 {
    review::Entity::find()
        .filter(review::Column::Title.eq(title))
        .one(&s.db)
        .await
        .unwrap()
        .expect("review")
        .id
}

testkit::for_each_backend!(only_buyers_review_when_the_shop_says_so, |db| async move {
    let s = shop(&db).await;
    let reviews = Reviews::new(s.db.clone(), s.store.current(), Catalog::new(s.db.clone()));
    assert_eq!(
        reviews.standing(&Actor::anonymous(), SLUG).await.unwrap(),
        ReviewStanding::SignIn
    );
    let stranger = as_customer(customer(&s, "stranger@example.com").await);
    assert_eq!(
        reviews.standing(&stranger, SLUG).await.unwrap(),
        ReviewStanding::NotBought
    );
    assert!(matches!(
        reviews.submit(&stranger, SLUG, &review(5, "Great")).await,
        Err(Error::Clash(_))
    ));
    // Paid but not yet delivered is not "received".
    let waiting_id = customer(&s, "waiting@example.com").await;
    bought(&s, waiting_id, "shipped").await;
    assert_eq!(
        reviews
            .standing(&as_customer(waiting_id), SLUG)
            .await
            .unwrap(),
        ReviewStanding::NotBought
    );
    assert!(matches!(
        reviews
            .submit(&Actor::anonymous(), SLUG, &review(5, "Anon"))
            .await,
        Err(Error::Unauthenticated)
    ));

    let owner = buyer(&s, "owner@example.com").await;
    assert_eq!(
        reviews.standing(&owner, SLUG).await.unwrap(),
        ReviewStanding::CanWrite { verified: true }
    );
    assert_eq!(
        reviews
            .submit(&owner, SLUG, &review(4, "Solid"))
            .await
            .unwrap(),
        ReviewStatus::Pending
    );
    assert!(
        review::Entity::find_by_id(id_of(&s, "Solid").await)
            .one(&s.db)
            .await
            .unwrap()
            .unwrap()
            .verified
    );

    // The shop opens reviews to everyone: the stranger's is not verified.
    set_review_settings(&s, false, false).await;
    reviews
        .submit(&stranger, SLUG, &review(3, "Looks nice"))
        .await
        .unwrap();
    assert!(
        !review::Entity::find_by_id(id_of(&s, "Looks nice").await)
            .one(&s.db)
            .await
            .unwrap()
            .unwrap()
            .verified
    );
    assert_eq!(counts(&s).await, ((0, 0), (0, 0)), "nothing published yet");
});

testkit::for_each_backend!(
    one_review_per_customer_and_edits_go_back_to_moderation,
    |db| async move {
        let s = shop(&db).await;
        let reviews = Reviews::new(s.db.clone(), s.store.current(), Catalog::new(s.db.clone()));
        let ann = buyer(&s, "ann@example.com").await;
        reviews.submit(&ann, SLUG, &review(2, "Meh")).await.unwrap();
        let id = id_of(&s, "Meh").await;
        reviews.approve(&admin(), id).await.unwrap();
        assert_eq!(counts(&s).await, ((1, 2), (1, 2)));

        reviews
            .submit(&ann, SLUG, &review(5, "Grew on me"))
            .await
            .unwrap();
        let all = review::Entity::find().all(&s.db).await.unwrap();
        assert_eq!(all.len(), 1, "one review per customer and product");
        assert_eq!(all[0].id, id, "the edit replaces the review");
        assert_eq!(all[0].status, "pending", "an edit is moderated again");
        assert_eq!(counts(&s).await, ((0, 0), (0, 0)));
        match reviews.standing(&ann, SLUG).await.unwrap() {
            ReviewStanding::Written { input, status, .. } => {
                assert_eq!(input.rating, 5);
                assert_eq!(status, ReviewStatus::Pending);
            }
            other => panic!("{other:?}"),
        }
        let files = domain::files::LocalFiles::new(db.dir.path().join("uploads"), "/uploads");
        reviews.withdraw(&ann, &files, SLUG).await.unwrap();
        assert_eq!(review::Entity::find().count(&s.db).await.unwrap(), 0);
    }
);

testkit::for_each_backend!(
    moderation_keeps_the_product_numbers_equal_to_sql,
    |db| async move {
        let s = shop(&db).await;
        let reviews = Reviews::new(s.db.clone(), s.store.current(), Catalog::new(s.db.clone()));
        for (email, stars, title) in [
            ("a@example.com", 5, "Five"),
            ("b@example.com", 4, "Four"),
            ("c@example.com", 2, "Two"),
        ] {
            let who = buyer(&s, email).await;
            reviews
                .submit(&who, SLUG, &review(stars, title))
                .await
                .unwrap();
        }
        let queue = reviews
            .queue(&admin(), ModerationFilter::Queue, 1)
            .await
            .unwrap();
        assert_eq!(queue.len(), 3);
        for title in ["Five", "Four", "Two"] {
            reviews
                .approve(&admin(), id_of(&s, title).await)
                .await
                .unwrap();
        }
        let (kept, sql) = counts(&s).await;
        assert_eq!(kept, (3, 11));
        assert_eq!((i64::from(kept.0), i64::from(kept.1)), sql);

        reviews
            .reject(
                &admin(),
                id_of(&s, "Two").await,
                "Talks about another shop.",
            )
            .await
            .unwrap();
        let (kept, sql) = counts(&s).await;
        assert_eq!(kept, (2, 9));
        assert_eq!((i64::from(kept.0), i64::from(kept.1)), sql);

        // The stars are a search facet and sort: the product was queued for
        // the index at each change, and its document carries the average.
        let id = product_id(&s).await;
        let queued = domain::entities::outbox_message::Entity::find()
            .filter(domain::entities::outbox_message::Column::Kind.eq("search"))
            .filter(domain::entities::outbox_message::Column::Payload.contains(format!("[{id}]")))
            .count(&s.db)
            .await
            .unwrap();
        assert!(queued >= 4, "three approvals and a rejection: {queued}");
        let tree = domain::catalog::CategoryTree::load(&s.db).await.unwrap();
        let docs = domain::search::document::load(&s.db, &tree, &[id])
            .await
            .unwrap();
        assert_eq!(docs[0].rating_floor, ["1", "2", "3", "4"], "4.5 stars");
        assert_eq!(
            docs[0].rating_rank,
            domain::search::document::rating_rank(
                domain::reviews::RatingSummary::new(2, 9).as_ref()
            )
        );
        assert!(matches!(
            reviews
                .reject(&admin(), id_of(&s, "Four").await, "  ")
                .await,
            Err(Error::Validation {
                field: "reason",
                ..
            })
        ));

        let page = reviews
            .page(&Actor::anonymous(), SLUG, &ReviewQuery::default())
            .await
            .unwrap();
        assert_eq!(page.summary.count, 2);
        assert_eq!(page.summary.average_label(), "4.5");
        assert_eq!(page.histogram, [0, 0, 0, 1, 1]);
        assert_eq!(page.reviews.len(), 2);

        let audited = audit_entry::Entity::find()
            .filter(audit_entry::Column::Action.is_in(["review.approve", "review.reject"]))
            .count(&s.db)
            .await
            .unwrap();
        assert_eq!(audited, 4, "every moderation action is audited");

        // Customers and staff without the permission don't moderate.
        let ann = as_customer(customer(&s, "nosy@example.com").await);
        let packer = Actor::user(2, Role::Staff, vec![Permission::Orders], false);
        for who in [ann, packer] {
            assert!(matches!(
                reviews.approve(&who, id_of(&s, "Two").await).await,
                Err(Error::Forbidden)
            ));
            assert!(matches!(
                reviews.queue(&who, ModerationFilter::Queue, 1).await,
                Err(Error::Forbidden)
            ));
        }
        let moderator = Actor::user(3, Role::Staff, vec![Permission::Reviews], false);
        reviews
            .reply(&moderator, id_of(&s, "Five").await, "Thank you!")
            .await
            .unwrap();
        let page = reviews
            .page(&Actor::anonymous(), SLUG, &ReviewQuery::default())
            .await
            .unwrap();
        assert!(page
            .reviews
            .iter()
            .any(|r| r.reply.as_deref() == Some("Thank you!")));
    }
);

testkit::for_each_backend!(
    offensive_language_is_refused_and_milder_waits,
    |db| async move {
        let s = shop(&db).await;
        let reviews = Reviews::new(s.db.clone(), s.store.current(), Catalog::new(s.db.clone()));
        set_review_settings(&s, true, true).await;
        let ann = buyer(&s, "ann@example.com").await;
        let rude = ReviewInput {
            rating: 1,
            title: "Awful".into(),
            body: "This is f u c k i n g garbage, you idiots.".into(),
        };
        assert!(matches!(
            reviews.submit(&ann, SLUG, &rude).await,
            Err(Error::Validation { .. })
        ));
        assert_eq!(
            review::Entity::find().count(&s.db).await.unwrap(),
            0,
            "nothing written"
        );

        // Auto-publish: a clean review goes live at once.
        assert_eq!(
            reviews
                .submit(&ann, SLUG, &review(5, "Lovely"))
                .await
                .unwrap(),
            ReviewStatus::Published
        );
        assert_eq!(counts(&s).await.0, (1, 5));

        // Milder language: accepted, but a person looks first.
        let ben = buyer(&s, "ben@example.com").await;
        let blunt = ReviewInput {
            rating: 2,
            title: "Meh".into(),
            body: "Honestly a sh1t fit for me.".into(),
        };
        assert_eq!(
            reviews.submit(&ben, SLUG, &blunt).await.unwrap(),
            ReviewStatus::Pending
        );
        let queued = reviews
            .queue(&admin(), ModerationFilter::Queue, 1)
            .await
            .unwrap();
        assert_eq!(queued.len(), 1);
        assert!(queued[0].flagged);
        assert_eq!(counts(&s).await.0, (1, 5));
    }
);

testkit::for_each_backend!(
    helpful_counts_each_shopper_once_even_at_once,
    |db| async move {
        let s = shop(&db).await;
        let reviews = Reviews::new(s.db.clone(), s.store.current(), Catalog::new(s.db.clone()));
        set_review_settings(&s, true, true).await;
        let ann = buyer(&s, "ann@example.com").await;
        reviews
            .submit(&ann, SLUG, &review(4, "Good"))
            .await
            .unwrap();
        let id = id_of(&s, "Good").await;
        assert!(matches!(
            reviews.vote_helpful(&ann, id).await,
            Err(Error::Clash(_))
        ));
        assert!(matches!(
            reviews.vote_helpful(&Actor::anonymous(), id).await,
            Err(Error::Unauthenticated)
        ));

        let mut voters = Vec::new();
        for i in 0..12 {
            voters.push(as_customer(
                customer(&s, &format!("v{i}@example.com")).await,
            ));
        }
        // All at once (a barrier lines them up), then every voter again:
        // the count is the number of shoppers, not of clicks.
        for round in 0..2 {
            let start = std::sync::Arc::new(tokio::sync::Barrier::new(voters.len()));
            let mut tasks = Vec::new();
            for v in &voters {
                let (r, v, start) = (reviews.clone(), v.clone(), start.clone());
                tasks.push(tokio::spawn(async move {
                    start.wait().await;
                    r.vote_helpful(&v, id).await
                }));
            }
            for t in tasks {
                t.await.unwrap().unwrap();
            }
            let row = review::Entity::find_by_id(id)
                .one(&s.db)
                .await
                .unwrap()
                .unwrap();
            assert_eq!(row.helpful_count, 12, "round {round}");
        }
        let row = review::Entity::find_by_id(id)
            .one(&s.db)
            .await
            .unwrap()
            .unwrap();
        assert_eq!(row.helpful_count, 12);
        let page = reviews
            .page(&voters[0], SLUG, &ReviewQuery::default())
            .await
            .unwrap();
        assert_eq!(page.voted, vec![id]);
        assert_eq!(page.reviews[0].helpful, 12);
    }
);

testkit::for_each_backend!(
    reports_bring_a_review_back_before_a_person,
    |db| async move {
        let s = shop(&db).await;
        let reviews = Reviews::new(s.db.clone(), s.store.current(), Catalog::new(s.db.clone()));
        set_review_settings(&s, true, true).await;
        let ann = buyer(&s, "ann@example.com").await;
        reviews
            .submit(&ann, SLUG, &review(5, "Best tee"))
            .await
            .unwrap();
        let id = id_of(&s, "Best tee").await;
        assert!(reviews
            .queue(&admin(), ModerationFilter::Queue, 1)
            .await
            .unwrap()
            .is_empty());
        for i in 0..3 {
            let who = as_customer(customer(&s, &format!("r{i}@example.com")).await);
            reviews.report(&who, id, "Spam link").await.unwrap();
            // A repeat report by the same shopper counts once.
            reviews.report(&who, id, "Spam link again").await.unwrap();
        }
        let queue = reviews
            .queue(&admin(), ModerationFilter::Queue, 1)
            .await
            .unwrap();
        assert_eq!(queue.len(), 1);
        assert_eq!(queue[0].reports, 3);
        assert_eq!(
            queue[0].status,
            ReviewStatus::Published,
            "published until a person decides"
        );
        reviews.approve(&admin(), id).await.unwrap();
        assert!(reviews
            .queue(&admin(), ModerationFilter::Queue, 1)
            .await
            .unwrap()
            .is_empty());
    }
);

testkit::for_each_backend!(reviews_sort_filter_and_page, |db| async move {
    let s = shop(&db).await;
    let reviews = Reviews::new(s.db.clone(), s.store.current(), Catalog::new(s.db.clone()));
    set_review_settings(&s, true, true).await;
    let mut people = Vec::new();
    for i in 0..12u8 {
        let who = buyer(&s, &format!("p{i}@example.com")).await;
        let stars = i % 5 + 1;
        reviews
            .submit(&who, SLUG, &review(stars, &format!("Review {i}")))
            .await
            .unwrap();
        people.push(who);
    }
    // Review 3 (four stars) is the most helpful.
    let id3 = id_of(&s, "Review 3").await;
    for who in &people[5..8] {
        reviews.vote_helpful(who, id3).await.unwrap();
    }
    let read = |sort, stars, page| {
        let r = reviews.clone();
        async move {
            r.page(
                &Actor::anonymous(),
                SLUG,
                &ReviewQuery { sort, stars, page },
            )
            .await
            .unwrap()
        }
    };
    let helpful = read(ReviewSort::Helpful, None, 1).await;
    assert_eq!(helpful.reviews[0].title, "Review 3");
    assert_eq!(helpful.reviews.len(), 10);
    assert_eq!(helpful.page_count, 2);
    assert_eq!(read(ReviewSort::Newest, None, 2).await.reviews.len(), 2);
    assert_eq!(
        read(ReviewSort::Newest, None, 99).await.query.page,
        2,
        "past the end: the last page"
    );
    let highest = read(ReviewSort::Highest, None, 1).await;
    assert!(highest
        .reviews
        .windows(2)
        .all(|w| w[0].rating >= w[1].rating));
    let lowest = read(ReviewSort::Lowest, None, 1).await;
    assert_eq!(lowest.reviews[0].rating, 1);
    let fives = read(ReviewSort::Newest, Some(5), 1).await;
    assert!(fives.reviews.iter().all(|r| r.rating == 5));
    assert_eq!(fives.reviews.len() as u32, fives.histogram[4]);
    assert_eq!(read(ReviewSort::Newest, Some(9), 1).await.query.stars, None);
});

/// Review-request mails in the outbox, to `to`.
async fn review_requests_to(s: &Shop, to: &str) -> Vec<String> {
    use domain::entities::outbox_message;
    outbox_message::Entity::find()
        .filter(outbox_message::Column::Kind.eq("mail"))
        .all(&s.db)
        .await
        .unwrap()
        .into_iter()
        .map(|m| m.payload)
        .filter(|p| p.contains("How is your") && p.contains(to))
        .collect()
}

testkit::for_each_backend!(
    delivery_asks_for_a_review_unless_turned_off,
    |db| async move {
        let s = shop(&db).await;
        let keen = customer(&s, "keen@example.com").await;
        let quiet = customer(&s, "quiet@example.com").await;
        domain::entities::user::Entity::update_many()
            .col_expr(
                domain::entities::user::Column::ReviewRequests,
                sea_orm::sea_query::Expr::value(false),
            )
            .filter(domain::entities::user::Column::Id.eq(quiet))
            .exec(&s.db)
            .await
            .unwrap();
        for who in [keen, quiet] {
            let id = bought(&s, who, "shipped").await;
            let number = order::Entity::find_by_id(id)
                .one(&s.db)
                .await
                .unwrap()
                .unwrap()
                .number;
            s.orders
                .advance(&admin(), &number, domain::orders::OrderStatus::Delivered)
                .await
                .unwrap();
        }
        let mails = review_requests_to(&s, "keen@example.com").await;
        assert_eq!(mails.len(), 1);
        assert!(
            mails[0].contains("/product/red-tee#reviews"),
            "{}",
            mails[0]
        );
        assert!(
            review_requests_to(&s, "quiet@example.com").await.is_empty(),
            "opted out"
        );
    }
);

testkit::for_each_backend!(
    published_reviews_are_held_until_the_feed_says_they_changed,
    |db| async move {
        let s = shop(&db).await;
        set_review_settings(&s, true, true).await;
        let catalog = Catalog::new(s.db.clone());
        let reviews = Reviews::new(s.db.clone(), s.store.current(), catalog.clone());
        let writer = buyer(&s, "writer@example.com").await;
        reviews
            .submit(&writer, SLUG, &review(5, "Soft"))
            .await
            .unwrap();
        let first = ReviewQuery {
            page: 1,
            ..Default::default()
        };
        let shown = reviews.page(&writer, SLUG, &first).await.unwrap();
        assert_eq!(shown.reviews[0].title, "Soft");

        // A change made behind the service's back (another instance, a
        // hand-run fix) is not seen while held...
        let mut feed = Follower::start(s.db.clone()).await.unwrap();
        let id = id_of(&s, "Soft").await;
        let mut row: review::ActiveModel = review::Entity::find_by_id(id)
            .one(&s.db)
            .await
            .unwrap()
            .unwrap()
            .into();
        row.title = Set("Very soft".into());
        row.update(&s.db).await.unwrap();
        let held = reviews.page(&writer, SLUG, &first).await.unwrap();
        assert_eq!(held.reviews[0].title, "Soft", "held between changes");
        // ...but the feed names the product, and once followed the page reads again.
        let pid = product_id(&s).await;
        let batch = feed.poll().await.unwrap();
        assert!(
            batch.changes.contains(&Change::Product(Some(pid))),
            "{batch:?}"
        );
        catalog.forget_listings();
        let read = reviews.page(&writer, SLUG, &first).await.unwrap();
        assert_eq!(read.reviews[0].title, "Very soft");

        // A helpful vote moves the count shoppers see: a feed row, and this
        // instance shows it at once; the voter's own vote is theirs alone.
        let voter = as_customer(customer(&s, "voter@example.com").await);
        reviews.vote_helpful(&voter, id).await.unwrap();
        let batch = feed.poll().await.unwrap();
        assert!(
            batch.changes.contains(&Change::Product(Some(pid))),
            "{batch:?}"
        );
        let after = reviews.page(&voter, SLUG, &first).await.unwrap();
        assert_eq!(
            (after.reviews[0].helpful, after.voted.clone()),
            (1, vec![id])
        );
        let other = reviews.page(&writer, SLUG, &first).await.unwrap();
        assert_eq!((other.reviews[0].helpful, other.voted), (1, Vec::new()));

        // A review waiting for moderation shows nowhere: no feed row.
        set_review_settings(&s, true, false).await;
        let _ = feed.poll().await.unwrap();
        let waiting = buyer(&s, "waiting@example.com").await;
        reviews
            .submit(&waiting, SLUG, &review(3, "Pending"))
            .await
            .unwrap();
        let batch = feed.poll().await.unwrap();
        assert!(
            !batch.changes.contains(&Change::Product(Some(pid))),
            "{batch:?}"
        );
    }
);
