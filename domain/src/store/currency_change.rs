//! Changing the store currency before the first order. Prices are not
//! converted (no exchange rates here): they keep the number shown, so
//! $19.99 becomes €19.99, and ¥2,000 becomes $2,000.00. Orders, refunds and
//! the dashboard are in the currency of their time, so once an order exists
//! the currency is fixed.
use sea_orm::sea_query::{Expr, ExprTrait, SimpleExpr};
use sea_orm::{
    ColumnTrait, ConnectionTrait, DatabaseBackend, DatabaseTransaction, EntityTrait,
    PaginatorTrait, QueryFilter,
};

use crate::entities::{cart, order, product, promotion, shipping_method, variant};
use crate::{Currency, Error, Result};

/// `col` re-expressed from `from`'s minor units in `to`'s, keeping the
/// shown number (half up when digits are dropped; amounts are never negative).
fn rescaled(col: impl ColumnTrait, from: Currency, to: Currency) -> SimpleExpr {
    let (f, t) = (from.exponent(), to.exponent());
    let c = Expr::col(col);
    if t > f {
        c.mul(10_i64.pow(t - f))
    } else if f > t {
        let d = 10_i64.pow(f - t);
        c.add(d / 2).div(d)
    } else {
        c
    }
}

/// Relabels every stored price in `txn`, refusing when an order exists.
pub(super) async fn relabel(txn: &DatabaseTransaction, from: Currency, to: Currency) -> Result<()> {
    // A checkout placing an order right now must either finish first (and
    // be seen below) or wait until the prices are relabelled: SHARE mode
    // blocks INSERTs into orders until commit. SQLite's write transaction
    // already excludes every other writer.
    if txn.get_database_backend() == DatabaseBackend::Postgres {
        txn.execute_unprepared("LOCK TABLE orders IN SHARE MODE")
            .await?;
    }
    if order::Entity::find().count(txn).await? > 0 {
        return Err(Error::validation(
            "currency",
            format!(
                "The currency can't change once orders exist: orders, refunds and reports are in {}.",
                from.code()
            ),
        ));
    }
    variant::Entity::update_many()
        .col_expr(
            variant::Column::PriceMinor,
            rescaled(variant::Column::PriceMinor, from, to),
        )
        .col_expr(
            variant::Column::CompareAtMinor,
            rescaled(variant::Column::CompareAtMinor, from, to),
        )
        .col_expr(variant::Column::Currency, Expr::value(to.code()))
        .exec(txn)
        .await?;
    product::Entity::update_many()
        .col_expr(
            product::Column::PriceMinMinor,
            rescaled(product::Column::PriceMinMinor, from, to),
        )
        .col_expr(
            product::Column::PriceMaxMinor,
            rescaled(product::Column::PriceMaxMinor, from, to),
        )
        .col_expr(product::Column::Currency, Expr::value(to.code()))
        .exec(txn)
        .await?;
    shipping_method::Entity::update_many()
        .col_expr(
            shipping_method::Column::PriceMinor,
            rescaled(shipping_method::Column::PriceMinor, from, to),
        )
        .col_expr(
            shipping_method::Column::ThresholdMinor,
            rescaled(shipping_method::Column::ThresholdMinor, from, to),
        )
        .col_expr(
            shipping_method::Column::PerKgMinor,
            rescaled(shipping_method::Column::PerKgMinor, from, to),
        )
        .exec(txn)
        .await?;
    promotion::Entity::update_many()
        .col_expr(
            promotion::Column::MinSubtotalMinor,
            rescaled(promotion::Column::MinSubtotalMinor, from, to),
        )
        .exec(txn)
        .await?;
    // Percentages are basis points, not money.
    promotion::Entity::update_many()
        .col_expr(
            promotion::Column::Value,
            rescaled(promotion::Column::Value, from, to),
        )
        .filter(promotion::Column::Kind.eq("fixed"))
        .exec(txn)
        .await?;
    cart::Entity::update_many()
        .col_expr(cart::Column::Currency, Expr::value(to.code()))
        .exec(txn)
        .await?;
    // The index holds prices (filters, sorting, cards).
    crate::search::sync::enqueue_all(txn).await
}
