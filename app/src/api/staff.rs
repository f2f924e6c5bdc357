//! Staff tools that belong to accounts: the customer list (permission
//! `customers`) and granting staff access (admins). The admin dashboard
//! builds on these.
use leptos::prelude::*;
use model::AppError;

use model::accounts::{CustomerPage, CustomerRow, Role};

#[cfg(feature = "ssr")]
use crate::request::errors::fail;

/// Customers, newest first; `q` matches email or name.
#[server(prefix = "/api/staff", endpoint = "customers")]
pub async fn list_customers(
    q: Option<String>,
    page: Option<u64>,
) -> Result<CustomerPage, AppError> {
    let ctx = crate::request::context::ServerContext::current()?;
    let caller = crate::request::caller::caller().await?;
    let page = page.unwrap_or(1).max(1);
    let (rows, total) = ctx
        .accounts
        .list_customers(&caller.actor, q.as_deref().unwrap_or_default(), page)
        .await
        .map_err(fail)?;
    Ok(CustomerPage {
        customers: rows,
        total,
        page,
    })
}

/// Sets a user's role (customer, staff, admin) and, for staff, permissions
/// as a comma-separated list (catalog, orders, customers, promotions,
/// settings, analytics).
#[server(prefix = "/api/staff", endpoint = "access")]
pub async fn set_staff_access(
    user_id: String,
    role: Role,
    permissions: String,
) -> Result<(), AppError> {
    use model::accounts::StaffAccessInput;
    let ctx = crate::request::context::ServerContext::current()?;
    let caller = crate::request::caller::caller().await?;
    caller.actor.require_admin().map_err(fail)?;
    let parsed = domain::accounts::permissions_named([permissions.as_str()]).map_err(fail)?;
    ctx.accounts
        .set_staff_access(
            &caller.actor,
            &user_id,
            StaffAccessInput {
                role,
                permissions: parsed,
            },
        )
        .await
        .map_err(fail)
}

#[server(prefix = "/api/staff", endpoint = "customer", input = leptos::server_fn::codec::GetUrl)]
pub async fn customer_detail(id: String) -> Result<model::accounts::CustomerDetail, AppError> {
    let ctx = crate::request::context::ServerContext::current()?;
    let caller = crate::request::caller::caller().await?;
    ctx.accounts
        .customer_detail(&caller.actor, &id)
        .await
        .map_err(fail)
}

/// `disabled`: "true" signs the customer out everywhere and refuses sign-in.
#[server(prefix = "/api/staff", endpoint = "customer-status")]
pub async fn set_customer_disabled(id: String, disabled: bool) -> Result<(), AppError> {
    let ctx = crate::request::context::ServerContext::current()?;
    let caller = crate::request::caller::caller().await?;
    ctx.accounts
        .set_customer_disabled(&caller.actor, &id, disabled)
        .await
        .map_err(fail)
}

/// Adds store credit to a customer's account (`amount` in major units of
/// the shop's currency); returns the new balance.
#[server(prefix = "/api/staff", endpoint = "store-credit")]
pub async fn grant_store_credit(
    id: String,
    amount: String,
    note: String,
) -> Result<model::Money, AppError> {
    let ctx = crate::request::context::ServerContext::current()?;
    let caller = crate::request::caller::caller().await?;
    let currency = ctx.commerce.currency();
    let minor = model::Money::parse_major(&amount, currency).ok_or_else(|| {
        fail(domain::Error::validation(
            "amount",
            "Enter an amount like 25.00.",
        ))
    })?;
    ctx.gift_cards
        .grant_store_credit(&caller.actor, currency, &id, minor, &note)
        .await
        .map_err(fail)
}

/// Erases a customer's personal data on their request (orders stay, anonymised).
#[server(prefix = "/api/staff", endpoint = "customer-erase")]
pub async fn erase_customer(id: String) -> Result<(), AppError> {
    let ctx = crate::request::context::ServerContext::current()?;
    let caller = crate::request::caller::caller().await?;
    ctx.accounts
        .erase_for_customer(&caller.actor, &id)
        .await
        .map_err(fail)
}

/// Staff and admin accounts (admins only).
#[server(prefix = "/api/staff", endpoint = "members", input = leptos::server_fn::codec::GetUrl)]
pub async fn staff_members() -> Result<Vec<CustomerRow>, AppError> {
    let ctx = crate::request::context::ServerContext::current()?;
    let caller = crate::request::caller::caller().await?;
    ctx.accounts.list_staff(&caller.actor).await.map_err(fail)
}

/// Invites a new staff member by email with these permissions
/// (comma-separated); they choose a password from the emailed link.
#[server(prefix = "/api/staff", endpoint = "invite")]
pub async fn invite_staff(email: String, permissions: Option<Vec<String>>) -> Result<(), AppError> {
    let ctx = crate::request::context::ServerContext::current()?;
    let caller = crate::request::caller::caller().await?;
    caller.actor.require_admin().map_err(fail)?;
    let names = permissions.unwrap_or_default();
    let parsed =
        domain::accounts::permissions_named(names.iter().map(String::as_str)).map_err(fail)?;
    ctx.accounts
        .invite_staff(&caller.actor, &email, &parsed)
        .await
        .map(|_| ())
        .map_err(fail)
}
