//! Who calls the store API's customer operations: a customer signed in
//! through `POST /api/v1/customer/session`, named by `Authorization:
//! Bearer mcs_…`. The bearer is a session of the browsers' session store —
//! the same sign-in rules (absolute limit, idle expiry, an erased or
//! disabled account ends it), listed under the account's devices, ended by
//! "sign out everywhere" and a password change. Admin API tokens are not
//! customers and are refused here; cookies are never read.
use std::str::FromStr;
use std::sync::Arc;

use axum::extract::FromRequestParts;
use axum::http::request::Parts;
use axum::http::HeaderMap;
use domain::accounts::{Actor, Role, UserSummary};
use tower_sessions::session::Id;
use tower_sessions::{Expiry, Session};

use super::auth::bearer;
use super::problem::Problem;
use crate::http::AppState;

/// What a customer's bearer starts with, as `mct_` starts an API token.
pub const SECRET_PREFIX: &str = "mcs_";

/// The signed-in customer behind a request.
pub struct Shopper {
    /// Always a customer's powers (see [`optional`]).
    pub actor: Actor,
    pub user_id: i32,
    pub user: UserSummary,
    pub session: Session,
}

pub fn required() -> Problem {
    Problem::new(
        "auth.session_required",
        401,
        "This operation acts for a signed-in customer: send `Authorization: Bearer mcs_…` \
         from POST /api/v1/customer/session. API tokens do not work here.",
    )
}

fn invalid() -> Problem {
    Problem::new(
        "auth.session_invalid",
        401,
        "This sign-in is not valid any more: it was signed out, timed out, or the password changed. Sign in again.",
    )
}

fn expiry(state: &AppState) -> Expiry {
    let idle = time::Duration::try_from(state.ctx.sessions.idle).unwrap_or(time::Duration::days(7));
    Expiry::OnInactivity(idle)
}

/// A new, empty session in the store, for a sign-in to fill.
pub fn new_session(state: &AppState) -> Session {
    Session::new(None, Arc::clone(&state.sessions), Some(expiry(state)))
}

/// The bearer handed to the client for a saved session.
pub fn secret_of(session: &Session) -> Option<String> {
    session.id().map(|id| format!("{SECRET_PREFIX}{id}"))
}

/// The customer named by the request's bearer, if it names one; a bearer
/// that is not a customer's sign-in is refused rather than ignored.
pub async fn optional(headers: &HeaderMap, state: &AppState) -> Result<Option<Shopper>, Problem> {
    let Some(secret) = bearer(headers) else {
        return Ok(None);
    };
    let id = secret.strip_prefix(SECRET_PREFIX).ok_or_else(required)?;
    let id = Id::from_str(id).map_err(|_| invalid())?;
    let session = Session::new(Some(id), Arc::clone(&state.sessions), Some(expiry(state)));
    let caller = app::request::caller::resolve(session, &state.ctx).await?;
    let Some(user) = caller.user else {
        return Err(invalid());
    };
    if caller.session.is_modified() {
        // Pushes the idle expiry forward, as a browser's request would.
        caller
            .session
            .save()
            .await
            .map_err(app::request::caller::session_error)?;
    }
    let id = caller.actor.user_id().ok_or_else(invalid)?;
    // A staff account signed in here acts as the customer it also is: the
    // store API never reaches the back office, whatever the account holds.
    let actor = Actor::user(id, Role::Customer, Vec::new(), false);
    Ok(Some(Shopper {
        actor,
        user_id: id,
        user,
        session: caller.session,
    }))
}

impl Shopper {
    /// Their cart or wishlist.
    pub fn owner(&self) -> domain::cart::CartOwner {
        domain::cart::CartOwner::User(self.user_id)
    }
}

impl FromRequestParts<AppState> for Shopper {
    type Rejection = Problem;

    async fn from_request_parts(parts: &mut Parts, state: &AppState) -> Result<Self, Problem> {
        optional(&parts.headers, state).await?.ok_or_else(required)
    }
}
