//! Promo codes: looked up case-insensitively, checked for their validity
//! window and usage limits, and redeemed atomically with the order: the
//! total limit is a conditional UPDATE on the code's counter (which also
//! locks the code's row until commit), so the per-customer count read after
//! it cannot race either. A checkout that is never paid (cancelled, payment
//! failed, hold expired) gives its use back with [`release`].
use sea_orm::sea_query::{Expr, ExprTrait};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, EntityTrait, PaginatorTrait, QueryFilter, Set,
};
use time::OffsetDateTime;

use crate::entities::{promotion, promotion_redemption};
use crate::pricing::{Promo, PromoKind};
use crate::{Error, Result};

mod admin;
mod form;
mod in_currencies;
pub use admin::{PromotionAdmin, PromotionInput, PromotionStats};
pub use form::{PromotionForm, PromotionRow};
pub use in_currencies::{in_currency as amounts_in, PromotionAmounts};

fn invalid() -> Error {
    Error::rule("promo_code", model::Said::new("error-promo-invalid"))
}

pub fn normalise(code: &str) -> String {
    code.trim().to_uppercase()
}

/// `user:<id>` for customers, `email:<address>` for guests.
pub fn customer_key(user_id: Option<i32>, email: &str) -> String {
    match user_id {
        Some(id) => format!("user:{id}"),
        None => format!("email:{}", email.trim().to_lowercase()),
    }
}

fn to_promo(p: &promotion::Model) -> Result<Promo> {
    let kind = match p.kind.as_str() {
        "percentage" => PromoKind::Percentage {
            basis_points: u32::try_from(p.value).unwrap_or(0),
        },
        "fixed" => PromoKind::FixedAmount { minor: p.value },
        "free_shipping" => PromoKind::FreeShipping,
        other => return Err(Error::internal(format!("unknown promotion kind {other}"))),
    };
    Ok(Promo {
        code: p.code.clone(),
        kind,
        min_subtotal: p.min_subtotal_minor,
    })
}

/// A code usable now by this customer (limits read, not yet taken).
pub async fn find_usable<C: ConnectionTrait>(
    conn: &C,
    code: &str,
    customer: Option<&str>,
    now: OffsetDateTime,
) -> Result<(promotion::Model, Promo)> {
    let code = normalise(code);
    if code.is_empty() || code.len() > 40 {
        return Err(invalid());
    }
    let p = promotion::Entity::find()
        .filter(promotion::Column::Code.eq(code.as_str()))
        .filter(promotion::Column::Active.eq(true))
        .one(conn)
        .await?
        .ok_or_else(invalid)?;
    if p.starts_at.is_some_and(|s| s > now) {
        return Err(Error::rule(
            "promo_code",
            model::Said::new("error-promo-not-yet"),
        ));
    }
    if p.ends_at.is_some_and(|e| e <= now) {
        return Err(Error::rule(
            "promo_code",
            model::Said::new("error-promo-expired"),
        ));
    }
    if p.usage_limit.is_some_and(|limit| p.times_used >= limit) {
        return Err(Error::rule(
            "promo_code",
            model::Said::new("error-promo-used-up"),
        ));
    }
    if let (Some(limit), Some(key)) = (p.per_customer_limit, customer) {
        if used_by(conn, p.id, key).await? >= limit as u64 {
            return Err(Error::rule(
                "promo_code",
                model::Said::new("error-promo-already-used"),
            ));
        }
    }
    let promo = to_promo(&p)?;
    Ok((p, promo))
}

async fn used_by<C: ConnectionTrait>(conn: &C, promotion_id: i32, key: &str) -> Result<u64> {
    Ok(promotion_redemption::Entity::find()
        .filter(promotion_redemption::Column::PromotionId.eq(promotion_id))
        .filter(promotion_redemption::Column::CustomerKey.eq(key))
        .count(conn)
        .await?)
}

/// Takes one use of the code for `order_id`, inside the order's transaction.
pub async fn redeem<C: ConnectionTrait>(
    conn: &C,
    p: &promotion::Model,
    order_id: i32,
    customer: &str,
    now: OffsetDateTime,
) -> Result<()> {
    let mut update = promotion::Entity::update_many()
        .col_expr(
            promotion::Column::TimesUsed,
            Expr::col(promotion::Column::TimesUsed).add(1),
        )
        .filter(promotion::Column::Id.eq(p.id))
        .filter(promotion::Column::Active.eq(true));
    if p.usage_limit.is_some() {
        update = update.filter(
            Expr::col(promotion::Column::TimesUsed).lt(Expr::col(promotion::Column::UsageLimit)),
        );
    }
    if update.exec(conn).await?.rows_affected != 1 {
        return Err(Error::Clash(model::Said::new("error-promo-just-used-up")));
    }
    if let Some(limit) = p.per_customer_limit {
        if used_by(conn, p.id, customer).await? >= limit as u64 {
            return Err(Error::rule(
                "promo_code",
                model::Said::new("error-promo-already-used"),
            ));
        }
    }
    promotion_redemption::ActiveModel {
        promotion_id: Set(p.id),
        order_id: Set(order_id),
        customer_key: Set(customer.to_owned()),
        created_at: Set(now),
        ..Default::default()
    }
    .insert(conn)
    .await?;
    Ok(())
}

/// Gives back the use an unpaid order took, inside the cancelling
/// transaction. Deleting the redemption row is the guard: a second call
/// (or a concurrent one) finds nothing and decrements nothing.
pub async fn release<C: ConnectionTrait>(conn: &C, order_id: i32) -> Result<()> {
    let taken = promotion_redemption::Entity::find()
        .filter(promotion_redemption::Column::OrderId.eq(order_id))
        .all(conn)
        .await?;
    for r in taken {
        let gone = promotion_redemption::Entity::delete_by_id(r.id)
            .exec(conn)
            .await?
            .rows_affected;
        if gone == 1 {
            promotion::Entity::update_many()
                .col_expr(
                    promotion::Column::TimesUsed,
                    Expr::col(promotion::Column::TimesUsed).sub(1),
                )
                .filter(promotion::Column::Id.eq(r.promotion_id))
                .filter(promotion::Column::TimesUsed.gt(0))
                .exec(conn)
                .await?;
        }
    }
    Ok(())
}
