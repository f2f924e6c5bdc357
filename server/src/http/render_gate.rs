//! Lets a few page renders run at a time; the others wait their turn.
//!
//! A Leptos render yields at every resource it awaits, so with a hundred
//! connections a hundred renders were interleaved on two cores and each
//! found its memory evicted from the CPU caches when its turn came again:
//! the allocator's fast path alone took an eighth of the CPU
//! (bench/RESULTS.md). Rendering a handful at once keeps them cache-warm;
//! the wait is shorter than the slowdown it replaces. The permit is held
//! until the body has been streamed, because the render runs while it is.
//! `render_retry::RetryHungRenders` takes the turn for each page GET.
use std::cell::RefCell;
use std::sync::{Arc, Weak};

use axum::body::Body;
use axum::http::Response;
use futures_util::StreamExt;
use tokio::sync::{OwnedSemaphorePermit, Semaphore};

/// A set of permits on each thread, for the renders that thread started.
/// A serving thread runs only its own connections (`crate::serving`): with
/// one set shared by all, a thread whose renders waited for a permit idled
/// while another held them, and signed-in pages at 100 connections ran at
/// half the rate of 10 (bench/RESULTS.md).
#[derive(Clone)]
pub struct RenderGate {
    at_once: Arc<usize>,
}

thread_local! {
    /// Each gate's permits on this thread, found by the gate's identity.
    static PERMITS: RefCell<Vec<(Weak<usize>, Arc<Semaphore>)>> = const { RefCell::new(Vec::new()) };
}

/// A render's turn; it ends when dropped.
pub struct Turn {
    _permit: Option<OwnedSemaphorePermit>,
}

impl RenderGate {
    /// Two renders per core: one running while another waits on a read.
    pub fn per_core() -> Self {
        Self::per_thread(2)
    }

    pub fn per_thread(at_once: usize) -> Self {
        Self {
            at_once: Arc::new(at_once.max(1)),
        }
    }

    fn permits_here(&self) -> Arc<Semaphore> {
        PERMITS.with(|gates| {
            let mut gates = gates.borrow_mut();
            gates.retain(|(gate, _)| gate.strong_count() > 0);
            let mine = gates
                .iter()
                .find(|(gate, _)| std::ptr::eq(gate.as_ptr(), Arc::as_ptr(&self.at_once)));
            if let Some((_, permits)) = mine {
                return permits.clone();
            }
            let permits = Arc::new(Semaphore::new(*self.at_once));
            gates.push((Arc::downgrade(&self.at_once), permits.clone()));
            permits
        })
    }

    /// Waits for a free turn on this thread (first come, first served).
    pub async fn turn(&self) -> Turn {
        let permits = self.permits_here();
        // The semaphore is never closed, so a permit always comes.
        Turn {
            _permit: permits.acquire_owned().await.ok(),
        }
    }
}

/// `res` with `turn` held until its body has been sent (or dropped).
pub fn hold_until_sent(res: Response<Body>, turn: Turn) -> Response<Body> {
    let (parts, body) = res.into_parts();
    let body = body.into_data_stream().map(move |chunk| {
        let _held = &turn;
        chunk
    });
    Response::from_parts(parts, Body::from_stream(body))
}

#[cfg(test)]
mod tests {
    use super::super::render_retry::RetryHungRenders;
    use super::*;
    use axum::http::Request;
    use std::convert::Infallible;
    use std::future::Future;
    use std::pin::Pin;
    use std::sync::atomic::{AtomicUsize, Ordering};
    use std::time::Duration;
    use tower::{Layer, Service, ServiceExt};

    type Reply = Pin<Box<dyn Future<Output = Result<Response<Body>, Infallible>> + Send>>;

    /// Records the most renders in progress at once; each takes a while.
    fn slow(
        most: Arc<AtomicUsize>,
    ) -> impl Service<Request<Body>, Response = Response<Body>, Error = Infallible, Future = Reply> + Clone
    {
        let now = Arc::new(AtomicUsize::new(0));
        tower::service_fn(move |_req: Request<Body>| {
            let (now, most) = (now.clone(), most.clone());
            Box::pin(async move {
                most.fetch_max(now.fetch_add(1, Ordering::SeqCst) + 1, Ordering::SeqCst);
                tokio::time::sleep(Duration::from_millis(20)).await;
                now.fetch_sub(1, Ordering::SeqCst);
                Ok(Response::new(Body::from("ok")))
            }) as Reply
        })
    }

    async fn twelve_at_once<S>(svc: S, path: &'static str)
    where
        S: Service<Request<Body>, Response = Response<Body>, Error = Infallible>
            + Clone
            + Send
            + 'static,
        S::Future: Send,
    {
        let mut all = Vec::new();
        for _ in 0..12 {
            let svc = svc.clone();
            all.push(tokio::spawn(async move {
                let req = Request::get(path)
                    .header("accept", "text/html")
                    .body(Body::empty())
                    .expect("req");
                let res = svc.oneshot(req).await.expect("response");
                axum::body::to_bytes(res.into_body(), 1024)
                    .await
                    .expect("body")
            }));
        }
        for t in all {
            assert_eq!(&t.await.expect("task")[..], b"ok");
        }
    }

    /// A serving thread's runtime: every task on one thread.
    #[tokio::test(flavor = "current_thread")]
    async fn page_renders_wait_for_a_permit() {
        let most = Arc::new(AtomicUsize::new(0));
        let pages = RetryHungRenders::default().with_gate(RenderGate::per_thread(3));
        twelve_at_once(pages.layer(slow(most.clone())), "/account").await;
        assert_eq!(most.load(Ordering::SeqCst), 3);
    }

    #[tokio::test(flavor = "current_thread")]
    async fn server_functions_are_not_gated() {
        let most = Arc::new(AtomicUsize::new(0));
        let pages = RetryHungRenders::default().with_gate(RenderGate::per_thread(1));
        twelve_at_once(pages.layer(slow(most.clone())), "/api/cart/add").await;
        assert!(most.load(Ordering::SeqCst) > 1);
    }

    #[tokio::test(flavor = "current_thread")]
    async fn each_serving_thread_has_its_own_turns() {
        let gate = RenderGate::per_thread(1);
        let _mine = gate.turn().await;
        let other = gate.clone();
        let elsewhere = std::thread::spawn(move || {
            let runtime = tokio::runtime::Builder::new_current_thread()
                .enable_all()
                .build()
                .expect("runtime");
            runtime.block_on(async move {
                tokio::time::timeout(Duration::from_secs(5), other.turn())
                    .await
                    .is_ok()
            })
        });
        assert!(
            elsewhere.join().expect("thread"),
            "another thread's render waited for this thread's turn"
        );
        let again = tokio::time::timeout(Duration::from_millis(50), gate.turn()).await;
        assert!(again.is_err(), "this thread's one turn is taken");
    }
}
