//! Placing an order twice must not make two orders. Three rules, checked
//! inside the placing transaction while it holds a per-cart and per-email
//! lock (PostgreSQL advisory locks; SQLite's write transaction is one lock):
//! - the checkout form's key names one order: submitting it again (double
//!   click, retry after a timeout) returns that order;
//! - a cart has at most one order waiting for payment (also a partial
//!   unique index): a second tab with the same basket gets the same order;
//!   a changed basket replaces it, giving its stock and promo use back;
//! - one email has at most [`MAX_OPEN_PER_EMAIL`] orders waiting for
//!   payment, so nobody can hold the shop's stock with orders never paid.
use std::time::Duration;

use sea_orm::sea_query::{Expr, ExprTrait};
use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, PaginatorTrait, QueryFilter, QueryOrder};

use super::PlacedOrder;
use crate::cart::CartLine;
use crate::entities::{order, order_item, payment};
use crate::orders::{transition, By, OrderStatus};
use crate::{inventory, Error, Result};

pub const MAX_OPEN_PER_EMAIL: u64 = 3;
const KEY_MAX_CHARS: usize = 64;

/// The form's idempotency key: empty means none; otherwise 8–64 letters,
/// digits and dashes (a UUID fits).
pub fn checkout_key(raw: &str) -> Result<Option<String>> {
    let key = raw.trim();
    if key.is_empty() {
        return Ok(None);
    }
    let ok = (8..=KEY_MAX_CHARS).contains(&key.len())
        && key.chars().all(|c| c.is_ascii_alphanumeric() || c == '-');
    if !ok {
        return Err(Error::validation(
            "checkout_key",
            "This checkout form is out of date. Please reload the page.",
        ));
    }
    Ok(Some(key.to_owned()))
}

/// Serialises placements for one cart and one email on PostgreSQL (always
/// in this order, so two placements cannot wait for each other).
pub async fn lock<C: ConnectionTrait>(txn: &C, cart_id: i32, email: &str) -> Result<()> {
    lock_cart(txn, cart_id).await?;
    crate::db::lock_key(txn, &format!("checkout:email:{}", email.to_lowercase())).await?;
    Ok(())
}

/// The cart's part of [`lock`]: whatever decides on a cart (its reminder)
/// takes turns with placing an order for it.
pub async fn lock_cart<C: ConnectionTrait>(txn: &C, cart_id: i32) -> Result<()> {
    Ok(crate::db::lock_key(txn, &format!("checkout:cart:{cart_id}")).await?)
}

pub async fn by_key<C: ConnectionTrait>(conn: &C, key: &str) -> Result<Option<order::Model>> {
    Ok(order::Entity::find()
        .filter(order::Column::CheckoutKey.eq(key))
        .one(conn)
        .await?)
}

pub async fn open_for_cart<C: ConnectionTrait>(
    conn: &C,
    cart_id: i32,
) -> Result<Option<order::Model>> {
    Ok(order::Entity::find()
        .filter(order::Column::CartId.eq(cart_id))
        .filter(order::Column::Status.eq(OrderStatus::PendingPayment.as_str()))
        .order_by_desc(order::Column::Id)
        .one(conn)
        .await?)
}

/// Orders waiting for payment under `email` (normalised, as stored), other
/// than `cart_id`'s.
pub async fn open_for_email<C: ConnectionTrait>(
    conn: &C,
    email: &str,
    cart_id: i32,
) -> Result<u64> {
    Ok(order::Entity::find()
        .filter(order::Column::Status.eq(OrderStatus::PendingPayment.as_str()))
        .filter(order::Column::Email.eq(email))
        .filter(
            order::Column::CartId
                .ne(cart_id)
                .or(order::Column::CartId.is_null()),
        )
        .count(conn)
        .await?)
}

pub fn too_many_open() -> Error {
    Error::Conflict(format!(
        "You already have {MAX_OPEN_PER_EMAIL} orders waiting for payment. Pay or cancel one of them \
         (Account → Orders, or the link in its email) — unpaid orders are cancelled on their own after a while."
    ))
}

/// What the shopper is placing now, to compare with an open order.
pub struct Attempt<'a> {
    pub email: &'a str,
    pub address_json: &'a str,
    pub method: &'a str,
    pub promo: Option<&'a str>,
    pub total: i64,
    pub lines: &'a [CartLine],
    /// What gift cards and store credit would pay now.
    pub balance_paid: i64,
}

/// True when `open` is this same checkout: same basket, total, address,
/// method, code and email.
pub async fn same<C: ConnectionTrait>(
    conn: &C,
    open: &order::Model,
    now: &Attempt<'_>,
) -> Result<bool> {
    if open.email != now.email
        || open.shipping_address != now.address_json
        || open.shipping_method != now.method
        || open.promotion_code.as_deref() != now.promo
        || open.total_minor != now.total
        || open.balance_paid_minor != now.balance_paid
    {
        return Ok(false);
    }
    let mut had: Vec<(Option<i32>, i32)> = order_item::Entity::find()
        .filter(order_item::Column::OrderId.eq(open.id))
        .all(conn)
        .await?
        .into_iter()
        .map(|i| (i.variant_id, i.quantity))
        .collect();
    let mut want: Vec<(Option<i32>, i32)> = now
        .lines
        .iter()
        .map(|l| (Some(l.variant_id), l.quantity as i32))
        .collect();
    had.sort_unstable();
    want.sort_unstable();
    Ok(had == want)
}

/// The shopper changed the basket: the old unpaid order goes, with its
/// stock and promo use.
pub async fn replace<C: ConnectionTrait>(conn: &C, open: &order::Model) -> Result<()> {
    transition(
        conn,
        open,
        OrderStatus::Cancelled,
        By::Customer,
        "Replaced by a new checkout of the same cart",
    )
    .await?;
    inventory::release(conn, open.id).await?;
    crate::orders::give_back_unpaid(conn, open.id).await?;
    payment::Entity::update_many()
        .col_expr(payment::Column::Status, Expr::value("expired"))
        .filter(payment::Column::OrderId.eq(open.id))
        .filter(payment::Column::Status.is_in(["created", "pending"]))
        .exec(conn)
        .await?;
    Ok(())
}

/// Where the shopper goes for an order placed earlier: its payment page
/// while unpaid (waiting briefly if the first request is still asking the
/// provider for one), its confirmation once paid.
pub async fn placed<C: ConnectionTrait>(
    conn: &C,
    o: order::Model,
    cart_id: i32,
    confirmation_url: String,
) -> Result<PlacedOrder> {
    if o.cart_id.is_some_and(|c| c != cart_id) {
        return Err(Error::Conflict(
            "This checkout form belongs to another basket. Please reload the page.".into(),
        ));
    }
    let done = |redirect_url| PlacedOrder {
        id: o.id,
        number: o.number.clone(),
        public_id: o.public_id.clone(),
        redirect_url,
    };
    match OrderStatus::parse(&o.status) {
        Some(OrderStatus::PendingPayment) => {}
        Some(OrderStatus::Cancelled) | None => {
            return Err(Error::Conflict(
                "This checkout could not be completed. Please reload the page and place your order again."
                    .into(),
            ))
        }
        Some(_) => return Ok(done(confirmation_url)),
    }
    for _ in 0..50 {
        let attempt = payment::Entity::find()
            .filter(payment::Column::OrderId.eq(o.id))
            .order_by_desc(payment::Column::Id)
            .one(conn)
            .await?;
        match attempt {
            Some(p) if p.status == "pending" => {
                if let Some(url) = p.redirect_url {
                    return Ok(done(url));
                }
            }
            Some(p) if p.status != "created" => break,
            _ => {}
        }
        tokio::time::sleep(Duration::from_millis(200)).await;
    }
    Err(Error::Conflict(
        "Your order is still being set up. Please wait a moment and try again.".into(),
    ))
}
