//! The gift card and store credit ledger on SQLite and PostgreSQL: twenty
//! checkouts spending one balance at once never take it below zero and the
//! ledger sums to it; issuing and granting are staff-only, bounded and
//! audited without the code.
use domain::accounts::{Actor, Permission, Role};
use domain::entities::audit_entry;
use domain::gift_cards::ledger::Holder;
use domain::gift_cards::{GiftCards, MAX_AMOUNT_MINOR};
use domain::{Currency, Error};
use sea_orm::{ColumnTrait, EntityTrait, QueryFilter};
use testkit::for_each_backend;
use testkit::TestDatabase;

fn cashier() -> Actor {
    Actor::user(
        1,
        Role::Staff,
        vec![Permission::Orders, Permission::Customers],
        false,
    )
}

/// Twenty spends of `each` at once; how many went through.
async fn race(cards: &GiftCards, holder: Holder, each: i64) -> usize {
    let tasks: Vec<_> = (0..20)
        .map(|_| {
            let cards = cards.clone();
            tokio::spawn(async move { cards.spend(holder, each, None).await })
        })
        .collect();
    let mut ok = 0;
    for t in tasks {
        match t.await.expect("task") {
            Ok(left) => {
                assert!(left >= 0, "a spend left {left}");
                ok += 1;
            }
            Err(Error::Conflict(_)) => {}
            Err(e) => panic!("unexpected: {e:?}"),
        }
    }
    ok
}

for_each_backend!(
    twenty_concurrent_checkouts_never_go_below_zero,
    |tdb: TestDatabase| async move {
        let db = crate::support::migrated(&tdb.url, 10).await;
        let cards = GiftCards::new(db.clone());
        let card = cards
            .issue(&cashier(), Currency::Usd, 10_000, "")
            .await
            .expect("issue");
        let holder = Holder::Card(card.id);
        // 10,000 covers fourteen spends of 700, not fifteen.
        assert_eq!(race(&cards, holder, 700).await, 14);
        assert_eq!(cards.balance(holder).await.expect("b"), 200);
        assert_eq!(cards.ledger_sum(holder).await.expect("sum"), 200);

        let customer = crate::support::add_user(
            &db,
            "credit@example.com",
            "customer",
            time::OffsetDateTime::now_utc(),
        )
        .await;
        let public_id = domain::entities::user::Entity::find_by_id(customer)
            .one(&db)
            .await
            .expect("q")
            .expect("user")
            .public_id;
        cards
            .grant_store_credit(&cashier(), Currency::Usd, &public_id, 5_000, "Late parcel")
            .await
            .expect("grant");
        let holder = Holder::Customer(customer);
        assert_eq!(race(&cards, holder, 300).await, 16);
        assert_eq!(cards.balance(holder).await.expect("b"), 200);
        assert_eq!(cards.ledger_sum(holder).await.expect("sum"), 200);
        // What is left can still be spent exactly; one unit more cannot.
        assert!(matches!(
            cards.spend(holder, 201, None).await,
            Err(Error::Conflict(_))
        ));
        assert_eq!(cards.spend(holder, 200, None).await.expect("rest"), 0);
    }
);

for_each_backend!(
    issuing_and_granting_are_staff_only_bounded_and_audited,
    |tdb: TestDatabase| async move {
        let db = crate::support::migrated(&tdb.url, 5).await;
        let cards = GiftCards::new(db.clone());
        let customer = Actor::user(9, Role::Customer, vec![], false);
        assert!(matches!(
            cards.issue(&customer, Currency::Usd, 1_000, "").await,
            Err(Error::Forbidden)
        ));
        for bad in [0, -5, MAX_AMOUNT_MINOR + 1] {
            assert!(matches!(
                cards.issue(&cashier(), Currency::Usd, bad, "").await,
                Err(Error::Validation {
                    field: "amount",
                    ..
                })
            ));
        }
        let card = cards
            .issue(&cashier(), Currency::Usd, 2_500, "Raffle prize")
            .await
            .expect("issue");
        assert_eq!(card.balance.minor, 2_500);
        // Found however it is typed; nonsense is no card.
        let typed = card.code.to_lowercase().replace('-', " ");
        let found = cards.find(&typed).await.expect("find").expect("card");
        assert_eq!(found.id, card.id);
        assert_eq!(found.last4, card.last4);
        assert!(cards.find("not a code").await.expect("find").is_none());
        let entries = audit_entry::Entity::find()
            .filter(audit_entry::Column::Action.eq("gift_card.issue"))
            .all(&db)
            .await
            .expect("audit");
        assert_eq!(entries.len(), 1, "refusals leave no entry");
        let logged = format!("{:?}", entries[0]);
        let bare = card.code.replace('-', "");
        assert!(
            !logged.contains(&card.code) && !logged.contains(&bare),
            "the code is never logged"
        );
        // A customer that does not exist gets nothing.
        assert!(matches!(
            cards
                .grant_store_credit(&cashier(), Currency::Usd, "no-such-customer", 100, "")
                .await,
            Err(Error::NotFound { .. })
        ));
    }
);
