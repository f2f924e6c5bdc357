//! Staff catalog: the product list with bulk actions, the product editor
//! and its images, and inventory (warehouses, stock adjustments, history).
//! CSV files and image uploads go over plain HTTP routes (see the server's
//! `http::catalog_files`).
use leptos::prelude::*;
use leptos::server_fn::codec::{GetUrl, Json};
use model::AppError;

use super::catalog_admin_types::*;

#[cfg(feature = "ssr")]
use super::errors::fail;

#[server(prefix = "/api/staff/catalog", endpoint = "products", input = GetUrl)]
pub async fn staff_products(query: ProductListQuery) -> Result<ProductListView, AppError> {
    let (ctx, caller) = super::auth::context_and_caller().await?;
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
                price_min: r.price_min.into(),
                price_max: r.price_max.into(),
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
    ctx: &super::context::ServerContext,
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
pub async fn set_products_status(slugs: Vec<String>, status: String) -> Result<u64, AppError> {
    use domain::catalog::ProductStatus;
    let (ctx, caller) = super::auth::context_and_caller().await?;
    let status = match status.as_str() {
        "active" => ProductStatus::Active,
        "archived" => ProductStatus::Archived,
        "draft" => ProductStatus::Draft,
        _ => return Err(fail(domain::Error::validation("status", "Unknown status."))),
    };
    ctx.catalog
        .set_status(&caller.actor, &slugs, status)
        .await
        .map_err(fail)
}

/// The editor's data: the product (or an empty form when `slug` is empty),
/// its images, and the categories and warehouses to choose from.
#[server(prefix = "/api/staff/catalog", endpoint = "editor", input = GetUrl)]
pub async fn product_editor(slug: String) -> Result<ProductEditorView, AppError> {
    let (ctx, caller) = super::auth::context_and_caller().await?;
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
        (to_form(draft, currency), images)
    };
    Ok(ProductEditorView {
        form,
        images,
        categories: category_choices(&ctx).await?,
        warehouses,
    })
}

#[cfg(feature = "ssr")]
fn to_form(d: domain::catalog::ProductDraft, currency: domain::Currency) -> ProductForm {
    let major = |minor: i64| domain::Money::new(minor, currency).decimal_string();
    ProductForm {
        original: Some(d.slug.clone()),
        slug: d.slug,
        title: d.title,
        brand: d.brand,
        category: d.category,
        status: d.status,
        description: d.description,
        seo_title: d.seo_title,
        seo_description: d.seo_description,
        featured: d.featured,
        options: d
            .options
            .into_iter()
            .map(|o| OptionForm {
                name: o.name,
                values: o.values.join(", "),
            })
            .collect(),
        variants: d
            .variants
            .into_iter()
            .map(|v| VariantForm {
                values: v.values,
                sku: v.sku,
                price: major(v.price_minor),
                compare_at: v.compare_at_minor.map(major).unwrap_or_default(),
                weight: v.weight_grams.to_string(),
                stock: v
                    .stock
                    .into_iter()
                    .map(|(warehouse, n)| StockForm {
                        warehouse,
                        on_hand: n.to_string(),
                        seen: Some(n),
                    })
                    .collect(),
            })
            .collect(),
    }
}

/// Reads the form into a draft; numbers that don't parse are named.
#[cfg(feature = "ssr")]
fn from_form(
    f: ProductForm,
    currency: domain::Currency,
) -> Result<(domain::catalog::ProductDraft, domain::catalog::StockSeen), domain::Error> {
    use domain::catalog::{OptionDraft, ProductDraft, VariantDraft};
    let mut seen = domain::catalog::StockSeen::new();
    let mut variants = Vec::new();
    for v in f.variants {
        let label = if v.sku.trim().is_empty() {
            v.values.join(" / ")
        } else {
            v.sku.trim().to_owned()
        };
        let price = domain::Money::parse_major(&v.price, currency).ok_or_else(|| {
            domain::Error::validation("price", format!("{label}: enter a price like 12.50."))
        })?;
        let compare_at = match v.compare_at.trim() {
            "" => None,
            raw => Some(domain::Money::parse_major(raw, currency).ok_or_else(|| {
                domain::Error::validation(
                    "compare_at",
                    format!("{label}: enter a compare-at price like 15.00, or leave it empty."),
                )
            })?),
        };
        let weight = match v.weight.trim() {
            "" => 0,
            raw => raw.parse::<i32>().map_err(|_| {
                domain::Error::validation(
                    "weight",
                    format!("{label}: weight is a whole number of grams."),
                )
            })?,
        };
        let mut stock = Vec::new();
        for s in v.stock {
            let units = match s.on_hand.trim() {
                "" => 0,
                raw => raw.parse::<i32>().map_err(|_| {
                    domain::Error::validation(
                        "stock",
                        format!("{label}: stock in {} is a whole number.", s.warehouse),
                    )
                })?,
            };
            if let Some(n) = s.seen {
                seen.insert((v.sku.trim().to_owned(), s.warehouse.clone()), n);
            }
            stock.push((s.warehouse, units));
        }
        variants.push(VariantDraft {
            sku: v.sku,
            values: v.values,
            price_minor: price,
            compare_at_minor: compare_at,
            weight_grams: weight,
            stock,
        });
    }
    let draft = ProductDraft {
        slug: f.slug,
        title: f.title,
        brand: f.brand,
        category: f.category,
        status: f.status,
        description: f.description,
        seo_title: f.seo_title,
        seo_description: f.seo_description,
        featured: f.featured,
        options: f
            .options
            .into_iter()
            .filter(|o| !o.name.trim().is_empty())
            .map(|o| OptionDraft {
                name: o.name,
                values: split_values(&o.values),
            })
            .collect(),
        variants,
    };
    Ok((draft, seen))
}

/// Creates or saves a product; returns its slug.
#[server(prefix = "/api/staff/catalog", endpoint = "save", input = Json)]
pub async fn save_product(form: ProductForm) -> Result<String, AppError> {
    let (ctx, caller) = super::auth::context_and_caller().await?;
    caller
        .actor
        .require(domain::accounts::Permission::Catalog)
        .map_err(fail)?;
    let currency = ctx.commerce.currency();
    let original = form.original.clone();
    let (draft, seen) = from_form(form, currency).map_err(fail)?;
    ctx.catalog
        .save_product(&caller.actor, currency, original.as_deref(), draft, &seen)
        .await
        .map_err(fail)
}

#[server(prefix = "/api/staff/catalog", endpoint = "remove-image")]
pub async fn remove_product_image(slug: String, image_id: i32) -> Result<(), AppError> {
    let (ctx, caller) = super::auth::context_and_caller().await?;
    ctx.catalog
        .remove_image(&caller.actor, ctx.files.as_ref(), &slug, image_id)
        .await
        .map_err(fail)
}

#[server(prefix = "/api/staff/inventory", endpoint = "warehouses", input = GetUrl)]
pub async fn staff_warehouses() -> Result<Vec<WarehouseView>, AppError> {
    let (ctx, caller) = super::auth::context_and_caller().await?;
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

/// `action`: create, rename or delete.
#[server(prefix = "/api/staff/inventory", endpoint = "warehouse")]
pub async fn change_warehouse(action: String, code: String, name: String) -> Result<(), AppError> {
    let (ctx, caller) = super::auth::context_and_caller().await?;
    let inv = &ctx.inventory;
    match action.as_str() {
        "create" => inv.create_warehouse(&caller.actor, &code, &name).await,
        "rename" => inv.rename_warehouse(&caller.actor, &code, &name).await,
        "delete" => inv.delete_warehouse(&caller.actor, &code).await,
        _ => Err(domain::Error::validation("action", "Unknown action.")),
    }
    .map_err(fail)
}

#[server(prefix = "/api/staff/inventory", endpoint = "variant", input = GetUrl)]
pub async fn variant_stock(sku: String) -> Result<VariantStockView, AppError> {
    let (ctx, caller) = super::auth::context_and_caller().await?;
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
    reason: String,
    note: String,
) -> Result<(), AppError> {
    let (ctx, caller) = super::auth::context_and_caller().await?;
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
    let reason = domain::inventory::Reason::parse(reason.trim())
        .ok_or_else(|| fail(domain::Error::validation("reason", "Choose a reason.")))?;
    ctx.inventory
        .adjust(&caller.actor, &sku, &warehouse, delta, reason, &note)
        .await
        .map_err(fail)
}

/// The category tree, flattened in display order with each row's depth.
#[server(prefix = "/api/staff/catalog", endpoint = "categories", input = GetUrl)]
pub async fn staff_categories() -> Result<Vec<CategoryRowView>, AppError> {
    let (ctx, caller) = super::auth::context_and_caller().await?;
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
    let (ctx, caller) = super::auth::context_and_caller().await?;
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
