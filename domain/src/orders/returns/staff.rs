//! Staff steps on a return (permission `orders`): approve with
//! instructions, decline with a reason, receive what arrived, refund it.
//! Each step moves the return with one conditional `UPDATE` from the
//! statuses it may come from, so two staff members acting at once cannot
//! both act: the second is told it has moved on.
use minijinja::context;
use sea_orm::sea_query::{Expr, ExprTrait};
use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter};
use serde_json::json;

use super::amounts::{refund, Placed, Returned};
use super::{checked_note, lines_of, now, By, Orders, ReceivedLine, ReturnStatus, ReturnView};
use crate::accounts::{Actor, Permission};
use crate::entities::{order, order_item, order_return, return_line};
use crate::mail::MailKind;
use crate::{inventory, Error, Money, Result};
use model::gift_cards::RefundTo;

/// A decision on a return: where it may come from and go, and what the
/// timeline, the audit log and the customer are told.
struct Decision {
    from: &'static [ReturnStatus],
    to: ReturnStatus,
    timeline: String,
    action: &'static str,
    mail: MailKind,
}

impl Orders {
    async fn return_by_number(&self, number: &str) -> Result<(order_return::Model, order::Model)> {
        let r = order_return::Entity::find()
            .filter(order_return::Column::Number.eq(number.trim().to_uppercase()))
            .one(&self.c.db)
            .await?
            .ok_or(Error::not_found("return"))?;
        let o = order::Entity::find_by_id(r.order_id)
            .one(&self.c.db)
            .await?
            .ok_or(Error::not_found("return"))?;
        Ok((r, o))
    }

    /// Moves the return to `to` if it is in one of `from`; false if not.
    async fn move_return<C: ConnectionTrait>(
        conn: &C,
        r: &order_return::Model,
        from: &[ReturnStatus],
        to: ReturnStatus,
        staff_note: Option<&str>,
    ) -> Result<bool> {
        let mut q = order_return::Entity::update_many()
            .col_expr(order_return::Column::Status, Expr::value(to.as_str()))
            .col_expr(order_return::Column::UpdatedAt, Expr::value(now()));
        if let Some(note) = staff_note {
            q = q.col_expr(order_return::Column::StaffNote, Expr::value(note));
        }
        let moved = q
            .filter(order_return::Column::Id.eq(r.id))
            .filter(order_return::Column::Status.is_in(from.iter().map(|s| s.as_str())))
            .exec(conn)
            .await?;
        Ok(moved.rows_affected == 1)
    }

    fn moved_on(r: &order_return::Model) -> Error {
        Error::Conflict(format!(
            "Return {} has moved on since you opened it; reload to see where it stands.",
            r.number
        ))
    }

    async fn audit_return<C: ConnectionTrait>(
        conn: &C,
        actor: &Actor,
        action: &str,
        r: &order_return::Model,
        after: serde_json::Value,
    ) -> Result<()> {
        crate::audit::record(
            conn,
            actor,
            action,
            "return",
            &r.number,
            Some(json!({ "status": r.status })),
            Some(after),
        )
        .await
    }

    /// Approves the return; the customer is mailed how to send it back.
    pub async fn approve_return(
        &self,
        actor: &Actor,
        number: &str,
        instructions: &str,
    ) -> Result<ReturnView> {
        actor.require(Permission::Orders)?;
        let instructions = checked_note("instructions", instructions)?;
        let (r, o) = self.return_by_number(number).await?;
        let decision = Decision {
            from: &[ReturnStatus::Requested],
            to: ReturnStatus::Approved,
            timeline: format!("Return {} approved", r.number),
            action: "return.approve",
            mail: MailKind::ReturnApproved,
        };
        self.decide(actor, &r, &o, decision, instructions).await
    }

    /// Declines the return with a reason the customer reads; its units can
    /// be asked for again.
    pub async fn reject_return(
        &self,
        actor: &Actor,
        number: &str,
        why: &str,
    ) -> Result<ReturnView> {
        actor.require(Permission::Orders)?;
        let why = checked_note("reason", why)?;
        if why.is_empty() {
            return Err(Error::validation(
                "reason",
                "Tell the customer why the return is declined.",
            ));
        }
        let (r, o) = self.return_by_number(number).await?;
        let decision = Decision {
            from: &[ReturnStatus::Requested, ReturnStatus::Approved],
            to: ReturnStatus::Rejected,
            timeline: format!("Return {} declined: {why}", r.number),
            action: "return.reject",
            mail: MailKind::ReturnRejected,
        };
        self.decide(actor, &r, &o, decision, why).await
    }

    /// Approving and declining: the move, the units freed (declined), the
    /// timeline note, the audit entry and the mail, in one transaction.
    async fn decide(
        &self,
        actor: &Actor,
        r: &order_return::Model,
        o: &order::Model,
        d: Decision,
        staff_note: String,
    ) -> Result<ReturnView> {
        let txn = crate::db::begin_write(&self.c.db).await?;
        if !Self::move_return(&txn, r, d.from, d.to, Some(&staff_note)).await? {
            return Err(Self::moved_on(r));
        }
        if d.to == ReturnStatus::Rejected {
            for l in lines_of(&txn, r).await? {
                give_back(&txn, l.order_item_id, l.quantity).await?;
            }
        }
        self.return_note(&txn, o, By::Staff, &d.timeline).await?;
        let after = json!({ "status": d.to.as_str() });
        Self::audit_return(&txn, actor, d.action, r, after).await?;
        let view = ReturnView {
            status: d.to,
            staff_note,
            ..self.return_view(&txn, r, o).await?
        };
        let link = self
            .c
            .templates
            .link_in(&o.locale, &format!("/account/orders/{}", o.number));
        self.c
            .templates
            .enqueue(
                &txn,
                d.mail,
                &o.email,
                context! { ret => &view, link => link, locale => &o.locale },
            )
            .await?;
        txn.commit().await?;
        self.c.outbox.wake();
        Ok(view)
    }

    /// What arrived, per line: how many units, and whether they go back on
    /// the shelf. Units that never arrived can be asked for again.
    pub async fn receive_return(
        &self,
        actor: &Actor,
        number: &str,
        found: &[ReceivedLine],
    ) -> Result<ReturnView> {
        actor.require(Permission::Orders)?;
        let (r, o) = self.return_by_number(number).await?;
        let txn = crate::db::begin_write(&self.c.db).await?;
        let lines = lines_of(&txn, &r).await?;
        let items = order_item::Entity::find()
            .filter(order_item::Column::Id.is_in(lines.iter().map(|l| l.order_item_id)))
            .all(&txn)
            .await?;
        let mut counted = Vec::new();
        for l in &lines {
            let Some(item) = items.iter().find(|i| i.id == l.order_item_id) else {
                continue;
            };
            let got = found
                .iter()
                .find(|f| f.sku.trim().eq_ignore_ascii_case(&item.sku))
                .cloned()
                .unwrap_or_default();
            if got.received < 0 || got.received > i64::from(l.quantity) {
                return Err(Error::validation(
                    "received",
                    format!(
                        "Enter 0 to {} for {} ({}).",
                        l.quantity, item.title, item.variant_title
                    ),
                ));
            }
            counted.push((l, item, got.received as i32, got.restock));
        }
        let from = [ReturnStatus::Requested, ReturnStatus::Approved];
        if !Self::move_return(&txn, &r, &from, ReturnStatus::Received, None).await? {
            return Err(Self::moved_on(&r));
        }
        let mut notes = Vec::new();
        for (l, item, received, restock) in &counted {
            let restocked = if *restock { *received } else { 0 };
            if let Some(variant) = item.variant_id {
                inventory::returned(&txn, o.id, variant, restocked).await?;
            }
            return_line::Entity::update_many()
                .col_expr(return_line::Column::Received, Expr::value(*received))
                .col_expr(return_line::Column::Restocked, Expr::value(restocked))
                .filter(return_line::Column::Id.eq(l.id))
                .exec(&txn)
                .await?;
            give_back(&txn, item.id, l.quantity - received).await?;
            notes.push(format!(
                "{received} of {} × {} ({}){}",
                l.quantity,
                item.title,
                item.variant_title,
                if restocked > 0 {
                    ", back on the shelf"
                } else {
                    ""
                }
            ));
        }
        self.return_note(
            &txn,
            &o,
            By::Staff,
            &format!("Return {} received: {}", r.number, notes.join("; ")),
        )
        .await?;
        let received: i32 = counted.iter().map(|(_, _, n, _)| n).sum();
        let after = json!({ "status": ReturnStatus::Received.as_str(), "units": received });
        Self::audit_return(&txn, actor, "return.receive", &r, after).await?;
        txn.commit().await?;
        self.return_view(&self.c.db, &r, &o).await
    }

    /// Refunds what arrived (and the shipping, if `shipping` and no
    /// earlier return took it) through the order's refund path, the way
    /// they paid or as store credit (`to`): never more than is left of what
    /// was paid.
    pub async fn refund_return(
        &self,
        actor: &Actor,
        number: &str,
        shipping: bool,
        to: RefundTo,
    ) -> Result<ReturnView> {
        actor.require(Permission::Orders)?;
        let (r, o) = self.return_by_number(number).await?;
        let txn = crate::db::begin_write(&self.c.db).await?;
        // The order's returns are refunded one at a time: each takes its
        // share after the ones before it.
        crate::db::lock_key(&txn, &format!("returns:order:{}", o.id)).await?;
        let refunded = ReturnStatus::Refunded;
        if !Self::move_return(&txn, &r, &[ReturnStatus::Received], refunded, None).await? {
            return Err(Self::moved_on(&r));
        }
        let o = order::Entity::find_by_id(o.id)
            .one(&txn)
            .await?
            .ok_or(Error::not_found("order"))?;
        let before = refunded_before(&txn, &o, &r).await?;
        let now_back = Returned {
            goods: goods_received(&txn, &[r.id]).await?,
            shipping: shipping && !before.shipping,
        };
        let placed = Placed {
            subtotal: o.subtotal_minor,
            discount: o.discount_minor,
            shipping: o.shipping_minor,
            tax: o.tax_minor,
            total: o.total_minor,
            prices_include_tax: o.prices_include_tax,
        };
        let owed = refund(&placed, before, now_back)
            .map_err(|e| Error::internal(format!("return refund: {e:?}")))?;
        let amount = Ord::max(Ord::min(owed.total, o.total_minor - o.refunded_minor), 0);
        if amount > 0 {
            self.reserve_refund(&txn, &o, amount, By::Staff, Some(actor), to)
                .await?;
        }
        order_return::Entity::update_many()
            .col_expr(order_return::Column::RefundMinor, Expr::value(amount))
            .col_expr(
                order_return::Column::RefundShipping,
                Expr::value(now_back.shipping),
            )
            .filter(order_return::Column::Id.eq(r.id))
            .exec(&txn)
            .await?;
        let currency = super::super::view::currency(&o);
        let o = order::Entity::find_by_id(o.id)
            .one(&txn)
            .await?
            .ok_or(Error::not_found("order"))?;
        self.return_note(
            &txn,
            &o,
            By::Staff,
            &format!(
                "Return {} refunded: {}{}",
                r.number,
                Money::new(amount, currency).format(),
                match to {
                    RefundTo::Original => "",
                    RefundTo::StoreCredit => " as store credit",
                }
            ),
        )
        .await?;
        let after = json!({
            "status": refunded.as_str(),
            "refund_minor": amount,
            "shipping": now_back.shipping,
            "to": to.as_str(),
        });
        Self::audit_return(&txn, actor, "return.refund", &r, after).await?;
        txn.commit().await?;
        self.c.outbox.wake();
        let r = order_return::Entity::find_by_id(r.id)
            .one(&self.c.db)
            .await?
            .ok_or(Error::not_found("return"))?;
        self.return_view(&self.c.db, &r, &o).await
    }
}

/// `units` of an order line are no longer on their way back.
async fn give_back<C: ConnectionTrait>(conn: &C, order_item_id: i32, units: i32) -> Result<()> {
    if units <= 0 {
        return Ok(());
    }
    order_item::Entity::update_many()
        .col_expr(
            order_item::Column::ReturningQuantity,
            Expr::col(order_item::Column::ReturningQuantity).sub(units),
        )
        .filter(order_item::Column::Id.eq(order_item_id))
        .filter(order_item::Column::ReturningQuantity.gte(units))
        .exec(conn)
        .await?;
    Ok(())
}

/// The value, at the prices paid, of the units received in `returns`.
async fn goods_received<C: ConnectionTrait>(conn: &C, returns: &[i32]) -> Result<i64> {
    let lines = return_line::Entity::find()
        .filter(return_line::Column::ReturnId.is_in(returns.iter().copied()))
        .all(conn)
        .await?;
    let items = order_item::Entity::find()
        .filter(order_item::Column::Id.is_in(lines.iter().map(|l| l.order_item_id)))
        .all(conn)
        .await?;
    Ok(lines
        .iter()
        .filter_map(|l| {
            let item = items.iter().find(|i| i.id == l.order_item_id)?;
            Some(item.unit_price_minor * i64::from(l.received))
        })
        .sum())
}

/// What the order's other refunded returns took back.
async fn refunded_before<C: ConnectionTrait>(
    conn: &C,
    o: &order::Model,
    this: &order_return::Model,
) -> Result<Returned> {
    let earlier = order_return::Entity::find()
        .filter(order_return::Column::OrderId.eq(o.id))
        .filter(order_return::Column::Status.eq(ReturnStatus::Refunded.as_str()))
        .filter(order_return::Column::Id.ne(this.id))
        .all(conn)
        .await?;
    let ids: Vec<i32> = earlier.iter().map(|r| r.id).collect();
    Ok(Returned {
        goods: goods_received(conn, &ids).await?,
        shipping: earlier.iter().any(|r| r.refund_shipping),
    })
}
