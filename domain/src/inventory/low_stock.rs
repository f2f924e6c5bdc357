//! Low stock, per variant and warehouse, against the level set on each
//! product. A change that takes what one warehouse can sell of a variant
//! from above the level to at or below it alerts once: a mail to each staff
//! member who looks after the catalog and stock, and `inventory.low_stock`
//! to webhook subscribers. Further sales below the level stay quiet; a
//! restock above it arms the next alert. The dashboard lists what is low
//! now by the same rule.
use minijinja::context;
use sea_orm::sea_query::{Expr, ExprTrait, Func, Order};
use sea_orm::{
    ColumnTrait, ConnectionTrait, EntityTrait, FromQueryResult, JoinType, QueryFilter, QueryOrder,
    QuerySelect, RelationTrait, Select,
};
use serde::{Deserialize, Serialize};

use crate::accounts::{Permission, Role};
use crate::catalog::ProductStatus;
use crate::entities::{product, stock_level, user, variant, warehouse};
use crate::mail::{MailKind, OutgoingMail, Templates};
use crate::{outbox, Result};

/// Outbox kind of a low-stock mail (rendered when sent, by the worker's
/// templates: stock changes happen where no templates are at hand).
pub const KIND: &str = "low_stock";

/// One variant in one warehouse, as the alert and the dashboard show it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, FromQueryResult)]
pub struct LowStock {
    pub variant_id: i32,
    pub sku: String,
    pub variant_title: String,
    pub product_id: i32,
    pub slug: String,
    pub title: String,
    pub warehouse_code: String,
    pub warehouse: String,
    /// On the shelf less held for checkouts.
    pub available: i64,
    pub threshold: i32,
}

/// A low-stock mail waiting in the outbox.
#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct LowStockMail {
    pub to: String,
    pub stock: LowStock,
}

/// On the shelf less held for checkouts, in SQL.
fn sellable() -> Expr {
    Expr::col((stock_level::Entity, stock_level::Column::OnHand)).sub(Expr::col((
        stock_level::Entity,
        stock_level::Column::Reserved,
    )))
}

fn select() -> Select<stock_level::Entity> {
    // BIGINT: PostgreSQL's integer difference would not read as `i64`.
    let available = Expr::from(Func::cast_as(sellable(), "BIGINT"));
    let of_product = variant::Entity::belongs_to(product::Entity)
        .from(variant::Column::ProductId)
        .to(product::Column::Id)
        .into();
    let in_warehouse = stock_level::Entity::belongs_to(warehouse::Entity)
        .from(stock_level::Column::WarehouseId)
        .to(warehouse::Column::Id)
        .into();
    stock_level::Entity::find()
        .select_only()
        .column_as(
            Expr::col((variant::Entity, variant::Column::Id)),
            "variant_id",
        )
        .column_as(Expr::col((variant::Entity, variant::Column::Sku)), "sku")
        .column_as(
            Expr::col((variant::Entity, variant::Column::Title)),
            "variant_title",
        )
        .column_as(
            Expr::col((product::Entity, product::Column::Id)),
            "product_id",
        )
        .column_as(Expr::col((product::Entity, product::Column::Slug)), "slug")
        .column_as(
            Expr::col((product::Entity, product::Column::Title)),
            "title",
        )
        .column_as(
            Expr::col((warehouse::Entity, warehouse::Column::Code)),
            "warehouse_code",
        )
        .column_as(
            Expr::col((warehouse::Entity, warehouse::Column::Name)),
            "warehouse",
        )
        .column_as(available, "available")
        .column_as(
            Expr::col((product::Entity, product::Column::LowStockThreshold)),
            "threshold",
        )
        .join(JoinType::InnerJoin, stock_level::Relation::Variant.def())
        .join(JoinType::InnerJoin, of_product)
        .join(JoinType::InnerJoin, in_warehouse)
        .filter(product::Column::Status.eq(ProductStatus::Active.as_str()))
}

/// What is at or below its level now, emptiest first.
pub(crate) async fn running_low<C: ConnectionTrait>(conn: &C, limit: u64) -> Result<Vec<LowStock>> {
    Ok(select()
        .filter(sellable().lte(Expr::col((
            product::Entity,
            product::Column::LowStockThreshold,
        ))))
        .order_by(sellable(), Order::Asc)
        .order_by_asc(variant::Column::Sku)
        .order_by_asc(warehouse::Column::Code)
        .limit(limit)
        .into_model::<LowStock>()
        .all(conn)
        .await?)
}

/// After `delta` units (already applied, in `conn`'s transaction) changed
/// what `warehouse_id` can sell of `variant_id`.
pub(crate) async fn check<C: ConnectionTrait>(
    conn: &C,
    variant_id: i32,
    warehouse_id: i32,
    delta: i64,
) -> Result<()> {
    if delta >= 0 {
        return Ok(());
    }
    let Some(now) = select()
        .filter(stock_level::Column::VariantId.eq(variant_id))
        .filter(stock_level::Column::WarehouseId.eq(warehouse_id))
        .into_model::<LowStock>()
        .one(conn)
        .await?
    else {
        return Ok(());
    };
    let level = i64::from(now.threshold);
    if now.available > level || now.available - delta <= level {
        return Ok(());
    }
    crate::webhooks::events::low_stock(conn, &now).await?;
    for to in keepers(conn).await? {
        let mail = LowStockMail {
            to,
            stock: now.clone(),
        };
        outbox::enqueue(conn, KIND, &mail).await?;
    }
    Ok(())
}

/// Addresses of staff who may change the catalog and stock, and can sign in.
async fn keepers<C: ConnectionTrait>(conn: &C) -> Result<Vec<String>> {
    let staff: Vec<(String, String, String)> = user::Entity::find()
        .select_only()
        .column(user::Column::Email)
        .column(user::Column::Role)
        .column(user::Column::Permissions)
        .filter(user::Column::Role.is_in([Role::Admin.as_str(), Role::Staff.as_str()]))
        .filter(user::Column::DisabledAt.is_null())
        .filter(user::Column::ErasedAt.is_null())
        .order_by_asc(user::Column::Id)
        .into_tuple()
        .all(conn)
        .await?;
    Ok(staff
        .into_iter()
        .filter(|(_, role, permissions)| {
            role == Role::Admin.as_str()
                || Permission::parse_list(permissions).contains(&Permission::Catalog)
        })
        .map(|(email, _, _)| email)
        .collect())
}

impl LowStockMail {
    pub(crate) fn render(&self, templates: &Templates) -> Result<OutgoingMail> {
        let s = &self.stock;
        templates.render(
            MailKind::LowStock,
            &self.to,
            context! {
                stock => context! {
                    title => &s.title, variant_title => &s.variant_title, sku => &s.sku,
                    warehouse => &s.warehouse, available => s.available, threshold => s.threshold,
                    url => templates.link(&format!("/admin/products/{}", s.slug)),
                },
            },
        )
    }
}
