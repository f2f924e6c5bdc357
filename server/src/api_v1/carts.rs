//! The store API's carts, checkout and orders, for headless storefronts
//! and apps: a cart is a guest cart whose id is the only key to it, or
//! `me`, a signed-in customer's own cart (the one their browser shows; the
//! order is then theirs); the order is placed from it with an
//! `Idempotency-Key` (required) and paid at the payment page it names; the
//! order is then read by its public id (`orders`). The same services as the
//! shop's checkout: prices, stock, promotions, tax and the reservation rules
//! are theirs.
//!
//! A cart stays in the currency it was opened in (`?currency=` when it is
//! created; `me` is in the one its customer last shopped in), as a
//! browser's cart does; titles, variants and the promo message read in the
//! language `Accept-Language` asks for, and so do the order's mails.
use axum::extract::State;
use axum::http::{HeaderMap, StatusCode};
use axum::response::{IntoResponse, Response};
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};
use utoipa::ToSchema;

use domain::cart::{CartOwner, Carts};
use model::commerce::{CartView, QuoteView};
use model::glossary::Words;

use super::audience::{CurrencyQuery, Reader};
use super::cart_gift_cards::AppliedGiftCard;
use super::extract::{read, Json, Path, Query};
use super::problem::{Problem, ProblemBody};
use super::shopper;
use super::types::Money;
use crate::http::AppState;

/// The cart id that names the signed-in customer's cart.
const ME: &str = "me";

#[derive(Debug, Serialize, ToSchema)]
pub struct CartLine {
    pub sku: String,
    pub product_slug: String,
    pub title: String,
    pub variant_title: String,
    pub unit_price: Money,
    pub quantity: i64,
    pub line_total: Money,
    /// Units that can be bought now (stock, capped by the per-line limit).
    pub max_quantity: i64,
    /// No longer sold: remove it before checkout.
    pub unavailable: bool,
}

impl CartLine {
    /// `l` with its variant's values in `words`.
    fn worded(l: model::commerce::CartLine, words: &Words) -> Self {
        Self {
            variant_title: words.variant_title(&l.variant_title),
            sku: l.sku,
            product_slug: l.product_slug,
            title: l.product_title,
            unit_price: l.unit_price.into(),
            quantity: l.quantity,
            line_total: l.line_total.into(),
            max_quantity: l.max_quantity,
            unavailable: l.unavailable,
        }
    }
}

/// A cart, priced now.
#[derive(Debug, Serialize, ToSchema)]
pub struct Cart {
    /// The cart's key: keep it secret, as a guest's session would.
    pub id: String,
    pub lines: Vec<CartLine>,
    pub subtotal: Money,
    pub item_count: i64,
}

fn cart(id: &str, view: CartView, words: &Words) -> Cart {
    // A customer's cart is `me`: its stored key is not a guest cart's key.
    let id = if id.trim() == ME {
        ME.to_owned()
    } else {
        view.id.unwrap_or_else(|| id.to_owned())
    };
    Cart {
        id,
        lines: view
            .lines
            .into_iter()
            .map(|l| CartLine::worded(l, words))
            .collect(),
        subtotal: view.subtotal.into(),
        item_count: view.item_count,
    }
}

/// The cart a path names, and who is reading it: the reader's currency is
/// the cart's, the one it was opened in (the base for a customer who has no
/// cart yet).
pub(super) struct Named {
    pub owner: CartOwner,
    pub reader: Reader,
}

impl Named {
    /// `view` as this reader reads it, with its language named.
    fn answer(&self, state: &AppState, id: &str, view: CartView) -> Response {
        let words = self.reader.words(state);
        self.reader
            .label(axum::Json(cart(id, view, &words)).into_response())
    }
}

/// The cart named in the path, which must exist (and still be open); `me`
/// is the signed-in customer's own cart (the one their browser shows),
/// with their bearer.
pub(super) async fn named(
    state: &AppState,
    headers: &HeaderMap,
    id: &str,
) -> Result<Named, Problem> {
    let id = id.trim();
    let owner = if id == ME {
        shopper::optional(headers, state)
            .await?
            .ok_or_else(shopper::required)?
            .owner()
    } else if id.len() > 64 {
        return Err(Problem::not_found("cart"));
    } else {
        CartOwner::Guest(Some(id.to_owned()))
    };
    let currencies = state.ctx.commerce.currencies();
    let currency = match Carts::find(&state.db, &owner).await? {
        Some(cart) => currencies.served_in(cart.currency.parse().ok()),
        None if id == ME => currencies.base,
        None => return Err(Problem::not_found("cart")),
    };
    Ok(Named {
        owner,
        reader: Reader {
            locale: app::locale::asked_for(headers),
            currency,
        },
    })
}

/// Opens an empty cart in a currency the shop sells in (the base currency
/// without `?currency=`); it stays in it.
#[utoipa::path(
    post,
    path = "/api/v1/carts",
    operation_id = "create_cart",
    tag = "store",
    params(CurrencyQuery),
    responses(
        (status = 201, description = "The new cart", body = Cart),
        (status = 422, description = "`currency` is not one the shop sells in", body = ProblemBody, content_type = "application/problem+json"),
    )
)]
pub async fn create(
    State(state): State<AppState>,
    headers: HeaderMap,
    Query(q): Query<CurrencyQuery>,
) -> Result<Response, Problem> {
    let reader = Reader::of(&state, &headers, q.currency.as_deref())?;
    let view = reader.carts(&state).open_guest().await?;
    let words = reader.words(&state);
    let created = (StatusCode::CREATED, axum::Json(cart("", view, &words)));
    Ok(reader.label(created.into_response()))
}

/// A cart, priced now.
#[utoipa::path(
    get,
    path = "/api/v1/carts/{id}",
    operation_id = "get_cart",
    tag = "store",
    security((), ("customer" = [])),
    params(("id" = String, Path, description = "The cart's id, or `me`: the signed-in customer's cart (with their bearer)")),
    responses(
        (status = 200, description = "The cart", body = Cart),
        (status = 404, description = "No open cart has that id", body = ProblemBody, content_type = "application/problem+json"),
    )
)]
pub async fn get(
    State(state): State<AppState>,
    headers: HeaderMap,
    Path(id): Path<String>,
) -> Result<Response, Problem> {
    let named = named(&state, &headers, &id).await?;
    let view = named.reader.carts(&state).view(&named.owner).await?;
    let words = named.reader.words(&state);
    Ok(named
        .reader
        .label(read(&headers, &cart(&id, view, &words), false)))
}

#[derive(Debug, Deserialize, ToSchema)]
pub struct NewLine {
    pub sku: String,
    /// 1 when left out.
    pub quantity: Option<i64>,
}

/// Adds units of a variant; a line for the SKU grows.
#[utoipa::path(
    post,
    path = "/api/v1/carts/{id}/lines",
    operation_id = "add_cart_line",
    tag = "store",
    security((), ("customer" = [])),
    params(("id" = String, Path, description = "The cart's id, or `me`: the signed-in customer's cart (with their bearer)")),
    request_body = NewLine,
    responses(
        (status = 200, description = "The cart", body = Cart),
        (status = 404, description = "No such cart or SKU", body = ProblemBody, content_type = "application/problem+json"),
        (status = 409, description = "Out of stock", body = ProblemBody, content_type = "application/problem+json"),
        (status = 422, description = "Too many, or fewer than one", body = ProblemBody, content_type = "application/problem+json"),
    )
)]
pub async fn add_line(
    State(state): State<AppState>,
    headers: HeaderMap,
    Path(id): Path<String>,
    Json(line): Json<NewLine>,
) -> Result<Response, Problem> {
    let named = named(&state, &headers, &id).await?;
    let view = named
        .reader
        .carts(&state)
        .add(&named.owner, &line.sku, line.quantity.unwrap_or(1))
        .await?;
    Ok(named.answer(&state, &id, view))
}

#[derive(Debug, Deserialize, ToSchema)]
pub struct LineQuantity {
    /// 0 removes the line.
    pub quantity: i64,
}

/// Sets a line's quantity (0 removes it).
#[utoipa::path(
    put,
    path = "/api/v1/carts/{id}/lines/{sku}",
    operation_id = "set_cart_line",
    tag = "store",
    security((), ("customer" = [])),
    params(
        ("id" = String, Path, description = "The cart's id, or `me`: the signed-in customer's cart (with their bearer)"),
        ("sku" = String, Path, description = "The line's SKU"),
    ),
    request_body = LineQuantity,
    responses(
        (status = 200, description = "The cart", body = Cart),
        (status = 404, description = "No such cart or line", body = ProblemBody, content_type = "application/problem+json"),
        (status = 422, description = "More than can be bought", body = ProblemBody, content_type = "application/problem+json"),
    )
)]
pub async fn set_line(
    State(state): State<AppState>,
    headers: HeaderMap,
    Path((id, sku)): Path<(String, String)>,
    Json(q): Json<LineQuantity>,
) -> Result<Response, Problem> {
    let named = named(&state, &headers, &id).await?;
    let view = named
        .reader
        .carts(&state)
        .set_quantity(&named.owner, &sku, q.quantity)
        .await?;
    Ok(named.answer(&state, &id, view))
}

/// Removes a line.
#[utoipa::path(
    delete,
    path = "/api/v1/carts/{id}/lines/{sku}",
    operation_id = "remove_cart_line",
    tag = "store",
    security((), ("customer" = [])),
    params(
        ("id" = String, Path, description = "The cart's id, or `me`: the signed-in customer's cart (with their bearer)"),
        ("sku" = String, Path, description = "The line's SKU"),
    ),
    responses(
        (status = 200, description = "The cart", body = Cart),
        (status = 404, description = "No such cart or SKU", body = ProblemBody, content_type = "application/problem+json"),
    )
)]
pub async fn remove_line(
    State(state): State<AppState>,
    headers: HeaderMap,
    Path((id, sku)): Path<(String, String)>,
) -> Result<Response, Problem> {
    let named = named(&state, &headers, &id).await?;
    let view = named
        .reader
        .carts(&state)
        .set_quantity(&named.owner, &sku, 0)
        .await?;
    Ok(named.answer(&state, &id, view))
}

/// Where the order goes and how it ships; what a quote needs.
#[derive(Debug, Default, Deserialize, ToSchema)]
#[serde(default)]
pub struct QuoteRequest {
    pub email: String,
    /// ISO 3166-1 alpha-2, e.g. `US`.
    pub country: String,
    pub region: String,
    /// A code from `shipping_options`; the cheapest when left out.
    pub shipping_method: String,
    pub promo_code: String,
    /// Pay with the signed-in customer's store credit (`me` carts only).
    pub use_store_credit: bool,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct ShippingOption {
    pub code: String,
    pub name: String,
    pub price: Money,
    /// The subtotal from which this method ships free, in the cart's
    /// currency; none when it never does.
    pub free_from: Option<Money>,
}

/// The totals the order would have now.
#[derive(Debug, Serialize, ToSchema)]
pub struct Quote {
    pub lines: Vec<CartLine>,
    pub shipping_options: Vec<ShippingOption>,
    pub shipping_method: Option<String>,
    pub subtotal: Money,
    pub discount: Money,
    pub shipping: Money,
    pub tax: Money,
    pub total: Money,
    pub prices_include_tax: bool,
    pub promo_applied: bool,
    /// What happened to the promo code, in words (in the language
    /// `Accept-Language` asks for).
    pub promo_message: Option<String>,
    /// Gift cards entered for this cart, in the order they pay.
    pub gift_cards: Vec<AppliedGiftCard>,
    /// The signed-in customer's store credit, when they have some.
    pub store_credit: Option<Money>,
    /// What the store credit pays, when `use_store_credit` was asked.
    pub store_credit_applied: Option<Money>,
    /// What is left for the payment page after gift cards and store credit.
    pub to_pay: Money,
}

impl Quote {
    /// `q` as `reader` reads it.
    fn read_by(q: QuoteView, reader: &Reader, words: &Words) -> Self {
        let promo_message = match &q.promo_said {
            Some(said) => Some(i18n::said_in_words(reader.locale, said, words)),
            None => q.promo_message,
        };
        Self {
            lines: q
                .lines
                .into_iter()
                .map(|l| CartLine::worded(l, words))
                .collect(),
            shipping_options: q
                .shipping_options
                .into_iter()
                .map(|o| ShippingOption {
                    code: o.code,
                    name: o.name,
                    price: o.price.into(),
                    free_from: o.free_from.map(Into::into),
                })
                .collect(),
            shipping_method: q.shipping_method,
            subtotal: q.subtotal.into(),
            discount: q.discount.into(),
            shipping: q.shipping.into(),
            tax: q.tax.into(),
            total: q.total.into(),
            prices_include_tax: q.prices_include_tax,
            promo_applied: q.promo_applied,
            promo_message,
            gift_cards: q.gift_cards.into_iter().map(Into::into).collect(),
            store_credit: q.store_credit.map(Into::into),
            store_credit_applied: q.store_credit_applied.map(Into::into),
            to_pay: q.to_pay.into(),
        }
    }
}

/// Totals for a destination, shipping method and promo code.
#[utoipa::path(
    post,
    path = "/api/v1/carts/{id}/quote",
    operation_id = "quote_cart",
    tag = "store",
    security((), ("customer" = [])),
    params(("id" = String, Path, description = "The cart's id, or `me`: the signed-in customer's cart (with their bearer)")),
    request_body = QuoteRequest,
    responses(
        (status = 200, description = "The quote", body = Quote),
        (status = 404, description = "No such cart", body = ProblemBody, content_type = "application/problem+json"),
        (status = 422, description = "A field is not valid, or the cart is empty", body = ProblemBody, content_type = "application/problem+json"),
    )
)]
pub async fn quote(
    State(state): State<AppState>,
    headers: HeaderMap,
    Path(id): Path<String>,
    Json(q): Json<QuoteRequest>,
) -> Result<Response, Problem> {
    let named = named(&state, &headers, &id).await?;
    let quoted = state
        .ctx
        .checkout
        .quote(
            &named.owner,
            &domain::checkout::QuoteChoices {
                country: q.country,
                region: q.region,
                shipping_method: q.shipping_method,
                promo_code: q.promo_code,
                email: q.email,
                use_store_credit: q.use_store_credit,
                currency: Some(named.reader.currency),
                locale: named.reader.locale,
            },
        )
        .await?;
    let words = named.reader.words(&state);
    let quote = Quote::read_by(quoted, &named.reader, &words);
    Ok(named.reader.label(axum::Json(quote).into_response()))
}

#[derive(Debug, Default, Deserialize, ToSchema)]
#[serde(default)]
pub struct Address {
    pub full_name: String,
    pub line1: String,
    pub line2: String,
    pub city: String,
    pub region: String,
    pub postal_code: String,
    /// ISO 3166-1 alpha-2.
    pub country: String,
    pub phone: String,
}

#[derive(Debug, Deserialize, ToSchema)]
pub struct PlaceOrder {
    pub email: String,
    pub address: Address,
    pub shipping_method: String,
    #[serde(default)]
    pub promo_code: String,
    /// The quote's `total.amount_minor`: if prices or stock changed since,
    /// the order is refused (409) instead of charging another amount.
    pub expected_total_minor: Option<i64>,
    /// Pay with the signed-in customer's store credit (`me` carts only);
    /// gift cards entered for the cart always pay.
    #[serde(default)]
    pub use_store_credit: bool,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct PlacedOrder {
    /// The order's number, for people.
    pub number: String,
    /// The order's key for `GET /api/v1/orders/{id}`.
    pub order_id: String,
    /// Where the shopper pays (Stripe Checkout, or the shop's test page).
    pub payment_url: String,
}

/// Places the order (stock is reserved until it is paid or the
/// reservation runs out). Needs an `Idempotency-Key`: the same key places
/// one order, however often it is sent.
#[utoipa::path(
    post,
    path = "/api/v1/carts/{id}/order",
    operation_id = "place_order",
    tag = "store",
    security((), ("customer" = [])),
    params(
        ("id" = String, Path, description = "The cart's id, or `me`: the signed-in customer's cart (with their bearer)"),
        ("Idempotency-Key" = String, Header, description = "Any unique string (a UUID); required"),
    ),
    request_body = PlaceOrder,
    responses(
        (status = 201, description = "Placed; pay at `payment_url`", body = PlacedOrder),
        (status = 400, description = "No Idempotency-Key, or the body could not be read", body = ProblemBody, content_type = "application/problem+json"),
        (status = 404, description = "No such cart", body = ProblemBody, content_type = "application/problem+json"),
        (status = 409, description = "The total changed, or stock ran out", body = ProblemBody, content_type = "application/problem+json"),
        (status = 422, description = "A field is not valid", body = ProblemBody, content_type = "application/problem+json"),
        (status = 429, description = "Too many orders from this address", body = ProblemBody, content_type = "application/problem+json"),
    )
)]
pub async fn place(
    State(state): State<AppState>,
    headers: HeaderMap,
    Path(id): Path<String>,
    Json(order): Json<PlaceOrder>,
) -> Result<Response, Problem> {
    let key = headers
        .get("idempotency-key")
        .and_then(|v| v.to_str().ok())
        .filter(|k| !k.trim().is_empty())
        .ok_or_else(|| {
            Problem::new(
                "idempotency.required",
                400,
                "Placing an order needs an Idempotency-Key header (e.g. a UUID).",
            )
        })?;
    let Named { owner, reader } = named(&state, &headers, &id).await?;
    // The checkout's own key makes the placement once-only in the same
    // transaction as the order, even if this answer is never stored.
    // A customer's cart is `me` for everyone: their user id keeps keys apart.
    let whose = match &owner {
        CartOwner::User(user) => format!("user:{user}"),
        CartOwner::Guest(_) => id.clone(),
    };
    let digest = Sha256::digest(format!("{whose}\n{key}").as_bytes());
    let checkout_key: String = digest[..20].iter().map(|b| format!("{b:02x}")).collect();
    let a = order.address;
    let input = domain::checkout::CheckoutInput {
        email: order.email,
        address: model::accounts::AddressInput {
            full_name: a.full_name,
            line1: a.line1,
            line2: a.line2,
            city: a.city,
            region: a.region,
            postal_code: a.postal_code,
            country: a.country,
            phone: a.phone,
            ..Default::default()
        },
        shipping_method: order.shipping_method,
        promo_code: order.promo_code,
        expected_total: order.expected_total_minor,
        checkout_key,
        use_store_credit: order.use_store_credit,
        // Its mails speak the language the client asked in.
        locale: reader.locale,
        currency: Some(reader.currency),
    };
    let placed = state.ctx.checkout.place_order(&owner, &input).await?;
    let body = PlacedOrder {
        number: placed.number,
        order_id: placed.public_id,
        payment_url: placed.redirect_url,
    };
    Ok((StatusCode::CREATED, axum::Json(body)).into_response())
}
