//! Fixture builders for people: a signed-in browser with exactly the role
//! and permissions a test needs, instead of SQL repeated in every test.
use domain::entities::user;
use model::{Permission, Role};
use sea_orm::{sea_query::Expr, ColumnTrait, EntityTrait, QueryFilter};

use super::browser::Browser;
use super::{TestApp, PASSWORD};

impl TestApp {
    /// A browser signed in as a verified staff member holding `permissions`.
    pub async fn staff(&self, email: &str, permissions: &[Permission]) -> Browser<'_> {
        self.signed_in_as(email, Role::Staff, permissions).await
    }

    /// A browser signed in as a verified admin (every permission).
    pub async fn admin(&self, email: &str) -> Browser<'_> {
        self.signed_in_as(email, Role::Admin, &[]).await
    }

    /// Gives the account `email` exactly `role` and `permissions` and marks
    /// its address verified (the account must exist).
    pub async fn grant(&self, email: &str, role: Role, permissions: &[Permission]) {
        let permissions: Vec<&str> = permissions.iter().map(|p| p.as_str()).collect();
        let updated = user::Entity::update_many()
            .col_expr(user::Column::Role, Expr::value(role.as_str()))
            .col_expr(
                user::Column::Permissions,
                Expr::value(permissions.join(",")),
            )
            .col_expr(
                user::Column::EmailVerifiedAt,
                Expr::value(time::OffsetDateTime::now_utc()),
            )
            .filter(user::Column::Email.eq(email))
            .exec(&self.connection().await)
            .await
            .expect("grant");
        assert_eq!(updated.rows_affected, 1, "{email} is registered");
    }

    /// Registers `email` (password [`PASSWORD`]) unless it exists, gives it `role` and
    /// `permissions`, marks the address verified, and signs in.
    pub async fn signed_in_as(
        &self,
        email: &str,
        role: Role,
        permissions: &[Permission],
    ) -> Browser<'_> {
        let mut b = Browser::new(self);
        // An address already registered answers the same (no account
        // enumeration), so a second call for one email signs in again.
        b.register(email, PASSWORD).await;
        self.grant(email, role, permissions).await;
        let signed_in = b.login(email, PASSWORD).await;
        assert_eq!(signed_in.status, 200, "sign in {email}: {}", signed_in.body);
        b
    }
}
