//! Wishlists: saving, the merge at sign-in, the shared link, move to cart,
//! and the alert mails: back in stock once when stock crosses zero (also
//! when two restocks race), price dropped once per drop, none when turned off.
use domain::accounts::{Actor, Permission, Role};
use domain::cart::CartOwner;
use domain::catalog::{Catalog, OptionDraft, StockSeen};
use domain::entities::{outbox_message, product};
use domain::inventory::{Inventory, Reason};
use domain::wishlist::alerts::{AlertEvent, WishlistAlert, KIND_WISHLIST};
use domain::Error;
use domain::{Currency, Money};
use sea_orm::{ActiveModelTrait, ColumnTrait, EntityTrait, QueryFilter, QueryOrder, Set};

use crate::support::{customer, shop, stock, Shop, SKU};

const SLUG: &str = "red-tee";
const LARGE: &str = "TEE-RED-L";

fn staff() -> Actor {
    Actor::user(1, Role::Staff, vec![Permission::Catalog], false)
}

async fn alerts(s: &Shop) -> Vec<WishlistAlert> {
    outbox_message::Entity::find()
        .filter(outbox_message::Column::Kind.eq(KIND_WISHLIST))
        .order_by_asc(outbox_message::Column::Id)
        .all(&s.db)
        .await
        .unwrap()
        .into_iter()
        .map(|m| serde_json::from_str(&m.payload).unwrap())
        .collect()
}

async fn restock(s: &Shop, sku: &str, warehouse: &str, delta: i32) {
    Inventory::new(s.db.clone())
        .adjust(&staff(), sku, warehouse, delta, Reason::Received, "")
        .await
        .unwrap();
}

async fn reprice(s: &Shop, sku: &str, price_minor: i64) {
    let catalog = Catalog::new(s.db.clone());
    let mut draft = catalog.product_draft(&staff(), SLUG).await.unwrap();
    let seen: StockSeen = draft
        .variants
        .iter()
        .flat_map(|v| {
            v.stock
                .iter()
                .map(|(w, n)| ((v.sku.clone(), w.clone()), *n))
        })
        .collect();
    // The fixture's two sizes were written without an option; the editor
    // wants one to tell them apart.
    draft.options = vec![OptionDraft {
        name: "Size".into(),
        values: vec!["M".into(), "L".into()],
    }];
    for (v, size) in draft.variants.iter_mut().zip(["M", "L"]) {
        v.values = vec![size.into()];
        if v.sku == sku {
            v.price_minor = price_minor;
        }
    }
    catalog
        .save_product(&staff(), Currency::Usd, Some(SLUG), draft, &seen)
        .await
        .unwrap();
}

testkit::for_each_backend!(saving_is_once_per_variant, |db| async move {
    let s = shop(&db).await;
    stock(&s, SKU, 3, 0).await;
    let lists = s.commerce.wishlists();
    let me = CartOwner::User(customer(&s, "ann@example.com").await);
    // The card's heart saves the first variant; saving again changes nothing.
    lists.save(&me, SLUG, None).await.unwrap();
    let view = lists.save(&me, SLUG, None).await.unwrap();
    assert_eq!(view.lines.len(), 1);
    assert_eq!(view.lines[0].sku, SKU);
    assert!(view.lines[0].in_stock);
    assert!(view.has_product(SLUG));
    let view = lists.save(&me, SLUG, Some(LARGE)).await.unwrap();
    assert_eq!(
        view.lines.len(),
        2,
        "the product page saves the size chosen"
    );
    assert!(!view.lines[0].in_stock, "L has no stock");
    // A SKU of another product, a product not sold: refused, nothing saved.
    assert!(matches!(
        lists.save(&me, "no-such-tee", None).await,
        Err(Error::NotFound { .. })
    ));
    assert!(matches!(
        lists.save(&me, SLUG, Some("NOPE")).await,
        Err(Error::NotFound { .. })
    ));
    // Removing one size keeps the other; removing the product takes all.
    let view = lists.remove(&me, SLUG, Some(LARGE)).await.unwrap();
    assert_eq!(view.lines.len(), 1);
    lists.save(&me, SLUG, Some(LARGE)).await.unwrap();
    let view = lists.remove(&me, SLUG, None).await.unwrap();
    assert!(view.lines.is_empty());

    // A draft product leaves the list's view but not the list.
    lists.save(&me, SLUG, None).await.unwrap();
    let p = product::Entity::find()
        .filter(product::Column::Slug.eq(SLUG))
        .one(&s.db)
        .await
        .unwrap()
        .unwrap();
    let mut draft: product::ActiveModel = p.into();
    draft.status = Set("draft".into());
    let p = draft.update(&s.db).await.unwrap();
    assert!(lists.view(&me).await.unwrap().lines.is_empty());
    let mut back: product::ActiveModel = p.into();
    back.status = Set("active".into());
    back.update(&s.db).await.unwrap();
    assert_eq!(lists.view(&me).await.unwrap().lines.len(), 1);
});

testkit::for_each_backend!(
    a_guest_list_joins_the_customers_at_sign_in,
    |db| async move {
        let s = shop(&db).await;
        let lists = s.commerce.wishlists();
        let guest = lists
            .save(&CartOwner::Guest(None), SLUG, Some(LARGE))
            .await
            .unwrap();
        let guest = CartOwner::Guest(guest.id);
        lists.save(&guest, SLUG, Some(SKU)).await.unwrap();
        let user_id = customer(&s, "bo@example.com").await;
        let me = CartOwner::User(user_id);
        lists.save(&me, SLUG, Some(SKU)).await.unwrap();

        let CartOwner::Guest(Some(guest_id)) = &guest else {
            panic!("guest list")
        };
        lists.merge(guest_id, user_id).await.unwrap();
        let mine = lists.view(&me).await.unwrap();
        let mut skus: Vec<&str> = mine.lines.iter().map(|l| l.sku.as_str()).collect();
        skus.sort_unstable();
        assert_eq!(skus, [LARGE, SKU], "both, the shared one once");
        assert!(lists.view(&guest).await.unwrap().lines.is_empty());
        // Signing in again with the same (now gone) guest list is harmless.
        lists.merge(guest_id, user_id).await.unwrap();
        assert_eq!(lists.view(&me).await.unwrap().lines.len(), 2);
    }
);

testkit::for_each_backend!(shared_links_and_move_to_cart, |db| async move {
    let s = shop(&db).await;
    stock(&s, SKU, 2, 0).await;
    let lists = s.commerce.wishlists();
    let me = CartOwner::User(customer(&s, "cy@example.com").await);
    lists.save(&me, SLUG, Some(SKU)).await.unwrap();
    lists.save(&me, SLUG, Some(LARGE)).await.unwrap();

    let token = lists.share(&me, true).await.unwrap().share_token.unwrap();
    let shared = lists.shared(&token).await.unwrap();
    assert_eq!(shared.lines.len(), 2);
    assert_eq!(shared.owner, "", "no name, no email");
    // Stopping sharing kills the link; a new share is a new link.
    assert!(lists.share(&me, false).await.unwrap().share_token.is_none());
    assert!(matches!(
        lists.shared(&token).await,
        Err(Error::NotFound { .. })
    ));
    assert!(matches!(
        lists.shared("../../etc/passwd").await,
        Err(Error::NotFound { .. })
    ));

    // Out of stock: the cart refuses and the list keeps it.
    assert!(lists
        .move_to_cart(&me, &me, LARGE, Currency::Usd)
        .await
        .is_err());
    let (list, cart) = lists
        .move_to_cart(&me, &me, SKU, Currency::Usd)
        .await
        .unwrap();
    assert_eq!(cart.item_count, 1);
    let left: Vec<&str> = list.lines.iter().map(|l| l.sku.as_str()).collect();
    assert_eq!(left, [LARGE]);
});

testkit::for_each_backend!(back_in_stock_mails_once_per_restock, |db| async move {
    let s = shop(&db).await;
    stock(&s, SKU, 0, 0).await;
    let lists = s.commerce.wishlists();
    let ann = CartOwner::User(customer(&s, "ann@example.com").await);
    let quiet = CartOwner::User(customer(&s, "quiet@example.com").await);
    lists.save(&ann, SLUG, Some(SKU)).await.unwrap();
    lists.save(&quiet, SLUG, Some(SKU)).await.unwrap();
    lists.set_alerts(&quiet, false).await.unwrap();
    // A guest's item is disarmed too, but a guest has no address.
    lists
        .save(&CartOwner::Guest(None), SLUG, Some(SKU))
        .await
        .unwrap();

    // Two restocks race into two warehouses: one wins each item.
    tokio::join!(restock(&s, SKU, "EAST", 2), restock(&s, SKU, "WEST", 3));
    let sent = alerts(&s).await;
    assert_eq!(sent.len(), 3, "one per item: {sent:?}");
    assert!(sent.iter().all(|a| a.event == AlertEvent::BackInStock));
    // More stock is not news; selling out and coming back is.
    restock(&s, SKU, "EAST", 1).await;
    assert_eq!(alerts(&s).await.len(), 3);
    restock(&s, SKU, "EAST", -3).await;
    restock(&s, SKU, "WEST", -3).await;
    assert_eq!(
        alerts(&s).await.len(),
        3,
        "selling out arms, it does not mail"
    );
    restock(&s, SKU, "WEST", 1).await;
    let sent = alerts(&s).await;
    assert_eq!(sent.len(), 6);

    // The outbox renders them as they are sent: only Ann's become mail.
    let lists_mail = |alert: WishlistAlert| {
        let lists = lists.clone();
        async move { lists.alert_mail(&alert).await.unwrap() }
    };
    let mut mails = Vec::new();
    for alert in sent {
        if let Some(mail) = lists_mail(alert).await {
            mails.push(mail);
        }
    }
    assert_eq!(
        mails.len(),
        2,
        "Ann, twice; not the quiet one, not the guest"
    );
    assert!(mails.iter().all(|m| m.to == "ann@example.com"));
    assert!(mails[0].subject.contains("Red Tee is back in stock"));
    assert!(mails[0].text.contains("/wishlist/alerts-off?token="));

    // The link in the mail turns the alerts off without signing in.
    let token = mails[0]
        .text
        .split("alerts-off?token=")
        .nth(1)
        .unwrap()
        .split_whitespace()
        .next()
        .unwrap()
        .to_owned();
    lists.alerts_off(&token).await.unwrap();
    assert!(!lists.view(&ann).await.unwrap().alerts);
    assert!(matches!(
        lists.alerts_off("not-a-real-token-at-all-000").await,
        Err(Error::NotFound { .. })
    ));
});

testkit::for_each_backend!(price_drops_mail_once_per_drop, |db| async move {
    let s = shop(&db).await;
    stock(&s, SKU, 5, 0).await;
    let lists = s.commerce.wishlists();
    let ann = CartOwner::User(customer(&s, "ann@example.com").await);
    lists.save(&ann, SLUG, Some(SKU)).await.unwrap();

    reprice(&s, SKU, 2000).await;
    reprice(&s, SKU, 2000).await;
    reprice(&s, SKU, 2600).await;
    reprice(&s, SKU, 2200).await;
    let sent = alerts(&s).await;
    assert_eq!(
        sent.iter().map(|a| a.event.clone()).collect::<Vec<_>>(),
        [AlertEvent::PriceDrop {
            from_minor: 2500,
            to_minor: 2000
        }],
        "a rise and a fall above the lowest price told are not news"
    );
    reprice(&s, SKU, 1500).await;
    let sent = alerts(&s).await;
    assert_eq!(sent.len(), 2);
    let mail = lists.alert_mail(&sent[1]).await.unwrap().expect("mail");
    assert!(mail.subject.contains("now $15.00"), "{}", mail.subject);
    assert!(mail.text.contains("down from $20.00"), "{}", mail.text);
    let view = lists.view(&ann).await.unwrap();
    assert_eq!(view.lines[0].was.map(|m| m.minor), Some(2500));

    // Stale news is not sent: the price went back up before delivery.
    reprice(&s, SKU, 1400).await;
    reprice(&s, SKU, 3000).await;
    let sent = alerts(&s).await;
    assert_eq!(sent.len(), 3);
    assert!(lists.alert_mail(&sent[2]).await.unwrap().is_none());
});

/// The list's line for `owner`, priced in `currency`.
async fn line_in(
    commerce: &domain::commerce::Commerce,
    owner: &CartOwner,
    currency: Currency,
) -> model::wishlist::WishlistLine {
    let mut view = commerce
        .wishlists()
        .pricing_in(currency)
        .view(owner)
        .await
        .unwrap();
    view.lines.remove(0)
}

testkit::for_each_backend!(a_list_is_priced_in_the_shoppers_currency, |db| async move {
    let s = shop(&db).await;
    stock(&s, SKU, 5, 0).await;
    crate::currencies::sell_in_eur_and_gbp(&s).await;
    // Held between reads, as the server holds a customer's list.
    let held = std::sync::Arc::new(domain::accounts::held::HeldAccounts::default());
    let commerce = s.commerce.clone().holding(held.clone());
    let ann = CartOwner::User(customer(&s, "ann@example.com").await);
    commerce
        .wishlists()
        .save(&ann, SLUG, Some(SKU))
        .await
        .unwrap();
    let eur = |m| Some(Money::new(m, Currency::Eur));
    let gbp = |m| Some(Money::new(m, Currency::Gbp));
    let usd = |m| Some(Money::new(m, Currency::Usd));
    let shown = |l: model::wishlist::WishlistLine| (Some(l.price), l.was);

    // $25.00 converted (EUR rounds up to …99); the held list is not
    // shown in the currency it was last read in.
    for (currency, expected) in [
        (Currency::Eur, (eur(2399), None)),
        (Currency::Gbp, (gbp(1975), None)),
        (Currency::Usd, (usd(2500), None)),
        (Currency::Eur, (eur(2399), None)),
    ] {
        let line = line_in(&commerce, &ann, currency).await;
        assert_eq!(shown(line), expected, "{currency:?}");
    }

    // Cheaper since it was saved: the price it was saved at, converted alike.
    reprice(&s, SKU, 2000).await;
    held.forget_priced(); // as the server's change-feed follower does
    for (currency, expected) in [
        (Currency::Eur, (eur(1899), eur(2399))),
        (Currency::Gbp, (gbp(1580), gbp(1975))),
        (Currency::Usd, (usd(2000), usd(2500))),
    ] {
        let line = line_in(&commerce, &ann, currency).await;
        assert_eq!(shown(line), expected, "{currency:?}");
    }

    // A euro list price wins; "was" only shows above the price.
    let list_price = |price| model::fx::ListPrice {
        currency: Currency::Eur,
        price,
        compare_at: None,
    };
    let admin = Actor::user(1, Role::Admin, Vec::new(), false);
    for (price, expected) in [(2250, (eur(2250), eur(2399))), (2450, (eur(2450), None))] {
        Catalog::new(s.db.clone())
            .set_list_prices(&admin, SKU, &[list_price(price)])
            .await
            .unwrap();
        held.forget_priced();
        let line = line_in(&commerce, &ann, Currency::Eur).await;
        assert_eq!(shown(line), expected, "list price {price}");
    }
});

testkit::for_each_backend!(
    an_alert_speaks_the_customers_language_and_currency,
    |db| async move {
        let s = shop(&db).await;
        stock(&s, SKU, 5, 0).await;
        crate::currencies::sell_in_eur_and_gbp(&s).await;
        let id = customer(&s, "ann@example.com").await;
        let mut ann_row: domain::entities::user::ActiveModel =
            domain::entities::user::Entity::find_by_id(id)
                .one(&s.db)
                .await
                .unwrap()
                .unwrap()
                .into();
        ann_row.locale = Set("de".into());
        ann_row.update(&s.db).await.unwrap();
        let ann = CartOwner::User(id);
        // Saved on a euro page.
        s.commerce
            .wishlists()
            .pricing_in(Currency::Eur)
            .save(&ann, SLUG, Some(SKU))
            .await
            .unwrap();
        reprice(&s, SKU, 2000).await;
        let lists = s.commerce.wishlists();
        let sent = alerts(&s).await;
        let mail = lists.alert_mail(&sent[0]).await.unwrap().expect("mail");
        // $20.00 and $25.00 converted at 0.92, rounded to …99.
        assert!(
            mail.text
                .contains("kostet jetzt 18,99\u{a0}€ statt 23,99\u{a0}€"),
            "{}",
            mail.text
        );
        assert!(mail.text.contains("/de/product/red-tee"), "{}", mail.text);
        assert!(mail.text.contains("/de/wishlist"), "{}", mail.text);

        // Saved again on a pound page: the next news is in pounds.
        s.commerce
            .wishlists()
            .pricing_in(Currency::Gbp)
            .save(&ann, SLUG, Some(LARGE))
            .await
            .unwrap();
        reprice(&s, SKU, 1500).await;
        let sent = alerts(&s).await;
        let mail = lists
            .alert_mail(sent.last().unwrap())
            .await
            .unwrap()
            .expect("mail");
        assert!(mail.text.contains("£"), "{}", mail.text);
        assert!(!mail.text.contains('€'), "{}", mail.text);
    }
);
