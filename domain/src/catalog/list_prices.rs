//! Prices set by hand for a variant in a currency other than the base:
//! read beside the base prices (so a page held in the base currency can be
//! shown in any), written by staff with the `catalog` permission.
use std::collections::HashMap;

use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, EntityTrait, FromQueryResult, JoinType,
    QueryFilter, QuerySelect, RelationTrait, Set,
};

use super::Catalog;
use crate::accounts::{Actor, Permission};
use crate::entities::{variant, variant_price};
use crate::money::Currency;
use crate::{Error, Result};
use model::fx::{ListPrice, VariantPrices};

/// The most currencies a variant can have list prices in.
const MAX_PER_VARIANT: usize = Currency::ALL.len();
/// The most rows one save takes (a product's variants × currencies).
pub(super) const MAX_ROWS: usize = 2_000;

fn read(row: &variant_price::Model) -> Option<ListPrice> {
    Some(ListPrice {
        currency: row.currency.parse().ok()?,
        price: row.price_minor,
        compare_at: row.compare_at_minor,
    })
}

/// The list prices of `ids`, by variant.
pub(crate) async fn of_variants<C: ConnectionTrait>(
    conn: &C,
    ids: &[i32],
) -> Result<HashMap<i32, Vec<ListPrice>>> {
    let mut out: HashMap<i32, Vec<ListPrice>> = HashMap::new();
    if ids.is_empty() {
        return Ok(out);
    }
    let rows = variant_price::Entity::find()
        .filter(variant_price::Column::VariantId.is_in(ids.iter().copied()))
        .all(conn)
        .await?;
    for row in rows {
        if let Some(l) = read(&row) {
            out.entry(row.variant_id).or_default().push(l);
        }
    }
    Ok(out)
}

#[derive(FromQueryResult)]
struct Owner {
    product_id: i32,
}

/// For cards: every variant's prices, for those of `product_ids` that have
/// a list price at all (the others convert their range as it is).
pub(crate) async fn of_products<C: ConnectionTrait>(
    conn: &C,
    product_ids: &[i32],
) -> Result<HashMap<i32, Vec<VariantPrices>>> {
    let mut out: HashMap<i32, Vec<VariantPrices>> = HashMap::new();
    if product_ids.is_empty() {
        return Ok(out);
    }
    let listed: Vec<i32> = variant_price::Entity::find()
        .select_only()
        .column_as(variant::Column::ProductId, "product_id")
        .join(JoinType::InnerJoin, variant_price::Relation::Variant.def())
        .filter(variant::Column::ProductId.is_in(product_ids.iter().copied()))
        .distinct()
        .into_model::<Owner>()
        .all(conn)
        .await?
        .into_iter()
        .map(|o| o.product_id)
        .collect();
    if listed.is_empty() {
        return Ok(out);
    }
    let variants = variant::Entity::find()
        .filter(variant::Column::ProductId.is_in(listed.iter().copied()))
        .all(conn)
        .await?;
    let ids: Vec<i32> = variants.iter().map(|v| v.id).collect();
    let mut prices = of_variants(conn, &ids).await?;
    for v in variants {
        out.entry(v.product_id).or_default().push(VariantPrices {
            price: v.price_minor,
            compare_at: v.compare_at_minor,
            listed: prices.remove(&v.id).unwrap_or_default(),
        });
    }
    Ok(out)
}

impl Catalog {
    /// Sets the variant's list prices to exactly `prices` (currency, price,
    /// "was" price); an empty list leaves it converting from the base.
    pub async fn set_list_prices(
        &self,
        actor: &Actor,
        sku: &str,
        prices: &[ListPrice],
    ) -> Result<()> {
        self.save_list_prices(actor, &[(sku.to_owned(), prices.to_vec())])
            .await
    }

    /// [`Self::set_list_prices`] for several variants, in one transaction.
    pub(super) async fn save_list_prices(
        &self,
        actor: &Actor,
        all: &[(String, Vec<ListPrice>)],
    ) -> Result<()> {
        actor.require(Permission::Catalog)?;
        let txn = crate::db::begin_write(&self.db).await?;
        let base = crate::store::base_currency(&txn).await?;
        let mut changed: Vec<i32> = Vec::new();
        for (sku, prices) in all {
            if let Some(product_id) = write(&txn, actor, base, sku, prices).await? {
                if !changed.contains(&product_id) {
                    changed.push(product_id);
                }
            }
        }
        // What the products show in each currency, and so where they sort.
        super::shown_prices::refresh(&txn, &changed).await?;
        crate::search::sync::enqueue(&txn, changed).await?;
        txn.commit().await?;
        Ok(())
    }
}

async fn write<C: ConnectionTrait>(
    txn: &C,
    actor: &Actor,
    base: Currency,
    sku: &str,
    prices: &[ListPrice],
) -> Result<Option<i32>> {
    if prices.len() > MAX_PER_VARIANT {
        return Err(Error::validation("prices", "Too many list prices."));
    }
    let v = variant::Entity::find()
        .filter(variant::Column::Sku.eq(sku.trim()))
        .one(txn)
        .await?
        .ok_or(Error::not_found("variant"))?;
    for (i, p) in prices.iter().enumerate() {
        if p.currency == base {
            return Err(Error::validation(
                "prices",
                format!(
                    "{} is the base currency: set the variant's own price.",
                    p.currency.code()
                ),
            ));
        }
        if prices[..i].iter().any(|q| q.currency == p.currency) {
            return Err(Error::validation(
                "prices",
                format!("{} is listed twice.", p.currency.code()),
            ));
        }
        if p.price < 0 || p.compare_at.is_some_and(|c| c < 0) {
            return Err(Error::validation("prices", "Prices can't be negative."));
        }
    }
    let before = of_variants(txn, &[v.id])
        .await?
        .remove(&v.id)
        .unwrap_or_default();
    if before.len() == prices.len() && before.iter().all(|b| prices.contains(b)) {
        return Ok(None);
    }
    variant_price::Entity::delete_many()
        .filter(variant_price::Column::VariantId.eq(v.id))
        .exec(txn)
        .await?;
    for p in prices {
        variant_price::ActiveModel {
            variant_id: Set(v.id),
            currency: Set(p.currency.code().to_owned()),
            price_minor: Set(p.price),
            compare_at_minor: Set(p.compare_at),
        }
        .insert(txn)
        .await?;
    }
    let described = |list: &[ListPrice]| -> serde_json::Value {
        list.iter()
            .map(|p| {
                (
                    p.currency.code().to_owned(),
                    serde_json::Value::from(p.price),
                )
            })
            .collect::<serde_json::Map<_, _>>()
            .into()
    };
    crate::audit::record(
        txn,
        actor,
        "catalog.list_prices",
        "variant",
        &v.sku,
        Some(described(&before)),
        Some(described(prices)),
    )
    .await?;
    Ok(Some(v.product_id))
}
