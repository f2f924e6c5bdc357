//! Guests have no account to sign in to, so they prove their address the
//! way a password reset does: they ask at `/privacy-request`, the shop
//! mails a single-use link (1 hour), and spending it either hands over a
//! copy of their orders or erases their details from them. The answer to
//! the request is the same whether or not the address has orders.
use minijinja::context;
use sea_orm::sea_query::Expr;
use sea_orm::{
    ActiveModelTrait, ColumnTrait, EntityTrait, PaginatorTrait, QueryFilter, QueryOrder, Set,
};
use serde::Serialize;

use super::{now, scrub, tokens, Accounts, Email};
use crate::entities::{order, order_item, privacy_request};
use crate::mail::MailKind;
use crate::{Error, Result};

const LINK_LIFETIME: time::Duration = time::Duration::hours(1);

pub use model::accounts::GuestRequest;

/// The request a stored row names.
fn stored_kind(kind: &str) -> Result<GuestRequest> {
    kind.parse()
        .map_err(|_| Error::rule("kind", model::Said::new("error-privacy-kind")))
}

/// A guest's orders, as handed over.
#[derive(Clone, Debug, Serialize)]
pub struct GuestExport {
    pub email: String,
    pub exported_at: String,
    pub orders: Vec<serde_json::Value>,
}

/// What a spent link did.
#[derive(Clone, Debug)]
pub enum GuestOutcome {
    Exported(GuestExport),
    /// How many orders were scrubbed.
    Erased(u64),
}

impl Accounts {
    /// Mails a link when guest orders exist under `email`; always Ok, so the
    /// answer says nothing about the address.
    pub async fn request_guest_privacy(&self, email: &str, kind: GuestRequest) -> Result<()> {
        let email = Email::parse(email)?;
        let guest_orders = order::Entity::find()
            .filter(order::Column::Email.eq(email.as_str()))
            .filter(order::Column::UserId.is_null())
            .count(&self.db)
            .await?;
        if guest_orders == 0 {
            return Ok(());
        }
        let raw = tokens::random_token();
        let txn = crate::db::begin_write(&self.db).await?;
        privacy_request::ActiveModel {
            email: Set(email.as_str().to_owned()),
            kind: Set(kind.as_str().to_owned()),
            token_hash: Set(tokens::digest(&raw)),
            expires_at: Set(now() + LINK_LIFETIME),
            used_at: Set(None),
            created_at: Set(now()),
            ..Default::default()
        }
        .insert(&txn)
        .await?;
        let what = match kind {
            GuestRequest::Export => "mail-what-privacy-export",
            GuestRequest::Erase => "mail-what-privacy-erase",
        };
        self.templates
            .enqueue(
                &txn,
                MailKind::PrivacyRequest,
                email.as_str(),
                context! {
                    what => what,
                    link => self.templates.link(&format!("/privacy-request/confirm?token={raw}")),
                },
            )
            .await?;
        txn.commit().await?;
        self.outbox.wake();
        Ok(())
    }

    /// Spends a link (once, before it expires) and does what it asked.
    pub async fn confirm_guest_privacy(&self, token: &str) -> Result<GuestOutcome> {
        let expired = || Error::rule("token", model::Said::new("error-privacy-link"));
        let txn = crate::db::begin_write(&self.db).await?;
        let request = privacy_request::Entity::find()
            .filter(privacy_request::Column::TokenHash.eq(tokens::digest(token)))
            .one(&txn)
            .await?
            .ok_or_else(expired)?;
        let spent = privacy_request::Entity::update_many()
            .col_expr(privacy_request::Column::UsedAt, Expr::value(now()))
            .filter(privacy_request::Column::Id.eq(request.id))
            .filter(privacy_request::Column::UsedAt.is_null())
            .filter(privacy_request::Column::ExpiresAt.gt(now()))
            .exec(&txn)
            .await?;
        if spent.rows_affected != 1 {
            return Err(expired());
        }
        let outcome = match stored_kind(&request.kind)? {
            GuestRequest::Export => GuestOutcome::Exported(GuestExport {
                email: request.email.clone(),
                exported_at: super::privacy::rfc3339(now()),
                orders: guest_orders(&txn, &request.email).await?,
            }),
            GuestRequest::Erase => {
                let placeholder =
                    format!("erased-{}@erased.invalid", uuid::Uuid::new_v4().simple());
                let n = scrub::scrub(
                    &txn,
                    scrub::Whose::Guest {
                        email: &request.email,
                    },
                    &placeholder,
                    None,
                )
                .await?;
                // The request itself named the address too.
                privacy_request::Entity::update_many()
                    .col_expr(
                        privacy_request::Column::Email,
                        Expr::value(placeholder.as_str()),
                    )
                    .filter(privacy_request::Column::Email.eq(request.email.as_str()))
                    .exec(&txn)
                    .await?;
                tracing::info!(orders = n, "guest details erased on request");
                GuestOutcome::Erased(n)
            }
        };
        txn.commit().await?;
        Ok(outcome)
    }
}

async fn guest_orders<C: sea_orm::ConnectionTrait>(
    conn: &C,
    email: &str,
) -> Result<Vec<serde_json::Value>> {
    let orders = order::Entity::find()
        .filter(order::Column::Email.eq(email))
        .filter(order::Column::UserId.is_null())
        .order_by_asc(order::Column::Id)
        .all(conn)
        .await?;
    let items = order_item::Entity::find()
        .filter(order_item::Column::OrderId.is_in(orders.iter().map(|o| o.id)))
        .all(conn)
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
                "placed_at": super::privacy::rfc3339(o.placed_at),
                "status": o.status,
                "email": o.email,
                "shipping_address": serde_json::from_str::<serde_json::Value>(&o.shipping_address).unwrap_or_default(),
                "currency": o.currency,
                "total_minor": o.total_minor,
                "refunded_minor": o.refunded_minor,
                "lines": lines,
            })
        })
        .collect())
}
