//! Who calls the admin API: an API token in `Authorization: Bearer`, and
//! nothing else. Session cookies are never read here, so a browser tab
//! cannot be tricked into using the admin API (no CSRF surface); tokens
//! are never read by the browser routes.
use axum::extract::FromRequestParts;
use axum::http::{header, request::Parts};
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
        let secret = parts
            .headers
            .get(header::AUTHORIZATION)
            .and_then(|v| v.to_str().ok())
            .and_then(|v| {
                let (scheme, rest) = v.trim().split_once(' ')?;
                scheme.eq_ignore_ascii_case("bearer").then(|| rest.trim())
            })
            .ok_or_else(|| {
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
