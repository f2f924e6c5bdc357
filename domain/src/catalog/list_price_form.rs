//! The product editor's "prices in other currencies": one row per variant
//! and currency the shop sells in, amounts as typed in that currency. An
//! empty price means "convert from the base price".
use std::collections::BTreeMap;

use model::fx::ListPrice;
pub use model::product_form::ListPriceRow;

use super::Catalog;
use crate::accounts::Actor;
use crate::error::Issues;
use crate::money::{Currency, Money};
use crate::store::Currencies;
use crate::{Error, Result};

/// The rows for `skus`: every currency sold in but the base, with the list
/// prices set now.
pub(super) fn rows(
    currencies: &Currencies,
    variants: &[(String, Vec<ListPrice>)],
) -> Vec<ListPriceRow> {
    let mut out = Vec::new();
    for (sku, listed) in variants {
        for p in &currencies.others {
            let set = listed.iter().find(|l| l.currency == p.currency);
            let typed = |m: Option<i64>| {
                m.map(|m| Money::new(m, p.currency).decimal_string())
                    .unwrap_or_default()
            };
            out.push(ListPriceRow {
                sku: sku.clone(),
                currency: p.currency.code().to_owned(),
                price: typed(set.map(|l| l.price)),
                compare_at: typed(set.and_then(|l| l.compare_at)),
            });
        }
    }
    out
}

/// The rows read per SKU, every amount that does not parse named under its
/// field (`list_prices.3.price`).
fn read(rows: &[ListPriceRow]) -> Result<BTreeMap<String, Vec<ListPrice>>> {
    let mut issues = Issues::default();
    let mut by_sku: BTreeMap<String, Vec<ListPrice>> = BTreeMap::new();
    for (i, row) in rows.iter().enumerate() {
        let entry = by_sku.entry(row.sku.trim().to_owned()).or_default();
        let Ok(currency) = row.currency.parse::<Currency>() else {
            issues.push(
                &format!("list_prices.{i}.price"),
                format!("{} is not a currency the shop knows.", row.currency),
            );
            continue;
        };
        if row.price.trim().is_empty() {
            continue;
        }
        let amount = |typed: &str, what: &str| {
            Money::parse_major(typed, currency).ok_or_else(|| {
                format!(
                    "{}: enter the {what} in {} like 12.50.",
                    row.sku.trim(),
                    currency.code()
                )
            })
        };
        let price = match amount(&row.price, "price") {
            Ok(p) => p,
            Err(m) => {
                issues.push(&format!("list_prices.{i}.price"), m);
                continue;
            }
        };
        let compare_at = match row.compare_at.trim() {
            "" => None,
            typed => match amount(typed, "\"was\" price") {
                Ok(c) => Some(c),
                Err(m) => {
                    issues.push(&format!("list_prices.{i}.compare_at"), m);
                    continue;
                }
            },
        };
        entry.push(ListPrice {
            currency,
            price,
            compare_at,
        });
    }
    issues.finish()?;
    Ok(by_sku)
}

impl Catalog {
    /// The editor's rows for the form's saved variants.
    pub(super) async fn list_price_rows(
        &self,
        currencies: &Currencies,
        form: &model::product_form::ProductForm,
    ) -> Result<Vec<ListPriceRow>> {
        use sea_orm::{ColumnTrait, EntityTrait, QueryFilter};
        let skus: Vec<String> = form
            .variants
            .iter()
            .map(|v| v.sku.trim().to_owned())
            .filter(|s| !s.is_empty())
            .collect();
        if skus.is_empty() || currencies.others.is_empty() {
            return Ok(Vec::new());
        }
        let found = crate::entities::variant::Entity::find()
            .filter(crate::entities::variant::Column::Sku.is_in(skus.iter().cloned()))
            .all(&self.db)
            .await?;
        let ids: Vec<i32> = found.iter().map(|v| v.id).collect();
        let mut listed = super::list_prices::of_variants(&self.db, &ids).await?;
        let variants: Vec<(String, Vec<ListPrice>)> = skus
            .iter()
            .filter_map(|sku| {
                let v = found.iter().find(|v| &v.sku == sku)?;
                Some((sku.clone(), listed.remove(&v.id).unwrap_or_default()))
            })
            .collect();
        Ok(rows(currencies, &variants))
    }

    /// Saves the editor's list prices: each variant's set to exactly its
    /// rows with a price (permission `catalog`).
    pub async fn save_list_price_form(&self, actor: &Actor, rows: &[ListPriceRow]) -> Result<()> {
        actor.require(crate::accounts::Permission::Catalog)?;
        if rows.len() > super::list_prices::MAX_ROWS {
            return Err(Error::validation("list_prices", "Too many rows."));
        }
        let all: Vec<(String, Vec<ListPrice>)> = read(rows)?.into_iter().collect();
        self.save_list_prices(actor, &all).await
    }
}
