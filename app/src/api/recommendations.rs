//! Recommendations: the shelves shoppers see (precomputed, read only) and
//! the staff's view of them with pin/exclude rules (permission `catalog`).
use leptos::prelude::*;
use leptos::server_fn::codec::GetUrl;
use model::recommendations::{ProductRecommendations, RecommendationReport};
use model::storefront::ProductCard;
use model::{AppError, Locale};

#[cfg(feature = "ssr")]
use crate::request::errors::fail;

/// "Customers also bought" and "similar products" for a product page.
#[server(prefix = "/api/recommendations", endpoint = "product", input = GetUrl)]
pub async fn get_product_recommendations(
    slug: String,
    #[server(default)] locale: Locale,
) -> Result<ProductRecommendations, AppError> {
    let ctx = crate::request::context::ServerContext::current()?;
    let shelves = ctx.recommendations.for_slug(&slug).await.map_err(fail)?;
    Ok(crate::request::audience::shown(&ctx, locale, shelves))
}

/// "Trending now" for the home page.
#[server(prefix = "/api/recommendations", endpoint = "trending", input = GetUrl)]
pub async fn trending_products(
    #[server(default)] locale: Locale,
) -> Result<Vec<ProductCard>, AppError> {
    let ctx = crate::request::context::ServerContext::current()?;
    let cards = ctx
        .recommendations
        .trending(model::recommendations::SHOWN)
        .await
        .map_err(fail)?;
    Ok(crate::request::audience::shown(&ctx, locale, cards))
}

/// Cards for the products a visitor viewed (their browser keeps the list;
/// nothing about it is stored here).
#[server(prefix = "/api/recommendations", endpoint = "recent")]
pub async fn recently_viewed(
    slugs: Vec<String>,
    #[server(default)] locale: Locale,
) -> Result<Vec<ProductCard>, AppError> {
    let ctx = crate::request::context::ServerContext::current()?;
    let cards = ctx
        .recommendations
        .cards_for_slugs(&slugs)
        .await
        .map_err(fail)?;
    Ok(crate::request::audience::shown(&ctx, locale, cards))
}

/// "Complete the look" for the caller's cart.
#[server(prefix = "/api/recommendations", endpoint = "cart", input = GetUrl)]
pub async fn cart_recommendations(
    #[server(default)] locale: Locale,
) -> Result<Vec<ProductCard>, AppError> {
    let (ctx, owner) = crate::request::caller::context_and_cart_owner().await?;
    let cart = crate::request::shown::carts(&ctx, locale)
        .view(&owner)
        .await
        .map_err(fail)?;
    let slugs: Vec<String> = cart.lines.into_iter().map(|l| l.product_slug).collect();
    let cards = ctx
        .recommendations
        .for_cart_slugs(&slugs)
        .await
        .map_err(fail)?;
    Ok(crate::request::audience::shown(&ctx, locale, cards))
}

/// What is recommended for a product and why (staff, `catalog`); None
/// before a product is chosen.
#[server(prefix = "/api/staff/recommendations", endpoint = "report", input = GetUrl)]
pub async fn get_recommendation_report(
    slug: String,
) -> Result<Option<RecommendationReport>, AppError> {
    let (ctx, caller) = crate::request::caller::context_and_caller().await?;
    caller
        .actor
        .require(domain::accounts::Permission::Catalog)
        .map_err(fail)?;
    if slug.trim().is_empty() {
        return Ok(None);
    }
    ctx.recommendations
        .report(&caller.actor, &slug)
        .await
        .map(Some)
        .map_err(fail)
}

/// Pins (`pin`) or excludes (`exclude`) `other` for `slug`; `none` clears it.
#[server(prefix = "/api/staff/recommendations", endpoint = "rule")]
pub async fn set_recommendation_rule(
    slug: String,
    other: String,
    rule: String,
) -> Result<(), AppError> {
    let (ctx, caller) = crate::request::caller::context_and_caller().await?;
    let rule = match rule.trim() {
        "none" => None,
        r => Some(model::recommendations::Rule::parse(r).ok_or_else(|| {
            fail(domain::Error::validation(
                "rule",
                "Choose pin, exclude or none.",
            ))
        })?),
    };
    ctx.recommendations
        .set_rule(&caller.actor, &slug, &other, rule)
        .await
        .map_err(fail)
}
