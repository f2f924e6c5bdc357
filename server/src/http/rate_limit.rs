//! Per-client rate limits (client address from [`super::client_ip`]) for
//! what a stranger could abuse by repetition, each class with its own
//! budget so one cannot use up another:
//! - `auth`: sign-in, sign-up, password reset, 2FA codes, guest order lookup
//!   — the endpoints that guess at secrets (`MERCATO_AUTH_RATE_LIMIT`);
//! - `reauth`: the actions that re-enter a password (change it, 2FA, export,
//!   erase), same budget as `auth`;
//! - `checkout`: placing orders, which holds stock (`MERCATO_CHECKOUT_RATE_LIMIT`).
//!
//! The domain adds per-account counters and lockouts on top.
use std::net::IpAddr;
use std::num::NonZeroU32;
use std::sync::Arc;

use axum::{
    body::Body,
    extract::State,
    http::{Method, Request},
    middleware::Next,
    response::{IntoResponse, Response},
};
use governor::{clock::Clock, DefaultKeyedRateLimiter, Quota, RateLimiter};

use super::client_ip::{self, TrustedProxies};
use crate::security_config::RateLimit;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Class {
    Auth,
    Reauth,
    Checkout,
}

/// Which POSTs are limited, by path prefix.
const CLASSES: &[(&str, Class)] = &[
    ("/api/auth/", Class::Auth),
    ("/api/orders/lookup", Class::Auth),
    ("/api/privacy/", Class::Auth),
    ("/privacy/confirm", Class::Auth),
    ("/api/account/password", Class::Reauth),
    ("/api/account/two-factor/", Class::Reauth),
    ("/api/account/erase", Class::Reauth),
    ("/account/export", Class::Reauth),
    ("/api/checkout/place", Class::Checkout),
];

pub fn class_of(method: &Method, path: &str) -> Option<Class> {
    if method != Method::POST {
        return None;
    }
    CLASSES
        .iter()
        .find(|(prefix, _)| path.starts_with(prefix))
        .map(|(_, class)| *class)
}

fn limiter(limit: &RateLimit) -> Arc<DefaultKeyedRateLimiter<IpAddr>> {
    let burst = NonZeroU32::new(limit.requests).unwrap_or(NonZeroU32::MIN);
    let period = limit.per / limit.requests.max(1);
    let quota = Quota::with_period(period)
        .unwrap_or_else(|| Quota::per_minute(burst))
        .allow_burst(burst);
    Arc::new(RateLimiter::keyed(quota))
}

#[derive(Clone)]
pub struct Limiter {
    auth: Arc<DefaultKeyedRateLimiter<IpAddr>>,
    reauth: Arc<DefaultKeyedRateLimiter<IpAddr>>,
    checkout: Arc<DefaultKeyedRateLimiter<IpAddr>>,
    proxies: TrustedProxies,
}

impl Limiter {
    pub fn new(auth: &RateLimit, checkout: &RateLimit, proxies: TrustedProxies) -> Self {
        Self {
            auth: limiter(auth),
            reauth: limiter(auth),
            checkout: limiter(checkout),
            proxies,
        }
    }

    fn of(&self, class: Class) -> &DefaultKeyedRateLimiter<IpAddr> {
        match class {
            Class::Auth => &self.auth,
            Class::Reauth => &self.reauth,
            Class::Checkout => &self.checkout,
        }
    }
}

pub async fn limit(State(limiter): State<Limiter>, req: Request<Body>, next: Next) -> Response {
    let path = req.uri().path();
    let Some(class) = class_of(req.method(), path) else {
        return next.run(req).await;
    };
    // No peer address only happens in-process; those share one bucket
    // rather than going unlimited.
    let key = limiter
        .proxies
        .of(&req)
        .map_or(IpAddr::from([0, 0, 0, 0]), client_ip::key);
    let bucket = limiter.of(class);
    if let Err(not_until) = bucket.check_key(&key) {
        let wait = not_until.wait_time_from(governor::clock::DefaultClock::default().now());
        let secs = wait.as_secs().max(1);
        tracing::warn!(client = %key, path, ?class, "rate limit hit");
        return model::AppError {
            retry_after: Some(secs),
            ..model::AppError::new(
                "rate_limited",
                429,
                format!("Too many attempts. Please wait {secs} second(s) and try again."),
            )
        }
        .into_response();
    }
    // Keep memory bounded: forget clients whose quota has fully recovered.
    if bucket.len() > 10_000 {
        bucket.retain_recent();
    }
    next.run(req).await
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_the_listed_posts_are_limited() {
        assert_eq!(
            class_of(&Method::POST, "/api/auth/login"),
            Some(Class::Auth)
        );
        assert_eq!(
            class_of(&Method::POST, "/api/account/two-factor/disable"),
            Some(Class::Reauth)
        );
        assert_eq!(
            class_of(&Method::POST, "/api/checkout/place"),
            Some(Class::Checkout)
        );
        assert_eq!(class_of(&Method::GET, "/api/auth/login"), None);
        assert_eq!(class_of(&Method::POST, "/api/cart/add"), None);
    }
}
