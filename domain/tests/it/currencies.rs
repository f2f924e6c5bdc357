//! Selling in euros and pounds from a shop priced in dollars: converted
//! prices follow each currency's rounding rule, a list price wins over
//! conversion, orders record their currency and rate, and the dashboard
//! adds revenue up in the base currency exactly as SQL does.
use crate::support::*;
use domain::accounts::{Actor, Role};
use domain::analytics::dashboard;
use domain::cart::CartOwner;
use domain::catalog::{presented, Catalog};
use domain::checkout::{CheckoutInput, QuoteChoices};
use domain::entities::{order, payment};
use domain::promotions::PromotionAdmin;
use domain::shop_settings::ShopSettings;
use domain::store::PresentmentInput;
use domain::{Currency, Money};
use model::fx::ListPrice;
use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, Statement};
use testkit::for_each_backend;
use testkit::TestDatabase;

fn admin() -> Actor {
    Actor::user(1, Role::Admin, Vec::new(), false)
}

pub(crate) async fn sell_in_eur_and_gbp(s: &Shop) {
    let row = |c: &str, rate: &str, rounding: &str| PresentmentInput {
        currency: c.into(),
        rate: rate.into(),
        rounding: rounding.into(),
    };
    s.store
        .save_currencies(
            &admin(),
            &[
                row("EUR", "0.92", "ninety_nine"),
                row("GBP", "0.79", "exact"),
            ],
        )
        .await
        .expect("currencies");
}

async fn page_in(s: &Shop, to: Currency) -> model::storefront::ProductDetail {
    // A fresh catalog: nothing held from an earlier read.
    let mut d = Catalog::new(s.db.clone())
        .product_detail("red-tee", "https://shop.test")
        .await
        .expect("read")
        .expect("on sale");
    presented::detail(&s.commerce.currencies(), to, &mut d);
    d
}

for_each_backend!(
    a_list_price_wins_over_conversion_and_conversion_rounds_by_rule,
    |db: TestDatabase| async move {
        let s = shop(&db).await;
        stock(&s, SKU, 5, 0).await;
        sell_in_eur_and_gbp(&s).await;
        let eur = |m| Money::new(m, Currency::Eur);
        // $25.00 at 0.92 is €23.00, and EUR rounds up to …99.
        let d = page_in(&s, Currency::Eur).await;
        assert_eq!(d.variants[0].price, eur(2399));
        assert!(
            d.json_ld.contains(r#""priceCurrency":"EUR""#),
            "{}",
            d.json_ld
        );
        assert!(d.json_ld.contains(r#""price":"23.99""#), "{}", d.json_ld);
        // GBP rounds to the penny: $25.00 at 0.79 is £19.75.
        let d = page_in(&s, Currency::Gbp).await;
        assert_eq!(d.variants[0].price, Money::new(1975, Currency::Gbp));

        Catalog::new(s.db.clone())
            .set_list_prices(
                &admin(),
                SKU,
                &[ListPrice {
                    currency: Currency::Eur,
                    price: 2250,
                    compare_at: Some(2900),
                }],
            )
            .await
            .expect("list price");
        let d = page_in(&s, Currency::Eur).await;
        assert_eq!(d.variants[0].price, eur(2250), "the list price, as set");
        assert_eq!(d.variants[0].compare_at, Some(eur(2900)));
        assert_eq!(d.variants[1].price, eur(2399), "the other size converts");
        assert_eq!((d.price_min, d.price_max), (eur(2250), eur(2399)));
        // The dollar page is untouched.
        let d = page_in(&s, Currency::Usd).await;
        assert_eq!(d.variants[0].price, Money::new(PRICE, Currency::Usd));

        // The cart charges what the page showed.
        let cart = s
            .commerce
            .carts_in(Currency::Eur)
            .add(&CartOwner::Guest(None), SKU, 2)
            .await
            .expect("add");
        assert_eq!(cart.lines[0].unit_price, eur(2250));
        assert_eq!(cart.subtotal, eur(4500));

        // The base currency can't have list prices, and staff without the
        // catalog permission can't set any.
        let usd = ListPrice {
            currency: Currency::Usd,
            price: 1,
            compare_at: None,
        };
        let e = Catalog::new(s.db.clone())
            .set_list_prices(&admin(), SKU, &[usd])
            .await
            .expect_err("base");
        assert!(e.user_message().contains("base currency"), "{e}");
        // The editor's form: every row read before anything is written.
        let row = |sku: &str, price: &str| model::product_form::ListPriceRow {
            sku: sku.into(),
            currency: "EUR".into(),
            price: price.into(),
            compare_at: String::new(),
        };
        let e = Catalog::new(s.db.clone())
            .save_list_price_form(&admin(), &[row("TEE-RED-L", "19.99"), row(SKU, "12,5x")])
            .await
            .expect_err("typo");
        assert!(matches!(e, domain::Error::Invalid { .. }), "{e:?}");
        let d = page_in(&s, Currency::Eur).await;
        assert_eq!(d.variants[1].price, eur(2399), "nothing written");
        Catalog::new(s.db.clone())
            .save_list_price_form(&admin(), &[row("TEE-RED-L", "19.99"), row(SKU, "")])
            .await
            .expect("form");
        let d = page_in(&s, Currency::Eur).await;
        assert_eq!(d.variants[0].price, eur(2399), "emptied: converts again");
        assert_eq!(d.variants[1].price, eur(1999));
        let customer = Actor::user(9, Role::Customer, Vec::new(), false);
        assert!(Catalog::new(s.db.clone())
            .set_list_prices(&customer, SKU, &[])
            .await
            .is_err());
    }
);

/// Places and pays an order for one tee in `currency`; the order row.
async fn order_in(s: &Shop, currency: Currency, email: &str) -> order::Model {
    let cart = s
        .commerce
        .carts_in(currency)
        .add(&CartOwner::Guest(None), SKU, 1)
        .await
        .expect("add");
    let owner = CartOwner::Guest(cart.id);
    let placed = s
        .checkout
        .place_order(
            &owner,
            &CheckoutInput {
                currency: Some(currency),
                ..input(email)
            },
        )
        .await
        .expect("place");
    s.orders
        .apply_payment_event(&offline_decision(s, &placed.redirect_url, true).await)
        .await
        .expect("pay");
    order::Entity::find_by_id(placed.id)
        .one(&s.db)
        .await
        .expect("q")
        .expect("order")
}

for_each_backend!(
    orders_in_euros_and_pounds_record_their_rate_and_revenue_adds_up_in_dollars,
    |db: TestDatabase| async move {
        let s = shop(&db).await;
        stock(&s, SKU, 10, 0).await;
        sell_in_eur_and_gbp(&s).await;
        let usd = order_in(&s, Currency::Usd, "us@example.com").await;
        let eur = order_in(&s, Currency::Eur, "eu@example.com").await;
        let gbp = order_in(&s, Currency::Gbp, "uk@example.com").await;
        assert_eq!(
            (usd.currency.as_str(), usd.fx_rate_e9),
            ("USD", 1_000_000_000)
        );
        assert_eq!(
            (eur.currency.as_str(), eur.fx_rate_e9),
            ("EUR", 920_000_000)
        );
        assert_eq!(
            (gbp.currency.as_str(), gbp.fx_rate_e9),
            ("GBP", 790_000_000)
        );
        assert_eq!(eur.subtotal_minor, 2399);
        assert_eq!(gbp.subtotal_minor, 1975);
        // Shipping is converted too (never the dollar figure).
        assert_ne!(eur.shipping_minor, usd.shipping_minor);
        // The payment was asked for in the order's currency and amount.
        for o in [&eur, &gbp] {
            let p = payment::Entity::find()
                .filter(payment::Column::OrderId.eq(o.id))
                .one(&s.db)
                .await
                .expect("q")
                .expect("payment");
            assert_eq!(
                (p.currency.as_str(), p.amount_minor),
                (o.currency.as_str(), o.total_minor)
            );
        }

        let to = time::OffsetDateTime::now_utc() + time::Duration::minutes(1);
        let d = dashboard(&s.db, &admin(), Currency::Usd, 7, to)
            .await
            .expect("dashboard");
        let backend = s.db.get_database_backend();
        let row = s
            .db
            .query_one_raw(Statement::from_string(
                backend,
                "SELECT CAST(SUM(((total_minor - refunded_minor) * 1000000000 + fx_rate_e9 / 2) / fx_rate_e9) AS BIGINT) AS revenue
                 FROM orders WHERE paid_at IS NOT NULL",
            ))
            .await
            .expect("sql")
            .expect("row");
        let sql: i64 = row.try_get("", "revenue").expect("revenue");
        assert_eq!(d.current.revenue_minor, sql);
        assert_eq!(d.current.orders, 3);
        // Not the plain sum of three currencies' numbers.
        assert_ne!(sql, usd.total_minor + eur.total_minor + gbp.total_minor);
        let top = &d.top_products[0];
        assert_eq!(top.units, 3);
    }
);

for_each_backend!(
    amounts_staff_set_in_a_currency_win_over_conversion_at_checkout,
    |db: TestDatabase| async move {
        let s = shop(&db).await;
        stock(&s, SKU, 5, 0).await;
        sell_in_eur_and_gbp(&s).await;
        let cart = s
            .commerce
            .carts_in(Currency::Eur)
            .add(&CartOwner::Guest(None), SKU, 1)
            .await
            .expect("add");
        let owner = CartOwner::Guest(cart.id);
        let quote = |currency: Currency, promo: &str| {
            let choices = QuoteChoices {
                currency: Some(currency),
                ..QuoteChoices::new("DE", "", "standard", promo, "q@example.com")
            };
            let (checkout, owner) = (&s.checkout, &owner);
            async move { checkout.quote(owner, &choices).await.expect("quote") }
        };
        // Converted: one tee is €23.99; standard ships free over $50 →
        // €46, for $4.95 → €4.99; TENOFF ($10 off over $50) is short of €46.
        let before = quote(Currency::Eur, "").await;
        assert_eq!(before.subtotal.minor, 2399);
        assert_eq!(before.shipping.minor, 499);
        let before = quote(Currency::Eur, "TENOFF").await;
        assert!(!before.promo_applied);

        // Staff set euro amounts in the settings and promotion forms.
        let settings = ShopSettings::new(s.db.clone());
        let page = settings
            .page(&admin(), &s.store, s.commerce.settings())
            .await
            .expect("settings");
        let mut standard = page
            .methods
            .into_iter()
            .find(|m| m.code == "standard")
            .expect("standard");
        let shown: Vec<&str> = standard
            .in_currencies
            .iter()
            .map(|r| r.currency.as_str())
            .collect();
        assert_eq!(shown, ["EUR", "GBP"], "a row per currency sold in");
        standard.in_currencies[0].price = "3.90".into();
        standard.in_currencies[0].threshold = "20.00".into();
        settings
            .save_shipping_form(&admin(), "standard", standard.clone(), Currency::Usd)
            .await
            .expect("save method");
        let promos = PromotionAdmin::new(s.db.clone());
        let currencies = s.commerce.currencies();
        let mut ten = promos
            .form(&admin(), "TENOFF", &currencies)
            .await
            .expect("form");
        ten.in_currencies[0].value = "10.00".into();
        ten.in_currencies[0].min_subtotal = "20.00".into();
        promos
            .save_form(&admin(), "TENOFF", ten, &currencies)
            .await
            .expect("save code");

        // €23.99 is over the euro threshold: free. With €10.00 off (not the
        // converted €9.20) the €13.99 left is under it: the euro fee.
        let free = quote(Currency::Eur, "").await;
        assert_eq!(free.shipping.minor, 0);
        let coded = quote(Currency::Eur, "TENOFF").await;
        assert!(coded.promo_applied, "{:?}", coded.promo_message);
        assert_eq!(coded.discount.minor, 1000);
        assert_eq!(coded.shipping.minor, 390);
        assert_eq!(coded.total.minor, 2399 - 1000 + 390 + coded.tax.minor);
        // Dollars and pounds are untouched: $25 under $50, converted pounds.
        let dollars = quote(Currency::Usd, "TENOFF").await;
        assert_eq!(dollars.shipping.minor, 495);
        assert!(!dollars.promo_applied);
        let pounds = quote(Currency::Gbp, "").await;
        assert_eq!(pounds.shipping.minor, 391, "$4.95 at 0.79, exact");

        // The forms read back as saved; a wrong cell is named, nothing saved.
        let again = promos
            .form(&admin(), "TENOFF", &currencies)
            .await
            .expect("form");
        assert_eq!(
            (
                again.in_currencies[0].value.as_str(),
                again.in_currencies[0].min_subtotal.as_str()
            ),
            ("10.00", "20.00")
        );
        let mut bad = standard.clone();
        bad.in_currencies[1].threshold = "lots".into();
        bad.in_currencies[0].threshold = "25.00".into();
        let Err(domain::Error::Invalid { issues }) = settings
            .save_shipping_form(&admin(), "standard", bad, Currency::Usd)
            .await
        else {
            panic!("refused");
        };
        assert_eq!(issues[0].field, "in_currencies.1.threshold");
        assert_eq!(
            quote(Currency::Eur, "").await.shipping.minor,
            0,
            "still €20"
        );
        // Emptied, the euro amounts convert again.
        standard.in_currencies[0].price.clear();
        standard.in_currencies[0].threshold.clear();
        settings
            .save_shipping_form(&admin(), "standard", standard, Currency::Usd)
            .await
            .expect("cleared");
        assert_eq!(quote(Currency::Eur, "").await.shipping.minor, 499);
    }
);

for_each_backend!(
    a_price_filter_is_typed_in_the_currency_the_page_shows,
    |db: TestDatabase| async move {
        let s = shop(&db).await;
        sell_in_eur_and_gbp(&s).await;
        let currencies = s.commerce.currencies();
        // The tee is $25.00, which is €23.00 at 0.92 and shows as €23.99
        // once rounded to …99: the filter goes by the price shown.
        let listed = |shown: Currency, min: &'static str, max: &'static str| {
            let catalog = Catalog::new(s.db.clone());
            let currencies = currencies.clone();
            async move {
                let pairs = [("price_min", min), ("price_max", max)]
                    .iter()
                    .filter(|(_, v)| !v.is_empty())
                    .map(|(k, v)| (k.to_string(), v.to_string()))
                    .collect::<Vec<_>>();
                catalog
                    .category_listing("tees", &pairs, &currencies, shown)
                    .await
                    .expect("listing")
                    .expect("tees")
            }
        };
        let euros = listed(Currency::Eur, "23", "").await;
        assert_eq!(euros.total, 1, "€23.00 and up has the tee");
        assert_eq!(
            euros.state.price_min.as_deref(),
            Some("23.00"),
            "shown as typed, in euros"
        );
        assert_eq!(listed(Currency::Eur, "23.99", "").await.total, 1);
        assert_eq!(listed(Currency::Eur, "24", "").await.total, 0);
        assert_eq!(listed(Currency::Eur, "", "23.98").await.total, 0);
        assert_eq!(listed(Currency::Eur, "20", "23").await.total, 0);
        assert_eq!(listed(Currency::Eur, "20", "24").await.total, 1);
        // The same numbers in dollars mean dollars.
        assert_eq!(listed(Currency::Usd, "23.01", "").await.total, 1);
        assert_eq!(listed(Currency::Usd, "", "24.99").await.total, 0);
        // £ at 0.79: $25.00 is £19.75.
        assert_eq!(listed(Currency::Gbp, "19.75", "19.75").await.total, 1);
        assert_eq!(listed(Currency::Gbp, "19.76", "").await.total, 0);
        // A currency the shop does not sell in is served in dollars.
        let yen = listed(Currency::Jpy, "26", "").await;
        assert_eq!(
            (yen.total, yen.state.price_min.as_deref()),
            (0, Some("26.00"))
        );
        // A list price in euros is what the filter compares, in euros only.
        red_tee_listed_in_euros(&s, Some(1500)).await;
        assert_eq!(listed(Currency::Eur, "", "15").await.total, 1);
        assert_eq!(listed(Currency::Eur, "15.01", "").await.total, 0);
        assert_eq!(listed(Currency::Usd, "25", "25").await.total, 1);
        assert_eq!(listed(Currency::Gbp, "19.75", "19.75").await.total, 1);
    }
);

for_each_backend!(
    a_gift_card_is_bought_and_held_in_the_shoppers_currency,
    |db: TestDatabase| async move {
        use domain::gift_cards::purchase::PurchaseInput;
        use domain::gift_cards::GiftCards;
        let s = shop(&db).await;
        sell_in_eur_and_gbp(&s).await;
        let form = PurchaseInput {
            amount: "25,50".into(),
            recipient_email: String::new(),
            recipient_name: String::new(),
            sender_name: String::new(),
            message: String::new(),
            deliver_on: String::new(),
        };
        // Bought as a guest shopping in `currency`: the payment page and
        // the order row.
        let buy = |currency: Currency| {
            let (s, form) = (&s, &form);
            async move {
                let placed = s
                    .checkout
                    .buy_gift_card(&CartOwner::Guest(None), "bo@example.com", form, currency)
                    .await
                    .expect("bought");
                let o = order::Entity::find()
                    .filter(order::Column::Number.eq(placed.number.as_str()))
                    .one(&s.db)
                    .await
                    .expect("q")
                    .expect("order");
                (placed, o)
            }
        };
        // Typed with a decimal comma.
        let (placed, o) = buy(Currency::Eur).await;
        assert_eq!(
            (o.currency.as_str(), o.total_minor, o.fx_rate_e9),
            ("EUR", 2_550, 920_000_000),
            "the order records its currency and rate"
        );
        s.orders
            .apply_payment_event(&offline_decision(&s, &placed.redirect_url, true).await)
            .await
            .expect("pay");
        let staff = Actor::user(1, Role::Admin, Vec::new(), false);
        let cards = GiftCards::new(s.db.clone())
            .list(&staff, "")
            .await
            .expect("list");
        assert_eq!(cards.len(), 1);
        assert_eq!(cards[0].balance, Money::new(2_550, Currency::Eur));
        // A currency the shop does not sell in is sold in dollars.
        let (_, o) = buy(Currency::Jpy).await;
        assert_eq!((o.currency.as_str(), o.fx_rate_e9), ("USD", 1_000_000_000));
    }
);

/// Sets (or clears) both red tee variants' list price in euros.
async fn red_tee_listed_in_euros(s: &Shop, minor: Option<i64>) {
    let prices: Vec<ListPrice> = minor
        .map(|price| ListPrice {
            currency: Currency::Eur,
            price,
            compare_at: None,
        })
        .into_iter()
        .collect();
    for sku in [SKU, "TEE-RED-L"] {
        Catalog::new(s.db.clone())
            .set_list_prices(&admin(), sku, &prices)
            .await
            .expect("list price");
    }
}

/// Slugs of the "tees" listing sorted by price, as a shopper paying in `to`
/// sees it.
async fn tees_by_price(s: &Shop, to: Currency, sort: &str) -> Vec<String> {
    Catalog::new(s.db.clone())
        .category_listing(
            "tees",
            &[("sort".to_owned(), sort.to_owned())],
            &s.commerce.currencies(),
            to,
        )
        .await
        .expect("listing")
        .expect("tees")
        .products
        .into_iter()
        .map(|c| c.slug)
        .collect()
}

for_each_backend!(
    a_price_sort_follows_the_prices_the_shopper_sees,
    |db: TestDatabase| async move {
        let s = shop(&db).await;
        // A cheaper tee beside the red one: $20 against $25.
        let red = domain::entities::product::Entity::find()
            .one(&s.db)
            .await
            .expect("query")
            .expect("red tee");
        let blue = domain::entities::product::ActiveModel {
            id: sea_orm::NotSet,
            slug: sea_orm::Set("blue-tee".into()),
            title: sea_orm::Set("Blue Tee".into()),
            price_min_minor: sea_orm::Set(2000),
            price_max_minor: sea_orm::Set(2000),
            ..red.clone().into()
        };
        let blue = sea_orm::ActiveModelTrait::insert(blue, &s.db)
            .await
            .expect("blue tee");
        let v = domain::entities::variant::Entity::find()
            .filter(domain::entities::variant::Column::Sku.eq(SKU))
            .one(&s.db)
            .await
            .expect("query")
            .expect("variant");
        sea_orm::ActiveModelTrait::insert(
            domain::entities::variant::ActiveModel {
                id: sea_orm::NotSet,
                product_id: sea_orm::Set(blue.id),
                sku: sea_orm::Set("TEE-BLUE-M".into()),
                price_minor: sea_orm::Set(2000),
                ..v.into()
            },
            &s.db,
        )
        .await
        .expect("blue variant");
        let (usd, eur) = (Currency::Usd, Currency::Eur);
        let cheap_first = ["blue-tee", "red-tee"];
        assert_eq!(tees_by_price(&s, usd, "price_asc").await, cheap_first);

        // Converted, the order is the base's: €18.99 before €23.99.
        sell_in_eur_and_gbp(&s).await;
        assert_eq!(tees_by_price(&s, eur, "price_asc").await, cheap_first);

        // A list price makes the red tee the cheaper one in euros only.
        red_tee_listed_in_euros(&s, Some(1500)).await;
        assert_eq!(
            tees_by_price(&s, eur, "price_asc").await,
            ["red-tee", "blue-tee"]
        );
        assert_eq!(
            tees_by_price(&s, eur, "price_desc").await,
            ["blue-tee", "red-tee"]
        );
        assert_eq!(tees_by_price(&s, usd, "price_asc").await, cheap_first);
        // Pounds convert: the base's order.
        assert_eq!(
            tees_by_price(&s, Currency::Gbp, "price_asc").await,
            cheap_first
        );

        // New rates move every converted price: $20 at 0.5 is about €10
        // now, below the red tee's €15.00.
        let half = PresentmentInput {
            currency: "EUR".into(),
            rate: "0.5".into(),
            rounding: "ninety_nine".into(),
        };
        s.store
            .save_currencies(&admin(), &[half])
            .await
            .expect("rates");
        assert_eq!(tees_by_price(&s, eur, "price_asc").await, cheap_first);

        // The red tee's list price gone again: its converted €12.99 sorts
        // after the blue one.
        red_tee_listed_in_euros(&s, None).await;
        assert_eq!(tees_by_price(&s, eur, "price_asc").await, cheap_first);
        let kept =
            s.db.query_one_raw(Statement::from_string(
                s.db.get_database_backend(),
                "SELECT COUNT(*) AS n FROM product_prices WHERE currency = 'EUR'",
            ))
            .await
            .expect("count")
            .expect("row")
            .try_get::<i64>("", "n")
            .expect("n");
        assert_eq!(kept, 2, "one row per product in euros");
    }
);
