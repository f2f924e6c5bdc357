//! Staff tools that belong to accounts: the customer list (permission
//! `customers`) and granting staff access (admins). The admin dashboard
//! builds on these.
use leptos::prelude::*;

use super::account_types::CustomerPage;

#[cfg(feature = "ssr")]
use super::errors::to_server_fn_error as fail;

#[server(prefix = "/api/staff", endpoint = "customers")]
pub async fn list_customers(page: Option<u64>) -> Result<CustomerPage, ServerFnError> {
    let ctx = super::context::ServerContext::current()?;
    let caller = super::auth::caller().await?;
    let page = page.unwrap_or(1).max(1);
    let (rows, total) = ctx
        .accounts
        .list_customers(&caller.actor, page)
        .await
        .map_err(fail)?;
    Ok(CustomerPage {
        customers: rows.into_iter().map(Into::into).collect(),
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
    role: String,
    permissions: String,
) -> Result<(), ServerFnError> {
    use domain::accounts::{Permission, Role, StaffAccessInput};
    let ctx = super::context::ServerContext::current()?;
    let caller = super::auth::caller().await?;
    caller.actor.require_admin().map_err(fail)?;
    let role = Role::parse(role.trim()).map_err(fail)?;
    let mut parsed = Vec::new();
    for name in permissions
        .split(',')
        .map(str::trim)
        .filter(|s| !s.is_empty())
    {
        parsed.push(Permission::parse(name).ok_or_else(|| {
            fail(domain::Error::validation(
                "permissions",
                format!("Unknown permission {name:?}."),
            ))
        })?);
    }
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
