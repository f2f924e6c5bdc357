//! Staff looking after customers (permission `customers`): a customer's
//! detail with addresses and orders, disabling and enabling the account,
//! and GDPR export or erasure carried out on the customer's request.
//! Staff and admin accounts are managed elsewhere (staff access), so these
//! tools refuse them.
use sea_orm::sea_query::Expr;
use sea_orm::{ColumnTrait, EntityTrait, QueryFilter, QueryOrder};
use serde_json::json;

use super::privacy::AccountExport;
use super::staff::row;
use super::{now, sessions, Accounts, Actor, CustomerDetail, CustomerOrder, Permission, Role};
use crate::entities::{order, user};
use crate::{Error, Money, Result};

impl Accounts {
    async fn customer(&self, public_id: &str) -> Result<user::Model> {
        user::Entity::find()
            .filter(user::Column::PublicId.eq(public_id))
            .filter(user::Column::ErasedAt.is_null())
            .one(&self.db)
            .await?
            .ok_or(Error::not_found("customer"))
    }

    /// A customer account that these tools may act on.
    async fn plain_customer(&self, public_id: &str) -> Result<user::Model> {
        let u = self.customer(public_id).await?;
        if Role::parse(&u.role).unwrap_or(Role::Customer).is_staff() {
            return Err(Error::Conflict(
                "This is a staff account; change its access first.".into(),
            ));
        }
        Ok(u)
    }

    pub async fn customer_detail(&self, actor: &Actor, public_id: &str) -> Result<CustomerDetail> {
        actor.require(Permission::Customers)?;
        let u = self.customer(public_id).await?;
        let as_user = Actor::user(u.id, Role::Customer, Vec::new(), false);
        let addresses = self.addresses(&as_user).await?;
        let orders = order::Entity::find()
            .filter(order::Column::UserId.eq(u.id))
            .order_by_desc(order::Column::PlacedAt)
            .all(&self.db)
            .await?
            .into_iter()
            .map(|o| CustomerOrder {
                total: Money::new(o.total_minor, crate::orders::view::currency(&o)),
                placed_at: o.placed_at.unix_timestamp(),
                status: crate::orders::view::status(&o),
                number: o.number,
            })
            .collect();
        let store_credit = crate::gift_cards::GiftCards::new(self.db.clone())
            .store_credit(u.id)
            .await?;
        Ok(CustomerDetail {
            store_credit,
            phone: u.phone.clone(),
            marketing_opt_in: u.marketing_opt_in,
            customer: row(u),
            addresses,
            orders,
        })
    }

    /// Disables (signs out everywhere, refuses sign-in) or enables again.
    pub async fn set_customer_disabled(
        &self,
        actor: &Actor,
        public_id: &str,
        disabled: bool,
    ) -> Result<()> {
        actor.require(Permission::Customers)?;
        let u = self.plain_customer(public_id).await?;
        if u.disabled_at.is_some() == disabled {
            return Ok(());
        }
        let txn = crate::db::begin_write(&self.db).await?;
        user::Entity::update_many()
            .col_expr(user::Column::DisabledAt, Expr::value(disabled.then(now)))
            .col_expr(user::Column::UpdatedAt, Expr::value(now()))
            .filter(user::Column::Id.eq(u.id))
            .exec(&txn)
            .await?;
        if disabled {
            sessions::revoke_all(&txn, u.id, None).await?;
        }
        crate::audit::record(
            &txn,
            actor,
            if disabled {
                "customer.disable"
            } else {
                "customer.enable"
            },
            "user",
            &u.email,
            Some(json!({ "disabled": !disabled })),
            Some(json!({ "disabled": disabled })),
        )
        .await?;
        txn.commit().await?;
        Ok(())
    }

    /// The customer's data export, made by staff on the customer's request
    /// (the request itself is handled outside the shop, e.g. by email).
    pub async fn export_for_customer(
        &self,
        actor: &Actor,
        public_id: &str,
    ) -> Result<AccountExport> {
        actor.require(Permission::Customers)?;
        let u = self.plain_customer(public_id).await?;
        let txn = crate::db::begin_write(&self.db).await?;
        crate::audit::record(&txn, actor, "customer.export", "user", &u.email, None, None).await?;
        txn.commit().await?;
        self.export_of(&u).await
    }

    /// Erases the customer's personal data on their request.
    pub async fn erase_for_customer(&self, actor: &Actor, public_id: &str) -> Result<()> {
        actor.require(Permission::Customers)?;
        let u = self.plain_customer(public_id).await?;
        self.erase(&u, Some(actor)).await?;
        tracing::info!(user = %u.public_id, "account erased by staff on request");
        Ok(())
    }
}
