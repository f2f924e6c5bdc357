//! Staff catalog: the product list with bulk actions, the product editor
//! and its images, and inventory (warehouses, stock adjustments, history).
//! CSV files and image uploads go over plain HTTP routes (see the server's
//! `http::catalog_files`).
use leptos::prelude::*;
use leptos::server_fn::codec::{GetUrl, Json};
use model::AppError;

// Not imported: `product_editor` and `variant_stock` generate structs of
// the same names as the views they return.
use model::catalog::{AdminProductList, AdminProductQuery, CategoryAction, CategoryRow};
use model::inventory::WarehouseRow;
use model::product_form::ProductForm;

#[cfg(feature = "ssr")]
use crate::request::errors::fail;

#[server(prefix = "/api/staff/catalog", endpoint = "products", input = GetUrl)]
pub async fn staff_products(query: AdminProductQuery) -> Result<AdminProductList, AppError> {
    let (ctx, caller) = crate::request::caller::context_and_caller().await?;
    let page = ctx
        .catalog
        .admin_products(&caller.actor, ctx.commerce.currency(), &query)
        .await
        .map_err(fail)?;
    let categories = ctx.catalog.category_choices().await.map_err(fail)?;
    Ok(AdminProductList { page, categories })
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
pub async fn product_editor(slug: String) -> Result<model::catalog::ProductEditor, AppError> {
    let (ctx, caller) = crate::request::caller::context_and_caller().await?;
    let warehouses = ctx
        .inventory
        .warehouses(&caller.actor)
        .await
        .map_err(fail)?
        .into_iter()
        .map(|w| w.code)
        .collect();
    ctx.catalog
        .product_editor(&caller.actor, &ctx.commerce.currencies(), &slug, warehouses)
        .await
        .map_err(fail)
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

/// Saves the variants' prices in the other currencies the shop sells in.
#[server(prefix = "/api/staff/catalog", endpoint = "list-prices", input = Json)]
pub async fn save_list_prices(
    rows: Vec<model::product_form::ListPriceRow>,
) -> Result<(), AppError> {
    let (ctx, caller) = crate::request::caller::context_and_caller().await?;
    ctx.catalog
        .save_list_price_form(&caller.actor, &rows)
        .await
        .map_err(fail)
}

/// Saves the product's title and description in the other languages.
#[server(prefix = "/api/staff/catalog", endpoint = "translations", input = Json)]
pub async fn save_translations(
    slug: String,
    rows: Vec<model::product_form::TranslationRow>,
) -> Result<(), AppError> {
    let (ctx, caller) = crate::request::caller::context_and_caller().await?;
    ctx.catalog
        .save_translations(&caller.actor, &slug, &rows)
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
pub async fn staff_warehouses() -> Result<Vec<WarehouseRow>, AppError> {
    let (ctx, caller) = crate::request::caller::context_and_caller().await?;
    ctx.inventory.warehouses(&caller.actor).await.map_err(fail)
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
pub async fn variant_stock(sku: String) -> Result<model::inventory::VariantStock, AppError> {
    let (ctx, caller) = crate::request::caller::context_and_caller().await?;
    ctx.inventory
        .variant_stock(&caller.actor, &sku)
        .await
        .map_err(fail)
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
pub async fn staff_categories() -> Result<Vec<CategoryRow>, AppError> {
    let (ctx, caller) = crate::request::caller::context_and_caller().await?;
    ctx.catalog.category_rows(&caller.actor).await.map_err(fail)
}

/// What each action reads: create (name, parent), rename (slug, name),
/// move (slug, parent; empty = top level), up, down, delete (slug).
#[server(prefix = "/api/staff/catalog", endpoint = "category")]
pub async fn change_category(
    action: CategoryAction,
    slug: String,
    name: String,
    parent: String,
) -> Result<(), AppError> {
    let (ctx, caller) = crate::request::caller::context_and_caller().await?;
    let (c, a) = (&ctx.catalog, &caller.actor);
    let parent = (!parent.is_empty()).then_some(parent.as_str());
    match action {
        CategoryAction::Create => c.create_category(a, &name, parent).await.map(|_| ()),
        CategoryAction::Rename => c.rename_category(a, &slug, &name).await,
        CategoryAction::Move => c.move_category(a, &slug, parent).await,
        CategoryAction::Up => c.reorder_category(a, &slug, true).await,
        CategoryAction::Down => c.reorder_category(a, &slug, false).await,
        CategoryAction::Delete => c.delete_category(a, &slug).await,
    }
    .map_err(fail)
}

/// A category's description and its words in the other languages.
#[server(prefix = "/api/staff/catalog", endpoint = "category-texts", input = GetUrl)]
pub async fn staff_category_texts(slug: String) -> Result<model::catalog::CategoryTexts, AppError> {
    let (ctx, caller) = crate::request::caller::context_and_caller().await?;
    ctx.catalog
        .category_texts(&caller.actor, &slug)
        .await
        .map_err(fail)
}

/// Saves a category's English description and its name and description
/// in the other languages (a row without a name shows the English).
#[server(prefix = "/api/staff/catalog", endpoint = "save-category-texts", input = Json)]
pub async fn save_category_texts(
    slug: String,
    description: String,
    rows: Vec<model::product_form::TranslationRow>,
) -> Result<(), AppError> {
    let (ctx, caller) = crate::request::caller::context_and_caller().await?;
    ctx.catalog
        .save_category_texts(&caller.actor, &slug, &description, &rows)
        .await
        .map_err(fail)
}
