//! A guard against an upstream Leptos fault: now and then a server render
//! whose shared resource (the signed-in user, read by the header and by the
//! page) is awaited by two `<Suspense>` boundaries never completes
//! (leptos-rs/leptos#4851, #4673). The process stays healthy; only that one
//! response hangs. Page GETs are idempotent, so a render that has not
//! produced its response within [`FIRST_TRY`] is dropped and done again.
//! Each retry is logged so the fault stays visible.
//!
//! Nothing here waits without end: a client that gives up does not cancel
//! its render (hyper notices a closed connection only when it writes), so
//! a render that hung for good would hold its turn at the gate for good,
//! and a few of them would stop every page. After [`TRIES`] hung renders
//! in a row, or a turn not had within [`TURN_WAIT`], the answer is a 503
//! with `Retry-After`.
use std::future::Future;
use std::pin::Pin;
use std::task::{Context, Poll};
use std::time::Duration;

use axum::body::Body;
use axum::http::{header, HeaderValue, Method, Request, Response, StatusCode};
use tower::{Layer, Service};

use super::render_gate::{hold_until_sent, RenderGate};

/// Normal pages render in well under a second; a debug build on a busy
/// two-core machine stays under a few.
pub const FIRST_TRY: Duration = Duration::from_secs(10);

/// Renders of one page GET before it is answered "busy": the fault is rare,
/// so three hangs in a row are something else.
pub const TRIES: u32 = 3;

/// How long a page GET waits for its turn before it is answered "busy".
pub const TURN_WAIT: Duration = Duration::from_secs(30);

/// The answer when no render finished, or no turn came.
fn busy() -> Response<Body> {
    let mut res = Response::new(Body::from(
        "<!doctype html><title>Busy</title><p>The shop is very busy. Please try again in a moment.</p>",
    ));
    *res.status_mut() = StatusCode::SERVICE_UNAVAILABLE;
    let h = res.headers_mut();
    h.insert(header::RETRY_AFTER, HeaderValue::from_static("5"));
    h.insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static("text/html; charset=utf-8"),
    );
    h.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    res
}

/// Page GETs: each waits for its turn at the gate, then is rendered
/// again if its first render hangs.
#[derive(Clone)]
pub struct RetryHungRenders {
    first_try: Duration,
    turn_wait: Duration,
    gate: RenderGate,
}

impl Default for RetryHungRenders {
    fn default() -> Self {
        Self::after(FIRST_TRY)
    }
}

impl RetryHungRenders {
    /// Renders again after `first_try` (the tests wait milliseconds, not
    /// seconds, without a paused clock: tokio's `test-util` would give the
    /// test build other dependency features than the release build).
    pub fn after(first_try: Duration) -> Self {
        Self {
            first_try,
            turn_wait: TURN_WAIT.max(first_try),
            gate: RenderGate::per_core(),
        }
    }

    /// A gate of the test's size, and how long to wait for it.
    #[cfg(test)]
    pub fn with_gate(self, gate: RenderGate) -> Self {
        Self { gate, ..self }
    }

    #[cfg(test)]
    pub fn waiting_at_most(self, turn_wait: Duration) -> Self {
        Self { turn_wait, ..self }
    }
}

impl<S> Layer<S> for RetryHungRenders {
    type Service = RetryService<S>;

    fn layer(&self, inner: S) -> Self::Service {
        RetryService {
            inner,
            first_try: self.first_try,
            turn_wait: self.turn_wait,
            gate: self.gate.clone(),
        }
    }
}

#[derive(Clone)]
pub struct RetryService<S> {
    inner: S,
    first_try: Duration,
    turn_wait: Duration,
    gate: RenderGate,
}

fn is_page_get(req: &Request<Body>) -> bool {
    req.method() == Method::GET
        && req
            .headers()
            .get(header::ACCEPT)
            .and_then(|v| v.to_str().ok())
            .is_none_or(|v| v.contains("text/html") || v.contains("*/*"))
        && !req.uri().path().starts_with("/api/")
}

impl<S> Service<Request<Body>> for RetryService<S>
where
    S: Service<Request<Body>, Response = Response<Body>> + Clone + Send + 'static,
    S::Future: Send + 'static,
    S::Error: Send + 'static,
{
    type Response = Response<Body>;
    type Error = S::Error;
    type Future = Pin<Box<dyn Future<Output = Result<Response<Body>, S::Error>> + Send>>;

    fn poll_ready(&mut self, cx: &mut Context<'_>) -> Poll<Result<(), Self::Error>> {
        self.inner.poll_ready(cx)
    }

    fn call(&mut self, req: Request<Body>) -> Self::Future {
        if !is_page_get(&req) {
            return Box::pin(self.inner.call(req));
        }
        // The ready clone serves this call; fresh clones serve retries.
        let fresh = self.inner.clone();
        let inner = std::mem::replace(&mut self.inner, fresh);
        let spare = self.inner.clone();
        let (parts, _) = req.into_parts();
        let first_try = self.first_try;
        let turn_wait = self.turn_wait;
        let gate = self.gate.clone();
        Box::pin(async move {
            let Ok(turn) = tokio::time::timeout(turn_wait, gate.turn()).await else {
                tracing::warn!(path = %parts.uri.path(), "no render turn within {} s; answered busy", turn_wait.as_secs());
                return Ok(busy());
            };
            let mut svc = inner;
            for attempt in 1..=TRIES {
                if attempt > 1 {
                    svc = spare.clone();
                    std::future::poll_fn(|cx| svc.poll_ready(cx)).await?;
                }
                let render = svc.call(Request::from_parts(parts.clone(), Body::empty()));
                if let Ok(res) = tokio::time::timeout(first_try, render).await {
                    return res.map(|res| hold_until_sent(res, turn));
                }
                tracing::error!(
                    path = %parts.uri.path(),
                    attempt,
                    "page render did not finish in {} ms (leptos#4851)",
                    first_try.as_millis()
                );
            }
            Ok(busy())
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::atomic::{AtomicUsize, Ordering};
    use std::sync::Arc;
    use tower::ServiceExt;

    type Reply =
        Pin<Box<dyn Future<Output = Result<Response<Body>, std::convert::Infallible>> + Send>>;

    /// Hangs on its first call, answers on later ones — the fault's shape.
    fn flaky(
        calls: Arc<AtomicUsize>,
    ) -> impl Service<
        Request<Body>,
        Response = Response<Body>,
        Error = std::convert::Infallible,
        Future = Reply,
    > + Clone {
        tower::service_fn(move |_req: Request<Body>| {
            let n = calls.fetch_add(1, Ordering::SeqCst);
            Box::pin(async move {
                if n == 0 {
                    std::future::pending::<()>().await;
                }
                Ok(Response::new(Body::from("ok")))
            }) as Reply
        })
    }

    const SOON: Duration = Duration::from_millis(50);

    #[tokio::test]
    async fn a_hung_page_render_is_done_again() {
        let calls = Arc::new(AtomicUsize::new(0));
        let svc = RetryHungRenders::after(SOON).layer(flaky(calls.clone()));
        let req = Request::get("/account")
            .header("accept", "text/html")
            .body(Body::empty())
            .expect("req");
        let res = svc.oneshot(req).await.expect("response");
        assert_eq!(res.status(), 200);
        assert_eq!(calls.load(Ordering::SeqCst), 2);
    }

    #[tokio::test]
    async fn a_render_that_always_hangs_ends_in_busy_not_a_wait() {
        let calls = Arc::new(AtomicUsize::new(0));
        let counted = calls.clone();
        let svc =
            RetryHungRenders::after(SOON).layer(tower::service_fn(move |_req: Request<Body>| {
                counted.fetch_add(1, Ordering::SeqCst);
                Box::pin(std::future::pending()) as Reply
            }));
        let req = Request::get("/").body(Body::empty()).expect("req");
        let res = svc.oneshot(req).await.expect("response");
        assert_eq!(res.status(), 503);
        assert!(res.headers().contains_key(header::RETRY_AFTER));
        assert_eq!(calls.load(Ordering::SeqCst), TRIES as usize);
    }

    #[tokio::test]
    async fn no_turn_in_time_is_busy_too() {
        let gate = RenderGate::per_thread(1);
        let _taken = gate.turn().await;
        let calls = Arc::new(AtomicUsize::new(0));
        let svc = RetryHungRenders::after(SOON)
            .with_gate(gate)
            .waiting_at_most(SOON)
            .layer(flaky(calls.clone()));
        let req = Request::get("/").body(Body::empty()).expect("req");
        let res = svc.oneshot(req).await.expect("response");
        assert_eq!(res.status(), 503);
        assert_eq!(
            calls.load(Ordering::SeqCst),
            0,
            "nothing rendered without a turn"
        );
    }

    #[tokio::test]
    async fn server_function_calls_are_never_repeated() {
        let calls = Arc::new(AtomicUsize::new(0));
        let svc = RetryHungRenders::after(SOON).layer(flaky(calls.clone()));
        let req = Request::post("/api/cart/add")
            .body(Body::empty())
            .expect("req");
        // Long enough for several retries, had there been any.
        let res = tokio::time::timeout(SOON * 6, svc.oneshot(req)).await;
        assert!(res.is_err(), "a POST is left alone even when it hangs");
        assert_eq!(calls.load(Ordering::SeqCst), 1);
    }
}
