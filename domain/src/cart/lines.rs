//! A cart's lines, priced from the catalog as it is now.
use std::collections::HashMap;

use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QueryOrder};

use crate::entities::{cart_item, product, product_image, variant};
use crate::money::{Currency, Money};
use crate::{inventory, Result};

pub use model::commerce::CartLine;

pub async fn load_lines<C: ConnectionTrait>(
    conn: &C,
    cart_id: i32,
    currency: Currency,
) -> Result<Vec<CartLine>> {
    let items = cart_item::Entity::find()
        .filter(cart_item::Column::CartId.eq(cart_id))
        .order_by_asc(cart_item::Column::Id)
        .all(conn)
        .await?;
    if items.is_empty() {
        return Ok(Vec::new());
    }
    let variant_ids: Vec<i32> = items.iter().map(|i| i.variant_id).collect();
    let variants: HashMap<i32, variant::Model> = variant::Entity::find()
        .filter(variant::Column::Id.is_in(variant_ids.iter().copied()))
        .all(conn)
        .await?
        .into_iter()
        .map(|v| (v.id, v))
        .collect();
    let product_ids: Vec<i32> = variants.values().map(|v| v.product_id).collect();
    let products: HashMap<i32, product::Model> = product::Entity::find()
        .filter(product::Column::Id.is_in(product_ids.iter().copied()))
        .all(conn)
        .await?
        .into_iter()
        .map(|p| (p.id, p))
        .collect();
    let images: HashMap<i32, product_image::Model> = product_image::Entity::find()
        .filter(product_image::Column::ProductId.is_in(product_ids.iter().copied()))
        .order_by_asc(product_image::Column::Position)
        .all(conn)
        .await?
        .into_iter()
        .map(|i| (i.id, i))
        .collect();
    let mut first_image: HashMap<i32, &product_image::Model> = HashMap::new();
    for img in images.values() {
        let slot = first_image.entry(img.product_id).or_insert(img);
        if img.position < slot.position {
            *slot = img;
        }
    }
    let free = inventory::available(conn, &variant_ids).await?;
    let mut lines = Vec::new();
    for item in items {
        let (Some(v), quantity) = (variants.get(&item.variant_id), i64::from(item.quantity)) else {
            continue;
        };
        let Some(p) = products.get(&v.product_id) else {
            continue;
        };
        let image_url = v
            .image_id
            .and_then(|id| images.get(&id))
            .or_else(|| first_image.get(&p.id).copied())
            .map(|i| i.url.clone());
        let unit = v.price_minor;
        lines.push(CartLine {
            variant_id: v.id,
            sku: v.sku.clone(),
            product_title: p.title.clone(),
            product_slug: p.slug.clone(),
            variant_title: v.title.clone(),
            image_url,
            unit_price: Money::new(unit, currency),
            quantity,
            line_total: Money::new(unit.saturating_mul(quantity), currency),
            weight_grams: v.weight_grams,
            max_quantity: free
                .get(&v.id)
                .copied()
                .unwrap_or(0)
                .min(super::MAX_PER_LINE),
            unavailable: p.status != "active",
        });
    }
    Ok(lines)
}
