//! How cart reminders did in a period: mails sent in it, how many brought
//! the cart back (its link followed) and how many carts were then paid for,
//! with what those orders brought in (less refunds).
use std::collections::HashSet;

use sea_orm::sea_query::{Expr, ExprTrait};
use sea_orm::{ColumnTrait, DatabaseConnection, EntityTrait, JoinType, QueryFilter, QuerySelect};
use serde::Serialize;
use time::OffsetDateTime;

use crate::entities::{cart_reminder, order};
use crate::Result;

#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
pub struct ReminderTally {
    pub sent: u64,
    pub restored: u64,
    /// Reminded carts paid for after the mail.
    pub ordered: u64,
    pub recovered_minor: i64,
}

pub(super) async fn tally(
    db: &DatabaseConnection,
    from: OffsetDateTime,
    to: OffsetDateTime,
) -> Result<ReminderTally> {
    let sent: Vec<(i32, Option<OffsetDateTime>)> = cart_reminder::Entity::find()
        .select_only()
        .column(cart_reminder::Column::CartId)
        .column(cart_reminder::Column::RestoredAt)
        .filter(cart_reminder::Column::Status.eq("sent"))
        .filter(cart_reminder::Column::SentAt.gte(from))
        .filter(cart_reminder::Column::SentAt.lt(to))
        .into_tuple()
        .all(db)
        .await?;
    let of_cart = cart_reminder::Entity::belongs_to(order::Entity)
        .from(cart_reminder::Column::CartId)
        .to(order::Column::CartId)
        .into();
    let paid: Vec<(i32, i64, i64)> = cart_reminder::Entity::find()
        .select_only()
        .column(cart_reminder::Column::CartId)
        .column(order::Column::TotalMinor)
        .column(order::Column::RefundedMinor)
        .join(JoinType::InnerJoin, of_cart)
        .filter(cart_reminder::Column::Status.eq("sent"))
        .filter(cart_reminder::Column::SentAt.gte(from))
        .filter(cart_reminder::Column::SentAt.lt(to))
        .filter(order::Column::PaidAt.is_not_null())
        .filter(
            Expr::col((order::Entity, order::Column::PaidAt)).gt(Expr::col((
                cart_reminder::Entity,
                cart_reminder::Column::SentAt,
            ))),
        )
        .into_tuple()
        .all(db)
        .await?;
    let ordered: HashSet<i32> = paid.iter().map(|(cart, _, _)| *cart).collect();
    Ok(ReminderTally {
        sent: sent.len() as u64,
        restored: sent.iter().filter(|(_, at)| at.is_some()).count() as u64,
        ordered: ordered.len() as u64,
        recovered_minor: paid
            .iter()
            .map(|(_, total, refunded)| total - refunded)
            .sum(),
    })
}
