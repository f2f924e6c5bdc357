//! Photos on shoppers' reviews over plain HTTP: the body is the image,
//! too binary for a server function. Any signed-in customer may call it;
//! the domain checks they wrote a review of the product, bounds how many
//! photos it carries, and validates the image as product images are.
use axum::{
    body::Bytes,
    extract::{Path, State},
    http::StatusCode,
    response::{IntoResponse, Response},
    Json,
};
use tower_sessions::Session;

use app::request::caller;
use app::request::context::ServerContext;
use app::request::errors::fail;

/// `POST /reviews/{slug}/photos` with the image as the body.
pub async fn upload(
    State(ctx): State<ServerContext>,
    session: Session,
    Path(slug): Path<String>,
    body: Bytes,
) -> Response {
    let caller = match caller::resolve(session, &ctx).await {
        Ok(c) => c,
        Err(e) => return fail(e).into_response(),
    };
    match ctx
        .reviews
        .add_photo(&caller.actor, ctx.files.as_ref(), &slug, body.to_vec())
        .await
    {
        Ok(photo) => (StatusCode::CREATED, Json(photo)).into_response(),
        Err(e) => fail(e).into_response(),
    }
}
