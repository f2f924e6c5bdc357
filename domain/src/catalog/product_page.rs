//! Everything the product page shows, in a handful of batched queries.
use std::collections::HashMap;

use sea_orm::{
    sea_query::{Expr, ExprTrait, Func},
    ColumnTrait, DatabaseConnection, EntityTrait, FromQueryResult, QueryFilter, QueryOrder,
    QuerySelect,
};

use super::cards::currency_of;
use super::types::{Image, OptionDef, ProductDetail, VariantDetail};
use super::{Catalog, ProductStatus};
use crate::entities::{
    product, product_image, product_option, product_option_value, stock_level, variant,
    variant_option_value,
};
use crate::money::Money;

/// What search engines show under a result.
const SEO_DESCRIPTION_CHARS: usize = 155;

#[derive(FromQueryResult)]
struct VariantStock {
    variant_id: i32,
    available: Option<i64>,
}

impl Catalog {
    /// `None` when the slug is unknown or the product is not on sale
    /// (draft or archived): shoppers get the same 404 either way.
    /// `base` is the shop's public URL, for the JSON-LD's absolute links.
    pub async fn product_detail(
        &self,
        slug: &str,
        base: &str,
    ) -> crate::Result<Option<ProductDetail>> {
        if let Some(held) = self.held.product(slug, base) {
            return Ok(Some(held.1.clone()));
        }
        let generation = self.held.generation();
        let detail = self.detail(slug, base, true).await?;
        if let Some(d) = &detail {
            self.held.keep_product(
                generation,
                std::sync::Arc::new((base.to_owned(), d.clone())),
            );
        }
        Ok(detail)
    }

    /// Staff see any product as the shop would show it, drafts included.
    pub async fn product_preview(
        &self,
        actor: &crate::accounts::Actor,
        slug: &str,
        base: &str,
    ) -> crate::Result<Option<ProductDetail>> {
        actor.require(crate::accounts::Permission::Catalog)?;
        self.detail(slug, base, false).await
    }

    async fn detail(
        &self,
        slug: &str,
        base: &str,
        on_sale_only: bool,
    ) -> crate::Result<Option<ProductDetail>> {
        let db = &self.db;
        let mut find = product::Entity::find().filter(product::Column::Slug.eq(slug));
        if on_sale_only {
            find = find.filter(product::Column::Status.eq(ProductStatus::Active.as_str()));
        }
        let Some(p) = find.one(db).await? else {
            return Ok(None);
        };
        let tree = self.tree().await?;
        let currency = currency_of(&p.currency);

        let images = product_image::Entity::find()
            .filter(product_image::Column::ProductId.eq(p.id))
            .order_by_asc(product_image::Column::Position)
            .order_by_asc(product_image::Column::Id)
            .all(db)
            .await?;
        let image_index: HashMap<i32, usize> = images
            .iter()
            .enumerate()
            .map(|(i, img)| (img.id, i))
            .collect();

        let options = product_option::Entity::find()
            .filter(product_option::Column::ProductId.eq(p.id))
            .order_by_asc(product_option::Column::Position)
            .all(db)
            .await?;
        let values = product_option_value::Entity::find()
            .filter(product_option_value::Column::OptionId.is_in(options.iter().map(|o| o.id)))
            .order_by_asc(product_option_value::Column::Position)
            .all(db)
            .await?;
        let variants = variant::Entity::find()
            .filter(variant::Column::ProductId.eq(p.id))
            .order_by_asc(variant::Column::Position)
            .order_by_asc(variant::Column::Id)
            .all(db)
            .await?;
        let links = variant_option_value::Entity::find()
            .filter(variant_option_value::Column::VariantId.is_in(variants.iter().map(|v| v.id)))
            .all(db)
            .await?;
        let stock = variant_stock(db, variants.iter().map(|v| v.id).collect()).await?;
        let ids: Vec<i32> = variants.iter().map(|v| v.id).collect();
        let mut listed = super::list_prices::of_variants(db, &ids).await?;
        let translations = super::translations::of_products(db, &[p.id])
            .await?
            .remove(&p.id)
            .unwrap_or_default();
        let attributes = super::attributes::values_of(db, &tree, &[p.id]).await?;
        let specs = super::attributes::specs(
            &tree,
            p.category_id,
            attributes.get(&p.id).unwrap_or(&Default::default()),
        );

        let value_by_id: HashMap<i32, &product_option_value::Model> =
            values.iter().map(|v| (v.id, v)).collect();
        let option_defs: Vec<OptionDef> = options
            .iter()
            .map(|o| OptionDef {
                name: o.name.clone(),
                values: values
                    .iter()
                    .filter(|v| v.option_id == o.id)
                    .map(|v| v.value.clone())
                    .collect(),
            })
            .collect();

        let variant_details = variants
            .iter()
            .map(|v| {
                let mine: Vec<&product_option_value::Model> = links
                    .iter()
                    .filter(|l| l.variant_id == v.id)
                    .filter_map(|l| value_by_id.get(&l.option_value_id).copied())
                    .collect();
                let values = options
                    .iter()
                    .map(|o| {
                        mine.iter()
                            .find(|val| val.option_id == o.id)
                            .map(|val| val.value.clone())
                            .unwrap_or_default()
                    })
                    .collect();
                VariantDetail {
                    sku: v.sku.clone(),
                    title: v.title.clone(),
                    price: Money::new(v.price_minor, currency),
                    compare_at: v
                        .compare_at_minor
                        .filter(|was| *was > v.price_minor)
                        .map(|was| Money::new(was, currency)),
                    values,
                    available: std::cmp::max(stock.get(&v.id).copied().unwrap_or(0), 0),
                    image_index: v.image_id.and_then(|id| image_index.get(&id).copied()),
                    base: model::fx::VariantPrices {
                        price: v.price_minor,
                        compare_at: v.compare_at_minor,
                        listed: listed.remove(&v.id).unwrap_or_default(),
                    },
                }
            })
            .collect();

        let mut detail = ProductDetail {
            id: p.id,
            status: ProductStatus::parse(&p.status).unwrap_or(ProductStatus::Draft),
            breadcrumbs: tree.breadcrumbs(p.category_id),
            images: images
                .into_iter()
                .map(|i| Image {
                    url: i.url,
                    alt: i.alt,
                    width: i.width,
                    height: i.height,
                })
                .collect(),
            options: option_defs,
            variants: variant_details,
            price_min: Money::new(p.price_min_minor, currency),
            price_max: Money::new(p.price_max_minor, currency),
            rating: model::reviews::RatingSummary::new(p.review_count, p.rating_sum),
            seo_title: p.seo_title.unwrap_or_else(|| p.title.clone()),
            seo_description: p
                .seo_description
                .unwrap_or_else(|| seo_start(&p.description)),
            slug: p.slug,
            title: p.title,
            description: p.description,
            brand: p.brand,
            json_ld: String::new(),
            specs,
            translations,
        };
        // Only a rated product's markup lists reviews.
        let reviews = match detail.rating {
            Some(_) => crate::reviews::latest(db, detail.id, super::json_ld::REVIEWS).await?,
            None => Vec::new(),
        };
        detail.json_ld = super::json_ld::product(&detail, base, &reviews);
        Ok(Some(detail))
    }
}

/// A description's start, for search engines when the product has no SEO
/// description of its own.
pub(super) fn seo_start(description: &str) -> String {
    description.chars().take(SEO_DESCRIPTION_CHARS).collect()
}

async fn variant_stock(db: &DatabaseConnection, ids: Vec<i32>) -> crate::Result<HashMap<i32, i64>> {
    if ids.is_empty() {
        return Ok(HashMap::new());
    }
    let rows = stock_level::Entity::find()
        .select_only()
        .column(stock_level::Column::VariantId)
        .column_as(
            Expr::from(Func::sum(
                Expr::col(stock_level::Column::OnHand)
                    .sub(Expr::col(stock_level::Column::Reserved)),
            )),
            "available",
        )
        .filter(stock_level::Column::VariantId.is_in(ids))
        .group_by(stock_level::Column::VariantId)
        .into_model::<VariantStock>()
        .all(db)
        .await?;
    Ok(rows
        .into_iter()
        .map(|r| (r.variant_id, r.available.unwrap_or(0)))
        .collect())
}
