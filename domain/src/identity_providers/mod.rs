//! Sign-in with an identity provider: OpenID Connect's authorization code
//! flow with PKCE (`openidconnect`). The providers come from the
//! configuration; each one's discovery document is fetched when first
//! needed and kept an hour. `begin` gives the provider's authorization URL
//! and what the browser's session keeps until it comes back; `finish`
//! exchanges the code and verifies the ID token (signature, issuer,
//! audience, expiry, nonce). What an account then does with the identity
//! is `accounts::identities`.
use std::collections::HashMap;
use std::sync::Arc;
use std::time::{Duration, Instant};

use openidconnect::core::{
    CoreAuthenticationFlow, CoreClient, CoreProviderMetadata, CoreUserInfoClaims,
};
use openidconnect::{
    AuthorizationCode, ClientId, ClientSecret, CsrfToken, IssuerUrl, Nonce, OAuth2TokenResponse,
    PkceCodeChallenge, PkceCodeVerifier, RedirectUrl, Scope, TokenResponse,
};
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};
use tokio::sync::RwLock;

use crate::{Error, Result};

/// How long a discovery document (endpoints, signing keys) is kept.
const DISCOVERY_FOR: Duration = Duration::from_secs(3600);
/// How long a shopper may stay at the provider.
pub const PENDING_FOR_SECS: i64 = 600;

/// One configured provider.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ProviderConfig {
    /// The shop's name for it, in URLs: `google`, `microsoft`, `acme`.
    pub id: String,
    /// What the buttons say: "Google".
    pub label: String,
    pub issuer: String,
    pub client_id: String,
    pub client_secret: String,
}

/// What the browser's session keeps while the shopper is at the provider.
#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct Pending {
    pub provider: String,
    state: String,
    verifier: String,
    nonce: String,
    started_at: i64,
}

/// Who the provider says signed in.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ExternalIdentity {
    pub provider: String,
    pub label: String,
    /// The provider's stable id for the person.
    pub subject: String,
    pub email: Option<String>,
    /// The provider vouches that the person owns `email`.
    pub email_verified: bool,
    pub name: String,
}

#[derive(Clone)]
pub struct IdentityProviders(Arc<Inner>);

struct Inner {
    providers: Vec<ProviderConfig>,
    public_url: String,
    http: reqwest::Client,
    discovered: RwLock<HashMap<String, (Instant, Arc<CoreProviderMetadata>)>>,
}

fn unix_now() -> i64 {
    time::OffsetDateTime::now_utc().unix_timestamp()
}

fn unavailable(detail: impl std::fmt::Display) -> Error {
    Error::Unavailable {
        service: "identity provider",
        detail: detail.to_string(),
    }
}

/// A callback that matches no flow under way (too late, replayed, or
/// started in another browser).
pub fn expired() -> Error {
    Error::rule("provider", model::Said::new("error-identity-expired"))
}

impl IdentityProviders {
    /// `public_url` is where the shop is reached (the callback's base).
    pub fn new(providers: Vec<ProviderConfig>, public_url: &str) -> Result<Self> {
        let http = reqwest::Client::builder()
            // Following redirects would let a provider's answer send the
            // server anywhere (SSRF).
            .redirect(reqwest::redirect::Policy::none())
            .timeout(Duration::from_secs(10))
            .build()
            .map_err(|e| Error::internal(format!("identity provider client: {e}")))?;
        Ok(Self(Arc::new(Inner {
            providers,
            public_url: public_url.trim_end_matches('/').to_owned(),
            http,
            discovered: RwLock::new(HashMap::new()),
        })))
    }

    /// (id, label) of each provider, in the configured order.
    pub fn list(&self) -> Vec<(String, String)> {
        self.0
            .providers
            .iter()
            .map(|p| (p.id.clone(), p.label.clone()))
            .collect()
    }

    pub fn label(&self, id: &str) -> Option<&str> {
        self.provider(id).ok().map(|p| p.label.as_str())
    }

    fn provider(&self, id: &str) -> Result<&ProviderConfig> {
        self.0
            .providers
            .iter()
            .find(|p| p.id == id)
            .ok_or(Error::not_found("sign-in provider"))
    }

    /// Where the provider sends the shopper back.
    pub fn callback_url(&self, id: &str) -> String {
        format!("{}/auth/oidc/{id}/callback", self.0.public_url)
    }

    async fn metadata(&self, p: &ProviderConfig) -> Result<Arc<CoreProviderMetadata>> {
        if let Some((at, meta)) = self.0.discovered.read().await.get(&p.id) {
            if at.elapsed() < DISCOVERY_FOR {
                return Ok(meta.clone());
            }
        }
        let issuer = IssuerUrl::new(p.issuer.clone()).map_err(unavailable)?;
        let meta = CoreProviderMetadata::discover_async(issuer, &self.0.http)
            .await
            .map_err(unavailable)?;
        let meta = Arc::new(meta);
        self.0
            .discovered
            .write()
            .await
            .insert(p.id.clone(), (Instant::now(), meta.clone()));
        Ok(meta)
    }

    async fn client(
        &self,
        p: &ProviderConfig,
    ) -> Result<
        CoreClient<
            openidconnect::EndpointSet,
            openidconnect::EndpointNotSet,
            openidconnect::EndpointNotSet,
            openidconnect::EndpointNotSet,
            openidconnect::EndpointMaybeSet,
            openidconnect::EndpointMaybeSet,
        >,
    > {
        let meta = self.metadata(p).await?;
        let redirect = RedirectUrl::new(self.callback_url(&p.id))
            .map_err(|e| Error::internal(format!("callback url: {e}")))?;
        Ok(CoreClient::from_provider_metadata(
            meta.as_ref().clone(),
            ClientId::new(p.client_id.clone()),
            Some(ClientSecret::new(p.client_secret.clone())),
        )
        .set_redirect_uri(redirect))
    }

    /// The provider's authorization URL, and what to keep until the
    /// shopper comes back.
    pub async fn begin(&self, id: &str) -> Result<(String, Pending)> {
        let p = self.provider(id)?;
        let client = self.client(p).await?;
        let (challenge, verifier) = PkceCodeChallenge::new_random_sha256();
        let (url, state, nonce) = client
            .authorize_url(
                CoreAuthenticationFlow::AuthorizationCode,
                CsrfToken::new_random,
                Nonce::new_random,
            )
            .add_scope(Scope::new("email".into()))
            .add_scope(Scope::new("profile".into()))
            .set_pkce_challenge(challenge)
            .url();
        Ok((
            url.to_string(),
            Pending {
                provider: p.id.clone(),
                state: state.secret().clone(),
                verifier: verifier.secret().clone(),
                nonce: nonce.secret().clone(),
                started_at: unix_now(),
            },
        ))
    }

    /// The shopper is back with `code` and `state`: the identity, verified.
    pub async fn finish(
        &self,
        pending: &Pending,
        state: &str,
        code: &str,
    ) -> Result<ExternalIdentity> {
        let digest = |s: &str| Sha256::digest(s.as_bytes());
        if digest(state) != digest(&pending.state)
            || unix_now() - pending.started_at > PENDING_FOR_SECS
        {
            return Err(expired());
        }
        let p = self.provider(&pending.provider)?;
        let client = self.client(p).await?;
        let token = client
            .exchange_code(AuthorizationCode::new(code.to_owned()))
            .map_err(unavailable)?
            .set_pkce_verifier(PkceCodeVerifier::new(pending.verifier.clone()))
            .request_async(&self.0.http)
            .await
            .map_err(|e| {
                tracing::warn!(provider = %p.id, error = %e, "code exchange refused");
                expired()
            })?;
        let id_token = token
            .id_token()
            .ok_or_else(|| unavailable(format!("{}: no ID token in the answer", p.id)))?;
        let claims = id_token
            .claims(
                &client.id_token_verifier(),
                &Nonce::new(pending.nonce.clone()),
            )
            .map_err(|e| {
                tracing::warn!(provider = %p.id, error = %e, "ID token refused");
                expired()
            })?;
        let mut who = ExternalIdentity {
            provider: p.id.clone(),
            label: p.label.clone(),
            subject: claims.subject().as_str().to_owned(),
            email: claims.email().map(|e| e.as_str().trim().to_lowercase()),
            email_verified: claims.email_verified().unwrap_or(false),
            name: claims
                .name()
                .and_then(|n| n.get(None))
                .map(|n| n.as_str().to_owned())
                .unwrap_or_default(),
        };
        // Many providers put only the subject in the ID token and the rest
        // behind the UserInfo endpoint, for the same subject.
        if who.email.is_none() {
            if let Ok(request) = client.user_info(
                token.access_token().to_owned(),
                Some(claims.subject().clone()),
            ) {
                let info: CoreUserInfoClaims =
                    request.request_async(&self.0.http).await.map_err(|e| {
                        tracing::warn!(provider = %p.id, error = %e, "UserInfo refused");
                        unavailable(format!("{}: UserInfo: {e}", p.id))
                    })?;
                who.email = info.email().map(|e| e.as_str().trim().to_lowercase());
                who.email_verified = info.email_verified().unwrap_or(false);
                if who.name.is_empty() {
                    if let Some(name) = info.name().and_then(|n| n.get(None)) {
                        who.name = name.as_str().to_owned();
                    }
                }
            }
        }
        Ok(who)
    }
}
