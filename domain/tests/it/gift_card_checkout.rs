//! Paying with gift cards and store credit, on SQLite and PostgreSQL:
//! cards pay first and the gateway is asked only for the rest; a card that
//! covers everything pays the order at once; an unpaid order gives the
//! balances back; twenty checkouts sharing one card never take it below
//! zero and the ledger sums right; refunds go back the way the customer
//! paid (gateway first, then the cards) or to store credit; a card bought
//! in the shop is issued once paid and its code mailed on its day.
use std::sync::Arc;

use domain::accounts::{Actor, Permission, Role};
use domain::cart::CartOwner;
use domain::checkout::{CheckoutInput, QuoteChoices};
use domain::entities::{order, payment, refund};
use domain::gift_cards::ledger::Holder;
use domain::gift_cards::purchase::PurchaseInput;
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
                .apply_gift_card(&owner, typed, None)
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
            .apply_gift_card(&owner, &typed, None)
            .await
            .expect("apply");
        s.checkout
            .apply_gift_card(&owner, &issued.code, None)
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
            .apply_gift_card(&owner, &issued.code, None)
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
            .apply_gift_card(&owner, &issued.code, None)
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
                .apply_gift_card(&owner, &issued.code, None)
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
                Err(e) if e.status() == 409 => {}
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

/// The mails in `dir` to `to`, as text.
fn mails_to(dir: &std::path::Path, to: &str) -> Vec<String> {
    std::fs::read_dir(dir)
        .expect("read dir")
        .map(|f| std::fs::read_to_string(f.expect("entry").path()).expect("mail"))
        .filter(|text| text.contains(&format!("To: {to}")))
        .collect()
}

/// The code a gift card mail carries (the text part's "Your code: …").
fn code_in(mail: &str) -> String {
    mail.lines()
        .find_map(|l| l.strip_prefix("Your code: "))
        .expect("a code in the mail")
        .trim()
        .to_owned()
}

for_each_backend!(
    a_bought_card_is_issued_when_paid_and_mailed_on_its_day,
    |db: TestDatabase| async move {
        let s = shop(&db).await;
        stock(&s, SKU, 10, 0).await;
        let buyer = CartOwner::Guest(None);
        let today = time::OffsetDateTime::now_utc().date();
        let later = today + time::Duration::days(3);
        let form = |amount: &str, deliver_on: String| PurchaseInput {
            amount: amount.into(),
            recipient_email: "friend@example.com".into(),
            recipient_name: "Kit".into(),
            sender_name: "Bo".into(),
            message: "Happy birthday".into(),
            deliver_on,
        };
        // A refused form writes nothing.
        let err = s
            .checkout
            .buy_gift_card(
                &buyer,
                "bo@example.com",
                &form("1.00", String::new()),
                domain::Currency::Usd,
            )
            .await
            .expect_err("too small");
        assert!(
            matches!(err, Error::Validation { field, .. } if field == "amount"),
            "{err:?}"
        );
        assert_eq!(order::Entity::find().count(&s.db).await.expect("count"), 0);

        let now = s
            .checkout
            .buy_gift_card(
                &buyer,
                "bo@example.com",
                &form("30.00", today.to_string()),
                domain::Currency::Usd,
            )
            .await
            .expect("buy");
        let later_one = s
            .checkout
            .buy_gift_card(
                &buyer,
                "bo@example.com",
                &form("15.00", later.to_string()),
                domain::Currency::Usd,
            )
            .await
            .expect("buy for later");
        let cards = GiftCards::new(s.db.clone());
        assert!(
            cards.list(&cashier(), "").await.expect("list").is_empty(),
            "nothing before payment"
        );
        for placed in [&now, &later_one] {
            s.orders
                .apply_payment_event(&offline_decision(&s, &placed.redirect_url, true).await)
                .await
                .expect("pay");
        }
        let issued = cards.list(&cashier(), "").await.expect("list");
        let mut amounts: Vec<i64> = issued.iter().map(|c| c.balance.minor).collect();
        amounts.sort_unstable();
        assert_eq!(amounts, vec![1_500, 3_000]);
        assert!(issued.iter().all(|c| c.order_number.is_some()));

        // Today's card goes out now; the other waits for its day.
        let dir = tempfile::tempdir().expect("dir");
        deliver_outbox_to(&s, dir.path()).await;
        let mails = mails_to(dir.path(), "friend@example.com");
        assert_eq!(mails.len(), 1, "one card is due today");
        assert!(mails[0].contains("Bo sent you a"), "{}", mails[0]);
        assert!(mails[0].contains("Happy birthday"));
        let code = code_in(&mails[0]);
        let waiting = domain::entities::outbox_message::Entity::find()
            .filter(domain::entities::outbox_message::Column::Status.eq("pending"))
            .all(&s.db)
            .await
            .expect("outbox");
        assert_eq!(waiting.len(), 1);
        assert_eq!(waiting[0].available_at.date(), later);

        // The mailed code pays part of an order.
        let owner = guest_cart(&s, SKU, 1).await;
        s.checkout
            .apply_gift_card(&owner, &code, None)
            .await
            .expect("apply the mailed code");
        let placed = s
            .checkout
            .place_order(&owner, &input("kit@example.com"))
            .await
            .expect("place");
        let o = order_row(&s, &placed.number).await;
        assert_eq!(o.balance_paid_minor, 3_000);
        let attempt = s
            .orders
            .payment_attempt(&reference(&placed.redirect_url))
            .await
            .expect("attempt");
        assert_eq!(attempt.total.minor, TOTAL - 3_000);

        // Refunding a card's purchase takes it back off the card: the spent
        // one can't be refunded, the unspent one can, and is then empty.
        let err = s
            .orders
            .refund(&cashier(), &now.number, 3_000)
            .await
            .expect_err("spent");
        assert!(
            matches!(err, Error::Validation { field, .. } if field == "amount"),
            "{err:?}"
        );
        assert_eq!(order_row(&s, &now.number).await.refunded_minor, 0);
        s.orders
            .refund(&cashier(), &later_one.number, 1_500)
            .await
            .expect("unspent");
        let waiting_card = cards
            .list(&cashier(), "")
            .await
            .expect("list")
            .into_iter()
            .find(|c| c.initial.minor == 1_500)
            .expect("card");
        assert_eq!(waiting_card.balance.minor, 0);
        assert_eq!(
            balance_is_its_ledger(&cards, Holder::Card(waiting_card.id)).await,
            0
        );
    }
);
