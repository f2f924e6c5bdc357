//! API tokens for the admin API (admins only): list, make (the secret is in
//! the answer, once), revoke.
use leptos::prelude::*;
use model::api_tokens::{ApiTokenView, CreatedApiToken};
use model::AppError;

#[cfg(feature = "ssr")]
use crate::request::errors::fail;

/// Every token, newest first; never a secret.
#[server(prefix = "/api/api-tokens", endpoint = "list", input = leptos::server_fn::codec::GetUrl)]
pub async fn api_tokens() -> Result<Vec<ApiTokenView>, AppError> {
    let (ctx, caller) = crate::request::caller::context_and_caller().await?;
    ctx.api_tokens.list(&caller.actor).await.map_err(fail)
}

/// `scopes`: `area:read` / `area:write` names from the form's boxes;
/// `expires_in_days`: empty for a token that does not expire.
#[server(prefix = "/api/api-tokens", endpoint = "create")]
pub async fn create_api_token(
    name: String,
    scopes: Option<Vec<String>>,
    expires_in_days: Option<String>,
) -> Result<CreatedApiToken, AppError> {
    use model::api_tokens::{NewApiToken, Scope};
    let (ctx, caller) = crate::request::caller::context_and_caller().await?;
    let scopes = scopes.unwrap_or_default();
    let parsed: Vec<Scope> = scopes
        .iter()
        .take(64)
        .filter_map(|s| Scope::parse(s))
        .collect();
    if parsed.len() != scopes.len().min(64) {
        return Err(crate::request::errors::respond_with(AppError::invalid(
            "scopes",
            "One of the scopes is not one the shop knows.",
        )));
    }
    let expires_in_days = match expires_in_days.as_deref().map(str::trim) {
        None | Some("") => None,
        Some(days) => Some(days.parse::<u32>().map_err(|_| {
            crate::request::errors::respond_with(AppError::invalid(
                "expires_in_days",
                "Enter a number of days.",
            ))
        })?),
    };
    ctx.api_tokens
        .create(
            &caller.actor,
            NewApiToken {
                name,
                scopes: parsed,
                expires_in_days,
            },
        )
        .await
        .map_err(fail)
}

#[server(prefix = "/api/api-tokens", endpoint = "revoke")]
pub async fn revoke_api_token(id: i32) -> Result<(), AppError> {
    let (ctx, caller) = crate::request::caller::context_and_caller().await?;
    ctx.api_tokens.revoke(&caller.actor, id).await.map_err(fail)
}
