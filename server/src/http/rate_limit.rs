//! Per-client rate limits (client address from [`super::client_ip`]) for
//! what a stranger could abuse by repetition, each class with its own
//! budget so one cannot use up another:
//! - `auth`: sign-in, sign-up, password reset, 2FA codes, guest order lookup
//!   — the endpoints that guess at secrets (`MERCATO_AUTH_RATE_LIMIT`);
//! - `reauth`: the actions that re-enter a password (change it, 2FA, export,
//!   erase), same budget as `auth`;
//! - `checkout`: placing orders, which holds stock (`MERCATO_CHECKOUT_RATE_LIMIT`).
//!
//! The budgets are shared by every instance (`domain::rate_limits`, one
//! conditional upsert per limited request). The domain adds per-account
//! counters and lockouts on top.
use std::net::IpAddr;

use axum::{
    body::Body,
    extract::State,
    http::{Method, Request},
    middleware::Next,
    response::{IntoResponse, Response},
};
use domain::rate_limits::{Quota, RateLimits, Verdict};

use super::client_ip::{self, TrustedProxies};
use crate::security_config::RateLimit;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Class {
    Auth,
    Reauth,
    Checkout,
}

impl Class {
    /// The bucket name's prefix: each class has its own budget.
    fn name(self) -> &'static str {
        match self {
            Class::Auth => "auth",
            Class::Reauth => "reauth",
            Class::Checkout => "checkout",
        }
    }
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
    // The REST API's order placement holds stock like the checkout form.
    if path.starts_with("/api/v1/carts/") && path.ends_with("/order") {
        return Some(Class::Checkout);
    }
    CLASSES
        .iter()
        .find(|(prefix, _)| path.starts_with(prefix))
        .map(|(_, class)| *class)
}

fn quota(limit: &RateLimit) -> Quota {
    Quota {
        requests: limit.requests,
        per: limit.per,
    }
}

/// The budgets live in the database (`domain::rate_limits`), so every
/// instance behind a balancer counts against the same ones.
#[derive(Clone)]
pub struct Limiter {
    budgets: RateLimits,
    auth: Quota,
    checkout: Quota,
    proxies: TrustedProxies,
}

impl Limiter {
    pub fn new(
        budgets: RateLimits,
        auth: &RateLimit,
        checkout: &RateLimit,
        proxies: TrustedProxies,
    ) -> Self {
        Self {
            budgets,
            auth: quota(auth),
            checkout: quota(checkout),
            proxies,
        }
    }

    fn quota(&self, class: Class) -> Quota {
        match class {
            Class::Auth | Class::Reauth => self.auth,
            Class::Checkout => self.checkout,
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
    let bucket = format!("{}:{key}", class.name());
    match limiter.budgets.take(&bucket, limiter.quota(class)).await {
        Ok(Verdict::Allowed) => {}
        Ok(Verdict::Limited { retry_after }) => {
            let secs = retry_after.as_secs_f64().ceil().max(1.0) as u64;
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
        // Closed, not open: a budget that cannot be read (the database
        // busy or down) must not become unlimited guessing; the request
        // needed the same database anyway.
        Err(e) => {
            tracing::warn!(error = %e, ?class, "rate limit: could not read the budget");
            return app::request::errors::fail(domain::Error::Busy {
                what: "rate limits",
                retry_after_secs: 5,
            })
            .into_response();
        }
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
