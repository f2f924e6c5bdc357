//! Gift cards on a store API cart, as at the shop's checkout: a code is
//! entered once and the card joins the cart (up to five; the same
//! rate-limit class as signing in, since a code is a secret to guess); the
//! quote then says what each card pays and what is left `to_pay` at the
//! payment page; placing the order spends them. A card taken off no longer
//! pays.
use axum::extract::State;
use axum::http::{HeaderMap, StatusCode};
use axum::response::{IntoResponse, Response};
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

use super::carts::named;
use super::extract::{Json, Path};
use super::problem::{Problem, ProblemBody};
use super::types::Money;
use crate::http::AppState;

#[derive(Debug, Deserialize, ToSchema)]
pub struct GiftCardCode {
    /// As printed or mailed; case, spaces and dashes don't matter.
    #[schema(example = "ABCD-EFGH-JKLM-NPQR")]
    pub code: String,
}

/// A gift card entered for the cart, in its quote.
#[derive(Debug, Serialize, ToSchema)]
pub struct AppliedGiftCard {
    /// The id to take it off the cart with.
    pub id: i32,
    /// The code's last four characters; the code itself is never shown.
    pub last4: String,
    pub balance: Money,
    /// What it pays of this order.
    pub applied: Money,
}

impl From<model::gift_cards::AppliedCard> for AppliedGiftCard {
    fn from(c: model::gift_cards::AppliedCard) -> Self {
        Self {
            id: c.id,
            last4: c.last4,
            balance: c.balance.into(),
            applied: c.applied.into(),
        }
    }
}

/// Enters a gift card for the cart's order.
#[utoipa::path(
    post,
    path = "/api/v1/carts/{id}/gift-cards",
    operation_id = "apply_gift_card",
    tag = "store",
    security((), ("customer" = [])),
    params(("id" = String, Path, description = "The cart's id, or `me`: the signed-in customer's cart (with their bearer)")),
    request_body = GiftCardCode,
    responses(
        (status = 204, description = "The card pays towards the order; the quote shows how much"),
        (status = 404, description = "No such cart", body = ProblemBody, content_type = "application/problem+json"),
        (status = 422, description = "Not a code the shop recognises, a card with nothing left, or five cards already", body = ProblemBody, content_type = "application/problem+json"),
        (status = 429, description = "Too many codes tried from this address", body = ProblemBody, content_type = "application/problem+json"),
    )
)]
pub async fn apply(
    State(state): State<AppState>,
    headers: HeaderMap,
    Path(id): Path<String>,
    Json(body): Json<GiftCardCode>,
) -> Result<Response, Problem> {
    let named = named(&state, &headers, &id).await?;
    state
        .ctx
        .checkout
        .apply_gift_card(&named.owner, &body.code, Some(named.reader.currency))
        .await?;
    Ok(StatusCode::NO_CONTENT.into_response())
}

/// Takes a gift card off the cart's order.
#[utoipa::path(
    delete,
    path = "/api/v1/carts/{id}/gift-cards/{card_id}",
    operation_id = "remove_gift_card",
    tag = "store",
    security((), ("customer" = [])),
    params(
        ("id" = String, Path, description = "The cart's id, or `me`: the signed-in customer's cart (with their bearer)"),
        ("card_id" = i32, Path, description = "The card's `id` in the quote"),
    ),
    responses(
        (status = 204, description = "The card no longer pays (also when it was not on the cart)"),
        (status = 404, description = "No such cart", body = ProblemBody, content_type = "application/problem+json"),
    )
)]
pub async fn remove(
    State(state): State<AppState>,
    headers: HeaderMap,
    Path((id, card_id)): Path<(String, i32)>,
) -> Result<Response, Problem> {
    let named = named(&state, &headers, &id).await?;
    state
        .ctx
        .checkout
        .remove_gift_card(&named.owner, card_id)
        .await?;
    Ok(StatusCode::NO_CONTENT.into_response())
}
