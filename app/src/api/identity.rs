//! Sign-in with identity providers, the parts a page asks for: which
//! providers the shop offers, a link waiting for the shopper's yes, the
//! notice a failed attempt left, and the account's linked providers. The
//! round trip to the provider itself is the server's `/auth/oidc/…`
//! routes.
use leptos::prelude::*;
use model::accounts::{LoginResult, PendingLinkView, SignInMethods, SignInProvider};
use model::AppError;

#[cfg(feature = "ssr")]
use crate::request::errors::fail;

#[cfg(feature = "ssr")]
fn providers(ctx: &crate::request::context::ServerContext) -> Vec<SignInProvider> {
    ctx.identity_providers
        .list()
        .into_iter()
        .map(|(id, label)| SignInProvider { id, label })
        .collect()
}

/// The providers to offer beside the password form.
#[server(prefix = "/api/site", endpoint = "sign-in-providers")]
pub async fn sign_in_providers() -> Result<Vec<SignInProvider>, AppError> {
    let ctx = crate::request::context::ServerContext::current()?;
    Ok(providers(&ctx))
}

/// What the last attempt to sign in with a provider left to say, once.
#[server(prefix = "/api/identity", endpoint = "notice")]
pub async fn sign_in_notice() -> Result<Option<AppError>, AppError> {
    let caller = crate::request::caller::caller().await?;
    crate::request::identity::take_notice(&caller.session)
        .await
        .map_err(fail)
}

/// The link waiting for the shopper's yes, if any.
#[server(prefix = "/api/identity", endpoint = "pending")]
pub async fn pending_link() -> Result<Option<PendingLinkView>, AppError> {
    let caller = crate::request::caller::caller().await?;
    Ok(crate::request::identity::pending_link(&caller.session)
        .await
        .map_err(fail)?
        .map(|p| PendingLinkView {
            label: p.label,
            email: p.email,
        }))
}

/// Yes: the provider signs in to the account with that email from now on.
#[server(prefix = "/api/auth", endpoint = "confirm-link")]
pub async fn confirm_link(next: Option<String>) -> Result<LoginResult, AppError> {
    use domain::accounts::identities::ExternalSignIn;
    let (ctx, caller) = crate::request::caller::context_and_caller().await?;
    let pending = crate::request::identity::take_link(&caller.session)
        .await
        .map_err(fail)?
        .ok_or_else(|| {
            fail(domain::Error::validation(
                "provider",
                "There is nothing to confirm any more. Please sign in again.",
            ))
        })?;
    match ctx.accounts.confirm_link(&pending).await.map_err(fail)? {
        ExternalSignIn::SecondFactor { user_id } => {
            crate::request::caller::await_second_factor(&caller.session, user_id)
                .await
                .map_err(fail)?;
            Ok(LoginResult::NeedsCode)
        }
        ExternalSignIn::SignedIn { user_id } => {
            crate::request::caller::sign_in(&caller.session, user_id)
                .await
                .map_err(fail)?;
            Ok(LoginResult::SignedIn {
                next: model::url::safe_next(next.as_deref()),
            })
        }
        ExternalSignIn::Confirm(_) | ExternalSignIn::Linked => Err(fail(domain::Error::internal(
            "confirming a link asked for another confirmation",
        ))),
    }
}

/// No: nothing is linked.
#[server(prefix = "/api/identity", endpoint = "cancel")]
pub async fn cancel_link() -> Result<(), AppError> {
    let caller = crate::request::caller::caller().await?;
    crate::request::identity::take_link(&caller.session)
        .await
        .map_err(fail)?;
    Ok(())
}

/// How the signed-in shopper can sign in.
#[server(prefix = "/api/account", endpoint = "sign-in-methods")]
pub async fn get_sign_in_methods() -> Result<SignInMethods, AppError> {
    let (ctx, caller) = crate::request::caller::context_and_caller().await?;
    Ok(SignInMethods {
        has_password: ctx
            .accounts
            .has_password(&caller.actor)
            .await
            .map_err(fail)?,
        linked: ctx.accounts.identities(&caller.actor).await.map_err(fail)?,
        providers: providers(&ctx),
    })
}

/// Unlinks a provider from the signed-in account.
#[server(prefix = "/api/account", endpoint = "unlink")]
pub async fn unlink_provider(provider: String) -> Result<(), AppError> {
    let (ctx, caller) = crate::request::caller::context_and_caller().await?;
    let provider = provider.trim();
    // A provider no longer configured is still unlinked, named by its id.
    let label = ctx
        .identity_providers
        .label(provider)
        .unwrap_or(provider)
        .to_owned();
    ctx.accounts
        .unlink(&caller.actor, provider, &label)
        .await
        .map_err(fail)
}
