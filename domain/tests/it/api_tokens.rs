//! API tokens on SQLite and PostgreSQL: the secret is shown once and kept
//! hashed; only admins make, list and revoke them; a token works until it
//! is revoked or expires, never reaches beyond its maker's areas, and its
//! writes are audited with its name.
use domain::accounts::{Actor, Permission, Role};
use domain::api_tokens::{Access, ApiTokens, NewApiToken, Scope};
use domain::entities::{api_token, audit_entry, user};
use domain::Error;
use sea_orm::sea_query::Expr;
use sea_orm::{ActiveModelTrait, ColumnTrait, EntityTrait, QueryFilter, QueryOrder, Set};
use testkit::{for_each_backend, TestDatabase};

use crate::support::{add_user, shop};

fn scope(area: Permission, access: Access) -> Scope {
    Scope::new(area, access)
}

for_each_backend!(
    tokens_are_shown_once_and_revocable,
    |tdb: TestDatabase| async move {
        let s = shop(&tdb).await;
        let now = time::OffsetDateTime::now_utc();
        let admin_id = add_user(&s.db, "admin@example.com", "admin", now).await;
        let admin = Actor::user(admin_id, Role::Admin, Vec::new(), false);
        let staff = Actor::user(
            admin_id + 100,
            Role::Staff,
            vec![Permission::Catalog],
            false,
        );
        let tokens = ApiTokens::new(s.db.clone());

        // Only admins; a form with nothing in it names each field.
        let new = NewApiToken {
            name: "ERP sync".into(),
            scopes: vec![
                scope(Permission::Catalog, Access::Read),
                scope(Permission::Orders, Access::Write),
            ],
            expires_in_days: Some(30),
        };
        assert!(matches!(
            tokens.create(&staff, new.clone()).await,
            Err(Error::Forbidden)
        ));
        assert!(matches!(
            tokens.create(&Actor::anonymous(), new.clone()).await,
            Err(Error::Unauthenticated)
        ));
        match tokens
            .create(
                &admin,
                NewApiToken {
                    name: " ".into(),
                    scopes: vec![],
                    expires_in_days: Some(0),
                },
            )
            .await
        {
            Err(Error::Invalid { issues }) => {
                let fields: Vec<_> = issues.iter().map(|i| i.field.as_str()).collect();
                assert_eq!(fields, ["name", "scopes", "expires_in_days"]);
            }
            other => panic!("expected field issues, got {other:?}"),
        }

        let made = tokens.create(&admin, new).await.expect("create");
        assert!(made.secret.starts_with("mct_"));
        assert!(made.secret.starts_with(&made.token.prefix));
        assert_eq!(made.token.created_by.as_deref(), Some("admin@example.com"));
        // Stored as a digest: the secret is nowhere in the row.
        let row = api_token::Entity::find_by_id(made.token.id)
            .one(&s.db)
            .await
            .unwrap()
            .unwrap();
        assert_ne!(row.token_hash, made.secret);
        assert!(!format!("{row:?}").contains(&made.secret));
        let listed = tokens.list(&admin).await.expect("list");
        assert_eq!(listed.len(), 1);
        assert!(!format!("{listed:?}").contains(&made.secret));
        assert!(matches!(tokens.list(&staff).await, Err(Error::Forbidden)));

        // The token works, and records that it was used.
        let caller = tokens
            .authenticate(&made.secret)
            .await
            .expect("authenticate");
        assert_eq!(caller.name, "ERP sync");
        assert!(caller.allows(scope(Permission::Catalog, Access::Read)));
        assert!(!caller.allows(scope(Permission::Catalog, Access::Write)));
        assert!(caller.allows(scope(Permission::Orders, Access::Read)));
        assert!(caller.allows(scope(Permission::Orders, Access::Write)));
        assert!(!caller.allows(scope(Permission::Customers, Access::Read)));
        assert!(caller.actor.require(Permission::Orders).is_ok());
        assert!(matches!(
            caller.actor.require(Permission::Customers),
            Err(Error::Forbidden)
        ));
        // A token never manages staff or other tokens.
        assert!(matches!(
            caller.actor.require_admin(),
            Err(Error::Forbidden)
        ));
        assert!(tokens.list(&admin).await.unwrap()[0].last_used_at.is_some());

        // A wrong or mangled secret says nothing about why.
        for bad in [
            "",
            "mct_",
            "mct_nope",
            "not-a-token",
            &format!("{}x", made.secret),
        ] {
            assert!(
                matches!(tokens.authenticate(bad).await, Err(Error::Unauthenticated)),
                "{bad}"
            );
        }

        // Revoked: the next request fails; revoking again is a conflict.
        tokens.revoke(&admin, made.token.id).await.expect("revoke");
        assert!(matches!(
            tokens.authenticate(&made.secret).await,
            Err(Error::Unauthenticated)
        ));
        assert!(matches!(
            tokens.revoke(&admin, made.token.id).await,
            Err(Error::Conflict(_))
        ));
        assert!(matches!(
            tokens.revoke(&admin, 999_999).await,
            Err(Error::NotFound { .. })
        ));
        let actions: Vec<String> = audit_entry::Entity::find()
            .order_by_asc(audit_entry::Column::Id)
            .all(&s.db)
            .await
            .unwrap()
            .into_iter()
            .map(|e| e.action)
            .collect();
        assert_eq!(actions, ["api_token.create", "api_token.revoke"]);
    }
);

for_each_backend!(
    tokens_expire_and_follow_their_maker,
    |tdb: TestDatabase| async move {
        let s = shop(&tdb).await;
        let now = time::OffsetDateTime::now_utc();
        let admin_id = add_user(&s.db, "boss@example.com", "admin", now).await;
        let admin = Actor::user(admin_id, Role::Admin, Vec::new(), false);
        let tokens = ApiTokens::new(s.db.clone());
        let made = tokens
            .create(
                &admin,
                NewApiToken {
                    name: "Fulfilment".into(),
                    scopes: vec![
                        scope(Permission::Catalog, Access::Write),
                        scope(Permission::Orders, Access::Read),
                    ],
                    expires_in_days: None,
                },
            )
            .await
            .unwrap();
        assert!(tokens.authenticate(&made.secret).await.is_ok());

        // The maker becomes staff with catalog only: the token keeps catalog alone.
        user::Entity::update_many()
            .col_expr(user::Column::Role, Expr::value("staff"))
            .col_expr(user::Column::Permissions, Expr::value("catalog"))
            .filter(user::Column::Id.eq(admin_id))
            .exec(&s.db)
            .await
            .unwrap();
        let caller = tokens.authenticate(&made.secret).await.unwrap();
        assert_eq!(
            caller.scopes,
            vec![scope(Permission::Catalog, Access::Write)]
        );
        assert!(matches!(
            caller.actor.require(Permission::Orders),
            Err(Error::Forbidden)
        ));

        // Demoted to customer, or disabled: the token stops.
        user::Entity::update_many()
            .col_expr(user::Column::Role, Expr::value("customer"))
            .filter(user::Column::Id.eq(admin_id))
            .exec(&s.db)
            .await
            .unwrap();
        assert!(matches!(
            tokens.authenticate(&made.secret).await,
            Err(Error::Unauthenticated)
        ));

        // Expired yesterday: refused.
        let mut row: api_token::ActiveModel = api_token::Entity::find_by_id(made.token.id)
            .one(&s.db)
            .await
            .unwrap()
            .unwrap()
            .into();
        row.expires_at = Set(Some(now - time::Duration::days(1)));
        row.update(&s.db).await.unwrap();
        user::Entity::update_many()
            .col_expr(user::Column::Role, Expr::value("admin"))
            .filter(user::Column::Id.eq(admin_id))
            .exec(&s.db)
            .await
            .unwrap();
        assert!(matches!(
            tokens.authenticate(&made.secret).await,
            Err(Error::Unauthenticated)
        ));
    }
);

for_each_backend!(
    token_writes_are_audited_with_its_name,
    |tdb: TestDatabase| async move {
        let s = shop(&tdb).await;
        let now = time::OffsetDateTime::now_utc();
        let admin_id = add_user(&s.db, "owner@example.com", "admin", now).await;
        let admin = Actor::user(admin_id, Role::Admin, Vec::new(), false);
        let tokens = ApiTokens::new(s.db.clone());
        let made = tokens
            .create(
                &admin,
                NewApiToken {
                    name: "ERP".into(),
                    scopes: vec![scope(Permission::Catalog, Access::Write)],
                    expires_in_days: None,
                },
            )
            .await
            .unwrap();
        let caller = tokens.authenticate(&made.secret).await.unwrap();
        domain::inventory::Inventory::new(s.db.clone())
            .adjust(
                &caller.actor,
                crate::support::SKU,
                "EAST",
                3,
                domain::inventory::Reason::Received,
                "",
            )
            .await
            .expect("a catalog write through the token");
        let page = domain::audit::search(&s.db, &admin, "", 1).await.unwrap();
        let newest = &page.entries[0];
        assert_eq!(newest.who, "owner@example.com via API token \"ERP\"");
        let via: Vec<Option<String>> = audit_entry::Entity::find()
            .order_by_asc(audit_entry::Column::Id)
            .all(&s.db)
            .await
            .unwrap()
            .into_iter()
            .map(|e| e.via)
            .collect();
        assert_eq!(
            via.first(),
            Some(&None),
            "the admin's own change has no token"
        );
        assert_eq!(via.last(), Some(&Some("API token \"ERP\"".into())));
    }
);
