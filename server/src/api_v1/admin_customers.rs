//! The admin API's customers (scope `customers:read`, `customers:write`):
//! the staff customer list, one customer with addresses and orders, and
//! disabling or enabling an account — the staff services, so erased
//! accounts never appear and staff accounts are not changed here.
use axum::extract::State;
use axum::http::HeaderMap;
use axum::response::{IntoResponse, Response};
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};

use domain::api_tokens::Access;
use model::accounts::CustomerRow;
use model::Permission;

use super::auth::Token;
use super::cursor;
use super::extract::{read, Json, Path, Query};
use super::problem::{Problem, ProblemBody};
use super::types::{rfc3339, Money};
use crate::http::AppState;

/// Customers per page, as the staff list shows them.
const PER_PAGE: u64 = 50;

#[derive(Debug, Default, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct CustomersQuery {
    /// Email or name contains.
    q: Option<String>,
    /// From the previous page's `next`.
    cursor: Option<String>,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct Customer {
    /// The account's public id.
    pub id: String,
    pub email: String,
    pub name: String,
    /// `customer`, `staff` or `admin`.
    pub role: String,
    pub email_verified: bool,
    pub disabled: bool,
    /// RFC 3339.
    pub created_at: String,
}

impl From<CustomerRow> for Customer {
    fn from(c: CustomerRow) -> Self {
        Self {
            id: c.id,
            email: c.email,
            name: c.name,
            role: c.role.as_str().to_owned(),
            email_verified: c.email_verified,
            disabled: c.disabled,
            created_at: rfc3339(c.created_at),
        }
    }
}

#[derive(Debug, Serialize, ToSchema)]
pub struct CustomerList {
    pub data: Vec<Customer>,
    pub total: u64,
    pub next: Option<String>,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct CustomerAddress {
    pub full_name: String,
    pub company: String,
    pub line1: String,
    pub line2: String,
    pub city: String,
    pub region: String,
    pub postal_code: String,
    /// ISO 3166-1 alpha-2.
    pub country: String,
    pub phone: String,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct CustomerOrderRow {
    pub number: String,
    pub status: String,
    pub placed_at: String,
    pub total: Money,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct CustomerDetail {
    pub customer: Customer,
    pub phone: String,
    pub marketing_opt_in: bool,
    pub addresses: Vec<CustomerAddress>,
    pub orders: Vec<CustomerOrderRow>,
}

/// Accounts, newest first.
#[utoipa::path(
    get,
    path = "/api/v1/admin/customers",
    operation_id = "admin_list_customers",
    tag = "admin",
    params(CustomersQuery),
    security(("token" = ["customers:read"])),
    responses(
        (status = 200, description = "A page of accounts", body = CustomerList),
        (status = 401, description = "No valid API token", body = ProblemBody, content_type = "application/problem+json"),
        (status = 403, description = "The token lacks the scope", body = ProblemBody, content_type = "application/problem+json"),
        (status = 422, description = "A cursor this API did not give", body = ProblemBody, content_type = "application/problem+json"),
    )
)]
pub async fn list(
    State(state): State<AppState>,
    headers: HeaderMap,
    token: Token,
    Query(q): Query<CustomersQuery>,
) -> Result<Response, Problem> {
    let actor = token.need(Permission::Customers, Access::Read)?;
    let page = cursor::decode(q.cursor.as_deref())?;
    let text = q.q.clone().unwrap_or_default();
    let (rows, total) = state
        .ctx
        .accounts
        .list_customers(actor, &text, page)
        .await?;
    let pages = total.div_ceil(PER_PAGE);
    let next =
        (page < pages).then(|| cursor::next_link("/api/v1/admin/customers", &[("q", text)], page));
    let body = CustomerList {
        data: rows.into_iter().map(Customer::from).collect(),
        total,
        next,
    };
    Ok(read(&headers, &body, false))
}

/// One account with its addresses and orders.
#[utoipa::path(
    get,
    path = "/api/v1/admin/customers/{id}",
    operation_id = "admin_get_customer",
    tag = "admin",
    params(("id" = String, Path, description = "The account's public id")),
    security(("token" = ["customers:read"])),
    responses(
        (status = 200, description = "The account", body = CustomerDetail),
        (status = 401, description = "No valid API token", body = ProblemBody, content_type = "application/problem+json"),
        (status = 403, description = "The token lacks the scope", body = ProblemBody, content_type = "application/problem+json"),
        (status = 404, description = "No account has that id", body = ProblemBody, content_type = "application/problem+json"),
    )
)]
pub async fn get(
    State(state): State<AppState>,
    headers: HeaderMap,
    token: Token,
    Path(id): Path<String>,
) -> Result<Response, Problem> {
    let actor = token.need(Permission::Customers, Access::Read)?;
    Ok(read(&headers, &detail(&state, actor, &id).await?, false))
}

async fn detail(
    state: &AppState,
    actor: &domain::accounts::Actor,
    id: &str,
) -> Result<CustomerDetail, Problem> {
    let d = state.ctx.accounts.customer_detail(actor, id).await?;
    Ok(CustomerDetail {
        customer: d.customer.into(),
        phone: d.phone,
        marketing_opt_in: d.marketing_opt_in,
        addresses: d
            .addresses
            .into_iter()
            .map(|a| CustomerAddress {
                full_name: a.full_name,
                company: a.company,
                line1: a.line1,
                line2: a.line2,
                city: a.city,
                region: a.region,
                postal_code: a.postal_code,
                country: a.country,
                phone: a.phone,
            })
            .collect(),
        orders: d
            .orders
            .into_iter()
            .map(|o| CustomerOrderRow {
                number: o.number,
                status: o.status.as_str().to_owned(),
                placed_at: rfc3339(o.placed_at),
                total: o.total.into(),
            })
            .collect(),
    })
}

#[derive(Debug, Deserialize, ToSchema)]
pub struct CustomerChange {
    /// `true` signs the customer out everywhere (their API sign-ins too)
    /// and refuses sign-in; `false` lets them in again.
    pub disabled: bool,
}

/// Disables or enables a customer account (scope `customers:write`).
/// Staff accounts are not changed here. Audited with the token's name.
#[utoipa::path(
    patch,
    path = "/api/v1/admin/customers/{id}",
    operation_id = "admin_change_customer",
    tag = "admin",
    params(
        ("id" = String, Path, description = "The account's public id"),
        ("Idempotency-Key" = Option<String>, Header, description = "Any unique string: a retry with the same key and body is answered as the first"),
    ),
    request_body = CustomerChange,
    security(("token" = ["customers:write"])),
    responses(
        (status = 200, description = "The account as it is now", body = CustomerDetail),
        (status = 400, description = "The body could not be read", body = ProblemBody, content_type = "application/problem+json"),
        (status = 401, description = "No valid API token", body = ProblemBody, content_type = "application/problem+json"),
        (status = 403, description = "The token lacks the scope", body = ProblemBody, content_type = "application/problem+json"),
        (status = 404, description = "No customer account has that id", body = ProblemBody, content_type = "application/problem+json"),
    )
)]
pub async fn change(
    State(state): State<AppState>,
    token: Token,
    Path(id): Path<String>,
    Json(change): Json<CustomerChange>,
) -> Result<Response, Problem> {
    let actor = token.need(Permission::Customers, Access::Write)?;
    let id = domain::bounds::text(&id, domain::bounds::MAX_VALUE_CHARS);
    state
        .ctx
        .accounts
        .set_customer_disabled(actor, &id, change.disabled)
        .await?;
    Ok(axum::Json(detail(&state, actor, &id).await?).into_response())
}
