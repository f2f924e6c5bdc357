//! Staff define each category's product attributes; products carry values
//! through the product editor and the CSV file.
use leptos::prelude::*;
use leptos::server_fn::codec::GetUrl;
use model::attributes::{AttributeInput, AttributesAdmin};
use model::AppError;

#[cfg(feature = "ssr")]
use crate::request::errors::fail;

/// Every definition with how many products carry it, and the categories.
#[server(prefix = "/api/staff/attributes", endpoint = "list", input = GetUrl)]
pub async fn staff_attributes() -> Result<AttributesAdmin, AppError> {
    let (ctx, caller) = crate::request::caller::context_and_caller().await?;
    ctx.catalog
        .attributes_admin(&caller.actor)
        .await
        .map_err(fail)
}

/// Defines an attribute (`original` empty) or changes one; returns its code.
#[server(prefix = "/api/staff/attributes", endpoint = "save")]
pub async fn save_attribute(input: AttributeInput) -> Result<String, AppError> {
    let (ctx, caller) = crate::request::caller::context_and_caller().await?;
    ctx.catalog
        .save_attribute(&caller.actor, &input)
        .await
        .map_err(fail)
}

/// Removes a definition and every product's values of it.
#[server(prefix = "/api/staff/attributes", endpoint = "delete")]
pub async fn delete_attribute(code: String) -> Result<(), AppError> {
    let (ctx, caller) = crate::request::caller::context_and_caller().await?;
    ctx.catalog
        .delete_attribute(&caller.actor, &code)
        .await
        .map_err(fail)
}
