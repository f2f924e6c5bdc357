//! Parcels: staff ship an order in one or more shipments, each with a
//! carrier, a tracking number and the units it carries. The order is
//! `partially_shipped` until every unit has left, then `shipped`. Each
//! line's shipped count only grows by a conditional UPDATE that cannot pass
//! its quantity, and shipments of one order are serialised, so two staff
//! shipping at once can neither ship a unit twice nor leave the status
//! behind the lines.
use std::collections::{HashMap, HashSet};

use minijinja::context;
use sea_orm::sea_query::{Expr, ExprTrait};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, EntityTrait, PaginatorTrait, QueryFilter,
    QueryOrder, Set,
};
use serde_json::json;

use super::{transition, By, OrderStatus, OrderView, Orders};
use crate::accounts::{Actor, Permission};
use crate::entities::{carrier, order, order_item, shipment, shipment_item};
use crate::mail::MailKind;
use crate::{Error, Result};
use model::commerce::{Carrier, NewShipment, ShipLine, ShipmentView, ShippedLine};
use model::webhooks::EventType;

/// More lines than any order has; keeps a hostile request's work bounded.
const MAX_LINES: usize = 500;

impl Orders {
    /// The carriers staff can pick, by name.
    pub async fn carriers(&self) -> Result<Vec<Carrier>> {
        crate::shop_settings::carriers(&self.c.db).await
    }

    /// Ships `s.lines` of the order (everything left when empty) as one
    /// parcel, mails the customer about it, and moves the order on.
    pub async fn ship(&self, actor: &Actor, number: &str, s: &NewShipment) -> Result<OrderView> {
        actor.require(Permission::Orders)?;
        let tracking = tracking_number(&s.tracking_number)?;
        if s.lines.len() > MAX_LINES {
            return Err(Error::validation(
                "lines",
                "That is more lines than the order has.",
            ));
        }
        let o = self.by_number(number).await?;
        let txn = crate::db::begin_write(&self.c.db).await?;
        crate::db::lock_key(&txn, &format!("order-shipments:{}", o.id)).await?;
        // Read again under the lock: another parcel may just have left.
        let o = order::Entity::find_by_id(o.id)
            .one(&txn)
            .await?
            .ok_or(Error::not_found("order"))?;
        let carrier = carrier::Entity::find()
            .filter(carrier::Column::Code.eq(s.carrier.trim()))
            .one(&txn)
            .await?
            .ok_or_else(|| Error::validation("carrier", "Choose a carrier from the list."))?;
        let items = order_item::Entity::find()
            .filter(order_item::Column::OrderId.eq(o.id))
            .order_by_asc(order_item::Column::Id)
            .all(&txn)
            .await?;
        let wanted = plan(&items, &s.lines)?;
        let now = super::now();
        let parcel = shipment::ActiveModel {
            order_id: Set(o.id),
            carrier_id: Set(carrier.id),
            tracking_number: Set(tracking.clone()),
            created_at: Set(now),
            ..Default::default()
        }
        .insert(&txn)
        .await?;
        let mut units = 0;
        for (item, qty) in &wanted {
            let moved = order_item::Entity::update_many()
                .col_expr(
                    order_item::Column::ShippedQuantity,
                    Expr::col(order_item::Column::ShippedQuantity).add(*qty),
                )
                .filter(order_item::Column::Id.eq(item.id))
                .filter(
                    Expr::col(order_item::Column::ShippedQuantity)
                        .add(*qty)
                        .lte(Expr::col(order_item::Column::Quantity)),
                )
                .exec(&txn)
                .await?;
            if moved.rows_affected != 1 {
                return Err(Error::Conflict(format!(
                    "{} has fewer units left to ship than that. Please reload.",
                    item.sku
                )));
            }
            shipment_item::ActiveModel {
                shipment_id: Set(parcel.id),
                order_item_id: Set(item.id),
                quantity: Set(*qty),
                ..Default::default()
            }
            .insert(&txn)
            .await?;
            units += qty;
        }
        let left = order_item::Entity::find()
            .filter(order_item::Column::OrderId.eq(o.id))
            .filter(
                Expr::col(order_item::Column::ShippedQuantity)
                    .lt(Expr::col(order_item::Column::Quantity)),
            )
            .count(&txn)
            .await?;
        let to = if left == 0 {
            OrderStatus::Shipped
        } else {
            OrderStatus::PartiallyShipped
        };
        let note = format!(
            "{units} {} with {}, tracking number {tracking}",
            if units == 1 { "item" } else { "items" },
            carrier.name
        );
        transition(&txn, &o, to, By::Staff, &note).await?;
        crate::webhooks::events::order(&txn, EventType::ShipmentCreated, o.id).await?;
        crate::audit::record(
            &txn,
            actor,
            "order.ship",
            "order",
            &o.number,
            Some(json!({ "status": o.status })),
            Some(json!({
                "status": to.as_str(),
                "carrier": carrier.code,
                "tracking_number": tracking,
                "lines": wanted.iter().map(|(i, q)| json!({ "sku": i.sku, "quantity": q })).collect::<Vec<_>>(),
            })),
        )
        .await?;
        let fresh = order::Entity::find_by_id(o.id)
            .one(&txn)
            .await?
            .ok_or(Error::not_found("order"))?;
        let view = self.load(&txn, fresh).await?;
        let this_parcel = view.shipments.last().cloned();
        self.c
            .templates
            .enqueue(
                &txn,
                MailKind::OrderShipped,
                &o.email,
                context! {
                    first => view.shipments.len() == 1,
                    order => view,
                    shipment => this_parcel,
                    complete => left == 0,
                    locale => &o.locale,
                },
            )
            .await?;
        txn.commit().await?;
        self.c.outbox.wake();
        self.detail(actor, number).await
    }
}

/// Trimmed, inner spaces dropped (labels print them in groups); letters,
/// digits and dashes only, so it is safe inside a carrier's link.
fn tracking_number(raw: &str) -> Result<String> {
    let t: String = raw.chars().filter(|c| !c.is_whitespace()).collect();
    if t.is_empty() || t.chars().count() > 40 {
        return Err(Error::validation(
            "tracking_number",
            "Enter the carrier's tracking number.",
        ));
    }
    if !t.chars().all(|c| c.is_ascii_alphanumeric() || c == '-') {
        return Err(Error::validation(
            "tracking_number",
            "A tracking number has only letters, digits and dashes.",
        ));
    }
    Ok(t)
}

/// The order lines and quantities to ship: what was asked for, or every
/// unit not yet shipped when nothing was.
fn plan<'a>(
    items: &'a [order_item::Model],
    lines: &[ShipLine],
) -> Result<Vec<(&'a order_item::Model, i32)>> {
    if lines.is_empty() {
        let all: Vec<_> = items
            .iter()
            .filter(|i| i.shipped_quantity < i.quantity)
            .map(|i| (i, i.quantity - i.shipped_quantity))
            .collect();
        if all.is_empty() {
            return Err(Error::Conflict(
                "Everything in this order has shipped already.".into(),
            ));
        }
        return Ok(all);
    }
    let by_sku: HashMap<&str, &order_item::Model> =
        items.iter().map(|i| (i.sku.as_str(), i)).collect();
    let mut seen = HashSet::new();
    let mut out = Vec::new();
    for l in lines {
        let sku = l.sku.trim();
        let Some(item) = by_sku.get(sku) else {
            return Err(Error::validation(
                "lines",
                "A line to ship is not in this order.",
            ));
        };
        if !seen.insert(sku) {
            return Err(Error::validation("lines", "Name each line once."));
        }
        if l.quantity == 0 {
            continue;
        }
        let left = i64::from(item.quantity - item.shipped_quantity);
        if l.quantity < 0 || l.quantity > left {
            return Err(Error::validation(
                "lines",
                format!("Only {left} of {sku} are left to ship."),
            ));
        }
        out.push((*item, l.quantity as i32));
    }
    if out.is_empty() {
        return Err(Error::validation(
            "lines",
            "Choose at least one item to ship.",
        ));
    }
    Ok(out)
}

/// An order's parcels, oldest first, for its view.
pub(crate) async fn of_order<C: ConnectionTrait>(
    conn: &C,
    order_id: i32,
    items: &[order_item::Model],
) -> Result<Vec<ShipmentView>> {
    let parcels = shipment::Entity::find()
        .filter(shipment::Column::OrderId.eq(order_id))
        .order_by_asc(shipment::Column::Id)
        .all(conn)
        .await?;
    if parcels.is_empty() {
        return Ok(Vec::new());
    }
    let contents = shipment_item::Entity::find()
        .filter(shipment_item::Column::ShipmentId.is_in(parcels.iter().map(|p| p.id)))
        .order_by_asc(shipment_item::Column::Id)
        .all(conn)
        .await?;
    let carriers: HashMap<i32, carrier::Model> = carrier::Entity::find()
        .filter(carrier::Column::Id.is_in(parcels.iter().map(|p| p.carrier_id)))
        .all(conn)
        .await?
        .into_iter()
        .map(|c| (c.id, c))
        .collect();
    let lines: HashMap<i32, &order_item::Model> = items.iter().map(|i| (i.id, i)).collect();
    Ok(parcels
        .into_iter()
        .map(|p| {
            let c = carriers.get(&p.carrier_id);
            ShipmentView {
                carrier: c.map(|c| c.name.clone()).unwrap_or_default(),
                tracking_url: c.and_then(|c| tracking_link(&c.tracking_url, &p.tracking_number)),
                tracking_number: p.tracking_number,
                shipped_at: p.created_at.unix_timestamp(),
                lines: contents
                    .iter()
                    .filter(|i| i.shipment_id == p.id)
                    .filter_map(|i| {
                        lines.get(&i.order_item_id).map(|l| ShippedLine {
                            sku: l.sku.clone(),
                            title: format!("{} ({})", l.title, l.variant_title),
                            quantity: i64::from(i.quantity),
                        })
                    })
                    .collect(),
            }
        })
        .collect())
}

/// The carrier's link with the number in it; `None` when it has no link.
fn tracking_link(template: &str, tracking: &str) -> Option<String> {
    use crate::shop_settings::TRACKING_PLACEHOLDER;
    (template.contains(TRACKING_PLACEHOLDER))
        .then(|| template.replace(TRACKING_PLACEHOLDER, tracking))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tracking_numbers_are_normalised_and_link_safe() {
        assert_eq!(
            tracking_number(" 1Z 999 AA1 01 ").ok().as_deref(),
            Some("1Z999AA101")
        );
        assert!(tracking_number("").is_err());
        assert!(tracking_number("   ").is_err());
        assert!(tracking_number("1Z&x=<script>").is_err());
        assert!(tracking_number(&"9".repeat(41)).is_err());
        assert_eq!(
            tracking_link("https://t.example/?n={tracking}", "AB-1").as_deref(),
            Some("https://t.example/?n=AB-1")
        );
        assert_eq!(tracking_link("", "AB-1"), None);
    }
}
