//! Emitting events: called inside the transaction of the change an event
//! describes, so an event exists exactly when its change does. The event is
//! written once (body and id fixed then), with one delivery and one outbox
//! row per endpoint that subscribed to its type; the outbox sends them.
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QueryOrder,
    QuerySelect, Set,
};
use serde_json::{json, Value};
use time::OffsetDateTime;

use super::{Delivery, KIND_WEBHOOK, PENDING};
use crate::accounts::rfc3339;
use crate::entities::{
    order, order_item, product, user, webhook_delivery, webhook_endpoint, webhook_event,
};
use crate::{Error, Result};
use model::webhooks::EventType;

fn money(amount_minor: i64, currency: &str) -> Value {
    json!({ "amount_minor": amount_minor, "currency": currency })
}

/// The enabled endpoints subscribed to `kind`: one read of a short table.
async fn subscribers<C: ConnectionTrait>(conn: &C, kind: EventType) -> Result<Vec<i32>> {
    let endpoints: Vec<(i32, String)> = webhook_endpoint::Entity::find()
        .select_only()
        .column(webhook_endpoint::Column::Id)
        .column(webhook_endpoint::Column::Events)
        .filter(webhook_endpoint::Column::Enabled.eq(true))
        .into_tuple()
        .all(conn)
        .await?;
    Ok(endpoints
        .into_iter()
        .filter(|(_, events)| EventType::parse_list(events).contains(&kind))
        .map(|(id, _)| id)
        .collect())
}

/// An order event; nothing (not even the order's read) when nobody listens.
pub async fn order<C: ConnectionTrait>(conn: &C, kind: EventType, order_id: i32) -> Result<()> {
    let to = subscribers(conn, kind).await?;
    if to.is_empty() {
        return Ok(());
    }
    write(conn, kind, order_data(conn, order_id).await?, to).await
}

/// A product event, as [`order`].
pub async fn product<C: ConnectionTrait>(conn: &C, kind: EventType, product_id: i32) -> Result<()> {
    let to = subscribers(conn, kind).await?;
    if to.is_empty() {
        return Ok(());
    }
    write(conn, kind, product_data(conn, product_id).await?, to).await
}

/// `customer.created`, as [`order`].
pub async fn customer_created<C: ConnectionTrait>(conn: &C, user_id: i32) -> Result<()> {
    let kind = EventType::CustomerCreated;
    let to = subscribers(conn, kind).await?;
    if to.is_empty() {
        return Ok(());
    }
    write(conn, kind, customer_data(conn, user_id).await?, to).await
}

/// Writes `kind` with `data` for the endpoints `to`.
async fn write<C: ConnectionTrait>(
    conn: &C,
    kind: EventType,
    data: Value,
    to: Vec<i32>,
) -> Result<()> {
    let now = OffsetDateTime::now_utc();
    let public_id = format!("evt_{}", uuid::Uuid::new_v4().simple());
    let body = json!({
        "id": public_id,
        "type": kind.as_str(),
        "created_at": rfc3339(now),
        "data": data,
    })
    .to_string();
    let event = webhook_event::ActiveModel {
        public_id: Set(public_id),
        kind: Set(kind.as_str().to_owned()),
        body: Set(body),
        created_at: Set(now),
        ..Default::default()
    }
    .insert(conn)
    .await?;
    for endpoint_id in to {
        let delivery = webhook_delivery::ActiveModel {
            endpoint_id: Set(endpoint_id),
            event_id: Set(event.id),
            status: Set(PENDING.to_owned()),
            attempts: Set(0),
            created_at: Set(now),
            last_attempt_at: Set(None),
            delivered_at: Set(None),
            ..Default::default()
        }
        .insert(conn)
        .await?;
        crate::outbox::enqueue(
            conn,
            KIND_WEBHOOK,
            &Delivery {
                delivery_id: delivery.id,
            },
        )
        .await?;
    }
    Ok(())
}

/// An order as events carry it (read in the writing transaction).
async fn order_data<C: ConnectionTrait>(conn: &C, order_id: i32) -> Result<Value> {
    let o = order::Entity::find_by_id(order_id)
        .one(conn)
        .await?
        .ok_or(Error::not_found("order"))?;
    let items = order_item::Entity::find()
        .filter(order_item::Column::OrderId.eq(o.id))
        .order_by_asc(order_item::Column::Id)
        .all(conn)
        .await?;
    let shipments = crate::orders::shipments::of_order(conn, o.id, &items).await?;
    Ok(json!({
        "order": {
            "id": o.public_id,
            "number": o.number,
            "status": o.status,
            "email": o.email,
            "total": money(o.total_minor, &o.currency),
            "refunded": money(o.refunded_minor, &o.currency),
            "shipping_method": o.shipping_method,
            "tracking_number": shipments.last().map(|s| s.tracking_number.clone()),
            "shipments": shipments,
            "placed_at": rfc3339(o.placed_at),
            "paid_at": o.paid_at.map(rfc3339),
        }
    }))
}

/// A product as events carry it.
async fn product_data<C: ConnectionTrait>(conn: &C, product_id: i32) -> Result<Value> {
    let p = product::Entity::find_by_id(product_id)
        .one(conn)
        .await?
        .ok_or(Error::not_found("product"))?;
    Ok(json!({
        "product": {
            "id": p.id,
            "slug": p.slug,
            "title": p.title,
            "status": p.status,
            "updated_at": rfc3339(p.updated_at),
        }
    }))
}

/// A customer's new account as `customer.created` carries it.
async fn customer_data<C: ConnectionTrait>(conn: &C, user_id: i32) -> Result<Value> {
    let u = user::Entity::find_by_id(user_id)
        .one(conn)
        .await?
        .ok_or(Error::not_found("customer"))?;
    Ok(json!({
        "customer": {
            "id": u.public_id,
            "email": u.email,
            "name": u.name,
            "created_at": rfc3339(u.created_at),
        }
    }))
}

/// `inventory.low_stock`: a warehouse's sellable units of a variant just
/// fell to or below its product's level (see `inventory::low_stock`).
pub(crate) async fn low_stock<C: ConnectionTrait>(
    conn: &C,
    low: &crate::inventory::LowStock,
) -> Result<()> {
    let to = subscribers(conn, EventType::InventoryLowStock).await?;
    if to.is_empty() {
        return Ok(());
    }
    let data = json!({
        "variant": {
            "id": low.variant_id,
            "sku": low.sku,
            "title": low.variant_title,
            "product_id": low.product_id,
            "product_slug": low.slug,
            "available": low.available,
            "low_stock_level": low.threshold,
        },
        "warehouse": {
            "code": low.warehouse_code,
            "name": low.warehouse,
        }
    });
    write(conn, EventType::InventoryLowStock, data, to).await
}
