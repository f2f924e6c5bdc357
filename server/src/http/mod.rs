//! The axum router: Leptos pages and server functions, health probes,
//! static files, and the layers every response passes through.
mod account_export;
mod account_locale;
mod cart_restore;
pub mod catalog_files;
pub mod client_ip;
mod csrf;
mod currency_choice;
pub mod fast_lane;
mod health;
pub mod layers;
mod metrics;
mod oidc;
mod page_shell;
mod page_zstd;
pub mod rate_limit;
mod render_gate;
mod render_retry;
mod review_photos;
mod server_fn_status;
mod static_files;
mod stripe_webhook;

use axum::{
    extract::{DefaultBodyLimit, FromRef},
    http::Method,
    routing::{get, post, MethodRouter},
    Router,
};
use leptos::prelude::*;
use leptos_axum::{generate_route_list, LeptosRoutes};
use sea_orm::DatabaseConnection;
use tower_http::limit::RequestBodyLimitLayer;

use crate::api_v1::docs as api_docs;
use app::request::context::ServerContext;
use app::{shell, App};

/// What every handler shares, behind one `Arc`: axum clones a route's
/// handler, with its state, for every request, and a field-by-field clone
/// (the Leptos options alone are a dozen shared strings) showed in a
/// signed-in page's profile.
#[derive(Clone)]
pub struct AppState(std::sync::Arc<Shared>);

pub struct Shared {
    pub leptos_options: LeptosOptions,
    /// The browsers' session store, which also holds the store API's
    /// customer sign-ins (`api_v1::shopper`).
    pub sessions: std::sync::Arc<crate::sessions::DbSessionStore>,
    pub db: DatabaseConnection,
    pub ctx: ServerContext,
    pub stripe: Option<std::sync::Arc<domain::payments::StripeGateway>>,
    pub imports: catalog_files::ImportJobs,
    /// Anonymous shoppers' rendered pages (None: turned off).
    pub pages: Option<fast_lane::PageCache>,
    pub metrics: crate::metrics::Metrics,
}

impl AppState {
    pub fn new(shared: Shared) -> Self {
        Self(std::sync::Arc::new(shared))
    }
}

impl std::ops::Deref for AppState {
    type Target = Shared;

    fn deref(&self) -> &Shared {
        &self.0
    }
}

/// The parts handlers extract on their own (`State<DatabaseConnection>` …).
macro_rules! part_of_state {
    ($($field:ident: $ty:ty),* $(,)?) => {$(
        impl FromRef<AppState> for $ty {
            fn from_ref(state: &AppState) -> Self {
                state.$field.clone()
            }
        }
    )*};
}

part_of_state!(
    leptos_options: LeptosOptions,
    db: DatabaseConnection,
    ctx: ServerContext,
    imports: catalog_files::ImportJobs,
    metrics: crate::metrics::Metrics,
    pages: Option<fast_lane::PageCache>,
);

/// What the outer layers need besides the state.
pub struct Security {
    /// Security headers on every answer (`layers::baseline`).
    pub baseline: axum::http::HeaderMap,
    pub sessions: tower_sessions::SessionManagerLayer<crate::sessions::DbSessionStore>,
    pub limiter: rate_limit::Limiter,
}

/// A route's body limit: the domain's file limit plus room for framing, so
/// the domain gets to say "too large" in its own words near the edge.
fn upload_limit(bytes: usize) -> DefaultBodyLimit {
    DefaultBodyLimit::max(bytes + 4096)
}

/// Where a plain route sits among the layers.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Group {
    /// Under the general 2 MB body limit.
    General,
    /// Catalog files: their own (larger) body limits, and the catalog
    /// permission checked before any of the body is read.
    CatalogFiles,
    /// Shoppers' uploads: the image limit instead of the general one; the
    /// domain decides who may upload what.
    Uploads,
}

/// One axum route that is neither a page nor a server function.
pub struct PlainRoute {
    pub method: Method,
    pub path: &'static str,
    pub group: Group,
    handler: fn() -> MethodRouter<AppState>,
}

/// Every plain route, in one table: the router is built from it, and the
/// hostile-input test walks it (with the page routes and the registered
/// server functions), so a route added here is attacked there too.
pub fn plain_routes() -> Vec<PlainRoute> {
    use Group::*;
    let route = |method, path, group, handler| PlainRoute {
        method,
        path,
        group,
        handler,
    };
    vec![
        route(Method::GET, "/healthz", General, || get(health::healthz)),
        route(Method::GET, "/readyz", General, || get(health::readyz)),
        route(Method::GET, "/metrics", General, || get(metrics::metrics)),
        route(Method::GET, "/api/docs", General, || get(api_docs::index)),
        route(
            Method::GET,
            "/api/docs/swagger-ui-bundle.js",
            General,
            || get(api_docs::bundle),
        ),
        route(Method::GET, "/api/docs/swagger-ui.css", General, || {
            get(api_docs::style)
        }),
        route(Method::GET, "/api/docs/init.js", General, || {
            get(api_docs::init)
        }),
        route(Method::POST, "/account/export", General, || {
            post(account_export::export)
        }),
        route(
            Method::POST,
            "/admin/customers/{id}/export",
            General,
            || post(account_export::staff_export),
        ),
        route(Method::GET, "/cart/restore", General, || {
            get(cart_restore::restore)
        }),
        route(Method::GET, "/currency/{code}", General, || {
            get(currency_choice::choose)
        }),
        route(Method::GET, "/auth/oidc/{provider}", General, || {
            get(oidc::start)
        }),
        route(
            Method::GET,
            "/auth/oidc/{provider}/callback",
            General,
            || get(oidc::callback),
        ),
        route(Method::POST, "/privacy/confirm", General, || {
            post(account_export::guest_confirm)
        }),
        route(Method::POST, "/webhooks/stripe", General, || {
            post(stripe_webhook::receive)
        }),
        route(Method::GET, "/admin/products.csv", CatalogFiles, || {
            get(catalog_files::export)
        }),
        route(Method::POST, "/admin/products/import", CatalogFiles, || {
            post(catalog_files::import).layer(upload_limit(domain::catalog::MAX_IMPORT_BYTES))
        }),
        route(
            Method::GET,
            "/admin/products/import/{job}",
            CatalogFiles,
            || get(catalog_files::import_status),
        ),
        route(
            Method::POST,
            "/admin/products/{slug}/images",
            CatalogFiles,
            || {
                post(catalog_files::upload_image)
                    .layer(upload_limit(domain::catalog::MAX_UPLOAD_BYTES))
            },
        ),
        route(Method::POST, "/reviews/{slug}/photos", Uploads, || {
            post(review_photos::upload).layer(upload_limit(domain::catalog::MAX_UPLOAD_BYTES))
        }),
    ]
}

/// The static folders, served as files.
pub const STATIC_PREFIXES: [&str; 2] = ["/pkg", "/uploads"];

fn plain(group: Group) -> Router<AppState> {
    plain_routes()
        .into_iter()
        .filter(|r| r.group == group)
        .fold(Router::new(), |router, r| {
            router.route(r.path, (r.handler)())
        })
}

/// Every page again under each locale's prefix (`/de/…`): the app's router
/// matches below the prefix, so one handler serves them all.
fn localized_pages(
    state: &AppState,
    page_context: impl Fn() + Clone + Send + Sync + 'static,
    options: leptos::config::LeptosOptions,
) -> Router<AppState> {
    let state = state.clone();
    let context = move || {
        provide_context(state.clone());
        provide_context(leptos_router::Method::Get);
        page_context();
    };
    let handler =
        leptos_axum::render_app_async_with_context(context, move || shell(options.clone()));
    model::Locale::ALL
        .iter()
        .fold(Router::new(), |router, locale| {
            let prefix = locale.prefix();
            router
                .route(prefix, get(handler.clone()))
                .route(&format!("{prefix}/{{*page}}"), get(handler.clone()))
        })
}

pub fn router(
    state: AppState,
    uploads_dir: std::path::PathBuf,
    security: Security,
    lane: fast_lane::FastLane,
) -> Router {
    let ctx = state.ctx.clone();
    let metrics = state.metrics.clone();
    let routes = generate_route_list(App);
    let options = state.leptos_options.clone();
    let page_ctx = ctx.clone();
    let ctx_for_files = ctx.clone();
    let shell_ctx = ctx.clone();
    let fallback_ctx = ctx;

    let page_context = move || provide_context(page_ctx.clone());
    let prefixed = localized_pages(&state, page_context.clone(), options.clone());
    let pages = Router::new()
        .leptos_routes_with_context(&state, routes, page_context, move || shell(options.clone()))
        .merge(prefixed)
        .fallback(leptos_axum::file_and_error_handler_with_context::<
            AppState,
            _,
        >(
            move || provide_context(fallback_ctx.clone()), shell
        ))
        .layer(render_retry::RetryHungRenders::default())
        .layer(axum::middleware::from_fn_with_state(
            shell_ctx,
            page_shell::read,
        ))
        .layer(axum::middleware::from_fn(account_locale::read));

    let site_root = std::path::PathBuf::from(state.leptos_options.site_root.as_ref());
    let pkg_dir = site_root.join(state.leptos_options.site_pkg_dir.as_ref());

    let catalog_files = plain(Group::CatalogFiles).route_layer(
        axum::middleware::from_fn_with_state(ctx_for_files, catalog_files::catalog_staff_only),
    );
    let files = Router::new()
        .nest_service(
            STATIC_PREFIXES[0],
            static_files::bundle(&pkg_dir, state.leptos_options.hash_files),
        )
        .nest_service(STATIC_PREFIXES[1], static_files::uploads(&uploads_dir))
        .layer(axum::middleware::from_fn(static_files::plausible_names));
    let router = plain(Group::General)
        .merge(crate::api_v1::router(state.clone()))
        .merge(files)
        .merge(pages)
        .layer(RequestBodyLimitLayer::new(layers::MAX_BODY_BYTES))
        // Added after the general limit, with their own.
        .merge(catalog_files)
        .merge(plain(Group::Uploads))
        .route_layer(axum::middleware::from_fn(metrics::name_route))
        .with_state(state)
        .layer(axum::middleware::map_response(
            server_fn_status::client_errors_are_4xx,
        ))
        .layer(security.sessions)
        .layer(axum::middleware::from_fn_with_state(
            security.limiter,
            rate_limit::limit,
        ))
        .layer(axum::middleware::from_fn(csrf::same_origin_only));
    let full = layers::Layers::apply(router, security.baseline);
    // In front of routing, not inside it: a router's layer runs per matched
    // route, after the route's handler (and the whole `AppState` it holds)
    // was cloned for the request, which was a tenth of a cached page's CPU.
    Router::new()
        .fallback_service(full)
        .layer(axum::middleware::from_fn_with_state(lane, fast_lane::serve))
        .layer(axum::middleware::from_fn_with_state(
            metrics,
            metrics::observe,
        ))
}
