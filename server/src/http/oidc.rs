//! `GET /auth/oidc/{provider}` and its callback: the round trip to an
//! identity provider (`domain::identity_providers`). Leaving, the flow
//! (state, PKCE verifier, nonce, where to go next, who is linking) waits in
//! the browser's session; back, it is taken once and the identity goes to
//! `Accounts::sign_in_external`: signed in, a second factor to enter, a
//! link to confirm (`/signin/link`), or linked to the signed-in account.
//! A failure leaves its message in the session for the page it returns to.
use axum::extract::{Path, Query, State};
use axum::http::HeaderMap;
use axum::response::{IntoResponse, Redirect, Response};
use serde::Deserialize;
use tower_sessions::Session;

use app::request::context::ServerContext;
use app::request::{caller, identity};
use domain::accounts::identities::ExternalSignIn;
use domain::identity_providers::expired;
use model::url::{encode, local_path, safe_next};
use model::Locale;

#[derive(Deserialize)]
pub struct StartQuery {
    #[serde(default)]
    next: Option<String>,
    /// Present: link the provider to the signed-in account.
    #[serde(default)]
    link: Option<String>,
    /// The language of the page the shopper left from (`de`); none for
    /// an unprefixed page, whose language is detected again on the way back.
    #[serde(default)]
    lang: Option<String>,
}

#[derive(Deserialize)]
pub struct CallbackQuery {
    #[serde(default)]
    code: Option<String>,
    #[serde(default)]
    state: Option<String>,
    /// The shopper said no at the provider (or it refused).
    #[serde(default)]
    error: Option<String>,
}

/// `path` under the language prefix of the page the shopper left from.
fn localized(locale: Option<Locale>, path: &str) -> String {
    match locale {
        Some(l) => format!("{}{path}", l.prefix()),
        None => path.to_owned(),
    }
}

/// Where a failure is told: the security page when linking, else sign-in.
fn failed_at(linking: bool, locale: Option<Locale>) -> String {
    localized(
        locale,
        if linking {
            "/account/security?signin=failed"
        } else {
            "/signin?signin=failed"
        },
    )
}

async fn tell(
    session: &Session,
    e: &domain::Error,
    linking: bool,
    locale: Option<Locale>,
) -> Response {
    if e.is_internal() {
        tracing::error!(error = %e, "sign-in with a provider failed");
    }
    // Kept as the error itself: the page shows it in its own language.
    if let Err(e) = identity::leave_notice(session, &e.to_app_error()).await {
        tracing::error!(error = %e, "keeping a sign-in notice");
    }
    Redirect::to(&failed_at(linking, locale)).into_response()
}

pub async fn start(
    State(ctx): State<ServerContext>,
    session: Session,
    Path(provider): Path<String>,
    Query(q): Query<StartQuery>,
) -> Response {
    let linking = q.link.is_some();
    let locale = q.lang.as_deref().and_then(Locale::from_tag);
    match begin(&ctx, &session, &provider, q, locale).await {
        Ok(url) => Redirect::to(&url).into_response(),
        Err(e) => tell(&session, &e, linking, locale).await,
    }
}

async fn begin(
    ctx: &ServerContext,
    session: &Session,
    provider: &str,
    q: StartQuery,
    locale: Option<Locale>,
) -> Result<String, domain::Error> {
    let linking = match q.link {
        Some(_) => {
            let who = caller::resolve(session.clone(), ctx).await?;
            Some(who.actor.require_user()?)
        }
        None => None,
    };
    let (url, pending) = ctx.identity_providers.begin(provider).await?;
    let flow = identity::Flow {
        pending,
        next: match q.next.as_deref().and_then(local_path) {
            Some(next) => next.to_owned(),
            None => localized(locale, &safe_next(None)),
        },
        linking,
        locale,
    };
    identity::start(session, &flow).await?;
    Ok(url)
}

pub async fn callback(
    State(ctx): State<ServerContext>,
    session: Session,
    headers: HeaderMap,
    Path(provider): Path<String>,
    Query(q): Query<CallbackQuery>,
) -> Response {
    let flow = match identity::take_flow(&session).await {
        Ok(Some(flow)) if flow.pending.provider == provider => flow,
        Ok(_) => return tell(&session, &expired(), false, None).await,
        Err(e) => return tell(&session, &e, false, None).await,
    };
    let (linking, locale) = (flow.linking.is_some(), flow.locale);
    match finish(&ctx, &session, &headers, flow, q).await {
        Ok(to) => Redirect::to(&to).into_response(),
        Err(e) => tell(&session, &e, linking, locale).await,
    }
}

async fn finish(
    ctx: &ServerContext,
    session: &Session,
    headers: &HeaderMap,
    flow: identity::Flow,
    q: CallbackQuery,
) -> Result<String, domain::Error> {
    let label = ctx
        .identity_providers
        .label(&flow.pending.provider)
        .unwrap_or("The provider")
        .to_owned();
    let (Some(code), Some(state), None) = (q.code, q.state, q.error) else {
        return Err(domain::Error::rule(
            "provider",
            model::Said::new("error-identity-declined").text("provider", label),
        ));
    };
    if let Some(linking) = flow.linking {
        // Still the shopper who asked to link (not someone who signed in
        // on this browser since).
        let now = caller::resolve(session.clone(), ctx).await?;
        if now.actor.user_id() != Some(linking) {
            return Err(domain::Error::Unauthenticated);
        }
    }
    let who = ctx
        .identity_providers
        .finish(&flow.pending, &state, &code)
        .await?;
    Ok(
        match ctx.accounts.sign_in_external(&who, flow.linking).await? {
            ExternalSignIn::SignedIn { user_id } => {
                let agent = caller::user_agent_of(headers);
                caller::sign_in_with(session, Some(ctx), user_id, agent).await?;
                flow.next
            }
            ExternalSignIn::SecondFactor { user_id } => {
                caller::await_second_factor(session, user_id).await?;
                let next = encode(&flow.next);
                localized(flow.locale, &format!("/signin?step=code&next={next}"))
            }
            ExternalSignIn::Confirm(link) => {
                identity::await_link(session, &link).await?;
                let next = encode(&flow.next);
                localized(flow.locale, &format!("/signin/link?next={next}"))
            }
            ExternalSignIn::Linked => localized(
                flow.locale,
                &format!("/account/security?linked={}", who.provider),
            ),
        },
    )
}
