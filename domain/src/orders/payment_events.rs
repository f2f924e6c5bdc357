//! The one place payment outcomes change orders. Events are deduplicated by
//! the provider's event id (a primary key: the second insert fails), and
//! only ever move an order forward, so retries and out-of-order delivery
//! converge on the same state:
//! - completed (paid) / async succeeded: pending_payment → paid, stock
//!   committed, cart closed, confirmation mail
//! - completed (not yet paid): nothing to do until the async outcome
//! - async failed / expired: pending_payment → cancelled, stock released,
//!   the cart is left as it was (failed payments also get a mail)
//! - refunded: cumulative amount recorded; refunded or partially refunded
use minijinja::context;
use sea_orm::sea_query::Expr;
use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, Set};

use super::{record, transition, By, OrderStatus, Orders};
use crate::entities::{cart, order, payment, payment_event};
use crate::inventory;
use crate::mail::MailKind;
use crate::payments::{EventKind, PaymentEvent};
use crate::{Error, Result};
use model::gift_cards::RefundTo;

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum EventOutcome {
    Applied,
    /// Seen before: nothing done.
    Duplicate,
    /// Valid, but nothing to change (already further along, unknown session).
    Ignored,
}

impl Orders {
    pub async fn apply_payment_event(&self, event: &PaymentEvent) -> Result<EventOutcome> {
        let txn = crate::db::begin_write(&self.c.db).await?;
        let inserted = payment_event::Entity::insert(payment_event::ActiveModel {
            id: Set(event.id.clone()),
            provider: Set(self.c.gateway.provider().to_owned()),
            kind: Set(event.kind.name().to_owned()),
            received_at: Set(super::now()),
        })
        .exec(&txn)
        .await;
        if let Err(e) = inserted {
            if matches!(
                e.sql_err(),
                Some(sea_orm::SqlErr::UniqueConstraintViolation(_))
            ) {
                return Ok(EventOutcome::Duplicate);
            }
            return Err(e.into());
        }
        let mut paid = None;
        let outcome = match &event.kind {
            EventKind::SessionCompleted {
                reference,
                paid: true,
                payment_id,
                amount,
            }
            | EventKind::AsyncSucceeded {
                reference,
                payment_id,
                amount,
            } => {
                let (outcome, amount) = self
                    .paid(&txn, reference, payment_id.as_deref(), *amount)
                    .await?;
                paid = amount;
                outcome
            }
            EventKind::SessionCompleted {
                reference,
                paid: false,
                payment_id,
                ..
            } => {
                self.remember_payment_id(&txn, reference, payment_id.as_deref())
                    .await?;
                EventOutcome::Ignored
            }
            EventKind::AsyncFailed { reference } => self.failed(&txn, reference, true).await?,
            EventKind::SessionExpired { reference } => self.failed(&txn, reference, false).await?,
            EventKind::Refunded {
                payment_id,
                amount_refunded,
            } => self.refunded(&txn, payment_id, *amount_refunded).await?,
            EventKind::Other { .. } => EventOutcome::Ignored,
        };
        txn.commit().await?;
        if let Some(amount) = paid {
            self.c.tally.paid(amount);
        }
        self.c.outbox.wake();
        tracing::info!(event = %event.id, kind = event.kind.name(), ?outcome, "payment event");
        Ok(outcome)
    }

    async fn payment_for<C: ConnectionTrait>(
        &self,
        conn: &C,
        reference: &str,
    ) -> Result<Option<(payment::Model, order::Model)>> {
        let Some(p) = payment::Entity::find()
            .filter(payment::Column::Reference.eq(reference))
            .one(conn)
            .await?
        else {
            return Ok(None);
        };
        let o = order::Entity::find_by_id(p.order_id)
            .one(conn)
            .await?
            .ok_or_else(|| Error::internal("payment without order"))?;
        Ok(Some((p, o)))
    }

    async fn remember_payment_id<C: ConnectionTrait>(
        &self,
        conn: &C,
        reference: &str,
        payment_id: Option<&str>,
    ) -> Result<()> {
        if let Some(pid) = payment_id {
            payment::Entity::update_many()
                .col_expr(payment::Column::ProviderPaymentId, Expr::value(pid))
                .filter(payment::Column::Reference.eq(reference))
                .exec(conn)
                .await?;
        }
        Ok(())
    }

    async fn set_payment_status<C: ConnectionTrait>(
        &self,
        conn: &C,
        id: i32,
        status: &str,
    ) -> Result<()> {
        payment::Entity::update_many()
            .col_expr(payment::Column::Status, Expr::value(status))
            .col_expr(payment::Column::UpdatedAt, Expr::value(super::now()))
            .filter(payment::Column::Id.eq(id))
            .exec(conn)
            .await?;
        Ok(())
    }

    async fn paid<C: ConnectionTrait>(
        &self,
        conn: &C,
        reference: &str,
        payment_id: Option<&str>,
        amount: Option<crate::Money>,
    ) -> Result<(EventOutcome, Option<crate::Money>)> {
        let Some((p, o)) = self.payment_for(conn, reference).await? else {
            return Ok((EventOutcome::Ignored, None));
        };
        self.remember_payment_id(conn, reference, payment_id)
            .await?;
        let due = crate::Money::new(p.amount_minor, super::view::currency(&o));
        if amount != Some(due) {
            return self
                .wrong_amount(conn, &p, &o, amount, due)
                .await
                .map(|outcome| (outcome, None));
        }
        self.set_payment_status(conn, p.id, "succeeded").await?;
        match OrderStatus::parse(&o.status) {
            Some(OrderStatus::PendingPayment) => {}
            Some(OrderStatus::Cancelled) => {
                // The money arrived after the order was given up (its hold
                // expired, its stock may be sold): it goes straight back.
                record(
                    conn,
                    o.id,
                    None,
                    OrderStatus::Cancelled,
                    By::Payment,
                    "Payment received after cancellation — refunding it",
                )
                .await?;
                // Balances went back at the cancellation: only the gateway's part is owed.
                let owed = (o.total_minor - o.refunded_minor).min(p.amount_minor);
                self.reserve_refund(conn, &o, owed, By::System, None, RefundTo::Original)
                    .await?;
                return Ok((EventOutcome::Applied, None));
            }
            _ => return Ok((EventOutcome::Ignored, None)),
        }
        self.settle(conn, &o, "Payment received").await?;
        Ok((EventOutcome::Applied, Some(due)))
    }

    /// The order is paid for: stock committed, gift cards it bought issued,
    /// cart closed, confirmation mailed.
    pub(crate) async fn settle<C: ConnectionTrait>(
        &self,
        conn: &C,
        o: &order::Model,
        note: &str,
    ) -> Result<()> {
        transition(conn, o, OrderStatus::Paid, By::Payment, note).await?;
        order::Entity::update_many()
            .col_expr(order::Column::PaidAt, Expr::value(super::now()))
            .filter(order::Column::Id.eq(o.id))
            .exec(conn)
            .await?;
        inventory::commit(conn, o.id).await?;
        crate::gift_cards::purchase::fulfil(conn, &self.c.templates, o).await?;
        if let Some(cart_id) = o.cart_id {
            cart::Entity::update_many()
                .col_expr(cart::Column::Status, Expr::value("converted"))
                .filter(cart::Column::Id.eq(cart_id))
                .filter(cart::Column::Status.eq("active"))
                .exec(conn)
                .await?;
        }
        let view = self.load(conn, o.clone()).await?;
        let link = self
            .c
            .templates
            .link_in(&o.locale, &format!("/checkout/complete/{}", o.public_id));
        self.c
            .templates
            .enqueue(
                conn,
                MailKind::OrderConfirmation,
                &o.email,
                context! { order => view, link => link, locale => &o.locale },
            )
            .await?;
        Ok(())
    }

    /// Money arrived, but not the amount or currency this attempt asked
    /// for (a tampered session, a provider-side change): never treated as
    /// paid. The attempt is marked, and the order's timeline tells staff to
    /// check with the provider and refund or settle by hand.
    async fn wrong_amount<C: ConnectionTrait>(
        &self,
        conn: &C,
        p: &payment::Model,
        o: &order::Model,
        amount: Option<crate::Money>,
        due: crate::Money,
    ) -> Result<EventOutcome> {
        // "failed": the attempt did not pay for this order (the note says why).
        self.set_payment_status(conn, p.id, "failed").await?;
        let received = amount.map_or_else(|| "an unknown amount".to_owned(), |m| m.format());
        tracing::warn!(
            order = %o.number,
            received = %received,
            due = %due.format(),
            "payment amount does not match the order; not marked paid"
        );
        let status = super::view::status(o);
        record(
            conn,
            o.id,
            Some(status),
            status,
            By::Payment,
            &format!(
                "Payment of {received} received, but {} was due — not accepted. \
                 Check it with the payment provider and refund it.",
                due.format()
            ),
        )
        .await?;
        Ok(EventOutcome::Applied)
    }

    async fn failed<C: ConnectionTrait>(
        &self,
        conn: &C,
        reference: &str,
        mail: bool,
    ) -> Result<EventOutcome> {
        let Some((p, o)) = self.payment_for(conn, reference).await? else {
            return Ok(EventOutcome::Ignored);
        };
        if o.status != OrderStatus::PendingPayment.as_str() {
            return Ok(EventOutcome::Ignored);
        }
        self.set_payment_status(conn, p.id, if mail { "failed" } else { "expired" })
            .await?;
        let note = if mail {
            "Payment failed"
        } else {
            "Payment not completed in time"
        };
        transition(conn, &o, OrderStatus::Cancelled, By::Payment, note).await?;
        inventory::release(conn, o.id).await?;
        super::give_back_unpaid(conn, o.id).await?;
        if mail {
            let view = self.load(conn, o.clone()).await?;
            self.c
                .templates
                .enqueue(
                    conn,
                    MailKind::PaymentFailed,
                    &o.email,
                    context! {
                        order => view,
                        link => self.c.templates.link_in(&o.locale, "/cart"),
                        locale => &o.locale,
                    },
                )
                .await?;
        }
        Ok(EventOutcome::Applied)
    }

    async fn refunded<C: ConnectionTrait>(
        &self,
        conn: &C,
        payment_id: &str,
        cumulative: i64,
    ) -> Result<EventOutcome> {
        let Some(p) = payment::Entity::find()
            .filter(payment::Column::ProviderPaymentId.eq(payment_id))
            .one(conn)
            .await?
        else {
            return Ok(EventOutcome::Ignored);
        };
        let o = order::Entity::find_by_id(p.order_id)
            .one(conn)
            .await?
            .ok_or_else(|| Error::internal("payment without order"))?;
        // The provider counts its own refunds; those to balances are ours.
        let ours = super::refunds::refund_totals(conn, o.id).await?;
        let total = cumulative + (ours.all - ours.gateway);
        if total <= o.refunded_minor {
            return Ok(EventOutcome::Ignored);
        }
        self.apply_refund_total(conn, &o, total.min(o.total_minor), By::Payment)
            .await?;
        Ok(EventOutcome::Applied)
    }

    /// Records that `total_refunded` has now been given back, moving the
    /// order to refunded / partially refunded where that is a legal move.
    pub(crate) async fn apply_refund_total<C: ConnectionTrait>(
        &self,
        conn: &C,
        o: &order::Model,
        total_refunded: i64,
        by: By,
    ) -> Result<()> {
        // Never lowers the total: refunds this shop started are counted
        // already, and the provider's figure only adds the ones it did alone.
        let raised = order::Entity::update_many()
            .col_expr(order::Column::RefundedMinor, Expr::value(total_refunded))
            .col_expr(order::Column::UpdatedAt, Expr::value(super::now()))
            .filter(order::Column::Id.eq(o.id))
            .filter(order::Column::RefundedMinor.lt(total_refunded))
            .exec(conn)
            .await?;
        if raised.rows_affected != 1 {
            return Ok(());
        }
        let updated = order::Entity::find_by_id(o.id)
            .one(conn)
            .await?
            .ok_or_else(|| Error::internal("order vanished"))?;
        let status = OrderStatus::parse(&o.status).unwrap_or(OrderStatus::Paid);
        let target = if total_refunded >= o.total_minor {
            OrderStatus::Refunded
        } else {
            OrderStatus::PartiallyRefunded
        };
        let refunded = crate::Money::new(total_refunded, super::view::currency(o));
        let amount = refunded.format();
        if status.can_become(target) {
            transition(
                conn,
                &updated,
                target,
                by,
                &format!("Refunded {amount} in total"),
            )
            .await?;
        } else {
            record(
                conn,
                o.id,
                Some(status),
                status,
                by,
                &format!("Refunded {amount} in total"),
            )
            .await?;
        }
        let view = self.load(conn, updated).await?;
        self.c
            .templates
            .enqueue(
                conn,
                MailKind::OrderRefunded,
                &o.email,
                context! {
                    order => view,
                    amount => i18n::money(super::view::locale(o), &refunded),
                    locale => &o.locale,
                },
            )
            .await
    }
}
