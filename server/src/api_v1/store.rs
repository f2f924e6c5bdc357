//! The store API: the catalog as shoppers see it, for headless storefronts
//! and apps. Public; the same services (and held reads) as the pages.
use axum::extract::State;
use axum::http::HeaderMap;
use axum::response::Response;
use serde::Deserialize;
use utoipa::IntoParams;

use model::search::{SearchRequest, SearchSort};

use super::audience::{CurrencyQuery, Reader};
use super::cursor;
use super::extract::{read, Path, Query};
use super::problem::{Problem, ProblemBody};
use super::types::{CategoryLink, CategoryTree, Product, ProductList, Suggestions};
use crate::http::AppState;

/// How deep the category tree goes in one answer.
const TREE_DEPTH: usize = 8;

#[derive(Debug, Default, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct ProductsQuery {
    /// Words to look for in titles, brands and descriptions.
    q: Option<String>,
    /// Category slugs, comma-separated; a category includes its subcategories.
    category: Option<String>,
    /// Brands, comma-separated.
    brand: Option<String>,
    /// Only products that can be bought now.
    in_stock: Option<bool>,
    /// `relevance` (default), `price_asc`, `price_desc`, `newest` or `rating`.
    sort: Option<String>,
    /// From the previous page's `next`.
    cursor: Option<String>,
    /// Prices in this currency (one the shop sells in); the base currency
    /// without it.
    currency: Option<String>,
}

fn list(value: &Option<String>) -> Vec<String> {
    domain::bounds::list(
        value
            .as_deref()
            .unwrap_or_default()
            .split(',')
            .map(|s| s.trim().to_owned())
            .filter(|s| !s.is_empty()),
    )
}

/// Products on sale, filtered and sorted, a page at a time, in the
/// language `Accept-Language` asks for and the currency `currency` names.
#[utoipa::path(
    get,
    path = "/api/v1/products",
    operation_id = "list_products",
    tag = "store",
    params(ProductsQuery),
    responses(
        (status = 200, description = "A page of products", body = ProductList),
        (status = 304, description = "Not modified (`If-None-Match`)"),
        (status = 400, description = "The query could not be read", body = ProblemBody, content_type = "application/problem+json"),
        (status = 422, description = "A parameter is not valid", body = ProblemBody, content_type = "application/problem+json"),
        (status = 503, description = "Search is unavailable", body = ProblemBody, content_type = "application/problem+json"),
    )
)]
pub async fn list_products(
    State(state): State<AppState>,
    headers: HeaderMap,
    Query(q): Query<ProductsQuery>,
) -> Result<Response, Problem> {
    let reader = Reader::of(&state, &headers, q.currency.as_deref())?;
    let sort = match q.sort.as_deref().map(str::trim).filter(|s| !s.is_empty()) {
        None => SearchSort::default(),
        Some(s) => s.parse().map_err(|_| {
            Problem::invalid(
                "sort",
                "Sort by relevance, price_asc, price_desc, newest or rating.",
            )
        })?,
    };
    let page = cursor::decode(q.cursor.as_deref())?;
    let text = domain::bounds::text(
        q.q.as_deref().unwrap_or_default().trim(),
        domain::bounds::MAX_QUERY_CHARS,
    );
    let request = SearchRequest {
        locale: reader.locale,
        text: text.clone(),
        categories: list(&q.category),
        brands: list(&q.brand),
        in_stock: q.in_stock.unwrap_or(false),
        sort,
        page,
        ..Default::default()
    };
    let mut found = state.ctx.search.search_in(request, reader.currency).await?;
    reader.show(&state, &mut found);
    let next = (page < found.page_count).then(|| {
        let query = [
            ("q", text),
            ("category", q.category.clone().unwrap_or_default()),
            ("brand", q.brand.clone().unwrap_or_default()),
            (
                "in_stock",
                q.in_stock.map(|b| b.to_string()).unwrap_or_default(),
            ),
            ("sort", q.sort.clone().unwrap_or_default()),
            ("currency", q.currency.clone().unwrap_or_default()),
        ];
        cursor::next_link("/api/v1/products", &query, page)
    });
    let body = ProductList {
        data: found.hits.into_iter().map(|h| h.card.into()).collect(),
        total: found.total,
        next,
    };
    Ok(reader.label(read(&headers, &body, true)))
}

/// One product on sale, with its variants and what is available now, in
/// the language `Accept-Language` asks for and the currency `currency`
/// names.
#[utoipa::path(
    get,
    path = "/api/v1/products/{slug}",
    operation_id = "get_product",
    tag = "store",
    params(("slug" = String, Path, description = "The product's slug"), CurrencyQuery),
    responses(
        (status = 200, description = "The product", body = Product),
        (status = 304, description = "Not modified (`If-None-Match`)"),
        (status = 404, description = "No product on sale has that slug", body = ProblemBody, content_type = "application/problem+json"),
        (status = 422, description = "`currency` is not one the shop sells in", body = ProblemBody, content_type = "application/problem+json"),
    )
)]
pub async fn product(
    State(state): State<AppState>,
    headers: HeaderMap,
    Path(slug): Path<String>,
    Query(q): Query<CurrencyQuery>,
) -> Result<Response, Problem> {
    let reader = Reader::of(&state, &headers, q.currency.as_deref())?;
    let slug = domain::bounds::text(&slug, domain::bounds::MAX_VALUE_CHARS);
    let mut detail = state
        .ctx
        .catalog
        .product_detail(&slug, &state.ctx.site.public_url)
        .await?
        .ok_or_else(|| Problem::not_found("product"))?;
    reader.show(&state, &mut detail);
    let product = Product::from(detail).in_words(&reader.words(&state));
    Ok(reader.label(read(&headers, &product, true)))
}

/// The category tree, top level first, named in the language
/// `Accept-Language` asks for.
#[utoipa::path(
    get,
    path = "/api/v1/categories",
    operation_id = "list_categories",
    tag = "store",
    responses(
        (status = 200, description = "Every category", body = CategoryTree),
        (status = 304, description = "Not modified (`If-None-Match`)"),
    )
)]
pub async fn categories(
    State(state): State<AppState>,
    headers: HeaderMap,
) -> Result<Response, Problem> {
    let reader = Reader::of(&state, &headers, None)?;
    let tree = state.ctx.catalog.tree().await?;
    let body = CategoryTree {
        data: tree
            .navigation(TREE_DEPTH, reader.locale)
            .into_iter()
            .map(Into::into)
            .collect(),
    };
    Ok(reader.label(read(&headers, &body, true)))
}

#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct SuggestQuery {
    /// What the shopper has typed so far.
    q: String,
    /// Prices in this currency (one the shop sells in); the base currency
    /// without it.
    currency: Option<String>,
}

/// Products and categories for a search box, while the shopper types, in
/// the language `Accept-Language` asks for.
#[utoipa::path(
    get,
    path = "/api/v1/search/suggestions",
    operation_id = "search_suggestions",
    tag = "store",
    params(SuggestQuery),
    responses(
        (status = 200, description = "Suggestions", body = Suggestions),
        (status = 400, description = "`q` is missing", body = ProblemBody, content_type = "application/problem+json"),
        (status = 422, description = "`currency` is not one the shop sells in", body = ProblemBody, content_type = "application/problem+json"),
        (status = 503, description = "Search is unavailable", body = ProblemBody, content_type = "application/problem+json"),
    )
)]
pub async fn suggestions(
    State(state): State<AppState>,
    headers: HeaderMap,
    Query(q): Query<SuggestQuery>,
) -> Result<Response, Problem> {
    let reader = Reader::of(&state, &headers, q.currency.as_deref())?;
    let mut found = state.ctx.search.autocomplete(&q.q, reader.locale).await?;
    reader.show(&state, &mut found.products);
    let body = Suggestions {
        products: found.products.into_iter().map(Into::into).collect(),
        categories: found
            .categories
            .into_iter()
            .map(|c| CategoryLink {
                slug: c.slug,
                name: c.name,
            })
            .collect(),
    };
    Ok(reader.label(read(&headers, &body, true)))
}
