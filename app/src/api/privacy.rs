//! Guests' data requests: a copy of their orders or the erasure of their
//! details, confirmed through a mailed link (`domain::accounts::guest_privacy`).
use leptos::prelude::*;
use model::AppError;

#[cfg(feature = "ssr")]
use super::errors::fail;

/// Mails a confirmation link if the address has guest orders; the answer
/// is the same either way. `kind` is `export` or `erase`.
#[server(prefix = "/api/privacy", endpoint = "request")]
pub async fn request_privacy(email: String, kind: String) -> Result<(), AppError> {
    let ctx = super::context::ServerContext::current()?;
    let kind = domain::accounts::GuestRequest::parse(&kind).map_err(fail)?;
    ctx.accounts
        .request_guest_privacy(&email, kind)
        .await
        .map_err(fail)
}
