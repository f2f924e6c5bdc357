//! `GET /cart/restore?token=…[&lang=de]`: the "Back to your cart" link in
//! a cart reminder, leading to pages in the mail's language. A guest's
//! cart becomes the visitor's (their session names it; a signed-in
//! visitor gets its lines in their own cart); a customer's cart is theirs
//! once signed in. It acts on a GET because it is a link in a
//! mail; a mail scanner following it first only counts the cart as
//! restored and gets a session nobody uses.
use axum::extract::{Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use serde::Deserialize;
use tower_sessions::Session;

use app::request::caller;
use app::request::context::ServerContext;
use domain::cart::reminders::Restored;

#[derive(Deserialize)]
pub struct RestoreQuery {
    #[serde(default)]
    token: String,
    /// The mail's language: the pages it leads to are in it.
    #[serde(default)]
    lang: Option<String>,
}

pub async fn restore(
    State(ctx): State<ServerContext>,
    session: Session,
    Query(q): Query<RestoreQuery>,
) -> Response {
    let prefix = q
        .lang
        .as_deref()
        .and_then(model::Locale::from_tag)
        .map_or("", model::Locale::link_prefix);
    let to = |path: &str| Redirect::to(&path.replace("{lang}", prefix)).into_response();
    match bring_back(&ctx, session, &q.token).await {
        Ok(path) => to(path),
        Err(domain::Error::NotFound { .. }) => to("{lang}/cart?reminder=unknown"),
        Err(e) => {
            if e.is_internal() {
                tracing::error!(error = %e, "cart restore failed");
            }
            let status = StatusCode::from_u16(e.status()).unwrap_or(StatusCode::BAD_REQUEST);
            (status, e.user_message()).into_response()
        }
    }
}

async fn bring_back(
    ctx: &ServerContext,
    session: Session,
    token: &str,
) -> Result<&'static str, domain::Error> {
    let found = ctx.commerce.cart_reminders().restore(token).await?;
    let caller = caller::resolve(session, ctx).await?;
    let visitor = caller.actor.user_id();
    Ok(match found {
        Restored::Guest(cart) => {
            match visitor {
                Some(user) => ctx.commerce.carts().merge(&cart, user).await?,
                None => caller::remember_cart(&caller, Some(&cart)).await?,
            }
            "{lang}/cart?reminder=restored"
        }
        Restored::Customer(owner) if visitor == Some(owner) => "{lang}/cart?reminder=restored",
        // Someone else signed in on this browser, or nobody: the owner signs in.
        Restored::Customer(_) => "{lang}/signin?next={lang}/cart",
        Restored::Gone => "{lang}/cart?reminder=ordered",
    })
}
