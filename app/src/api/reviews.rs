//! Reviews: shoppers read, write, vote and report; staff moderate
//! (permission `reviews`).
use leptos::prelude::*;
use leptos::server_fn::codec::GetUrl;
use model::reviews::{
    ModerationFilter, ModerationRow, ReviewSort, ReviewStanding, ReviewStatus, ReviewsPage,
};
use model::AppError;

#[cfg(feature = "ssr")]
use crate::request::errors::fail;
#[cfg(feature = "ssr")]
use model::reviews::{ReviewInput, ReviewQuery};

/// A product's published reviews, one page of them, with the histogram.
/// The same for everyone but the viewer's own helpful votes.
#[server(prefix = "/api/reviews", endpoint = "list", input = GetUrl)]
pub async fn product_reviews(
    slug: String,
    sort: ReviewSort,
    stars: Option<u8>,
    page: u64,
) -> Result<ReviewsPage, AppError> {
    let (ctx, caller) = crate::request::caller::context_and_caller().await?;
    ctx.reviews
        .page(&caller.actor, &slug, &ReviewQuery { sort, stars, page })
        .await
        .map_err(fail)
}

/// Whether the caller may review the product, or their review as written.
#[server(prefix = "/api/reviews", endpoint = "standing", input = GetUrl)]
pub async fn review_eligibility(slug: String) -> Result<ReviewStanding, AppError> {
    let (ctx, caller) = crate::request::caller::context_and_caller().await?;
    ctx.reviews
        .standing(&caller.actor, &slug)
        .await
        .map_err(fail)
}

/// A form post (works before the WASM loads): the stars, a title, the text.
#[server(prefix = "/api/reviews", endpoint = "submit")]
pub async fn submit_review(
    slug: String,
    rating: u8,
    title: String,
    body: String,
) -> Result<ReviewStatus, AppError> {
    let (ctx, caller) = crate::request::caller::context_and_caller().await?;
    let review = ReviewInput {
        rating,
        title,
        body,
    };
    ctx.reviews
        .submit(&caller.actor, &slug, &review)
        .await
        .map_err(fail)
}

#[server(prefix = "/api/reviews", endpoint = "withdraw")]
pub async fn withdraw_review(slug: String) -> Result<(), AppError> {
    let (ctx, caller) = crate::request::caller::context_and_caller().await?;
    ctx.reviews
        .withdraw(&caller.actor, ctx.files.as_ref(), &slug)
        .await
        .map_err(fail)
}

/// Removes one of the caller's photos from their review (photos are added
/// over plain HTTP: `POST /reviews/{slug}/photos`, body too binary for a
/// server function).
#[server(prefix = "/api/reviews", endpoint = "photo/remove")]
pub async fn remove_review_photo(photo_id: i32) -> Result<(), AppError> {
    let (ctx, caller) = crate::request::caller::context_and_caller().await?;
    ctx.reviews
        .remove_photo(&caller.actor, ctx.files.as_ref(), photo_id)
        .await
        .map_err(fail)
}

/// Returns the review's helpful count after the caller's vote.
#[server(prefix = "/api/reviews", endpoint = "helpful")]
pub async fn vote_review(review_id: i32) -> Result<u32, AppError> {
    let (ctx, caller) = crate::request::caller::context_and_caller().await?;
    ctx.reviews
        .vote_helpful(&caller.actor, review_id)
        .await
        .map_err(fail)
}

#[server(prefix = "/api/reviews", endpoint = "report")]
pub async fn report_review(review_id: i32, reason: String) -> Result<(), AppError> {
    let (ctx, caller) = crate::request::caller::context_and_caller().await?;
    ctx.reviews
        .report(&caller.actor, review_id, &reason)
        .await
        .map_err(fail)
}

#[server(prefix = "/api/staff/reviews", endpoint = "list", input = GetUrl)]
pub async fn staff_reviews(
    filter: ModerationFilter,
    page: u64,
) -> Result<Vec<ModerationRow>, AppError> {
    let (ctx, caller) = crate::request::caller::context_and_caller().await?;
    ctx.reviews
        .queue(&caller.actor, filter, page)
        .await
        .map_err(fail)
}

#[server(prefix = "/api/staff/reviews", endpoint = "approve")]
pub async fn approve_review(review_id: i32) -> Result<(), AppError> {
    let (ctx, caller) = crate::request::caller::context_and_caller().await?;
    ctx.reviews
        .approve(&caller.actor, review_id)
        .await
        .map_err(fail)
}

#[server(prefix = "/api/staff/reviews", endpoint = "reject")]
pub async fn reject_review(review_id: i32, reason: String) -> Result<(), AppError> {
    let (ctx, caller) = crate::request::caller::context_and_caller().await?;
    ctx.reviews
        .reject(&caller.actor, review_id, &reason)
        .await
        .map_err(fail)
}

/// The shop's public answer; empty text removes it.
#[server(prefix = "/api/staff/reviews", endpoint = "reply")]
pub async fn reply_review(review_id: i32, text: String) -> Result<(), AppError> {
    let (ctx, caller) = crate::request::caller::context_and_caller().await?;
    ctx.reviews
        .reply(&caller.actor, review_id, &text)
        .await
        .map_err(fail)
}
