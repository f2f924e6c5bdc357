//! Promo codes as staff manage them (permission `promotions`): create,
//! edit, switch off, delete unused ones, and see how each performed.
use sea_orm::sea_query::{Expr, ExprTrait, Func};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, DatabaseConnection, EntityTrait, JoinType, PaginatorTrait,
    QueryFilter, QueryOrder, QuerySelect, RelationTrait, Set,
};
use serde::{Deserialize, Serialize};
use time::OffsetDateTime;

use super::in_currencies::{self, PromotionAmounts};
use super::normalise;
use crate::accounts::{Actor, Permission};
use crate::entities::{order, promotion, promotion_redemption};
use crate::{Error, Result};

/// What staff type into the promotion form, already parsed into numbers.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct PromotionInput {
    pub code: String,
    /// percentage | fixed | free_shipping
    pub kind: String,
    /// Basis points (percentage) or minor units (fixed); 0 for free shipping.
    pub value: i64,
    pub min_subtotal_minor: i64,
    pub starts_at: Option<OffsetDateTime>,
    pub ends_at: Option<OffsetDateTime>,
    pub usage_limit: Option<i32>,
    pub per_customer_limit: Option<i32>,
    pub active: bool,
    /// Amounts set by hand in other currencies (the rest convert); `None`
    /// saves leave them as they are (the REST API has no field for them).
    #[serde(default)]
    pub in_currencies: Option<Vec<PromotionAmounts>>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct PromotionStats {
    pub input: PromotionInput,
    /// Uses taken, including checkouts still waiting for payment.
    pub times_used: i32,
    /// Paid orders with the code, their total net of refunds and the
    /// discount given.
    pub orders: i64,
    pub revenue_minor: i64,
    pub discount_minor: i64,
}

#[derive(Clone)]
pub struct PromotionAdmin {
    db: DatabaseConnection,
}

fn to_input(p: &promotion::Model) -> PromotionInput {
    PromotionInput {
        code: p.code.clone(),
        kind: p.kind.clone(),
        value: p.value,
        min_subtotal_minor: p.min_subtotal_minor,
        starts_at: p.starts_at,
        ends_at: p.ends_at,
        usage_limit: p.usage_limit,
        per_customer_limit: p.per_customer_limit,
        active: p.active,
        in_currencies: None,
    }
}

fn validate(i: &PromotionInput) -> Result<()> {
    let ok_code = (3..=32).contains(&i.code.len())
        && i.code
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_');
    if !ok_code {
        return Err(Error::validation(
            "code",
            "Codes are 3–32 letters, digits, - or _.",
        ));
    }
    match i.kind.as_str() {
        "percentage" if (1..=10_000).contains(&i.value) => {}
        "percentage" => {
            return Err(Error::validation(
                "value",
                "A percentage is between 0.01 and 100.",
            ))
        }
        "fixed" if i.value > 0 => {}
        "fixed" => {
            return Err(Error::validation(
                "value",
                "Enter the amount off, e.g. 5.00.",
            ))
        }
        "free_shipping" => {}
        _ => {
            return Err(Error::validation(
                "kind",
                "Choose percentage, fixed amount or free shipping.",
            ))
        }
    }
    if i.min_subtotal_minor < 0 {
        return Err(Error::validation(
            "min_subtotal",
            "The minimum can't be negative.",
        ));
    }
    if let (Some(s), Some(e)) = (i.starts_at, i.ends_at) {
        if e <= s {
            return Err(Error::validation(
                "ends_at",
                "The end must be after the start.",
            ));
        }
    }
    if i.usage_limit.is_some_and(|n| n < 1) || i.per_customer_limit.is_some_and(|n| n < 1) {
        return Err(Error::validation(
            "usage_limit",
            "Limits are 1 or more, or empty for none.",
        ));
    }
    Ok(())
}

impl PromotionAdmin {
    pub fn new(db: DatabaseConnection) -> Self {
        Self { db }
    }

    pub async fn list(&self, actor: &Actor) -> Result<Vec<PromotionStats>> {
        actor.require(Permission::Promotions)?;
        let promos = promotion::Entity::find()
            .order_by_desc(promotion::Column::Id)
            .all(&self.db)
            .await?;
        // Paid orders that redeemed each code: count, revenue net of
        // refunds, and discount. Checkouts still waiting for payment hold a
        // use (times_used) but are not sales yet.
        let sums: Vec<(i32, i64, Option<i64>, Option<i64>)> = promotion_redemption::Entity::find()
            .select_only()
            .column(promotion_redemption::Column::PromotionId)
            .column_as(promotion_redemption::Column::Id.count(), "orders")
            .column_as(
                Expr::from(Func::cast_as(
                    Expr::col((order::Entity, order::Column::TotalMinor))
                        .sub(Expr::col((order::Entity, order::Column::RefundedMinor)))
                        .sum(),
                    "BIGINT",
                )),
                "revenue",
            )
            .column_as(
                Expr::from(Func::cast_as(
                    Expr::col((order::Entity, order::Column::DiscountMinor)).sum(),
                    "BIGINT",
                )),
                "discount",
            )
            .join(
                JoinType::InnerJoin,
                promotion_redemption::Relation::Order.def(),
            )
            .filter(Expr::col((order::Entity, order::Column::PaidAt)).is_not_null())
            .group_by(promotion_redemption::Column::PromotionId)
            .into_tuple()
            .all(&self.db)
            .await?;
        let mut amounts = in_currencies::of(&self.db, None).await?;
        Ok(promos
            .iter()
            .map(|p| {
                let s = sums.iter().find(|s| s.0 == p.id);
                PromotionStats {
                    input: PromotionInput {
                        in_currencies: Some(amounts.remove(&p.id).unwrap_or_default()),
                        ..to_input(p)
                    },
                    times_used: p.times_used,
                    orders: s.map_or(0, |s| s.1),
                    revenue_minor: s.and_then(|s| s.2).unwrap_or(0),
                    discount_minor: s.and_then(|s| s.3).unwrap_or(0),
                }
            })
            .collect())
    }

    pub async fn get(&self, actor: &Actor, code: &str) -> Result<PromotionInput> {
        actor.require(Permission::Promotions)?;
        let p = self.find(&normalise(code)).await?;
        let in_currencies = in_currencies::of(&self.db, Some(p.id))
            .await?
            .remove(&p.id)
            .unwrap_or_default();
        Ok(PromotionInput {
            in_currencies: Some(in_currencies),
            ..to_input(&p)
        })
    }

    async fn find(&self, code: &str) -> Result<promotion::Model> {
        promotion::Entity::find()
            .filter(promotion::Column::Code.eq(code))
            .one(&self.db)
            .await?
            .ok_or(Error::not_found("promotion"))
    }

    /// Creates a code (`original` = None) or saves over `original`.
    pub async fn save(
        &self,
        actor: &Actor,
        original: Option<&str>,
        mut input: PromotionInput,
    ) -> Result<String> {
        actor.require(Permission::Promotions)?;
        input.code = normalise(&input.code);
        if input.kind == "free_shipping" {
            input.value = 0;
        }
        validate(&input)?;
        input.in_currencies = input
            .in_currencies
            .take()
            .map(|rows| in_currencies::for_kind(rows, &input.kind));
        let txn = crate::db::begin_write(&self.db).await?;
        let clash = promotion::Entity::find()
            .filter(promotion::Column::Code.eq(&input.code))
            .filter(promotion::Column::Code.ne(original.map(normalise).unwrap_or_default()))
            .count(&txn)
            .await?;
        if clash > 0 {
            return Err(Error::validation(
                "code",
                format!("The code {} exists already.", input.code),
            ));
        }
        let before = match original {
            Some(code) => Some(
                promotion::Entity::find()
                    .filter(promotion::Column::Code.eq(normalise(code)))
                    .one(&txn)
                    .await?
                    .ok_or(Error::not_found("promotion"))?,
            ),
            None => None,
        };
        let before_amounts = match &before {
            Some(b) => in_currencies::of(&txn, Some(b.id)).await?.remove(&b.id),
            None => None,
        };
        let mut row = promotion::ActiveModel {
            code: Set(input.code.clone()),
            kind: Set(input.kind.clone()),
            value: Set(input.value),
            min_subtotal_minor: Set(input.min_subtotal_minor),
            starts_at: Set(input.starts_at),
            ends_at: Set(input.ends_at),
            usage_limit: Set(input.usage_limit),
            per_customer_limit: Set(input.per_customer_limit),
            active: Set(input.active),
            ..Default::default()
        };
        let id = match &before {
            Some(b) => {
                row.id = Set(b.id);
                row.update(&txn).await?.id
            }
            None => {
                row.times_used = Set(0);
                row.created_at = Set(OffsetDateTime::now_utc());
                row.insert(&txn).await?.id
            }
        };
        if let Some(rows) = &input.in_currencies {
            in_currencies::replace(&txn, id, rows).await?;
        }
        crate::audit::record(
            &txn,
            actor,
            if before.is_some() {
                "promotion.update"
            } else {
                "promotion.create"
            },
            "promotion",
            &input.code,
            before.as_ref().map(|b| {
                serde_json::to_value(PromotionInput {
                    in_currencies: Some(before_amounts.unwrap_or_default()),
                    ..to_input(b)
                })
                .unwrap_or_default()
            }),
            Some(serde_json::to_value(&input).unwrap_or_default()),
        )
        .await?;
        txn.commit().await?;
        Ok(input.code)
    }

    /// Only a code nobody used can be deleted; used ones are switched off
    /// instead, so order history keeps its meaning.
    pub async fn delete(&self, actor: &Actor, code: &str) -> Result<()> {
        actor.require(Permission::Promotions)?;
        let txn = crate::db::begin_write(&self.db).await?;
        let p = promotion::Entity::find()
            .filter(promotion::Column::Code.eq(normalise(code)))
            .one(&txn)
            .await?
            .ok_or(Error::not_found("promotion"))?;
        let used = promotion_redemption::Entity::find()
            .filter(promotion_redemption::Column::PromotionId.eq(p.id))
            .count(&txn)
            .await?;
        if used > 0 || p.times_used > 0 {
            return Err(Error::Conflict(
                "This code has been used; switch it off instead of deleting it.".into(),
            ));
        }
        promotion::Entity::delete_by_id(p.id).exec(&txn).await?;
        crate::audit::record(
            &txn,
            actor,
            "promotion.delete",
            "promotion",
            &p.code,
            Some(serde_json::to_value(to_input(&p)).unwrap_or_default()),
            None,
        )
        .await?;
        txn.commit().await?;
        Ok(())
    }
}
