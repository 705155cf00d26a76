//! The preview's connection loop, in place of `axum::serve`, for two limits it does not
//! set: a request's head must arrive within [`HEADER_TIMEOUT`] (a connection that
//! sends nothing, or a head byte by byte, is closed), and at most [`MAX_CONNECTIONS`]
//! are open at once (the next waits, unaccepted, until one closes). HTTP/1 only: a
//! preview on this machine needs nothing more.

use std::sync::Arc;
use std::time::Duration;

use axum::Router;
use hyper_util::rt::{TokioIo, TokioTimer};
use hyper_util::service::TowerToHyperService;
use tokio::net::TcpListener;
use tokio::sync::Semaphore;

/// How long a request's head may take to arrive, from the connection's start or the
/// end of the answer before.
pub const HEADER_TIMEOUT: Duration = Duration::from_secs(10);

/// How many connections are open at once. A browser opens up to six per page (the
/// live-reload stream holds one), so this is many tabs.
pub const MAX_CONNECTIONS: usize = 128;

/// Serves `app` on `listener`, a connection at a time from `open` (one permit each),
/// until the task is dropped.
pub async fn run(listener: TcpListener, app: Router, open: Arc<Semaphore>) {
    loop {
        let permit = Arc::clone(&open)
            .acquire_owned()
            .await
            .expect("the semaphore is never closed");
        let stream = match listener.accept().await {
            Ok((stream, _)) => stream,
            // Too many open files, or a connection reset before it was accepted: try
            // again shortly, as axum does, instead of spinning.
            Err(_) => {
                tokio::time::sleep(Duration::from_millis(100)).await;
                continue;
            }
        };
        let service = TowerToHyperService::new(app.clone());
        tokio::spawn(async move {
            let mut http = hyper::server::conn::http1::Builder::new();
            http.timer(TokioTimer::new())
                .header_read_timeout(HEADER_TIMEOUT);
            // A connection that fails (a bad request, a timeout) is closed; the
            // preview goes on.
            let _ = http.serve_connection(TokioIo::new(stream), service).await;
            drop(permit);
        });
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use tokio::io::{AsyncReadExt as _, AsyncWriteExt as _};
    use tokio::net::TcpStream;

    async fn server(connections: usize) -> (std::net::SocketAddr, Arc<Semaphore>) {
        let listener = TcpListener::bind("127.0.0.1:0").await.unwrap();
        let address = listener.local_addr().unwrap();
        let open = Arc::new(Semaphore::new(connections));
        let app = Router::new().fallback(axum::routing::get(|| async { "ok" }));
        tokio::spawn(run(listener, app, Arc::clone(&open)));
        (address, open)
    }

    /// Reads one answer whose body is "ok" from a connection kept open.
    async fn answer(stream: &mut TcpStream) -> String {
        let mut read = Vec::new();
        let mut buffer = [0; 1024];
        while !read.ends_with(b"\r\n\r\nok") {
            let n = stream.read(&mut buffer).await.unwrap();
            assert!(n > 0, "closed after {:?}", String::from_utf8_lossy(&read));
            read.extend(&buffer[..n]);
        }
        String::from_utf8(read).unwrap()
    }

    const GET: &[u8] = b"GET / HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n";

    #[tokio::test]
    async fn a_connection_beyond_the_bound_waits_until_one_closes() {
        let (address, open) = server(1).await;
        let mut first = TcpStream::connect(address).await.unwrap();
        first.write_all(GET).await.unwrap();
        assert!(answer(&mut first).await.starts_with("HTTP/1.1 200 OK"));
        // The first is kept open: the loop holds no permit to accept another.
        assert_eq!(open.available_permits(), 0);
        let mut second = TcpStream::connect(address).await.unwrap();
        second.write_all(GET).await.unwrap();
        drop(first);
        assert!(answer(&mut second).await.starts_with("HTTP/1.1 200 OK"));
    }

    /// The clock is tokio's, paused: it moves on only while nothing else can happen,
    /// so the timeout is reached without waiting for it.
    #[tokio::test(start_paused = true)]
    async fn a_head_that_never_ends_is_closed_after_the_timeout() {
        let (address, open) = server(1).await;
        let started = tokio::time::Instant::now();
        let mut slow = TcpStream::connect(address).await.unwrap();
        slow.write_all(b"GET / HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Slow: ")
            .await
            .unwrap();
        let mut rest = Vec::new();
        // A guard only, on the same paused clock: without the timeout, it fails.
        tokio::time::timeout(HEADER_TIMEOUT * 3, slow.read_to_end(&mut rest))
            .await
            .expect("the head that never ends was not closed")
            .unwrap();
        assert!(started.elapsed() >= HEADER_TIMEOUT);
        assert!(
            rest.is_empty() || rest.starts_with(b"HTTP/1.1 408"),
            "{:?}",
            String::from_utf8_lossy(&rest)
        );
        // Its place is free again: the next connection is answered.
        let mut next = TcpStream::connect(address).await.unwrap();
        next.write_all(GET).await.unwrap();
        assert!(answer(&mut next).await.starts_with("HTTP/1.1 200 OK"));
        drop(open);
    }
}
