//! A user's sessions as stored by the web layer's session store (table
//! `sessions`, `user_id` copied from the session data): listing and revoking.
use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QueryOrder};

use super::{now, Accounts, Actor, SessionInfo};
use crate::entities::session::{Column, Entity as Session};
use crate::Result;

/// Session data keys shared with the web layer.
pub const SESSION_USER_ID: &str = "uid";
pub const SESSION_USER_AGENT: &str = "ua";
pub const SESSION_SIGNED_IN_AT: &str = "since";
/// The signed-in account's language (its code), for pages whose address
/// names none.
pub const SESSION_LOCALE: &str = "lang";

/// The stored key of a session: the SHA-256 of the cookie's id, so reading
/// the sessions table (a backup, a leaked dump) gives no one a session.
pub fn session_key(cookie_id: &str) -> String {
    super::tokens::digest(cookie_id)
}

/// Ends the user's sessions except `keep` (a cookie's session id).
pub(super) async fn revoke_all<C: ConnectionTrait>(
    conn: &C,
    user_id: i32,
    keep: Option<&str>,
) -> Result<u64> {
    let mut delete = Session::delete_many().filter(Column::UserId.eq(user_id));
    if let Some(keep) = keep {
        delete = delete.filter(Column::Id.ne(session_key(keep)));
    }
    Ok(delete.exec(conn).await?.rows_affected)
}

impl Accounts {
    pub async fn sessions(
        &self,
        actor: &Actor,
        current_session: Option<&str>,
    ) -> Result<Vec<SessionInfo>> {
        let user_id = actor.require_user()?;
        let current = current_session.map(session_key);
        let rows = Session::find()
            .filter(Column::UserId.eq(user_id))
            .filter(Column::ExpiresAt.gt(now()))
            .order_by_desc(Column::ExpiresAt)
            .all(&self.db)
            .await?;
        Ok(rows
            .into_iter()
            .map(|row| {
                let data: serde_json::Map<String, serde_json::Value> =
                    serde_json::from_str(&row.data).unwrap_or_default();
                SessionInfo {
                    device: data
                        .get(SESSION_USER_AGENT)
                        .and_then(|v| v.as_str())
                        .map(describe_agent)
                        .unwrap_or_else(|| "Unknown device".into()),
                    signed_in_at: data
                        .get(SESSION_SIGNED_IN_AT)
                        .and_then(|v| v.as_i64())
                        .unwrap_or_default(),
                    expires_at: row.expires_at.unix_timestamp(),
                    current: current.as_deref() == Some(row.id.as_str()),
                }
            })
            .collect())
    }

    /// "Sign out everywhere else".
    pub async fn revoke_other_sessions(&self, actor: &Actor, keep: &str) -> Result<u64> {
        let user_id = actor.require_user()?;
        revoke_all(&self.db, user_id, Some(keep)).await
    }
}

/// "Firefox on Linux" from a user-agent string; good enough for a list.
fn describe_agent(ua: &str) -> String {
    let browser = [
        ("Edg/", "Edge"),
        ("Firefox/", "Firefox"),
        ("Chrome/", "Chrome"),
        ("Safari/", "Safari"),
        ("curl/", "curl"),
    ]
    .into_iter()
    .find(|(needle, _)| ua.contains(needle))
    .map(|(_, name)| name)
    .unwrap_or("Browser");
    let os = [
        ("Windows", "Windows"),
        ("Android", "Android"),
        ("iPhone", "iOS"),
        ("Mac OS", "macOS"),
        ("Linux", "Linux"),
    ]
    .into_iter()
    .find(|(needle, _)| ua.contains(needle))
    .map(|(_, name)| name);
    match os {
        Some(os) => format!("{browser} on {os}"),
        None => browser.to_owned(),
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn describes_common_agents() {
        assert_eq!(
            super::describe_agent("Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/156.0 Safari/537.36"),
            "Chrome on Linux"
        );
        assert_eq!(super::describe_agent("curl/8.0"), "curl");
    }
}
