//! The store profile on SQLite and PostgreSQL: staff edit it (permission,
//! validation, audit), the shop uses it at once (order numbers, mail), and
//! the currency relabels prices only before the first order, even against
//! checkouts running at the same moment.

use std::sync::Arc;

use crate::support::*;
use domain::accounts::{Actor, Permission, Role};
use domain::entities::{
    audit_entry, order, outbox_message, product, promotion, shipping_method, variant,
};
use domain::store::{Profile, ProfileInput, Store};
use domain::{Currency, Error};
use sea_orm::{ColumnTrait, EntityTrait, PaginatorTrait, QueryFilter, QueryOrder};
use testkit::for_each_backend;
use testkit::TestDatabase;

fn admin() -> Actor {
    Actor::user(1, Role::Admin, Vec::new(), false)
}

fn form(s: &Shop) -> ProfileInput {
    s.store.current().get().to_input()
}

async fn audit_count(s: &Shop) -> u64 {
    audit_entry::Entity::find()
        .filter(audit_entry::Column::Action.eq("settings.store"))
        .count(&s.db)
        .await
        .expect("audit")
}

async fn search_updates(s: &Shop) -> u64 {
    outbox_message::Entity::find()
        .filter(outbox_message::Column::Kind.eq("search"))
        .count(&s.db)
        .await
        .expect("outbox")
}

async fn prices(s: &Shop) -> Vec<(i64, String)> {
    variant::Entity::find()
        .order_by_asc(variant::Column::Id)
        .all(&s.db)
        .await
        .expect("variants")
        .into_iter()
        .map(|v| (v.price_minor, v.currency))
        .collect()
}

async fn shipping(s: &Shop) -> Vec<(i64, Option<i64>, Option<i64>)> {
    shipping_method::Entity::find()
        .order_by_asc(shipping_method::Column::Id)
        .all(&s.db)
        .await
        .expect("methods")
        .into_iter()
        .map(|m| (m.price_minor, m.threshold_minor, m.per_kg_minor))
        .collect()
}

async fn promos(s: &Shop) -> Vec<(String, i64, i64)> {
    promotion::Entity::find()
        .order_by_asc(promotion::Column::Id)
        .all(&s.db)
        .await
        .expect("promos")
        .into_iter()
        .map(|p| (p.kind, p.value, p.min_subtotal_minor))
        .collect()
}

async fn change_currency(s: &Shop, code: &str) -> Result<Profile, Error> {
    let mut f = form(s);
    f.currency = code.into();
    s.store.update(&admin(), &f).await
}

for_each_backend!(
    staff_edit_the_profile_and_the_shop_uses_it,
    |db: TestDatabase| async move {
        let s = shop(&db).await;
        stock(&s, SKU, 5, 0).await;
        // The configuration only seeds the row; a restart keeps what staff saved.
        let other = Profile::initial("Other", Currency::Eur, "Other <o@example.com>").unwrap();
        let again = Store::open(s.db.clone(), other).await.expect("reopen");
        assert_eq!(again.current().get().name, "Test Shop");
        assert_eq!(again.current().get().currency, Currency::Usd);

        let mut wanted = form(&s);
        wanted.name = "Ann's Goods".into();
        wanted.mail_from_name = "Ann".into();
        wanted.mail_from_address = "hello@ann.example".into();
        wanted.order_prefix = "ag".into();

        for who in [
            Actor::user(2, Role::Customer, Vec::new(), false),
            Actor::user(3, Role::Staff, vec![Permission::Catalog], false),
        ] {
            let err = s.store.update(&who, &wanted).await.unwrap_err();
            assert!(matches!(err, Error::Forbidden), "{err:?}");
        }
        let mut bad = wanted.clone();
        bad.order_prefix = "A-G".into();
        let err = s.store.update(&admin(), &bad).await.unwrap_err();
        assert!(
            matches!(
                err,
                Error::Validation {
                    field: "order_prefix",
                    ..
                }
            ),
            "{err:?}"
        );
        assert_eq!(s.store.current().get().name, "Test Shop");
        assert_eq!(audit_count(&s).await, 0, "a refused form logs nothing");

        let staff = Actor::user(4, Role::Staff, vec![Permission::Settings], false);
        let saved = s.store.update(&staff, &wanted).await.expect("save");
        assert_eq!(saved.order_prefix, "AG");
        assert_eq!(s.store.current().get().name, "Ann's Goods");
        // A second instance picks the change up on refresh.
        again.refresh().await.expect("refresh");
        assert_eq!(again.current().get().order_prefix, "AG");

        let entry = audit_entry::Entity::find()
            .filter(audit_entry::Column::Action.eq("settings.store"))
            .one(&s.db)
            .await
            .expect("q")
            .expect("audit entry");
        assert_eq!(entry.actor_id, Some(4));
        let before: serde_json::Value =
            serde_json::from_str(entry.before.as_deref().unwrap()).unwrap();
        let after: serde_json::Value =
            serde_json::from_str(entry.after.as_deref().unwrap()).unwrap();
        assert_eq!(before["name"], "Test Shop");
        assert_eq!(after["name"], "Ann's Goods");
        assert_eq!(after["order_prefix"], "AG");
        assert!(
            after.get("currency").is_none(),
            "only touched fields: {after}"
        );
        s.store.update(&staff, &wanted).await.expect("same again");
        assert_eq!(audit_count(&s).await, 1, "an unchanged form logs nothing");

        // The next order and its mail use the new identity.
        let owner = guest_cart(&s, SKU, 1).await;
        let placed = s
            .checkout
            .place_order(&owner, &input("g@example.com"))
            .await
            .expect("place");
        assert!(placed.number.starts_with("AG-"), "{}", placed.number);
        s.orders
            .apply_payment_event(&offline_decision(&s, &placed.redirect_url, true).await)
            .await
            .expect("pay");
        let mail: serde_json::Value = serde_json::from_str(
            &outbox_message::Entity::find()
                .filter(outbox_message::Column::Kind.eq("mail"))
                .one(&s.db)
                .await
                .expect("q")
                .expect("confirmation queued")
                .payload,
        )
        .unwrap();
        assert_eq!(
            mail["subject"],
            format!("Your Ann's Goods order {} is confirmed", placed.number)
        );
        assert_eq!(mail["from"], "Ann <hello@ann.example>");

        // With an order in the books the currency is fixed.
        let before = prices(&s).await;
        let err = change_currency(&s, "EUR").await.unwrap_err();
        match err {
            Error::Validation { field, message, .. } => {
                assert_eq!(field, "currency");
                assert!(message.contains("once orders exist"), "{message}");
            }
            other => panic!("{other:?}"),
        }
        assert_eq!(prices(&s).await, before);
        assert_eq!(s.commerce.currency(), Currency::Usd);
    }
);

for_each_backend!(
    a_new_currency_keeps_the_numbers_shown,
    |db: TestDatabase| async move {
        let s = shop(&db).await;
        stock(&s, SKU, 5, 0).await;
        let (methods, offers) = (shipping(&s).await, promos(&s).await);
        let queued = search_updates(&s).await;

        change_currency(&s, "EUR").await.expect("to EUR");
        assert_eq!(s.commerce.currency(), Currency::Eur);
        assert!(prices(&s).await.iter().all(|p| *p == (PRICE, "EUR".into())));
        assert_eq!(shipping(&s).await, methods, "same exponent, same amounts");
        let p = product::Entity::find().one(&s.db).await.unwrap().unwrap();
        assert_eq!((p.price_min_minor, p.currency.as_str()), (PRICE, "EUR"));
        assert!(search_updates(&s).await > queued, "prices re-indexed");

        // EUR 25.00 → JPY 25; 4.95 → 5 (half up).
        change_currency(&s, "JPY").await.expect("to JPY");
        assert!(prices(&s)
            .await
            .iter()
            .all(|p| *p == (PRICE / 100, "JPY".into())));
        let down = |m: i64| (m + 50) / 100;
        let expected: Vec<_> = methods
            .iter()
            .map(|(p, t, k)| (down(*p), t.map(down), k.map(down)))
            .collect();
        assert_eq!(shipping(&s).await, expected);
        let expected: Vec<_> = offers
            .iter()
            .map(|(kind, value, min)| {
                let v = if kind == "fixed" {
                    down(*value)
                } else {
                    *value
                };
                (kind.clone(), v, down(*min))
            })
            .collect();
        assert_eq!(promos(&s).await, expected, "percentages are not money");

        change_currency(&s, "USD").await.expect("back to USD");
        assert!(prices(&s).await.iter().all(|p| *p == (PRICE, "USD".into())));

        // A basket started before the change is priced in the new currency.
        let owner = guest_cart(&s, SKU, 1).await;
        change_currency(&s, "GBP").await.expect("to GBP");
        let cart = s.commerce.carts().view(&owner).await.expect("cart");
        assert_eq!(cart.subtotal, domain::Money::new(PRICE, Currency::Gbp));
    }
);

for_each_backend!(
    an_order_and_a_currency_change_never_both_land,
    |db: TestDatabase| async move {
        let s = Arc::new(shop(&db).await);
        stock(&s, SKU, 50, 0).await;
        let mut owners = Vec::new();
        for _ in 0..8 {
            owners.push(guest_cart(&s, SKU, 1).await);
        }
        let mut tasks = Vec::new();
        for (i, owner) in owners.into_iter().enumerate() {
            let buyer = s.clone();
            tasks.push(tokio::spawn(async move {
                let email = format!("buyer{i}@example.com");
                buyer
                    .checkout
                    .place_order(&owner, &input(&email))
                    .await
                    .map(|_| ())
            }));
            if i == 3 {
                let admin = s.clone();
                tasks.push(tokio::spawn(async move {
                    change_currency(&admin, "EUR").await.map(|_| ())
                }));
            }
        }
        let mut results = Vec::new();
        for t in tasks {
            results.push(t.await.expect("task"));
        }
        for r in &results {
            match r {
                Ok(()) | Err(Error::Conflict(_)) | Err(Error::Validation { .. }) => {}
                Err(e) => panic!("unexpected: {e:?}"),
            }
        }
        let store_currency = s.store.current().get().currency;
        let orders = order::Entity::find().all(&s.db).await.expect("orders");
        assert!(
            orders.iter().all(|o| o.currency == store_currency.code()),
            "every order is in the store currency {store_currency:?}: {:?}",
            orders.iter().map(|o| &o.currency).collect::<Vec<_>>()
        );
        let placed = results[..4]
            .iter()
            .chain(&results[5..])
            .filter(|r| r.is_ok())
            .count();
        assert_eq!(placed, orders.len());
        eprintln!(
            "race outcome: {placed} orders, store currency {}",
            store_currency.code()
        );
    }
);
