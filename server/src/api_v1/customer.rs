//! The store API for a signed-in customer: signing in and out, the
//! account, and its orders. Signing in answers a bearer (`mcs_…`) that
//! works like a browser's session cookie for these operations and for the
//! cart `me` (`/api/v1/carts/me/…`); see [`super::shopper`].
use axum::extract::State;
use axum::http::{header, HeaderMap, StatusCode};
use axum::response::{IntoResponse, Response};
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};

use app::request::caller::{session_error, user_agent_of};
use domain::accounts::LoginOutcome;
use model::commerce::OrderSummary;

use super::audience::Reader;
use super::cursor;
use super::extract::{read, Json, Path, Query};
use super::orders::Order;
use super::problem::{Problem, ProblemBody};
use super::shopper::{self, Shopper};
use super::types::{rfc3339, Money};
use crate::http::AppState;

#[derive(Debug, Deserialize, ToSchema)]
pub struct SignIn {
    pub email: String,
    pub password: String,
    /// The authenticator's 6-digit code, or a recovery code, when the
    /// account has two-factor sign-in (asked for with
    /// `auth.second_factor_required`).
    pub code: Option<String>,
    /// A guest cart (`/api/v1/carts/{id}`) to join the customer's cart.
    pub cart_id: Option<String>,
}

/// The customer as they see their account.
#[derive(Debug, Serialize, ToSchema)]
pub struct Customer {
    pub id: String,
    pub email: String,
    pub name: String,
    pub email_verified: bool,
    pub two_factor_enabled: bool,
}

impl From<&domain::accounts::UserSummary> for Customer {
    fn from(u: &domain::accounts::UserSummary) -> Self {
        Self {
            id: u.public_id.clone(),
            email: u.email.clone(),
            name: u.name.clone(),
            email_verified: u.email_verified,
            two_factor_enabled: u.two_factor_enabled,
        }
    }
}

#[derive(Debug, Serialize, ToSchema)]
pub struct SignedIn {
    /// Send as `Authorization: Bearer <token>`. Keep it as secret as a
    /// password: it is the customer's sign-in.
    pub token: String,
    pub customer: Customer,
}

/// Signs a customer in (email, password, and the second factor when the
/// account has one). Limited per address like the shop's sign-in form;
/// wrong passwords also lock the account for a while.
#[utoipa::path(
    post,
    path = "/api/v1/customer/session",
    operation_id = "customer_sign_in",
    tag = "customer",
    request_body = SignIn,
    responses(
        (status = 201, description = "Signed in", body = SignedIn),
        (status = 400, description = "The body could not be read", body = ProblemBody, content_type = "application/problem+json"),
        (status = 401, description = "Wrong email or password (`auth.invalid_credentials`), or the account needs its second factor (`auth.second_factor_required`)", body = ProblemBody, content_type = "application/problem+json"),
        (status = 409, description = "The account is disabled", body = ProblemBody, content_type = "application/problem+json"),
        (status = 422, description = "The second factor was wrong", body = ProblemBody, content_type = "application/problem+json"),
        (status = 429, description = "Too many tries", body = ProblemBody, content_type = "application/problem+json"),
    )
)]
pub async fn sign_in(
    State(state): State<AppState>,
    headers: HeaderMap,
    Json(body): Json<SignIn>,
) -> Result<Response, Problem> {
    let accounts = &state.ctx.accounts;
    let user_id = match accounts.login(&body.email, &body.password).await? {
        LoginOutcome::SignedIn { user_id } => user_id,
        LoginOutcome::SecondFactor { user_id } => {
            let code = body
                .code
                .as_deref()
                .map(str::trim)
                .filter(|c| !c.is_empty())
                .ok_or_else(|| {
                    Problem::new(
                        "auth.second_factor_required",
                        401,
                        "This account signs in with a second factor: send `code` too.",
                    )
                })?;
            accounts.complete_second_factor(user_id, code).await?
        }
    };
    if let Some(cart) = body.cart_id.as_deref().map(str::trim) {
        if !cart.is_empty() && cart.len() <= 64 {
            state.ctx.commerce.carts().merge(cart, user_id).await?;
        }
    }
    let mut agent = user_agent_of(&headers);
    if agent.is_empty() {
        agent = "API client".to_owned();
    }
    let session = shopper::new_session(&state);
    app::request::caller::mark_signed_in(&session, user_id, agent).await?;
    session.save().await.map_err(session_error)?;
    let token = shopper::secret_of(&session)
        .ok_or_else(|| domain::Error::internal("session saved without an id"))?;
    let (_, user) = accounts.actor(Some(user_id)).await?;
    let user = user.ok_or(domain::Error::Unauthenticated)?;
    let body = SignedIn {
        token,
        customer: Customer::from(&user),
    };
    let mut res = (StatusCode::CREATED, axum::Json(body)).into_response();
    res.headers_mut().insert(
        header::CACHE_CONTROL,
        header::HeaderValue::from_static("no-store"),
    );
    Ok(res)
}

/// Signs this bearer out; the customer's other sign-ins stay.
#[utoipa::path(
    delete,
    path = "/api/v1/customer/session",
    operation_id = "customer_sign_out",
    tag = "customer",
    security(("customer" = [])),
    responses(
        (status = 204, description = "Signed out: the bearer works no more"),
        (status = 401, description = "Not signed in", body = ProblemBody, content_type = "application/problem+json"),
    )
)]
pub async fn sign_out(shopper: Shopper) -> Result<Response, Problem> {
    shopper.session.delete().await.map_err(session_error)?;
    Ok(StatusCode::NO_CONTENT.into_response())
}

/// The signed-in customer.
#[utoipa::path(
    get,
    path = "/api/v1/customer",
    operation_id = "get_customer",
    tag = "customer",
    security(("customer" = [])),
    responses(
        (status = 200, description = "The customer", body = Customer),
        (status = 401, description = "Not signed in", body = ProblemBody, content_type = "application/problem+json"),
    )
)]
pub async fn me(headers: HeaderMap, shopper: Shopper) -> Result<Response, Problem> {
    Ok(read(&headers, &Customer::from(&shopper.user), false))
}

#[derive(Debug, Default, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct OrdersQuery {
    /// From the previous page's `next`.
    cursor: Option<String>,
}

/// One of the customer's orders, as their list shows it.
#[derive(Debug, Serialize, ToSchema)]
pub struct OrderRow {
    pub number: String,
    /// `pending_payment`, `paid`, `shipped`, `delivered`, `cancelled`, …
    pub status: String,
    /// RFC 3339.
    pub placed_at: String,
    pub item_count: i64,
    pub total: Money,
}

impl From<OrderSummary> for OrderRow {
    fn from(o: OrderSummary) -> Self {
        Self {
            number: o.number,
            status: o.status.as_str().to_owned(),
            placed_at: rfc3339(o.placed_at),
            item_count: o.item_count,
            total: o.total.into(),
        }
    }
}

#[derive(Debug, Serialize, ToSchema)]
pub struct OrderList {
    pub data: Vec<OrderRow>,
    pub next: Option<String>,
}

/// The customer's orders, newest first (placed in the shop or through the
/// cart `me`).
#[utoipa::path(
    get,
    path = "/api/v1/customer/orders",
    operation_id = "list_customer_orders",
    tag = "customer",
    params(OrdersQuery),
    security(("customer" = [])),
    responses(
        (status = 200, description = "A page of orders", body = OrderList),
        (status = 401, description = "Not signed in", body = ProblemBody, content_type = "application/problem+json"),
        (status = 422, description = "The cursor is not one this list gave out", body = ProblemBody, content_type = "application/problem+json"),
    )
)]
pub async fn orders(
    State(state): State<AppState>,
    headers: HeaderMap,
    shopper: Shopper,
    Query(q): Query<OrdersQuery>,
) -> Result<Response, Problem> {
    let page = cursor::decode(q.cursor.as_deref())?;
    let found = state.ctx.orders.history(&shopper.actor, page).await?;
    let next = (found.page < found.pages)
        .then(|| cursor::next_link("/api/v1/customer/orders", &[], found.page));
    let body = OrderList {
        data: found.orders.into_iter().map(Into::into).collect(),
        next,
    };
    Ok(read(&headers, &body, false))
}

/// One of the customer's orders, by its number.
#[utoipa::path(
    get,
    path = "/api/v1/customer/orders/{number}",
    operation_id = "get_customer_order",
    tag = "customer",
    params(("number" = String, Path, description = "The order number")),
    security(("customer" = [])),
    responses(
        (status = 200, description = "The order", body = Order),
        (status = 401, description = "Not signed in", body = ProblemBody, content_type = "application/problem+json"),
        (status = 404, description = "The customer has no order with that number", body = ProblemBody, content_type = "application/problem+json"),
    )
)]
pub async fn order(
    State(state): State<AppState>,
    headers: HeaderMap,
    shopper: Shopper,
    Path(number): Path<String>,
) -> Result<Response, Problem> {
    let number = domain::bounds::text(&number, domain::bounds::MAX_VALUE_CHARS);
    let view = state.ctx.orders.detail(&shopper.actor, &number).await?;
    let words = Reader::of(&state, &headers, None)?.words(&state);
    Ok(read(&headers, &Order::from(view).in_words(&words), false))
}
