//! The lowest price each product shows in each currency the shop sells in
//! beside its base one: a list price where one is set, else the base price
//! converted and rounded by the currency's rule (`Currencies::price`, as
//! cards and product pages show it). Category listings and search sort by
//! it in that currency: conversion alone keeps the base order, list prices
//! do not. Rewritten in the transaction that changes a price, a list price
//! or the currencies.
use std::collections::HashMap;

use sea_orm::sea_query::{Expr, ExprTrait as _, Func, Query};
use sea_orm::{
    ColumnTrait, ConnectionTrait, DatabaseConnection, EntityTrait, QueryFilter, QueryOrder,
    QuerySelect, Set,
};

use crate::entities::{currency, product, product_price, variant};
use crate::money::Currency;
use crate::Result;
use model::fx::Currencies;

/// Products per batch: their variants' ids go into one `IN` list.
const BATCH: usize = 200;

/// Writers of these rows take turns (PostgreSQL): a product saved while
/// the rates change must not insert its rows twice, and reads the rates
/// the other committed.
const LOCK: &str = "product_prices";

/// Rewrites the rows of `product_ids` (none at all while the shop sells in
/// its base currency only).
pub(crate) async fn refresh<C: ConnectionTrait>(conn: &C, product_ids: &[i32]) -> Result<()> {
    if product_ids.is_empty() {
        return Ok(());
    }
    crate::db::lock_key(conn, LOCK).await?;
    // None kept while the shop sells in its base only (`refresh_all`
    // emptied the table when the last other currency went).
    let Some(currencies) = others(conn).await? else {
        return Ok(());
    };
    for chunk in product_ids.chunks(BATCH) {
        product_price::Entity::delete_many()
            .filter(product_price::Column::ProductId.is_in(chunk.iter().copied()))
            .exec(conn)
            .await?;
        insert(conn, &currencies, chunk).await?;
    }
    Ok(())
}

/// Rewrites every product's rows: the currencies or their rates changed.
pub(crate) async fn refresh_all<C: ConnectionTrait>(conn: &C) -> Result<()> {
    crate::db::lock_key(conn, LOCK).await?;
    product_price::Entity::delete_many().exec(conn).await?;
    let Some(currencies) = others(conn).await? else {
        return Ok(());
    };
    let mut after = 0;
    loop {
        let ids: Vec<i32> = product::Entity::find()
            .select_only()
            .column(product::Column::Id)
            .filter(product::Column::Id.gt(after))
            .order_by_asc(product::Column::Id)
            .limit(BATCH as u64)
            .into_tuple()
            .all(conn)
            .await?;
        let Some(last) = ids.last().copied() else {
            return Ok(());
        };
        insert(conn, &currencies, &ids).await?;
        after = last;
    }
}

/// Fills the rows of a shop that sold in other currencies before they were
/// kept (an upgrade): at startup, when there are none.
pub async fn fill_if_missing(db: &DatabaseConnection) -> Result<()> {
    if others(db).await?.is_none() {
        return Ok(());
    }
    let txn = crate::db::begin_write(db).await?;
    crate::db::lock_key(&txn, LOCK).await?;
    if product_price::Entity::find().one(&txn).await?.is_some()
        || product::Entity::find().one(&txn).await?.is_none()
    {
        return Ok(());
    }
    refresh_all(&txn).await?;
    txn.commit().await?;
    Ok(())
}

/// The currencies, when the shop sells in others besides its base (read
/// without the store's profile when there are none: a catalog written
/// before the shop has a profile, as tests do, needs none).
async fn others<C: ConnectionTrait>(conn: &C) -> Result<Option<Currencies>> {
    if currency::Entity::find().one(conn).await?.is_none() {
        return Ok(None);
    }
    let currencies = crate::store::currencies_in(conn).await?;
    Ok((!currencies.others.is_empty()).then_some(currencies))
}

/// Inserts the rows of `ids`, which have none.
async fn insert<C: ConnectionTrait>(conn: &C, currencies: &Currencies, ids: &[i32]) -> Result<()> {
    let variants: Vec<(i32, i32, i64)> = variant::Entity::find()
        .select_only()
        .column(variant::Column::Id)
        .column(variant::Column::ProductId)
        .column(variant::Column::PriceMinor)
        .filter(variant::Column::ProductId.is_in(ids.iter().copied()))
        .into_tuple()
        .all(conn)
        .await?;
    let variant_ids: Vec<i32> = variants.iter().map(|v| v.0).collect();
    let listed = super::list_prices::of_variants(conn, &variant_ids).await?;
    let mut lowest: HashMap<(i32, Currency), i64> = HashMap::new();
    for (id, product_id, price) in &variants {
        let own = listed.get(id).map(Vec::as_slice).unwrap_or_default();
        for p in &currencies.others {
            let list = own
                .iter()
                .find(|l| l.currency == p.currency)
                .map(|l| l.price);
            let Some(shown) = currencies.price(*price, list, p.currency) else {
                continue;
            };
            lowest
                .entry((*product_id, p.currency))
                .and_modify(|m| *m = Ord::min(*m, shown.minor))
                .or_insert(shown.minor);
        }
    }
    if lowest.is_empty() {
        return Ok(());
    }
    let rows =
        lowest.into_iter().map(
            |((product_id, currency), minor)| product_price::ActiveModel {
                product_id: Set(product_id),
                currency: Set(currency.code().to_owned()),
                price_min_minor: Set(minor),
            },
        );
    product_price::Entity::insert_many(rows).exec(conn).await?;
    Ok(())
}

/// `shown` when the shop sells in it besides its base: the currency whose
/// own shown prices (this table, the search documents' field) a listing or
/// a search goes by; None where the base prices are the ones shown.
pub(crate) fn kept_for(currencies: &Currencies, shown: Currency) -> Option<Currency> {
    (shown != currencies.base && currencies.sells_in(shown)).then_some(shown)
}

/// The price a category listing sorts and filters by: what the product
/// shows in `prices_in` (its base price where no row is written, which
/// only a product saved in the same instant lacks), the base price for
/// None.
pub(crate) fn shown_price(prices_in: Option<Currency>) -> Expr {
    let base = Expr::col((product::Entity, product::Column::PriceMinMinor));
    let Some(currency) = prices_in else {
        return base;
    };
    let shown = Query::select()
        .column((product_price::Entity, product_price::Column::PriceMinMinor))
        .from(product_price::Entity)
        .and_where(
            Expr::col((product_price::Entity, product_price::Column::ProductId))
                .equals((product::Entity, product::Column::Id)),
        )
        .and_where(
            Expr::col((product_price::Entity, product_price::Column::Currency)).eq(currency.code()),
        )
        .to_owned();
    Func::coalesce([Expr::SubQuery(None, Box::new(shown.into())), base]).into()
}
