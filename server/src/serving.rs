//! Accepting and serving connections: one single-threaded runtime per
//! core, each with its own listening socket on the shop's port
//! (`SO_REUSEPORT`), the way nginx runs a worker process per core with
//! `reuseport`. On the work-stealing runtime a connection's task could wait
//! on a worker the OS had preempted, queued behind the tasks there: at
//! 1,000 connections a cached page's p99 was half as long again as nginx's
//! on the same machine (bench/RESULTS.md, "Serving threads"). A socket per
//! thread, not one socket shared: the kernel spreads connections over the
//! sockets evenly, where with one socket whichever thread was awake took
//! every connection waiting, and a thread left with fewer connections idled
//! while the other's renders queued. A port another process already listens
//! on is refused, not shared. The background workers stay on the main
//! runtime.
use std::net::SocketAddr;

use axum::serve::ListenerExt as _;
use tokio::net::{TcpListener, TcpSocket};
use tokio::sync::watch;

/// Room for connections the kernel completed before we accept them.
const BACKLOG: u32 = 1024;

/// The shop's listening sockets, one per serving thread, handed over
/// unregistered for each thread to register on its own runtime.
pub struct Listeners(Vec<std::net::TcpListener>);

impl Listeners {
    pub fn local_addr(&self) -> std::io::Result<SocketAddr> {
        match self.0.first() {
            Some(first) => first.local_addr(),
            None => Err(std::io::Error::other("no listening socket")),
        }
    }
}

/// Binds `threads` sockets to `addr` (port 0: one free port for all). Call
/// it on a runtime.
pub fn listen(addr: SocketAddr, threads: usize) -> std::io::Result<Listeners> {
    if addr.port() != 0 {
        // SO_REUSEPORT would let a second shop on this port take part of
        // the connections in silence; a plain bind fails while anyone
        // listens here (std sets only SO_REUSEADDR, so a restart's
        // TIME_WAIT connections do not stand in the way).
        drop(std::net::TcpListener::bind(addr)?);
    }
    let first = bind(addr)?;
    let addr = first.local_addr()?;
    let mut sockets = vec![first];
    for _ in 1..threads.max(1) {
        sockets.push(bind(addr)?);
    }
    Ok(Listeners(sockets))
}

fn bind(addr: SocketAddr) -> std::io::Result<std::net::TcpListener> {
    let socket = if addr.is_ipv4() {
        TcpSocket::new_v4()?
    } else {
        TcpSocket::new_v6()?
    };
    socket.set_reuseaddr(true)?;
    socket.set_reuseport(true)?;
    socket.bind(addr)?;
    socket.listen(BACKLOG)?.into_std()
}

/// Serves each socket on a thread of its own until `shutdown` resolves,
/// then lets every thread finish its in-flight requests.
pub async fn serve(
    listeners: Listeners,
    router: axum::Router,
    shutdown: impl std::future::Future<Output = ()> + Send + 'static,
) -> std::io::Result<()> {
    let (stop, stopped) = watch::channel(false);
    let (bound_tx, bound_rx) = std::sync::mpsc::channel::<std::io::Result<()>>();
    let mut serving = Vec::new();
    for (i, listener) in listeners.0.into_iter().enumerate() {
        let router = router.clone();
        let stopped = stopped.clone();
        let bound = bound_tx.clone();
        let thread = std::thread::Builder::new()
            .name(format!("serve-{i}"))
            .spawn(move || serve_on_this_thread(listener, router, stopped, bound))?;
        serving.push(thread);
    }
    drop(bound_tx);
    let all_bound = tokio::task::spawn_blocking(move || bound_rx.iter().collect::<Vec<_>>())
        .await
        .map_err(std::io::Error::other)?;
    let failed = all_bound.into_iter().find_map(Result::err);
    if failed.is_none() {
        shutdown.await;
    }
    let _ = stop.send(true);
    tokio::task::spawn_blocking(move || {
        for thread in serving {
            if thread.join().is_err() {
                tracing::error!("a serving thread panicked");
            }
        }
    })
    .await
    .map_err(std::io::Error::other)?;
    failed.map_or(Ok(()), Err)
}

fn serve_on_this_thread(
    listener: std::net::TcpListener,
    router: axum::Router,
    mut stopped: watch::Receiver<bool>,
    bound: std::sync::mpsc::Sender<std::io::Result<()>>,
) {
    let runtime = match tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
    {
        Ok(runtime) => runtime,
        Err(e) => {
            let _ = bound.send(Err(e));
            return;
        }
    };
    runtime.block_on(async move {
        let listener = match TcpListener::from_std(listener) {
            Ok(listener) => {
                let _ = bound.send(Ok(()));
                listener
            }
            Err(e) => {
                let _ = bound.send(Err(e));
                return;
            }
        };
        drop(bound);
        // Without TCP_NODELAY small responses wait on delayed ACKs (~40 ms).
        let listener = listener.tap_io(|tcp| {
            if let Err(e) = tcp.set_nodelay(true) {
                tracing::debug!(error = %e, "could not set TCP_NODELAY");
            }
        });
        let served = axum::serve(
            listener,
            router.into_make_service_with_connect_info::<SocketAddr>(),
        )
        .with_graceful_shutdown(async move {
            let _ = stopped.wait_for(|stop| *stop).await;
        })
        .await;
        if let Err(e) = served {
            tracing::error!(error = %e, "serving stopped");
        }
    });
}

#[cfg(test)]
mod tests {
    use super::*;

    #[tokio::test]
    async fn a_port_in_use_is_refused_not_shared() {
        let shop = listen("127.0.0.1:0".parse().expect("addr"), 2).expect("bind");
        let addr = shop.local_addr().expect("addr");
        assert_eq!(shop.0.len(), 2);
        assert!(shop.0.iter().all(|l| l.local_addr().ok() == Some(addr)));
        let second = listen(addr, 2);
        assert!(
            second.is_err(),
            "a second shop on {addr} would have taken part of the connections"
        );
        drop(shop);
        assert!(listen(addr, 1).is_ok(), "the port is free again");
    }
}
