//! Staff promo codes: list with usage statistics, create/edit, delete.
use leptos::prelude::*;
use leptos::server_fn::codec::GetUrl;
use model::promotions::{PromotionForm, PromotionRow};
use model::AppError;

#[cfg(feature = "ssr")]
use crate::request::errors::fail;

#[server(prefix = "/api/staff/promotions", endpoint = "list", input = GetUrl)]
pub async fn staff_promotions() -> Result<Vec<PromotionRow>, AppError> {
    let (ctx, caller) = crate::request::caller::context_and_caller().await?;
    ctx.promotions
        .rows(&caller.actor, &ctx.commerce.currencies())
        .await
        .map_err(fail)
}

/// The form for one code (empty `code`: a new one).
#[server(prefix = "/api/staff/promotions", endpoint = "get", input = GetUrl)]
pub async fn staff_promotion(code: String) -> Result<PromotionForm, AppError> {
    let (ctx, caller) = crate::request::caller::context_and_caller().await?;
    ctx.promotions
        .form(&caller.actor, &code, &ctx.commerce.currencies())
        .await
        .map_err(fail)
}

/// Creates (`original` empty) or saves a code; returns the code.
#[server(prefix = "/api/staff/promotions", endpoint = "save", input = leptos::server_fn::codec::Json)]
pub async fn save_promotion(original: String, form: PromotionForm) -> Result<String, AppError> {
    let (ctx, caller) = crate::request::caller::context_and_caller().await?;
    ctx.promotions
        .save_form(&caller.actor, &original, form, &ctx.commerce.currencies())
        .await
        .map_err(fail)
}

#[server(prefix = "/api/staff/promotions", endpoint = "delete")]
pub async fn delete_promotion(code: String) -> Result<(), AppError> {
    let (ctx, caller) = crate::request::caller::context_and_caller().await?;
    ctx.promotions
        .delete(&caller.actor, &code)
        .await
        .map_err(fail)
}
