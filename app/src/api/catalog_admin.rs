//! Staff catalog: the product list with bulk actions, the product editor
//! and its images, and inventory (warehouses, stock adjustments, history).
//! CSV files and image uploads go over plain HTTP routes (see the server's
//! `http::catalog_files`).
use leptos::prelude::*;
use leptos::server_fn::codec::{GetUrl, Json};
use model::AppError;

use super::catalog_admin_types::*;

#[cfg(feature = "ssr")]
use crate::request::errors::fail;

#[server(prefix = "/api/staff/catalog", endpoint = "products", input = GetUrl)]
pub async fn staff_products(query: ProductListQuery) -> Result<ProductListView, AppError> {
    let (ctx, caller) = crate::request::caller::context_and_caller().await?;
    let currency = ctx.commerce.currency();
    let page = ctx
        .catalog
        .admin_products(
            &caller.actor,
            currency,
            &domain::catalog::AdminProductQuery {
                q: query.q,
                status: Some(query.status),
                category: Some(query.category),
                stock: Some(query.stock),
                sort: query.sort,
                page: query.page,
            },
        )
        .await
        .map_err(fail)?;
    Ok(ProductListView {
        rows: page
            .rows
            .into_iter()
            .map(|r| ProductRowView {
                slug: r.slug,
                title: r.title,
                brand: r.brand,
                status: r.status,
                category: r.category,
                price_min: r.price_min,
                price_max: r.price_max,
                variants: r.variants,
                available: r.available,
                thumb: r.thumb,
            })
            .collect(),
        total: page.total,
        page: page.page,
        pages: page.pages,
        categories: category_choices(&ctx).await?,
    })
}

#[cfg(feature = "ssr")]
async fn category_choices(
    ctx: &crate::request::context::ServerContext,
) -> Result<Vec<CategoryChoice>, AppError> {
    let tree = ctx.catalog.tree().await.map_err(fail)?;
    let mut out = Vec::new();
    fn walk(
        tree: &domain::catalog::CategoryTree,
        parent: Option<i32>,
        out: &mut Vec<CategoryChoice>,
    ) {
        for c in tree.children_of(parent) {
            let label = tree
                .path_to(c.id)
                .iter()
                .map(|p| p.name.as_str())
                .collect::<Vec<_>>()
                .join(" › ");
            out.push(CategoryChoice {
                slug: c.slug.clone(),
                label,
            });
            walk(tree, Some(c.id), out);
        }
    }
    walk(&tree, None, &mut out);
    Ok(out)
}

/// Publishes (`active`), archives or drafts the products with these slugs.
#[server(prefix = "/api/staff/catalog", endpoint = "status")]
pub async fn set_products_status(
    slugs: Vec<String>,
    status: model::catalog::ProductStatus,
) -> Result<u64, AppError> {
    let (ctx, caller) = crate::request::caller::context_and_caller().await?;
    ctx.catalog
        .set_status(&caller.actor, &slugs, status)
        .await
        .map_err(fail)
}

/// The editor's data: the product (or an empty form when `slug` is empty),
/// its images, and the categories and warehouses to choose from.
#[server(prefix = "/api/staff/catalog", endpoint = "editor", input = GetUrl)]
pub async fn product_editor(slug: String) -> Result<ProductEditorView, AppError> {
    let (ctx, caller) = crate::request::caller::context_and_caller().await?;
    caller
        .actor
        .require(domain::accounts::Permission::Catalog)
        .map_err(fail)?;
    let currency = ctx.commerce.currency();
    let warehouses: Vec<String> = ctx
        .inventory
        .warehouses(&caller.actor)
        .await
        .map_err(fail)?
        .into_iter()
        .map(|w| w.code)
        .collect();
    let (form, images) = if slug.is_empty() {
        let form = ProductForm {
            status: "draft".into(),
            options: vec![OptionForm::default()],
            ..Default::default()
        };
        (form, Vec::new())
    } else {
        let draft = ctx
            .catalog
            .product_draft(&caller.actor, &slug)
            .await
            .map_err(fail)?;
        let images = ctx
            .catalog
            .product_images(&caller.actor, &slug)
            .await
            .map_err(fail)?
            .into_iter()
            .map(|i| AdminImageView {
                id: i.id,
                url: i.url,
                alt: i.alt,
            })
            .collect();
        (domain::catalog::form::write(draft, currency), images)
    };
    Ok(ProductEditorView {
        form,
        images,
        categories: category_choices(&ctx).await?,
        warehouses,
    })
}

/// Creates or saves a product; returns its slug.
#[server(prefix = "/api/staff/catalog", endpoint = "save", input = Json)]
pub async fn save_product(form: ProductForm) -> Result<String, AppError> {
    let (ctx, caller) = crate::request::caller::context_and_caller().await?;
    caller
        .actor
        .require(domain::accounts::Permission::Catalog)
        .map_err(fail)?;
    let currency = ctx.commerce.currency();
    let original = form.original.clone();
    let (draft, seen) = domain::catalog::form::read(form, currency).map_err(fail)?;
    ctx.catalog
        .save_product(&caller.actor, currency, original.as_deref(), draft, &seen)
        .await
        .map_err(fail)
}

#[server(prefix = "/api/staff/catalog", endpoint = "remove-image")]
pub async fn remove_product_image(slug: String, image_id: i32) -> Result<(), AppError> {
    let (ctx, caller) = crate::request::caller::context_and_caller().await?;
    ctx.catalog
        .remove_image(&caller.actor, ctx.files.as_ref(), &slug, image_id)
        .await
        .map_err(fail)
}

#[server(prefix = "/api/staff/inventory", endpoint = "warehouses", input = GetUrl)]
pub async fn staff_warehouses() -> Result<Vec<WarehouseView>, AppError> {
    let (ctx, caller) = crate::request::caller::context_and_caller().await?;
    Ok(ctx
        .inventory
        .warehouses(&caller.actor)
        .await
        .map_err(fail)?
        .into_iter()
        .map(|w| WarehouseView {
            code: w.code,
            name: w.name,
            on_hand: w.on_hand,
        })
        .collect())
}

#[server(prefix = "/api/staff/inventory", endpoint = "warehouse")]
pub async fn change_warehouse(
    action: model::inventory::WarehouseAction,
    code: String,
    name: String,
) -> Result<(), AppError> {
    use model::inventory::WarehouseAction::*;
    let (ctx, caller) = crate::request::caller::context_and_caller().await?;
    let inv = &ctx.inventory;
    match action {
        Create => inv.create_warehouse(&caller.actor, &code, &name).await,
        Rename => inv.rename_warehouse(&caller.actor, &code, &name).await,
        Delete => inv.delete_warehouse(&caller.actor, &code).await,
    }
    .map_err(fail)
}

#[server(prefix = "/api/staff/inventory", endpoint = "variant", input = GetUrl)]
pub async fn variant_stock(sku: String) -> Result<VariantStockView, AppError> {
    let (ctx, caller) = crate::request::caller::context_and_caller().await?;
    let s = ctx
        .inventory
        .variant_stock(&caller.actor, &sku)
        .await
        .map_err(fail)?;
    let fmt = time::macros::format_description!("[year]-[month]-[day] [hour]:[minute]");
    Ok(VariantStockView {
        sku: s.sku,
        product_title: s.product_title,
        product_slug: s.product_slug,
        variant_title: s.variant_title,
        levels: s
            .levels
            .into_iter()
            .map(|l| LevelView {
                warehouse: l.warehouse,
                warehouse_name: l.warehouse_name,
                on_hand: l.on_hand,
                reserved: l.reserved,
            })
            .collect(),
        movements: s
            .movements
            .into_iter()
            .map(|m| MovementView {
                at: m.at.format(&fmt).unwrap_or_default(),
                warehouse: m.warehouse,
                delta: m.delta,
                on_hand_after: m.on_hand_after,
                reason: m.reason,
                note: m.note,
                by: m.by,
            })
            .collect(),
    })
}

/// `delta` as typed ("+5", "-2"); `reason`: received, damaged or correction.
#[server(prefix = "/api/staff/inventory", endpoint = "adjust")]
pub async fn adjust_stock(
    sku: String,
    warehouse: String,
    delta: String,
    reason: model::inventory::Reason,
    note: String,
) -> Result<(), AppError> {
    let (ctx, caller) = crate::request::caller::context_and_caller().await?;
    caller
        .actor
        .require(domain::accounts::Permission::Catalog)
        .map_err(fail)?;
    let delta: i32 = delta.trim().trim_start_matches('+').parse().map_err(|_| {
        fail(domain::Error::validation(
            "delta",
            "Enter a whole number of units, e.g. 5 or -2.",
        ))
    })?;
    ctx.inventory
        .adjust(&caller.actor, &sku, &warehouse, delta, reason, &note)
        .await
        .map_err(fail)
}

/// The category tree, flattened in display order with each row's depth.
#[server(prefix = "/api/staff/catalog", endpoint = "categories", input = GetUrl)]
pub async fn staff_categories() -> Result<Vec<CategoryRowView>, AppError> {
    let (ctx, caller) = crate::request::caller::context_and_caller().await?;
    caller
        .actor
        .require(domain::accounts::Permission::Catalog)
        .map_err(fail)?;
    let tree = ctx.catalog.tree().await.map_err(fail)?;
    let mut out = Vec::new();
    fn walk(
        tree: &domain::catalog::CategoryTree,
        parent: Option<i32>,
        depth: usize,
        out: &mut Vec<CategoryRowView>,
    ) {
        let siblings: Vec<_> = tree.children_of(parent).collect();
        let last = siblings.len().saturating_sub(1);
        for (i, c) in siblings.into_iter().enumerate() {
            out.push(CategoryRowView {
                slug: c.slug.clone(),
                name: c.name.clone(),
                depth,
                parent: parent
                    .and_then(|p| tree.get(p))
                    .map(|p| p.slug.clone())
                    .unwrap_or_default(),
                first: i == 0,
                last: i == last,
            });
            walk(tree, Some(c.id), depth + 1, out);
        }
    }
    walk(&tree, None, 0, &mut out);
    Ok(out)
}

/// `action`: create (name, parent), rename (slug, name), move (slug,
/// parent; empty = top level), up, down, delete (slug).
#[server(prefix = "/api/staff/catalog", endpoint = "category")]
pub async fn change_category(
    action: String,
    slug: String,
    name: String,
    parent: String,
) -> Result<(), AppError> {
    let (ctx, caller) = crate::request::caller::context_and_caller().await?;
    let (c, a) = (&ctx.catalog, &caller.actor);
    let parent = (!parent.is_empty()).then_some(parent.as_str());
    match action.as_str() {
        "create" => c.create_category(a, &name, parent).await.map(|_| ()),
        "rename" => c.rename_category(a, &slug, &name).await,
        "move" => c.move_category(a, &slug, parent).await,
        "up" => c.reorder_category(a, &slug, true).await,
        "down" => c.reorder_category(a, &slug, false).await,
        "delete" => c.delete_category(a, &slug).await,
        _ => Err(domain::Error::validation("action", "Unknown action.")),
    }
    .map_err(fail)
}
