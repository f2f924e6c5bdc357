//! Returns per line (RMA). A customer asks to send back some units of the
//! lines that shipped, within the shop's return window after the last
//! parcel left, with a reason from the list and a note. Each order line
//! counts the units in returns not declined (`returning_quantity`): one
//! conditional `UPDATE` per line keeps it within what shipped, so requests
//! made at once cannot send back more than arrived. Staff approve (the
//! mail says how to send it back) or decline (the units can be asked for
//! again), receive what arrived (per line, back on the shelf or not) and
//! refund it (`amounts.rs`) through the order's refund path. Every step
//! is a note on the order's timeline; staff steps are audited.
mod amounts;
mod staff;

use std::collections::BTreeMap;

use sea_orm::sea_query::{Expr, ExprTrait};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, EntityTrait, PaginatorTrait, QueryFilter,
    QueryOrder, Set,
};
use time::{Duration, OffsetDateTime};

pub use amounts::{refund as refund_for, Placed, Refund, Returned};
pub use model::returns::{
    ReceivedLine, ReturnLineInput, ReturnLineView, ReturnReason, ReturnRequestInput, ReturnStatus,
    ReturnView, ReturnableLine, ReturnsPanel,
};

use super::{now, record, By, OrderStatus, Orders};
use crate::accounts::Actor;
use crate::entities::{order, order_item, order_return, return_line, shipment};
use crate::{Error, Money, Result};
use model::Said;

/// Longest note a customer or staff member can add.
const MAX_NOTE: usize = 1000;

/// Trimmed, at most [`MAX_NOTE`] characters, no control characters but
/// line breaks and tabs.
fn checked_note(field: &'static str, raw: &str) -> Result<String> {
    let note = raw.trim();
    if note.chars().count() > MAX_NOTE
        || note
            .chars()
            .any(|c| c.is_control() && !matches!(c, '\n' | '\r' | '\t'))
    {
        return Err(Error::rule(
            field,
            Said::new("error-return-note").number("max", MAX_NOTE as i64),
        ));
    }
    Ok(note.to_owned())
}

/// "2 × Red Tee (M), 1 × Socks (One size)".
fn units_text(lines: &[(order_item::Model, i32)]) -> String {
    lines
        .iter()
        .map(|(item, q)| format!("{q} × {} ({})", item.title, item.variant_title))
        .collect::<Vec<_>>()
        .join(", ")
}

/// The units of each order line a return asks for, checked against the
/// order: known SKUs, 1 to the units shipped, each line once.
fn wanted(
    items: &[order_item::Model],
    lines: &[ReturnLineInput],
) -> Result<Vec<(order_item::Model, i32)>> {
    if lines.len() > items.len().max(1) * 4 {
        return Err(Error::rule(
            "lines",
            Said::new("error-return-too-many-lines"),
        ));
    }
    let mut by_item: BTreeMap<i32, (order_item::Model, i64)> = BTreeMap::new();
    for l in lines.iter().filter(|l| l.quantity != 0) {
        let sku = l.sku.trim();
        let item = items
            .iter()
            .find(|i| i.sku.eq_ignore_ascii_case(sku))
            .ok_or_else(|| {
                Error::rule(
                    "lines",
                    Said::new("error-return-not-in-order")
                        .text("sku", sku.chars().take(40).collect::<String>()),
                )
            })?;
        let entry = by_item.entry(item.id).or_insert((item.clone(), 0));
        entry.1 = entry.1.saturating_add(l.quantity);
    }
    if by_item.is_empty() {
        return Err(Error::rule("lines", Said::new("error-return-nothing")));
    }
    by_item
        .into_values()
        .map(|(item, q)| {
            let shipped = i64::from(item.shipped_quantity);
            if q < 1 || q > shipped {
                Err(Error::rule(
                    "lines",
                    Said::new("error-return-quantity")
                        .number("max", shipped)
                        .text("product", &item.title)
                        .variant("variant", &item.variant_title),
                ))
            } else {
                Ok((item, q as i32))
            }
        })
        .collect()
}

impl Orders {
    /// The customer asks to send back some units (or staff do it for them).
    pub async fn start_return(
        &self,
        actor: &Actor,
        number: &str,
        input: &ReturnRequestInput,
    ) -> Result<ReturnView> {
        let o = self.visible(actor, number).await?;
        let reason = ReturnReason::parse(&input.reason)
            .ok_or_else(|| Error::rule("reason", Said::new("error-return-reason")))?;
        let note = checked_note("note", &input.note)?;
        let last_parcel = self.last_parcel(&o).await?;
        self.window(&o, last_parcel.as_ref())
            .map_err(Error::Clash)?;
        let items = order_item::Entity::find()
            .filter(order_item::Column::OrderId.eq(o.id))
            .order_by_asc(order_item::Column::Id)
            .all(&self.c.db)
            .await?;
        let lines = wanted(&items, &input.lines)?;

        let txn = crate::db::begin_write(&self.c.db).await?;
        crate::db::lock_key(&txn, &format!("returns:order:{}", o.id)).await?;
        for (item, q) in &lines {
            let taken = order_item::Entity::update_many()
                .col_expr(
                    order_item::Column::ReturningQuantity,
                    Expr::col(order_item::Column::ReturningQuantity).add(*q),
                )
                .filter(order_item::Column::Id.eq(item.id))
                .filter(
                    Expr::col(order_item::Column::ReturningQuantity)
                        .add(*q)
                        .lte(Expr::col(order_item::Column::ShippedQuantity)),
                )
                .exec(&txn)
                .await?;
            if taken.rows_affected != 1 {
                txn.rollback().await?;
                return Err(Error::Clash(
                    Said::new("error-return-already")
                        .text("product", &item.title)
                        .variant("variant", &item.variant_title),
                ));
            }
        }
        let n = order_return::Entity::find()
            .filter(order_return::Column::OrderId.eq(o.id))
            .count(&txn)
            .await?
            + 1;
        let at = now();
        let r = order_return::ActiveModel {
            number: Set(format!("{}-R{n}", o.number)),
            order_id: Set(o.id),
            status: Set(ReturnStatus::Requested.as_str().to_owned()),
            reason: Set(reason.as_str().to_owned()),
            note: Set(note),
            staff_note: Set(String::new()),
            refund_shipping: Set(false),
            refund_minor: Set(0),
            created_at: Set(at),
            updated_at: Set(at),
            ..Default::default()
        }
        .insert(&txn)
        .await?;
        for (item, q) in &lines {
            return_line::ActiveModel {
                return_id: Set(r.id),
                order_item_id: Set(item.id),
                quantity: Set(*q),
                received: Set(0),
                restocked: Set(0),
                ..Default::default()
            }
            .insert(&txn)
            .await?;
        }
        let by = if actor.user_id() == o.user_id {
            By::Customer
        } else {
            By::Staff
        };
        self.return_note(
            &txn,
            &o,
            by,
            &format!(
                "Return {} requested ({}): {}",
                r.number,
                reason.label(),
                units_text(&lines)
            ),
        )
        .await?;
        txn.commit().await?;
        self.return_view(&self.c.db, &r, &o).await
    }

    /// When the order's return window closes, or why returns cannot be
    /// asked for (in words for the customer).
    fn window(
        &self,
        o: &order::Model,
        last_parcel: Option<&shipment::Model>,
    ) -> std::result::Result<OffsetDateTime, Said> {
        if !super::view::status(o).is_paid() {
            return Err(Said::new("error-return-not-paid"));
        }
        let Some(last_parcel) = last_parcel else {
            return Err(Said::new("error-return-not-shipped"));
        };
        let days = self.c.store().return_window_days;
        if days <= 0 {
            return Err(Said::new("error-return-by-arrangement"));
        }
        let until = last_parcel.created_at + Duration::days(i64::from(days));
        if now() > until {
            return Err(Said::new("error-return-window-closed").number("days", i64::from(days)));
        }
        Ok(until)
    }

    async fn last_parcel(&self, o: &order::Model) -> Result<Option<shipment::Model>> {
        Ok(shipment::Entity::find()
            .filter(shipment::Column::OrderId.eq(o.id))
            .order_by_desc(shipment::Column::CreatedAt)
            .one(&self.c.db)
            .await?)
    }

    /// The order's returns, oldest first, and what can still be sent back,
    /// for its customer or staff.
    pub async fn returns_panel(&self, actor: &Actor, number: &str) -> Result<ReturnsPanel> {
        let o = self.visible(actor, number).await?;
        let db = &self.c.db;
        let items = items_of(db, &o).await?;
        let mut returns = Vec::new();
        for r in order_return::Entity::find()
            .filter(order_return::Column::OrderId.eq(o.id))
            .order_by_asc(order_return::Column::Id)
            .all(db)
            .await?
        {
            let lines = lines_of(db, &r).await?;
            returns.push(view_of(&r, &o, &lines, &items));
        }
        let last_parcel = self.last_parcel(&o).await?;
        let window = self.window(&o, last_parcel.as_ref());
        let returnable = match &window {
            Err(_) => Vec::new(),
            Ok(_) => items
                .into_values()
                .filter(|i| i.shipped_quantity > i.returning_quantity)
                .map(|i| ReturnableLine {
                    left: i64::from(i.shipped_quantity - i.returning_quantity),
                    sku: i.sku,
                    title: i.title,
                    variant_title: i.variant_title,
                })
                .collect(),
        };
        Ok(ReturnsPanel {
            shipped: last_parcel.is_some(),
            returns,
            returnable,
            open_until: window.as_ref().ok().map(|t| t.unix_timestamp()),
            closed: window.err(),
        })
    }

    /// A note on the order's timeline, its status unchanged.
    async fn return_note<C: ConnectionTrait>(
        &self,
        conn: &C,
        o: &order::Model,
        by: By,
        note: &str,
    ) -> Result<()> {
        let status = OrderStatus::parse(&o.status).unwrap_or(OrderStatus::Paid);
        record(conn, o.id, Some(status), status, by, note).await
    }

    async fn return_view<C: ConnectionTrait>(
        &self,
        conn: &C,
        r: &order_return::Model,
        o: &order::Model,
    ) -> Result<ReturnView> {
        let lines = lines_of(conn, r).await?;
        Ok(view_of(r, o, &lines, &items_of(conn, o).await?))
    }
}

/// The order's lines by id (a map in id order: the order's own order).
async fn items_of<C: ConnectionTrait>(
    conn: &C,
    o: &order::Model,
) -> Result<BTreeMap<i32, order_item::Model>> {
    Ok(order_item::Entity::find()
        .filter(order_item::Column::OrderId.eq(o.id))
        .all(conn)
        .await?
        .into_iter()
        .map(|i| (i.id, i))
        .collect())
}

async fn lines_of<C: ConnectionTrait>(
    conn: &C,
    r: &order_return::Model,
) -> Result<Vec<return_line::Model>> {
    Ok(return_line::Entity::find()
        .filter(return_line::Column::ReturnId.eq(r.id))
        .order_by_asc(return_line::Column::Id)
        .all(conn)
        .await?)
}

fn view_of(
    r: &order_return::Model,
    o: &order::Model,
    lines: &[return_line::Model],
    items: &BTreeMap<i32, order_item::Model>,
) -> ReturnView {
    let currency = super::view::currency(o);
    let status = ReturnStatus::parse(&r.status).unwrap_or(ReturnStatus::Requested);
    ReturnView {
        number: r.number.clone(),
        order_number: o.number.clone(),
        status,
        reason: ReturnReason::parse(&r.reason).unwrap_or(ReturnReason::Other),
        note: r.note.clone(),
        staff_note: r.staff_note.clone(),
        lines: lines
            .iter()
            .filter_map(|l| {
                let item = items.get(&l.order_item_id)?;
                Some(ReturnLineView {
                    sku: item.sku.clone(),
                    title: item.title.clone(),
                    variant_title: item.variant_title.clone(),
                    unit_price: Money::new(item.unit_price_minor, currency),
                    quantity: i64::from(l.quantity),
                    received: i64::from(l.received),
                    restocked: i64::from(l.restocked),
                })
            })
            .collect(),
        refunded: (status == ReturnStatus::Refunded).then(|| Money::new(r.refund_minor, currency)),
        requested_at: r.created_at.unix_timestamp(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn item(id: i32, sku: &str, shipped: i32) -> order_item::Model {
        order_item::Model {
            id,
            order_id: 1,
            variant_id: Some(id),
            sku: sku.into(),
            title: "Tee".into(),
            variant_title: sku.into(),
            unit_price_minor: 2500,
            quantity: 2,
            line_total_minor: 5000,
            shipped_quantity: shipped,
            returning_quantity: 0,
        }
    }

    fn line(sku: &str, quantity: i64) -> ReturnLineInput {
        ReturnLineInput {
            sku: sku.into(),
            quantity,
        }
    }

    #[test]
    fn lines_are_checked_against_what_shipped() {
        let items = [item(1, "TEE-M", 2), item(2, "TEE-L", 0)];
        let ok = wanted(
            &items,
            &[line("tee-m", 1), line("TEE-M", 1), line("TEE-L", 0)],
        )
        .unwrap();
        assert_eq!(ok.len(), 1);
        assert_eq!((ok[0].0.id, ok[0].1), (1, 2), "one line, units summed");
        for bad in [
            vec![],
            vec![line("TEE-M", 0)],
            vec![line("TEE-M", 3)],
            vec![line("TEE-M", -1)],
            vec![line("TEE-L", 1)],
            vec![line("NOPE", 1)],
            vec![line("TEE-M", i64::MAX), line("TEE-M", i64::MAX)],
            (0..9).map(|_| line("TEE-M", 1)).collect(),
        ] {
            assert!(
                matches!(
                    wanted(&items, &bad),
                    Err(Error::Validation { field: "lines", .. })
                ),
                "{bad:?}"
            );
        }
    }

    #[test]
    fn notes_are_plain_and_bounded() {
        assert_eq!(checked_note("note", "  torn seam \n").unwrap(), "torn seam");
        assert!(checked_note("note", &"x".repeat(1001)).is_err());
        assert!(checked_note("note", "bell\u{7}").is_err());
    }
}
