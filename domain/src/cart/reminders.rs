//! Cart reminders: a cart with items, left untouched for the shop's delay
//! (store settings; 0 hours turns them off), whose shopper can be written
//! to (a customer's account address, or the address a guest gave when
//! placing an order for it), gets one mail listing it at today's prices
//! with a link that brings it back. Once per cart: the decision is a row
//! keyed by the cart, written in the mail's transaction. Never once an
//! order for the cart is placed: the decision takes the same lock as
//! placing one, and a cart with an order waiting for payment, or already
//! paid (`converted`), is passed over. An address can ask for no reminders
//! (the mail's link, or the account's profile); it is kept as a digest.
use minijinja::{context, Value};
use sea_orm::sea_query::{Expr, ExprTrait, OnConflict, Query, SelectStatement};
use sea_orm::{
    ColumnTrait, Condition, ConnectionTrait, EntityTrait, PaginatorTrait, QueryFilter, QueryOrder,
    QuerySelect, Set,
};
use time::{Duration, OffsetDateTime};

use super::load_lines;
use crate::accounts::tokens::{digest, plausible, random_token};
use crate::commerce::Commerce;
use crate::entities::{cart, cart_item, cart_reminder, cart_reminder_opt_out, order, user};
use crate::mail::MailKind;
use crate::money::Money;
use crate::orders::OrderStatus;
use crate::{Error, Result};

/// How long past its delay a cart can still be reminded: a shop that turns
/// reminders on does not mail about last month's carts.
const WINDOW: Duration = Duration::days(7);
/// Carts decided per sweep; the rest wait for the next one.
const BATCH: u64 = 50;

/// What one sweep decided.
#[derive(Debug, Default, PartialEq, Eq)]
pub struct Swept {
    pub sent: u64,
    /// Opted out, no address left, or nothing in the cart can be bought.
    pub skipped: u64,
}

/// Where a reminder's link leads.
#[derive(Debug, PartialEq, Eq)]
pub enum Restored {
    /// A guest's cart: the visitor's session takes its public id.
    Guest(String),
    /// A customer's cart: theirs once signed in.
    Customer(i32),
    /// Checked out or merged into an account since: nothing to bring back.
    Gone,
}

#[derive(Clone)]
pub struct CartReminders {
    c: Commerce,
}

fn now() -> OffsetDateTime {
    OffsetDateTime::now_utc()
}

impl CartReminders {
    pub(crate) fn new(c: Commerce) -> Self {
        Self { c }
    }

    /// Decides on the carts due now (see [`Self::sweep_at`]).
    pub async fn sweep(&self) -> Result<Swept> {
        self.sweep_at(now()).await
    }

    /// Decides on up to [`BATCH`] carts idle for the shop's delay at `at`.
    /// Several instances may sweep at once: each cart is decided once.
    pub async fn sweep_at(&self, at: OffsetDateTime) -> Result<Swept> {
        let hours = self.c.store().cart_reminder_hours;
        if hours <= 0 {
            return Ok(Swept::default());
        }
        let idle_since = at - Duration::hours(i64::from(hours));
        let due = cart::Entity::find()
            .filter(cart::Column::Status.eq("active"))
            .filter(cart::Column::UpdatedAt.lt(idle_since))
            .filter(cart::Column::UpdatedAt.gte(idle_since - WINDOW))
            .filter(Expr::exists(items()))
            .filter(Expr::exists(decided()).not())
            .filter(Expr::exists(orders(Some(OrderStatus::PendingPayment))).not())
            .filter(
                Condition::any()
                    .add(cart::Column::UserId.is_not_null())
                    .add(Expr::exists(orders(None))),
            )
            .order_by_asc(cart::Column::UpdatedAt)
            .limit(BATCH)
            .all(&self.c.db)
            .await?;
        let mut swept = Swept::default();
        for cart in due {
            match self.decide(&cart, idle_since, at).await? {
                Some(true) => swept.sent += 1,
                Some(false) => swept.skipped += 1,
                None => {}
            }
        }
        if swept.sent > 0 {
            self.c.outbox.wake();
        }
        Ok(swept)
    }

    /// Mails (true) or passes over (false) one cart; None when it changed
    /// since it was picked (touched, ordered, decided by another instance).
    async fn decide(
        &self,
        cart: &cart::Model,
        idle_since: OffsetDateTime,
        at: OffsetDateTime,
    ) -> Result<Option<bool>> {
        let db = &self.c.db;
        let to = recipient(db, cart).await?;
        let opted_out = match &to {
            Some((email, _)) => opted_out(db, email).await?,
            None => true,
        };
        // In the shopper's language: their account's, or their last order's.
        let locale = to.as_ref().map(|(_, l)| *l).unwrap_or_default();
        // In the currency the cart was opened in, as the shopper saw it.
        let currency = self.c.shopper_currency(cart.currency.parse().ok());
        let lines: Vec<_> = load_lines(db, cart.id, &self.c.currencies(), currency, locale)
            .await?
            .into_iter()
            .filter(|l| !l.unavailable && l.max_quantity > 0)
            .collect();
        let mail = match to {
            Some((email, _)) if !opted_out && !lines.is_empty() => Some((email, random_token())),
            _ => None,
        };

        let txn = crate::db::begin_write(db).await?;
        crate::checkout::lock_cart(&txn, cart.id).await?;
        // Still abandoned, and locked against the payment that would convert it.
        let still = cart::Entity::update_many()
            .col_expr(cart::Column::UpdatedAt, Expr::col(cart::Column::UpdatedAt))
            .filter(cart::Column::Id.eq(cart.id))
            .filter(cart::Column::Status.eq("active"))
            .filter(cart::Column::UpdatedAt.lt(idle_since))
            .exec(&txn)
            .await?
            .rows_affected
            == 1;
        let waiting = order::Entity::find()
            .filter(order::Column::CartId.eq(cart.id))
            .filter(order::Column::Status.eq(OrderStatus::PendingPayment.as_str()))
            .count(&txn)
            .await?
            > 0;
        if !still || waiting {
            txn.rollback().await?;
            return Ok(None);
        }
        let inserted = cart_reminder::Entity::insert(cart_reminder::ActiveModel {
            cart_id: Set(cart.id),
            status: Set(if mail.is_some() { "sent" } else { "skipped" }.to_owned()),
            token_hash: Set(mail.as_ref().map(|(_, token)| digest(token))),
            sent_at: Set(at),
            restored_at: Set(None),
        })
        .on_conflict(
            OnConflict::column(cart_reminder::Column::CartId)
                .do_nothing()
                .to_owned(),
        )
        .exec_without_returning(&txn)
        .await?;
        if inserted == 0 {
            txn.rollback().await?;
            return Ok(None);
        }
        if let Some((email, token)) = &mail {
            let vars = self.mail_vars(&lines, token, currency, locale);
            self.c
                .templates
                .enqueue(&txn, MailKind::CartReminder, email, vars)
                .await?;
        }
        txn.commit().await?;
        Ok(Some(mail.is_some()))
    }

    fn mail_vars(
        &self,
        lines: &[super::CartLine],
        token: &str,
        currency: crate::Currency,
        locale: model::Locale,
    ) -> Value {
        let t = &self.c.templates;
        let link = |path: &str| t.link_in(locale.code(), path);
        let subtotal = Money::new(lines.iter().map(|l| l.line_total.minor).sum(), currency);
        let lines: Vec<Value> = lines
            .iter()
            .map(|l| {
                context! {
                    title => &l.product_title,
                    variant_title => &l.variant_title,
                    url => link(&format!("/product/{}", l.product_slug)),
                    quantity => l.quantity,
                    unit_price => l.unit_price,
                    line_total => l.line_total,
                }
            })
            .collect();
        context! {
            cart => context! { lines, subtotal },
            // A plain route, unprefixed: the language rides along for the
            // cart page it leads to.
            restore_url => t.link(&format!("/cart/restore?token={token}{}", locale.link_param())),
            stop_url => link(&format!("/cart/reminders-off?token={token}")),
            locale => locale.code(),
        }
    }

    /// The mail's "Back to your cart" link: which cart it was, counted as
    /// restored the first time.
    pub async fn restore(&self, token: &str) -> Result<Restored> {
        let reminder = self.by_token(token).await?;
        cart_reminder::Entity::update_many()
            .col_expr(cart_reminder::Column::RestoredAt, Expr::value(now()))
            .filter(cart_reminder::Column::CartId.eq(reminder.cart_id))
            .filter(cart_reminder::Column::RestoredAt.is_null())
            .exec(&self.c.db)
            .await?;
        let cart = cart::Entity::find_by_id(reminder.cart_id)
            .one(&self.c.db)
            .await?
            .ok_or(Error::not_found("cart"))?;
        Ok(match (cart.status.as_str(), cart.user_id) {
            ("active", Some(user)) => Restored::Customer(user),
            ("active", None) => Restored::Guest(cart.public_id),
            _ => Restored::Gone,
        })
    }

    /// The mail's "No more cart reminders" link (a form post): the address
    /// the reminder went to gets none again.
    pub async fn stop(&self, token: &str) -> Result<()> {
        let reminder = self.by_token(token).await?;
        let Some(cart) = cart::Entity::find_by_id(reminder.cart_id)
            .one(&self.c.db)
            .await?
        else {
            return Err(Error::not_found("cart"));
        };
        // Erased since: the address is gone, and so is anything to stop.
        if let Some((email, _)) = recipient(&self.c.db, &cart).await? {
            set_opt_out(&self.c.db, &email, true).await?;
        }
        Ok(())
    }

    async fn by_token(&self, token: &str) -> Result<cart_reminder::Model> {
        let token = token.trim();
        if !plausible(token) {
            return Err(Error::not_found("cart"));
        }
        cart_reminder::Entity::find()
            .filter(cart_reminder::Column::TokenHash.eq(digest(token)))
            .one(&self.c.db)
            .await?
            .ok_or(Error::not_found("cart"))
    }
}

// The sweep's conditions on each candidate cart, as correlated subqueries:
// evaluated for the few carts the (status, updated_at) index finds, not
// over every order and reminder in the shop.
fn of_this_cart<E: EntityTrait, C: ColumnTrait>(table: E, column: C) -> SelectStatement {
    Query::select()
        .expr(Expr::val(1))
        .from(table)
        .and_where(Expr::col((table, column)).equals((cart::Entity, cart::Column::Id)))
        .to_owned()
}

fn items() -> SelectStatement {
    of_this_cart(cart_item::Entity, cart_item::Column::CartId)
}

fn decided() -> SelectStatement {
    of_this_cart(cart_reminder::Entity, cart_reminder::Column::CartId)
}

/// Orders placed for the cart (in `status`, if given).
fn orders(status: Option<OrderStatus>) -> SelectStatement {
    let mut q = of_this_cart(order::Entity, order::Column::CartId);
    if let Some(status) = status {
        q.and_where(Expr::col((order::Entity, order::Column::Status)).eq(status.as_str()));
    }
    q
}

/// Who a reminder for `cart` goes to: the customer, while their account is
/// in use; a guest, at the address of the newest order placed for it.
/// Where a reminder for `cart` goes, and in which language.
async fn recipient<C: ConnectionTrait>(
    conn: &C,
    cart: &cart::Model,
) -> Result<Option<(String, model::Locale)>> {
    let to = match cart.user_id {
        Some(id) => user::Entity::find_by_id(id)
            .one(conn)
            .await?
            .filter(|u| u.erased_at.is_none() && u.disabled_at.is_none())
            .map(|u| (u.email, u.locale)),
        None => order::Entity::find()
            .filter(order::Column::CartId.eq(cart.id))
            .order_by_desc(order::Column::Id)
            .one(conn)
            .await?
            .map(|o| (o.email, o.locale)),
    };
    // Erasure leaves an address under `.invalid` (RFC 2606): never deliverable.
    Ok(to
        .filter(|(e, _)| !e.ends_with(".invalid"))
        .map(|(e, l)| (e, model::Locale::from_tag(&l).unwrap_or_default())))
}

fn email_digest(email: &str) -> String {
    digest(&email.trim().to_lowercase())
}

/// Whether `email` asked for no cart reminders.
pub async fn opted_out<C: ConnectionTrait>(conn: &C, email: &str) -> Result<bool> {
    Ok(
        cart_reminder_opt_out::Entity::find_by_id(email_digest(email))
            .one(conn)
            .await?
            .is_some(),
    )
}

/// Turns cart reminders off (`off`) or back on for `email`.
pub async fn set_opt_out<C: ConnectionTrait>(conn: &C, email: &str, off: bool) -> Result<()> {
    let key = email_digest(email);
    if off {
        cart_reminder_opt_out::Entity::insert(cart_reminder_opt_out::ActiveModel {
            email_hash: Set(key),
            created_at: Set(now()),
        })
        .on_conflict(
            OnConflict::column(cart_reminder_opt_out::Column::EmailHash)
                .do_nothing()
                .to_owned(),
        )
        .exec_without_returning(conn)
        .await?;
    } else {
        cart_reminder_opt_out::Entity::delete_by_id(key)
            .exec(conn)
            .await?;
    }
    Ok(())
}
