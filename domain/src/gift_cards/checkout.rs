//! Balances at checkout. A shopper enters a gift card code once (the
//! endpoint is rate-limited like sign-in); the card then stays with the
//! cart, so quotes and placing the order never look codes up. What each
//! balance pays is planned from the order total — gift cards in the order
//! entered, then store credit — and spent inside the placing transaction
//! with the ledger's conditional updates, so two checkouts using one card
//! can never take it below zero. An order given up before payment gets
//! every balance back ([`restore`]); a refund may go back to them too.
use model::Said;
use sea_orm::sea_query::OnConflict;
use sea_orm::{
    ColumnTrait, ConnectionTrait, EntityTrait, FromQueryResult, JoinType, PaginatorTrait,
    QueryFilter, QueryOrder, QuerySelect, Set, Statement,
};
use time::OffsetDateTime;

use super::codes;
use super::ledger::{self, Holder, Movement, Reason};
use crate::entities::{cart_gift_card, gift_card, store_credit};
use crate::money::Currency;
use crate::{Error, Result};
use model::gift_cards::MAX_CARDS_PER_CART;

/// The balances a checkout may use: its cards (in the order entered) and
/// the customer's store credit.
#[derive(Clone, Debug, Default)]
pub struct Held {
    pub cards: Vec<gift_card::Model>,
    pub credit: Option<i64>,
}

/// What each balance pays of `total`, and what is left for the gateway.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Plan {
    pub cards: Vec<(i32, i64)>,
    pub credit: i64,
    pub due: i64,
}

impl Plan {
    pub fn paid_by_balances(&self) -> i64 {
        self.cards.iter().map(|(_, take)| take).sum::<i64>() + self.credit
    }
}

/// Gift cards first, in the order entered, then store credit when chosen.
pub fn plan(total: i64, held: &Held, use_credit: bool) -> Plan {
    let mut left = total.max(0);
    let cards = held
        .cards
        .iter()
        .map(|c| {
            let take = c.balance_minor.clamp(0, left);
            left -= take;
            (c.id, take)
        })
        .collect();
    let credit = if use_credit {
        held.credit.unwrap_or(0).clamp(0, left)
    } else {
        0
    };
    left -= credit;
    Plan {
        cards,
        credit,
        due: left,
    }
}

/// The balances this cart's checkout may use now: active cards with
/// something left in the shop's currency, and a signed-in customer's store
/// credit.
pub async fn held<C: ConnectionTrait>(
    conn: &C,
    cart_id: i32,
    user_id: Option<i32>,
    currency: Currency,
) -> Result<Held> {
    let cards = gift_card::Entity::find()
        .join_rev(
            JoinType::InnerJoin,
            cart_gift_card::Entity::belongs_to(gift_card::Entity)
                .from(cart_gift_card::Column::GiftCardId)
                .to(gift_card::Column::Id)
                .into(),
        )
        .filter(cart_gift_card::Column::CartId.eq(cart_id))
        .filter(gift_card::Column::Status.eq("active"))
        .filter(gift_card::Column::Currency.eq(currency.code()))
        .filter(gift_card::Column::BalanceMinor.gt(0))
        .order_by_asc(cart_gift_card::Column::AddedAt)
        .order_by_asc(gift_card::Column::Id)
        .all(conn)
        .await?;
    let credit = match user_id {
        Some(user) => store_credit::Entity::find_by_id(user)
            .filter(store_credit::Column::Currency.eq(currency.code()))
            .filter(store_credit::Column::BalanceMinor.gt(0))
            .one(conn)
            .await?
            .map(|c| c.balance_minor),
        None => None,
    };
    Ok(Held { cards, credit })
}

/// Adds a card to the cart's checkout. Every way a code can be wrong is a
/// plain validation error under `gift_code`.
pub async fn attach<C: ConnectionTrait>(
    conn: &C,
    cart_id: i32,
    typed: &str,
    currency: Currency,
) -> Result<gift_card::Model> {
    let wrong = |key: &str| Error::rule("gift_code", Said::new(key));
    let normalised = codes::normalise(typed).ok_or_else(|| wrong("error-gift-code"))?;
    let card = super::find_by_code(conn, &normalised)
        .await?
        .ok_or_else(|| wrong("error-gift-unknown"))?;
    if card.status != "active" {
        return Err(wrong("error-gift-unusable"));
    }
    if card.currency != currency.code() {
        return Err(Error::rule(
            "gift_code",
            Said::new("error-gift-currency")
                .text("card", &card.currency)
                .text("shop", currency.code()),
        ));
    }
    if card.balance_minor <= 0 {
        return Err(wrong("error-gift-empty"));
    }
    let entered = cart_gift_card::Entity::find()
        .filter(cart_gift_card::Column::CartId.eq(cart_id))
        .count(conn)
        .await?;
    let already = cart_gift_card::Entity::find_by_id((cart_id, card.id))
        .one(conn)
        .await?
        .is_some();
    if !already && entered >= MAX_CARDS_PER_CART as u64 {
        return Err(Error::rule(
            "gift_code",
            Said::new("error-gift-too-many").number("max", MAX_CARDS_PER_CART as i64),
        ));
    }
    cart_gift_card::Entity::insert(cart_gift_card::ActiveModel {
        cart_id: Set(cart_id),
        gift_card_id: Set(card.id),
        added_at: Set(OffsetDateTime::now_utc()),
    })
    .on_conflict(
        OnConflict::columns([
            cart_gift_card::Column::CartId,
            cart_gift_card::Column::GiftCardId,
        ])
        .do_nothing()
        .to_owned(),
    )
    .exec_without_returning(conn)
    .await?;
    Ok(card)
}

/// Takes a card off the cart's checkout (its balance is untouched).
pub async fn detach<C: ConnectionTrait>(conn: &C, cart_id: i32, card_id: i32) -> Result<()> {
    cart_gift_card::Entity::delete_many()
        .filter(cart_gift_card::Column::CartId.eq(cart_id))
        .filter(cart_gift_card::Column::GiftCardId.eq(card_id))
        .exec(conn)
        .await?;
    Ok(())
}

/// Spends the balances for a new order inside its transaction, planned
/// from the balances as they are now; returns what they paid.
pub async fn spend_for_order<C: ConnectionTrait>(
    conn: &C,
    cart_id: i32,
    user_id: Option<i32>,
    use_credit: bool,
    currency: Currency,
    total: i64,
    order_id: i32,
) -> Result<i64> {
    let held = held(conn, cart_id, user_id, currency).await?;
    let mut left = total.max(0);
    let mut holders: Vec<Holder> = held.cards.iter().map(|c| Holder::Card(c.id)).collect();
    if let (true, Some(user)) = (use_credit, user_id) {
        holders.push(Holder::Customer(user));
    }
    for holder in holders {
        if left == 0 {
            break;
        }
        left -= take(conn, holder, left, order_id, Reason::Redeemed).await?;
    }
    Ok(total.max(0) - left)
}

/// Takes up to `want` from one balance. Another checkout may spend it
/// between our read and our update; the update then changes nothing (it
/// requires the balance to cover the amount) and we read again.
pub(crate) async fn take<C: ConnectionTrait>(
    conn: &C,
    holder: Holder,
    want: i64,
    order_id: i32,
    reason: Reason,
) -> Result<i64> {
    for _ in 0..3 {
        let amount = ledger::balance(conn, holder).await?.clamp(0, want);
        if amount == 0 {
            return Ok(0);
        }
        let spent = ledger::apply(
            conn,
            Movement {
                holder,
                delta_minor: -amount,
                reason,
                order_id: Some(order_id),
                actor_id: None,
                note: "",
            },
        )
        .await;
        match spent {
            Ok(_) => return Ok(amount),
            Err(Error::Conflict(_)) => continue,
            Err(e) => return Err(e),
        }
    }
    Err(Error::Clash(Said::new("error-balance-changed")))
}

/// What each balance paid for an order and has not had back yet, in the
/// order they were spent.
#[derive(FromQueryResult)]
struct Owed {
    gift_card_id: Option<i32>,
    user_id: Option<i32>,
    owed: i64,
}

async fn owed<C: ConnectionTrait>(conn: &C, order_id: i32) -> Result<Vec<(Holder, i64)>> {
    let rows: Vec<Owed> = for_order(
        conn,
        "SELECT gift_card_id, user_id, CAST(-SUM(delta_minor) AS BIGINT) AS owed \
         FROM balance_movements WHERE order_id = {order} AND reason IN ('redeemed', 'restored') \
         GROUP BY gift_card_id, user_id ORDER BY MIN(id)",
        order_id,
    )
    .await?;
    Ok(rows
        .into_iter()
        .filter_map(|r| {
            let holder = match (r.gift_card_id, r.user_id) {
                (Some(card), _) => Holder::Card(card),
                (None, Some(user)) => Holder::Customer(user),
                (None, None) => return None,
            };
            (r.owed > 0).then_some((holder, r.owed))
        })
        .collect())
}

/// Rows of `sql` with `{order}` bound to `order_id` (sums per holder, which
/// both backends widen from BIGINT: the queries cast back).
async fn for_order<C: ConnectionTrait, T: FromQueryResult>(
    conn: &C,
    sql: &str,
    order_id: i32,
) -> Result<Vec<T>> {
    let sql = sql.replace("{order}", &crate::db::placeholder(conn, 1));
    Ok(T::find_by_statement(Statement::from_sql_and_values(
        conn.get_database_backend(),
        sql,
        [order_id.into()],
    ))
    .all(conn)
    .await?)
}

/// Gives up to `limit` of what an order took back to the balances it came
/// from; returns how much went back.
pub async fn restore<C: ConnectionTrait>(
    conn: &C,
    order_id: i32,
    limit: Option<i64>,
    note: &str,
) -> Result<i64> {
    let mut left = limit.unwrap_or(i64::MAX);
    let mut back = 0;
    for (holder, owed) in owed(conn, order_id).await? {
        let amount = owed.min(left);
        if amount <= 0 {
            break;
        }
        ledger::apply(
            conn,
            Movement {
                holder,
                delta_minor: amount,
                reason: Reason::Restored,
                order_id: Some(order_id),
                actor_id: None,
                note,
            },
        )
        .await?;
        left -= amount;
        back += amount;
    }
    Ok(back)
}

/// Opens a customer's store credit account if they have none yet.
pub async fn open_credit<C: ConnectionTrait>(
    conn: &C,
    user_id: i32,
    currency: Currency,
) -> Result<()> {
    store_credit::Entity::insert(store_credit::ActiveModel {
        user_id: Set(user_id),
        currency: Set(currency.code().to_owned()),
        balance_minor: Set(0),
        updated_at: Set(OffsetDateTime::now_utc()),
    })
    .on_conflict(
        OnConflict::column(store_credit::Column::UserId)
            .do_nothing()
            .to_owned(),
    )
    .exec_without_returning(conn)
    .await?;
    Ok(())
}

/// Forgets the cards a cart's checkout used (once the order is paid).
pub async fn clear<C: ConnectionTrait>(conn: &C, cart_id: i32) -> Result<()> {
    cart_gift_card::Entity::delete_many()
        .filter(cart_gift_card::Column::CartId.eq(cart_id))
        .exec(conn)
        .await?;
    Ok(())
}

/// The labels of what paid an order besides the gateway, for its page.
pub async fn paid_with<C: ConnectionTrait>(conn: &C, order_id: i32) -> Result<Vec<(String, i64)>> {
    #[derive(FromQueryResult)]
    struct Row {
        last4: Option<String>,
        spent: i64,
    }
    let rows: Vec<Row> = for_order(
        conn,
        "SELECT g.last4, CAST(-SUM(m.delta_minor) AS BIGINT) AS spent \
         FROM balance_movements m LEFT JOIN gift_cards g ON g.id = m.gift_card_id \
         WHERE m.order_id = {order} AND m.reason = 'redeemed' \
         GROUP BY m.gift_card_id, m.user_id, g.last4 ORDER BY MIN(m.id)",
        order_id,
    )
    .await?;
    Ok(rows
        .into_iter()
        .map(|r| {
            let label = match r.last4 {
                Some(last4) => format!("Gift card ••••{last4}"),
                None => "Store credit".to_owned(),
            };
            (label, r.spent)
        })
        .collect())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn card(id: i32, balance: i64) -> gift_card::Model {
        gift_card::Model {
            id,
            code_hash: String::new(),
            last4: String::new(),
            currency: "USD".into(),
            initial_minor: balance.max(1),
            balance_minor: balance,
            status: "active".into(),
            recipient_email: None,
            message: String::new(),
            deliver_on: None,
            order_id: None,
            created_at: OffsetDateTime::UNIX_EPOCH,
        }
    }

    #[test]
    fn cards_pay_in_the_order_entered_then_store_credit_then_the_gateway() {
        let held = Held {
            cards: vec![card(1, 1_000), card(2, 2_500)],
            credit: Some(4_000),
        };
        let p = plan(5_000, &held, true);
        assert_eq!(p.cards, vec![(1, 1_000), (2, 2_500)]);
        assert_eq!(p.credit, 1_500);
        assert_eq!(p.due, 0);
        let p = plan(5_000, &held, false);
        assert_eq!((p.credit, p.due, p.paid_by_balances()), (0, 1_500, 3_500));
    }

    #[test]
    fn a_small_total_leaves_later_balances_untouched() {
        let held = Held {
            cards: vec![card(1, 1_000), card(2, 2_500)],
            credit: Some(4_000),
        };
        let p = plan(600, &held, true);
        assert_eq!(p.cards, vec![(1, 600), (2, 0)]);
        assert_eq!((p.credit, p.due), (0, 0));
        assert_eq!(plan(0, &held, true).paid_by_balances(), 0);
    }
}
