//! Accounts and identity providers: signing in, signing up and linking
//! with an identity the provider verified (`identity_providers`).
//!
//! - A known subject signs in to its account (then the second factor, if
//!   the account has one).
//! - An unknown subject whose provider-verified email has no account opens
//!   one, its email verified and no password (a reset mail sets one).
//! - An unknown subject whose provider-verified email has an account is
//!   linked only once the shopper confirms it (`confirm_link`). If that
//!   account's email was never verified, whoever opened it never proved
//!   the address: its password, authenticator and sessions go with the
//!   link, so a pre-registered account can't be kept by its opener.
//! - Without a verified email, nothing is matched or opened by email.
//! - Signed in, a shopper links a provider from their security settings
//!   and unlinks it there, never their last way to sign in.
use minijinja::context;
use sea_orm::sea_query::Expr;
use sea_orm::{ActiveModelTrait, ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, Set};
use serde::{Deserialize, Serialize};

use super::login::disabled;
use super::register::{check_name, is_unique_violation};
use super::{now, sessions, Accounts, Actor, Email, Role};
use crate::entities::{user, user_identity};
use crate::identity_providers::{ExternalIdentity, PENDING_FOR_SECS};
use crate::mail::MailKind;
use crate::{Error, Result};
use model::accounts::LinkedIdentity;

/// Where a provider's sign-in leads.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ExternalSignIn {
    SignedIn {
        user_id: i32,
    },
    /// The account has 2FA: its code comes next.
    SecondFactor {
        user_id: i32,
    },
    /// An account has this email: the shopper confirms the link first.
    Confirm(PendingLink),
    /// Linked to the signed-in shopper's account.
    Linked,
}

/// A link waiting for the shopper's yes (kept in their session).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct PendingLink {
    pub provider: String,
    pub label: String,
    pub subject: String,
    pub email: String,
    pub user_id: i32,
    pub at: i64,
}

impl Accounts {
    /// The identity is back from its provider; `linking` is the signed-in
    /// shopper who asked to link it.
    pub async fn sign_in_external(
        &self,
        who: &ExternalIdentity,
        linking: Option<i32>,
    ) -> Result<ExternalSignIn> {
        let known = user_identity::Entity::find()
            .filter(user_identity::Column::Provider.eq(&who.provider))
            .filter(user_identity::Column::Subject.eq(&who.subject))
            .one(&self.db)
            .await?;
        if let Some(user_id) = linking {
            return match known {
                Some(k) if k.user_id == user_id => Ok(ExternalSignIn::Linked),
                Some(_) => Err(Error::Clash(
                    model::Said::new("error-identity-signs-in-elsewhere")
                        .text("provider", &who.label),
                )),
                None => {
                    let user = self
                        .find_active(user_id)
                        .await?
                        .ok_or(Error::Unauthenticated)?;
                    let txn = crate::db::begin_write(&self.db).await?;
                    self.link(&txn, user_id, who).await?;
                    self.mail_sign_in_change(&txn, &user, "mail-what-provider-linked", &who.label)
                        .await?;
                    txn.commit().await?;
                    self.outbox.wake();
                    Ok(ExternalSignIn::Linked)
                }
            };
        }
        if let Some(k) = known {
            let user = self.find_active(k.user_id).await?.ok_or_else(disabled)?;
            self.staff_may_use(&user, Some(&who.provider))?;
            touch(&self.db, k.id).await?;
            return Ok(signed_in(&user));
        }
        let email = match (&who.email, who.email_verified) {
            (Some(email), true) => Email::parse(email)?,
            _ => {
                return Err(Error::rule(
                    "provider",
                    model::Said::new("error-identity-email-unconfirmed")
                        .text("provider", &who.label),
                ))
            }
        };
        if let Some(user) = self.find_by_email(&email).await? {
            if user.disabled_at.is_some() {
                return Err(disabled());
            }
            return Ok(ExternalSignIn::Confirm(PendingLink {
                provider: who.provider.clone(),
                label: who.label.clone(),
                subject: who.subject.clone(),
                email: user.email,
                user_id: user.id,
                at: now().unix_timestamp(),
            }));
        }
        self.open_account(who, &email).await
    }

    /// The shopper said yes to linking their account.
    pub async fn confirm_link(&self, pending: &PendingLink) -> Result<ExternalSignIn> {
        if now().unix_timestamp() - pending.at > PENDING_FOR_SECS {
            return Err(Error::rule(
                "provider",
                model::Said::new("error-identity-too-slow"),
            ));
        }
        let user = self
            .find_active(pending.user_id)
            .await?
            .ok_or_else(disabled)?;
        self.staff_may_use(&user, Some(&pending.provider))?;
        let txn = crate::db::begin_write(&self.db).await?;
        let who = ExternalIdentity {
            provider: pending.provider.clone(),
            label: pending.label.clone(),
            subject: pending.subject.clone(),
            email: Some(pending.email.clone()),
            email_verified: true,
            name: String::new(),
        };
        self.link(&txn, user.id, &who).await?;
        self.mail_sign_in_change(&txn, &user, "mail-what-provider-linked", &pending.label)
            .await?;
        let user = if user.email_verified_at.is_none() {
            sessions::revoke_all(&txn, user.id, None).await?;
            let mut taken: user::ActiveModel = user.into();
            taken.email_verified_at = Set(Some(now()));
            taken.password_hash = Set(String::new());
            taken.totp_secret = Set(None);
            taken.totp_enabled_at = Set(None);
            taken.totp_last_step = Set(None);
            taken.updated_at = Set(now());
            taken.update(&txn).await?
        } else {
            user
        };
        txn.commit().await?;
        self.outbox.wake();
        Ok(signed_in(&user))
    }

    /// The signed-in shopper's linked providers.
    pub async fn identities(&self, actor: &Actor) -> Result<Vec<LinkedIdentity>> {
        let user = self.require_active(actor).await?;
        Ok(user_identity::Entity::find()
            .filter(user_identity::Column::UserId.eq(user.id))
            .all(&self.db)
            .await?
            .into_iter()
            .map(|i| LinkedIdentity {
                provider: i.provider,
                email: i.email,
                linked_at: i.created_at.unix_timestamp(),
            })
            .collect())
    }

    /// Whether the signed-in shopper has a password to sign in with.
    pub async fn has_password(&self, actor: &Actor) -> Result<bool> {
        Ok(!self.require_active(actor).await?.password_hash.is_empty())
    }

    /// Unlinks a provider, unless it is the account's last way in;
    /// `label` names it in the owner's mail.
    pub async fn unlink(&self, actor: &Actor, provider: &str, label: &str) -> Result<()> {
        let user = self.require_active(actor).await?;
        let txn = crate::db::begin_write(&self.db).await?;
        // Two unlinks at once must not both see the other's sign-in left.
        crate::db::lock_key(&txn, &format!("identities:user:{}", user.id)).await?;
        let linked = user_identity::Entity::find()
            .filter(user_identity::Column::UserId.eq(user.id))
            .all(&txn)
            .await?;
        if !linked.iter().any(|i| i.provider == provider) {
            return Err(Error::not_found("linked sign-in"));
        }
        if user.password_hash.is_empty() && linked.len() == 1 {
            return Err(Error::Clash(model::Said::new("error-identity-only-way-in")));
        }
        user_identity::Entity::delete_many()
            .filter(user_identity::Column::UserId.eq(user.id))
            .filter(user_identity::Column::Provider.eq(provider))
            .exec(&txn)
            .await?;
        self.mail_sign_in_change(&txn, &user, "mail-what-provider-unlinked", label)
            .await?;
        txn.commit().await?;
        self.outbox.wake();
        Ok(())
    }

    /// Tells the owner how they sign in changed, with the way out if it
    /// wasn't them.
    async fn mail_sign_in_change<C: ConnectionTrait>(
        &self,
        conn: &C,
        user: &user::Model,
        what: &str,
        provider: &str,
    ) -> Result<()> {
        self.templates
            .enqueue(
                conn,
                MailKind::SignInChanged,
                &user.email,
                context! {
                    what => what,
                    provider => provider,
                    link => self.templates.link_in(&user.locale, "/forgot-password"),
                    locale => &user.locale,
                },
            )
            .await
    }

    async fn link<C: ConnectionTrait>(
        &self,
        conn: &C,
        user_id: i32,
        who: &ExternalIdentity,
    ) -> Result<()> {
        let at = now();
        let added = user_identity::ActiveModel {
            user_id: Set(user_id),
            provider: Set(who.provider.clone()),
            subject: Set(who.subject.clone()),
            email: Set(who
                .email
                .as_deref()
                .map(|e| e.trim().to_lowercase())
                .unwrap_or_default()),
            created_at: Set(at),
            last_used_at: Set(at),
            ..Default::default()
        }
        .insert(conn)
        .await;
        match added {
            Ok(_) => Ok(()),
            Err(e) if is_unique_violation(&e) => Err(Error::Clash(
                model::Said::new("error-identity-linked-to-another").text("provider", &who.label),
            )),
            Err(e) => Err(e.into()),
        }
    }

    /// A new customer account for a provider-verified email.
    async fn open_account(&self, who: &ExternalIdentity, email: &Email) -> Result<ExternalSignIn> {
        let name = check_name(&who.name).unwrap_or_default();
        let at = now();
        let txn = crate::db::begin_write(&self.db).await?;
        let user = user::ActiveModel {
            public_id: Set(uuid::Uuid::new_v4().to_string()),
            email: Set(email.as_str().to_owned()),
            email_verified_at: Set(Some(at)),
            // No password: signing in is the provider's (a reset sets one).
            password_hash: Set(String::new()),
            name: Set(name.clone()),
            phone: Set(String::new()),
            role: Set(Role::Customer.as_str().to_owned()),
            permissions: Set(String::new()),
            marketing_opt_in: Set(false),
            created_at: Set(at),
            updated_at: Set(at),
            ..Default::default()
        }
        .insert(&txn)
        .await
        .map_err(|e| {
            if is_unique_violation(&e) {
                Error::Clash(model::Said::new("error-identity-account-just-opened"))
            } else {
                e.into()
            }
        })?;
        self.link(&txn, user.id, who).await?;
        crate::webhooks::events::customer_created(&txn, user.id).await?;
        self.templates
            .enqueue(
                &txn,
                MailKind::Welcome,
                email.as_str(),
                context! { name => name, link => self.templates.link("/") },
            )
            .await?;
        txn.commit().await?;
        self.outbox.wake();
        Ok(ExternalSignIn::SignedIn { user_id: user.id })
    }
}

fn signed_in(user: &user::Model) -> ExternalSignIn {
    if user.totp_enabled_at.is_some() {
        ExternalSignIn::SecondFactor { user_id: user.id }
    } else {
        ExternalSignIn::SignedIn { user_id: user.id }
    }
}

async fn touch<C: ConnectionTrait>(conn: &C, id: i32) -> Result<()> {
    user_identity::Entity::update_many()
        .col_expr(user_identity::Column::LastUsedAt, Expr::value(now()))
        .filter(user_identity::Column::Id.eq(id))
        .exec(conn)
        .await?;
    Ok(())
}
