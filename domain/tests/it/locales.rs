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
