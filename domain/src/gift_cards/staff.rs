//! What staff see and do with gift cards beyond issuing them: the list
//! (never a code, only its last four characters) and switching a card off
//! or on again — both audited.
use sea_orm::{ColumnTrait, EntityTrait, QueryFilter, QueryOrder, QuerySelect};
use serde_json::json;

use super::GiftCards;
use crate::accounts::{Actor, Permission};
use crate::entities::{gift_card, order};
use crate::money::{Currency, Money};
use crate::{Error, Result};
use model::gift_cards::GiftCardRow;

/// The list shows the newest cards; finding an older one is by its last four.
pub const LIST_LIMIT: u64 = 200;

impl GiftCards {
    /// The newest cards, or those whose code ends in `last4`.
    pub async fn list(&self, actor: &Actor, last4: &str) -> Result<Vec<GiftCardRow>> {
        actor.require(Permission::Orders)?;
        let mut q = gift_card::Entity::find()
            .order_by_desc(gift_card::Column::Id)
            .limit(LIST_LIMIT);
        let last4: String = last4
            .trim()
            .chars()
            .filter(|c| c.is_ascii_alphanumeric())
            .take(4)
            .collect::<String>()
            .to_uppercase();
        if !last4.is_empty() {
            q = q.filter(gift_card::Column::Last4.contains(&last4));
        }
        let cards = q.all(&self.db).await?;
        let order_ids: Vec<i32> = cards.iter().filter_map(|c| c.order_id).collect();
        let numbers: Vec<(i32, String)> = if order_ids.is_empty() {
            Vec::new()
        } else {
            order::Entity::find()
                .select_only()
                .column(order::Column::Id)
                .column(order::Column::Number)
                .filter(order::Column::Id.is_in(order_ids))
                .into_tuple()
                .all(&self.db)
                .await?
        };
        Ok(cards
            .into_iter()
            .map(|c| {
                let currency: Currency = c.currency.parse().unwrap_or(Currency::Usd);
                GiftCardRow {
                    id: c.id,
                    last4: c.last4,
                    initial: Money::new(c.initial_minor, currency),
                    balance: Money::new(c.balance_minor, currency),
                    active: c.status == "active",
                    recipient_email: c.recipient_email,
                    order_number: c.order_id.and_then(|id| {
                        numbers
                            .iter()
                            .find(|(oid, _)| *oid == id)
                            .map(|(_, n)| n.clone())
                    }),
                    created_at: model::dates::date_time(c.created_at.unix_timestamp()),
                }
            })
            .collect())
    }

    /// Switches a card off (it can no longer pay) or on again.
    pub async fn set_active(&self, actor: &Actor, id: i32, active: bool) -> Result<()> {
        actor.require(Permission::Orders)?;
        let status = if active { "active" } else { "disabled" };
        let txn = crate::db::begin_write(&self.db).await?;
        let card = gift_card::Entity::find_by_id(id)
            .one(&txn)
            .await?
            .ok_or(Error::not_found("gift card"))?;
        gift_card::Entity::update_many()
            .col_expr(
                gift_card::Column::Status,
                sea_orm::sea_query::Expr::value(status),
            )
            .filter(gift_card::Column::Id.eq(id))
            .exec(&txn)
            .await?;
        crate::audit::record(
            &txn,
            actor,
            if active {
                "gift_card.enable"
            } else {
                "gift_card.disable"
            },
            "gift_card",
            &card.last4,
            Some(json!({ "status": card.status })),
            Some(json!({ "status": status })),
        )
        .await?;
        txn.commit().await?;
        Ok(())
    }

    /// The signed-in customer's own store credit.
    pub async fn my_store_credit(&self, actor: &Actor) -> Result<Option<Money>> {
        let user = actor.require_user()?;
        let Some(held) = &self.held else {
            return self.store_credit(user).await;
        };
        if let Some(credit) = held.credit(user) {
            return Ok(*credit);
        }
        let epoch = held.epochs.begin();
        let credit = self.store_credit(user).await?;
        held.keep_credit(user, epoch, credit);
        Ok(credit)
    }
}
