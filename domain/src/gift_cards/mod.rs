//! Gift cards and store credit: balances that every movement is recorded
//! against and that can never go below zero however many checkouts spend
//! them at once ([`ledger`]). Staff issue gift cards (the code is shown
//! once, kept as a digest) and grant store credit; both audited. Shoppers
//! pay with them at checkout ([`checkout`]); refunds may go back to them or
//! to store credit (`orders::refunds`).
pub mod checkout;
pub mod codes;
pub mod ledger;
pub mod purchase;
mod staff;

use sea_orm::{ActiveModelTrait, ColumnTrait, DatabaseConnection, EntityTrait, QueryFilter, Set};
use serde_json::json;
use time::OffsetDateTime;

use crate::accounts::{Actor, Permission};
use crate::entities::{gift_card, store_credit, user};
use crate::money::{Currency, Money};
use crate::{Error, Result};
use ledger::{Holder, Movement, Reason};

/// The most one card or one grant may hold: a hundred thousand in major
/// units of a two-decimal currency.
pub const MAX_AMOUNT_MINOR: i64 = 10_000_000;

/// The card a code (already through [`codes::normalise`]) names, on `conn`.
pub(crate) async fn find_by_code<C: sea_orm::ConnectionTrait>(
    conn: &C,
    normalised: &str,
) -> Result<Option<gift_card::Model>> {
    Ok(gift_card::Entity::find()
        .filter(gift_card::Column::CodeHash.eq(codes::hash(normalised)))
        .one(conn)
        .await?)
}

/// What a new card starts with.
pub(crate) struct NewCard<'a> {
    pub currency: Currency,
    pub amount_minor: i64,
    pub actor_id: Option<i32>,
    /// The order that bought it.
    pub order_id: Option<i32>,
    pub note: &'a str,
}

/// Creates a card worth its amount in the caller's transaction (the
/// issuing movement brings it there); the model and its code.
pub(crate) async fn create<C: sea_orm::ConnectionTrait>(
    conn: &C,
    new: NewCard<'_>,
) -> Result<(gift_card::Model, String)> {
    let code = codes::new_code();
    let normalised = codes::normalise(&code).ok_or_else(|| Error::internal("gift code"))?;
    let card = gift_card::ActiveModel {
        code_hash: Set(codes::hash(&normalised)),
        last4: Set(codes::last4(&normalised)),
        currency: Set(new.currency.code().to_owned()),
        initial_minor: Set(new.amount_minor),
        balance_minor: Set(0),
        status: Set("active".into()),
        recipient_email: Set(None),
        message: Set(String::new()),
        deliver_on: Set(None),
        order_id: Set(new.order_id),
        created_at: Set(OffsetDateTime::now_utc()),
        ..Default::default()
    }
    .insert(conn)
    .await?;
    let balance = ledger::apply(
        conn,
        Movement {
            holder: Holder::Card(card.id),
            delta_minor: new.amount_minor,
            reason: Reason::Issued,
            order_id: new.order_id,
            actor_id: new.actor_id,
            note: new.note,
        },
    )
    .await?;
    Ok((
        gift_card::Model {
            balance_minor: balance,
            ..card
        },
        code,
    ))
}

/// A card as issued: the code is shown this once.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Issued {
    pub id: i32,
    pub code: String,
    pub last4: String,
    pub balance: Money,
}

#[derive(Clone)]
pub struct GiftCards {
    db: DatabaseConnection,
    /// Customers' store credit held between changes (the account page
    /// shows it on every view).
    held: Option<std::sync::Arc<crate::accounts::held::HeldAccounts>>,
}

fn amount(minor: i64) -> Result<i64> {
    if (1..=MAX_AMOUNT_MINOR).contains(&minor) {
        Ok(minor)
    } else {
        Err(Error::validation(
            "amount",
            "Enter an amount above zero and up to 100,000.",
        ))
    }
}

impl GiftCards {
    pub fn new(db: DatabaseConnection) -> Self {
        Self { db, held: None }
    }

    /// Holds customers' store credit in `held` between changes (the
    /// change feed names the customer when it moves).
    pub fn holding(mut self, held: std::sync::Arc<crate::accounts::held::HeldAccounts>) -> Self {
        self.held = Some(held);
        self
    }

    /// A new card worth `amount_minor` (permission `orders`).
    pub async fn issue(
        &self,
        actor: &Actor,
        currency: Currency,
        amount_minor: i64,
        note: &str,
    ) -> Result<Issued> {
        actor.require(Permission::Orders)?;
        let amount_minor = amount(amount_minor)?;
        let txn = crate::db::begin_write(&self.db).await?;
        let (card, code) = create(
            &txn,
            NewCard {
                currency,
                amount_minor,
                actor_id: actor.user_id(),
                order_id: None,
                note,
            },
        )
        .await?;
        let balance = card.balance_minor;
        // The code never reaches the log: only its last four characters.
        crate::audit::record(
            &txn,
            actor,
            "gift_card.issue",
            "gift_card",
            &card.last4,
            None,
            Some(
                json!({ "amount_minor": amount_minor, "currency": currency.code(), "note": note }),
            ),
        )
        .await?;
        txn.commit().await?;
        Ok(Issued {
            id: card.id,
            code,
            last4: card.last4,
            balance: Money::new(balance, currency),
        })
    }

    /// The card a typed code names, if any (typing mistakes and codes that
    /// cannot be ours find nothing without a look-up).
    pub async fn find(&self, typed: &str) -> Result<Option<gift_card::Model>> {
        match codes::normalise(typed) {
            Some(normalised) => find_by_code(&self.db, &normalised).await,
            None => Ok(None),
        }
    }

    /// Adds store credit to a customer's account (permission `customers`).
    pub async fn grant_store_credit(
        &self,
        actor: &Actor,
        currency: Currency,
        public_id: &str,
        amount_minor: i64,
        note: &str,
    ) -> Result<Money> {
        actor.require(Permission::Customers)?;
        let amount_minor = amount(amount_minor)?;
        let note = crate::bounds::text(note, 200);
        let txn = crate::db::begin_write(&self.db).await?;
        let customer = user::Entity::find()
            .filter(user::Column::PublicId.eq(public_id))
            .filter(user::Column::Role.eq("customer"))
            .one(&txn)
            .await?
            .ok_or(Error::not_found("customer"))?;
        checkout::open_credit(&txn, customer.id, currency).await?;
        let balance = ledger::apply(
            &txn,
            Movement {
                holder: Holder::Customer(customer.id),
                delta_minor: amount_minor,
                reason: Reason::Adjusted,
                order_id: None,
                actor_id: actor.user_id(),
                note: &note,
            },
        )
        .await?;
        crate::audit::record(
            &txn,
            actor,
            "store_credit.grant",
            "user",
            &customer.id.to_string(),
            None,
            Some(json!({ "amount_minor": amount_minor, "currency": currency.code(), "note": note, "balance_minor": balance })),
        )
        .await?;
        txn.commit().await?;
        Ok(Money::new(balance, currency))
    }

    /// Spends `amount_minor` of a holder's balance for an order, in its own
    /// transaction; `Conflict` when the balance no longer covers it.
    pub async fn spend(
        &self,
        holder: Holder,
        amount_minor: i64,
        order_id: Option<i32>,
    ) -> Result<i64> {
        let amount_minor = amount(amount_minor)?;
        let txn = crate::db::begin_write(&self.db).await?;
        let left = ledger::apply(
            &txn,
            Movement {
                holder,
                delta_minor: -amount_minor,
                reason: Reason::Redeemed,
                order_id,
                actor_id: None,
                note: "",
            },
        )
        .await?;
        txn.commit().await?;
        Ok(left)
    }

    /// A customer's store credit, if they ever had any.
    pub async fn store_credit(&self, user_id: i32) -> Result<Option<Money>> {
        Ok(store_credit::Entity::find_by_id(user_id)
            .one(&self.db)
            .await?
            .map(|c| Money::new(c.balance_minor, c.currency.parse().unwrap_or(Currency::Usd))))
    }

    pub async fn balance(&self, holder: Holder) -> Result<i64> {
        ledger::balance(&self.db, holder).await
    }

    pub async fn ledger_sum(&self, holder: Holder) -> Result<i64> {
        ledger::ledger_sum(&self.db, holder).await
    }
}
