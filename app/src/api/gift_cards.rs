//! Gift cards: buying one, for staff the list, issuing and switching off
//! and on, and store credit for the customer who holds it. Paying with
//! them is in `checkout`.
// In the browser build `#[server]` generates a client function with the
// same long argument list, where a per-function allow does not reach.
#![allow(clippy::too_many_arguments)]
use leptos::prelude::*;
use model::commerce::PlacedOrderView;
use model::gift_cards::{GiftCardRow, IssuedCard};
use model::AppError;

#[cfg(feature = "ssr")]
use crate::request::errors::fail;

/// The newest cards, or those whose code ends in `last4`.
#[server(prefix = "/api/staff/gift-cards", endpoint = "list")]
pub async fn staff_gift_cards(last4: String) -> Result<Vec<GiftCardRow>, AppError> {
    let (ctx, caller) = crate::request::caller::context_and_caller().await?;
    ctx.gift_cards
        .list(&caller.actor, &last4)
        .await
        .map_err(fail)
}

/// A new card worth `amount` (major units of the shop's currency); its
/// code is in the answer and nowhere else.
#[server(prefix = "/api/staff/gift-cards", endpoint = "issue")]
pub async fn issue_gift_card(amount: String, note: String) -> Result<IssuedCard, AppError> {
    let (ctx, caller) = crate::request::caller::context_and_caller().await?;
    let currency = ctx.commerce.currency();
    let minor = model::Money::parse_major(&amount, currency).ok_or_else(|| {
        fail(domain::Error::validation(
            "amount",
            "Enter an amount like 25.00.",
        ))
    })?;
    let note = domain::bounds::text(&note, 200);
    let issued = ctx
        .gift_cards
        .issue(&caller.actor, currency, minor, &note)
        .await
        .map_err(fail)?;
    Ok(IssuedCard {
        code: issued.code,
        last4: issued.last4,
        balance: issued.balance,
    })
}

#[server(prefix = "/api/staff/gift-cards", endpoint = "status")]
pub async fn set_gift_card_active(id: i32, active: bool) -> Result<(), AppError> {
    let (ctx, caller) = crate::request::caller::context_and_caller().await?;
    ctx.gift_cards
        .set_active(&caller.actor, id, active)
        .await
        .map_err(fail)
}

/// The signed-in customer's store credit, if they have any.
#[server(prefix = "/api/account", endpoint = "store-credit")]
pub async fn my_store_credit() -> Result<Option<model::Money>, AppError> {
    let (ctx, caller) = crate::request::caller::context_and_caller().await?;
    ctx.gift_cards
        .my_store_credit(&caller.actor)
        .await
        .map_err(fail)
}

/// Places an order for a gift card (`amount` in major units; an empty
/// `recipient_email` sends it to the buyer, an empty `deliver_on` at once)
/// and returns where to pay. Limited like placing an order.
#[server(prefix = "/api/gift-cards", endpoint = "buy")]
pub async fn buy_gift_card(
    amount: String,
    email: String,
    recipient_email: String,
    recipient_name: String,
    sender_name: String,
    message: String,
    deliver_on: String,
) -> Result<PlacedOrderView, AppError> {
    let (ctx, owner) = crate::request::caller::context_and_cart_owner().await?;
    let input = domain::gift_cards::purchase::PurchaseInput {
        amount,
        recipient_email,
        recipient_name,
        sender_name,
        message,
        deliver_on,
    };
    let placed = ctx
        .checkout
        .buy_gift_card(
            &owner,
            &email,
            &input,
            crate::request::currency::shopper(&ctx),
        )
        .await
        .map_err(fail)?;
    Ok(PlacedOrderView {
        number: placed.number,
        redirect_url: placed.redirect_url,
    })
}
