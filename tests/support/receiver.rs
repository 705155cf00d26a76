//! A webhook receiver for the `[[notify]]` tests: a real HTTP/1.1 server on a free
//! port of 127.0.0.1, in a thread of the test, that records each request and answers
//! it with one status. It is stopped when dropped.

use std::collections::BTreeMap;
use std::io::{BufRead, BufReader, Read, Write};
use std::net::{TcpListener, TcpStream};
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc::{Receiver as Channel, channel};
use std::thread::JoinHandle;
use std::time::Duration;

/// How long a test waits for a request, or a connection for its bytes, before it
/// fails saying so: far beyond any real wait, so only a request that never comes
/// reaches it.
const DEADLINE: Duration = Duration::from_secs(60);

/// One request as the receiver got it.
#[derive(Debug)]
pub struct Request {
    /// `POST /hook HTTP/1.1`.
    pub line: String,
    /// Its headers, by lowercase name.
    pub headers: BTreeMap<String, String>,
    /// Its body.
    pub body: String,
}

/// A running receiver.
pub struct WebhookReceiver {
    /// Its port on 127.0.0.1.
    pub port: u16,
    requests: Channel<Request>,
    stop: Arc<AtomicBool>,
    thread: Option<JoinHandle<()>>,
}

impl WebhookReceiver {
    /// Starts a receiver that answers every request with `status`.
    pub fn start(status: u16) -> WebhookReceiver {
        let listener = TcpListener::bind("127.0.0.1:0").unwrap();
        let port = listener.local_addr().unwrap().port();
        let (sender, requests) = channel();
        let stop = Arc::new(AtomicBool::new(false));
        let stopping = Arc::clone(&stop);
        let thread = std::thread::spawn(move || {
            for stream in listener.incoming() {
                if stopping.load(Ordering::SeqCst) {
                    break;
                }
                let Ok(mut stream) = stream else { continue };
                if let Some(request) = read(&stream) {
                    let _ = sender.send(request);
                }
                let answer = format!(
                    "HTTP/1.1 {status} Status\r\nContent-Length: 0\r\nConnection: close\r\n\r\n"
                );
                let _ = stream.write_all(answer.as_bytes());
            }
        });
        WebhookReceiver {
            port,
            requests,
            stop,
            thread: Some(thread),
        }
    }

    /// Its address with `path` (`/hook`).
    pub fn url(&self, path: &str) -> String {
        format!("http://127.0.0.1:{}{path}", self.port)
    }

    /// The next request, waiting for it up to the deadline.
    pub fn next(&self) -> Request {
        self.requests
            .recv_timeout(DEADLINE)
            .unwrap_or_else(|_| panic!("no request reached port {} within {DEADLINE:?}", self.port))
    }

    /// The requests it has got so far; after the command that sends them has exited,
    /// all it ever gets (each is recorded before it is answered).
    pub fn received(&self) -> Vec<Request> {
        self.requests.try_iter().collect()
    }
}

impl Drop for WebhookReceiver {
    fn drop(&mut self) {
        self.stop.store(true, Ordering::SeqCst);
        // Wakes the thread from `accept`, to see it is stopped.
        let _ = TcpStream::connect(("127.0.0.1", self.port));
        if let Some(thread) = self.thread.take() {
            let _ = thread.join();
        }
    }
}

/// Reads one request: its line, headers and a body of its Content-Length.
fn read(stream: &TcpStream) -> Option<Request> {
    stream.set_read_timeout(Some(DEADLINE)).ok()?;
    let mut reader = BufReader::new(stream);
    let mut line = String::new();
    reader.read_line(&mut line).ok()?;
    let mut headers = BTreeMap::new();
    loop {
        let mut header = String::new();
        reader.read_line(&mut header).ok()?;
        let header = header.trim_end();
        if header.is_empty() {
            break;
        }
        let (name, value) = header.split_once(':')?;
        headers.insert(name.to_ascii_lowercase(), value.trim().to_string());
    }
    let length: usize = headers.get("content-length")?.parse().ok()?;
    let mut body = vec![0; length];
    reader.read_exact(&mut body).ok()?;
    Some(Request {
        line: line.trim_end().to_string(),
        headers,
        body: String::from_utf8(body).ok()?,
    })
}

/// A port of 127.0.0.1 nothing listens on: bound, then released.
pub fn closed_port() -> u16 {
    let listener = TcpListener::bind("127.0.0.1:0").unwrap();
    listener.local_addr().unwrap().port()
}
