//! Cart reminders: one mail per abandoned cart, after the shop's delay, to
//! a customer or to the address a guest gave at checkout; never while an
//! order for the cart waits for payment or after it is paid; opt-outs
//! respected; the link brings the cart back; concurrent sweeps mail once;
//! the dashboard counts what came of them. On SQLite and PostgreSQL.
use domain::accounts::{Actor, Role};
use domain::cart::reminders::Restored;
use domain::cart::CartOwner;
use domain::entities::{cart, cart_reminder, outbox_message};
use domain::Error;
use sea_orm::sea_query::Expr;
use sea_orm::{ColumnTrait, EntityTrait, QueryFilter, QueryOrder};
use testkit::for_each_backend;
use time::{Duration, OffsetDateTime};

use crate::support::*;

fn admin() -> Actor {
    Actor::user(1, Role::Admin, Vec::new(), false)
}

async fn remind_after(s: &Shop, hours: &str) {
    let mut form = s.store.current().get().to_input();
    form.cart_reminder_hours = hours.into();
    s.store.update(&admin(), &form).await.expect("settings");
}

/// Makes `owner`'s cart look untouched for `hours`.
async fn idle(s: &Shop, owner: &CartOwner, hours: i64) -> i32 {
    let c = domain::cart::Carts::find(&s.db, owner)
        .await
        .expect("find")
        .expect("cart");
    cart::Entity::update_many()
        .col_expr(
            cart::Column::UpdatedAt,
            Expr::value(OffsetDateTime::now_utc() - Duration::hours(hours)),
        )
        .filter(cart::Column::Id.eq(c.id))
        .exec(&s.db)
        .await
        .expect("backdate");
    c.id
}

/// Reminder mails in the outbox: (to, text).
async fn reminders(s: &Shop) -> Vec<(String, String)> {
    outbox_message::Entity::find()
        .filter(outbox_message::Column::Kind.eq("mail"))
        .order_by_asc(outbox_message::Column::Id)
        .all(&s.db)
        .await
        .expect("outbox")
        .into_iter()
        .map(|m| serde_json::from_str::<serde_json::Value>(&m.payload).expect("mail"))
        .filter(|m| {
            m["subject"]
                .as_str()
                .unwrap_or("")
                .contains("cart is waiting")
        })
        .map(|m| {
            (
                m["to"].as_str().unwrap_or("").to_owned(),
                m["text"].as_str().unwrap_or("").to_owned(),
            )
        })
        .collect()
}

/// The token in a reminder's restore link.
fn token(text: &str) -> String {
    let at = text.find("/cart/restore?token=").expect("restore link") + 20;
    text[at..]
        .split_whitespace()
        .next()
        .expect("token")
        .to_owned()
}

/// A guest cart whose checkout was placed under `email` and then declined.
async fn declined_guest(s: &Shop, email: &str) -> CartOwner {
    let owner = guest_cart(s, SKU, 2).await;
    let placed = s
        .checkout
        .place_order(&owner, &input(email))
        .await
        .expect("place");
    s.orders
        .apply_payment_event(&offline_decision(s, &placed.redirect_url, false).await)
        .await
        .expect("decline");
    owner
}

for_each_backend!(
    a_left_cart_is_mailed_once_to_a_customer_or_a_guest,
    |db| async move {
        let s = shop(&db).await;
        stock(&s, SKU, 10, 0).await;
        remind_after(&s, "2").await;
        let ann = customer(&s, "ann@example.com").await;
        let mine = CartOwner::User(ann);
        s.commerce.carts().add(&mine, SKU, 1).await.expect("add");
        let guest = declined_guest(&s, "gus@example.com").await;
        // A guest who never gave an address, and a cart with nothing in it.
        let anonymous = guest_cart(&s, SKU, 1).await;
        let bob = customer(&s, "bob@example.com").await;
        s.commerce
            .carts()
            .add(&CartOwner::User(bob), SKU, 1)
            .await
            .expect("add");
        s.commerce
            .carts()
            .set_quantity(&CartOwner::User(bob), SKU, 0)
            .await
            .expect("empty it");
        for owner in [&mine, &guest, &anonymous, &CartOwner::User(bob)] {
            idle(&s, owner, 3).await;
        }

        let swept = s.commerce.cart_reminders().sweep().await.expect("sweep");
        assert_eq!((swept.sent, swept.skipped), (2, 0));
        let mails = reminders(&s).await;
        let to: Vec<&str> = mails.iter().map(|(to, _)| to.as_str()).collect();
        assert_eq!(to, ["ann@example.com", "gus@example.com"]);
        let (_, ann_mail) = &mails[0];
        assert!(
            ann_mail.contains("Red Tee (M): 1 × $25.00 = $25.00"),
            "{ann_mail}"
        );
        let (_, gus_mail) = &mails[1];
        assert!(
            gus_mail.contains("Red Tee (M): 2 × $25.00 = $50.00"),
            "{gus_mail}"
        );
        assert!(gus_mail.contains("http://127.0.0.1:3000/cart/reminders-off?token="));

        // Once per cart, however long it stays.
        let again = s.commerce.cart_reminders().sweep().await.expect("sweep");
        assert_eq!((again.sent, again.skipped), (0, 0));
        assert_eq!(reminders(&s).await.len(), 2);
    }
);

for_each_backend!(
    only_carts_idle_for_the_delay_and_not_too_long_are_mailed,
    |db| async move {
        let s = shop(&db).await;
        stock(&s, SKU, 10, 0).await;
        let ann = CartOwner::User(customer(&s, "ann@example.com").await);
        s.commerce.carts().add(&ann, SKU, 1).await.expect("add");
        idle(&s, &ann, 5).await;
        // Off until the shop sets a delay.
        let off = s.commerce.cart_reminders().sweep().await.expect("sweep");
        assert_eq!((off.sent, off.skipped), (0, 0));
        remind_after(&s, "6").await;
        let early = s.commerce.cart_reminders().sweep().await.expect("sweep");
        assert_eq!(early.sent, 0, "five hours is not six");
        // A cart from weeks ago is not mailed when reminders are turned on.
        idle(&s, &ann, 6 + 24 * 8).await;
        let late = s.commerce.cart_reminders().sweep().await.expect("sweep");
        assert_eq!(late.sent, 0, "past the week after the delay");
        idle(&s, &ann, 7).await;
        let due = s.commerce.cart_reminders().sweep().await.expect("sweep");
        assert_eq!(due.sent, 1);
    }
);

for_each_backend!(
    no_reminder_while_an_order_waits_or_after_it_is_paid,
    |db| async move {
        let s = shop(&db).await;
        stock(&s, SKU, 10, 0).await;
        remind_after(&s, "1").await;
        let ann = CartOwner::User(customer(&s, "ann@example.com").await);
        s.commerce.carts().add(&ann, SKU, 1).await.expect("add");
        s.checkout
            .place_order(&ann, &input("ann@example.com"))
            .await
            .expect("placed, not paid");
        idle(&s, &ann, 2).await;
        let waiting = s.commerce.cart_reminders().sweep().await.expect("sweep");
        assert_eq!((waiting.sent, waiting.skipped), (0, 0), "payment under way");

        let paid_cart = guest_cart(&s, SKU, 1).await;
        let cart_id = idle(&s, &paid_cart, 2).await;
        place_and_pay(&s, &paid_cart, "gus@example.com").await;
        let swept = s.commerce.cart_reminders().sweep().await.expect("sweep");
        assert_eq!((swept.sent, swept.skipped), (0, 0));
        let c = cart::Entity::find_by_id(cart_id)
            .one(&s.db)
            .await
            .unwrap()
            .unwrap();
        assert_eq!(c.status, "converted");
        assert!(reminders(&s).await.is_empty());
    }
);

for_each_backend!(
    an_address_that_opted_out_gets_no_reminder,
    |db| async move {
        let s = shop(&db).await;
        stock(&s, SKU, 10, 0).await;
        remind_after(&s, "1").await;
        let first = declined_guest(&s, "gus@example.com").await;
        idle(&s, &first, 2).await;
        assert_eq!(s.commerce.cart_reminders().sweep().await.unwrap().sent, 1);
        let (_, text) = reminders(&s).await.remove(0);
        let reminders_api = s.commerce.cart_reminders();
        assert!(matches!(
            reminders_api.stop("not-a-token").await,
            Err(Error::NotFound { .. })
        ));
        reminders_api.stop(&token(&text)).await.expect("stop");
        reminders_api
            .stop(&token(&text))
            .await
            .expect("stopping twice is fine");

        // The next cart under the same address (any case) is passed over.
        let second = declined_guest(&s, "GUS@example.com").await;
        idle(&s, &second, 2).await;
        let swept = reminders_api.sweep().await.unwrap();
        assert_eq!((swept.sent, swept.skipped), (0, 1));

        // A customer turns them off in their profile, and on again.
        let ann_id = customer(&s, "ann@example.com").await;
        let ann = Actor::user(ann_id, Role::Customer, Vec::new(), false);
        let accounts = domain::accounts::Accounts::new(
            s.db.clone(),
            domain::accounts::AccountSettings::default(),
            s.store.current(),
            domain::outbox::OutboxSignal::default(),
        )
        .expect("accounts");
        let mut prefs = domain::accounts::ProfileInput {
            name: "Ann".into(),
            cart_reminders: false,
            ..Default::default()
        };
        accounts
            .update_profile(&ann, prefs.clone())
            .await
            .expect("off");
        assert!(!accounts.profile(&ann).await.unwrap().cart_reminders);
        let cart = CartOwner::User(ann_id);
        s.commerce.carts().add(&cart, SKU, 1).await.unwrap();
        idle(&s, &cart, 2).await;
        assert_eq!(reminders_api.sweep().await.unwrap().skipped, 1);
        prefs.cart_reminders = true;
        accounts.update_profile(&ann, prefs).await.expect("on");
        assert!(accounts.profile(&ann).await.unwrap().cart_reminders);
        assert_eq!(reminders(&s).await.len(), 1, "only the first guest cart");
    }
);

for_each_backend!(
    the_link_brings_the_cart_back_until_it_is_ordered,
    |db| async move {
        let s = shop(&db).await;
        stock(&s, SKU, 10, 0).await;
        remind_after(&s, "1").await;
        let guest = declined_guest(&s, "gus@example.com").await;
        let cart_id = idle(&s, &guest, 2).await;
        let ann_id = customer(&s, "ann@example.com").await;
        let ann = CartOwner::User(ann_id);
        s.commerce.carts().add(&ann, SKU, 1).await.unwrap();
        idle(&s, &ann, 2).await;
        assert_eq!(s.commerce.cart_reminders().sweep().await.unwrap().sent, 2);
        let mails = reminders(&s).await;
        let r = s.commerce.cart_reminders();

        let CartOwner::Guest(Some(public_id)) = &guest else {
            panic!("guest cart");
        };
        let token_to = |to: &str| token(&mails.iter().find(|(t, _)| t == to).expect(to).1);
        let gus_token = token_to("gus@example.com");
        assert_eq!(
            r.restore(&gus_token).await.unwrap(),
            Restored::Guest(public_id.clone())
        );
        assert_eq!(
            r.restore(&token_to("ann@example.com")).await.unwrap(),
            Restored::Customer(ann_id)
        );
        let row = cart_reminder::Entity::find_by_id(cart_id)
            .one(&s.db)
            .await
            .unwrap()
            .unwrap();
        let first = row.restored_at.expect("counted as restored");
        r.restore(&gus_token).await.unwrap();
        let row = cart_reminder::Entity::find_by_id(cart_id)
            .one(&s.db)
            .await
            .unwrap()
            .unwrap();
        assert_eq!(row.restored_at, Some(first), "the first time counts");
        for bad in ["", "x", &"a".repeat(500), &gus_token.to_uppercase()] {
            assert!(
                matches!(r.restore(bad).await, Err(Error::NotFound { .. })),
                "{bad}"
            );
        }

        place_and_pay(&s, &guest, "gus@example.com").await;
        assert_eq!(r.restore(&gus_token).await.unwrap(), Restored::Gone);
    }
);

for_each_backend!(sweeps_at_once_mail_each_cart_once, |db| async move {
    let s = shop(&db).await;
    stock(&s, SKU, 100, 0).await;
    remind_after(&s, "1").await;
    for i in 0..6 {
        let owner = CartOwner::User(customer(&s, &format!("c{i}@example.com")).await);
        s.commerce.carts().add(&owner, SKU, 1).await.unwrap();
        idle(&s, &owner, 2).await;
    }
    let r = s.commerce.cart_reminders();
    let (a, b, c, d) = tokio::join!(r.sweep(), r.sweep(), r.sweep(), r.sweep());
    let sent: u64 = [a, b, c, d]
        .into_iter()
        .map(|w| w.expect("sweep").sent)
        .sum();
    assert_eq!(sent, 6);
    let mut to: Vec<String> = reminders(&s).await.into_iter().map(|(to, _)| to).collect();
    to.sort();
    to.dedup();
    assert_eq!(to.len(), 6, "one mail per cart");
});

for_each_backend!(
    the_dashboard_counts_what_reminders_brought_back,
    |db| async move {
        let s = shop(&db).await;
        stock(&s, SKU, 10, 0).await;
        remind_after(&s, "1").await;
        let back = declined_guest(&s, "back@example.com").await;
        let gone = declined_guest(&s, "gone@example.com").await;
        idle(&s, &back, 2).await;
        idle(&s, &gone, 2).await;
        assert_eq!(s.commerce.cart_reminders().sweep().await.unwrap().sent, 2);
        let mails = reminders(&s).await;
        let back_mail = &mails
            .iter()
            .find(|(to, _)| to == "back@example.com")
            .unwrap()
            .1;
        s.commerce
            .cart_reminders()
            .restore(&token(back_mail))
            .await
            .unwrap();
        place_and_pay(&s, &back, "back@example.com").await;

        let analyst = Actor::user(1, Role::Admin, Vec::new(), false);
        let d = domain::analytics::dashboard_until_now(&s.db, &analyst, domain::Currency::Usd, 7)
            .await
            .expect("dashboard");
        let r = &d.cart_reminders;
        // Two tees at $25.00 plus express shipping and tax, as the order says.
        let paid = domain::entities::order::Entity::find()
            .filter(domain::entities::order::Column::PaidAt.is_not_null())
            .one(&s.db)
            .await
            .unwrap()
            .unwrap();
        assert_eq!((r.sent, r.restored, r.ordered), (2, 1, 1));
        assert_eq!(r.recovered_minor, paid.total_minor);
        let view = d.view().cart_reminders;
        assert_eq!(view.ordered_rate, "50.00%");
    }
);
