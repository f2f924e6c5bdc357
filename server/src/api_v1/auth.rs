//! Who calls the admin API: an API token in `Authorization: Bearer`, and
//! nothing else. Session cookies are never read here, so a browser tab
//! cannot be tricked into using the admin API (no CSRF surface); tokens
//! are never read by the browser routes.
//!
//! The scope each operation needs is the one its OpenAPI annotation names
//! (`security(("token" = ["orders:write"]))`): [`scope_first`] checks it
//! before the handler runs, so a caller without it learns nothing from how
//! its path or body would have been read. The handler's own [`Token::need`]
//! checks again and hands out the actor.
use std::collections::HashMap;
use std::sync::OnceLock;

use axum::extract::{FromRequestParts, MatchedPath, Request, State};
use axum::http::{header, request::Parts, HeaderMap, Method};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use domain::api_tokens::{Access, Scope, TokenCaller};
use model::Permission;

use super::problem::Problem;
use crate::http::AppState;

/// The token behind an admin API request.
pub struct Token(pub TokenCaller);

impl Token {
    /// Refuses (403) unless the token holds `area:access` (write covers read).
    pub fn need(
        &self,
        area: Permission,
        access: Access,
    ) -> Result<&domain::accounts::Actor, Problem> {
        let scope = Scope::new(area, access);
        if self.0.allows(scope) {
            Ok(&self.0.actor)
        } else {
            Err(Problem::new(
                "auth.scope",
                403,
                format!("This API token does not hold the {scope} scope."),
            ))
        }
    }
}

impl FromRequestParts<AppState> for Token {
    type Rejection = Problem;

    async fn from_request_parts(parts: &mut Parts, state: &AppState) -> Result<Self, Problem> {
        // Authenticated already by `scope_first`.
        if let Some(caller) = parts.extensions.remove::<TokenCaller>() {
            return Ok(Token(caller));
        }
        let secret = bearer(&parts.headers).ok_or_else(|| {
            Problem::new(
                "auth.token_required",
                401,
                "This endpoint needs an API token: send `Authorization: Bearer <token>`.",
            )
        })?;
        match state.ctx.api_tokens.authenticate(secret).await {
            Ok(caller) => {
                tracing::info!(token = %caller.name, token_id = caller.id, "api token used");
                Ok(Token(caller))
            }
            Err(domain::Error::Unauthenticated) => Err(Problem::new(
                "auth.token_invalid",
                401,
                "This API token is not valid: it is wrong, revoked or expired.",
            )),
            Err(other) => Err(other.into()),
        }
    }
}

/// The credential in `Authorization: Bearer …`.
pub(super) fn bearer(headers: &HeaderMap) -> Option<&str> {
    headers
        .get(header::AUTHORIZATION)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| {
            let (scheme, rest) = v.trim().split_once(' ')?;
            scheme.eq_ignore_ascii_case("bearer").then(|| rest.trim())
        })
}

/// (method, path template) → the scope the document names for it.
fn scopes() -> &'static HashMap<(Method, String), Scope> {
    static SCOPES: OnceLock<HashMap<(Method, String), Scope>> = OnceLock::new();
    SCOPES.get_or_init(|| {
        let mut out = HashMap::new();
        for (path, item) in &super::document().paths.paths {
            let ops = [
                (Method::GET, &item.get),
                (Method::POST, &item.post),
                (Method::PUT, &item.put),
                (Method::PATCH, &item.patch),
                (Method::DELETE, &item.delete),
            ];
            for (method, op) in ops {
                let Some(op) = op else { continue };
                let named = serde_json::to_value(&op.security)
                    .ok()
                    .and_then(|v| v[0]["token"][0].as_str().map(str::to_owned));
                if let Some(scope) = named.as_deref().and_then(Scope::parse) {
                    out.insert((method, path.clone()), scope);
                }
            }
        }
        out
    })
}

/// The route layer that refuses a caller without the operation's scope
/// before anything else of the request is read.
pub async fn scope_first(
    State(state): State<AppState>,
    matched: Option<MatchedPath>,
    req: Request,
    next: Next,
) -> Response {
    let needed = matched
        .and_then(|m| scopes().get(&(req.method().clone(), m.as_str().to_owned())))
        .copied();
    let Some(needed) = needed else {
        return next.run(req).await;
    };
    let (mut parts, body) = req.into_parts();
    let token = match Token::from_request_parts(&mut parts, &state).await {
        Ok(token) => token,
        Err(refused) => return refused.into_response(),
    };
    if let Err(refused) = token.need(needed.area, needed.access) {
        return refused.into_response();
    }
    parts.extensions.insert(token.0);
    next.run(Request::from_parts(parts, body)).await
}
