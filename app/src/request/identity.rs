//! What a browser's session holds around a sign-in with an identity
//! provider: the flow while the shopper is away at the provider, a link
//! waiting for their yes, and a notice for the next page when it failed.
//! The server's `/auth/oidc/…` routes write them; server functions read.
use serde::{Deserialize, Serialize};
use tower_sessions::Session;

use domain::accounts::identities::PendingLink;
use domain::identity_providers::Pending;

use super::caller::session_error;

const FLOW: &str = "oidc_flow";
const LINK: &str = "oidc_link";
const NOTICE: &str = "oidc_notice";

/// A sign-in under way at the provider.
#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct Flow {
    pub pending: Pending,
    /// Where to go once signed in (a local path).
    pub next: String,
    /// The signed-in shopper linking the provider to their account.
    pub linking: Option<i32>,
    /// The language of the page the shopper left from: the pages the
    /// round trip leads back to are in it.
    #[serde(default)]
    pub locale: Option<model::Locale>,
}

pub async fn start(session: &Session, flow: &Flow) -> Result<(), domain::Error> {
    session.insert(FLOW, flow).await.map_err(session_error)
}

/// The flow, once: a callback can't be replayed.
pub async fn take_flow(session: &Session) -> Result<Option<Flow>, domain::Error> {
    session.remove(FLOW).await.map_err(session_error)
}

pub async fn await_link(session: &Session, link: &PendingLink) -> Result<(), domain::Error> {
    session.insert(LINK, link).await.map_err(session_error)
}

pub async fn pending_link(session: &Session) -> Result<Option<PendingLink>, domain::Error> {
    session.get(LINK).await.map_err(session_error)
}

pub async fn take_link(session: &Session) -> Result<Option<PendingLink>, domain::Error> {
    session.remove(LINK).await.map_err(session_error)
}

pub async fn leave_notice(session: &Session, error: &model::AppError) -> Result<(), domain::Error> {
    session.insert(NOTICE, error).await.map_err(session_error)
}

/// The notice, said once. One this version cannot read (left by an older
/// one) is dropped, not an error: the page just goes without it.
pub async fn take_notice(session: &Session) -> Result<Option<model::AppError>, domain::Error> {
    let kept: Option<serde_json::Value> = session.remove(NOTICE).await.map_err(session_error)?;
    Ok(kept.and_then(|v| serde_json::from_value(v).ok()))
}
