//! Accounts and identity providers: what a verified identity may open,
//! sign in to and link, on SQLite and PostgreSQL. (The round trip to a
//! real provider is `server/tests/it/sign_in_with_provider.rs`.)
use domain::accounts::identities::ExternalSignIn;
use domain::accounts::{AccountSettings, Accounts, Actor, LoginOutcome, Role, StaffProvider};
use domain::entities::{user, user_identity};
use domain::identity_providers::ExternalIdentity;
use domain::Error;
use sea_orm::sea_query::Expr;
use sea_orm::{ColumnTrait, EntityTrait, PaginatorTrait, QueryFilter};
use testkit::for_each_backend;
use testkit::TestDatabase;

use crate::support::*;

const PASSWORD: &str = "Quiet-Lantern-Orbit-4711";

fn accounts(s: &Shop, settings: AccountSettings) -> Accounts {
    Accounts::new(
        s.db.clone(),
        settings,
        s.store.current(),
        domain::outbox::OutboxSignal::default(),
    )
    .expect("accounts")
}

fn acme(subject: &str, email: &str, verified: bool) -> ExternalIdentity {
    ExternalIdentity {
        provider: "acme".into(),
        label: "Acme ID".into(),
        subject: subject.into(),
        email: Some(email.into()),
        email_verified: verified,
        name: "Ann Acme".into(),
    }
}

async fn registered(a: &Accounts, s: &Shop, email: &str, verified: bool) -> user::Model {
    a.register(domain::accounts::Registration {
        email,
        password: PASSWORD,
        name: "Reg",
        marketing_opt_in: false,
        locale: Default::default(),
    })
    .await
    .expect("register");
    let user = the_user(s, email).await;
    if verified {
        set_user(s, user.id, user::Column::EmailVerifiedAt, now()).await;
    }
    the_user(s, email).await
}

/// Sets one column of a user, as staff or time would.
async fn set_user(s: &Shop, id: i32, column: user::Column, value: sea_orm::Value) {
    user::Entity::update_many()
        .col_expr(column, Expr::value(value))
        .filter(user::Column::Id.eq(id))
        .exec(&s.db)
        .await
        .expect("update user");
}

fn now() -> sea_orm::Value {
    time::OffsetDateTime::now_utc().into()
}

async fn the_user(s: &Shop, email: &str) -> user::Model {
    user::Entity::find()
        .filter(user::Column::Email.eq(email))
        .one(&s.db)
        .await
        .expect("q")
        .expect("user")
}

/// Mail in the outbox whose text says `what`.
async fn mails_saying(s: &Shop, what: &str) -> usize {
    domain::entities::outbox_message::Entity::find()
        .all(&s.db)
        .await
        .expect("outbox")
        .iter()
        .filter(|m| m.payload.contains(what))
        .count()
}

async fn links(s: &Shop) -> u64 {
    user_identity::Entity::find()
        .count(&s.db)
        .await
        .expect("count")
}

for_each_backend!(
    a_new_verified_identity_opens_an_account_and_signs_in_again,
    |db: TestDatabase| async move {
        let s = shop(&db).await;
        let a = accounts(&s, AccountSettings::default());
        let first = a
            .sign_in_external(&acme("sub-1", "Ann@Example.com", true), None)
            .await
            .expect("first");
        let ExternalSignIn::SignedIn { user_id } = first else {
            panic!("{first:?}")
        };
        let ann = the_user(&s, "ann@example.com").await;
        assert_eq!(ann.id, user_id);
        assert!(
            ann.email_verified_at.is_some(),
            "the provider vouched for it"
        );
        assert!(ann.password_hash.is_empty(), "no password to guess");
        assert_eq!(ann.name, "Ann Acme");
        assert!(
            matches!(
                a.login("ann@example.com", "").await,
                Err(Error::InvalidCredentials)
            ),
            "no password sign-in without a password"
        );
        let again = a
            .sign_in_external(&acme("sub-1", "changed@example.com", true), None)
            .await
            .expect("again");
        assert_eq!(again, ExternalSignIn::SignedIn { user_id });
        let actor = Actor::user(user_id, Role::Customer, Vec::new(), false);
        let linked = a.identities(&actor).await.expect("identities");
        assert_eq!(linked.len(), 1);
        assert_eq!(
            (linked[0].provider.as_str(), linked[0].email.as_str()),
            ("acme", "ann@example.com")
        );
        // Its only way in can't be unlinked.
        assert!(matches!(
            a.unlink(&actor, "acme", "Acme ID").await,
            Err(Error::Clash(_))
        ));
        assert_eq!(links(&s).await, 1);
    }
);

for_each_backend!(
    without_a_verified_email_nothing_is_opened_or_matched,
    |db: TestDatabase| async move {
        let s = shop(&db).await;
        let a = accounts(&s, AccountSettings::default());
        registered(&a, &s, "bo@example.com", true).await;
        for who in [
            acme("sub-2", "bo@example.com", false),
            acme("sub-3", "new@example.com", false),
            ExternalIdentity {
                email: None,
                ..acme("sub-4", "", true)
            },
        ] {
            let err = a.sign_in_external(&who, None).await.expect_err("refused");
            assert!(
                matches!(&err, Error::Validation { field, message, .. } if *field == "provider" && message.contains("Acme ID")),
                "{err:?}"
            );
        }
        assert_eq!(links(&s).await, 0);
        assert_eq!(user::Entity::find().count(&s.db).await.unwrap(), 1);
    }
);

for_each_backend!(
    an_existing_account_is_linked_only_when_confirmed,
    |db: TestDatabase| async move {
        let s = shop(&db).await;
        let a = accounts(&s, AccountSettings::default());
        let cy = registered(&a, &s, "cy@example.com", true).await;
        let asked = a
            .sign_in_external(&acme("sub-5", "cy@example.com", true), None)
            .await
            .expect("asked");
        let ExternalSignIn::Confirm(pending) = asked else {
            panic!("{asked:?}")
        };
        assert_eq!(
            (pending.user_id, pending.email.as_str()),
            (cy.id, "cy@example.com")
        );
        assert_eq!(links(&s).await, 0, "nothing linked before the yes");
        let yes = a.confirm_link(&pending).await.expect("confirm");
        assert_eq!(yes, ExternalSignIn::SignedIn { user_id: cy.id });
        assert!(
            matches!(
                a.login("cy@example.com", PASSWORD).await,
                Ok(LoginOutcome::SignedIn { .. })
            ),
            "a verified account keeps its password"
        );
        assert_eq!(
            a.sign_in_external(&acme("sub-5", "cy@example.com", true), None)
                .await
                .expect("next time"),
            ExternalSignIn::SignedIn { user_id: cy.id }
        );
        // Confirming twice can't link twice.
        assert!(matches!(
            a.confirm_link(&pending).await,
            Err(Error::Clash(_))
        ));
        // With a password left, unlinking is fine.
        let actor = Actor::user(cy.id, Role::Customer, Vec::new(), false);
        a.unlink(&actor, "acme", "Acme ID").await.expect("unlink");
        assert_eq!(links(&s).await, 0);
        // The owner heard of both.
        for told in [
            "Acme ID can now sign you in",
            "Acme ID can no longer sign you in",
        ] {
            assert_eq!(mails_saying(&s, told).await, 1, "{told}");
        }
        assert!(matches!(
            a.unlink(&actor, "acme", "Acme ID").await,
            Err(Error::NotFound { .. })
        ));
    }
);

for_each_backend!(
    a_pre_registered_unverified_account_loses_its_openers_password,
    |db: TestDatabase| async move {
        let s = shop(&db).await;
        let a = accounts(&s, AccountSettings::default());
        // Someone opened an account with this address and never proved it.
        let squat = registered(&a, &s, "di@example.com", false).await;
        let ExternalSignIn::Confirm(pending) = a
            .sign_in_external(&acme("sub-6", "di@example.com", true), None)
            .await
            .expect("asked")
        else {
            panic!("a confirmation")
        };
        assert_eq!(
            a.confirm_link(&pending).await.expect("confirm"),
            ExternalSignIn::SignedIn { user_id: squat.id }
        );
        let di = the_user(&s, "di@example.com").await;
        assert!(di.email_verified_at.is_some());
        assert!(di.password_hash.is_empty());
        assert!(matches!(
            a.login("di@example.com", PASSWORD).await,
            Err(Error::InvalidCredentials)
        ));
    }
);

for_each_backend!(
    linking_from_the_account_and_second_factors,
    |db: TestDatabase| async move {
        let s = shop(&db).await;
        let a = accounts(&s, AccountSettings::default());
        let ed = registered(&a, &s, "ed@example.com", true).await;
        let fay = registered(&a, &s, "fay@example.com", true).await;
        // Signed in as Ed, linking an identity whose email is someone else's.
        let who = acme("sub-7", "ed.other@example.com", true);
        assert_eq!(
            a.sign_in_external(&who, Some(ed.id)).await.expect("link"),
            ExternalSignIn::Linked
        );
        assert_eq!(
            a.sign_in_external(&who, Some(ed.id)).await.expect("again"),
            ExternalSignIn::Linked
        );
        // The same identity can't also link to Fay; Ed can't link a second Acme.
        assert!(matches!(
            a.sign_in_external(&who, Some(fay.id)).await,
            Err(Error::Clash(_))
        ));
        assert!(matches!(
            a.sign_in_external(&acme("sub-8", "x@example.com", true), Some(ed.id))
                .await,
            Err(Error::Clash(_))
        ));
        assert_eq!(links(&s).await, 1);
        // With 2FA on, the provider's sign-in still asks for the code.
        set_user(&s, ed.id, user::Column::TotpEnabledAt, now()).await;
        assert_eq!(
            a.sign_in_external(&who, None).await.expect("sign in"),
            ExternalSignIn::SecondFactor { user_id: ed.id }
        );
        // A disabled account doesn't sign in this way either.
        set_user(&s, ed.id, user::Column::DisabledAt, now()).await;
        assert!(matches!(
            a.sign_in_external(&who, None).await,
            Err(Error::Clash(_))
        ));
    }
);

for_each_backend!(
    staff_can_be_required_to_use_the_provider,
    |db: TestDatabase| async move {
        let s = shop(&db).await;
        let a = accounts(
            &s,
            AccountSettings {
                staff_provider: Some(StaffProvider {
                    id: "acme".into(),
                    label: "Acme ID".into(),
                }),
                ..AccountSettings::default()
            },
        );
        let gus = registered(&a, &s, "gus@example.com", true).await;
        set_user(&s, gus.id, user::Column::Role, "staff".into()).await;
        let err = a
            .login("gus@example.com", PASSWORD)
            .await
            .expect_err("no password for staff");
        assert!(
            matches!(&err, Error::Clash(_))
                && err.user_message().contains("Staff sign in with Acme ID"),
            "{err:?}"
        );
        let other = ExternalIdentity {
            provider: "google".into(),
            label: "Google".into(),
            ..acme("g-1", "gus@example.com", true)
        };
        assert_eq!(
            a.sign_in_external(&other, Some(gus.id))
                .await
                .expect("link"),
            ExternalSignIn::Linked
        );
        assert!(matches!(
            a.sign_in_external(&other, None).await,
            Err(Error::Clash(_))
        ));
        let ExternalSignIn::Confirm(pending) = a
            .sign_in_external(&acme("sub-9", "gus@example.com", true), None)
            .await
            .expect("asked")
        else {
            panic!("a confirmation")
        };
        assert_eq!(
            a.confirm_link(&pending).await.expect("confirm"),
            ExternalSignIn::SignedIn { user_id: gus.id }
        );
        // Customers keep their passwords.
        registered(&a, &s, "hal@example.com", true).await;
        assert!(a.login("hal@example.com", PASSWORD).await.is_ok());
    }
);
