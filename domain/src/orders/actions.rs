//! What people do to orders: customers cancel (before shipping) and ask for
//! returns; staff mark delivered or returned (shipping: `shipments.rs`,
//! refunds: `refunds.rs`).
//! Cancelling a paid order is compensated: stock goes back and the money is
//! refunded.
use minijinja::context;
use sea_orm::sea_query::Expr;
use sea_orm::{ColumnTrait, EntityTrait, QueryFilter};
use serde_json::json;

use super::{transition, By, OrderStatus, OrderView, Orders};
use crate::accounts::{Actor, Permission};
use crate::entities::{order, payment};
use crate::mail::MailKind;
use crate::{inventory, Error, Result};
use model::gift_cards::RefundTo;

impl Orders {
    /// The customer cancels their own order before it ships.
    pub async fn cancel(&self, actor: &Actor, number: &str) -> Result<OrderView> {
        let o = self.visible(actor, number).await?;
        let by = if o.user_id == actor.user_id() {
            By::Customer
        } else {
            By::Staff
        };
        let status = super::view::status(&o);
        if !status.customer_can_cancel() {
            return Err(Error::Conflict(format!(
                "This order is {} and can no longer be cancelled.",
                status.label().to_lowercase()
            )));
        }
        let txn = crate::db::begin_write(&self.c.db).await?;
        transition(&txn, &o, OrderStatus::Cancelled, by, "Cancelled on request").await?;
        if matches!(by, By::Staff) {
            crate::audit::record(
                &txn,
                actor,
                "order.cancel",
                "order",
                &o.number,
                Some(json!({ "status": o.status })),
                Some(json!({ "status": OrderStatus::Cancelled.as_str() })),
            )
            .await?;
        }
        if status == OrderStatus::PendingPayment {
            inventory::release(&txn, o.id).await?;
            super::give_back_unpaid(&txn, o.id).await?;
        } else {
            inventory::restock(&txn, o.id).await?;
        }
        if status.is_paid() {
            // The money goes back through the outbox, in this transaction:
            // a crash after the commit cannot lose the refund.
            let fresh = order::Entity::find_by_id(o.id)
                .one(&txn)
                .await?
                .ok_or(Error::not_found("order"))?;
            let owed = fresh.total_minor - fresh.refunded_minor;
            // A staff cancellation's refund is theirs in the audit log too.
            let staff = matches!(by, By::Staff).then_some(actor);
            self.reserve_refund(&txn, &fresh, owed, By::System, staff, RefundTo::Original)
                .await?;
        }
        let view = self.load(&txn, o.clone()).await?;
        self.c
            .templates
            .enqueue(
                &txn,
                MailKind::OrderCancelled,
                &o.email,
                context! { order => view, locale => &o.locale },
            )
            .await?;
        txn.commit().await?;
        self.c.outbox.wake();
        self.detail(actor, number).await
    }

    /// Staff moves: processing, delivered, returned (restocks).
    pub async fn advance(&self, actor: &Actor, number: &str, to: OrderStatus) -> Result<OrderView> {
        actor.require(Permission::Orders)?;
        if !matches!(
            to,
            OrderStatus::Processing | OrderStatus::Delivered | OrderStatus::Returned
        ) {
            return Err(Error::validation(
                "status",
                "Use ship, cancel or refund for that change.",
            ));
        }
        let o = self.by_number(number).await?;
        let txn = crate::db::begin_write(&self.c.db).await?;
        transition(&txn, &o, to, By::Staff, "").await?;
        if to == OrderStatus::Returned {
            inventory::restock(&txn, o.id).await?;
        }
        if to == OrderStatus::Delivered {
            crate::reviews::request::after_delivery(&txn, &self.c.templates, &o).await?;
        }
        crate::audit::record(
            &txn,
            actor,
            "order.status",
            "order",
            &o.number,
            Some(json!({ "status": o.status })),
            Some(json!({ "status": to.as_str() })),
        )
        .await?;
        txn.commit().await?;
        self.c.outbox.wake();
        self.detail(actor, number).await
    }

    /// Releases stock held by checkouts never paid for, and cancels them.
    pub async fn expire_reservations(&self) -> Result<usize> {
        let now = super::now();
        let ids = inventory::expired_orders(&self.c.db, now).await?;
        let mut n = 0;
        for id in ids {
            let txn = crate::db::begin_write(&self.c.db).await?;
            let Some(o) = order::Entity::find_by_id(id).one(&txn).await? else {
                continue;
            };
            if super::view::status(&o) == OrderStatus::PendingPayment {
                transition(
                    &txn,
                    &o,
                    OrderStatus::Cancelled,
                    By::System,
                    "Payment not completed in time",
                )
                .await?;
                payment::Entity::update_many()
                    .col_expr(payment::Column::Status, Expr::value("expired"))
                    .filter(payment::Column::OrderId.eq(o.id))
                    .filter(payment::Column::Status.is_in(["created", "pending"]))
                    .exec(&txn)
                    .await?;
                super::give_back_unpaid(&txn, o.id).await?;
            }
            inventory::release(&txn, o.id).await?;
            txn.commit().await?;
            n += 1;
        }
        Ok(n)
    }
}
