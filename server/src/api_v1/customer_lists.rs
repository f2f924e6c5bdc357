//! The store API's reviews (read by anyone, written by a signed-in
//! customer) and the signed-in customer's wishlist. The review rules
//! (one per customer and product, bought-and-received when the shop asks,
//! moderation) and the wishlist's (a cap, saved prices) are the domain's.
//! The wishlist reads to its reader as the catalog does: prices in
//! `?currency=` (which a save records for the alert mails, as the shop's
//! heart does), titles and variants in the language `Accept-Language`
//! asks for.
use axum::extract::State;
use axum::http::HeaderMap;
use axum::response::Response;
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};

use model::glossary::Words;
use model::reviews::{ReviewInput, ReviewQuery, ReviewSort};
use model::wishlist::WishlistView;

use super::audience::{CurrencyQuery, Reader};
use super::cursor;
use super::extract::{read, Json, Path, Query};
use super::problem::{Problem, ProblemBody};
use super::shopper::Shopper;
use super::types::Money;
use crate::http::AppState;

#[derive(Debug, Default, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct ReviewsQuery {
    /// `helpful` (the default), `newest`, `highest` or `lowest`.
    sort: Option<String>,
    /// Only reviews with this many stars (1–5).
    stars: Option<u8>,
    /// From the previous page's `next`.
    cursor: Option<String>,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct Review {
    pub id: i32,
    /// First name and initial, never the email.
    pub author: String,
    /// 1–5.
    pub rating: u8,
    pub title: String,
    pub body: String,
    /// The author bought and received the product.
    pub verified: bool,
    /// `YYYY-MM-DD`.
    pub date: String,
    pub helpful: u32,
    /// The shop's answer.
    pub reply: Option<String>,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct ReviewList {
    /// Published reviews.
    pub count: u32,
    /// The mean rating in hundredths of a star (`425` = 4.25); none without reviews.
    pub average_centi: Option<u32>,
    /// Reviews with 1, 2, 3, 4 and 5 stars.
    pub histogram: [u32; 5],
    pub data: Vec<Review>,
    pub next: Option<String>,
}

/// A product's published reviews.
#[utoipa::path(
    get,
    path = "/api/v1/products/{slug}/reviews",
    operation_id = "list_product_reviews",
    tag = "store",
    params(("slug" = String, Path, description = "The product's slug"), ReviewsQuery),
    responses(
        (status = 200, description = "A page of reviews", body = ReviewList),
        (status = 400, description = "A parameter could not be read", body = ProblemBody, content_type = "application/problem+json"),
        (status = 404, description = "No product has that slug", body = ProblemBody, content_type = "application/problem+json"),
        (status = 422, description = "A parameter is not valid", body = ProblemBody, content_type = "application/problem+json"),
    )
)]
pub async fn reviews(
    State(state): State<AppState>,
    headers: HeaderMap,
    Path(slug): Path<String>,
    Query(q): Query<ReviewsQuery>,
) -> Result<Response, Problem> {
    let page = cursor::decode(q.cursor.as_deref())?;
    let sort = match q.sort.as_deref().map(str::trim).filter(|s| !s.is_empty()) {
        None => ReviewSort::default(),
        Some(s) => s
            .parse()
            .map_err(|_| Problem::invalid("sort", "Choose helpful, newest, highest or lowest."))?,
    };
    if q.stars.is_some_and(|s| !(1..=5).contains(&s)) {
        return Err(Problem::invalid("stars", "Choose 1 to 5 stars."));
    }
    let slug = domain::bounds::text(&slug, domain::bounds::MAX_VALUE_CHARS);
    let query = ReviewQuery {
        sort,
        stars: q.stars,
        page,
    };
    // Everyone's view: the votes of a viewer are not part of a shared read.
    let shown = state
        .ctx
        .reviews
        .page(&domain::accounts::Actor::anonymous(), &slug, &query)
        .await?;
    let next = (page < shown.page_count).then(|| {
        let pairs = [
            ("sort", q.sort.clone().unwrap_or_default()),
            ("stars", q.stars.map(|s| s.to_string()).unwrap_or_default()),
        ];
        cursor::next_link(&format!("/api/v1/products/{slug}/reviews"), &pairs, page)
    });
    let body = ReviewList {
        count: shown.summary.count,
        average_centi: (shown.summary.count > 0)
            .then(|| (shown.summary.sum * 100 + shown.summary.count / 2) / shown.summary.count),
        histogram: shown.histogram,
        data: shown
            .reviews
            .into_iter()
            .map(|r| Review {
                id: r.id,
                author: r.author,
                rating: r.rating,
                title: r.title,
                body: r.body,
                verified: r.verified,
                date: r.date,
                helpful: r.helpful,
                reply: r.reply,
            })
            .collect(),
        next,
    };
    Ok(read(&headers, &body, true))
}

#[derive(Debug, Deserialize, ToSchema)]
pub struct ReviewBody {
    /// 1–5 stars.
    pub rating: u8,
    pub title: String,
    pub body: String,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct ReviewWritten {
    /// `published`, or `pending` while a moderator reads it.
    pub status: String,
}

/// Writes the customer's review of a product, or replaces it (one per
/// customer and product; an edit is moderated again).
#[utoipa::path(
    put,
    path = "/api/v1/products/{slug}/reviews/mine",
    operation_id = "write_product_review",
    tag = "customer",
    params(("slug" = String, Path, description = "The product's slug")),
    request_body = ReviewBody,
    security(("customer" = [])),
    responses(
        (status = 200, description = "Written", body = ReviewWritten),
        (status = 400, description = "The body could not be read", body = ProblemBody, content_type = "application/problem+json"),
        (status = 401, description = "Not signed in", body = ProblemBody, content_type = "application/problem+json"),
        (status = 404, description = "No product has that slug", body = ProblemBody, content_type = "application/problem+json"),
        (status = 409, description = "The shop takes reviews only from customers who received the product", body = ProblemBody, content_type = "application/problem+json"),
        (status = 422, description = "A field is not valid", body = ProblemBody, content_type = "application/problem+json"),
    )
)]
pub async fn write_review(
    State(state): State<AppState>,
    shopper: Shopper,
    Path(slug): Path<String>,
    Json(body): Json<ReviewBody>,
) -> Result<Response, Problem> {
    let slug = domain::bounds::text(&slug, domain::bounds::MAX_VALUE_CHARS);
    let input = ReviewInput {
        rating: body.rating,
        title: body.title,
        body: body.body,
    };
    let status = state
        .ctx
        .reviews
        .submit(&shopper.actor, &slug, &input)
        .await?;
    let written = ReviewWritten {
        status: status.as_str().to_owned(),
    };
    Ok(axum::response::IntoResponse::into_response(axum::Json(
        written,
    )))
}

#[derive(Debug, Serialize, ToSchema)]
pub struct WishlistItem {
    pub sku: String,
    pub product_slug: String,
    pub title: String,
    pub variant_title: String,
    pub image_url: Option<String>,
    pub price: Money,
    /// The price when saved, when it was higher than today's.
    pub was: Option<Money>,
    pub in_stock: bool,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct Wishlist {
    /// Newest first; products no longer sold are left out.
    pub data: Vec<WishlistItem>,
    /// "Back in stock" and "price dropped" mails.
    pub alerts: bool,
}

impl Wishlist {
    /// `w` with its variants' values in `words`.
    fn worded(w: WishlistView, words: &Words) -> Self {
        Self {
            data: w
                .lines
                .into_iter()
                .map(|l| WishlistItem {
                    variant_title: words.variant_title(&l.variant_title),
                    sku: l.sku,
                    product_slug: l.product_slug,
                    title: l.product_title,
                    image_url: l.image_url,
                    price: l.price.into(),
                    was: l.was.map(Into::into),
                    in_stock: l.in_stock,
                })
                .collect(),
            alerts: w.alerts,
        }
    }
}

/// The wishlist service as `reader` reads it.
fn wishlists(state: &AppState, reader: &Reader) -> domain::wishlist::Wishlists {
    state
        .ctx
        .commerce
        .wishlists()
        .speaking(reader.locale)
        .pricing_in(reader.currency)
}

/// `view` as `reader` reads it, its language named.
fn answer(state: &AppState, reader: &Reader, view: WishlistView) -> Response {
    let list = Wishlist::worded(view, &reader.words(state));
    reader.label(axum::response::IntoResponse::into_response(axum::Json(
        list,
    )))
}

/// The customer's wishlist (at most 200 items).
#[utoipa::path(
    get,
    path = "/api/v1/customer/wishlist",
    operation_id = "get_wishlist",
    tag = "customer",
    params(CurrencyQuery),
    security(("customer" = [])),
    responses(
        (status = 200, description = "The wishlist", body = Wishlist),
        (status = 401, description = "Not signed in", body = ProblemBody, content_type = "application/problem+json"),
        (status = 422, description = "`currency` is not one the shop sells in", body = ProblemBody, content_type = "application/problem+json"),
    )
)]
pub async fn wishlist(
    State(state): State<AppState>,
    headers: HeaderMap,
    shopper: Shopper,
    Query(q): Query<CurrencyQuery>,
) -> Result<Response, Problem> {
    let reader = Reader::of(&state, &headers, q.currency.as_deref())?;
    let view = wishlists(&state, &reader).view(&shopper.owner()).await?;
    let list = Wishlist::worded(view, &reader.words(&state));
    Ok(reader.label(read(&headers, &list, false)))
}

#[derive(Debug, Deserialize, ToSchema)]
pub struct SaveItem {
    pub product_slug: String,
    /// A variant; the product's first when left out.
    pub sku: Option<String>,
}

/// Saves a product (or one variant) to the wishlist; saving it again
/// changes nothing.
#[utoipa::path(
    post,
    path = "/api/v1/customer/wishlist",
    operation_id = "save_to_wishlist",
    tag = "customer",
    request_body = SaveItem,
    params(CurrencyQuery),
    security(("customer" = [])),
    responses(
        (status = 200, description = "The wishlist", body = Wishlist),
        (status = 400, description = "The body could not be read", body = ProblemBody, content_type = "application/problem+json"),
        (status = 401, description = "Not signed in", body = ProblemBody, content_type = "application/problem+json"),
        (status = 404, description = "No such product or variant", body = ProblemBody, content_type = "application/problem+json"),
        (status = 409, description = "The wishlist is full", body = ProblemBody, content_type = "application/problem+json"),
        (status = 422, description = "`currency` is not one the shop sells in", body = ProblemBody, content_type = "application/problem+json"),
    )
)]
pub async fn save(
    State(state): State<AppState>,
    headers: HeaderMap,
    shopper: Shopper,
    Query(q): Query<CurrencyQuery>,
    Json(item): Json<SaveItem>,
) -> Result<Response, Problem> {
    let reader = Reader::of(&state, &headers, q.currency.as_deref())?;
    let slug = domain::bounds::text(&item.product_slug, domain::bounds::MAX_VALUE_CHARS);
    let sku = item
        .sku
        .map(|s| domain::bounds::text(&s, domain::bounds::MAX_VALUE_CHARS));
    let view = wishlists(&state, &reader)
        .save(&shopper.owner(), &slug, sku.as_deref())
        .await?;
    Ok(answer(&state, &reader, view))
}

#[derive(Debug, Default, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct RemoveQuery {
    /// Only this variant; every variant of the product when left out.
    sku: Option<String>,
    /// Prices in this currency (one the shop sells in); the base currency
    /// without it.
    currency: Option<String>,
}

/// Takes a product (or one variant) off the wishlist.
#[utoipa::path(
    delete,
    path = "/api/v1/customer/wishlist/{product_slug}",
    operation_id = "remove_from_wishlist",
    tag = "customer",
    params(("product_slug" = String, Path, description = "The product's slug"), RemoveQuery),
    security(("customer" = [])),
    responses(
        (status = 200, description = "The wishlist", body = Wishlist),
        (status = 401, description = "Not signed in", body = ProblemBody, content_type = "application/problem+json"),
        (status = 404, description = "No such product", body = ProblemBody, content_type = "application/problem+json"),
        (status = 422, description = "`currency` is not one the shop sells in", body = ProblemBody, content_type = "application/problem+json"),
    )
)]
pub async fn remove(
    State(state): State<AppState>,
    headers: HeaderMap,
    shopper: Shopper,
    Path(slug): Path<String>,
    Query(q): Query<RemoveQuery>,
) -> Result<Response, Problem> {
    let reader = Reader::of(&state, &headers, q.currency.as_deref())?;
    let slug = domain::bounds::text(&slug, domain::bounds::MAX_VALUE_CHARS);
    let sku = q
        .sku
        .map(|s| domain::bounds::text(&s, domain::bounds::MAX_VALUE_CHARS));
    let view = wishlists(&state, &reader)
        .remove(&shopper.owner(), &slug, sku.as_deref())
        .await?;
    Ok(answer(&state, &reader, view))
}
