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
//! the limit, a 401, 404 or 429 that had no need of it) waits until the rest is read and
//! dropped, within [`DRAIN_BYTES`] and [`DRAIN_TIME`]. Otherwise hyper closes the
//! connection at once: a client still sending its body gets a reset instead of the
//! answer, and one that has sent it all sends its next request on a connection about to
//! close. Past those bounds, after a 408 (a body that slow will not come faster now), or
//! when a client waiting to send (`Expect: 100-continue`) was never asked for its body,
//! the answer says `Connection: close` and the connection is closed; a client still
//! sending a body that large may then still see a reset.

use axum::body::{Body, Bytes, HttpBody};
use axum::extract::{ConnectInfo, Request};
use axum::http::{header, HeaderValue, StatusCode};
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

/// What is left of a request's body once its handler has answered without it is read and
/// dropped, up to this much, before the answer goes out.
pub const DRAIN_BYTES: u64 = 1 << 20;
/// … and for at most this long.
pub const DRAIN_TIME: Duration = Duration::from_secs(1);

/// Reads what the handler left of its request's body before the answer goes out, so that a
/// client still sending it is not cut off by a reset before it can read the answer; when
/// the rest is too large or too slow for that, the answer says `Connection: close`. The
/// router wraps every request in it, inside the request log, whose time then counts it.
pub async fn answer_after_the_body(request: Request, next: Next) -> Response {
    if request.body().is_end_stream() {
        return next.run(request).await;
    }
    // A client that waits to be told to go on (`Expect: 100-continue`) sends its body only
    // once the server first reads it: a body never read was never sent, nor asked for now.
    let waits_to_send = request.headers().contains_key(header::EXPECT);
    let left = Arc::new(Mutex::new(None));
    let watched = left.clone();
    let request = request.map(|body| {
        Body::new(WatchedBody {
            body,
            read_from: false,
            left: watched,
        })
    });
    let mut response = next.run(request).await;
    let read_to_end = match Arc::try_unwrap(left).map(Mutex::into_inner) {
        Ok(Ok(None)) => true,
        Ok(Ok(Some(unread))) => {
            let Unread { body, read_from } = unread;
            // A body too slow to arrive in its time will not arrive faster now.
            let slow = response.status() == StatusCode::REQUEST_TIMEOUT;
            !slow && (read_from || !waits_to_send) && read_the_rest(body).await
        }
        // Still held, by a task the handler started (none does today): not known to be read.
        Err(_) | Ok(Err(_)) => false,
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
    let reading = async {
        let (mut data, mut bytes) = (body.into_data_stream(), 0);
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

/// What a handler left of its request's body, and whether it had read any of it.
struct Unread {
    body: Body,
    read_from: bool,
}

/// A request's body that, dropped before its end, leaves what is unread in `left`.
struct WatchedBody {
    body: Body,
    read_from: bool,
    left: Arc<Mutex<Option<Unread>>>,
}

impl Drop for WatchedBody {
    fn drop(&mut self) {
        if !self.body.is_end_stream() {
            if let Ok(mut left) = self.left.lock() {
                *left = Some(Unread {
                    body: std::mem::take(&mut self.body),
                    read_from: self.read_from,
                });
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
        self.read_from = true;
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

    /// Handlers that read their body within a limit of 8 bytes, never read it, answer 408
    /// without it, and hand it to a task that outlives the answer.
    fn app() -> Router {
        Router::new()
            .route(
                "/read",
                put(|body: Bytes| async move { body.len().to_string() }),
            )
            .route("/ignore", put(|| async { "not read" }))
            .route("/late", put(|| async { StatusCode::REQUEST_TIMEOUT }))
            .route(
                "/held",
                put(|request: Request| async move {
                    tokio::spawn(async move {
                        tokio::time::sleep(Duration::from_secs(60)).await;
                        drop(request);
                    });
                    "held"
                }),
            )
            .layer(DefaultBodyLimit::max(8))
            .layer(axum::middleware::from_fn(answer_after_the_body))
    }

    /// What a PUT of `body` to `path` got: its status and its `Connection` header.
    async fn answer(path: &str, body: Body, expect: bool) -> (u16, Option<String>) {
        let mut request = axum::http::Request::put(path);
        if expect {
            request = request.header(header::EXPECT, "100-continue");
        }
        let response = app()
            .oneshot(request.body(body).expect("a request"))
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

    /// The answer to a PUT of these pieces, and how many of them were read.
    async fn answer_to(
        path: &str,
        texts: &[&'static str],
        expect: bool,
    ) -> ((u16, Option<String>), usize) {
        let pieces = texts.iter().map(|text| Bytes::from_static(text.as_bytes()));
        let (body, read) = in_pieces(pieces.collect(), false);
        let answered = answer(path, body, expect).await;
        (answered, read.load(Ordering::Relaxed))
    }

    #[tokio::test(start_paused = true)]
    async fn the_rest_of_a_body_is_read_before_the_answer_or_the_connection_closes() {
        let close = Some("close".to_owned());
        assert_eq!(answer("/read", Body::empty(), false).await, (200, None));
        assert_eq!(answer("/ignore", Body::empty(), false).await, (200, None));
        let read_whole = answer_to("/read", &["1234", "5678"], false).await;
        assert_eq!(read_whole, ((200, None), 2));

        // Past the limit at the second piece: the third is read too, and the connection kept.
        let past_limit = answer_to("/read", &["12345", "67890", "abc"], false).await;
        assert_eq!(past_limit, ((413, None), 3));
        let ignored = answer_to("/ignore", &["1234", "5678"], false).await;
        assert_eq!(ignored, ((200, None), 2));

        // Too much left to read: said by its length, or found while reading.
        let whole = Body::from(vec![b'x'; DRAIN_BYTES as usize + 1]);
        assert_eq!(answer("/ignore", whole, false).await, (200, close.clone()));
        let (body, read) = in_pieces(vec![Bytes::from(vec![b'x'; 65_536]); 32], false);
        let too_much = (
            answer("/ignore", body, false).await,
            read.load(Ordering::Relaxed),
        );
        assert_eq!(too_much, ((200, close.clone()), 17));

        // A client that stops sending: the answer goes after DRAIN_TIME, and closes.
        let started = tokio::time::Instant::now();
        let (body, _) = in_pieces(vec![Bytes::from_static(b"123456789")], true);
        assert_eq!(answer("/read", body, false).await, (413, close.clone()));
        assert_eq!(started.elapsed(), DRAIN_TIME);
    }

    #[tokio::test(start_paused = true)]
    async fn a_body_not_to_be_read_is_not_waited_for() {
        let close = Some("close".to_owned());
        // A client waiting to be told to go on, whose body the handler never asked for,
        // has sent nothing: nothing is asked for now.
        let never_asked = answer_to("/ignore", &["1234"], true).await;
        assert_eq!(never_asked, ((200, close.clone()), 0));
        let asked = answer_to("/read", &["12345", "67890", "abc"], true).await;
        assert_eq!(asked, ((413, None), 3));
        // A body too slow for its time is not waited for again.
        let started = tokio::time::Instant::now();
        let (body, read) = in_pieces(vec![Bytes::from_static(b"1234")], true);
        let late = (
            answer("/late", body, false).await,
            read.load(Ordering::Relaxed),
        );
        assert_eq!(
            (late, started.elapsed()),
            (((408, close.clone()), 0), Duration::ZERO)
        );
        // A body a task still holds may yet be read by it: the connection cannot be kept.
        let held = answer_to("/held", &["1234"], false).await;
        assert_eq!(held, ((200, close), 0));
    }
}
