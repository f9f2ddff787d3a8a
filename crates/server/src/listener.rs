//! Connections, as the server takes them: at most `--max-connections` open at once (the
//! next waits in the kernel's queue until one closes), and a request's head must arrive
//! within `--request-head-seconds` of the connection being ready for it, so that a client
//! that trickles its headers, or leaves a connection idle, cannot hold a socket for good.
//! axum's own `serve` sets neither: without them a few clients could keep every socket
//! the process may open (a "slowloris"), and a workshop's phones could no longer connect.
//!
//! A presenter's stream is not cut by the head's deadline: hyper waits for the next
//! request's head only once a response is over. On stop, the listener stops taking
//! connections, and those open finish what they are doing (streams end when the server
//! announces its stop) before `serve` returns.

use axum::extract::ConnectInfo;
use axum::Router;
use hyper::body::Incoming;
use hyper::server::conn::http1;
use hyper_util::rt::{TokioIo, TokioTimer};
use hyper_util::server::graceful::GracefulShutdown;
use hyper_util::service::TowerToHyperService;
use std::future::Future;
use std::sync::Arc;
use std::time::Duration;
use tokio::net::TcpListener;
use tokio::sync::Semaphore;
use tower::ServiceExt;

/// How long connections still open when the server stops may take to finish.
const STOP_TIME: Duration = Duration::from_secs(10);

/// What the listener allows each client.
#[derive(Clone, Copy, Debug)]
pub struct ConnectionRules {
    /// Connections open at once.
    pub max_connections: usize,
    /// From a connection's being ready for a request to that request's whole head.
    pub head_time: Duration,
}

/// Serves `router` on `listener` until `stop` resolves; each handler can read the
/// client's address (`ConnectInfo<SocketAddr>`, for the rate limits' salted keys).
pub async fn serve(
    listener: TcpListener,
    router: Router,
    rules: ConnectionRules,
    stop: impl Future<Output = ()>,
) {
    let open = Arc::new(Semaphore::new(rules.max_connections));
    let graceful = GracefulShutdown::new();
    let mut stop = std::pin::pin!(stop);
    loop {
        let permit = tokio::select! {
            permit = open.clone().acquire_owned() => match permit {
                Ok(permit) => permit,
                Err(_) => break,
            },
            () = &mut stop => break,
        };
        let (stream, address) = tokio::select! {
            accepted = listener.accept() => match accepted {
                Ok(accepted) => accepted,
                Err(error) => {
                    // Out of file descriptors, or a connection reset before it was
                    // taken: wait a little rather than spin.
                    tracing::warn!(%error, "cannot take a connection");
                    tokio::time::sleep(Duration::from_millis(100)).await;
                    continue;
                }
            },
            () = &mut stop => break,
        };
        let service =
            router
                .clone()
                .map_request(move |mut request: axum::http::Request<Incoming>| {
                    request.extensions_mut().insert(ConnectInfo(address));
                    request
                });
        let connection = http1::Builder::new()
            .timer(TokioTimer::new())
            .header_read_timeout(rules.head_time)
            .serve_connection(TokioIo::new(stream), TowerToHyperService::new(service));
        let connection = graceful.watch(connection);
        tokio::spawn(async move {
            // A client that goes away, or misses the head's deadline, ends here; neither
            // is the server's fault, and neither says anything of the client.
            let _ = connection.await;
            drop(permit);
        });
    }
    drop(listener);
    if tokio::time::timeout(STOP_TIME, graceful.shutdown())
        .await
        .is_err()
    {
        tracing::warn!("stopped with connections still open");
    }
}
