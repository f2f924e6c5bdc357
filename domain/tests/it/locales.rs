//! An order placed in German: the payment page, the confirmation mail and
//! its link are German, and so is the money in it.
use crate::support::*;
use domain::checkout::CheckoutInput;
use sea_orm::EntityTrait;
use testkit::for_each_backend;
use testkit::TestDatabase;

/// The mails to `to` in `dir`, quoted-printable undone.
fn mails_to(dir: &std::path::Path, to: &str) -> String {
    let mut all = String::new();
    for file in std::fs::read_dir(dir).expect("read dir") {
        let raw = std::fs::read(file.expect("entry").path()).expect("mail");
        let text = String::from_utf8_lossy(&raw)
            .replace("=\r\n", "")
            .replace("=\n", "");
        if !text.contains(&format!("To: {to}")) {
            continue;
        }
        let bytes = text.as_bytes();
        let mut out = Vec::with_capacity(bytes.len());
        let mut i = 0;
        while i < bytes.len() {
            let hex = bytes
                .get(i + 1..i + 3)
                .and_then(|h| std::str::from_utf8(h).ok())
                .and_then(|h| u8::from_str_radix(h, 16).ok());
            match (bytes[i], hex) {
                (b'=', Some(b)) => {
                    out.push(b);
                    i += 3;
                }
                (b, _) => {
                    out.push(b);
                    i += 1;
                }
            }
        }
        all.push_str(&String::from_utf8_lossy(&out));
    }
    all
}

for_each_backend!(
    an_order_placed_in_german_is_mailed_in_german,
    |db: TestDatabase| async move {
        let s = shop(&db).await;
        stock(&s, SKU, 5, 0).await;
        let owner = guest_cart(&s, SKU, 1).await;
        let german = CheckoutInput {
            locale: model::Locale::De,
            ..input("kunde@example.com")
        };
        let placed = s
            .checkout
            .place_order(&owner, &german)
            .await
            .expect("place");
        assert!(
            placed.redirect_url.contains("/de/pay/offline/"),
            "the payment page speaks German: {}",
            placed.redirect_url
        );
        s.orders
            .apply_payment_event(&offline_decision(&s, &placed.redirect_url, true).await)
            .await
            .expect("pay");
        let dir = tempfile::tempdir().expect("dir");
        deliver_outbox_to(&s, dir.path()).await;
        let mail = mails_to(dir.path(), "kunde@example.com");
        assert!(
            mail.contains(&format!(
                "Vielen Dank für Ihre Bestellung {}.",
                placed.number
            )),
            "{mail}"
        );
        assert!(mail.contains("/de/checkout/complete/"), "{mail}");
        assert!(mail.contains(r#"<html lang="de">"#), "{mail}");
        // The tee costs 25.00 in the test shop's dollars: German money.
        assert!(mail.contains("25,00\u{a0}$"), "{mail}");

        // The same shop, an English order: English as before.
        let owner = guest_cart(&s, SKU, 1).await;
        let placed = s
            .checkout
            .place_order(&owner, &input("customer@example.com"))
            .await
            .expect("place");
        assert!(!placed.redirect_url.contains("/de/"));
        s.orders
            .apply_payment_event(&offline_decision(&s, &placed.redirect_url, true).await)
            .await
            .expect("pay");
        deliver_outbox_to(&s, dir.path()).await;
        let mail = mails_to(dir.path(), "customer@example.com");
        assert!(mail.contains("Thank you for your order"), "{mail}");
        assert!(mail.contains("$25.00"), "{mail}");
    }
);

/// The rendered mails in the outbox, as stored (subject, text and HTML).
async fn outbox(s: &Shop) -> String {
    domain::entities::outbox_message::Entity::find()
        .all(&s.db)
        .await
        .expect("outbox")
        .into_iter()
        .map(|m| m.payload)
        .collect()
}

for_each_backend!(
    an_account_opened_in_french_is_mailed_in_french_until_it_chooses_otherwise,
    |db: TestDatabase| async move {
        use domain::accounts::{AccountSettings, Accounts, Registration};
        let s = shop(&db).await;
        let accounts = Accounts::new(
            s.db.clone(),
            AccountSettings::default(),
            s.store.current(),
            domain::outbox::OutboxSignal::default(),
        )
        .expect("accounts");
        accounts
            .register(Registration {
                email: "zoe@example.com",
                password: "Quiet-Lantern-Orbit-4711",
                name: "Zoé",
                marketing_opt_in: false,
                locale: model::Locale::Fr,
            })
            .await
            .expect("register");
        let mails = outbox(&s).await;
        assert!(
            mails.contains("Confirmer mon adresse e-mail"),
            "the verification mail is French: {mails}"
        );
        assert!(mails.contains("/fr/verify-email?token="), "{mails}");

        let user = domain::entities::user::Entity::find()
            .all(&s.db)
            .await
            .expect("users")
            .into_iter()
            .find(|u| u.email == "zoe@example.com")
            .expect("zoe");
        assert_eq!(user.locale, "fr");
        let zoe = domain::accounts::Actor::user(
            user.id,
            domain::accounts::Role::Customer,
            Vec::new(),
            false,
        );
        let profile = accounts.profile(&zoe).await.expect("profile");
        assert_eq!(profile.locale, model::Locale::Fr);
        let german = model::accounts::ProfileInput {
            name: "Zoé".into(),
            locale: Some(model::Locale::De),
            ..Default::default()
        };
        let profile = accounts.update_profile(&zoe, german).await.expect("update");
        assert_eq!(profile.locale, model::Locale::De);
        accounts
            .request_password_reset("zoe@example.com")
            .await
            .expect("reset");
        let mails = outbox(&s).await;
        assert!(mails.contains("/de/reset-password?token="), "{mails}");
    }
);

/// Saves the test tee's German title (no French one).
async fn translate_tee(s: &Shop) {
    let admin = domain::accounts::Actor::user(1, domain::accounts::Role::Admin, Vec::new(), false);
    let german = model::product_form::TranslationRow {
        locale: "de".into(),
        title: "Rotes T-Shirt".into(),
        description: String::new(),
    };
    domain::catalog::Catalog::new(s.db.clone())
        .save_translations(&admin, "red-tee", &[german])
        .await
        .expect("translate");
}

for_each_backend!(
    a_german_shopper_sees_buys_and_is_mailed_the_german_title,
    |db: TestDatabase| async move {
        use domain::cart::CartOwner;
        use domain::checkout::QuoteChoices;
        use model::Locale;
        let s = shop(&db).await;
        stock(&s, SKU, 10, 0).await;
        translate_tee(&s).await;
        let owner = guest_cart(&s, SKU, 1).await;
        let title_in = |locale: Locale| {
            let (carts, owner) = (s.commerce.carts().speaking(locale), &owner);
            async move {
                carts.view(owner).await.expect("view").lines[0]
                    .product_title
                    .clone()
            }
        };
        assert_eq!(title_in(Locale::De).await, "Rotes T-Shirt");
        // Not translated into French: the catalog's own title.
        assert_eq!(title_in(Locale::Fr).await, "Red Tee");
        assert_eq!(title_in(Locale::En).await, "Red Tee");

        // A guest's wishlist too.
        let saved = s
            .commerce
            .wishlists()
            .save(&CartOwner::Guest(None), "red-tee", Some(SKU))
            .await
            .expect("save");
        let guest_list = CartOwner::Guest(saved.id);
        let listed = s
            .commerce
            .wishlists()
            .speaking(Locale::De)
            .view(&guest_list)
            .await
            .expect("view");
        assert_eq!(listed.lines[0].product_title, "Rotes T-Shirt");

        // A customer's cart and wishlist (held), asked for in one language
        // after another.
        let ann = customer(&s, "ann@example.com").await;
        let hers = CartOwner::User(ann);
        s.commerce.carts().add(&hers, SKU, 1).await.expect("add");
        s.commerce
            .wishlists()
            .save(&hers, "red-tee", Some(SKU))
            .await
            .expect("save");
        for (locale, title) in [
            (Locale::En, "Red Tee"),
            (Locale::De, "Rotes T-Shirt"),
            (Locale::En, "Red Tee"),
        ] {
            let view = s
                .commerce
                .carts()
                .speaking(locale)
                .view(&hers)
                .await
                .expect("view");
            assert_eq!(view.lines[0].product_title, title, "{locale:?}");
            let list = s
                .commerce
                .wishlists()
                .speaking(locale)
                .view(&hers)
                .await
                .expect("view");
            assert_eq!(list.lines[0].product_title, title, "{locale:?}");
        }

        let choices = QuoteChoices {
            locale: Locale::De,
            ..QuoteChoices::new("US", "CA", "standard", "", "kunde@example.com")
        };
        let quote = s.checkout.quote(&owner, &choices).await.expect("quote");
        assert_eq!(quote.lines[0].product_title, "Rotes T-Shirt");

        // The order keeps the title it was bought under: its page and mail.
        let german = CheckoutInput {
            locale: Locale::De,
            ..input("kunde@example.com")
        };
        let placed = s
            .checkout
            .place_order(&owner, &german)
            .await
            .expect("place");
        let items = domain::entities::order_item::Entity::find()
            .all(&s.db)
            .await
            .expect("items");
        assert_eq!(
            items.iter().map(|i| i.title.as_str()).collect::<Vec<_>>(),
            ["Rotes T-Shirt"]
        );
        s.orders
            .apply_payment_event(&offline_decision(&s, &placed.redirect_url, true).await)
            .await
            .expect("pay");
        let dir = tempfile::tempdir().expect("dir");
        deliver_outbox_to(&s, dir.path()).await;
        let mail = mails_to(dir.path(), "kunde@example.com");
        assert!(mail.contains("Rotes T-Shirt"), "{mail}");
        assert!(!mail.contains("Red Tee"), "{mail}");
    }
);

for_each_backend!(
    a_cart_reminder_speaks_the_customers_language,
    |db: TestDatabase| async move {
        use domain::cart::CartOwner;
        use sea_orm::{ActiveModelTrait, Set};
        let s = shop(&db).await;
        stock(&s, SKU, 10, 0).await;
        translate_tee(&s).await;
        let admin =
            domain::accounts::Actor::user(1, domain::accounts::Role::Admin, Vec::new(), false);
        let mut form = s.store.current().get().to_input();
        form.cart_reminder_hours = "2".into();
        s.store.update(&admin, &form).await.expect("settings");
        for (email, locale) in [("anna@example.com", "de"), ("amy@example.com", "en")] {
            let id = customer(&s, email).await;
            domain::entities::user::ActiveModel {
                id: Set(id),
                locale: Set(locale.into()),
                ..Default::default()
            }
            .update(&s.db)
            .await
            .expect("locale");
            s.commerce
                .carts()
                .add(&CartOwner::User(id), SKU, 1)
                .await
                .expect("add");
        }
        // Untouched for three hours.
        domain::entities::cart::Entity::update_many()
            .col_expr(
                domain::entities::cart::Column::UpdatedAt,
                sea_orm::sea_query::Expr::value(
                    time::OffsetDateTime::now_utc() - time::Duration::hours(3),
                ),
            )
            .exec(&s.db)
            .await
            .expect("backdate");
        let swept = s.commerce.cart_reminders().sweep().await.expect("sweep");
        assert_eq!(swept.sent, 2);
        let mail_to = |to: &'static str| {
            let db = s.db.clone();
            async move {
                let mails = domain::entities::outbox_message::Entity::find()
                    .all(&db)
                    .await
                    .expect("outbox");
                let mail: serde_json::Value = mails
                    .iter()
                    .map(|m| serde_json::from_str::<serde_json::Value>(&m.payload).expect("mail"))
                    .find(|m| m["to"] == to)
                    .expect("a mail");
                format!(
                    "{}\n{}",
                    mail["subject"],
                    mail["text"].as_str().unwrap_or("")
                )
            }
        };
        let german = mail_to("anna@example.com").await;
        assert!(german.contains("Ihr Warenkorb bei"), "{german}");
        assert!(german.contains("Rotes T-Shirt (M): 1 × 25,00"), "{german}");
        assert!(german.contains("/de/cart/reminders-off?token="), "{german}");
        assert!(
            german.contains("&lang=de"),
            "back to the cart in German: {german}"
        );
        let english = mail_to("amy@example.com").await;
        assert!(english.contains("Red Tee (M): 1 × $25.00"), "{english}");
        assert!(
            !english.contains("/de/") && !english.contains("lang="),
            "{english}"
        );
    }
);

for_each_backend!(
    shipping_methods_are_named_in_the_shoppers_language,
    |db: TestDatabase| async move {
        use domain::checkout::QuoteChoices;
        use domain::shop_settings::ShopSettings;
        use model::{Currency, Locale, Money};
        let s = shop(&db).await;
        stock(&s, SKU, 10, 0).await;
        let admin =
            domain::accounts::Actor::user(1, domain::accounts::Role::Admin, Vec::new(), false);
        let settings = ShopSettings::new(s.db.clone());
        let form = |code: &'static str| {
            let (settings, s, admin) = (&settings, &s, &admin);
            async move {
                settings
                    .page(admin, &s.store, s.commerce.settings())
                    .await
                    .expect("settings")
                    .methods
                    .into_iter()
                    .find(|m| m.code == code)
                    .expect("method")
            }
        };
        // A row per language besides English; the demo's names filled in.
        let mut express = form("express").await;
        let rows: Vec<(&str, &str)> = express
            .names
            .iter()
            .map(|n| (n.locale.as_str(), n.name.as_str()))
            .collect();
        assert_eq!(
            rows,
            [
                ("de", "Express (1–2 Werktage)"),
                ("fr", "Express (1 à 2 jours)")
            ]
        );

        // Staff rename it in German and clear the French (English shows).
        express.names[0].name = "  Blitzversand ".into();
        express.names[1].name = String::new();
        settings
            .save_shipping_form(&admin, "express", express.clone(), Currency::Usd)
            .await
            .expect("save");
        let saved = form("express").await;
        assert_eq!(saved.names[0].name, "Blitzversand");
        assert_eq!(saved.names[1].name, "");

        // A language the shop does not speak is named, and nothing is saved.
        let mut bad = saved.clone();
        bad.names[0].name = "Éclair".into();
        bad.names[1].locale = "xx".into();
        let Err(domain::Error::Invalid { issues }) = settings
            .save_shipping_form(&admin, "express", bad, Currency::Usd)
            .await
        else {
            panic!("refused");
        };
        assert_eq!(issues[0].field, "names.1.name");
        let mut long = saved.clone();
        long.names[0].name = "x".repeat(81);
        assert!(settings
            .save_shipping_form(&admin, "express", long, Currency::Usd)
            .await
            .is_err());
        assert_eq!(form("express").await.names, saved.names);

        let owner = guest_cart(&s, SKU, 1).await;
        let names_in = |locale: Locale| {
            let (checkout, owner) = (&s.checkout, &owner);
            async move {
                let choices = QuoteChoices {
                    locale,
                    ..QuoteChoices::new("US", "CA", "express", "", "k@example.com")
                };
                let quote = checkout.quote(owner, &choices).await.expect("quote");
                quote
                    .shipping_options
                    .into_iter()
                    .map(|o| (o.name, o.free_from))
                    .collect::<Vec<_>>()
            }
        };
        let free = Some(Money::new(5000, Currency::Usd));
        assert_eq!(
            names_in(Locale::De).await,
            [
                ("Standard (3–5 Werktage)".to_owned(), free),
                ("Blitzversand".to_owned(), None),
                ("Economy nach Gewicht".to_owned(), None),
            ]
        );
        assert_eq!(names_in(Locale::Fr).await[1].0, "Express (1–2 days)");
        assert_eq!(
            names_in(Locale::En).await[0],
            ("Standard (3–5 days)".to_owned(), free)
        );

        // The order keeps the name it was bought under.
        let german = CheckoutInput {
            locale: Locale::De,
            ..input("kunde@example.com")
        };
        let placed = s
            .checkout
            .place_order(&owner, &german)
            .await
            .expect("place");
        let order = domain::entities::order::Entity::find_by_id(placed.id)
            .one(&s.db)
            .await
            .expect("order")
            .expect("found");
        assert_eq!(order.shipping_method, "Blitzversand");
    }
);
