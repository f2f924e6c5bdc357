//! The audit log on SQLite and PostgreSQL: a staff change and its entry
//! commit together, entries are searchable, and only admins read them.
use domain::accounts::{Actor, Permission, Role};
use domain::catalog::{Catalog, ProductStatus};
use domain::entities::{category, product};
use sea_orm::{ActiveModelTrait, Set};
use testkit::for_each_backend;
use testkit::TestDatabase;

for_each_backend!(staff_changes_are_audited, |tdb: TestDatabase| async move {
    let db = crate::support::migrated(&tdb.url, 5).await;
    let now = time::OffsetDateTime::now_utc();
    let c = category::ActiveModel {
        slug: Set("hats".into()),
        name: Set("Hats".into()),
        description: Set(String::new()),
        position: Set(0),
        created_at: Set(now),
        ..Default::default()
    }
    .insert(&db)
    .await
    .expect("category");
    for slug in ["wool-hat", "sun-hat"] {
        product::ActiveModel {
            slug: Set(slug.into()),
            title: Set(slug.into()),
            description: Set(String::new()),
            brand: Set("Acme".into()),
            status: Set("active".into()),
            category_id: Set(c.id),
            price_min_minor: Set(1000),
            price_max_minor: Set(1000),
            currency: Set("USD".into()),
            featured: Set(false),
            low_stock_threshold: Set(5),
            created_at: Set(now),
            updated_at: Set(now),
            ..Default::default()
        }
        .insert(&db)
        .await
        .expect("product");
    }
    let catalog = Catalog::new(db.clone());
    let editor = Actor::user(7, Role::Staff, vec![Permission::Catalog], false);
    let admin = Actor::user(1, Role::Admin, Vec::new(), false);

    let changed = catalog
        .set_status(
            &editor,
            &["wool-hat".into(), "sun-hat".into()],
            ProductStatus::Archived,
        )
        .await
        .expect("archive");
    assert_eq!(changed, 2);
    // Asking again changes nothing and logs nothing.
    catalog
        .set_status(&editor, &["wool-hat".into()], ProductStatus::Archived)
        .await
        .expect("again");
    catalog
        .set_status(&editor, &["wool-hat".into()], ProductStatus::Active)
        .await
        .expect("publish");

    let all = domain::audit::search(&db, &admin, "", 1)
        .await
        .expect("log");
    assert_eq!(all.total, 3);
    assert_eq!(all.entries[0].entity_ref, "wool-hat", "newest first");
    assert_eq!(
        all.entries[0].before.as_deref(),
        Some(r#"{"status":"archived"}"#)
    );
    assert_eq!(
        all.entries[0].after.as_deref(),
        Some(r#"{"status":"active"}"#)
    );
    assert_eq!(
        all.entries[0].who, "erased account",
        "actor 7 has no account row here"
    );

    let sun = domain::audit::search(&db, &admin, "SUN-hat", 1)
        .await
        .expect("search");
    assert_eq!(sun.total, 1, "case-insensitive reference search");
    let by_action = domain::audit::search(&db, &admin, "product.status", 1)
        .await
        .expect("search");
    assert_eq!(by_action.total, 3);

    // Refused for a customer or staff without admin, and nothing logged then.
    let customer = Actor::user(2, Role::Customer, Vec::new(), false);
    assert!(matches!(
        catalog
            .set_status(&customer, &["sun-hat".into()], ProductStatus::Active)
            .await,
        Err(domain::Error::Forbidden)
    ));
    assert!(matches!(
        domain::audit::search(&db, &editor, "", 1).await,
        Err(domain::Error::Forbidden)
    ));
    assert_eq!(
        domain::audit::search(&db, &admin, "", 1)
            .await
            .expect("log")
            .total,
        3
    );
});
