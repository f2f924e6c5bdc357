//! Accepting and serving connections: one single-threaded runtime per
//! core, each accepting from the shop's one listening socket on its own
//! handle, the way nginx runs a worker process per core. On the
//! work-stealing runtime a connection's task could wait on a worker the OS
//! had preempted, queued behind the tasks there: at 1,000 connections a
//! cached page's p99 was half as long again as nginx's on the same machine
//! (bench/RESULTS.md, "Serving threads"). One socket, not one per thread
//! with `SO_REUSEPORT`: a second process started on the same port fails
//! to bind instead of silently taking half the shoppers. The background
//! workers stay on the main runtime.
use std::net::SocketAddr;

use axum::serve::ListenerExt as _;
use tokio::net::{TcpListener, TcpSocket};
use tokio::sync::watch;

/// Room for connections the kernel completed before we accept them.
const BACKLOG: u32 = 1024;

/// The shop's listening socket. Call it on a runtime; the socket is handed
/// over unregistered, for each serving thread to register a handle of its
/// own.
pub fn listen(addr: SocketAddr) -> std::io::Result<std::net::TcpListener> {
    let socket = if addr.is_ipv4() {
        TcpSocket::new_v4()?
    } else {
        TcpSocket::new_v6()?
    };
    socket.set_reuseaddr(true)?;
    socket.bind(addr)?;
    socket.listen(BACKLOG)?.into_std()
}

/// Serves on `first` and on one more socket per further thread (`threads`
/// in all) until `shutdown` resolves, then lets every thread finish its
/// in-flight requests.
pub async fn serve(
    first: std::net::TcpListener,
    threads: usize,
    router: axum::Router,
    shutdown: impl std::future::Future<Output = ()> + Send + 'static,
) -> std::io::Result<()> {
    let (stop, stopped) = watch::channel(false);
    let (bound_tx, bound_rx) = std::sync::mpsc::channel::<std::io::Result<()>>();
    let mut serving = Vec::new();
    for i in 0..threads.max(1) {
        let listener = first.try_clone()?;
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
