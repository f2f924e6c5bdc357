//! Forgotten and changed passwords. A reset link is single-use, expires after
//! an hour, and signs out every session of the account; a change needs the
//! current password and signs out the other sessions.
use minijinja::context;
use sea_orm::sea_query::Expr;
use sea_orm::{ActiveModelTrait, ColumnTrait, EntityTrait, QueryFilter, Set};

use super::one_time::{self, RESET_PASSWORD};
use super::{now, password, sessions, throttle, two_factor, Accounts, Actor, Email};
use crate::entities::user;
use crate::mail::MailKind;
use crate::{Error, Result};

impl Accounts {
    /// Always answers the same; only an existing account gets a mail.
    pub async fn request_password_reset(&self, email: &str) -> Result<()> {
        let email = Email::parse(email)?;
        let Some(user) = self.find_by_email(&email).await? else {
            return Ok(());
        };
        let txn = crate::db::begin_write(&self.db).await?;
        let token = one_time::issue(&txn, user.id, RESET_PASSWORD, self.settings.reset_ttl).await?;
        self.templates.enqueue(
            &txn,
            MailKind::PasswordReset,
            &user.email,
            context! {
                name => user.name,
                link => self.templates.link_in(&user.locale, &format!("/reset-password?token={token}")),
                locale => &user.locale,
            },
        )
        .await?;
        txn.commit().await?;
        self.outbox.wake();
        Ok(())
    }

    /// Spends a reset link and sets the new password; every session of the
    /// account ends and its sign-in lockout is lifted. Returns the user's id.
    ///
    /// The link proves the mailbox. If the address was never confirmed, the
    /// account may have been opened by someone else: it becomes confirmed,
    /// and any second factor they set up is removed, so the real owner of
    /// the address can never be locked out of it.
    pub async fn reset_password(&self, token: &str, new_password: &str) -> Result<i32> {
        let txn = crate::db::begin_write(&self.db).await?;
        let user_id = one_time::spend(&txn, token, RESET_PASSWORD).await?;
        let user = user::Entity::find_by_id(user_id)
            .one(&txn)
            .await?
            .filter(|u| u.erased_at.is_none())
            .ok_or_else(|| Error::validation("token", "This link is no longer valid."))?;
        password::check_policy(new_password, &user.email)?;
        let hash = password::hash(new_password).await?;
        if user.email_verified_at.is_none() {
            two_factor::remove(&txn, user_id).await?;
            user::Entity::update_many()
                .col_expr(user::Column::EmailVerifiedAt, Expr::value(now()))
                .filter(user::Column::Id.eq(user_id))
                .exec(&txn)
                .await?;
        }
        throttle::clear(&txn, &format!("login:{}", user.email)).await?;
        throttle::clear(&txn, &format!("reauth:{user_id}")).await?;
        self.store_password(&txn, user, hash).await?;
        one_time::retire_all(&txn, user_id, RESET_PASSWORD).await?;
        sessions::revoke_all(&txn, user_id, None).await?;
        txn.commit().await?;
        self.outbox.wake();
        Ok(user_id)
    }

    /// Changes the password of the signed-in user; other sessions end.
    pub async fn change_password(
        &self,
        actor: &Actor,
        current: &str,
        new_password: &str,
        keep_session: Option<&str>,
    ) -> Result<()> {
        let user = self.require_active(actor).await?;
        self.confirm_password(&user, current).await?;
        password::check_policy(new_password, &user.email)?;
        if current == new_password {
            return Err(Error::validation(
                "password",
                "Choose a password different from your current one.",
            ));
        }
        let hash = password::hash(new_password).await?;
        let user_id = user.id;
        let txn = crate::db::begin_write(&self.db).await?;
        self.store_password(&txn, user, hash).await?;
        sessions::revoke_all(&txn, user_id, keep_session).await?;
        txn.commit().await?;
        self.outbox.wake();
        Ok(())
    }

    async fn store_password(
        &self,
        txn: &sea_orm::DatabaseTransaction,
        user: user::Model,
        hash: String,
    ) -> Result<()> {
        let to = user.email.clone();
        let locale = user.locale.clone();
        let mut active: user::ActiveModel = user.into();
        active.password_hash = Set(hash);
        active.updated_at = Set(now());
        active.update(txn).await?;
        self.templates
            .enqueue(
                txn,
                MailKind::PasswordChanged,
                &to,
                context! {
                    link => self.templates.link_in(&locale, "/forgot-password"),
                    locale => &locale,
                },
            )
            .await
    }
}
