//! GDPR: a customer can take their data with them (JSON) and can erase their
//! account. Erasure anonymises the user row instead of deleting it, so order
//! and tax records keep their integrity without personal data.
use minijinja::context;
use sea_orm::sea_query::Expr;
use sea_orm::{ColumnTrait, EntityTrait, QueryFilter};
use serde::Serialize;

use super::{now, scrub, sessions, Accounts, Actor};
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
    /// Every order placed while signed in, with its lines.
    pub orders: Vec<serde_json::Value>,
}

pub(crate) fn rfc3339(t: time::OffsetDateTime) -> String {
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
        self.export_of(&user).await
    }

    /// The export for one user (the caller's own, or staff acting on a
    /// customer's request).
    pub(super) async fn export_of(&self, user: &user::Model) -> Result<AccountExport> {
        let as_user = Actor::user(user.id, super::Role::Customer, Vec::new(), false);
        let account = serde_json::json!({
            "id": user.public_id,
            "email": user.email,
            "email_verified_at": user.email_verified_at.map(rfc3339),
            "name": user.name,
            "phone": user.phone,
            "role": user.role,
            "marketing_opt_in": user.marketing_opt_in,
            "review_requests": user.review_requests,
            "cart_reminders": !crate::cart::reminders::opted_out(&self.db, &user.email).await?,
            "two_factor_enabled": user.totp_enabled_at.is_some(),
            "created_at": rfc3339(user.created_at),
            "updated_at": rfc3339(user.updated_at),
        });
        Ok(AccountExport {
            format: "mercato.account-export.v1",
            exported_at: rfc3339(now()),
            account,
            addresses: self.addresses(&as_user).await?,
            sessions: self.sessions(&as_user, None).await?,
            orders: orders_of(&self.db, user.id).await?,
        })
    }

    /// Erases the account: personal data gone, sessions ended, a goodbye mail
    /// to the old address. Needs the password again.
    pub async fn erase_account(&self, actor: &Actor, current_password: &str) -> Result<()> {
        let user = self.require_active(actor).await?;
        self.confirm_password(&user, current_password).await?;
        self.erase(&user, None).await?;
        tracing::info!(user = %user.public_id, "account erased on request");
        Ok(())
    }

    /// Anonymises `user`; `staff` (acting on a request) is audited in the
    /// same transaction.
    pub(super) async fn erase(&self, user: &user::Model, staff: Option<&Actor>) -> Result<()> {
        let txn = crate::db::begin_write(&self.db).await?;
        if let Some(actor) = staff {
            crate::audit::record(
                &txn,
                actor,
                "customer.erase",
                "user",
                &user.public_id,
                None,
                None,
            )
            .await?;
        }
        let goodbye = self
            .templates
            .enqueue_id(
                &txn,
                MailKind::AccountDeleted,
                &user.email,
                context! { locale => &user.locale },
            )
            .await?;
        let placeholder = format!("erased-{}@erased.invalid", user.public_id);
        scrub::scrub(
            &txn,
            scrub::Whose::Account {
                user_id: user.id,
                email: &user.email,
            },
            &placeholder,
            Some(goodbye),
        )
        .await?;
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
            .col_expr(user::Column::TotpLastStep, Expr::value(Option::<i64>::None))
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
        crate::entities::user_identity::Entity::delete_many()
            .filter(crate::entities::user_identity::Column::UserId.eq(user.id))
            .exec(&txn)
            .await?;
        auth_throttle::Entity::delete_many()
            .filter(auth_throttle::Column::Key.is_in([
                format!("login:{}", user.email),
                format!("reauth:{}", user.id),
                format!("2fa:{}", user.id),
            ]))
            .exec(&txn)
            .await?;
        sessions::revoke_all(&txn, user.id, None).await?;
        txn.commit().await?;
        self.outbox.wake();
        Ok(())
    }
}

/// A user's orders for their data export: what was bought, when, for how much.
async fn orders_of(
    db: &sea_orm::DatabaseConnection,
    user_id: i32,
) -> Result<Vec<serde_json::Value>> {
    use crate::entities::{order, order_item};
    use sea_orm::QueryOrder;
    let orders = order::Entity::find()
        .filter(order::Column::UserId.eq(user_id))
        .order_by_asc(order::Column::Id)
        .all(db)
        .await?;
    let items = order_item::Entity::find()
        .filter(order_item::Column::OrderId.is_in(orders.iter().map(|o| o.id)))
        .all(db)
        .await?;
    Ok(orders
        .into_iter()
        .map(|o| {
            let lines: Vec<serde_json::Value> = items
                .iter()
                .filter(|i| i.order_id == o.id)
                .map(|i| {
                    serde_json::json!({
                        "sku": i.sku, "title": i.title, "variant": i.variant_title,
                        "quantity": i.quantity, "unit_price_minor": i.unit_price_minor,
                    })
                })
                .collect();
            serde_json::json!({
                "number": o.number,
                "placed_at": rfc3339(o.placed_at),
                "status": o.status,
                "email": o.email,
                "currency": o.currency,
                "total_minor": o.total_minor,
                "refunded_minor": o.refunded_minor,
                "lines": lines,
            })
        })
        .collect())
}
