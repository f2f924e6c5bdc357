//! Cart → order → payment against real databases (SQLite and PostgreSQL):
//! the oversell race, promo limits (total and per customer) under
//! concurrency, price tampering, payment events (duplicates, failures,
//! out-of-order), cancellation with compensation and expired holds.
use std::sync::Arc;

use domain::cart::CartOwner;
use domain::entities::{order, promotion};
use domain::orders::{EventOutcome, OrderStatus};
use domain::payments::{EventKind, PaymentEvent};
use sea_orm::sea_query::Expr;
use sea_orm::{ColumnTrait, EntityTrait, PaginatorTrait, QueryFilter};
use testkit::for_each_backend;
use testkit::TestDatabase;

use crate::support::*;
use domain::checkout::{CheckoutInput, QuoteChoices};

for_each_backend!(the_last_unit_is_sold_once, |db: TestDatabase| async move {
    let s = Arc::new(shop(&db).await);
    for round in 0..20 {
        stock(&s, SKU, 1, 0).await;
        let mut carts = Vec::new();
        for _ in 0..50 {
            carts.push(guest_cart(&s, SKU, 1).await);
        }
        let mut tasks = Vec::new();
        for (i, owner) in carts.into_iter().enumerate() {
            let s = s.clone();
            tasks.push(tokio::spawn(async move {
                let placed = s
                    .checkout
                    .place_order(&owner, &input(&format!("buyer{i}@example.com")))
                    .await;
                match placed {
                    Ok(p) => {
                        let event = offline_decision(&s, &p.redirect_url, true).await;
                        s.orders.apply_payment_event(&event).await.expect("pay");
                        Ok(p.number)
                    }
                    Err(e) => Err(e),
                }
            }));
        }
        let mut sold = Vec::new();
        for t in tasks {
            match t.await.expect("task") {
                Ok(number) => sold.push(number),
                Err(e) if e.status() == 409 => {
                    let msg = e.user_message();
                    assert!(msg.contains("sold out"), "{msg}");
                }
                Err(other) => panic!("round {round}: unexpected error {other:?}"),
            }
        }
        assert_eq!(sold.len(), 1, "round {round}: exactly one checkout wins");
        assert_eq!(status(&s, &sold[0]).await, OrderStatus::Paid);
        assert_eq!(
            shelf(&s, SKU).await,
            (0, 0),
            "round {round}: none left, nothing held"
        );
        let paid = order::Entity::find()
            .filter(order::Column::Status.eq("paid"))
            .count(&s.db)
            .await
            .expect("count");
        assert_eq!(paid, round + 1);
    }
});

for_each_backend!(
    concurrent_adds_make_one_cart_and_keep_the_line_limit,
    |db: TestDatabase| async move {
        let s = Arc::new(shop(&db).await);
        stock(&s, SKU, 100, 0).await;
        let owner = CartOwner::User(customer(&s, "racer@example.com").await);
        let mut tasks = Vec::new();
        for _ in 0..16 {
            let (s, owner) = (s.clone(), owner.clone());
            tasks.push(tokio::spawn(async move {
                s.commerce.carts().add(&owner, SKU, 1).await
            }));
        }
        let mut added = 0i64;
        for t in tasks {
            match t.await.expect("task") {
                Ok(_) => added += 1,
                Err(domain::Error::Validation { .. }) => {}
                Err(other) => panic!("unexpected error {other:?}"),
            }
        }
        assert_eq!(
            added,
            domain::cart::MAX_PER_LINE,
            "exactly up to the line limit"
        );
        let carts = domain::entities::cart::Entity::find()
            .filter(domain::entities::cart::Column::Status.eq("active"))
            .count(&s.db)
            .await
            .expect("count");
        assert_eq!(carts, 1, "the first adds raced to create the cart");
        let view = s.commerce.carts().view(&owner).await.expect("view");
        assert_eq!(view.item_count, domain::cart::MAX_PER_LINE);
    }
);

for_each_backend!(
    placing_an_order_twice_makes_one_order,
    |db: TestDatabase| async move {
        let s = Arc::new(shop(&db).await);
        stock(&s, SKU, 10, 0).await;
        let owner = guest_cart(&s, SKU, 2).await;
        let keyed = |key: &str| CheckoutInput {
            checkout_key: key.into(),
            ..input("twice@example.com")
        };

        // A double click: eight submits of one form at once.
        let mut tasks = Vec::new();
        for _ in 0..8 {
            let (s, owner, form) = (s.clone(), owner.clone(), keyed("form-one-key-0001"));
            tasks.push(tokio::spawn(async move {
                s.checkout.place_order(&owner, &form).await
            }));
        }
        let mut numbers = Vec::new();
        for t in tasks {
            numbers.push(t.await.expect("task").expect("placed").number);
        }
        numbers.dedup();
        assert_eq!(numbers.len(), 1, "one order: {numbers:?}");
        assert_eq!(shelf(&s, SKU).await, (10, 2), "held once");

        // A second tab (its own key), same basket: the same order.
        let second = s
            .checkout
            .place_order(&owner, &keyed("form-two-key-0002"))
            .await
            .expect("second tab");
        assert_eq!(second.number, numbers[0]);
        // Eight tabs at once, each its own key: still that order.
        let mut tasks = Vec::new();
        for i in 0..8 {
            let (s, owner, form) = (s.clone(), owner.clone(), keyed(&format!("tab-key-{i:04}")));
            tasks.push(tokio::spawn(async move {
                s.checkout.place_order(&owner, &form).await
            }));
        }
        for t in tasks {
            assert_eq!(t.await.expect("task").expect("placed").number, numbers[0]);
        }
        assert_eq!(shelf(&s, SKU).await, (10, 2));

        // The basket changed: the old order goes, its units come back.
        s.commerce.carts().add(&owner, SKU, 1).await.expect("add");
        let changed = s
            .checkout
            .place_order(&owner, &keyed("form-three-key-03"))
            .await
            .expect("new basket");
        assert_ne!(changed.number, numbers[0]);
        assert_eq!(status(&s, &numbers[0]).await, OrderStatus::Cancelled);
        assert_eq!(
            shelf(&s, SKU).await,
            (10, 3),
            "only the new order holds stock"
        );
        // The first form, submitted again, now refers to a cancelled order.
        let stale = s
            .checkout
            .place_order(&owner, &keyed("form-one-key-0001"))
            .await
            .expect_err("spent key");
        assert!(matches!(stale, domain::Error::Conflict(_)), "{stale:?}");

        // A malformed key is refused before anything is written.
        let bad = s
            .checkout
            .place_order(&owner, &keyed("x'; DROP TABLE orders"))
            .await
            .expect_err("bad key");
        assert!(matches!(
            bad,
            domain::Error::Validation {
                field: "checkout_key",
                ..
            }
        ));
    }
);

for_each_backend!(
    absurd_quantities_are_refused_not_overflowed,
    |db: TestDatabase| async move {
        let s = shop(&db).await;
        stock(&s, SKU, 5, 0).await;
        let owner = guest_cart(&s, SKU, 1).await;
        for q in [i64::MAX, i64::MIN, 0, -1, 11] {
            let refused = s.commerce.carts().add(&owner, SKU, q).await;
            assert!(
                matches!(
                    refused,
                    Err(domain::Error::Validation {
                        field: "quantity",
                        ..
                    })
                ),
                "{q}: {refused:?}"
            );
            let set = s.commerce.carts().set_quantity(&owner, SKU, q).await;
            assert!(q <= 0 || set.is_err(), "{q}: {set:?}");
            if q <= 0 {
                // 0 or less removes the line; put it back.
                s.commerce
                    .carts()
                    .add(&owner, SKU, 1)
                    .await
                    .expect("re-add");
            }
        }
    }
);

for_each_backend!(
    one_email_cannot_hold_stock_with_unpaid_orders,
    |db: TestDatabase| async move {
        let s = shop(&db).await;
        stock(&s, SKU, 20, 0).await;
        let max = domain::checkout::MAX_OPEN_PER_EMAIL;
        for _ in 0..max {
            s.checkout
                .place_order(&guest_cart(&s, SKU, 1).await, &input("hoard@example.com"))
                .await
                .expect("within the limit");
        }
        let refused = s
            .checkout
            .place_order(&guest_cart(&s, SKU, 1).await, &input("HOARD@example.com"))
            .await
            .expect_err("over the limit");
        assert!(
            matches!(&refused, domain::Error::Conflict(m) if m.contains("waiting for payment")),
            "{refused:?}"
        );
        assert_eq!(shelf(&s, SKU).await, (20, max as i32), "nothing more held");
        // Another shopper is not affected.
        s.checkout
            .place_order(&guest_cart(&s, SKU, 1).await, &input("other@example.com"))
            .await
            .expect("someone else");
    }
);

for_each_backend!(
    stock_is_split_across_warehouses_and_released,
    |db: TestDatabase| async move {
        let s = shop(&db).await;
        stock(&s, SKU, 2, 2).await;
        let owner = guest_cart(&s, SKU, 3).await;
        let placed = s
            .checkout
            .place_order(&owner, &input("a@example.com"))
            .await
            .expect("place");
        assert_eq!(
            shelf(&s, SKU).await,
            (4, 3),
            "three held across two warehouses"
        );
        let declined = offline_decision(&s, &placed.redirect_url, false).await;
        assert_eq!(
            s.orders
                .apply_payment_event(&declined)
                .await
                .expect("event"),
            EventOutcome::Applied
        );
        assert_eq!(status(&s, &placed.number).await, OrderStatus::Cancelled);
        assert_eq!(
            shelf(&s, SKU).await,
            (4, 0),
            "a failed payment releases the hold"
        );
        // The cart is still there to try again.
        assert_eq!(
            s.commerce
                .carts()
                .view(&owner)
                .await
                .expect("cart")
                .item_count,
            3
        );
    }
);

for_each_backend!(
    payment_events_apply_once_and_converge,
    |db: TestDatabase| async move {
        let s = shop(&db).await;
        stock(&s, SKU, 5, 0).await;

        // Duplicate delivery: applied once.
        let placed = s
            .checkout
            .place_order(&guest_cart(&s, SKU, 1).await, &input("b@example.com"))
            .await
            .expect("place");
        let paid = offline_decision(&s, &placed.redirect_url, true).await;
        assert_eq!(
            s.orders.apply_payment_event(&paid).await.expect("1st"),
            EventOutcome::Applied
        );
        assert_eq!(
            s.orders.apply_payment_event(&paid).await.expect("2nd"),
            EventOutcome::Duplicate
        );
        assert_eq!(shelf(&s, SKU).await, (4, 0));
        // A late "expired" for a paid order changes nothing.
        let late = PaymentEvent {
            id: "evt_late".into(),
            kind: EventKind::SessionExpired {
                reference: reference(&placed.redirect_url),
            },
        };
        assert_eq!(
            s.orders.apply_payment_event(&late).await.expect("late"),
            EventOutcome::Ignored
        );
        assert_eq!(status(&s, &placed.number).await, OrderStatus::Paid);

        // Out of order: the async success arrives before "completed, unpaid".
        let placed = s
            .checkout
            .place_order(&guest_cart(&s, SKU, 1).await, &input("c@example.com"))
            .await
            .expect("place");
        let r = reference(&placed.redirect_url);
        let due = s.orders.payment_attempt(&r).await.expect("attempt").total;
        let success = PaymentEvent {
            id: "evt_async_ok".into(),
            kind: EventKind::AsyncSucceeded {
                reference: r.clone(),
                payment_id: Some("pi_1".into()),
                amount: Some(due),
            },
        };
        let completed = PaymentEvent {
            id: "evt_done".into(),
            kind: EventKind::SessionCompleted {
                reference: r.clone(),
                paid: false,
                payment_id: Some("pi_1".into()),
                amount: Some(due),
            },
        };
        s.orders
            .apply_payment_event(&success)
            .await
            .expect("success");
        s.orders
            .apply_payment_event(&completed)
            .await
            .expect("completed");
        assert_eq!(status(&s, &placed.number).await, OrderStatus::Paid);

        // Refund events carry cumulative amounts; replays and stale ones don't double count.
        let o = order::Entity::find()
            .filter(order::Column::Number.eq(placed.number.as_str()))
            .one(&s.db)
            .await
            .expect("q")
            .expect("o");
        let part = PaymentEvent {
            id: "evt_r1".into(),
            kind: EventKind::Refunded {
                payment_id: "pi_1".into(),
                amount_refunded: 500,
            },
        };
        let stale = PaymentEvent {
            id: "evt_r0".into(),
            kind: EventKind::Refunded {
                payment_id: "pi_1".into(),
                amount_refunded: 300,
            },
        };
        let full = PaymentEvent {
            id: "evt_r2".into(),
            kind: EventKind::Refunded {
                payment_id: "pi_1".into(),
                amount_refunded: o.total_minor,
            },
        };
        s.orders.apply_payment_event(&part).await.expect("part");
        assert_eq!(
            status(&s, &placed.number).await,
            OrderStatus::PartiallyRefunded
        );
        assert_eq!(
            s.orders.apply_payment_event(&stale).await.expect("stale"),
            EventOutcome::Ignored
        );
        s.orders.apply_payment_event(&full).await.expect("full");
        assert_eq!(status(&s, &placed.number).await, OrderStatus::Refunded);
    }
);

for_each_backend!(
    a_payment_of_the_wrong_amount_or_currency_is_not_paid,
    |db: TestDatabase| async move {
        use domain::entities::{order_event, payment};
        use domain::{Currency, Money};
        let s = shop(&db).await;
        stock(&s, SKU, 5, 0).await;
        let placed = s
            .checkout
            .place_order(&guest_cart(&s, SKU, 1).await, &input("m@example.com"))
            .await
            .expect("place");
        let r = reference(&placed.redirect_url);
        let due = s.orders.payment_attempt(&r).await.expect("attempt").total;
        let event = |id: &str, amount: Option<Money>| PaymentEvent {
            id: id.into(),
            kind: EventKind::SessionCompleted {
                reference: r.clone(),
                paid: true,
                payment_id: Some("pi_m".into()),
                amount,
            },
        };
        let wrong = [
            event("evt_less", Some(Money::new(due.minor - 1, due.currency))),
            event("evt_eur", Some(Money::new(due.minor, Currency::Eur))),
            event("evt_none", None),
        ];
        for e in &wrong {
            s.orders.apply_payment_event(e).await.expect("recorded");
            assert_eq!(
                status(&s, &placed.number).await,
                OrderStatus::PendingPayment,
                "{e:?} must not pay the order"
            );
        }
        assert_eq!(
            shelf(&s, SKU).await,
            (5, 1),
            "the unit stays held, not sold"
        );
        let attempt = payment::Entity::find()
            .filter(payment::Column::Reference.eq(r.as_str()))
            .one(&s.db)
            .await
            .expect("q")
            .expect("payment");
        assert_eq!(attempt.status, "failed");
        let notes: Vec<String> = order_event::Entity::find()
            .filter(order_event::Column::OrderId.eq(placed.id))
            .all(&s.db)
            .await
            .expect("events")
            .into_iter()
            .map(|e| e.note)
            .collect();
        assert_eq!(
            notes.iter().filter(|n| n.contains("not accepted")).count(),
            3,
            "staff see each refused payment: {notes:?}"
        );
        // The right amount still pays it.
        s.orders
            .apply_payment_event(&event("evt_right", Some(due)))
            .await
            .expect("paid");
        assert_eq!(status(&s, &placed.number).await, OrderStatus::Paid);
    }
);

for_each_backend!(
    tampered_totals_and_used_up_codes_are_refused,
    |db: TestDatabase| async move {
        let s = Arc::new(shop(&db).await);
        stock(&s, SKU, 50, 0).await;
        let owner = guest_cart(&s, SKU, 2).await;
        let mut wrong = input("d@example.com");
        wrong.expected_total = Some(1);
        let err = s
            .checkout
            .place_order(&owner, &wrong)
            .await
            .expect_err("tampered total");
        assert!(
            err.status() == 409 && err.user_message().contains("total changed"),
            "{err:?}"
        );
        let quote = s
            .checkout
            .quote(
                &owner,
                &QuoteChoices::new("US", "IL", "express", "", "d@example.com"),
            )
            .await
            .expect("quote");
        // 2 × 25.00 + 14.95 express; no tax for IL.
        assert_eq!(quote.total.minor, 2 * PRICE + 1495);
        let mut right = input("d@example.com");
        right.expected_total = Some(quote.total.minor);
        let placed = s.checkout.place_order(&owner, &right).await.expect("place");
        let o = order::Entity::find()
            .filter(order::Column::Number.eq(placed.number.as_str()))
            .one(&s.db)
            .await
            .expect("q")
            .expect("o");
        assert_eq!(o.total_minor, 2 * PRICE + 1495);

        // A code with one use left, ten shoppers at once: one gets it.
        promotion::Entity::update_many()
            .col_expr(promotion::Column::UsageLimit, Expr::value(1))
            .filter(promotion::Column::Code.eq("WELCOME10"))
            .exec(&s.db)
            .await
            .expect("limit");
        let mut tasks = Vec::new();
        for i in 0..10 {
            let s = s.clone();
            let owner = guest_cart(&s, SKU, 1).await;
            tasks.push(tokio::spawn(async move {
                let mut inp = input(&format!("promo{i}@example.com"));
                inp.promo_code = "welcome10".into();
                s.checkout.place_order(&owner, &inp).await
            }));
        }
        let mut won = 0;
        for t in tasks {
            match t.await.expect("task") {
                Ok(_) => won += 1,
                Err(e) if matches!(e.status(), 409 | 422) => {}
                Err(e) => panic!("unexpected {e:?}"),
            }
        }
        assert_eq!(won, 1);
        let used = promotion::Entity::find()
            .filter(promotion::Column::Code.eq("WELCOME10"))
            .one(&s.db)
            .await
            .expect("q")
            .expect("p");
        assert_eq!(used.times_used, 1);

        // One use per customer, one customer in eight tabs at once: one order
        // gets the discount (the code's row lock orders the redemptions).
        let mut tasks = Vec::new();
        for _ in 0..8 {
            let s = s.clone();
            let owner = guest_cart(&s, SKU, 1).await;
            tasks.push(tokio::spawn(async move {
                let mut inp = input("twice@example.com");
                inp.promo_code = "ONCE20".into();
                s.checkout.place_order(&owner, &inp).await
            }));
        }
        let mut won = 0;
        for t in tasks {
            match t.await.expect("task") {
                Ok(_) => won += 1,
                Err(e) if matches!(e.status(), 409 | 422) => {}
                Err(e) => panic!("unexpected {e:?}"),
            }
        }
        assert_eq!(won, 1, "one discounted order per customer");
        let once = promotion::Entity::find()
            .filter(promotion::Column::Code.eq("ONCE20"))
            .one(&s.db)
            .await
            .expect("q")
            .expect("p");
        let redeemed = domain::entities::promotion_redemption::Entity::find()
            .filter(domain::entities::promotion_redemption::Column::PromotionId.eq(once.id))
            .count(&s.db)
            .await
            .expect("redemptions");
        assert_eq!((once.times_used, redeemed), (1, 1));
    }
);

for_each_backend!(
    cancelling_a_paid_order_restocks_and_refunds,
    |db: TestDatabase| async move {
        let s = shop(&db).await;
        stock(&s, SKU, 3, 0).await;
        // A signed-in customer's order (user id needed for the cancel permission).
        let user_id = customer(&s, "e@example.com").await;
        let owner = CartOwner::User(user_id);
        s.commerce.carts().add(&owner, SKU, 2).await.expect("add");
        let placed = s
            .checkout
            .place_order(&owner, &input("e@example.com"))
            .await
            .expect("place");
        s.orders
            .apply_payment_event(&offline_decision(&s, &placed.redirect_url, true).await)
            .await
            .expect("pay");
        assert_eq!(shelf(&s, SKU).await, (1, 0));
        let actor =
            domain::accounts::Actor::user(user_id, domain::accounts::Role::Customer, vec![], false);
        let view = s
            .orders
            .cancel(&actor, &placed.number)
            .await
            .expect("cancel");
        assert_eq!(view.status, OrderStatus::Cancelled);
        assert_eq!(view.refunded, view.total, "refunded in full");
        assert_eq!(shelf(&s, SKU).await, (3, 0), "back on the shelf");
        // Cancelled is final.
        assert!(s.orders.cancel(&actor, &placed.number).await.is_err());
        // Another customer cannot see it.
        let other = domain::accounts::Actor::user(
            user_id + 1,
            domain::accounts::Role::Customer,
            vec![],
            false,
        );
        assert!(matches!(
            s.orders.detail(&other, &placed.number).await,
            Err(domain::Error::NotFound { .. })
        ));
    }
);

for_each_backend!(expired_holds_are_released, |db: TestDatabase| async move {
    let s = shop(&db).await;
    stock(&s, SKU, 1, 0).await;
    let mut once = input("f@example.com");
    once.promo_code = "ONCE20".into();
    let placed = s
        .checkout
        .place_order(&guest_cart(&s, SKU, 1).await, &once)
        .await
        .expect("place");
    assert_eq!(times_used(&s, "ONCE20").await, 1);
    assert_eq!(s.orders.expire_reservations().await.expect("none due"), 0);
    domain::entities::stock_reservation::Entity::update_many()
        .col_expr(
            domain::entities::stock_reservation::Column::ExpiresAt,
            Expr::value(time::OffsetDateTime::now_utc() - time::Duration::minutes(1)),
        )
        .exec(&s.db)
        .await
        .expect("age");
    assert_eq!(s.orders.expire_reservations().await.expect("expire"), 1);
    assert_eq!(status(&s, &placed.number).await, OrderStatus::Cancelled);
    assert_eq!(shelf(&s, SKU).await, (1, 0));
    // The unpaid checkout gave its one-per-customer use back.
    assert_eq!(times_used(&s, "ONCE20").await, 0);
    assert_eq!(s.orders.expire_reservations().await.expect("again"), 0);
    assert_eq!(times_used(&s, "ONCE20").await, 0);
    // Paying afterwards does not resurrect it; the timeline says a refund is due.
    let late = offline_decision(&s, &placed.redirect_url, true).await;
    s.orders
        .apply_payment_event(&late)
        .await
        .expect("late payment");
    assert_eq!(status(&s, &placed.number).await, OrderStatus::Cancelled);
});

for_each_backend!(
    abandoned_carts_are_counted_for_staff,
    |db: TestDatabase| async move {
        let s = shop(&db).await;
        stock(&s, SKU, 5, 0).await;
        guest_cart(&s, SKU, 1).await;
        let admin = domain::accounts::Actor::user(1, domain::accounts::Role::Admin, vec![], false);
        let customer =
            domain::accounts::Actor::user(2, domain::accounts::Role::Customer, vec![], false);
        assert_eq!(
            s.commerce
                .carts()
                .abandoned(&admin, 1)
                .await
                .expect("count"),
            0,
            "fresh carts are not abandoned"
        );
        domain::entities::cart::Entity::update_many()
            .col_expr(
                domain::entities::cart::Column::UpdatedAt,
                Expr::value(time::OffsetDateTime::now_utc() - time::Duration::hours(2)),
            )
            .exec(&s.db)
            .await
            .expect("age");
        assert_eq!(
            s.commerce
                .carts()
                .abandoned(&admin, 1)
                .await
                .expect("count"),
            1
        );
        assert!(matches!(
            s.commerce.carts().abandoned(&customer, 1).await,
            Err(domain::Error::Forbidden)
        ));
    }
);

for_each_backend!(
    concurrent_refunds_never_pass_what_was_paid,
    |db: TestDatabase| async move {
        let s = Arc::new(shop(&db).await);
        stock(&s, SKU, 10, 0).await;
        let staff = domain::accounts::Actor::user(
            1,
            domain::accounts::Role::Staff,
            vec![domain::accounts::Permission::Orders],
            false,
        );
        let number = paid_order(&s, 2).await;
        let total = order::Entity::find()
            .filter(order::Column::Number.eq(number.as_str()))
            .one(&s.db)
            .await
            .expect("q")
            .expect("order")
            .total_minor;
        // Eight staff press "refund a quarter" at once, twice over: four win.
        let quarter = total / 4;
        let mut tasks = Vec::new();
        for _ in 0..8 {
            let (s, staff, number) = (s.clone(), staff.clone(), number.clone());
            tasks.push(tokio::spawn(async move {
                s.orders.refund(&staff, &number, quarter).await
            }));
        }
        let mut won = 0;
        for t in tasks {
            match t.await.expect("task") {
                Ok(_) => won += 1,
                Err(domain::Error::Validation {
                    field: "amount", ..
                }) => {}
                Err(other) => panic!("unexpected {other:?}"),
            }
        }
        assert_eq!(won, 4, "four quarters fit, no more");
        let o = order::Entity::find()
            .filter(order::Column::Number.eq(number.as_str()))
            .one(&s.db)
            .await
            .expect("q")
            .expect("order");
        assert_eq!(o.refunded_minor, 4 * quarter);
        assert!(o.refunded_minor <= o.total_minor);
        let rows = domain::entities::refund::Entity::find()
            .all(&s.db)
            .await
            .expect("refunds");
        assert_eq!(rows.len(), 4, "one refund row per winner");
        assert_eq!(
            rows.iter().map(|r| r.amount_minor).sum::<i64>(),
            4 * quarter
        );
        // The provider gets each once, after the commit.
        deliver_outbox(&s).await;
        let sent = domain::entities::refund::Entity::find()
            .all(&s.db)
            .await
            .expect("refunds");
        assert!(sent.iter().all(|r| r.provider_reference.is_some()));
        let again = s.orders.refund(&staff, &number, total).await;
        assert!(again.is_err(), "nothing is left to refund past the total");
    }
);

/// A paid order from a guest cart; returns its number.
async fn paid_order(s: &Shop, qty: i64) -> String {
    place_and_pay(s, &guest_cart(s, SKU, qty).await, "g@example.com").await
}

async fn times_used(s: &Shop, code: &str) -> i32 {
    promotion::Entity::find()
        .filter(promotion::Column::Code.eq(code))
        .one(&s.db)
        .await
        .expect("q")
        .expect("promotion")
        .times_used
}

async fn mails(s: &Shop) -> u64 {
    domain::entities::outbox_message::Entity::find()
        .filter(domain::entities::outbox_message::Column::Kind.eq("mail"))
        .count(&s.db)
        .await
        .expect("outbox")
}

async fn audit_actions(s: &Shop, number: &str) -> Vec<String> {
    use sea_orm::QueryOrder;
    domain::entities::audit_entry::Entity::find()
        .filter(domain::entities::audit_entry::Column::EntityRef.eq(number))
        .order_by_asc(domain::entities::audit_entry::Column::Id)
        .all(&s.db)
        .await
        .expect("audit")
        .into_iter()
        .map(|a| a.action)
        .collect()
}

for_each_backend!(
    staff_order_actions_follow_the_state_machine,
    |db: TestDatabase| async move {
        let s = shop(&db).await;
        stock(&s, SKU, 5, 0).await;
        let staff = domain::accounts::Actor::user(
            900,
            domain::accounts::Role::Staff,
            vec![domain::accounts::Permission::Orders],
            false,
        );
        let no_perm = domain::accounts::Actor::user(
            901,
            domain::accounts::Role::Staff,
            vec![domain::accounts::Permission::Catalog],
            false,
        );

        // Paid → processing → shipped (mail queued) → delivered; illegal
        // jumps and callers without the permission are refused.
        let a = paid_order(&s, 2).await;
        assert_eq!(shelf(&s, SKU).await, (3, 0), "a paid order takes the units");
        assert!(matches!(
            s.orders
                .advance(&no_perm, &a, OrderStatus::Processing)
                .await,
            Err(domain::Error::Forbidden)
        ));
        assert!(s
            .orders
            .advance(&staff, &a, OrderStatus::Delivered)
            .await
            .is_err());
        let v = s
            .orders
            .advance(&staff, &a, OrderStatus::Processing)
            .await
            .expect("processing");
        assert_eq!(v.status, OrderStatus::Processing);
        let before = mails(&s).await;
        let v = s
            .orders
            .ship(
                &staff,
                &a,
                &model::commerce::NewShipment {
                    carrier: "ups".into(),
                    tracking_number: "1Z999".into(),
                    lines: Vec::new(),
                },
            )
            .await
            .expect("ship");
        assert_eq!(v.status, OrderStatus::Shipped);
        assert_eq!(
            mails(&s).await,
            before + 1,
            "the shipped email is in the outbox"
        );
        assert!(
            s.orders.cancel(&staff, &a).await.is_err(),
            "shipped orders can't be cancelled"
        );
        let v = s
            .orders
            .advance(&staff, &a, OrderStatus::Delivered)
            .await
            .expect("delivered");
        assert_eq!(v.status, OrderStatus::Delivered);

        // Partial refund through the gateway: a refund row with the provider's
        // reference, the order partly refunded, the customer mailed.
        let before = mails(&s).await;
        let v = s.orders.refund(&staff, &a, 700).await.expect("refund");
        assert_eq!(v.status, OrderStatus::PartiallyRefunded);
        assert_eq!(v.refunded.minor, 700);
        // The provider is asked by the outbox worker, after the commit.
        deliver_outbox(&s).await;
        let refunds = domain::entities::refund::Entity::find()
            .all(&s.db)
            .await
            .expect("refunds");
        assert_eq!(refunds.len(), 1);
        assert!(refunds[0]
            .provider_reference
            .as_deref()
            .is_some_and(|r| !r.is_empty()));
        assert_eq!(
            mails(&s).await,
            before + 1,
            "the refund email is in the outbox"
        );
        assert!(
            s.orders.refund(&staff, &a, v.total.minor).await.is_err(),
            "not more than was paid"
        );
        assert_eq!(
            audit_actions(&s, &a).await,
            ["order.status", "order.ship", "order.status", "order.refund"]
        );

        // Staff cancel a paid order: stock back (with a restock movement),
        // refunded in full, mailed, audited.
        let b = paid_order(&s, 1).await;
        assert_eq!(shelf(&s, SKU).await, (2, 0));
        let before = mails(&s).await;
        let v = s.orders.cancel(&staff, &b).await.expect("cancel");
        assert_eq!(v.status, OrderStatus::Cancelled);
        assert_eq!(v.refunded, v.total);
        assert_eq!(shelf(&s, SKU).await, (3, 0));
        assert!(mails(&s).await > before);
        assert_eq!(
            audit_actions(&s, &b).await,
            ["order.cancel", "order.refund"]
        );
        let reasons: Vec<String> = domain::entities::stock_movement::Entity::find()
            .all(&s.db)
            .await
            .expect("moves")
            .into_iter()
            .map(|m| m.reason)
            .collect();
        assert_eq!(reasons, ["sale", "sale", "restock"]);

        // The staff list finds orders by number or email and filters them.
        use domain::orders::OrderListQuery;
        let find = |q: OrderListQuery| {
            let orders = s.orders.clone();
            let staff = staff.clone();
            async move {
                orders
                    .staff_search(&staff, &q)
                    .await
                    .expect("search")
                    .rows
                    .into_iter()
                    .map(|r| r.number)
                    .collect::<Vec<_>>()
            }
        };
        assert_eq!(
            find(OrderListQuery::default()).await,
            [b.clone(), a.clone()]
        );
        let tail = a[a.len() - 4..].to_lowercase();
        assert_eq!(
            find(OrderListQuery {
                q: tail,
                ..Default::default()
            })
            .await,
            vec![a.clone()]
        );
        assert_eq!(
            find(OrderListQuery {
                q: "G@EXAMPLE".into(),
                ..Default::default()
            })
            .await
            .len(),
            2
        );
        assert_eq!(
            find(OrderListQuery {
                status: OrderStatus::Cancelled.as_str().into(),
                ..Default::default()
            })
            .await,
            vec![b.clone()]
        );
        let a_total = s.orders.detail(&staff, &a).await.expect("a").total;
        let b_total = s.orders.detail(&staff, &b).await.expect("b").total;
        assert!(a_total.minor > b_total.minor);
        assert_eq!(
            find(OrderListQuery {
                min_total: a_total.decimal_string(),
                ..Default::default()
            })
            .await,
            vec![a.clone()]
        );
        assert_eq!(
            find(OrderListQuery {
                max_total: b_total.decimal_string(),
                ..Default::default()
            })
            .await,
            vec![b.clone()]
        );
        let day = |d: time::Date| d.to_string();
        let today = time::OffsetDateTime::now_utc().date();
        assert_eq!(
            find(OrderListQuery {
                from: day(today),
                to: day(today),
                ..Default::default()
            })
            .await
            .len(),
            2
        );
        assert!(find(OrderListQuery {
            to: today.previous_day().map(day).unwrap_or_default(),
            ..Default::default()
        })
        .await
        .is_empty());
        assert!(matches!(
            s.orders
                .staff_search(&no_perm, &OrderListQuery::default())
                .await,
            Err(domain::Error::Forbidden)
        ));
        // Every wrong filter is named at once, nothing is searched.
        let wrong = s
            .orders
            .staff_search(
                &staff,
                &OrderListQuery {
                    from: "yesterday".into(),
                    min_total: "lots".into(),
                    status: "lost".into(),
                    ..Default::default()
                },
            )
            .await;
        let Err(domain::Error::Invalid { issues }) = wrong else {
            panic!("three issues: {wrong:?}");
        };
        let mut fields: Vec<&str> = issues.iter().map(|i| i.field.as_str()).collect();
        fields.sort();
        assert_eq!(fields, ["from", "min_total", "status"]);
    }
);

for_each_backend!(
    staff_manage_promo_codes_and_see_their_use,
    |db: TestDatabase| async move {
        use domain::promotions::{PromotionAdmin, PromotionInput};
        let s = shop(&db).await;
        stock(&s, SKU, 10, 0).await;
        let admin = PromotionAdmin::new(s.db.clone());
        let staff = domain::accounts::Actor::user(
            700,
            domain::accounts::Role::Staff,
            vec![domain::accounts::Permission::Promotions],
            false,
        );
        let ten = PromotionInput {
            code: " spring10 ".into(),
            kind: "percentage".into(),
            value: 1000,
            active: true,
            ..Default::default()
        };
        let code = admin.save(&staff, None, ten.clone()).await.expect("create");
        assert_eq!(code, "SPRING10");
        assert!(
            admin.save(&staff, None, ten.clone()).await.is_err(),
            "codes are unique"
        );
        let bad = PromotionInput {
            value: 20_000,
            ..ten.clone()
        };
        assert!(matches!(
            admin.save(&staff, Some("SPRING10"), bad).await,
            Err(domain::Error::Validation { .. })
        ));

        // A guest uses it: the list counts the order, its revenue and
        // discount once it is paid.
        let owner = guest_cart(&s, SKU, 2).await;
        let mut with_code = input("promo@example.com");
        with_code.promo_code = "spring10".into();
        let placed = s
            .checkout
            .place_order(&owner, &with_code)
            .await
            .expect("place");
        let row = |list: Vec<domain::promotions::PromotionStats>| {
            list.into_iter()
                .find(|r| r.input.code == "SPRING10")
                .expect("row")
        };
        let unpaid = row(admin.list(&staff).await.expect("list"));
        assert_eq!((unpaid.times_used, unpaid.orders), (1, 0));
        s.orders
            .apply_payment_event(&offline_decision(&s, &placed.redirect_url, true).await)
            .await
            .expect("pay");
        // Another checkout with the code whose payment fails gives the use back.
        let declined = s
            .checkout
            .place_order(&guest_cart(&s, SKU, 1).await, &with_code)
            .await
            .expect("place");
        assert_eq!(times_used(&s, "SPRING10").await, 2);
        s.orders
            .apply_payment_event(&offline_decision(&s, &declined.redirect_url, false).await)
            .await
            .expect("decline");
        assert_eq!(times_used(&s, "SPRING10").await, 1);
        let list = admin.list(&staff).await.expect("list");
        let row = list
            .iter()
            .find(|r| r.input.code == "SPRING10")
            .expect("row");
        assert_eq!(row.times_used, 1);
        assert_eq!(row.orders, 1);
        let o = order::Entity::find()
            .filter(order::Column::Number.eq(&placed.number))
            .one(&s.db)
            .await
            .expect("q")
            .expect("order");
        assert_eq!(row.revenue_minor, o.total_minor);
        assert_eq!(row.discount_minor, o.discount_minor);
        assert_eq!(o.discount_minor, 2 * PRICE / 10);

        // Used codes can be switched off, not deleted; unused ones can go.
        assert!(matches!(
            admin.delete(&staff, "SPRING10").await,
            Err(domain::Error::Conflict(_))
        ));
        let off = PromotionInput {
            active: false,
            ..ten.clone()
        };
        admin
            .save(&staff, Some("SPRING10"), off)
            .await
            .expect("switch off");
        assert!(!admin.get(&staff, "spring10").await.expect("get").active);
        let spare = PromotionInput {
            code: "SPARE5".into(),
            kind: "fixed".into(),
            value: 500,
            ..ten
        };
        admin.save(&staff, None, spare).await.expect("create");
        admin.delete(&staff, "SPARE5").await.expect("delete unused");
        assert!(admin.get(&staff, "SPARE5").await.is_err());
        let customer =
            domain::accounts::Actor::user(5, domain::accounts::Role::Customer, vec![], false);
        assert!(matches!(
            admin.list(&customer).await,
            Err(domain::Error::Forbidden)
        ));
    }
);

for_each_backend!(
    shipping_methods_and_tax_rates_apply_to_the_next_quote,
    |db: TestDatabase| async move {
        use domain::shop_settings::{ShippingMethodInput, ShopSettings, TaxRateInput};
        let s = shop(&db).await;
        stock(&s, SKU, 5, 0).await;
        let settings = ShopSettings::new(s.db.clone());
        let staff = domain::accounts::Actor::user(
            800,
            domain::accounts::Role::Staff,
            vec![domain::accounts::Permission::Settings],
            false,
        );
        let courier = ShippingMethodInput {
            code: "Courier".into(),
            name: "Bike courier".into(),
            kind: "flat".into(),
            price_minor: 1234,
            active: true,
            ..Default::default()
        };
        settings
            .save_shipping_method(&staff, None, courier.clone())
            .await
            .expect("create");
        let bad = ShippingMethodInput {
            kind: "free_over".into(),
            ..courier.clone()
        };
        assert!(matches!(
            settings
                .save_shipping_method(&staff, Some("courier"), bad)
                .await,
            Err(domain::Error::Validation { .. })
        ));
        assert!(
            settings
                .save_shipping_method(&staff, None, courier.clone())
                .await
                .is_err(),
            "codes are unique"
        );

        settings
            .save_tax_rate(
                &staff,
                TaxRateInput {
                    country: "us".into(),
                    region: "il".into(),
                    rate_basis_points: 1000,
                    name: "IL tax".into(),
                },
            )
            .await
            .expect("tax");
        // Saving the same place again replaces the rate.
        settings
            .save_tax_rate(
                &staff,
                TaxRateInput {
                    country: "US".into(),
                    region: "IL".into(),
                    rate_basis_points: 500,
                    name: "IL tax".into(),
                },
            )
            .await
            .expect("replace");
        assert!(settings
            .save_tax_rate(
                &staff,
                TaxRateInput {
                    country: "XX".into(),
                    region: String::new(),
                    rate_basis_points: 5,
                    name: "X".into()
                }
            )
            .await
            .is_err());

        let owner = guest_cart(&s, SKU, 1).await;
        let quote = s
            .checkout
            .quote(
                &owner,
                &QuoteChoices::new("US", "IL", "courier", "", "q@example.com"),
            )
            .await
            .expect("quote");
        assert!(quote.shipping_options.iter().any(|o| o.code == "courier"));
        assert_eq!(quote.shipping.minor, 1234);
        assert_eq!(quote.tax_rate_basis_points, 500);

        // Switched off, the method is no longer offered.
        let off = ShippingMethodInput {
            active: false,
            ..courier
        };
        settings
            .save_shipping_method(&staff, Some("courier"), off)
            .await
            .expect("off");
        let quote = s
            .checkout
            .quote(
                &owner,
                &QuoteChoices::new("US", "IL", "", "", "q@example.com"),
            )
            .await
            .expect("quote");
        assert!(!quote.shipping_options.iter().any(|o| o.code == "courier"));
        settings
            .delete_shipping_method(&staff, "courier")
            .await
            .expect("delete");
        let rates = settings.tax_rates(&staff).await.expect("rates");
        let il = rates.iter().find(|r| r.rate.region == "IL").expect("IL");
        settings
            .delete_tax_rate(&staff, il.id)
            .await
            .expect("delete rate");
        let customer =
            domain::accounts::Actor::user(5, domain::accounts::Role::Customer, vec![], false);
        assert!(matches!(
            settings.tax_rates(&customer).await,
            Err(domain::Error::Forbidden)
        ));
    }
);
