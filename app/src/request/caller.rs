//! Who is calling: the session's user turned into a domain `Actor`, with the
//! absolute sign-in limit and the idle timer applied. Signing in always
//! cycles the session id (no fixation).
use domain::accounts::{
    Actor, UserSummary, SESSION_LOCALE, SESSION_SIGNED_IN_AT, SESSION_USER_AGENT, SESSION_USER_ID,
};
use model::AppError;
use std::sync::Arc;

use tower_sessions::Session;

use crate::request::context::ServerContext;
use crate::request::errors::fail;

/// Session key for a sign-in that still needs its second factor.
const PENDING_2FA: &str = "pending_2fa";
const PENDING_2FA_AT: &str = "pending_2fa_at";
/// How long the gap between password and code may be.
const PENDING_2FA_SECS: i64 = 600;
const TOUCHED_AT: &str = "seen";
/// A guest's cart (its public id).
const CART: &str = "cart";
const WISHLIST: &str = "wishlist";

pub struct Caller {
    pub session: Session,
    pub actor: Actor,
    pub user: Option<UserSummary>,
}

impl Caller {
    pub fn session_id(&self) -> Option<String> {
        self.session.id().map(|id| id.to_string())
    }
}

fn now() -> i64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.as_secs() as i64)
        .unwrap_or_default()
}

/// A session store failure, as the domain reports it.
pub fn session_error(e: tower_sessions::session::Error) -> domain::Error {
    domain::Error::internal(format!("session: {e}"))
}

/// Resolves the caller of the current request from its session.
pub async fn resolve(session: Session, ctx: &ServerContext) -> Result<Caller, domain::Error> {
    let user_id: Option<i32> = session.get(SESSION_USER_ID).await.map_err(session_error)?;
    let Some(user_id) = user_id else {
        return Ok(Caller {
            session,
            actor: Actor::anonymous(),
            user: None,
        });
    };
    let since: i64 = session
        .get(SESSION_SIGNED_IN_AT)
        .await
        .map_err(session_error)?
        .unwrap_or_default();
    if now() - since > ctx.sessions.max_age.as_secs() as i64 {
        session.flush().await.map_err(session_error)?;
        return Ok(Caller {
            session,
            actor: Actor::anonymous(),
            user: None,
        });
    }
    let (actor, user) = ctx.accounts.actor(Some(user_id)).await?;
    if user.is_none() {
        // The account is gone (erased): end the session.
        session.flush().await.map_err(session_error)?;
    } else {
        let seen: i64 = session
            .get(TOUCHED_AT)
            .await
            .map_err(session_error)?
            .unwrap_or_default();
        if now() - seen > ctx.sessions.touch_every.as_secs() as i64 {
            // Marks the session modified, so the store pushes its idle expiry forward.
            session
                .insert(TOUCHED_AT, now())
                .await
                .map_err(session_error)?;
        }
    }
    Ok(Caller {
        session,
        actor,
        user,
    })
}

/// Who is calling, resolved once per page render: the header, the cart and
/// the page each ask, and each asking was a user query. Provided by the
/// `App` (so only page renders share it; a server function call resolves its
/// own), forgotten whenever the session's user changes.
#[derive(Clone, Default)]
pub struct CallerMemo(Arc<tokio::sync::Mutex<Option<Resolved>>>);

pub(crate) type Resolved = (Actor, Option<UserSummary>);

impl CallerMemo {
    /// Starts from the caller resolved before the render, when it was.
    pub fn provide(known: Option<Resolved>) {
        leptos::prelude::provide_context(Self(Arc::new(tokio::sync::Mutex::new(known))));
    }

    async fn forget() {
        if let Some(memo) = leptos::prelude::use_context::<Self>() {
            *memo.0.lock().await = None;
        }
    }
}

/// The caller of the current server function.
pub async fn caller() -> Result<Caller, AppError> {
    let ctx = ServerContext::current()?;
    let session: Session = leptos_axum::extract().await.map_err(|_| {
        tracing::error!("session layer missing");
        crate::request::errors::respond_with(model::AppError::internal())
    })?;
    let Some(memo) = leptos::prelude::use_context::<CallerMemo>() else {
        return resolve(session, &ctx).await.map_err(fail);
    };
    // Held across the resolution, so concurrent askers wait for one answer.
    let mut known = memo.0.lock().await;
    if let Some((actor, user)) = known.as_ref() {
        return Ok(Caller {
            session,
            actor: actor.clone(),
            user: user.clone(),
        });
    }
    let caller = resolve(session, &ctx).await.map_err(fail)?;
    *known = Some((caller.actor.clone(), caller.user.clone()));
    Ok(caller)
}

/// Whose cart this request works on.
pub async fn cart_owner(caller: &Caller) -> Result<domain::cart::CartOwner, domain::Error> {
    owner(caller, CART).await
}

/// Whose wishlist: the customer's, or the guest list named in the session.
pub async fn wishlist_owner(caller: &Caller) -> Result<domain::cart::CartOwner, domain::Error> {
    owner(caller, WISHLIST).await
}

async fn owner(caller: &Caller, key: &str) -> Result<domain::cart::CartOwner, domain::Error> {
    Ok(match caller.actor.user_id() {
        Some(id) => domain::cart::CartOwner::User(id),
        None => {
            domain::cart::CartOwner::Guest(caller.session.get(key).await.map_err(session_error)?)
        }
    })
}

/// Remembers a guest's new cart in their session.
pub async fn remember_cart(caller: &Caller, public_id: Option<&str>) -> Result<(), domain::Error> {
    remember(caller, CART, public_id).await
}

/// Remembers a guest's new wishlist in their session.
pub async fn remember_wishlist(
    caller: &Caller,
    public_id: Option<&str>,
) -> Result<(), domain::Error> {
    remember(caller, WISHLIST, public_id).await
}

async fn remember(
    caller: &Caller,
    key: &str,
    public_id: Option<&str>,
) -> Result<(), domain::Error> {
    if caller.actor.user_id().is_some() {
        return Ok(());
    }
    if let Some(id) = public_id {
        let known: Option<String> = caller.session.get(key).await.map_err(session_error)?;
        if known.as_deref() != Some(id) {
            caller
                .session
                .insert(key, id)
                .await
                .map_err(session_error)?;
        }
    }
    Ok(())
}

/// The services and the caller, for server functions that need both.
pub async fn context_and_caller() -> Result<(ServerContext, Caller), AppError> {
    Ok((ServerContext::current()?, caller().await?))
}

/// The context and whose cart this request works on: how every cart and
/// checkout server function begins.
pub async fn context_and_cart_owner() -> Result<(ServerContext, domain::cart::CartOwner), AppError>
{
    let (ctx, caller) = context_and_caller().await?;
    let owner = cart_owner(&caller).await.map_err(fail)?;
    Ok((ctx, owner))
}

/// Starts a signed-in session under a new id; a guest cart and wishlist
/// join the customer's.
pub async fn sign_in(session: &Session, user_id: i32) -> Result<(), domain::Error> {
    CallerMemo::forget().await;
    let agent = user_agent().await;
    let ctx = leptos::prelude::use_context::<ServerContext>();
    sign_in_with(session, ctx.as_ref(), user_id, agent).await
}

/// [`sign_in`] outside a server function (a plain route): its context and
/// the request's `User-Agent` given.
pub async fn sign_in_with(
    session: &Session,
    ctx: Option<&ServerContext>,
    user_id: i32,
    agent: String,
) -> Result<(), domain::Error> {
    let guest_cart: Option<String> = session.remove(CART).await.map_err(session_error)?;
    let guest_list: Option<String> = session.remove(WISHLIST).await.map_err(session_error)?;
    if let Some(ctx) = ctx {
        if let Some(cart) = guest_cart {
            ctx.commerce.carts().merge(&cart, user_id).await?;
        }
        if let Some(list) = guest_list {
            ctx.commerce.wishlists().merge(&list, user_id).await?;
        }
    }
    session.cycle_id().await.map_err(session_error)?;
    session
        .remove_value(PENDING_2FA)
        .await
        .map_err(session_error)?;
    session
        .remove_value(PENDING_2FA_AT)
        .await
        .map_err(session_error)?;
    mark_signed_in(session, user_id, agent).await?;
    if let Some(ctx) = ctx {
        if let (_, Some(user)) = ctx.accounts.actor(Some(user_id)).await? {
            remember_locale(session, user.locale).await?;
        }
    }
    Ok(())
}

/// Keeps the signed-in account's language in its session, for pages whose
/// address names none (read by the server before a page renders).
pub async fn remember_locale(
    session: &Session,
    locale: model::Locale,
) -> Result<(), domain::Error> {
    session
        .insert(SESSION_LOCALE, locale.code())
        .await
        .map_err(session_error)
}

/// What [`remember_locale`] kept, if the session has it.
pub async fn account_locale(session: &Session) -> Option<model::Locale> {
    let code: Option<String> = session.get(SESSION_LOCALE).await.ok().flatten();
    code.as_deref().and_then(model::Locale::from_tag)
}

/// What makes a session signed in, whether a browser's cookie or an API
/// client's bearer names it: the user, since when, and the device.
pub async fn mark_signed_in(
    session: &Session,
    user_id: i32,
    agent: String,
) -> Result<(), domain::Error> {
    session
        .insert(SESSION_USER_ID, user_id)
        .await
        .map_err(session_error)?;
    session
        .insert(SESSION_SIGNED_IN_AT, now())
        .await
        .map_err(session_error)?;
    session
        .insert(TOUCHED_AT, now())
        .await
        .map_err(session_error)?;
    session
        .insert(SESSION_USER_AGENT, agent)
        .await
        .map_err(session_error)
}

/// Remembers that the password was right; the code comes next.
pub async fn await_second_factor(session: &Session, user_id: i32) -> Result<(), domain::Error> {
    CallerMemo::forget().await;
    session.cycle_id().await.map_err(session_error)?;
    session
        .insert(PENDING_2FA, user_id)
        .await
        .map_err(session_error)?;
    session
        .insert(PENDING_2FA_AT, now())
        .await
        .map_err(session_error)
}

/// The user waiting for their second factor, if that step has not timed out.
pub async fn pending_second_factor(session: &Session) -> Result<Option<i32>, domain::Error> {
    let user: Option<i32> = session.get(PENDING_2FA).await.map_err(session_error)?;
    let at: i64 = session
        .get(PENDING_2FA_AT)
        .await
        .map_err(session_error)?
        .unwrap_or_default();
    Ok(user.filter(|_| now() - at <= PENDING_2FA_SECS))
}

/// Ends the session here and in the store.
pub async fn sign_out(session: &Session) -> Result<(), domain::Error> {
    CallerMemo::forget().await;
    session.flush().await.map_err(session_error)
}

/// After a privilege change (2FA on, password changed) the id changes too.
pub async fn cycle(session: &Session) -> Result<(), domain::Error> {
    session.cycle_id().await.map_err(session_error)
}

async fn user_agent() -> String {
    let headers: Result<http::HeaderMap, _> = leptos_axum::extract().await;
    headers.map(|h| user_agent_of(&h)).unwrap_or_default()
}

/// The request's `User-Agent`, cut to what the device list shows.
pub fn user_agent_of(headers: &http::HeaderMap) -> String {
    headers
        .get(http::header::USER_AGENT)
        .and_then(|v| v.to_str().ok())
        .unwrap_or_default()
        .chars()
        .take(300)
        .collect()
}
