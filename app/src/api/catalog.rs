use leptos::prelude::*;
use model::AppError;

use super::types::{CategoryView, HomeView, ProductView};

#[server]
pub async fn get_home() -> Result<HomeView, AppError> {
    let ctx = crate::request::context::ServerContext::current()?;
    let home = ctx
        .catalog
        .home()
        .await
        .map_err(crate::request::errors::fail)?;
    Ok(home.into())
}

/// `Ok(None)` when there is no such category (the page answers 404).
/// `query` is the raw URL query string; the domain parses it leniently.
#[server]
pub async fn get_category(slug: String, query: String) -> Result<Option<CategoryView>, AppError> {
    let ctx = crate::request::context::ServerContext::current()?;
    let pairs: Vec<(String, String)> =
        form_urlencoded::parse(query.trim_start_matches('?').as_bytes())
            .into_owned()
            .collect();
    let listing = ctx
        .catalog
        .category_listing(&slug, &pairs, ctx.commerce.currency())
        .await
        .map_err(crate::request::errors::fail)?;
    Ok(listing.map(Into::into))
}

/// `Ok(None)` when there is no such product on sale (the page answers 404).
#[server]
pub async fn get_product(slug: String) -> Result<Option<ProductView>, AppError> {
    let ctx = crate::request::context::ServerContext::current()?;
    let detail = ctx
        .catalog
        .product_detail(&slug)
        .await
        .map_err(crate::request::errors::fail)?;
    if detail.is_some() {
        let path = format!("/product/{slug}");
        super::analytics::visit::record(domain::analytics::EventKind::ProductView, |e| {
            e.path = Some(path)
        })
        .await;
    }
    Ok(detail.map(|d| product_view(d, &ctx.site.public_url)))
}

/// For staff: any product as the shop would show it (drafts too), for
/// "preview in the storefront"; not recorded in analytics. Anyone else who
/// opens a preview link gets the product as shoppers see it.
#[server(prefix = "/api/staff/catalog", endpoint = "preview", input = leptos::server_fn::codec::GetUrl)]
pub async fn preview_product(slug: String) -> Result<Option<ProductView>, AppError> {
    let (ctx, caller) = crate::request::caller::context_and_caller().await?;
    if caller
        .actor
        .require(domain::accounts::Permission::Catalog)
        .is_err()
    {
        return get_product(slug).await;
    }
    let detail = ctx
        .catalog
        .product_preview(&caller.actor, &slug)
        .await
        .map_err(crate::request::errors::fail)?;
    Ok(detail.map(|d| product_view(d, &ctx.site.public_url)))
}

#[cfg(feature = "ssr")]
fn product_view(d: domain::catalog::ProductDetail, base: &str) -> ProductView {
    use super::types::{ImageView, OptionView, VariantView};

    let json_ld = product_json_ld(&d, base);
    ProductView {
        seo_title: d.seo_title.clone().unwrap_or_else(|| d.title.clone()),
        seo_description: d
            .seo_description
            .clone()
            .unwrap_or_else(|| d.description.chars().take(155).collect()),
        breadcrumbs: d.breadcrumbs.into_iter().map(Into::into).collect(),
        images: d.images.into_iter().map(ImageView::from).collect(),
        options: d
            .options
            .into_iter()
            .map(|o| OptionView {
                name: o.name,
                values: o.values,
            })
            .collect(),
        variants: d
            .variants
            .into_iter()
            .map(|v| VariantView {
                sku: v.sku,
                title: v.title,
                price: v.price,
                compare_at: v.compare_at,
                values: v.values,
                available: v.available,
                image_index: v.image_index,
            })
            .collect(),
        price_min: d.price_min,
        price_max: d.price_max,
        status: d.status.clone(),
        slug: d.slug,
        title: d.title,
        description: d.description,
        brand: d.brand,
        json_ld,
    }
}

/// schema.org Product with one Offer per variant. `<` is escaped so the JSON
/// can never close the surrounding `<script>` element.
#[cfg(feature = "ssr")]
fn product_json_ld(d: &domain::catalog::ProductDetail, base: &str) -> String {
    let url = format!("{base}/product/{}", d.slug);
    let offers: Vec<serde_json::Value> = d
        .variants
        .iter()
        .map(|v| {
            serde_json::json!({
                "@type": "Offer",
                "sku": v.sku,
                "name": v.title,
                "price": v.price.decimal_string(),
                "priceCurrency": v.price.currency.code(),
                "availability": if v.available > 0 { "https://schema.org/InStock" } else { "https://schema.org/OutOfStock" },
                "url": url,
            })
        })
        .collect();
    let doc = serde_json::json!({
        "@context": "https://schema.org",
        "@type": "Product",
        "name": d.title,
        "description": d.description,
        "brand": { "@type": "Brand", "name": d.brand },
        "sku": d.variants.first().map(|v| v.sku.clone()),
        "image": d.images.iter().map(|i| format!("{base}{}", i.url)).collect::<Vec<_>>(),
        "url": url,
        "offers": {
            "@type": "AggregateOffer",
            "lowPrice": d.price_min.decimal_string(),
            "highPrice": d.price_max.decimal_string(),
            "priceCurrency": d.price_min.currency.code(),
            "offerCount": d.variants.len(),
            "offers": offers,
        },
    });
    doc.to_string().replace('<', "\\u003c")
}
