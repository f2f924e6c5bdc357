//! Signing up, in and out, verifying email and resetting a password. All
//! under `/api/auth/`, which the web layer rate-limits per client IP.
use leptos::prelude::*;
use model::AppError;

use model::accounts::{LoginResult, UserSummary};

#[cfg(feature = "ssr")]
use crate::request::errors::fail;

/// The signed-in user, if any (header, account pages).
#[server(prefix = "/api", endpoint = "me")]
pub async fn get_current_user() -> Result<Option<UserSummary>, AppError> {
    let caller = crate::request::caller::caller().await?;
    Ok(caller.user)
}

#[server(prefix = "/api/auth", endpoint = "register")]
pub async fn register(
    email: String,
    password: String,
    name: String,
    marketing_opt_in: Option<String>,
    locale: Option<String>,
) -> Result<(), AppError> {
    let ctx = crate::request::context::ServerContext::current()?;
    ctx.accounts
        .register(domain::accounts::Registration {
            email: &email,
            password: &password,
            name: &name,
            marketing_opt_in: marketing_opt_in.is_some(),
            locale: locale
                .as_deref()
                .and_then(model::Locale::from_tag)
                .unwrap_or_default(),
        })
        .await
        .map_err(fail)
}

#[server(prefix = "/api/auth", endpoint = "login")]
pub async fn login(
    email: String,
    password: String,
    next: Option<String>,
) -> Result<LoginResult, AppError> {
    use domain::accounts::LoginOutcome;
    let ctx = crate::request::context::ServerContext::current()?;
    let caller = crate::request::caller::caller().await?;
    match ctx.accounts.login(&email, &password).await.map_err(fail)? {
        LoginOutcome::SignedIn { user_id } => {
            crate::request::caller::sign_in(&caller.session, user_id)
                .await
                .map_err(fail)?;
            Ok(LoginResult::SignedIn {
                next: model::url::safe_next(next.as_deref()),
            })
        }
        LoginOutcome::SecondFactor { user_id } => {
            crate::request::caller::await_second_factor(&caller.session, user_id)
                .await
                .map_err(fail)?;
            Ok(LoginResult::NeedsCode)
        }
    }
}

/// Second sign-in step: TOTP or recovery code.
#[server(prefix = "/api/auth", endpoint = "second-factor")]
pub async fn second_factor(code: String, next: Option<String>) -> Result<LoginResult, AppError> {
    let ctx = crate::request::context::ServerContext::current()?;
    let caller = crate::request::caller::caller().await?;
    let pending = crate::request::caller::pending_second_factor(&caller.session)
        .await
        .map_err(fail)?
        .ok_or_else(|| {
            fail(domain::Error::validation(
                "code",
                "Your sign-in took too long. Please enter your email and password again.",
            ))
        })?;
    let user_id = ctx
        .accounts
        .complete_second_factor(pending, &code)
        .await
        .map_err(fail)?;
    crate::request::caller::sign_in(&caller.session, user_id)
        .await
        .map_err(fail)?;
    Ok(LoginResult::SignedIn {
        next: model::url::safe_next(next.as_deref()),
    })
}

#[server(prefix = "/api/auth", endpoint = "logout")]
pub async fn logout() -> Result<(), AppError> {
    let caller = crate::request::caller::caller().await?;
    crate::request::caller::sign_out(&caller.session)
        .await
        .map_err(fail)
}

/// Always succeeds (no account probing); a mail goes out if the account exists.
#[server(prefix = "/api/auth", endpoint = "forgot-password")]
pub async fn request_password_reset(email: String) -> Result<(), AppError> {
    let ctx = crate::request::context::ServerContext::current()?;
    ctx.accounts
        .request_password_reset(&email)
        .await
        .map_err(fail)
}

#[server(prefix = "/api/auth", endpoint = "reset-password")]
pub async fn reset_password(token: String, password: String) -> Result<(), AppError> {
    let ctx = crate::request::context::ServerContext::current()?;
    ctx.accounts
        .reset_password(&token, &password)
        .await
        .map_err(fail)?;
    // Whoever was signed in on this browser is signed out too.
    let caller = crate::request::caller::caller().await?;
    crate::request::caller::sign_out(&caller.session)
        .await
        .map_err(fail)
}

/// Spends a verification link. It confirms the address and nothing more: the
/// clicker is not signed in (whoever registered the address may not be the
/// person reading its mail). True when the caller is signed in as that
/// account already.
#[server(prefix = "/api/auth", endpoint = "verify-email")]
pub async fn verify_email(token: String) -> Result<bool, AppError> {
    let ctx = crate::request::context::ServerContext::current()?;
    let verified = ctx.accounts.verify_email(&token).await.map_err(fail)?;
    let caller = crate::request::caller::caller().await?;
    Ok(caller.actor.user_id() == Some(verified.user_id))
}
