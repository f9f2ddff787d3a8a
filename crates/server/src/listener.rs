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
//!
//! A response given before its request's body was read to the end (a 413 for a body past
//! the limit, a 408, a 429 or a 404 that had no need of it) waits until the rest is read
//! and dropped, within [`DRAIN_BYTES`] and [`DRAIN_TIME`]. Otherwise hyper closes the
//! connection at once: a client still sending its body gets a reset instead of the
//! answer, and one that has sent it all sends its next request on a connection about to
//! close. Past those bounds the answer says `Connection: close`, so the client knows.

use axum::body::{Body, Bytes, HttpBody};
use axum::extract::{ConnectInfo, Request};
use axum::http::{header, HeaderValue};
use axum::middleware::Next;
use axum::response::Response;
use axum::Router;
use futures_util::StreamExt;
use hyper::body::{Frame, Incoming, SizeHint};
use hyper::server::conn::http1;
use hyper_util::rt::{TokioIo, TokioTimer};
use hyper_util::server::graceful::GracefulShutdown;
use hyper_util::service::TowerToHyperService;
use std::future::Future;
use std::pin::Pin;
use std::sync::{Arc, Mutex};
use std::task::{Context, Poll};
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
        let service = router
            .clone()
            .layer(axum::middleware::from_fn(answer_after_the_body))
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

/// What is left of a request's body once its handler has answered without it is read and
/// dropped, up to this much, before the answer goes out.
pub const DRAIN_BYTES: u64 = 1 << 20;
/// … and for at most this long.
pub const DRAIN_TIME: Duration = Duration::from_secs(1);

/// Reads what the handler left of its request's body before the answer goes out, so that a
/// client still sending it is not cut off by a reset before it can read the answer; when
/// the rest is too large or too slow for that, the answer says `Connection: close`.
pub async fn answer_after_the_body(request: Request, next: Next) -> Response {
    if request.body().is_end_stream() {
        return next.run(request).await;
    }
    let left = Arc::new(Mutex::new(None));
    let watched = left.clone();
    let request = request.map(|body| {
        Body::new(WatchedBody {
            body,
            left: watched,
        })
    });
    let mut response = next.run(request).await;
    let unread = left.lock().map_or(None, |mut left| left.take());
    // A body the handler still holds (none does today) is not known to be read: close.
    let read_to_end = match unread {
        Some(unread) => read_the_rest(unread).await,
        None => Arc::strong_count(&left) == 1,
    };
    if !read_to_end {
        response
            .headers_mut()
            .insert(header::CONNECTION, HeaderValue::from_static("close"));
    }
    response
}

/// Reads and drops the rest of a body, within [`DRAIN_BYTES`] and [`DRAIN_TIME`]: whether
/// it came to its end.
async fn read_the_rest(body: Body) -> bool {
    if body.size_hint().lower() > DRAIN_BYTES {
        return false;
    }
    let mut data = body.into_data_stream();
    let mut bytes = 0;
    let reading = async {
        while let Some(chunk) = data.next().await {
            let Ok(chunk) = chunk else { return false };
            bytes += chunk.len() as u64;
            if bytes > DRAIN_BYTES {
                return false;
            }
        }
        true
    };
    tokio::time::timeout(DRAIN_TIME, reading)
        .await
        .unwrap_or(false)
}

/// A request's body that, dropped before its end, leaves what is unread in `left`.
struct WatchedBody {
    body: Body,
    left: Arc<Mutex<Option<Body>>>,
}

impl Drop for WatchedBody {
    fn drop(&mut self) {
        if !self.body.is_end_stream() {
            if let Ok(mut left) = self.left.lock() {
                *left = Some(std::mem::take(&mut self.body));
            }
        }
    }
}

impl HttpBody for WatchedBody {
    type Data = Bytes;
    type Error = axum::Error;

    fn poll_frame(
        mut self: Pin<&mut Self>,
        context: &mut Context<'_>,
    ) -> Poll<Option<Result<Frame<Bytes>, axum::Error>>> {
        Pin::new(&mut self.body).poll_frame(context)
    }

    fn is_end_stream(&self) -> bool {
        self.body.is_end_stream()
    }

    fn size_hint(&self) -> SizeHint {
        self.body.size_hint()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use axum::extract::DefaultBodyLimit;
    use axum::routing::put;
    use std::sync::atomic::{AtomicUsize, Ordering};

    /// A handler that reads its body within a limit of 8 bytes, and one that never reads it.
    fn app() -> Router {
        Router::new()
            .route(
                "/read",
                put(|body: Bytes| async move { body.len().to_string() }),
            )
            .route("/ignore", put(|| async { "not read" }))
            .layer(DefaultBodyLimit::max(8))
            .layer(axum::middleware::from_fn(answer_after_the_body))
    }

    /// What a PUT of `body` to `path` got: its status and its `Connection` header.
    async fn answer(path: &str, body: Body) -> (u16, Option<String>) {
        let response = app()
            .oneshot(
                axum::http::Request::put(path)
                    .body(body)
                    .expect("a request"),
            )
            .await
            .expect("a response");
        let connection = response
            .headers()
            .get(header::CONNECTION)
            .map(|value| value.to_str().unwrap_or("?").to_owned());
        (response.status().as_u16(), connection)
    }

    /// A body in these pieces, as hyper gives one that comes in several packets, counting
    /// those read; with `then_silence`, one that never ends, as from a client that stops.
    fn in_pieces(pieces: Vec<Bytes>, then_silence: bool) -> (Body, Arc<AtomicUsize>) {
        let read = Arc::new(AtomicUsize::new(0));
        let counted = read.clone();
        let pieces = futures_util::stream::iter(pieces).map(move |piece| {
            counted.fetch_add(1, Ordering::Relaxed);
            Ok::<_, std::io::Error>(piece)
        });
        let body = if then_silence {
            Body::from_stream(pieces.chain(futures_util::stream::pending()))
        } else {
            Body::from_stream(pieces)
        };
        (body, read)
    }

    fn pieces(texts: &[&'static str]) -> Vec<Bytes> {
        texts
            .iter()
            .map(|text| Bytes::from_static(text.as_bytes()))
            .collect()
    }

    #[tokio::test(start_paused = true)]
    async fn the_rest_of_a_body_is_read_before_the_answer_or_the_connection_closes() {
        let close = Some("close".to_owned());
        assert_eq!(answer("/read", Body::empty()).await, (200, None));
        assert_eq!(answer("/ignore", Body::empty()).await, (200, None));
        let (body, read) = in_pieces(pieces(&["1234", "5678"]), false);
        assert_eq!(
            (answer("/read", body).await, read.load(Ordering::Relaxed)),
            ((200, None), 2)
        );

        // Past the limit at the second piece: the third is read too, and the connection kept.
        let (body, read) = in_pieces(pieces(&["12345", "67890", "abc"]), false);
        assert_eq!(
            (answer("/read", body).await, read.load(Ordering::Relaxed)),
            ((413, None), 3)
        );
        let (body, read) = in_pieces(pieces(&["1234", "5678"]), false);
        assert_eq!(
            (answer("/ignore", body).await, read.load(Ordering::Relaxed)),
            ((200, None), 2)
        );

        // Too much left to read: said by its length, or found while reading.
        let whole = Body::from(vec![b'x'; DRAIN_BYTES as usize + 1]);
        assert_eq!(answer("/ignore", whole).await, (200, close.clone()));
        let (body, read) = in_pieces(vec![Bytes::from(vec![b'x'; 65_536]); 32], false);
        assert_eq!(
            (answer("/ignore", body).await, read.load(Ordering::Relaxed)),
            ((200, close.clone()), 17)
        );

        // A client that stops sending: the answer goes after DRAIN_TIME, and closes.
        let started = tokio::time::Instant::now();
        let (body, _) = in_pieces(pieces(&["12345", "67890"]), true);
        assert_eq!(answer("/read", body).await, (413, close));
        assert_eq!(started.elapsed(), DRAIN_TIME);
    }
}
