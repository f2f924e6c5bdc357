//! Per-client rate limits (client address from [`super::client_ip`]) for
//! what a stranger could abuse by repetition, each class with its own
//! budget so one cannot use up another:
//! - `auth`: sign-in (the form's and the store API's), sign-up, password
//!   reset, 2FA codes, guest order lookup, gift card codes at checkout
//!   (the form's and the store API's) —
//!   the endpoints that guess at secrets (`MERCATO_AUTH_RATE_LIMIT`);
//! - `reauth`: the actions that re-enter a password (change it, 2FA, export,
//!   erase), same budget as `auth`;
//! - `checkout`: placing orders, which holds stock, and buying gift cards
//!   (`MERCATO_CHECKOUT_RATE_LIMIT`),
//!   from the checkout form or the REST API;
//! - `api`: every other REST API request that reaches the server (the
//!   cached catalog reads are answered in front of it), per API token, or
//!   per address without one (`MERCATO_API_RATE_LIMIT`).
//!
//! REST API answers carry `RateLimit-Limit`, `RateLimit-Remaining` and
//! `RateLimit-Reset` (seconds until the budget is full), and a refusal
//! there is a problem detail.
//!
//! The budgets are shared by every instance (`domain::rate_limits`, one
//! conditional upsert per limited request). The domain adds per-account
//! counters and lockouts on top.
use std::net::IpAddr;

use axum::{
    body::Body,
    extract::State,
    http::{header, HeaderName, HeaderValue, Method, Request, StatusCode},
    middleware::Next,
    response::{IntoResponse, Response},
};
use domain::rate_limits::{Quota, RateLimits, Verdict};
use sha2::{Digest, Sha256};

use super::client_ip::{self, TrustedProxies};
use crate::security_config::RateLimit;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Class {
    Auth,
    Reauth,
    Checkout,
    Api,
}

impl Class {
    /// The bucket name's prefix: each class has its own budget.
    fn name(self) -> &'static str {
        match self {
            Class::Auth => "auth",
            Class::Reauth => "reauth",
            Class::Checkout => "checkout",
            Class::Api => "api",
        }
    }
}

/// Which POSTs are limited, by path prefix.
const CLASSES: &[(&str, Class)] = &[
    ("/api/auth/", Class::Auth),
    ("/api/orders/lookup", Class::Auth),
    ("/api/checkout/gift-card", Class::Auth),
    ("/api/privacy/", Class::Auth),
    ("/privacy/confirm", Class::Auth),
    ("/api/account/password", Class::Reauth),
    ("/api/account/two-factor/", Class::Reauth),
    ("/api/account/erase", Class::Reauth),
    ("/account/export", Class::Reauth),
    ("/api/checkout/place", Class::Checkout),
    ("/api/gift-cards/buy", Class::Checkout),
];

pub fn class_of(method: &Method, path: &str) -> Option<Class> {
    if method == Method::POST && path == "/api/v1/customer/session" {
        return Some(Class::Auth);
    }
    if path.starts_with("/api/v1/") {
        let on_cart = method == Method::POST && path.starts_with("/api/v1/carts/");
        // Placing an order holds stock, as the checkout form does; a gift
        // card code is guessed at like a password.
        return Some(match path {
            _ if on_cart && path.ends_with("/order") => Class::Checkout,
            _ if on_cart && path.ends_with("/gift-cards") => Class::Auth,
            _ => Class::Api,
        });
    }
    if method != Method::POST {
        return None;
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
    api: Quota,
    proxies: TrustedProxies,
    /// Bearers (their digests) that this instance saw accepted lately.
    vouched: moka::sync::Cache<String, ()>,
}

/// Bearers remembered as accepted, and for how long.
const MAX_VOUCHED: u64 = 100_000;
const VOUCHED_FOR: std::time::Duration = std::time::Duration::from_secs(600);

impl Limiter {
    pub fn new(
        budgets: RateLimits,
        auth: &RateLimit,
        checkout: &RateLimit,
        api: &RateLimit,
        proxies: TrustedProxies,
    ) -> Self {
        Self {
            budgets,
            auth: quota(auth),
            checkout: quota(checkout),
            api: quota(api),
            proxies,
            vouched: moka::sync::Cache::builder()
                .max_capacity(MAX_VOUCHED)
                .time_to_live(VOUCHED_FOR)
                .build(),
        }
    }

    fn quota(&self, class: Class) -> Quota {
        match class {
            Class::Auth | Class::Reauth => self.auth,
            Class::Checkout => self.checkout,
            Class::Api => self.api,
        }
    }
}

pub async fn limit(State(limiter): State<Limiter>, req: Request<Body>, next: Next) -> Response {
    let path = req.uri().path();
    let Some(class) = class_of(req.method(), path) else {
        return next.run(req).await;
    };
    let api = path.starts_with("/api/v1/");
    // No peer address only happens in-process; those share one bucket
    // rather than going unlimited.
    let address = limiter
        .proxies
        .of(&req)
        .map_or(IpAddr::from([0, 0, 0, 0]), client_ip::key);
    // An API token has its own budget wherever it calls from. A bearer
    // this instance has not seen accepted also takes from its address's
    // budget for such bearers: made-up tokens cannot each open a fresh
    // budget (and a bucket row) to get round the limit.
    let token = match req.headers().get(header::AUTHORIZATION) {
        Some(token) if class == Class::Api => {
            let digest = Sha256::digest(token.as_bytes());
            Some(format!(
                "t{}",
                digest[..12]
                    .iter()
                    .map(|b| format!("{b:02x}"))
                    .collect::<String>()
            ))
        }
        _ => None,
    };
    let unvouched = token
        .as_ref()
        .filter(|t| !limiter.vouched.contains_key(*t))
        .map(|_| format!("{}-unvouched:{address}", class.name()));
    let key = token.clone().unwrap_or_else(|| address.to_string());
    let bucket = format!("{}:{key}", class.name());
    let path = path.to_owned();
    let taken = async {
        if let Some(strangers) = &unvouched {
            let taken = limiter
                .budgets
                .take_counted(strangers, limiter.quota(class))
                .await?;
            if matches!(taken.0, Verdict::Limited { .. }) {
                return Ok(taken);
            }
        }
        limiter
            .budgets
            .take_counted(&bucket, limiter.quota(class))
            .await
    };
    let (verdict, budget) = match taken.await {
        Ok(taken) => taken,
        // Closed, not open: a budget that cannot be read (the database
        // busy or down) must not become unlimited guessing; the request
        // needed the same database anyway.
        Err(e) => {
            tracing::warn!(error = %e, ?class, "rate limit: could not read the budget");
            let err = app::request::errors::fail(domain::Error::Busy {
                what: "rate limits",
                retry_after_secs: 5,
            });
            return if api {
                crate::api_v1::Problem(err).into_response()
            } else {
                err.into_response()
            };
        }
    };
    let mut res = match verdict {
        Verdict::Allowed => next.run(req).await,
        Verdict::Limited { retry_after } => {
            let secs = retry_after.as_secs_f64().ceil().max(1.0) as u64;
            tracing::warn!(client = %address, path = %path, ?class, "rate limit hit");
            let said = model::Said::new("error-too-many-seconds").number("seconds", secs as i64);
            let err = model::AppError {
                retry_after: Some(secs),
                ..model::AppError::new("rate_limited", 429, domain::error::english(&said))
            };
            let err = model::AppError {
                said: Some(Box::new(said)),
                ..err
            };
            if api {
                crate::api_v1::Problem(err).into_response()
            } else {
                return err.into_response();
            }
        }
    };
    if let Some(token) = token.filter(|_| res.status() != StatusCode::UNAUTHORIZED) {
        limiter.vouched.insert(token, ());
    }
    if api {
        let h = res.headers_mut();
        let reset = budget.full_in.as_secs_f64().ceil() as u64;
        h.insert(RATE_LIMIT, HeaderValue::from(budget.limit));
        h.insert(RATE_REMAINING, HeaderValue::from(budget.remaining));
        h.insert(RATE_RESET, HeaderValue::from(reset));
    }
    res
}

const RATE_LIMIT: HeaderName = HeaderName::from_static("ratelimit-limit");
const RATE_REMAINING: HeaderName = HeaderName::from_static("ratelimit-remaining");
const RATE_RESET: HeaderName = HeaderName::from_static("ratelimit-reset");

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
        assert_eq!(
            class_of(&Method::POST, "/api/v1/carts/abc/order"),
            Some(Class::Checkout)
        );
        assert_eq!(
            class_of(&Method::POST, "/api/v1/carts/abc/lines"),
            Some(Class::Api)
        );
        assert_eq!(
            class_of(&Method::POST, "/api/v1/carts/abc/gift-cards"),
            Some(Class::Auth)
        );
        assert_eq!(
            class_of(&Method::DELETE, "/api/v1/carts/abc/gift-cards/7"),
            Some(Class::Api)
        );
        assert_eq!(
            class_of(&Method::GET, "/api/v1/admin/orders"),
            Some(Class::Api)
        );
        assert_eq!(class_of(&Method::POST, "/api/cart/add"), None);
        assert_eq!(
            class_of(&Method::POST, "/api/v1/customer/session"),
            Some(Class::Auth)
        );
    }
}
