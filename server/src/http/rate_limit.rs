//! Per-IP rate limit for the endpoints that guess at secrets: sign-in,
//! sign-up, password reset, 2FA codes (`/api/auth/…`) and the password
//! re-entry routes. The domain adds per-account lockout on top.
use std::net::{IpAddr, SocketAddr};
use std::num::NonZeroU32;
use std::sync::Arc;

use axum::{
    body::Body,
    extract::{ConnectInfo, State},
    http::{header, HeaderValue, Request, StatusCode},
    middleware::Next,
    response::{IntoResponse, Response},
};
use governor::{clock::Clock, DefaultKeyedRateLimiter, Quota, RateLimiter};

use crate::security_config::RateLimit;

const LIMITED_PREFIXES: &[&str] = &["/api/auth/", "/account/export", "/api/orders/lookup"];

#[derive(Clone)]
pub struct AuthLimiter {
    limiter: Arc<DefaultKeyedRateLimiter<IpAddr>>,
    trust_proxy: bool,
}

impl AuthLimiter {
    pub fn new(limit: &RateLimit, trust_proxy: bool) -> Self {
        let burst = NonZeroU32::new(limit.requests).unwrap_or(NonZeroU32::MIN);
        let period = limit.per / limit.requests.max(1);
        let quota = Quota::with_period(period)
            .unwrap_or_else(|| Quota::per_minute(burst))
            .allow_burst(burst);
        Self {
            limiter: Arc::new(RateLimiter::keyed(quota)),
            trust_proxy,
        }
    }

    fn client_ip(&self, req: &Request<Body>) -> Option<IpAddr> {
        if self.trust_proxy {
            let forwarded = req
                .headers()
                .get("x-forwarded-for")
                .and_then(|v| v.to_str().ok())
                .and_then(|v| v.split(',').next())
                .and_then(|ip| ip.trim().parse().ok());
            if forwarded.is_some() {
                return forwarded;
            }
        }
        req.extensions()
            .get::<ConnectInfo<SocketAddr>>()
            .map(|ConnectInfo(addr)| addr.ip())
    }
}

pub async fn limit_auth(
    State(limiter): State<AuthLimiter>,
    req: Request<Body>,
    next: Next,
) -> Response {
    let path = req.uri().path();
    if req.method() != axum::http::Method::POST
        || !LIMITED_PREFIXES.iter().any(|p| path.starts_with(p))
    {
        return next.run(req).await;
    }
    let Some(ip) = limiter.client_ip(&req) else {
        return next.run(req).await;
    };
    if let Err(not_until) = limiter.limiter.check_key(&ip) {
        let wait = not_until.wait_time_from(governor::clock::DefaultClock::default().now());
        let secs = wait.as_secs().max(1);
        tracing::warn!(%ip, path, "auth rate limit hit");
        let message = format!("Too many attempts. Please wait {secs} second(s) and try again.");
        let mut res = (
            StatusCode::TOO_MANY_REQUESTS,
            super::server_fn_status::error_body(path, &message),
        )
            .into_response();
        if let Ok(v) = HeaderValue::from_str(&secs.to_string()) {
            res.headers_mut().insert(header::RETRY_AFTER, v);
        }
        return res;
    }
    // Keep memory bounded: forget IPs whose quota has fully recovered.
    if limiter.limiter.len() > 10_000 {
        limiter.limiter.retain_recent();
    }
    next.run(req).await
}
