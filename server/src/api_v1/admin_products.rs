//! The admin API's products (scope `catalog:read` / `catalog:write`): one
//! product as the editor holds it, created, replaced or archived through
//! the editor's own service (`Catalog::save_product`), so the rules —
//! unique slug and SKUs, option matrix, prices, categories, warehouses —
//! and the audit entries, stock movements and webhooks are the editor's.
use axum::extract::State;
use axum::http::{header, HeaderMap, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

use domain::api_tokens::Access;
use domain::catalog::{OptionDraft, ProductDraft, StockSeen, VariantDraft};
use model::catalog::ProductStatus;
use model::Permission;

use super::auth::Token;
use super::extract::{read, Json, Path};
use super::problem::{Problem, ProblemBody};
use super::types::Money;
use crate::http::AppState;

#[derive(Debug, Serialize, Deserialize, ToSchema)]
pub struct ProductOption {
    /// "Size", "Colour".
    pub name: String,
    pub values: Vec<String>,
}

#[derive(Debug, Serialize, Deserialize, ToSchema)]
pub struct WarehouseStock {
    /// The warehouse's code.
    pub warehouse: String,
    /// Units on the shelf.
    pub on_hand: i32,
}

#[derive(Debug, Serialize, Deserialize, ToSchema)]
pub struct ProductVariant {
    pub sku: String,
    /// One value per option, in the options' order; none without options.
    #[serde(default)]
    pub values: Vec<String>,
    /// In the shop's currency.
    pub price: Money,
    /// The "was" price, higher than `price`.
    #[serde(default)]
    pub compare_at: Option<Money>,
    #[serde(default)]
    pub weight_grams: i32,
    /// Read: the shelf count in each warehouse. Written: when given, the
    /// counts to set (each change a stock movement); left out, stock is
    /// not touched (use stock adjustments for deliveries and losses).
    #[serde(default)]
    pub stock: Option<Vec<WarehouseStock>>,
}

/// A product with its options and variants, as the editor holds it.
#[derive(Debug, Serialize, Deserialize, ToSchema)]
pub struct Product {
    /// The URL name: lowercase letters, digits and dashes.
    pub slug: String,
    pub title: String,
    #[serde(default)]
    pub brand: String,
    /// A category's slug.
    pub category: String,
    /// `draft`, `active` or `archived`.
    pub status: String,
    #[serde(default)]
    pub description: String,
    #[serde(default)]
    pub seo_title: String,
    #[serde(default)]
    pub seo_description: String,
    #[serde(default)]
    pub featured: bool,
    /// Staff are alerted when a warehouse can sell this many of a variant,
    /// or fewer (0 to 100000).
    #[serde(default = "default_low_stock")]
    #[schema(default = 5, minimum = 0, maximum = 100000)]
    pub low_stock: i32,
    #[serde(default)]
    pub options: Vec<ProductOption>,
    pub variants: Vec<ProductVariant>,
    /// Attribute code → values ("material": ["Cotton", "Linen"]), those
    /// the product's category defines. Left out of a replace, the stored
    /// ones are kept.
    #[serde(default)]
    pub attributes: Option<std::collections::BTreeMap<String, Vec<String>>>,
}

fn default_low_stock() -> i32 {
    model::product_form::DEFAULT_LOW_STOCK
}

fn money(m: model::Money) -> Money {
    m.into()
}

impl Product {
    fn from_draft(d: ProductDraft, currency: model::Currency) -> Self {
        Self {
            slug: d.slug,
            title: d.title,
            brand: d.brand,
            category: d.category,
            status: d.status,
            description: d.description,
            seo_title: d.seo_title,
            seo_description: d.seo_description,
            featured: d.featured,
            low_stock: d.low_stock_threshold,
            attributes: Some(d.attributes),
            options: d
                .options
                .into_iter()
                .map(|o| ProductOption {
                    name: o.name,
                    values: o.values,
                })
                .collect(),
            variants: d
                .variants
                .into_iter()
                .map(|v| ProductVariant {
                    sku: v.sku,
                    values: v.values,
                    price: money(model::Money::new(v.price_minor, currency)),
                    compare_at: v
                        .compare_at_minor
                        .map(|m| money(model::Money::new(m, currency))),
                    weight_grams: v.weight_grams,
                    stock: Some(
                        v.stock
                            .into_iter()
                            .map(|(warehouse, on_hand)| WarehouseStock { warehouse, on_hand })
                            .collect(),
                    ),
                })
                .collect(),
        }
    }

    /// The editor's draft; amounts in another currency than the shop's are
    /// refused, not converted.
    fn into_draft(self, currency: model::Currency) -> Result<ProductDraft, Problem> {
        let mut variants = Vec::with_capacity(self.variants.len());
        for (i, v) in self.variants.into_iter().enumerate() {
            let price_minor = v.price.minor_in(currency, &format!("variants.{i}.price"))?;
            let compare_at_minor = v
                .compare_at
                .as_ref()
                .map(|c| c.minor_in(currency, &format!("variants.{i}.compare_at")))
                .transpose()?;
            variants.push(VariantDraft {
                sku: v.sku,
                values: v.values,
                price_minor,
                compare_at_minor,
                weight_grams: v.weight_grams,
                stock: v
                    .stock
                    .unwrap_or_default()
                    .into_iter()
                    .map(|s| (s.warehouse, s.on_hand))
                    .collect(),
            });
        }
        Ok(ProductDraft {
            slug: self.slug,
            title: self.title,
            brand: self.brand,
            category: self.category,
            status: self.status,
            description: self.description,
            seo_title: self.seo_title,
            seo_description: self.seo_description,
            featured: self.featured,
            low_stock_threshold: self.low_stock,
            options: self
                .options
                .into_iter()
                .map(|o| OptionDraft {
                    name: o.name,
                    values: o.values,
                })
                .collect(),
            variants,
            attributes: self.attributes.unwrap_or_default(),
        })
    }
}

/// The product as saved, with where it lives.
async fn saved(
    state: &AppState,
    actor: &domain::accounts::Actor,
    slug: &str,
) -> Result<Product, Problem> {
    let draft = state.ctx.catalog.product_draft(actor, slug).await?;
    Ok(Product::from_draft(draft, state.ctx.commerce.currency()))
}

/// One product with its options, variants and stock (scope `catalog:read`).
#[utoipa::path(
    get,
    path = "/api/v1/admin/products/{slug}",
    operation_id = "admin_get_product",
    tag = "admin",
    params(("slug" = String, Path, description = "The product's slug")),
    security(("token" = ["catalog:read"])),
    responses(
        (status = 200, description = "The product", body = Product),
        (status = 401, description = "No valid API token", body = ProblemBody, content_type = "application/problem+json"),
        (status = 403, description = "The token lacks the scope", body = ProblemBody, content_type = "application/problem+json"),
        (status = 404, description = "No product has that slug", body = ProblemBody, content_type = "application/problem+json"),
    )
)]
pub async fn get(
    State(state): State<AppState>,
    headers: HeaderMap,
    token: Token,
    Path(slug): Path<String>,
) -> Result<Response, Problem> {
    let actor = token.need(Permission::Catalog, Access::Read)?;
    let slug = domain::bounds::text(&slug, domain::bounds::MAX_VALUE_CHARS);
    Ok(read(&headers, &saved(&state, actor, &slug).await?, false))
}

/// Creates a product (scope `catalog:write`). Audited with the token's name.
#[utoipa::path(
    post,
    path = "/api/v1/admin/products",
    operation_id = "admin_create_product",
    tag = "admin",
    request_body = Product,
    params(("Idempotency-Key" = Option<String>, Header, description = "Any unique string (a UUID): a retry with the same key and body is answered as the first, without creating again")),
    security(("token" = ["catalog:write"])),
    responses(
        (status = 201, description = "Created; `Location` names it", body = Product),
        (status = 400, description = "The body could not be read", body = ProblemBody, content_type = "application/problem+json"),
        (status = 401, description = "No valid API token", body = ProblemBody, content_type = "application/problem+json"),
        (status = 403, description = "The token lacks the scope", body = ProblemBody, content_type = "application/problem+json"),
        (status = 409, description = "The first request with this key is still running", body = ProblemBody, content_type = "application/problem+json"),
        (status = 422, description = "A field is not valid (each named in `errors`, variants as `variants.<index>.<field>`), the slug or a SKU is taken, or the key was used for another request", body = ProblemBody, content_type = "application/problem+json"),
    )
)]
pub async fn create(
    State(state): State<AppState>,
    token: Token,
    Json(body): Json<Product>,
) -> Result<Response, Problem> {
    let actor = token.need(Permission::Catalog, Access::Write)?;
    let currency = state.ctx.commerce.currency();
    let draft = body.into_draft(currency)?;
    let slug = state
        .ctx
        .catalog
        .save_product(actor, currency, None, draft, &StockSeen::new())
        .await?;
    let product = saved(&state, actor, &slug).await?;
    let mut res = (StatusCode::CREATED, axum::Json(product)).into_response();
    if let Ok(at) = HeaderValue::from_str(&format!("/api/v1/admin/products/{slug}")) {
        res.headers_mut().insert(header::LOCATION, at);
    }
    Ok(res)
}

/// Replaces a product: every field as given (a new `slug` renames it;
/// variants left out are removed, unless orders wait on them). Scope
/// `catalog:write`; audited with the changed fields.
#[utoipa::path(
    put,
    path = "/api/v1/admin/products/{slug}",
    operation_id = "admin_replace_product",
    tag = "admin",
    params(
        ("slug" = String, Path, description = "The product's slug now"),
        ("Idempotency-Key" = Option<String>, Header, description = "Any unique string: a retry with the same key and body is answered as the first"),
    ),
    request_body = Product,
    security(("token" = ["catalog:write"])),
    responses(
        (status = 200, description = "Saved", body = Product),
        (status = 400, description = "The body could not be read", body = ProblemBody, content_type = "application/problem+json"),
        (status = 401, description = "No valid API token", body = ProblemBody, content_type = "application/problem+json"),
        (status = 403, description = "The token lacks the scope", body = ProblemBody, content_type = "application/problem+json"),
        (status = 404, description = "No product has that slug", body = ProblemBody, content_type = "application/problem+json"),
        (status = 409, description = "A variant to remove is held by an order waiting for payment, or the key's first request still runs", body = ProblemBody, content_type = "application/problem+json"),
        (status = 422, description = "A field is not valid", body = ProblemBody, content_type = "application/problem+json"),
    )
)]
pub async fn replace(
    State(state): State<AppState>,
    token: Token,
    Path(slug): Path<String>,
    Json(body): Json<Product>,
) -> Result<Response, Problem> {
    let actor = token.need(Permission::Catalog, Access::Write)?;
    let currency = state.ctx.commerce.currency();
    let original = domain::bounds::text(&slug, domain::bounds::MAX_VALUE_CHARS);
    let keep_attributes = body.attributes.is_none();
    let mut draft = body.into_draft(currency)?;
    if keep_attributes {
        draft.attributes = state
            .ctx
            .catalog
            .product_draft(actor, &original)
            .await?
            .attributes;
    }
    let slug = state
        .ctx
        .catalog
        .save_product(actor, currency, Some(&original), draft, &StockSeen::new())
        .await?;
    Ok(axum::Json(saved(&state, actor, &slug).await?).into_response())
}

/// Archives a product: off the shop, kept for the orders that name it
/// (`product.deleted` to webhooks). Scope `catalog:write`.
#[utoipa::path(
    delete,
    path = "/api/v1/admin/products/{slug}",
    operation_id = "admin_archive_product",
    tag = "admin",
    params(("slug" = String, Path, description = "The product's slug")),
    security(("token" = ["catalog:write"])),
    responses(
        (status = 204, description = "Archived (or already was)"),
        (status = 401, description = "No valid API token", body = ProblemBody, content_type = "application/problem+json"),
        (status = 403, description = "The token lacks the scope", body = ProblemBody, content_type = "application/problem+json"),
        (status = 404, description = "No product has that slug", body = ProblemBody, content_type = "application/problem+json"),
    )
)]
pub async fn archive(
    State(state): State<AppState>,
    token: Token,
    Path(slug): Path<String>,
) -> Result<Response, Problem> {
    let actor = token.need(Permission::Catalog, Access::Write)?;
    let slug = domain::bounds::text(&slug, domain::bounds::MAX_VALUE_CHARS);
    // Known first: archiving an unknown slug is a 404, not a quiet nothing.
    state.ctx.catalog.product_draft(actor, &slug).await?;
    state
        .ctx
        .catalog
        .set_status(actor, &[slug], ProductStatus::Archived)
        .await?;
    Ok(StatusCode::NO_CONTENT.into_response())
}
