//! GDPR: a customer can take their data with them (JSON) and can erase their
//! account. Erasure anonymises the user row instead of deleting it, so order
//! and tax records keep their integrity without personal data.
use minijinja::context;
use sea_orm::sea_query::Expr;
use sea_orm::{ColumnTrait, EntityTrait, QueryFilter};
use serde::Serialize;

use super::{now, sessions, Accounts, Actor};
use crate::entities::{address, auth_throttle, recovery_code, user, user_token};
use crate::mail::MailKind;
use crate::Result;

#[derive(Clone, Debug, Serialize)]
pub struct AccountExport {
    pub format: &'static str,
    pub exported_at: String,
    pub account: serde_json::Value,
    pub addresses: Vec<super::Address>,
    pub sessions: Vec<super::SessionInfo>,
    /// Orders join this export when the commerce core lands.
    pub orders: Vec<serde_json::Value>,
}

fn rfc3339(t: time::OffsetDateTime) -> String {
    t.format(&time::format_description::well_known::Rfc3339)
        .unwrap_or_default()
}

impl Accounts {
    /// Everything we hold about the signed-in user; needs the password again.
    pub async fn export_data(
        &self,
        actor: &Actor,
        current_password: &str,
    ) -> Result<AccountExport> {
        let user = self.require_active(actor).await?;
        self.confirm_password(&user, current_password).await?;
        let account = serde_json::json!({
            "id": user.public_id,
            "email": user.email,
            "email_verified_at": user.email_verified_at.map(rfc3339),
            "name": user.name,
            "phone": user.phone,
            "role": user.role,
            "marketing_opt_in": user.marketing_opt_in,
            "two_factor_enabled": user.totp_enabled_at.is_some(),
            "created_at": rfc3339(user.created_at),
            "updated_at": rfc3339(user.updated_at),
        });
        Ok(AccountExport {
            format: "mercato.account-export.v1",
            exported_at: rfc3339(now()),
            account,
            addresses: self.addresses(actor).await?,
            sessions: self.sessions(actor, None).await?,
            orders: Vec::new(),
        })
    }

    /// Erases the account: personal data gone, sessions ended, a goodbye mail
    /// to the old address. Needs the password again.
    pub async fn erase_account(&self, actor: &Actor, current_password: &str) -> Result<()> {
        let user = self.require_active(actor).await?;
        self.confirm_password(&user, current_password).await?;
        let txn = crate::db::begin_write(&self.db).await?;
        self.templates
            .enqueue(&txn, MailKind::AccountDeleted, &user.email, context! {})
            .await?;
        let placeholder = format!("erased-{}@erased.invalid", user.public_id);
        user::Entity::update_many()
            .col_expr(user::Column::Email, Expr::value(placeholder))
            .col_expr(user::Column::Name, Expr::value(""))
            .col_expr(user::Column::Phone, Expr::value(""))
            .col_expr(user::Column::PasswordHash, Expr::value(""))
            .col_expr(user::Column::MarketingOptIn, Expr::value(false))
            .col_expr(
                user::Column::EmailVerifiedAt,
                Expr::value(Option::<time::OffsetDateTime>::None),
            )
            .col_expr(
                user::Column::TotpSecret,
                Expr::value(Option::<String>::None),
            )
            .col_expr(
                user::Column::TotpEnabledAt,
                Expr::value(Option::<time::OffsetDateTime>::None),
            )
            .col_expr(user::Column::Permissions, Expr::value(""))
            .col_expr(user::Column::Role, Expr::value("customer"))
            .col_expr(user::Column::ErasedAt, Expr::value(now()))
            .col_expr(user::Column::UpdatedAt, Expr::value(now()))
            .filter(user::Column::Id.eq(user.id))
            .exec(&txn)
            .await?;
        address::Entity::delete_many()
            .filter(address::Column::UserId.eq(user.id))
            .exec(&txn)
            .await?;
        user_token::Entity::delete_many()
            .filter(user_token::Column::UserId.eq(user.id))
            .exec(&txn)
            .await?;
        recovery_code::Entity::delete_many()
            .filter(recovery_code::Column::UserId.eq(user.id))
            .exec(&txn)
            .await?;
        auth_throttle::Entity::delete_many()
            .filter(auth_throttle::Column::Key.eq(format!("login:{}", user.email)))
            .exec(&txn)
            .await?;
        sessions::revoke_all(&txn, user.id, None).await?;
        txn.commit().await?;
        self.outbox.wake();
        tracing::info!(user = %user.public_id, "account erased on request");
        Ok(())
    }
}
