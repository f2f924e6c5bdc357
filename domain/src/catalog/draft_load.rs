//! Reads products back as drafts, many at a time (a handful of `IN (...)`
//! queries per batch): for the editor, the CSV export and the import's
//! "has anything changed?" check.
use std::collections::HashMap;

use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QueryOrder};

use super::draft::{OptionDraft, ProductDraft, VariantDraft};
use crate::entities::{
    product, product_option, product_option_value, stock_level, variant, variant_option_value,
    warehouse,
};
use crate::Result;

/// A stored product and its draft, with the ids the editor needs to apply
/// a change.
pub struct Stored {
    pub row: product::Model,
    pub draft: ProductDraft,
    /// SKU → variant id.
    pub variant_ids: HashMap<String, i32>,
}

/// Loads these products (in the given order, missing ids skipped).
pub async fn load<C: ConnectionTrait>(conn: &C, ids: &[i32]) -> Result<Vec<Stored>> {
    if ids.is_empty() {
        return Ok(Vec::new());
    }
    let rows = product::Entity::find()
        .filter(product::Column::Id.is_in(ids.iter().copied()))
        .all(conn)
        .await?;
    let tree = super::CategoryTree::load(conn).await?;
    let mut attributes = super::attributes::values_of(conn, &tree, ids).await?;
    let houses: Vec<(i32, String)> = warehouse::Entity::find()
        .order_by_asc(warehouse::Column::Code)
        .all(conn)
        .await?
        .into_iter()
        .map(|w| (w.id, w.code))
        .collect();
    let options = product_option::Entity::find()
        .filter(product_option::Column::ProductId.is_in(ids.iter().copied()))
        .order_by_asc(product_option::Column::Position)
        .order_by_asc(product_option::Column::Id)
        .all(conn)
        .await?;
    let values = product_option_value::Entity::find()
        .filter(product_option_value::Column::OptionId.is_in(options.iter().map(|o| o.id)))
        .order_by_asc(product_option_value::Column::Position)
        .order_by_asc(product_option_value::Column::Id)
        .all(conn)
        .await?;
    let variants = variant::Entity::find()
        .filter(variant::Column::ProductId.is_in(ids.iter().copied()))
        .order_by_asc(variant::Column::Position)
        .order_by_asc(variant::Column::Id)
        .all(conn)
        .await?;
    let variant_ids: Vec<i32> = variants.iter().map(|v| v.id).collect();
    let mut links: HashMap<i32, Vec<i32>> = HashMap::new();
    let mut stock: HashMap<(i32, i32), i32> = HashMap::new();
    for chunk in variant_ids.chunks(500) {
        for l in variant_option_value::Entity::find()
            .filter(variant_option_value::Column::VariantId.is_in(chunk.iter().copied()))
            .all(conn)
            .await?
        {
            links
                .entry(l.variant_id)
                .or_default()
                .push(l.option_value_id);
        }
        for s in stock_level::Entity::find()
            .filter(stock_level::Column::VariantId.is_in(chunk.iter().copied()))
            .all(conn)
            .await?
        {
            stock.insert((s.variant_id, s.warehouse_id), s.on_hand);
        }
    }
    // value id → (option id, text)
    let value_of: HashMap<i32, (i32, &str)> = values
        .iter()
        .map(|v| (v.id, (v.option_id, v.value.as_str())))
        .collect();

    let mut by_id: HashMap<i32, Stored> = HashMap::new();
    for row in rows {
        let product_options: Vec<&product_option::Model> =
            options.iter().filter(|o| o.product_id == row.id).collect();
        let option_drafts = product_options
            .iter()
            .map(|o| OptionDraft {
                name: o.name.clone(),
                values: values
                    .iter()
                    .filter(|v| v.option_id == o.id)
                    .map(|v| v.value.clone())
                    .collect(),
            })
            .collect();
        let mut ids_by_sku = HashMap::new();
        let variant_drafts = variants
            .iter()
            .filter(|v| v.product_id == row.id)
            .map(|v| {
                ids_by_sku.insert(v.sku.clone(), v.id);
                let linked = links.get(&v.id).cloned().unwrap_or_default();
                let values = product_options
                    .iter()
                    .map(|o| {
                        linked
                            .iter()
                            .filter_map(|id| value_of.get(id))
                            .find(|(opt, _)| *opt == o.id)
                            .map(|(_, text)| (*text).to_owned())
                            .unwrap_or_default()
                    })
                    .collect();
                // Every warehouse, 0 where no row exists yet, in code order.
                let levels = houses
                    .iter()
                    .map(|(wid, code)| {
                        (code.clone(), stock.get(&(v.id, *wid)).copied().unwrap_or(0))
                    })
                    .collect();
                VariantDraft {
                    sku: v.sku.clone(),
                    values,
                    price_minor: v.price_minor,
                    compare_at_minor: v.compare_at_minor,
                    weight_grams: v.weight_grams,
                    stock: levels,
                }
            })
            .collect();
        let mut draft = ProductDraft {
            slug: row.slug.clone(),
            title: row.title.clone(),
            brand: row.brand.clone(),
            category: tree
                .get(row.category_id)
                .map(|c| c.slug.clone())
                .unwrap_or_default(),
            status: row.status.clone(),
            description: row.description.clone(),
            seo_title: row.seo_title.clone().unwrap_or_default(),
            seo_description: row.seo_description.clone().unwrap_or_default(),
            featured: row.featured,
            low_stock_threshold: row.low_stock_threshold,
            options: option_drafts,
            variants: variant_drafts,
            attributes: attributes.remove(&row.id).unwrap_or_default(),
        };
        // Compare like with like: drafts coming in are normalised too.
        draft.normalise();
        by_id.insert(
            row.id,
            Stored {
                row,
                draft,
                variant_ids: ids_by_sku,
            },
        );
    }
    Ok(ids.iter().filter_map(|id| by_id.remove(id)).collect())
}

/// Product ids for these slugs.
pub async fn ids_by_slug<C: ConnectionTrait>(
    conn: &C,
    slugs: &[String],
) -> Result<HashMap<String, i32>> {
    let mut out = HashMap::new();
    for chunk in slugs.chunks(500) {
        for p in product::Entity::find()
            .filter(product::Column::Slug.is_in(chunk.iter().cloned()))
            .all(conn)
            .await?
        {
            out.insert(p.slug, p.id);
        }
    }
    Ok(out)
}
