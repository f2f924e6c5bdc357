//! Paying with gift cards and store credit, on SQLite and PostgreSQL:
//! cards pay first and the gateway is asked only for the rest; a card that
//! covers everything pays the order at once; an unpaid order gives the
//! balances back; twenty checkouts sharing one card never take it below
//! zero and the ledger sums right; refunds go back the way the customer
//! paid (gateway first, then the cards) or to store credit.
use std::sync::Arc;

use domain::accounts::{Actor, Permission, Role};
use domain::cart::CartOwner;
use domain::checkout::{CheckoutInput, QuoteChoices};
use domain::entities::{order, payment, refund};
use domain::gift_cards::ledger::Holder;
use domain::gift_cards::{GiftCards, Issued};
use domain::orders::OrderStatus;
use domain::{Currency, Error};
use model::gift_cards::RefundTo;
use sea_orm::{ColumnTrait, EntityTrait, PaginatorTrait, QueryFilter};
use testkit::for_each_backend;
use testkit::TestDatabase;

use crate::support::*;

/// 25.00 tee + 14.95 express, no tax in IL.
const TOTAL: i64 = 3995;

fn cashier() -> Actor {
    Actor::user(
        1,
        Role::Staff,
        vec![Permission::Orders, Permission::Customers],
        false,
    )
}

async fn card(s: &Shop, amount: i64) -> (GiftCards, Issued) {
    let cards = GiftCards::new(s.db.clone());
    let issued = cards
        .issue(&cashier(), Currency::Usd, amount, "test")
        .await
        .expect("issue");
    (cards, issued)
}

async fn order_row(s: &Shop, number: &str) -> order::Model {
    order::Entity::find()
        .filter(order::Column::Number.eq(number))
        .one(&s.db)
        .await
        .expect("q")
        .expect("order")
}

async fn balance_is_its_ledger(cards: &GiftCards, holder: Holder) -> i64 {
    let balance = cards.balance(holder).await.expect("balance");
    assert_eq!(cards.ledger_sum(holder).await.expect("sum"), balance);
    assert!(balance >= 0);
    balance
}

for_each_backend!(
    a_card_pays_part_and_the_gateway_the_rest,
    |db: TestDatabase| async move {
        let s = shop(&db).await;
        stock(&s, SKU, 10, 0).await;
        let (cards, issued) = card(&s, 2_000).await;
        let holder = Holder::Card(issued.id);
        let owner = guest_cart(&s, SKU, 1).await;

        // Every way a code can be wrong is a plain validation error.
        for typed in ["", "not a code", "ABCD-EFGH-JKLM-NPQ2"] {
            let err = s
                .checkout
                .apply_gift_card(&owner, typed)
                .await
                .expect_err(typed);
            assert!(
                matches!(err, Error::Validation { field, .. } if field == "gift_code"),
                "{err:?}"
            );
        }
        // Typed with spaces and in lower case, it is the same code.
        let typed = issued.code.to_lowercase().replace('-', " ");
        s.checkout
            .apply_gift_card(&owner, &typed)
            .await
            .expect("apply");
        s.checkout
            .apply_gift_card(&owner, &issued.code)
            .await
            .expect("again: no second entry");

        let quote = s
            .checkout
            .quote(
                &owner,
                &QuoteChoices::new("US", "IL", "express", "", "g@example.com"),
            )
            .await
            .expect("quote");
        assert_eq!(quote.total.minor, TOTAL);
        assert_eq!(quote.gift_cards.len(), 1);
        assert_eq!(quote.gift_cards[0].applied.minor, 2_000);
        assert_eq!(quote.gift_cards[0].last4, issued.last4);
        assert_eq!(quote.to_pay.minor, TOTAL - 2_000);

        let placed = s
            .checkout
            .place_order(&owner, &input("g@example.com"))
            .await
            .expect("place");
        // The card is spent while the gateway is asked for the rest only.
        assert_eq!(balance_is_its_ledger(&cards, holder).await, 0);
        let attempt = s
            .orders
            .payment_attempt(&reference(&placed.redirect_url))
            .await
            .expect("attempt");
        assert_eq!(attempt.total.minor, TOTAL - 2_000);
        s.orders
            .apply_payment_event(&offline_decision(&s, &placed.redirect_url, true).await)
            .await
            .expect("pay");
        let o = order_row(&s, &placed.number).await;
        assert_eq!(o.status, "paid");
        assert_eq!((o.total_minor, o.balance_paid_minor), (TOTAL, 2_000));
        let view = s.orders.by_public_id(&o.public_id).await.expect("view");
        let paid: Vec<(String, i64)> = view
            .paid_with
            .iter()
            .map(|p| (p.label.clone(), p.amount.minor))
            .collect();
        assert_eq!(
            paid,
            vec![
                (format!("Gift card ••••{}", issued.last4), 2_000),
                ("Card".to_owned(), TOTAL - 2_000)
            ]
        );

        // Refund 30.00 the way they paid: 19.95 to the card payment, 10.05 to the gift card.
        s.orders
            .refund_to(&cashier(), &placed.number, 3_000, RefundTo::Original)
            .await
            .expect("refund");
        let rows = refund::Entity::find()
            .filter(refund::Column::OrderId.eq(o.id))
            .all(&s.db)
            .await
            .expect("refunds");
        let split: Vec<(String, i64)> = rows
            .iter()
            .map(|r| (r.method.clone(), r.amount_minor))
            .collect();
        assert_eq!(
            split,
            vec![
                ("gateway".to_owned(), TOTAL - 2_000),
                ("balances".to_owned(), 3_000 - (TOTAL - 2_000))
            ]
        );
        assert_eq!(
            balance_is_its_ledger(&cards, holder).await,
            3_000 - (TOTAL - 2_000)
        );
        // The rest (9.95) can only go back to the card, up to what it paid.
        let err = s
            .orders
            .refund_to(
                &cashier(),
                &placed.number,
                TOTAL - 3_000 + 1,
                RefundTo::Original,
            )
            .await
            .expect_err("beyond the total");
        assert!(matches!(err, Error::Validation { .. }), "{err:?}");
        s.orders
            .refund_to(
                &cashier(),
                &placed.number,
                TOTAL - 3_000,
                RefundTo::Original,
            )
            .await
            .expect("the rest");
        assert_eq!(balance_is_its_ledger(&cards, holder).await, 2_000);
        assert_eq!(status(&s, &placed.number).await, OrderStatus::Refunded);
        // A guest can't be refunded as store credit.
        deliver_outbox(&s).await;
        let o = order_row(&s, &placed.number).await;
        assert_eq!(o.refunded_minor, TOTAL);
    }
);

for_each_backend!(
    a_card_that_covers_everything_pays_at_once,
    |db: TestDatabase| async move {
        let s = shop(&db).await;
        stock(&s, SKU, 10, 0).await;
        let (cards, issued) = card(&s, 5_000).await;
        let owner = guest_cart(&s, SKU, 1).await;
        s.checkout
            .apply_gift_card(&owner, &issued.code)
            .await
            .expect("apply");
        let placed = s
            .checkout
            .place_order(&owner, &input("all@example.com"))
            .await
            .expect("place");
        assert!(
            placed.redirect_url.contains("/checkout/complete/"),
            "{}",
            placed.redirect_url
        );
        assert_eq!(status(&s, &placed.number).await, OrderStatus::Paid);
        let o = order_row(&s, &placed.number).await;
        assert_eq!(o.balance_paid_minor, TOTAL);
        assert!(o.paid_at.is_some());
        let attempts = payment::Entity::find()
            .filter(payment::Column::OrderId.eq(o.id))
            .count(&s.db)
            .await
            .expect("count");
        assert_eq!(attempts, 0, "the gateway is not asked for nothing");
        assert_eq!(
            balance_is_its_ledger(&cards, Holder::Card(issued.id)).await,
            5_000 - TOTAL
        );
        // Paid by balances only: a refund goes back to them.
        s.orders
            .refund(&cashier(), &placed.number, TOTAL)
            .await
            .expect("refund");
        assert_eq!(
            balance_is_its_ledger(&cards, Holder::Card(issued.id)).await,
            5_000
        );
    }
);

for_each_backend!(
    an_unpaid_order_gives_the_balances_back,
    |db: TestDatabase| async move {
        let s = shop(&db).await;
        stock(&s, SKU, 10, 0).await;
        let (cards, issued) = card(&s, 1_000).await;
        let holder = Holder::Card(issued.id);
        let user = customer(&s, "credit@example.com").await;
        let public_id = domain::entities::user::Entity::find_by_id(user)
            .one(&s.db)
            .await
            .expect("q")
            .expect("user")
            .public_id;
        cards
            .grant_store_credit(&cashier(), Currency::Usd, &public_id, 1_500, "goodwill")
            .await
            .expect("grant");
        let owner = CartOwner::User(user);
        s.commerce.carts().add(&owner, SKU, 1).await.expect("add");
        s.checkout
            .apply_gift_card(&owner, &issued.code)
            .await
            .expect("apply");
        let with_credit = CheckoutInput {
            use_store_credit: true,
            ..input("credit@example.com")
        };
        let placed = s
            .checkout
            .place_order(&owner, &with_credit)
            .await
            .expect("place");
        assert_eq!(balance_is_its_ledger(&cards, holder).await, 0);
        assert_eq!(
            balance_is_its_ledger(&cards, Holder::Customer(user)).await,
            0
        );
        let o = order_row(&s, &placed.number).await;
        assert_eq!(o.balance_paid_minor, 2_500);
        // The payment fails: the order is cancelled and both balances are whole again.
        s.orders
            .apply_payment_event(&offline_decision(&s, &placed.redirect_url, false).await)
            .await
            .expect("fail");
        assert_eq!(status(&s, &placed.number).await, OrderStatus::Cancelled);
        assert_eq!(balance_is_its_ledger(&cards, holder).await, 1_000);
        assert_eq!(
            balance_is_its_ledger(&cards, Holder::Customer(user)).await,
            1_500
        );

        // Paid this time, then refunded as store credit.
        let placed = s
            .checkout
            .place_order(&owner, &with_credit)
            .await
            .expect("place again");
        s.orders
            .apply_payment_event(&offline_decision(&s, &placed.redirect_url, true).await)
            .await
            .expect("pay");
        s.orders
            .refund_to(&cashier(), &placed.number, 1_000, RefundTo::StoreCredit)
            .await
            .expect("to store credit");
        assert_eq!(
            balance_is_its_ledger(&cards, Holder::Customer(user)).await,
            1_000
        );
        assert_eq!(order_row(&s, &placed.number).await.refunded_minor, 1_000);

        // A guest's order can't take store credit.
        let guest = guest_cart(&s, SKU, 1).await;
        let number = place_and_pay(&s, &guest, "guest@example.com").await;
        let err = s
            .orders
            .refund_to(&cashier(), &number, 100, RefundTo::StoreCredit)
            .await
            .expect_err("guest");
        assert!(
            matches!(err, Error::Validation { field, .. } if field == "refund_to"),
            "{err:?}"
        );
        assert_eq!(order_row(&s, &number).await.refunded_minor, 0);
    }
);

for_each_backend!(
    twenty_checkouts_share_one_card_and_never_overdraw_it,
    |db: TestDatabase| async move {
        let s = Arc::new(shop(&db).await);
        stock(&s, SKU, 50, 0).await;
        let (cards, issued) = card(&s, 10_000).await;
        let holder = Holder::Card(issued.id);
        let mut owners = Vec::new();
        for _ in 0..20 {
            let owner = guest_cart(&s, SKU, 1).await;
            s.checkout
                .apply_gift_card(&owner, &issued.code)
                .await
                .expect("apply");
            owners.push(owner);
        }
        let tasks: Vec<_> = owners
            .into_iter()
            .enumerate()
            .map(|(i, owner)| {
                let s = s.clone();
                tokio::spawn(async move {
                    s.checkout
                        .place_order(&owner, &input(&format!("race{i}@example.com")))
                        .await
                })
            })
            .collect();
        let mut numbers = Vec::new();
        for t in tasks {
            match t.await.expect("task") {
                Ok(placed) => numbers.push(placed.number),
                // A balance that moved under a checkout three times over.
                Err(Error::Conflict(_)) => {}
                Err(e) => panic!("unexpected: {e:?}"),
            }
        }
        assert!(numbers.len() >= 3, "only {} orders placed", numbers.len());
        let mut paid_by_card = 0;
        for n in &numbers {
            let o = order_row(&s, n).await;
            assert!(o.balance_paid_minor <= o.total_minor);
            paid_by_card += o.balance_paid_minor;
        }
        let left = balance_is_its_ledger(&cards, holder).await;
        assert_eq!(paid_by_card + left, 10_000);
        // 10,000 covers two whole orders and part of a third.
        assert_eq!(left, 0);
    }
);
