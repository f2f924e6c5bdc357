//! Photos on a shopper's own review: checked like product images, at most
//! four even when uploads race, moderated with the review, gone with it.
use std::sync::Arc;

use domain::catalog::Catalog;
use domain::entities::{review, review_photo};
use domain::files::LocalFiles;
use domain::reviews::{ReviewStanding, ReviewStatus, Reviews};
use domain::Error;
use model::reviews::PHOTOS_MAX;
use sea_orm::{EntityTrait, PaginatorTrait};

use crate::reviews::{admin, buyer, id_of, review, set_review_settings, SLUG};
use crate::support::{png, shop};

fn stored(tdb: &testkit::TestDatabase, url: &str) -> std::path::PathBuf {
    tdb.dir.path().join(url.trim_start_matches('/'))
}

testkit::for_each_backend!(photos_are_checked_bounded_and_moderated, |db| async move {
    let s = shop(&db).await;
    let files = LocalFiles::new(db.dir.path().join("uploads"), "/uploads");
    let reviews = Reviews::new(s.db.clone(), s.store.current(), Catalog::new(s.db.clone()));
    let ann = buyer(&s, "ann@example.com").await;

    // Nothing to attach to yet.
    assert!(matches!(
        reviews.add_photo(&ann, &files, SLUG, png(40, 30)).await,
        Err(Error::Clash(_))
    ));
    reviews
        .submit(&ann, SLUG, &review(5, "Lovely"))
        .await
        .unwrap();
    let id = id_of(&s, "Lovely").await;
    reviews.approve(&admin(), id).await.unwrap();

    // Not an image: refused in words, nothing stored.
    assert!(matches!(
        reviews
            .add_photo(&ann, &files, SLUG, b"not an image".to_vec())
            .await,
        Err(Error::Validation { .. })
    ));
    assert_eq!(review_photo::Entity::find().count(&s.db).await.unwrap(), 0);

    let first = reviews
        .add_photo(&ann, &files, SLUG, png(1200, 900))
        .await
        .unwrap();
    assert!(
        first.image.url.starts_with("/uploads/reviews/") && first.image.url.ends_with("-thumb.jpg"),
        "{}",
        first.image.url
    );
    assert_eq!((first.image.width, first.image.height), (400, 300));
    assert!(stored(&db, &first.image.url).exists(), "thumbnail written");
    let full = first.image.url.replace("-thumb.", ".");
    assert!(stored(&db, &full).exists(), "full size kept beside it");
    let r = review::Entity::find_by_id(id)
        .one(&s.db)
        .await
        .unwrap()
        .unwrap();
    assert_eq!(
        r.status,
        ReviewStatus::Pending.as_str(),
        "a new photo is moderated, as an edit is"
    );

    // Three more fit; racing uploads for the last place take it once.
    for _ in 1..PHOTOS_MAX - 1 {
        reviews
            .add_photo(&ann, &files, SLUG, png(64, 64))
            .await
            .unwrap();
    }
    let (reviews, files) = (Arc::new(reviews), Arc::new(files));
    let racers: Vec<_> = (0..3)
        .map(|_| {
            let (reviews, files, ann) = (reviews.clone(), files.clone(), ann.clone());
            tokio::spawn(async move {
                reviews
                    .add_photo(&ann, files.as_ref(), SLUG, png(64, 64))
                    .await
            })
        })
        .collect();
    let mut won = 0;
    for r in racers {
        match r.await.unwrap() {
            Ok(_) => won += 1,
            Err(Error::Validation { field, .. }) => assert_eq!(field, "photo"),
            Err(e) => panic!("{e:?}"),
        }
    }
    assert_eq!(won, 1, "one upload takes the last place");
    assert_eq!(
        review_photo::Entity::find().count(&s.db).await.unwrap(),
        PHOTOS_MAX as u64
    );
    let uploaded = std::fs::read_dir(db.dir.path().join("uploads/reviews"))
        .unwrap()
        .count();
    assert_eq!(
        uploaded,
        PHOTOS_MAX * 2,
        "refused uploads leave no files (each photo: full + thumbnail)"
    );

    // The author sees them in the edit form; nobody else may remove one.
    let ReviewStanding::Written { photos, .. } = reviews.standing(&ann, SLUG).await.unwrap() else {
        panic!("ann's review is written");
    };
    assert_eq!(photos.len(), PHOTOS_MAX);
    let bob = buyer(&s, "bob@example.com").await;
    assert!(matches!(
        reviews
            .remove_photo(&bob, files.as_ref(), photos[0].id)
            .await,
        Err(Error::NotFound { .. })
    ));
    reviews
        .remove_photo(&ann, files.as_ref(), photos[0].id)
        .await
        .unwrap();
    assert!(!stored(&db, &photos[0].image.url).exists());

    // Withdrawing the review takes the rest, rows and files.
    reviews.withdraw(&ann, files.as_ref(), SLUG).await.unwrap();
    assert_eq!(review_photo::Entity::find().count(&s.db).await.unwrap(), 0);
    assert_eq!(
        std::fs::read_dir(db.dir.path().join("uploads/reviews"))
            .unwrap()
            .count(),
        0
    );
});

testkit::for_each_backend!(
    an_auto_published_review_keeps_its_place_with_a_photo,
    |db| async move {
        let s = shop(&db).await;
        set_review_settings(&s, true, true).await;
        let files = LocalFiles::new(db.dir.path().join("uploads"), "/uploads");
        let reviews = Reviews::new(s.db.clone(), s.store.current(), Catalog::new(s.db.clone()));
        let ann = buyer(&s, "ann@example.com").await;
        reviews
            .submit(&ann, SLUG, &review(4, "Good"))
            .await
            .unwrap();
        reviews
            .add_photo(&ann, &files, SLUG, png(64, 64))
            .await
            .unwrap();
        let page = reviews
            .page(
                &domain::accounts::Actor::anonymous(),
                SLUG,
                &Default::default(),
            )
            .await
            .unwrap();
        assert_eq!(page.reviews.len(), 1);
        assert_eq!(page.reviews[0].photos.len(), 1, "shown at once");
    }
);
