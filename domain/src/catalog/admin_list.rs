//! The staff product list: search, filters, sorting and pages in SQL.
pub use model::catalog::{AdminProductPage, AdminProductQuery, AdminProductRow};
use sea_orm::sea_query::{Expr, ExprTrait, Func};
use sea_orm::{
    ColumnTrait, Condition, EntityTrait, PaginatorTrait, QueryFilter, QueryOrder, QuerySelect,
    QueryTrait,
};

use super::Catalog;
use crate::accounts::{Actor, Permission};
use crate::entities::{category, product, product_image, variant};
use crate::money::{Currency, Money};
use crate::Result;

pub const ADMIN_PAGE_SIZE: u64 = 25;

/// Units free to sell across the product's variants and warehouses.
const AVAILABLE: &str = "(SELECT COALESCE(SUM(s.on_hand - s.reserved), 0) FROM variants v \
     JOIN stock_levels s ON s.variant_id = v.id WHERE v.product_id = products.id)";

impl Catalog {
    pub async fn admin_products(
        &self,
        actor: &Actor,
        currency: Currency,
        query: &AdminProductQuery,
    ) -> Result<AdminProductPage> {
        actor.require(Permission::Catalog)?;
        let mut select = product::Entity::find();
        let q = crate::bounds::text(query.q.trim(), crate::bounds::MAX_QUERY_CHARS);
        let q = q.as_str();
        if !q.is_empty() {
            let like = format!("%{}%", q.to_lowercase().replace(['%', '_'], ""));
            let by_sku = variant::Entity::find()
                .select_only()
                .column(variant::Column::ProductId)
                .filter(Expr::expr(Func::lower(Expr::col(variant::Column::Sku))).like(like.clone()))
                .into_query();
            select = select.filter(
                Condition::any()
                    .add(
                        Expr::expr(Func::lower(Expr::col(product::Column::Title)))
                            .like(like.clone()),
                    )
                    .add(Expr::col(product::Column::Slug).like(like))
                    .add(product::Column::Id.in_subquery(by_sku)),
            );
        }
        if let Some(status) = Some(query.status.as_str()).filter(|s| !s.is_empty()) {
            select = select.filter(product::Column::Status.eq(status));
        }
        if let Some(slug) = Some(query.category.as_str()).filter(|s| !s.is_empty()) {
            let ids = category::Entity::find()
                .select_only()
                .column(category::Column::Id)
                .filter(category::Column::Slug.eq(slug))
                .into_query();
            select = select.filter(product::Column::CategoryId.in_subquery(ids));
        }
        match Some(query.stock.as_str()) {
            Some("in") => select = select.filter(Expr::cust(AVAILABLE).gt(0)),
            Some("out") => select = select.filter(Expr::cust(AVAILABLE).lte(0)),
            Some("low") => select = select.filter(Expr::cust(AVAILABLE).between(1, 5)),
            _ => {}
        }
        select = match query.sort.as_str() {
            "title" => select.order_by_asc(product::Column::Title),
            "price" => select.order_by_asc(product::Column::PriceMinMinor),
            "price_desc" => select.order_by_desc(product::Column::PriceMaxMinor),
            _ => select.order_by_desc(product::Column::UpdatedAt),
        }
        .order_by_asc(product::Column::Id);
        let page = crate::bounds::page(query.page);
        let paginator = select.paginate(&self.db, ADMIN_PAGE_SIZE);
        let total = paginator.num_items().await?;
        let products = paginator.fetch_page(page - 1).await?;
        let ids: Vec<i32> = products.iter().map(|p| p.id).collect();
        let available = super::availability(&self.db, &ids).await?;
        let categories: Vec<(i32, String)> = category::Entity::find()
            .select_only()
            .column(category::Column::Id)
            .column(category::Column::Name)
            .into_tuple()
            .all(&self.db)
            .await?;
        let images = product_image::Entity::find()
            .filter(product_image::Column::ProductId.is_in(ids.iter().copied()))
            .order_by_asc(product_image::Column::Position)
            .all(&self.db)
            .await?;
        let counts: Vec<(i32, i64)> = variant::Entity::find()
            .select_only()
            .column(variant::Column::ProductId)
            .column_as(variant::Column::Id.count(), "n")
            .filter(variant::Column::ProductId.is_in(ids.iter().copied()))
            .group_by(variant::Column::ProductId)
            .into_tuple()
            .all(&self.db)
            .await?;
        let rows = products
            .into_iter()
            .map(|p| AdminProductRow {
                thumb: images
                    .iter()
                    .find(|i| i.product_id == p.id)
                    .map(|i| super::images::thumb_url(&i.url)),
                category: categories
                    .iter()
                    .find(|(id, _)| *id == p.category_id)
                    .map(|(_, n)| n.clone())
                    .unwrap_or_default(),
                variants: counts
                    .iter()
                    .find(|(id, _)| *id == p.id)
                    .map_or(0, |(_, n)| *n as u64),
                available: available.get(&p.id).copied().unwrap_or(0),
                price_min: Money::new(p.price_min_minor, currency),
                price_max: Money::new(p.price_max_minor, currency),
                slug: p.slug,
                title: p.title,
                brand: p.brand,
                status: p.status,
            })
            .collect();
        Ok(AdminProductPage {
            rows,
            total,
            page,
            pages: std::cmp::max(total.div_ceil(ADMIN_PAGE_SIZE), 1),
        })
    }
}
