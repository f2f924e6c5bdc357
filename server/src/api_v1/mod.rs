//! REST API v1 (`/api/v1`): the store API (public: catalog, carts,
//! checkout, orders by their key, reviews; a signed-in customer's account,
//! orders, cart and wishlist) and the admin API (API tokens with scopes). Handlers are thin — read the request, check the
//! token's scope, call the same domain service the pages use, map errors to
//! problem details — and each declares its route once, in its
//! `#[utoipa::path]`: the router and the OpenAPI document are built from
//! the same list ([`parts`]), so neither can hold a route the other lacks.
mod admin;
mod admin_customers;
mod admin_orders;
mod admin_products;
mod admin_promotions;
mod admin_stock;
mod admin_webhooks;
mod audience;
mod auth;
mod cart_gift_cards;
mod carts;
mod cursor;
mod customer;
mod customer_lists;
pub mod docs;
mod extract;
mod idempotency;
mod orders;
mod problem;
mod shopper;
mod store;
mod types;

use std::sync::OnceLock;

use axum::http::{header, HeaderValue};
use axum::response::{IntoResponse, Response};
use axum::Router;
use utoipa::openapi::security::{HttpAuthScheme, HttpBuilder, SecurityScheme};
use utoipa::openapi::OpenApi as Document;
use utoipa::{Modify, OpenApi};
use utoipa_axum::{router::OpenApiRouter, routes};

pub use problem::Problem;

use crate::http::AppState;

#[derive(OpenApi)]
#[openapi(
    info(
        title = "Mercato API",
        version = "1",
        description = "The store API (public: catalog, search) and the admin API (an API token \
                       with scopes, made by an admin in the dashboard). JSON in snake_case; money as \
                       `{amount_minor, currency}`; lists are paged with an opaque cursor in `next`; \
                       errors are RFC 9457 problem details with a stable `code`."
    ),
    tags(
        (name = "store", description = "The catalog, carts and checkout as shoppers see them. No token needed."),
        (name = "customer", description = "A signed-in customer's account, orders, reviews and wishlist: sign in with `customer_sign_in` and send the answered bearer."),
        (name = "admin", description = "Back-office reads and changes. An API token with the scope each operation names."),
        (name = "meta", description = "About the API itself."),
    ),
    modifiers(&TokenScheme)
)]
struct Doc;

/// Declares the bearers the operations name in `security`: the admin
/// API's token and a customer's sign-in.
struct TokenScheme;

impl Modify for TokenScheme {
    fn modify(&self, doc: &mut Document) {
        let scheme = HttpBuilder::new()
            .scheme(HttpAuthScheme::Bearer)
            .description(Some(
                "An API token (`mct_…`): Admin → API tokens. Scopes are `area:read` or `area:write`.",
            ))
            .build();
        doc.components
            .get_or_insert_with(Default::default)
            .add_security_scheme("token", SecurityScheme::Http(scheme));
        let customer = HttpBuilder::new()
            .scheme(HttpAuthScheme::Bearer)
            .description(Some(
                "A customer's sign-in (`mcs_…`), answered by `POST /api/v1/customer/session`.",
            ))
            .build();
        doc.components
            .get_or_insert_with(Default::default)
            .add_security_scheme("customer", SecurityScheme::Http(customer));
    }
}

/// The public catalog reads, which the page cache keeps like an anonymous
/// shopper's pages (keyed by URL, compressed once, evicted by the change
/// feed); carts, orders and the admin API never are.
pub fn is_shared_read(path: &str) -> bool {
    ["/api/v1/products", "/api/v1/categories", "/api/v1/search/"]
        .iter()
        .any(|p| path.starts_with(p))
}

/// The v1 routes and the document that describes exactly them.
pub fn parts() -> (Router<AppState>, Document) {
    OpenApiRouter::with_openapi(Doc::openapi())
        .routes(routes!(store::list_products))
        .routes(routes!(store::product))
        .routes(routes!(store::categories))
        .routes(routes!(store::suggestions))
        .routes(routes!(carts::create))
        .routes(routes!(carts::get))
        .routes(routes!(carts::add_line))
        .routes(routes!(carts::set_line, carts::remove_line))
        .routes(routes!(carts::quote))
        .routes(routes!(cart_gift_cards::apply))
        .routes(routes!(cart_gift_cards::remove))
        .routes(routes!(carts::place))
        .routes(routes!(orders::order))
        .routes(routes!(customer_lists::reviews))
        .routes(routes!(customer_lists::write_review))
        .routes(routes!(customer::sign_in, customer::sign_out))
        .routes(routes!(customer::me))
        .routes(routes!(customer::orders))
        .routes(routes!(customer::order))
        .routes(routes!(customer_lists::wishlist, customer_lists::save))
        .routes(routes!(customer_lists::remove))
        .routes(routes!(admin::products, admin_products::create))
        .routes(routes!(
            admin_products::get,
            admin_products::replace,
            admin_products::archive
        ))
        .routes(routes!(admin::adjust_stock))
        .routes(routes!(admin_stock::get))
        .routes(routes!(admin_customers::list))
        .routes(routes!(admin_customers::get, admin_customers::change))
        .routes(routes!(admin_promotions::list))
        .routes(routes!(admin_promotions::put, admin_promotions::delete))
        .routes(routes!(admin_orders::list))
        .routes(routes!(admin_orders::get))
        .routes(routes!(admin_orders::ship))
        .routes(routes!(admin_orders::cancel))
        .routes(routes!(admin_orders::refund))
        .routes(routes!(admin_webhooks::list, admin_webhooks::create))
        .routes(routes!(
            admin_webhooks::get,
            admin_webhooks::update,
            admin_webhooks::delete
        ))
        .routes(routes!(admin_webhooks::deliveries))
        .routes(routes!(admin_webhooks::redeliver))
        .routes(routes!(openapi_json))
        .split_for_parts()
}

/// The document, as served: built once.
pub fn document() -> &'static Document {
    static DOC: OnceLock<Document> = OnceLock::new();
    DOC.get_or_init(|| parts().1)
}

/// The router for `/api/v1`; `state` for the `Idempotency-Key` store.
pub fn router(state: AppState) -> Router<AppState> {
    // Layers added later run first: the scope, then the key.
    parts()
        .0
        .route_layer(axum::middleware::from_fn_with_state(
            state.clone(),
            idempotency::once,
        ))
        .route_layer(axum::middleware::from_fn_with_state(
            state,
            auth::scope_first,
        ))
}

/// This document (OpenAPI 3.1), for client generators and the docs page.
#[utoipa::path(
    get,
    path = "/api/v1/openapi.json",
    operation_id = "openapi_document",
    tag = "meta",
    responses((status = 200, description = "The OpenAPI document", content_type = "application/json"))
)]
async fn openapi_json() -> Response {
    static JSON: OnceLock<String> = OnceLock::new();
    let json = JSON.get_or_init(|| document().to_json().unwrap_or_else(|_| "{}".to_owned()));
    (
        [
            (
                header::CONTENT_TYPE,
                HeaderValue::from_static("application/json"),
            ),
            (
                header::CACHE_CONTROL,
                HeaderValue::from_static("public, max-age=300"),
            ),
        ],
        json.as_str(),
    )
        .into_response()
}
