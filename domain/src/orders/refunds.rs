//! Refunds in two steps, so money never goes back twice or beyond what was
//! paid, and a crash never loses one that is owed:
//! 1. in the caller's transaction, one conditional `UPDATE` adds the amount
//!    to the order's refunded total only while that stays within what was
//!    paid (two refunds at once cannot both pass), and the money is split by
//!    where it goes ([`Method`]): the gateway's part is a pending refund row
//!    and an outbox message; the part back to gift cards and store credit,
//!    or a refund as store credit, moves those balances at once;
//! 2. the outbox worker asks the payment provider for its part, with the
//!    refund's own idempotency key, retrying with backoff until the
//!    provider answers; then the customer is mailed.
//!
//! "The way they paid" refunds the gateway first, then the balances that
//! paid part of the order, never more to each than it paid.
use minijinja::context;
use sea_orm::sea_query::{Expr, ExprTrait};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QueryOrder,
    QuerySelect, Set,
};
use serde::{Deserialize, Serialize};
use serde_json::json;

use super::view::locale;
use super::{record, transition, By, OrderStatus, OrderView, Orders};
use crate::accounts::{Actor, Permission};
use crate::entities::{order, payment, refund};
use crate::gift_cards::checkout as balances;
use crate::gift_cards::ledger::{self, Holder, Movement, Reason};
use crate::mail::MailKind;
use crate::payments::PaymentError;
use crate::{Error, Money, Result};
use model::gift_cards::RefundTo;

/// Where one refund row's money went.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Method {
    Gateway,
    /// Back to the gift cards and store credit that paid.
    Balances,
    StoreCredit,
}

impl Method {
    fn as_str(self) -> &'static str {
        match self {
            Self::Gateway => "gateway",
            Self::Balances => "balances",
            Self::StoreCredit => "store_credit",
        }
    }

    fn phrase(self) -> &'static str {
        match self {
            Self::Gateway => "to the card",
            Self::Balances => "to gift cards and store credit",
            Self::StoreCredit => "as store credit",
        }
    }
}

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
        to: RefundTo,
    ) -> Result<OrderView> {
        actor.require(Permission::Orders)?;
        // Typed in the order's currency, which may not be the base.
        let currency = crate::entities::order::Entity::find()
            .filter(crate::entities::order::Column::Number.eq(number.trim()))
            .one(&self.c.db)
            .await?
            .map_or(self.c.currency(), |o| super::order_currency(&o));
        let amount = crate::typed::amount(typed, currency, "amount")?
            .ok_or_else(|| Error::validation("amount", "Enter the amount to refund."))?;
        self.refund_to(actor, number, amount, to).await
    }

    /// A refund the way the customer paid.
    pub async fn refund(&self, actor: &Actor, number: &str, amount: i64) -> Result<OrderView> {
        self.refund_to(actor, number, amount, RefundTo::Original)
            .await
    }

    pub async fn refund_to(
        &self,
        actor: &Actor,
        number: &str,
        amount: i64,
        to: RefundTo,
    ) -> Result<OrderView> {
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
        self.reserve_refund(&txn, &o, amount, By::Staff, Some(actor), to)
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
        to: RefundTo,
    ) -> Result<()> {
        if amount <= 0 {
            return Ok(());
        }
        let user_id = match (to, o.user_id) {
            (RefundTo::StoreCredit, None) => {
                return Err(Error::validation(
                    "refund_to",
                    "This order was placed as a guest: only customers with an account can be refunded as store credit.",
                ))
            }
            (_, user) => user,
        };
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
        let currency = super::view::currency(&fresh);
        crate::gift_cards::purchase::take_back(conn, &fresh, amount).await?;
        let parts = self.split(conn, &fresh, amount, to).await?;
        let mut gateway_jobs = Vec::new();
        for &(method, part) in &parts {
            let moved = match method {
                Method::Gateway => None,
                Method::Balances => {
                    let back = balances::restore(conn, o.id, Some(part), "Refund").await?;
                    if back < part {
                        return Err(self.refund_range(o));
                    }
                    Some(Method::Balances)
                }
                Method::StoreCredit => {
                    let user = user_id.ok_or(Error::not_found("customer"))?;
                    balances::open_credit(conn, user, currency).await?;
                    ledger::apply(
                        conn,
                        Movement {
                            holder: Holder::Customer(user),
                            delta_minor: part,
                            reason: Reason::Refunded,
                            order_id: Some(o.id),
                            actor_id: staff.and_then(|a| a.user_id()),
                            note: &format!("Refund for order {}", o.number),
                        },
                    )
                    .await?;
                    Some(Method::StoreCredit)
                }
            };
            let row = refund::ActiveModel {
                order_id: Set(o.id),
                amount_minor: Set(part),
                // Settled here, not by the provider: a reference of our own
                // (unique, like the provider's).
                provider_reference: Set(
                    moved.map(|m| format!("{}-{}", m.as_str(), uuid::Uuid::new_v4().simple()))
                ),
                reason: Set(String::new()),
                method: Set(method.as_str().to_owned()),
                created_at: Set(super::now()),
                ..Default::default()
            }
            .insert(conn)
            .await?;
            if method == Method::Gateway {
                gateway_jobs.push(row.id);
            }
        }
        let how: Vec<String> = parts
            .iter()
            .map(|(m, part)| format!("{} {}", Money::new(*part, currency).format(), m.phrase()))
            .collect();
        let note = format!(
            "Refund of {} requested: {} ({} refunded in total)",
            Money::new(amount, currency).format(),
            how.join(", "),
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
        for refund_id in gateway_jobs {
            crate::outbox::enqueue(conn, crate::outbox::KIND_REFUND, &RefundJob { refund_id })
                .await?;
        }
        if parts.iter().any(|(m, _)| *m != Method::Gateway) {
            // Balances moved now: the customer hears now.
            let view = self.load(conn, fresh.clone()).await?;
            let total = i18n::money(locale(o), &Money::new(fresh.refunded_minor, currency));
            self.c
                .templates
                .enqueue(
                    conn,
                    MailKind::OrderRefunded,
                    &o.email,
                    context! { order => view, amount => total, locale => &o.locale },
                )
                .await?;
        }
        Ok(())
    }

    /// Splits a refund by where its money goes. The way they paid: the
    /// gateway up to what it took and has not given back, the rest to the
    /// balances that paid.
    async fn split<C: ConnectionTrait>(
        &self,
        conn: &C,
        o: &order::Model,
        amount: i64,
        to: RefundTo,
    ) -> Result<Vec<(Method, i64)>> {
        if to == RefundTo::StoreCredit {
            return Ok(vec![(Method::StoreCredit, amount)]);
        }
        let paid = payment::Entity::find()
            .filter(payment::Column::OrderId.eq(o.id))
            .filter(payment::Column::Status.eq("succeeded"))
            .filter(payment::Column::ProviderPaymentId.is_not_null())
            .one(conn)
            .await?;
        if paid.is_none() && o.balance_paid_minor == 0 {
            return Err(Error::Conflict(
                "This order has no confirmed payment to refund.".into(),
            ));
        }
        let by_gateway = paid.map_or(0, |p| p.amount_minor);
        let refunded = refund_totals(conn, o.id).await?.gateway;
        let gateway = Ord::min(amount, Ord::max(by_gateway - refunded, 0));
        Ok([
            (Method::Gateway, gateway),
            (Method::Balances, amount - gateway),
        ]
        .into_iter()
        .filter(|(_, part)| *part > 0)
        .collect())
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
            let total = i18n::money(
                locale(&o),
                &Money::new(o.refunded_minor, super::view::currency(&o)),
            );
            self.c
                .templates
                .enqueue(
                    &txn,
                    MailKind::OrderRefunded,
                    &o.email,
                    context! { order => view, amount => total, locale => &o.locale },
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

/// What an order's refunds moved: in all, and through the gateway.
pub(super) struct RefundTotals {
    pub all: i64,
    pub gateway: i64,
}

pub(super) async fn refund_totals<C: ConnectionTrait>(
    conn: &C,
    order_id: i32,
) -> Result<RefundTotals> {
    let rows: Vec<(String, i64)> = refund::Entity::find()
        .select_only()
        .column(refund::Column::Method)
        .column(refund::Column::AmountMinor)
        .filter(refund::Column::OrderId.eq(order_id))
        .into_tuple()
        .all(conn)
        .await?;
    Ok(rows.into_iter().fold(
        RefundTotals { all: 0, gateway: 0 },
        |mut t, (method, amount)| {
            t.all += amount;
            if method == Method::Gateway.as_str() {
                t.gateway += amount;
            }
            t
        },
    ))
}
