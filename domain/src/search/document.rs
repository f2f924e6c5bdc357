//! The search document for a product, and loading documents from the
//! database in batches (a handful of queries per batch, not per product).
use std::collections::{BTreeSet, HashMap};

use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QueryOrder, QuerySelect};
use serde::{Deserialize, Serialize};

use super::facets::{PriceBucket, IN_STOCK, OUT_OF_STOCK};
use super::text;
use crate::catalog::{CategoryTree, ProductStatus};
use crate::entities::{
    product, product_option, product_option_value, variant, variant_option_value,
};
use crate::Result;

/// Bump when the document shape or the embedded schema changes: an index
/// from an older version is rebuilt at startup.
pub const SCHEMA_VERSION: u32 = 1;

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct SearchDoc {
    pub id: i32,
    pub title: String,
    pub brand: String,
    pub description: String,
    /// Names of the category and its ancestors, searchable.
    pub category_names: Vec<String>,
    /// Synonym-group members the title or categories mention.
    pub aliases: Vec<String>,
    /// Option values ("Navy", "XL"), searchable.
    pub option_values: Vec<String>,
    // Facets.
    pub categories: Vec<String>,
    pub options: Vec<String>,
    pub price_bucket: Vec<String>,
    pub stock: String,
    // Sorting.
    pub price_min: i64,
    pub created: i64,
}

/// Documents for the given products; products that are missing or not
/// active get none (the caller removes them from the index).
pub async fn load<C: ConnectionTrait>(
    conn: &C,
    tree: &CategoryTree,
    product_ids: &[i32],
) -> Result<Vec<SearchDoc>> {
    if product_ids.is_empty() {
        return Ok(Vec::new());
    }
    let products = product::Entity::find()
        .filter(product::Column::Id.is_in(product_ids.iter().copied()))
        .filter(product::Column::Status.eq(ProductStatus::Active.as_str()))
        .order_by_asc(product::Column::Id)
        .all(conn)
        .await?;
    build(conn, tree, products).await
}

/// Ids of active products after `after`, `limit` at a time, for rebuilds.
pub async fn active_ids_after<C: ConnectionTrait>(
    conn: &C,
    after: i32,
    limit: u64,
) -> Result<Vec<i32>> {
    Ok(product::Entity::find()
        .select_only()
        .column(product::Column::Id)
        .filter(product::Column::Id.gt(after))
        .filter(product::Column::Status.eq(ProductStatus::Active.as_str()))
        .order_by_asc(product::Column::Id)
        .limit(limit)
        .into_tuple()
        .all(conn)
        .await?)
}

pub async fn count_active<C: ConnectionTrait>(conn: &C) -> Result<u64> {
    use sea_orm::PaginatorTrait;
    Ok(product::Entity::find()
        .filter(product::Column::Status.eq(ProductStatus::Active.as_str()))
        .count(conn)
        .await?)
}

async fn build<C: ConnectionTrait>(
    conn: &C,
    tree: &CategoryTree,
    products: Vec<product::Model>,
) -> Result<Vec<SearchDoc>> {
    let ids: Vec<i32> = products.iter().map(|p| p.id).collect();
    let variants = variant::Entity::find()
        .filter(variant::Column::ProductId.is_in(ids.iter().copied()))
        .all(conn)
        .await?;
    let variant_ids: Vec<i32> = variants.iter().map(|v| v.id).collect();
    let available = crate::catalog::availability(conn, &ids).await?;

    let options = product_option::Entity::find()
        .filter(product_option::Column::ProductId.is_in(ids.iter().copied()))
        .all(conn)
        .await?;
    let option_name: HashMap<i32, (i32, String)> = options
        .iter()
        .map(|o| (o.id, (o.product_id, o.name.clone())))
        .collect();
    let values = product_option_value::Entity::find()
        .filter(product_option_value::Column::OptionId.is_in(option_name.keys().copied()))
        .all(conn)
        .await?;
    let value_of: HashMap<i32, &product_option_value::Model> =
        values.iter().map(|v| (v.id, v)).collect();
    // Only values some variant actually has.
    let mut used: HashMap<i32, BTreeSet<(String, String)>> = HashMap::new();
    for chunk in variant_ids.chunks(500) {
        let links = variant_option_value::Entity::find()
            .filter(variant_option_value::Column::VariantId.is_in(chunk.iter().copied()))
            .all(conn)
            .await?;
        for link in links {
            let Some(v) = value_of.get(&link.option_value_id) else {
                continue;
            };
            if let Some((product_id, name)) = option_name.get(&v.option_id) {
                used.entry(*product_id)
                    .or_default()
                    .insert((name.clone(), v.value.clone()));
            }
        }
    }

    let mut prices: HashMap<i32, BTreeSet<String>> = HashMap::new();
    for v in &variants {
        prices
            .entry(v.product_id)
            .or_default()
            .insert(PriceBucket::of(v.price_minor).key());
    }

    Ok(products
        .into_iter()
        .map(|p| {
            let path = tree.path_to(p.category_id);
            let category_names: Vec<String> = path.iter().map(|c| c.name.clone()).collect();
            let option_pairs = used.remove(&p.id).unwrap_or_default();
            let alias_source = format!("{} {}", p.title, category_names.join(" "));
            SearchDoc {
                id: p.id,
                aliases: text::aliases(&alias_source),
                categories: path.iter().map(|c| c.slug.clone()).collect(),
                category_names,
                option_values: option_pairs.iter().map(|(_, v)| v.clone()).collect(),
                options: option_pairs
                    .iter()
                    .map(|(n, v)| format!("{n}:{v}"))
                    .collect(),
                price_bucket: prices
                    .remove(&p.id)
                    .unwrap_or_default()
                    .into_iter()
                    .collect(),
                stock: if available.get(&p.id).copied().unwrap_or(0) > 0 {
                    IN_STOCK
                } else {
                    OUT_OF_STOCK
                }
                .to_owned(),
                price_min: p.price_min_minor,
                created: p.created_at.unix_timestamp(),
                title: p.title,
                brand: p.brand,
                description: p.description,
            }
        })
        .collect())
}
