//! Sessions: tower-sessions with [`DbSessionStore`], a cookie that is
//! `HttpOnly`, `SameSite=Lax` and `Secure` over https, idle expiry here and
//! the absolute limit checked per request (`app::request::caller`).
mod store;

use std::time::Duration;

use tower_sessions::cookie::SameSite;
use tower_sessions::session_store::ExpiredDeletion;
use tower_sessions::{Expiry, SessionManagerLayer};

pub use store::DbSessionStore;

/// Over https the cookie is `__Host-` prefixed: browsers then accept it only
/// with `Secure`, `Path=/` and no `Domain`, so a sibling subdomain can
/// neither set nor shadow it.
pub fn cookie_name(https: bool) -> &'static str {
    if https {
        "__Host-mercato_session"
    } else {
        "mercato_session"
    }
}

pub fn layer(
    store: DbSessionStore,
    idle: Duration,
    https: bool,
) -> SessionManagerLayer<DbSessionStore> {
    let idle = time::Duration::try_from(idle).unwrap_or(time::Duration::days(7));
    SessionManagerLayer::new(store)
        .with_name(cookie_name(https))
        .with_http_only(true)
        .with_same_site(SameSite::Lax)
        .with_secure(https)
        .with_path("/")
        .with_expiry(Expiry::OnInactivity(idle))
}

/// Removes expired sessions now and then; runs until the task is dropped.
pub async fn cleanup(store: DbSessionStore, every: Duration) {
    let mut tick = tokio::time::interval(every);
    loop {
        tick.tick().await;
        if let Err(e) = store.delete_expired().await {
            tracing::warn!(error = %e, "could not remove expired sessions");
        }
    }
}
