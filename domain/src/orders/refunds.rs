//! Refunds in two steps, so money never goes back twice or beyond what was
//! paid, and a crash never loses one that is owed:
//! 1. in the caller's transaction, one conditional `UPDATE` adds the amount
//!    to the order's refunded total only while that stays within what was
//!    paid (two refunds at once cannot both pass), a pending refund row is
//!    written and an outbox message queued;
//! 2. the outbox worker asks the payment provider for it, with the refund's
//!    own idempotency key, retrying with backoff until the provider answers;
//!    then the customer is mailed.
use minijinja::context;
use sea_orm::sea_query::{Expr, ExprTrait};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QueryOrder, Set,
};
use serde::{Deserialize, Serialize};
use serde_json::json;

use super::{record, transition, By, OrderStatus, OrderView, Orders};
use crate::accounts::{Actor, Permission};
use crate::entities::{order, payment, refund};
use crate::mail::MailKind;
use crate::payments::PaymentError;
use crate::{Error, Money, Result};

/// The outbox message that sends one refund to the provider.
#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct RefundJob {
    pub refund_id: i32,
}

/// What became of a [`RefundJob`].
#[derive(Debug)]
pub enum RefundSent {
    Done,
    /// Worth trying again later (the provider was unreachable).
    Retry(String),
    /// The provider refused; staff must look at it.
    Refused(String),
}

impl Orders {
    /// Staff refund, full or partial.
    /// [`Orders::refund`] with the amount as staff typed it ("12.50").
    pub async fn refund_typed(
        &self,
        actor: &Actor,
        number: &str,
        typed: &str,
    ) -> Result<OrderView> {
        actor.require(Permission::Orders)?;
        let amount = crate::typed::amount(typed, self.c.currency(), "amount")?
            .ok_or_else(|| Error::validation("amount", "Enter the amount to refund."))?;
        self.refund(actor, number, amount).await
    }

    pub async fn refund(&self, actor: &Actor, number: &str, amount: i64) -> Result<OrderView> {
        actor.require(Permission::Orders)?;
        let o = self.by_number(number).await?;
        let status = super::view::status(&o);
        if !(status.is_paid() || status == OrderStatus::Cancelled) {
            return Err(Error::Conflict("Only paid orders can be refunded.".into()));
        }
        if amount <= 0 {
            return Err(self.refund_range(&o));
        }
        let txn = crate::db::begin_write(&self.c.db).await?;
        self.reserve_refund(&txn, &o, amount, By::Staff, Some(actor))
            .await?;
        txn.commit().await?;
        self.c.outbox.wake();
        self.detail(actor, number).await
    }

    fn refund_range(&self, o: &order::Model) -> Error {
        let max = Money::new(o.total_minor - o.refunded_minor, super::view::currency(o)).format();
        Error::validation("amount", format!("Enter an amount between 0.01 and {max}."))
    }

    /// Step 1, inside the caller's transaction. `staff` is audited.
    pub(super) async fn reserve_refund<C: ConnectionTrait>(
        &self,
        conn: &C,
        o: &order::Model,
        amount: i64,
        by: By,
        staff: Option<&Actor>,
    ) -> Result<()> {
        if amount <= 0 {
            return Ok(());
        }
        let paid = payment::Entity::find()
            .filter(payment::Column::OrderId.eq(o.id))
            .filter(payment::Column::Status.eq("succeeded"))
            .filter(payment::Column::ProviderPaymentId.is_not_null())
            .one(conn)
            .await?;
        if paid.is_none() {
            return Err(Error::Conflict(
                "This order has no confirmed payment to refund.".into(),
            ));
        }
        let taken = order::Entity::update_many()
            .col_expr(
                order::Column::RefundedMinor,
                Expr::col(order::Column::RefundedMinor).add(amount),
            )
            .col_expr(order::Column::UpdatedAt, Expr::value(super::now()))
            .filter(order::Column::Id.eq(o.id))
            .filter(
                Expr::col(order::Column::RefundedMinor)
                    .add(amount)
                    .lte(Expr::col(order::Column::TotalMinor)),
            )
            .exec(conn)
            .await?;
        let fresh = order::Entity::find_by_id(o.id)
            .one(conn)
            .await?
            .ok_or(Error::not_found("order"))?;
        if taken.rows_affected != 1 {
            return Err(self.refund_range(&fresh));
        }
        let row = refund::ActiveModel {
            order_id: Set(o.id),
            amount_minor: Set(amount),
            provider_reference: Set(None),
            reason: Set(String::new()),
            created_at: Set(super::now()),
            ..Default::default()
        }
        .insert(conn)
        .await?;
        let currency = super::view::currency(&fresh);
        let note = format!(
            "Refund of {} requested ({} refunded in total)",
            Money::new(amount, currency).format(),
            Money::new(fresh.refunded_minor, currency).format()
        );
        let status = OrderStatus::parse(&fresh.status).unwrap_or(OrderStatus::Paid);
        let target = if fresh.refunded_minor >= fresh.total_minor {
            OrderStatus::Refunded
        } else {
            OrderStatus::PartiallyRefunded
        };
        if status != target && status.can_become(target) {
            transition(conn, &fresh, target, by, &note).await?;
        } else {
            record(conn, o.id, Some(status), status, by, &note).await?;
            let refunded = model::webhooks::EventType::OrderRefunded;
            crate::webhooks::events::order(conn, refunded, o.id).await?;
        }
        if let Some(actor) = staff {
            crate::audit::record(
                conn,
                actor,
                "order.refund",
                "order",
                &o.number,
                Some(json!({ "refunded_minor": fresh.refunded_minor - amount })),
                Some(json!({ "refunded_minor": fresh.refunded_minor, "amount_minor": amount })),
            )
            .await?;
        }
        crate::outbox::enqueue(
            conn,
            crate::outbox::KIND_REFUND,
            &RefundJob { refund_id: row.id },
        )
        .await?;
        Ok(())
    }

    /// Step 2, from the outbox worker: the provider moves the money.
    pub async fn send_refund(&self, job: &RefundJob) -> Result<RefundSent> {
        let Some(r) = refund::Entity::find_by_id(job.refund_id)
            .one(&self.c.db)
            .await?
        else {
            return Ok(RefundSent::Refused(format!(
                "refund {} is gone",
                job.refund_id
            )));
        };
        if r.provider_reference.is_some() {
            return Ok(RefundSent::Done);
        }
        let o = order::Entity::find_by_id(r.order_id)
            .one(&self.c.db)
            .await?
            .ok_or(Error::not_found("order"))?;
        let payment_id = payment::Entity::find()
            .filter(payment::Column::OrderId.eq(o.id))
            .filter(payment::Column::Status.eq("succeeded"))
            .order_by_desc(payment::Column::Id)
            .one(&self.c.db)
            .await?
            .and_then(|p| p.provider_payment_id);
        let Some(payment_id) = payment_id else {
            return Ok(RefundSent::Refused("no confirmed payment".into()));
        };
        let key = format!("refund-{}", r.id);
        let reference = match self
            .c
            .gateway
            .refund(&payment_id, r.amount_minor, &key)
            .await
        {
            Ok(reference) => reference,
            Err(PaymentError::Unavailable(e)) => return Ok(RefundSent::Retry(e)),
            Err(PaymentError::Refused(e)) => {
                self.refund_refused(&o, &r, &e).await?;
                return Ok(RefundSent::Refused(e));
            }
        };
        let txn = crate::db::begin_write(&self.c.db).await?;
        let set = refund::Entity::update_many()
            .col_expr(refund::Column::ProviderReference, Expr::value(reference))
            .filter(refund::Column::Id.eq(r.id))
            .filter(refund::Column::ProviderReference.is_null())
            .exec(&txn)
            .await?;
        if set.rows_affected == 1 {
            let view = self.load(&txn, o.clone()).await?;
            let total = Money::new(o.refunded_minor, super::view::currency(&o)).format();
            self.c
                .templates
                .enqueue(
                    &txn,
                    MailKind::OrderRefunded,
                    &o.email,
                    context! { order => view, amount => total },
                )
                .await?;
        }
        txn.commit().await?;
        self.c.outbox.wake();
        Ok(RefundSent::Done)
    }

    async fn refund_refused(&self, o: &order::Model, r: &refund::Model, why: &str) -> Result<()> {
        tracing::error!(order = %o.number, refund = r.id, error = %why, "the payment provider refused a refund");
        let status = OrderStatus::parse(&o.status).unwrap_or(OrderStatus::Paid);
        let txn = crate::db::begin_write(&self.c.db).await?;
        record(
            &txn,
            o.id,
            Some(status),
            status,
            By::System,
            &format!(
                "The payment provider refused the refund of {}: {why}. Settle it with the customer directly.",
                Money::new(r.amount_minor, super::view::currency(o)).format()
            ),
        )
        .await?;
        txn.commit().await?;
        Ok(())
    }
}
