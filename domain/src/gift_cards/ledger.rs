//! Moving a balance: one conditional `UPDATE` per movement (spending needs
//! balance ≥ amount, so concurrent spenders can never take it below zero),
//! then the ledger row with the balance it left — both in the caller's
//! transaction.
use sea_orm::sea_query::{Expr, ExprTrait as _};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QuerySelect, Set,
};
use time::OffsetDateTime;

use crate::entities::{balance_movement, gift_card, store_credit};
use crate::{Error, Result};

/// Whose balance moves.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Holder {
    Card(i32),
    Customer(i32),
}

/// Why it moves (the ledger's `reason`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Reason {
    Issued,
    Redeemed,
    Refunded,
    Restored,
    Adjusted,
}

impl Reason {
    fn as_str(self) -> &'static str {
        match self {
            Self::Issued => "issued",
            Self::Redeemed => "redeemed",
            Self::Refunded => "refunded",
            Self::Restored => "restored",
            Self::Adjusted => "adjusted",
        }
    }
}

/// One movement: `delta_minor` is taken away when negative.
pub struct Movement<'a> {
    pub holder: Holder,
    pub delta_minor: i64,
    pub reason: Reason,
    pub order_id: Option<i32>,
    pub actor_id: Option<i32>,
    pub note: &'a str,
}

/// Applies the movement; returns the balance it left. Spending more than
/// the balance (or from a disabled card) changes nothing and is a
/// `Conflict`.
pub async fn apply<C: ConnectionTrait>(conn: &C, m: Movement<'_>) -> Result<i64> {
    if m.delta_minor == 0 {
        return Err(Error::validation("amount", "Enter an amount above zero."));
    }
    let moved = match m.holder {
        Holder::Card(id) => {
            let mut q = gift_card::Entity::update_many()
                .col_expr(
                    gift_card::Column::BalanceMinor,
                    Expr::col(gift_card::Column::BalanceMinor).add(m.delta_minor),
                )
                .filter(gift_card::Column::Id.eq(id));
            // A disabled card can't be spent, but money still goes back to it.
            if m.delta_minor < 0 {
                q = q
                    .filter(gift_card::Column::Status.eq("active"))
                    .filter(gift_card::Column::BalanceMinor.gte(-m.delta_minor));
            }
            q.exec(conn).await?.rows_affected
        }
        Holder::Customer(user) => {
            let mut q = store_credit::Entity::update_many()
                .col_expr(
                    store_credit::Column::BalanceMinor,
                    Expr::col(store_credit::Column::BalanceMinor).add(m.delta_minor),
                )
                .col_expr(
                    store_credit::Column::UpdatedAt,
                    Expr::value(OffsetDateTime::now_utc()),
                )
                .filter(store_credit::Column::UserId.eq(user));
            if m.delta_minor < 0 {
                q = q.filter(store_credit::Column::BalanceMinor.gte(-m.delta_minor));
            }
            q.exec(conn).await?.rows_affected
        }
    };
    if moved != 1 {
        return Err(Error::Conflict(
            "That balance doesn't cover the amount any more.".into(),
        ));
    }
    // Our own update holds the row until commit: this is what it left.
    let after = balance(conn, m.holder).await?;
    let (card, user) = match m.holder {
        Holder::Card(id) => (Some(id), None),
        Holder::Customer(id) => (None, Some(id)),
    };
    balance_movement::ActiveModel {
        gift_card_id: Set(card),
        user_id: Set(user),
        delta_minor: Set(m.delta_minor),
        balance_after_minor: Set(after),
        reason: Set(m.reason.as_str().to_owned()),
        order_id: Set(m.order_id),
        actor_id: Set(m.actor_id),
        note: Set(m.note.chars().take(200).collect()),
        created_at: Set(OffsetDateTime::now_utc()),
        ..Default::default()
    }
    .insert(conn)
    .await?;
    Ok(after)
}

/// The holder's balance now (0 for a customer without store credit).
pub async fn balance<C: ConnectionTrait>(conn: &C, holder: Holder) -> Result<i64> {
    let found: Option<i64> = match holder {
        Holder::Card(id) => {
            gift_card::Entity::find_by_id(id)
                .select_only()
                .column(gift_card::Column::BalanceMinor)
                .into_tuple()
                .one(conn)
                .await?
        }
        Holder::Customer(user) => {
            store_credit::Entity::find_by_id(user)
                .select_only()
                .column(store_credit::Column::BalanceMinor)
                .into_tuple()
                .one(conn)
                .await?
        }
    };
    Ok(found.unwrap_or(0))
}

/// The sum of the holder's movements: what the balance must equal.
pub async fn ledger_sum<C: ConnectionTrait>(conn: &C, holder: Holder) -> Result<i64> {
    // SUM of a BIGINT is NUMERIC on PostgreSQL: cast back on both.
    let q = balance_movement::Entity::find().select_only().column_as(
        Expr::cust("CAST(COALESCE(SUM(delta_minor), 0) AS BIGINT)"),
        "total",
    );
    let q = match holder {
        Holder::Card(id) => q.filter(balance_movement::Column::GiftCardId.eq(id)),
        Holder::Customer(id) => q.filter(balance_movement::Column::UserId.eq(id)),
    };
    let total: Option<i64> = q.into_tuple().one(conn).await?;
    Ok(total.unwrap_or(0))
}
