//! Gift cards bought in the shop. The buyer chooses the amount, who gets it
//! (themselves or someone else), a message and the day it arrives; that
//! waits with the order (`gift_card_orders`). When the order is paid the
//! card is issued and its code mailed to the recipient, held in the outbox
//! until that day — the code exists only in that mail and as a digest.
use minijinja::context;
use sea_orm::sea_query::Expr;
use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QuerySelect};
use time::{Date, Duration, OffsetDateTime, Time};

use super::ledger::{Holder, Reason};
use super::{create, NewCard};
use crate::accounts::Email;
use crate::entities::{gift_card_order, order};
use crate::mail::{MailKind, Templates};
use crate::money::{Currency, Money};
use crate::{Error, Result};
use model::Said;

pub use model::gift_cards::{MAX_MINOR, MIN_MINOR};
/// How far ahead a delivery day may be.
pub const DELIVER_WITHIN_DAYS: i64 = 365;
const MESSAGE_MAX: usize = 500;
const NAME_MAX: usize = 80;

/// The gift card form as typed.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct PurchaseInput {
    /// "25.00", in the shop's currency.
    pub amount: String,
    /// Empty: the card goes to the buyer.
    pub recipient_email: String,
    pub recipient_name: String,
    pub sender_name: String,
    pub message: String,
    /// `YYYY-MM-DD`; empty: as soon as it is paid.
    pub deliver_on: String,
}

/// A checked purchase.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Purchase {
    pub amount_minor: i64,
    pub recipient: Email,
    pub recipient_name: String,
    pub sender_name: String,
    pub message: String,
    pub deliver_on: Date,
}

/// Checks the form; `buyer` receives the card when no recipient is given.
pub fn check(
    input: &PurchaseInput,
    buyer: &Email,
    currency: Currency,
    today: Date,
) -> Result<Purchase> {
    let range = Said::new("error-gift-amount")
        .money("min", Money::new(MIN_MINOR, currency))
        .money("max", Money::new(MAX_MINOR, currency));
    let amount_minor = crate::typed::amount(&input.amount, currency, "amount")
        .ok()
        .flatten()
        .filter(|m| (MIN_MINOR..=MAX_MINOR).contains(m))
        .ok_or_else(|| Error::rule("amount", range))?;
    let recipient = if input.recipient_email.trim().is_empty() {
        buyer.clone()
    } else {
        Email::parse(&input.recipient_email)
            .map_err(|_| Error::rule("recipient_email", Said::new("error-gift-recipient")))?
    };
    let deliver_on = match input.deliver_on.trim() {
        "" => today,
        typed => {
            let format = time::macros::format_description!("[year]-[month]-[day]");
            let day = Date::parse(typed, &format)
                .map_err(|_| Error::rule("deliver_on", Said::new("error-gift-deliver-on")))?;
            if day < today || day > today + Duration::days(DELIVER_WITHIN_DAYS) {
                return Err(Error::rule(
                    "deliver_on",
                    Said::new("error-gift-deliver-range"),
                ));
            }
            day
        }
    };
    let text = |field: &'static str, value: &str, max: usize| -> Result<String> {
        let value = value.trim();
        if value.chars().count() > max {
            return Err(Error::rule(
                field,
                Said::new("error-text-too-long").number("max", max as i64),
            ));
        }
        Ok(value.to_owned())
    };
    Ok(Purchase {
        amount_minor,
        recipient,
        recipient_name: text("recipient_name", &input.recipient_name, NAME_MAX)?,
        sender_name: text("sender_name", &input.sender_name, NAME_MAX)?,
        message: text("message", &input.message, MESSAGE_MAX)?,
        deliver_on,
    })
}

/// Issues the cards a paid order bought and queues their mail for their
/// day; a card already issued is left alone (settling twice issues once).
pub(crate) async fn fulfil<C: ConnectionTrait>(
    conn: &C,
    templates: &Templates,
    o: &order::Model,
) -> Result<()> {
    let waiting = gift_card_order::Entity::find()
        .filter(gift_card_order::Column::OrderId.eq(o.id))
        .filter(gift_card_order::Column::GiftCardId.is_null())
        .all(conn)
        .await?;
    let currency = crate::orders::order_currency(o);
    for row in waiting {
        let note = format!("Bought with order {}", o.number);
        let (card, code) = create(
            conn,
            NewCard {
                currency,
                amount_minor: row.amount_minor,
                actor_id: None,
                order_id: Some(o.id),
                note: &note,
            },
        )
        .await?;
        let taken = gift_card_order::Entity::update_many()
            .col_expr(gift_card_order::Column::GiftCardId, Expr::value(card.id))
            .filter(gift_card_order::Column::Id.eq(row.id))
            .filter(gift_card_order::Column::GiftCardId.is_null())
            .exec(conn)
            .await?;
        if taken.rows_affected != 1 {
            return Err(Error::Conflict("This gift card was issued already.".into()));
        }
        let vars = context! {
            gift => context! {
                amount => Money::new(row.amount_minor, currency),
                code => code,
                sender_name => row.sender_name,
                recipient_name => row.recipient_name,
                message => row.message,
            },
            link => templates.link("/"),
        };
        let at = OffsetDateTime::new_utc(row.deliver_on, Time::MIDNIGHT);
        templates
            .enqueue_at(conn, MailKind::GiftCard, &row.recipient_email, vars, at)
            .await?;
    }
    Ok(())
}

/// A refund of an order that bought gift cards takes the money back off
/// those cards first (what is still unspent), so the buyer can't have both;
/// more than is left on them is refused, in the refund's transaction.
pub(crate) async fn take_back<C: ConnectionTrait>(
    conn: &C,
    o: &order::Model,
    amount: i64,
) -> Result<()> {
    let cards: Vec<Option<i32>> = gift_card_order::Entity::find()
        .select_only()
        .column(gift_card_order::Column::GiftCardId)
        .filter(gift_card_order::Column::OrderId.eq(o.id))
        .filter(gift_card_order::Column::GiftCardId.is_not_null())
        .into_tuple()
        .all(conn)
        .await?;
    if cards.is_empty() {
        return Ok(());
    }
    let mut left = amount;
    for card in cards.into_iter().flatten() {
        if left == 0 {
            break;
        }
        left -=
            super::checkout::take(conn, Holder::Card(card), left, o.id, Reason::Adjusted).await?;
    }
    if left > 0 {
        let unspent = Money::new(amount - left, crate::orders::order_currency(o)).format();
        return Err(Error::validation(
            "amount",
            format!("The gift card from this order has been spent: only {unspent} of it can still be refunded."),
        ));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(s: &str) -> Date {
        Date::parse(
            s,
            &time::macros::format_description!("[year]-[month]-[day]"),
        )
        .unwrap()
    }

    #[test]
    fn a_form_is_checked_field_by_field() {
        let buyer = Email::parse("buyer@example.com").unwrap();
        let today = day("2026-12-05");
        let ok = PurchaseInput {
            amount: "25".into(),
            deliver_on: "2026-12-24".into(),
            ..Default::default()
        };
        let p = check(&ok, &buyer, Currency::Usd, today).unwrap();
        assert_eq!(
            (p.amount_minor, p.recipient.as_str()),
            (2_500, "buyer@example.com")
        );
        assert_eq!(p.deliver_on, day("2026-12-24"));
        for (input, field) in [
            (
                PurchaseInput {
                    amount: "4.99".into(),
                    ..ok.clone()
                },
                "amount",
            ),
            (
                PurchaseInput {
                    amount: "500.01".into(),
                    ..ok.clone()
                },
                "amount",
            ),
            (
                PurchaseInput {
                    recipient_email: "nobody".into(),
                    ..ok.clone()
                },
                "recipient_email",
            ),
            (
                PurchaseInput {
                    deliver_on: "2026-12-04".into(),
                    ..ok.clone()
                },
                "deliver_on",
            ),
            (
                PurchaseInput {
                    deliver_on: "2027-12-06".into(),
                    ..ok.clone()
                },
                "deliver_on",
            ),
            (
                PurchaseInput {
                    deliver_on: "24/12/2026".into(),
                    ..ok.clone()
                },
                "deliver_on",
            ),
            (
                PurchaseInput {
                    message: "x".repeat(501),
                    ..ok.clone()
                },
                "message",
            ),
        ] {
            let err = check(&input, &buyer, Currency::Usd, today).unwrap_err();
            assert!(
                matches!(err, Error::Validation { field: f, .. } if f == field),
                "{input:?}: {err:?}"
            );
        }
    }
}
