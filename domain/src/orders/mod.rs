//! Orders: the state machine ([`OrderStatus`]), the timeline, payment
//! events, and what customers and staff may do with an order. Every status
//! change is one conditional UPDATE (`WHERE status = <expected>`) plus a
//! timeline row in the same transaction.
mod actions;
mod numbers;
mod payment_events;
mod refunds;
pub mod returns;
pub(crate) mod shipments;
mod staff_list;
mod tally;
pub(crate) mod view;

use sea_orm::sea_query::Expr;
use sea_orm::sea_query::ExprTrait;
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, EntityTrait, PaginatorTrait, QueryFilter,
    QueryOrder, QuerySelect, Set,
};
use time::OffsetDateTime;

use crate::accounts::{Actor, Permission};
use crate::commerce::Commerce;
use crate::entities::{order, order_event, order_item};
use crate::{Error, Result};
use model::webhooks::EventType;

pub use model::commerce::OrderHistory;
pub use model::OrderStatus;
pub use numbers::new_number;
pub use payment_events::EventOutcome;
pub use refunds::{RefundJob, RefundSent};
pub use staff_list::{OrderListQuery, OrderListView, StaffOrderRowView, STAFF_PAGE_SIZE};
pub use tally::{Tally, TallyRow};
pub(crate) use view::currency as order_currency;
pub use view::{OrderLineView, OrderSummary, OrderView, ShippingAddress, TimelineEntry};

/// What an order given up before payment holds besides stock: its promo
/// use and the gift card and store credit balances it spent go back.
pub(crate) async fn give_back_unpaid<C: ConnectionTrait>(conn: &C, order_id: i32) -> Result<()> {
    crate::promotions::release(conn, order_id).await?;
    crate::gift_cards::checkout::restore(conn, order_id, None, "Order not paid").await?;
    Ok(())
}

/// Who moved an order, for the timeline.
#[derive(Clone, Copy, Debug)]
pub enum By {
    Customer,
    Staff,
    Payment,
    System,
}

impl By {
    fn as_str(self) -> &'static str {
        match self {
            Self::Customer => "customer",
            Self::Staff => "staff",
            Self::Payment => "payment",
            Self::System => "system",
        }
    }
}

#[derive(Clone)]
pub struct Orders {
    c: Commerce,
}

fn now() -> OffsetDateTime {
    OffsetDateTime::now_utc()
}

/// Moves `o` to `to` if it is still in the status we read; records it.
pub async fn transition<C: ConnectionTrait>(
    conn: &C,
    o: &order::Model,
    to: OrderStatus,
    by: By,
    note: &str,
) -> Result<()> {
    let from =
        OrderStatus::parse(&o.status).ok_or_else(|| Error::internal("unknown order status"))?;
    if !from.can_become(to) {
        return Err(Error::Conflict(format!(
            "This order is {} and can't be changed to {}.",
            from.label().to_lowercase(),
            to.label().to_lowercase()
        )));
    }
    let moved = order::Entity::update_many()
        .col_expr(order::Column::Status, Expr::value(to.as_str()))
        .col_expr(order::Column::UpdatedAt, Expr::value(now()))
        .filter(order::Column::Id.eq(o.id))
        .filter(order::Column::Status.eq(from.as_str()))
        .exec(conn)
        .await?;
    if moved.rows_affected != 1 {
        return Err(Error::Conflict(
            "This order was just changed by someone else. Please reload.".into(),
        ));
    }
    record(conn, o.id, Some(from), to, by, note).await
}

pub async fn record<C: ConnectionTrait>(
    conn: &C,
    order_id: i32,
    from: Option<OrderStatus>,
    to: OrderStatus,
    by: By,
    note: &str,
) -> Result<()> {
    order_event::ActiveModel {
        order_id: Set(order_id),
        from_status: Set(from.map(|s| s.as_str().to_owned())),
        to_status: Set(to.as_str().to_owned()),
        note: Set(note.to_owned()),
        actor: Set(by.as_str().to_owned()),
        created_at: Set(now()),
        ..Default::default()
    }
    .insert(conn)
    .await?;
    if let Some(kind) = webhook_event(from, to) {
        crate::webhooks::events::order(conn, kind, order_id).await?;
    }
    Ok(())
}

/// The webhook event a status change is, if any.
fn webhook_event(from: Option<OrderStatus>, to: OrderStatus) -> Option<EventType> {
    match (from, to) {
        (None, _) => Some(EventType::OrderPlaced),
        // A note on the order, not a change of status (a second refund
        // emits its own event where it is taken).
        (Some(from), to) if from == to => None,
        (Some(_), OrderStatus::Paid) => Some(EventType::OrderPaid),
        (Some(_), OrderStatus::Shipped) => Some(EventType::OrderShipped),
        // Each parcel is `shipment.created`, written where it is made.
        (Some(_), OrderStatus::Cancelled) => Some(EventType::OrderCancelled),
        (Some(_), OrderStatus::Refunded | OrderStatus::PartiallyRefunded) => {
            Some(EventType::OrderRefunded)
        }
        _ => None,
    }
}

impl Orders {
    pub fn new(c: Commerce) -> Self {
        Self { c }
    }

    pub fn commerce(&self) -> &Commerce {
        &self.c
    }

    async fn load<C: ConnectionTrait>(&self, conn: &C, o: order::Model) -> Result<OrderView> {
        let items = order_item::Entity::find()
            .filter(order_item::Column::OrderId.eq(o.id))
            .order_by_asc(order_item::Column::Id)
            .all(conn)
            .await?;
        let events = order_event::Entity::find()
            .filter(order_event::Column::OrderId.eq(o.id))
            .order_by_asc(order_event::Column::Id)
            .all(conn)
            .await?;
        let shipments = shipments::of_order(conn, o.id, &items).await?;
        let paid_with = if o.balance_paid_minor > 0 {
            view::paid_with(
                &o,
                crate::gift_cards::checkout::paid_with(conn, o.id).await?,
            )
        } else {
            Vec::new()
        };
        let mut view = view::build(o, items, events, shipments);
        view.paid_with = paid_with;
        Ok(view)
    }

    async fn by_number(&self, number: &str) -> Result<order::Model> {
        order::Entity::find()
            .filter(order::Column::Number.eq(number.trim().to_uppercase()))
            .one(&self.c.db)
            .await?
            .ok_or(Error::not_found("order"))
    }

    /// The caller's own order, or any order for staff with `orders`.
    async fn visible(&self, actor: &Actor, number: &str) -> Result<order::Model> {
        let user = actor.require_user()?;
        let o = self.by_number(number).await?;
        if o.user_id == Some(user) || actor.can(Permission::Orders) {
            Ok(o)
        } else {
            // Someone else's order does not exist, as far as this caller knows.
            Err(Error::not_found("order"))
        }
    }

    /// The caller's orders, newest first, a page at a time.
    pub async fn history(&self, actor: &Actor, page: u64) -> Result<OrderHistory> {
        let user = actor.require_user()?;
        let page = page.clamp(1, crate::bounds::MAX_PAGE);
        let mine = order::Entity::find().filter(order::Column::UserId.eq(user));
        let total = mine.clone().count(&self.c.db).await?;
        let orders = mine
            .order_by_desc(order::Column::PlacedAt)
            .order_by_desc(order::Column::Id)
            .offset((page - 1) * OrderHistory::PER_PAGE)
            .limit(OrderHistory::PER_PAGE)
            .all(&self.c.db)
            .await?;
        let ids: Vec<i32> = orders.iter().map(|o| o.id).collect();
        let counts: Vec<(i32, Option<i64>)> = order_item::Entity::find()
            .select_only()
            .column(order_item::Column::OrderId)
            .column_as(Expr::col(order_item::Column::Quantity).sum(), "n")
            .filter(order_item::Column::OrderId.is_in(ids))
            .group_by(order_item::Column::OrderId)
            .into_tuple()
            .all(&self.c.db)
            .await?;
        let counts: std::collections::HashMap<i32, i64> = counts
            .into_iter()
            .map(|(id, n)| (id, n.unwrap_or(0)))
            .collect();
        let orders = orders
            .into_iter()
            .map(|o| {
                let status = view::status(&o);
                OrderSummary {
                    total: crate::Money::new(o.total_minor, view::currency(&o)),
                    item_count: counts.get(&o.id).copied().unwrap_or(0),
                    number: o.number,
                    status,
                    status_label: status.label().to_owned(),
                    placed_at: o.placed_at.unix_timestamp(),
                }
            })
            .collect();
        Ok(OrderHistory {
            orders,
            page,
            pages: Ord::max(total.div_ceil(OrderHistory::PER_PAGE), 1),
        })
    }

    pub async fn detail(&self, actor: &Actor, number: &str) -> Result<OrderView> {
        let o = self.visible(actor, number).await?;
        self.load(&self.c.db, o).await
    }

    /// The confirmation page after checkout: anyone holding the order's
    /// public id (an unguessable UUID in the return URL) may see it.
    pub async fn by_public_id(&self, public_id: &str) -> Result<OrderView> {
        let o = order::Entity::find()
            .filter(order::Column::PublicId.eq(public_id.trim()))
            .one(&self.c.db)
            .await?
            .ok_or(Error::not_found("order"))?;
        self.load(&self.c.db, o).await
    }

    /// Guests find their order with the email it was placed with and its number.
    pub async fn lookup(&self, email: &str, number: &str) -> Result<OrderView> {
        let not_found = || {
            Error::validation(
                "number",
                "We couldn't find an order with that number and email address.",
            )
        };
        let o = self.by_number(number).await.map_err(|_| not_found())?;
        if !o.email.eq_ignore_ascii_case(email.trim()) {
            return Err(not_found());
        }
        self.load(&self.c.db, o).await
    }
}

/// The offline test payment page's view of one checkout attempt.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct PaymentAttempt {
    pub reference: String,
    pub order_number: String,
    pub order_public_id: String,
    pub total: crate::Money,
    pub email: String,
    pub open: bool,
}

impl Orders {
    pub async fn payment_attempt(&self, reference: &str) -> Result<PaymentAttempt> {
        use crate::entities::payment;
        let p = payment::Entity::find()
            .filter(payment::Column::Reference.eq(reference.trim()))
            .one(&self.c.db)
            .await?
            .ok_or(Error::not_found("payment"))?;
        let o = order::Entity::find_by_id(p.order_id)
            .one(&self.c.db)
            .await?
            .ok_or(Error::not_found("order"))?;
        Ok(PaymentAttempt {
            reference: reference.trim().to_owned(),
            order_number: o.number.clone(),
            order_public_id: o.public_id.clone(),
            total: crate::Money::new(p.amount_minor, view::currency(&o)),
            email: o.email,
            open: p.status == "pending" && o.status == OrderStatus::PendingPayment.as_str(),
        })
    }

    /// The offline gateway's test page: approve pays exactly what the
    /// attempt asked for, decline fails it. Only while that gateway is on.
    pub async fn decide_offline(&self, reference: &str, approve: bool) -> Result<PaymentAttempt> {
        if self.c.gateway.provider() != "offline" {
            return Err(Error::not_found("payment page"));
        }
        let attempt = self.payment_attempt(reference).await?;
        let event =
            crate::payments::OfflineGateway::decision(&attempt.reference, approve, attempt.total);
        self.apply_payment_event(&event).await?;
        Ok(attempt)
    }
}
