//! Turns a page of product rows into cards: first image, sale price and
//! stock, each fetched with one batched query for the whole page.
use std::collections::HashMap;

use sea_orm::{
    sea_query::{Expr, ExprTrait, Func},
    ColumnTrait, DatabaseConnection, EntityTrait, FromQueryResult, QueryFilter, QuerySelect,
    RelationTrait,
};

use super::types::{Image, ProductCard};
use crate::entities::{product, product_image, stock_level, variant};
use crate::money::{Currency, Money};

#[derive(FromQueryResult)]
struct Available {
    product_id: i32,
    available: Option<i64>,
}

/// Sum of sellable units per product.
pub(crate) async fn availability<C: sea_orm::ConnectionTrait>(
    db: &C,
    product_ids: &[i32],
) -> crate::Result<HashMap<i32, i64>> {
    if product_ids.is_empty() {
        return Ok(HashMap::new());
    }
    let rows = stock_level::Entity::find()
        .select_only()
        .column_as(
            Expr::col((variant::Entity, variant::Column::ProductId)),
            "product_id",
        )
        .column_as(
            Expr::from(Func::sum(
                Expr::col((stock_level::Entity, stock_level::Column::OnHand)).sub(Expr::col((
                    stock_level::Entity,
                    stock_level::Column::Reserved,
                ))),
            )),
            "available",
        )
        .join(
            sea_orm::JoinType::InnerJoin,
            stock_level::Relation::Variant.def(),
        )
        .filter(variant::Column::ProductId.is_in(product_ids.iter().copied()))
        .group_by(variant::Column::ProductId)
        .into_model::<Available>()
        .all(db)
        .await?;
    Ok(rows
        .into_iter()
        .map(|r| (r.product_id, r.available.unwrap_or(0)))
        .collect())
}

pub(super) fn currency_of(code: &str) -> Currency {
    // The column is written by our own services, so an unknown code means a
    // bug; show USD rather than failing the whole page, and say so in the logs.
    code.parse().unwrap_or_else(|e| {
        tracing::error!(error = %e, "unknown currency in catalog row");
        Currency::Usd
    })
}

pub(super) async fn to_cards(
    db: &DatabaseConnection,
    rows: Vec<product::Model>,
) -> crate::Result<Vec<ProductCard>> {
    let ids: Vec<i32> = rows.iter().map(|p| p.id).collect();
    if ids.is_empty() {
        return Ok(Vec::new());
    }
    let images = product_image::Entity::find()
        .filter(product_image::Column::ProductId.is_in(ids.iter().copied()))
        .filter(product_image::Column::Position.eq(0))
        .all(db)
        .await?;
    let images: HashMap<i32, product_image::Model> =
        images.into_iter().map(|i| (i.product_id, i)).collect();

    let on_sale = variant::Entity::find()
        .filter(variant::Column::ProductId.is_in(ids.iter().copied()))
        .filter(variant::Column::CompareAtMinor.is_not_null())
        .all(db)
        .await?;
    let mut compare_at: HashMap<i32, i64> = HashMap::new();
    for v in on_sale {
        if let Some(was) = v.compare_at_minor.filter(|was| *was > v.price_minor) {
            let e = compare_at.entry(v.product_id).or_insert(was);
            *e = std::cmp::max(*e, was);
        }
    }

    let stock = availability(db, &ids).await?;
    let mut variant_prices = super::list_prices::of_products(db, &ids).await?;
    let mut titles = super::translations::titles_of(db, &ids).await?;
    Ok(rows
        .into_iter()
        .map(|p| {
            let currency = currency_of(&p.currency);
            ProductCard {
                image: images.get(&p.id).map(|i| Image {
                    url: i.url.clone(),
                    alt: i.alt.clone(),
                    width: i.width,
                    height: i.height,
                }),
                compare_at: compare_at.get(&p.id).map(|&m| Money::new(m, currency)),
                in_stock: stock.get(&p.id).copied().unwrap_or(0) > 0,
                price_min: Money::new(p.price_min_minor, currency),
                price_max: Money::new(p.price_max_minor, currency),
                rating: model::reviews::RatingSummary::new(p.review_count, p.rating_sum),
                variant_prices: variant_prices.remove(&p.id).unwrap_or_default(),
                titles: titles.remove(&p.id).unwrap_or_default(),
                slug: p.slug,
                title: p.title,
                brand: p.brand,
            }
        })
        .collect())
}

/// [`cards_for_ids`], each with its product id.
pub(crate) async fn id_cards(
    db: &DatabaseConnection,
    ids: &[i32],
) -> crate::Result<Vec<(i32, ProductCard)>> {
    if ids.is_empty() {
        return Ok(Vec::new());
    }
    let rows = product::Entity::find()
        .filter(product::Column::Id.is_in(ids.iter().copied()))
        .filter(product::Column::Status.eq(super::ProductStatus::Active.as_str()))
        .all(db)
        .await?;
    let mut by_id: HashMap<i32, product::Model> = rows.into_iter().map(|p| (p.id, p)).collect();
    let ordered: Vec<product::Model> = ids.iter().filter_map(|id| by_id.remove(id)).collect();
    let order: Vec<i32> = ordered.iter().map(|p| p.id).collect();
    Ok(order
        .into_iter()
        .zip(to_cards(db, ordered).await?)
        .collect())
}

/// Cards for active products in the order given; unknown or inactive ids
/// are skipped (a search index may lag a moment behind an archive).
pub(crate) async fn cards_for_ids(
    db: &DatabaseConnection,
    ids: &[i32],
) -> crate::Result<Vec<ProductCard>> {
    Ok(id_cards(db, ids)
        .await?
        .into_iter()
        .map(|(_, c)| c)
        .collect())
}
