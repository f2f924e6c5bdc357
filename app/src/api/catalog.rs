use leptos::prelude::*;
use model::{AppError, Locale};

use model::storefront::{CategoryView, HomePage, ProductDetail};

#[server]
pub async fn get_home(#[server(default)] locale: Locale) -> Result<HomePage, AppError> {
    let ctx = crate::request::context::ServerContext::current()?;
    crate::request::cache_deps::listing();
    let home = ctx
        .catalog
        .home()
        .await
        .map(std::sync::Arc::unwrap_or_clone)
        .map_err(crate::request::errors::fail)?;
    Ok(crate::request::audience::shown(&ctx, locale, home))
}

/// `Ok(None)` when there is no such category (the page answers 404).
/// `query` is the raw URL query string; the domain parses it leniently.
#[server]
pub async fn get_category(
    slug: String,
    query: String,
    #[server(default)] locale: Locale,
) -> Result<Option<CategoryView>, AppError> {
    let ctx = crate::request::context::ServerContext::current()?;
    let pairs: Vec<(String, String)> =
        form_urlencoded::parse(query.trim_start_matches('?').as_bytes())
            .into_owned()
            .collect();
    crate::request::cache_deps::listing();
    let shown = crate::request::currency::shopper(&ctx);
    let view = ctx
        .catalog
        .category_listing(&slug, &pairs, &ctx.commerce.currencies(), shown)
        .await
        .map_err(crate::request::errors::fail)?;
    Ok(crate::request::audience::shown(&ctx, locale, view))
}

/// `Ok(None)` when there is no such product on sale (the page answers 404).
/// Views are counted by the browser's page-view report (cached pages
/// render nothing).
#[server]
pub async fn get_product(
    slug: String,
    #[server(default)] locale: Locale,
) -> Result<Option<ProductDetail>, AppError> {
    let ctx = crate::request::context::ServerContext::current()?;
    let detail = ctx
        .catalog
        .product_detail(&slug, &ctx.site.public_url)
        .await
        .map_err(crate::request::errors::fail)?;
    if let Some(d) = &detail {
        crate::request::cache_deps::product(d.id);
    }
    Ok(crate::request::audience::shown(&ctx, locale, detail))
}

/// For staff: any product as the shop would show it (drafts too), for
/// "preview in the storefront"; not recorded in analytics. Anyone else who
/// opens a preview link gets the product as shoppers see it.
#[server(prefix = "/api/staff/catalog", endpoint = "preview", input = leptos::server_fn::codec::GetUrl)]
pub async fn preview_product(
    slug: String,
    #[server(default)] locale: Locale,
) -> Result<Option<ProductDetail>, AppError> {
    let (ctx, caller) = crate::request::caller::context_and_caller().await?;
    if caller
        .actor
        .require(domain::accounts::Permission::Catalog)
        .is_err()
    {
        return get_product(slug, locale).await;
    }
    let detail = ctx
        .catalog
        .product_preview(&caller.actor, &slug, &ctx.site.public_url)
        .await
        .map_err(crate::request::errors::fail)?;
    Ok(crate::request::audience::shown(&ctx, locale, detail))
}
