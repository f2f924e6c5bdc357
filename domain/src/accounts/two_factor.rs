//! TOTP two-factor authentication (RFC 6238, 30 s steps, ±1 step of clock
//! skew): enrol with a QR code, confirm with a code, 10 single-use recovery
//! codes stored hashed. A code's time step is accepted once (no replay).
use minijinja::context;
use qrcode::render::svg;
use qrcode::QrCode;
use sea_orm::sea_query::{Expr, ExprTrait};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QuerySelect, Set,
};
use serde::{Deserialize, Serialize};
use totp_rs::{Builder, Secret, Totp};

use super::{now, password, throttle, tokens, Accounts, Actor};
use crate::entities::{recovery_code, user};
use crate::mail::MailKind;
use crate::{Error, Result};
use model::Said;

pub const RECOVERY_CODE_COUNT: usize = 10;

#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct Enrolment {
    /// For typing into an app that cannot scan.
    pub secret_base32: String,
    pub otpauth_url: String,
    /// The otpauth URL as an inline SVG QR code.
    pub qr_svg: String,
}

/// Shown once, right after they are made.
#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct RecoveryCodes {
    pub codes: Vec<String>,
}

pub fn totp(secret_base32: &str, account: &str, issuer: &str) -> Result<Totp> {
    let secret = Secret::try_from_base32(secret_base32).map_err(Error::internal)?;
    Builder::new()
        .with_secret(secret)
        .with_account_name(account)
        .with_issuer(Some(issuer.replace(':', "")))
        .build()
        .map_err(Error::internal)
}

fn unix_now() -> u64 {
    std::cmp::max(now().unix_timestamp(), 0) as u64
}

/// Accepts a code for the user's secret once per time step.
pub(super) async fn accept_totp<C: ConnectionTrait>(
    conn: &C,
    secrets: &crate::secrets::SecretBox,
    user: &user::Model,
    code: &str,
) -> Result<bool> {
    let Some(sealed) = user.totp_secret.as_deref() else {
        return Ok(false);
    };
    let secret = secrets.open(sealed)?;
    let secret = secret.as_str();
    let code: String = code.chars().filter(|c| !c.is_whitespace()).collect();
    if code.len() != 6 || !code.chars().all(|c| c.is_ascii_digit()) {
        return Ok(false);
    }
    let Some(step) = totp(secret, &user.email, "Mercato")?.check(&code, unix_now()) else {
        return Ok(false);
    };
    let step = step as i64;
    let taken = user::Entity::update_many()
        .col_expr(user::Column::TotpLastStep, Expr::value(step))
        .filter(user::Column::Id.eq(user.id))
        .filter(
            user::Column::TotpLastStep
                .is_null()
                .or(user::Column::TotpLastStep.lt(step)),
        )
        .exec(conn)
        .await?;
    Ok(taken.rows_affected == 1)
}

pub(super) async fn spend_recovery_code<C: ConnectionTrait>(
    conn: &C,
    user_id: i32,
    code: &str,
) -> Result<bool> {
    let normalised = tokens::normalise_code(code);
    if normalised.len() != 12 {
        return Ok(false);
    }
    let spent = recovery_code::Entity::update_many()
        .col_expr(recovery_code::Column::UsedAt, Expr::value(now()))
        .filter(recovery_code::Column::UserId.eq(user_id))
        .filter(recovery_code::Column::CodeHash.eq(tokens::digest(&normalised)))
        .filter(recovery_code::Column::UsedAt.is_null())
        .exec(conn)
        .await?;
    Ok(spent.rows_affected >= 1)
}

async fn replace_recovery_codes<C: ConnectionTrait>(
    conn: &C,
    user_id: i32,
) -> Result<RecoveryCodes> {
    recovery_code::Entity::delete_many()
        .filter(recovery_code::Column::UserId.eq(user_id))
        .exec(conn)
        .await?;
    let codes: Vec<String> = (0..RECOVERY_CODE_COUNT)
        .map(|_| tokens::recovery_code())
        .collect();
    let rows = codes.iter().map(|c| recovery_code::ActiveModel {
        user_id: Set(user_id),
        code_hash: Set(tokens::digest(&tokens::normalise_code(c))),
        used_at: Set(None),
        ..Default::default()
    });
    recovery_code::Entity::insert_many(rows).exec(conn).await?;
    Ok(RecoveryCodes { codes })
}

/// Turns the second factor off: secret, enrolment and recovery codes go.
pub(super) async fn remove<C: ConnectionTrait>(conn: &C, user_id: i32) -> Result<()> {
    user::Entity::update_many()
        .col_expr(
            user::Column::TotpEnabledAt,
            Expr::value(Option::<time::OffsetDateTime>::None),
        )
        .col_expr(
            user::Column::TotpSecret,
            Expr::value(Option::<String>::None),
        )
        .col_expr(user::Column::TotpLastStep, Expr::value(Option::<i64>::None))
        .col_expr(user::Column::UpdatedAt, Expr::value(now()))
        .filter(user::Column::Id.eq(user_id))
        .exec(conn)
        .await?;
    recovery_code::Entity::delete_many()
        .filter(recovery_code::Column::UserId.eq(user_id))
        .exec(conn)
        .await?;
    Ok(())
}

impl Accounts {
    /// Starts enrolment: a new secret, stored but not active until confirmed.
    /// Needs the password and a confirmed email: whoever registered an
    /// address they do not own cannot lock its owner out with a second factor.
    pub async fn begin_two_factor(
        &self,
        actor: &Actor,
        current_password: &str,
    ) -> Result<Enrolment> {
        let user = self.require_active(actor).await?;
        self.confirm_password(&user, current_password).await?;
        if user.totp_enabled_at.is_some() {
            return Err(Error::Clash(Said::new("error-2fa-already-on")));
        }
        if user.email_verified_at.is_none() {
            return Err(Error::Clash(Said::new("error-2fa-confirm-email")));
        }
        let secret = Secret::new(tokens::random_bytes(20).into_boxed_slice()).to_base32();
        let totp = totp(&secret, &user.email, &self.store.get().name)?;
        let url = totp.to_url().map_err(Error::internal)?;
        let qr_svg = QrCode::new(url.as_bytes())
            .map_err(Error::internal)?
            .render::<svg::Color>()
            .min_dimensions(200, 200)
            .quiet_zone(true)
            .build();
        let mut active: user::ActiveModel = user.into();
        active.totp_secret = Set(Some(self.settings.secrets.seal(&secret)?));
        active.totp_last_step = Set(None);
        active.updated_at = Set(now());
        active.update(&self.db).await?;
        Ok(Enrolment {
            secret_base32: secret,
            otpauth_url: url,
            qr_svg,
        })
    }

    /// Finishes enrolment with a code from the app; returns the recovery codes.
    pub async fn confirm_two_factor(&self, actor: &Actor, code: &str) -> Result<RecoveryCodes> {
        let user = self.require_active(actor).await?;
        if user.totp_enabled_at.is_some() {
            return Err(Error::Clash(Said::new("error-2fa-already-on")));
        }
        if user.totp_secret.is_none() {
            return Err(Error::rule("code", Said::new("error-2fa-restart")));
        }
        let txn = crate::db::begin_write(&self.db).await?;
        if !accept_totp(&txn, &self.settings.secrets, &user, code).await? {
            return Err(Error::rule("code", Said::new("error-2fa-code-mismatch")));
        }
        user::Entity::update_many()
            .col_expr(user::Column::TotpEnabledAt, Expr::value(now()))
            .col_expr(user::Column::UpdatedAt, Expr::value(now()))
            .filter(user::Column::Id.eq(user.id))
            .exec(&txn)
            .await?;
        let codes = replace_recovery_codes(&txn, user.id).await?;
        self.mail_two_factor_change(&txn, &user, "mail-what-two-factor-on")
            .await?;
        txn.commit().await?;
        self.outbox.wake();
        Ok(codes)
    }

    /// Tells the owner whenever the second factor changes; `what` is the
    /// catalog key of what happened.
    async fn mail_two_factor_change<C: ConnectionTrait>(
        &self,
        conn: &C,
        user: &user::Model,
        what: &str,
    ) -> Result<()> {
        self.templates
            .enqueue(
                conn,
                MailKind::TwoFactorChanged,
                &user.email,
                context! {
                    what => what,
                    link => self.templates.link_in(&user.locale, "/forgot-password"),
                    locale => &user.locale,
                },
            )
            .await
    }

    /// Turns 2FA off; needs the password.
    pub async fn disable_two_factor(&self, actor: &Actor, current_password: &str) -> Result<()> {
        let user = self.require_active(actor).await?;
        self.confirm_password(&user, current_password).await?;
        let txn = crate::db::begin_write(&self.db).await?;
        remove(&txn, user.id).await?;
        self.mail_two_factor_change(&txn, &user, "mail-what-two-factor-off")
            .await?;
        txn.commit().await?;
        self.outbox.wake();
        Ok(())
    }

    /// New recovery codes (the old ones stop working); needs the password.
    pub async fn regenerate_recovery_codes(
        &self,
        actor: &Actor,
        current_password: &str,
    ) -> Result<RecoveryCodes> {
        let user = self.require_active(actor).await?;
        self.confirm_password(&user, current_password).await?;
        if user.totp_enabled_at.is_none() {
            return Err(Error::Clash(Said::new("error-2fa-off")));
        }
        let txn = crate::db::begin_write(&self.db).await?;
        let codes = replace_recovery_codes(&txn, user.id).await?;
        self.mail_two_factor_change(&txn, &user, "mail-what-recovery-codes")
            .await?;
        txn.commit().await?;
        self.outbox.wake();
        Ok(codes)
    }

    /// Seals TOTP secrets stored before they were sealed; returns how many.
    pub async fn seal_legacy_secrets(&self) -> Result<usize> {
        let legacy: Vec<(i32, String)> = user::Entity::find()
            .select_only()
            .column(user::Column::Id)
            .column(user::Column::TotpSecret)
            .filter(user::Column::TotpSecret.is_not_null())
            .filter(user::Column::TotpSecret.not_like("v1:%"))
            .into_tuple()
            .all(&self.db)
            .await?;
        for (id, plain) in &legacy {
            user::Entity::update_many()
                .col_expr(
                    user::Column::TotpSecret,
                    Expr::value(self.settings.secrets.seal(plain)?),
                )
                .filter(user::Column::Id.eq(*id))
                .filter(user::Column::TotpSecret.eq(plain.as_str()))
                .exec(&self.db)
                .await?;
        }
        Ok(legacy.len())
    }

    pub async fn unused_recovery_codes(&self, actor: &Actor) -> Result<u64> {
        use sea_orm::PaginatorTrait;
        let id = actor.require_user()?;
        Ok(recovery_code::Entity::find()
            .filter(recovery_code::Column::UserId.eq(id))
            .filter(recovery_code::Column::UsedAt.is_null())
            .count(&self.db)
            .await?)
    }

    /// Re-entering the password guards sensitive actions. Failures count
    /// per account like sign-ins do, so a stolen session cannot be used to
    /// guess the password behind it.
    pub(super) async fn confirm_password(&self, user: &user::Model, current: &str) -> Result<()> {
        let key = format!("reauth:{}", user.id);
        throttle::check(&self.db, &key).await?;
        if password::verify(current, &user.password_hash).await? {
            throttle::clear(&self.db, &key).await?;
            Ok(())
        } else {
            throttle::record_failure(&self.db, &key, &self.settings).await?;
            Err(Error::rule(
                "current_password",
                Said::new("error-current-password"),
            ))
        }
    }
}
