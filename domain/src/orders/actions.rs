//! What people do to orders: customers cancel (before shipping) and ask for
//! returns; staff ship, mark delivered or returned, and refund. Cancelling
//! a paid order is compensated: stock goes back and the money is refunded.
use minijinja::context;
use sea_orm::sea_query::Expr;
use sea_orm::{ActiveModelTrait, ColumnTrait, EntityTrait, QueryFilter, QueryOrder, Set};
use serde_json::json;

use super::{transition, By, OrderStatus, OrderView, Orders};
use crate::accounts::{Actor, Permission};
use crate::entities::{order, payment, refund};
use crate::mail::MailKind;
use crate::{inventory, Error, Money, Result};

impl Orders {
    fn status_of(o: &order::Model) -> OrderStatus {
        OrderStatus::parse(&o.status).unwrap_or(OrderStatus::PendingPayment)
    }

    /// The customer cancels their own order before it ships.
    pub async fn cancel(&self, actor: &Actor, number: &str) -> Result<OrderView> {
        let o = self.visible(actor, number).await?;
        let by = if o.user_id == actor.user_id() {
            By::Customer
        } else {
            By::Staff
        };
        let status = Self::status_of(&o);
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
            crate::promotions::release(&txn, o.id).await?;
        } else {
            inventory::restock(&txn, o.id).await?;
        }
        let view = self.load(&txn, o.clone()).await?;
        self.c
            .templates
            .enqueue(
                &txn,
                MailKind::OrderCancelled,
                &o.email,
                context! { order => view },
            )
            .await?;
        txn.commit().await?;
        self.c.outbox.wake();
        if status.is_paid() {
            let owed = o.total_minor - o.refunded_minor;
            // A staff cancellation's refund is theirs in the audit log too.
            let staff = matches!(by, By::Staff).then_some(actor);
            if let Err(e) = self.refund_amount(&o, owed, By::System, staff).await {
                tracing::error!(order = %o.number, error = %e, "refund after cancellation failed; staff must retry");
                let txn = crate::db::begin_write(&self.c.db).await?;
                super::record(
                    &txn,
                    o.id,
                    None,
                    OrderStatus::Cancelled,
                    By::System,
                    "Automatic refund failed — retry from the order",
                )
                .await?;
                txn.commit().await?;
            }
        }
        self.detail(actor, number).await
    }

    pub async fn request_return(
        &self,
        actor: &Actor,
        number: &str,
        reason: &str,
    ) -> Result<OrderView> {
        let o = self.visible(actor, number).await?;
        let reason = reason.trim();
        if reason.chars().count() > 1000 {
            return Err(Error::validation(
                "reason",
                "Please keep the reason under 1,000 characters.",
            ));
        }
        let status = Self::status_of(&o);
        if !status.customer_can_request_return() {
            return Err(Error::Conflict(
                "Returns can be requested once an order has shipped.".into(),
            ));
        }
        let txn = crate::db::begin_write(&self.c.db).await?;
        let note = if reason.is_empty() {
            "Return requested".to_owned()
        } else {
            format!("Return requested: {reason}")
        };
        transition(&txn, &o, OrderStatus::ReturnRequested, By::Customer, &note).await?;
        txn.commit().await?;
        self.detail(actor, number).await
    }

    pub async fn ship(&self, actor: &Actor, number: &str, tracking: &str) -> Result<OrderView> {
        actor.require(Permission::Orders)?;
        let tracking = tracking.trim();
        if tracking.is_empty() || tracking.len() > 80 {
            return Err(Error::validation(
                "tracking_number",
                "Enter the carrier's tracking number.",
            ));
        }
        let o = self.by_number(number).await?;
        let txn = crate::db::begin_write(&self.c.db).await?;
        transition(
            &txn,
            &o,
            OrderStatus::Shipped,
            By::Staff,
            &format!("Tracking number {tracking}"),
        )
        .await?;
        order::Entity::update_many()
            .col_expr(order::Column::TrackingNumber, Expr::value(tracking))
            .filter(order::Column::Id.eq(o.id))
            .exec(&txn)
            .await?;
        crate::audit::record(
            &txn,
            actor,
            "order.ship",
            "order",
            &o.number,
            Some(json!({ "status": o.status, "tracking_number": o.tracking_number })),
            Some(json!({ "status": OrderStatus::Shipped.as_str(), "tracking_number": tracking })),
        )
        .await?;
        let fresh = order::Entity::find_by_id(o.id)
            .one(&txn)
            .await?
            .ok_or(Error::not_found("order"))?;
        let view = self.load(&txn, fresh).await?;
        self.c
            .templates
            .enqueue(
                &txn,
                MailKind::OrderShipped,
                &o.email,
                context! { order => view, tracking => tracking },
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
        self.detail(actor, number).await
    }

    /// Staff refund, full or partial, through the payment provider.
    pub async fn refund(&self, actor: &Actor, number: &str, amount: i64) -> Result<OrderView> {
        actor.require(Permission::Orders)?;
        let o = self.by_number(number).await?;
        let owed = o.total_minor - o.refunded_minor;
        if amount <= 0 || amount > owed {
            let max = Money::new(owed, super::view::currency(&o)).format();
            return Err(Error::validation(
                "amount",
                format!("Enter an amount between 0.01 and {max}."),
            ));
        }
        if !(Self::status_of(&o).is_paid() || Self::status_of(&o) == OrderStatus::Cancelled) {
            return Err(Error::Conflict("Only paid orders can be refunded.".into()));
        }
        self.refund_amount(&o, amount, By::Staff, Some(actor))
            .await?;
        self.detail(actor, number).await
    }

    /// Refunds through the gateway and records it; `staff` is audited.
    async fn refund_amount(
        &self,
        o: &order::Model,
        amount: i64,
        by: By,
        staff: Option<&Actor>,
    ) -> Result<()> {
        if amount <= 0 {
            return Ok(());
        }
        let pay = payment::Entity::find()
            .filter(payment::Column::OrderId.eq(o.id))
            .filter(payment::Column::Status.eq("succeeded"))
            .order_by_desc(payment::Column::Id)
            .one(&self.c.db)
            .await?
            .ok_or_else(|| {
                Error::Conflict("This order has no completed payment to refund.".into())
            })?;
        let payment_id = pay.provider_payment_id.clone().ok_or_else(|| {
            Error::Conflict("The payment provider has not confirmed this payment yet.".into())
        })?;
        // Same order, same refunded-so-far, same amount: a retried click is one refund.
        let key = format!("refund-{}-{}-{}", o.id, o.refunded_minor, amount);
        let provider_ref = self.c.gateway.refund(&payment_id, amount, &key).await?;
        let txn = crate::db::begin_write(&self.c.db).await?;
        let fresh = order::Entity::find_by_id(o.id)
            .one(&txn)
            .await?
            .ok_or(Error::not_found("order"))?;
        let inserted = refund::ActiveModel {
            order_id: Set(o.id),
            amount_minor: Set(amount),
            provider_reference: Set(Some(provider_ref)),
            reason: Set(String::new()),
            created_at: Set(super::now()),
            ..Default::default()
        }
        .insert(&txn)
        .await;
        if let Err(e) = inserted {
            if matches!(
                e.sql_err(),
                Some(sea_orm::SqlErr::UniqueConstraintViolation(_))
            ) {
                return Ok(()); // The provider answered an idempotent retry with the same refund.
            }
            return Err(e.into());
        }
        let total = (fresh.refunded_minor + amount).min(fresh.total_minor);
        self.apply_refund_total(&txn, &fresh, total, by).await?;
        if let Some(actor) = staff {
            crate::audit::record(
                &txn,
                actor,
                "order.refund",
                "order",
                &o.number,
                Some(json!({ "refunded_minor": fresh.refunded_minor })),
                Some(json!({ "refunded_minor": total, "amount_minor": amount })),
            )
            .await?;
        }
        txn.commit().await?;
        self.c.outbox.wake();
        Ok(())
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
            if Self::status_of(&o) == OrderStatus::PendingPayment {
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
                crate::promotions::release(&txn, o.id).await?;
            }
            inventory::release(&txn, o.id).await?;
            txn.commit().await?;
            n += 1;
        }
        Ok(n)
    }
}
