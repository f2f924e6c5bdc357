//! The signed-in customer's own account: profile, address book, password,
//! two-factor authentication, sessions and erasure. Each function resolves
//! the caller and lets the domain service refuse anonymous callers.
// In the browser build `#[server]` generates a client function with the
// same long argument list, where a per-function allow does not reach.
#![allow(clippy::too_many_arguments)]
use leptos::prelude::*;
use model::AppError;

use model::accounts::{Address, AddressBook, Profile, SecurityOverview, TwoFactorSetup};

#[cfg(feature = "ssr")]
use crate::request::errors::fail;

#[server(prefix = "/api/account", endpoint = "profile")]
pub async fn get_profile() -> Result<Profile, AppError> {
    let (ctx, caller) = crate::request::caller::context_and_caller().await?;
    ctx.accounts.profile(&caller.actor).await.map_err(fail)
}

#[server(prefix = "/api/account", endpoint = "profile/update")]
pub async fn update_profile(
    name: String,
    phone: String,
    marketing_opt_in: Option<String>,
    review_requests: Option<String>,
    cart_reminders: Option<String>,
    locale: Option<String>,
) -> Result<Profile, AppError> {
    let (ctx, caller) = crate::request::caller::context_and_caller().await?;
    let input = model::accounts::ProfileInput {
        name,
        phone,
        marketing_opt_in: marketing_opt_in.is_some(),
        review_requests: review_requests.is_some(),
        cart_reminders: cart_reminders.is_some(),
        locale: locale.as_deref().and_then(model::Locale::from_tag),
    };
    let profile = ctx
        .accounts
        .update_profile(&caller.actor, input)
        .await
        .map_err(fail)?;
    crate::request::caller::remember_locale(&caller.session, profile.locale)
        .await
        .map_err(fail)?;
    Ok(profile)
}

#[server(prefix = "/api/account", endpoint = "verification/resend")]
pub async fn resend_verification() -> Result<(), AppError> {
    let (ctx, caller) = crate::request::caller::context_and_caller().await?;
    ctx.accounts
        .resend_verification(&caller.actor)
        .await
        .map_err(fail)
}

#[server(prefix = "/api/account", endpoint = "addresses")]
pub async fn get_addresses() -> Result<AddressBook, AppError> {
    let (ctx, caller) = crate::request::caller::context_and_caller().await?;
    let addresses = ctx.accounts.addresses(&caller.actor).await.map_err(fail)?;
    Ok(AddressBook { addresses })
}

/// Adds (empty `id`) or updates an address.
#[server(prefix = "/api/account", endpoint = "addresses/save")]
pub async fn save_address(
    id: String,
    full_name: String,
    company: String,
    line1: String,
    line2: String,
    city: String,
    region: String,
    postal_code: String,
    country: String,
    phone: String,
    is_default_shipping: Option<String>,
    is_default_billing: Option<String>,
) -> Result<Address, AppError> {
    let (ctx, caller) = crate::request::caller::context_and_caller().await?;
    let input = model::accounts::AddressInput {
        full_name,
        company,
        line1,
        line2,
        city,
        region,
        postal_code,
        country,
        phone,
        is_default_shipping: is_default_shipping.is_some(),
        is_default_billing: is_default_billing.is_some(),
    };
    let saved = if id.trim().is_empty() {
        ctx.accounts.add_address(&caller.actor, input).await
    } else {
        ctx.accounts
            .update_address(&caller.actor, id.trim(), input)
            .await
    };
    saved.map_err(fail)
}

#[server(prefix = "/api/account", endpoint = "addresses/delete")]
pub async fn delete_address(id: String) -> Result<(), AppError> {
    let (ctx, caller) = crate::request::caller::context_and_caller().await?;
    ctx.accounts
        .delete_address(&caller.actor, &id)
        .await
        .map_err(fail)
}

#[server(prefix = "/api/account", endpoint = "security")]
pub async fn get_security() -> Result<SecurityOverview, AppError> {
    let (ctx, caller) = crate::request::caller::context_and_caller().await?;
    let user = ctx.accounts.summary(&caller.actor).await.map_err(fail)?;
    let current = caller.session_id();
    let sessions = ctx
        .accounts
        .sessions(&caller.actor, current.as_deref())
        .await
        .map_err(fail)?;
    Ok(SecurityOverview {
        two_factor_enabled: user.two_factor_enabled,
        recovery_codes_left: ctx
            .accounts
            .unused_recovery_codes(&caller.actor)
            .await
            .map_err(fail)?,
        sessions,
    })
}

#[server(prefix = "/api/account", endpoint = "password")]
pub async fn change_password(current_password: String, password: String) -> Result<(), AppError> {
    let (ctx, caller) = crate::request::caller::context_and_caller().await?;
    let keep = caller.session_id();
    ctx.accounts
        .change_password(&caller.actor, &current_password, &password, keep.as_deref())
        .await
        .map_err(fail)?;
    crate::request::caller::cycle(&caller.session)
        .await
        .map_err(fail)
}

#[server(prefix = "/api/account", endpoint = "two-factor/begin")]
pub async fn begin_two_factor(current_password: String) -> Result<TwoFactorSetup, AppError> {
    let (ctx, caller) = crate::request::caller::context_and_caller().await?;
    let enrolment = ctx
        .accounts
        .begin_two_factor(&caller.actor, &current_password)
        .await
        .map_err(fail)?;
    Ok(TwoFactorSetup {
        secret: enrolment.secret_base32,
        qr_svg: enrolment.qr_svg,
    })
}

/// Confirms enrolment; returns the 10 recovery codes (shown once).
#[server(prefix = "/api/account", endpoint = "two-factor/confirm")]
pub async fn confirm_two_factor(code: String) -> Result<Vec<String>, AppError> {
    let (ctx, caller) = crate::request::caller::context_and_caller().await?;
    let codes = ctx
        .accounts
        .confirm_two_factor(&caller.actor, &code)
        .await
        .map_err(fail)?;
    crate::request::caller::cycle(&caller.session)
        .await
        .map_err(fail)?;
    Ok(codes.codes)
}

#[server(prefix = "/api/account", endpoint = "two-factor/disable")]
pub async fn disable_two_factor(current_password: String) -> Result<(), AppError> {
    let (ctx, caller) = crate::request::caller::context_and_caller().await?;
    ctx.accounts
        .disable_two_factor(&caller.actor, &current_password)
        .await
        .map_err(fail)?;
    crate::request::caller::cycle(&caller.session)
        .await
        .map_err(fail)
}

#[server(prefix = "/api/account", endpoint = "two-factor/recovery-codes")]
pub async fn regenerate_recovery_codes(current_password: String) -> Result<Vec<String>, AppError> {
    let (ctx, caller) = crate::request::caller::context_and_caller().await?;
    ctx.accounts
        .regenerate_recovery_codes(&caller.actor, &current_password)
        .await
        .map(|c| c.codes)
        .map_err(fail)
}

/// "Sign out everywhere else"; returns how many sessions ended.
#[server(prefix = "/api/account", endpoint = "sessions/revoke-others")]
pub async fn revoke_other_sessions() -> Result<u64, AppError> {
    let (ctx, caller) = crate::request::caller::context_and_caller().await?;
    let keep = caller.session_id().unwrap_or_default();
    ctx.accounts
        .revoke_other_sessions(&caller.actor, &keep)
        .await
        .map_err(fail)
}

#[server(prefix = "/api/account", endpoint = "erase")]
pub async fn erase_account(current_password: String) -> Result<(), AppError> {
    let (ctx, caller) = crate::request::caller::context_and_caller().await?;
    ctx.accounts
        .erase_account(&caller.actor, &current_password)
        .await
        .map_err(fail)?;
    crate::request::caller::sign_out(&caller.session)
        .await
        .map_err(fail)
}
