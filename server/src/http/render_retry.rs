//! A guard against an upstream Leptos fault: now and then a server render
//! whose shared resource (the signed-in user, read by the header and by the
//! page) is awaited by two `<Suspense>` boundaries never completes
//! (leptos-rs/leptos#4851, #4673). The process stays healthy; only that one
//! response hangs. Page GETs are idempotent, so a render that has not
//! produced its response within [`FIRST_TRY`] is dropped and done again.
//! Each retry is logged so the fault stays visible.
use std::future::Future;
use std::pin::Pin;
use std::task::{Context, Poll};
use std::time::Duration;

use axum::body::Body;
use axum::http::{header, Method, Request, Response};
use tower::{Layer, Service};

use super::render_gate::{hold_until_sent, RenderGate};

/// Normal pages render in well under a second; a debug build on a busy
/// two-core machine stays under a few.
pub const FIRST_TRY: Duration = Duration::from_secs(10);

/// Page GETs: each waits for its turn at the gate, then is rendered
/// again if its first render hangs.
#[derive(Clone)]
pub struct RetryHungRenders {
    first_try: Duration,
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
            gate: RenderGate::per_core(),
        }
    }

    /// A gate of the test's size.
    #[cfg(test)]
    pub fn with_gate(self, gate: RenderGate) -> Self {
        Self { gate, ..self }
    }
}

impl<S> Layer<S> for RetryHungRenders {
    type Service = RetryService<S>;

    fn layer(&self, inner: S) -> Self::Service {
        RetryService {
            inner,
            first_try: self.first_try,
            gate: self.gate.clone(),
        }
    }
}

#[derive(Clone)]
pub struct RetryService<S> {
    inner: S,
    first_try: Duration,
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
        // The ready clone serves this call; a fresh clone serves a retry.
        let fresh = self.inner.clone();
        let mut inner = std::mem::replace(&mut self.inner, fresh);
        let mut again = self.inner.clone();
        let (parts, _) = req.into_parts();
        let retry_parts = parts.clone();
        let first_try = self.first_try;
        let gate = self.gate.clone();
        Box::pin(async move {
            let turn = gate.turn().await;
            let first = inner.call(Request::from_parts(parts, Body::empty()));
            let res = match tokio::time::timeout(first_try, first).await {
                Ok(res) => res,
                Err(_) => {
                    tracing::error!(
                        path = %retry_parts.uri.path(),
                        "page render did not finish in {} ms; rendering it again (leptos#4851)",
                        first_try.as_millis()
                    );
                    std::future::poll_fn(|cx| again.poll_ready(cx)).await?;
                    again
                        .call(Request::from_parts(retry_parts, Body::empty()))
                        .await
                }
            };
            res.map(|res| hold_until_sent(res, turn))
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
