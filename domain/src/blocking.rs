//! CPU-heavy work — search engine calls, password hashing, image decoding,
//! CSV parsing — runs on tokio's blocking pool behind one gate per kind. A
//! few run at once; a few more may wait a short while; anyone beyond that
//! is told "busy, try again" ([`Error::Busy`], 503 + `Retry-After`) at
//! once, instead of joining a queue that grows with the attack.
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, LazyLock};
use std::time::Duration;

use tokio::sync::Semaphore;

use crate::{Error, Result};

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Work {
    /// Queries against the embedded index.
    Search,
    /// argon2 at 19 MiB a time: the running count also bounds memory.
    Password,
    /// Decoding and re-encoding an uploaded image.
    Image,
    /// Parsing and checking an uploaded CSV file.
    Csv,
}

impl Work {
    fn gate(self) -> &'static Gate {
        match self {
            Work::Search => &GATES[0],
            Work::Password => &GATES[1],
            Work::Image => &GATES[2],
            Work::Csv => &GATES[3],
        }
    }

    fn what(self) -> &'static str {
        match self {
            Work::Search => "search",
            Work::Password => "sign-in service",
            Work::Image => "image processing",
            Work::Csv => "catalog import",
        }
    }
}

fn cores() -> usize {
    std::thread::available_parallelism().map_or(2, |n| n.get())
}

static GATES: LazyLock<[Gate; 4]> = LazyLock::new(|| {
    let n = cores();
    [
        Gate::new(2 * n, 64, Duration::from_secs(2)),
        Gate::new(n.max(2), 32, Duration::from_secs(5)),
        Gate::new(2, 4, Duration::from_secs(10)),
        Gate::new(1, 2, Duration::from_secs(5)),
    ]
});

/// Runs `f` on the blocking pool once `work`'s gate lets it through.
pub async fn run<T: Send + 'static>(
    work: Work,
    f: impl FnOnce() -> T + Send + 'static,
) -> Result<T> {
    work.gate().run(work.what(), f).await
}

pub struct Gate {
    running: Arc<Semaphore>,
    waiting: AtomicUsize,
    max_waiting: usize,
    max_wait: Duration,
}

/// Counts a waiter for as long as it waits, also when its request is dropped.
struct Waiting<'a>(&'a AtomicUsize);

impl Drop for Waiting<'_> {
    fn drop(&mut self) {
        self.0.fetch_sub(1, Ordering::AcqRel);
    }
}

impl Gate {
    pub fn new(running: usize, max_waiting: usize, max_wait: Duration) -> Self {
        Self {
            running: Arc::new(Semaphore::new(running)),
            waiting: AtomicUsize::new(0),
            max_waiting,
            max_wait,
        }
    }

    pub async fn run<T: Send + 'static>(
        &self,
        what: &'static str,
        f: impl FnOnce() -> T + Send + 'static,
    ) -> Result<T> {
        let busy = || Error::Busy {
            what,
            retry_after_secs: self.max_wait.as_secs().max(1),
        };
        let permit = match self.running.clone().try_acquire_owned() {
            Ok(permit) => permit,
            Err(_) => {
                if self.waiting.fetch_add(1, Ordering::AcqRel) >= self.max_waiting {
                    self.waiting.fetch_sub(1, Ordering::AcqRel);
                    return Err(busy());
                }
                let _waiting = Waiting(&self.waiting);
                match tokio::time::timeout(self.max_wait, self.running.clone().acquire_owned())
                    .await
                {
                    Ok(Ok(permit)) => permit,
                    _ => return Err(busy()),
                }
            }
        };
        tokio::task::spawn_blocking(move || {
            let _permit = permit;
            f()
        })
        .await
        .map_err(Error::internal)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::mpsc;

    #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
    async fn a_full_gate_answers_busy_instead_of_queueing() {
        let gate = Arc::new(Gate::new(1, 1, Duration::from_millis(200)));
        let (release, hold) = mpsc::channel::<()>();
        let (started, running) = tokio::sync::oneshot::channel();
        let first = {
            let gate = gate.clone();
            tokio::spawn(async move {
                gate.run("test", move || {
                    let _ = started.send(());
                    let _ = hold.recv();
                })
                .await
            })
        };
        running.await.expect("first job runs");
        // One may wait (and times out while the first still runs) …
        let waiter = {
            let gate = gate.clone();
            tokio::spawn(async move { gate.run("test", || ()).await })
        };
        tokio::time::sleep(Duration::from_millis(50)).await;
        // … the next is refused at once.
        let refused = gate.run("test", || ()).await;
        assert!(matches!(refused, Err(Error::Busy { what: "test", .. })));
        assert!(matches!(
            waiter.await.expect("join"),
            Err(Error::Busy { .. })
        ));
        release.send(()).expect("release");
        first.await.expect("join").expect("first job finishes");
        // Free again: work runs.
        assert_eq!(gate.run("test", || 7).await.expect("runs"), 7);
        assert_eq!(gate.waiting.load(Ordering::Acquire), 0);
    }
}
