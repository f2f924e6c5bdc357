//! The axum router: Leptos pages and server functions, health probes,
//! static files, and the layers every response passes through.
mod account_export;
mod catalog_files;
mod csrf;
mod health;
mod layers;
pub mod rate_limit;
mod render_retry;
mod server_fn_status;
mod static_files;
mod stripe_webhook;

use axum::{
    extract::{DefaultBodyLimit, FromRef},
    routing::{get, post},
    Router,
};
use leptos::prelude::*;
use leptos_axum::{generate_route_list, LeptosRoutes};
use sea_orm::DatabaseConnection;
use tower_http::limit::RequestBodyLimitLayer;

use app::api::context::ServerContext;
use app::{shell, App};

#[derive(Clone, FromRef)]
pub struct AppState {
    pub leptos_options: LeptosOptions,
    pub db: DatabaseConnection,
    pub ctx: ServerContext,
    pub stripe: Option<std::sync::Arc<domain::payments::StripeGateway>>,
    pub imports: catalog_files::ImportJobs,
}

/// What the outer layers need besides the state.
pub struct Security {
    pub https: bool,
    pub sessions: tower_sessions::SessionManagerLayer<crate::sessions::DbSessionStore>,
    pub auth_limiter: rate_limit::AuthLimiter,
}

/// A route's body limit: the domain's file limit plus room for framing, so
/// the domain gets to say "too large" in its own words near the edge.
fn upload_limit(bytes: usize) -> DefaultBodyLimit {
    DefaultBodyLimit::max(bytes + 4096)
}

pub fn router(state: AppState, uploads_dir: std::path::PathBuf, security: Security) -> Router {
    let ctx = state.ctx.clone();
    let routes = generate_route_list(App);
    let options = state.leptos_options.clone();
    let page_ctx = ctx.clone();
    let fallback_ctx = ctx;

    let pages = Router::new()
        .leptos_routes_with_context(
            &state,
            routes,
            move || provide_context(page_ctx.clone()),
            move || shell(options.clone()),
        )
        .fallback(leptos_axum::file_and_error_handler_with_context::<
            AppState,
            _,
        >(
            move || provide_context(fallback_ctx.clone()), shell
        ))
        .layer(render_retry::RetryHungRenders);

    let site_root = std::path::PathBuf::from(state.leptos_options.site_root.as_ref());
    let pkg_dir = site_root.join(state.leptos_options.site_pkg_dir.as_ref());

    let router = Router::new()
        .route("/healthz", get(health::healthz))
        .route("/readyz", get(health::readyz))
        .nest_service(
            "/pkg",
            static_files::bundle(&pkg_dir, state.leptos_options.hash_files),
        )
        .nest_service("/uploads", static_files::uploads(&uploads_dir))
        .route("/account/export", post(account_export::export))
        .route(
            "/admin/customers/{id}/export",
            post(account_export::staff_export),
        )
        .route("/webhooks/stripe", post(stripe_webhook::receive))
        .merge(pages)
        .layer(RequestBodyLimitLayer::new(layers::MAX_BODY_BYTES))
        // Added after the general limit, with their own.
        .route("/admin/products.csv", get(catalog_files::export))
        .route(
            "/admin/products/import",
            post(catalog_files::import).layer(upload_limit(domain::catalog::MAX_IMPORT_BYTES)),
        )
        .route(
            "/admin/products/import/{job}",
            get(catalog_files::import_status),
        )
        .route(
            "/admin/products/{slug}/images",
            post(catalog_files::upload_image)
                .layer(upload_limit(domain::catalog::MAX_UPLOAD_BYTES)),
        )
        .with_state(state)
        .layer(axum::middleware::map_response(
            server_fn_status::client_errors_are_4xx,
        ))
        .layer(security.sessions)
        .layer(axum::middleware::from_fn_with_state(
            security.auth_limiter,
            rate_limit::limit_auth,
        ))
        .layer(axum::middleware::from_fn(csrf::same_origin_only));
    layers::Layers::apply(router, security.https)
}
