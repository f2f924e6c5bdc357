//! `/metrics` for the operator's scraper, and the layers that time every
//! request by its route. A scraper on another host sends the bearer token
//! (`MERCATO_METRICS_TOKEN`); without one configured, only a direct
//! loopback request is answered, never one a proxy passed on.
use std::net::SocketAddr;
use std::time::Instant;

use axum::extract::{ConnectInfo, MatchedPath, Request, State};
use axum::http::{header, HeaderMap, HeaderValue, StatusCode};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use sea_orm::DatabaseConnection;
use sha2::{Digest as _, Sha256};

use app::request::context::ServerContext;

use super::fast_lane::PageCache;
use crate::metrics::{scrape, Metrics, Route, Sources};

pub async fn metrics(
    State(m): State<Metrics>,
    State(pages): State<Option<PageCache>>,
    State(ctx): State<ServerContext>,
    State(db): State<DatabaseConnection>,
    req: Request,
) -> Response {
    let peer = req
        .extensions()
        .get::<ConnectInfo<SocketAddr>>()
        .map(|ConnectInfo(p)| *p);
    if !allowed(&m, peer, req.headers()) {
        return (
            StatusCode::UNAUTHORIZED,
            [(header::WWW_AUTHENTICATE, "Bearer")],
            "Metrics need the bearer token set in MERCATO_METRICS_TOKEN.",
        )
            .into_response();
    }
    let body = scrape(
        &m,
        Sources {
            db: &db,
            pages: pages.as_ref(),
            ctx: &ctx,
        },
    )
    .await;
    (
        [
            (
                header::CONTENT_TYPE,
                HeaderValue::from_static(
                    "application/openmetrics-text; version=1.0.0; charset=utf-8",
                ),
            ),
            (header::CACHE_CONTROL, HeaderValue::from_static("no-store")),
        ],
        body,
    )
        .into_response()
}

fn allowed(m: &Metrics, peer: Option<SocketAddr>, headers: &HeaderMap) -> bool {
    match m.token() {
        Some(token) => {
            let sent = headers
                .get(header::AUTHORIZATION)
                .and_then(|v| v.to_str().ok())
                .and_then(|v| v.strip_prefix("Bearer "))
                .unwrap_or("");
            // Compared as digests: equal length, no early exit on the secret.
            Sha256::digest(sent.trim().as_bytes()) == Sha256::digest(token.as_bytes())
        }
        None => {
            let proxied = ["x-forwarded-for", "forwarded", "x-real-ip"]
                .iter()
                .any(|h| headers.contains_key(*h));
            peer.is_some_and(|p| p.ip().is_loopback()) && !proxied
        }
    }
}

/// Outermost: times every answer, the fast lane's included.
pub async fn observe(State(m): State<Metrics>, req: Request, next: Next) -> Response {
    let method = req.method().clone();
    let started = Instant::now();
    let res = next.run(req).await;
    let route = res
        .extensions()
        .get::<Route>()
        .cloned()
        .unwrap_or_else(Route::unmatched);
    m.observe_request(&method, route, res.status().as_u16(), started.elapsed());
    res
}

/// On every route: names the answer's route for [`observe`].
pub async fn name_route(matched: Option<MatchedPath>, req: Request, next: Next) -> Response {
    let mut res = next.run(req).await;
    if let Some(path) = matched {
        res.extensions_mut().insert(Route::new(path.as_str()));
    }
    res
}
