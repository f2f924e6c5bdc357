//! Sign-up and email verification. The answer to "register" is the same
//! whether or not the email already has an account; the owner of an existing
//! account gets a mail instead, so nobody can probe for addresses.
use minijinja::context;
use sea_orm::{ActiveModelTrait, EntityTrait, Set};

use super::one_time::{self, VERIFY_EMAIL};
use super::{now, password, Accounts, Actor, Email, Role};
use crate::entities::user;
use crate::mail::MailKind;
use crate::{Error, Result};

#[derive(Clone, Debug)]
pub struct Registration<'a> {
    pub email: &'a str,
    pub password: &'a str,
    pub name: &'a str,
    pub marketing_opt_in: bool,
    /// The language the account is opened in: its mails speak it.
    pub locale: model::Locale,
}

/// A verification link was used: the address of `user_id` is confirmed.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Verified {
    pub user_id: i32,
}

pub(super) fn check_name(name: &str) -> Result<String> {
    let name = name.trim();
    if name.chars().count() > 120 {
        return Err(Error::rule(
            "name",
            model::Said::new("error-name-too-long").number("max", 120),
        ));
    }
    if name.chars().any(char::is_control) {
        return Err(Error::rule(
            "name",
            model::Said::new("error-name-characters"),
        ));
    }
    Ok(name.to_owned())
}

impl Accounts {
    pub async fn register(&self, input: Registration<'_>) -> Result<()> {
        let email = Email::parse(input.email)?;
        let name = check_name(input.name)?;
        password::check_policy(input.password, email.as_str())?;
        let hash = password::hash(input.password).await?;

        let txn = crate::db::begin_write(&self.db).await?;
        if self.find_by_email(&email).await?.is_some() {
            self.templates
                .enqueue(
                    &txn,
                    MailKind::AccountExists,
                    email.as_str(),
                    context! {
                        link => self.templates.link_in(input.locale.code(), "/forgot-password"),
                        locale => input.locale.code(),
                    },
                )
                .await?;
            txn.commit().await?;
            self.outbox.wake();
            return Ok(());
        }
        let now = now();
        let user = user::ActiveModel {
            public_id: Set(uuid::Uuid::new_v4().to_string()),
            email: Set(email.as_str().to_owned()),
            email_verified_at: Set(None),
            password_hash: Set(hash),
            name: Set(name.clone()),
            phone: Set(String::new()),
            role: Set(Role::Customer.as_str().to_owned()),
            permissions: Set(String::new()),
            marketing_opt_in: Set(input.marketing_opt_in),
            totp_secret: Set(None),
            totp_enabled_at: Set(None),
            totp_last_step: Set(None),
            created_at: Set(now),
            updated_at: Set(now),
            erased_at: Set(None),
            locale: Set(input.locale.code().to_owned()),
            ..Default::default()
        }
        .insert(&txn)
        .await;
        let user = match user {
            Ok(user) => user,
            // Lost a race with a sign-up for the same address: answer as for an existing account.
            Err(err) if is_unique_violation(&err) => {
                drop(txn);
                return Ok(());
            }
            Err(err) => return Err(err.into()),
        };
        crate::webhooks::events::customer_created(&txn, user.id).await?;
        let token = one_time::issue(&txn, user.id, VERIFY_EMAIL, self.settings.verify_ttl).await?;
        self.templates.enqueue(
            &txn,
            MailKind::VerifyEmail,
            email.as_str(),
            context! {
                name => name,
                link => self.templates.link_in(&user.locale, &format!("/verify-email?token={token}")),
                locale => &user.locale,
            },
        )
        .await?;
        txn.commit().await?;
        self.outbox.wake();
        Ok(())
    }

    /// Spends a verification link: marks the email verified and sends the welcome mail.
    pub async fn verify_email(&self, token: &str) -> Result<Verified> {
        let txn = crate::db::begin_write(&self.db).await?;
        let user_id = one_time::spend(&txn, token, VERIFY_EMAIL).await?;
        let user = user::Entity::find_by_id(user_id)
            .one(&txn)
            .await?
            .filter(|u| u.erased_at.is_none())
            .ok_or_else(|| Error::rule("token", model::Said::new("error-link-expired")))?;
        if user.email_verified_at.is_none() {
            let name = user.name.clone();
            let to = user.email.clone();
            let locale = user.locale.clone();
            let mut active: user::ActiveModel = user.into();
            active.email_verified_at = Set(Some(now()));
            active.updated_at = Set(now());
            active.update(&txn).await?;
            self.templates
                .enqueue(
                    &txn,
                    MailKind::Welcome,
                    &to,
                    context! {
                        name => name,
                        link => self.templates.link_in(&locale, "/"),
                        locale => &locale,
                    },
                )
                .await?;
        }
        one_time::retire_all(&txn, user_id, VERIFY_EMAIL).await?;
        // Whoever opened the account may not own the address just confirmed:
        // sessions from before the confirmation end with it.
        super::sessions::revoke_all(&txn, user_id, None).await?;
        txn.commit().await?;
        self.outbox.wake();
        Ok(Verified { user_id })
    }

    /// Sends a fresh verification link to a signed-in, unverified user.
    pub async fn resend_verification(&self, actor: &Actor) -> Result<()> {
        let user = self.require_active(actor).await?;
        if user.email_verified_at.is_some() {
            return Err(Error::Clash(model::Said::new("error-email-confirmed")));
        }
        let txn = crate::db::begin_write(&self.db).await?;
        let token = one_time::issue(&txn, user.id, VERIFY_EMAIL, self.settings.verify_ttl).await?;
        self.templates.enqueue(
            &txn,
            MailKind::VerifyEmail,
            &user.email,
            context! {
                name => user.name,
                link => self.templates.link_in(&user.locale, &format!("/verify-email?token={token}")),
                locale => &user.locale,
            },
        )
        .await?;
        txn.commit().await?;
        self.outbox.wake();
        Ok(())
    }
}

pub(super) fn is_unique_violation(err: &sea_orm::DbErr) -> bool {
    matches!(
        err.sql_err(),
        Some(sea_orm::SqlErr::UniqueConstraintViolation(_))
    )
}
