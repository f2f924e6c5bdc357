//! Guests' data requests: a copy of their orders or the erasure of their
//! details, confirmed through a mailed link (`domain::accounts::guest_privacy`).
use leptos::prelude::*;
use model::AppError;

#[cfg(feature = "ssr")]
use crate::request::errors::fail;

/// Mails a confirmation link if the address has guest orders; the answer
/// is the same either way.
#[server(prefix = "/api/privacy", endpoint = "request")]
pub async fn request_privacy(
    email: String,
    kind: model::accounts::GuestRequest,
) -> Result<(), AppError> {
    let ctx = crate::request::context::ServerContext::current()?;
    ctx.accounts
        .request_guest_privacy(&email, kind)
        .await
        .map_err(fail)
}
