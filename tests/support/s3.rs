//! A real S3 server for the `s3` target's tests: moto's server mode
//! (`python3 -m moto.server`, installed by .ci/run from tests/publish/requirements.txt),
//! on 127.0.0.1 at a port it chooses and reports, killed by its process id when
//! dropped. The tests read its buckets with raw HTTP requests (moto asks no signature
//! of them), not with the client the tool uses, so what the tool sent is seen as any
//! reader of the bucket sees it.

use std::collections::BTreeMap;
use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::path::Path;
use std::process::{Child, Command, Stdio};
use std::sync::mpsc;
use std::time::Duration;

/// A failure guard only: a server that never reports its address fails the test
/// instead of hanging it. No outcome depends on it.
const GUARD: Duration = Duration::from_secs(60);

/// What the tests' requests say of who asks (moto's test key); never checked.
const AUTHORIZATION: &str = "AWS4-HMAC-SHA256 Credential=test/20230608/us-east-1/s3/aws4_request, \
    SignedHeaders=host, Signature=0";

/// A running moto server; the process is killed when this is dropped.
pub struct Moto {
    child: Child,
    /// The port it listens on, on 127.0.0.1.
    pub port: u16,
    /// The lines it prints on stderr: one per request answered, as it starts the
    /// answer (so before the client has it).
    said: mpsc::Receiver<String>,
    /// How many marks [`Moto::requests`] has asked for.
    marks: std::cell::Cell<u32>,
}

impl Drop for Moto {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// One object of a bucket, as a GET gives it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Object {
    pub bytes: Vec<u8>,
    pub etag: String,
    pub content_type: String,
    pub cache_control: String,
}

/// The status, headers (names in lowercase) and body of an HTTP response.
pub struct Response {
    pub status: u16,
    pub headers: BTreeMap<String, String>,
    pub body: Vec<u8>,
}

impl Moto {
    /// Starts moto's server on a port of its choosing, with `env` added to its
    /// environment, and waits until it reports its address (it listens by then).
    pub fn start(env: &[(&str, &str)]) -> Moto {
        let mut child = Command::new("python3")
            .args(["-m", "moto.server", "-H", "127.0.0.1", "-p", "0"])
            .envs(env.iter().copied())
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap_or_else(|e| {
                panic!("cannot start python3 -m moto.server ({e}); bash .ci/run installs it")
            });
        let stderr = child.stderr.take().unwrap();
        let (send, said) = mpsc::channel();
        // The pipe is read to its end, so that it never fills and stops the server.
        std::thread::spawn(move || {
            for line in BufReader::new(stderr).lines() {
                let Ok(line) = line else { break };
                let _ = send.send(line);
            }
        });
        let mut before = Vec::new();
        loop {
            match said.recv_timeout(GUARD) {
                Ok(line) => {
                    // Werkzeug's ` * Running on http://127.0.0.1:PORT`, once it listens.
                    let port = line
                        .split_once("Running on http://127.0.0.1:")
                        .and_then(|(_, p)| p.trim().parse::<u16>().ok());
                    if let Some(port) = port {
                        let marks = std::cell::Cell::new(0);
                        return Moto {
                            child,
                            port,
                            said,
                            marks,
                        };
                    }
                    before.push(line);
                }
                Err(e) => {
                    let _ = child.kill();
                    let _ = child.wait();
                    panic!(
                        "moto.server did not report its address ({e:?}), having said:\n{}",
                        before.join("\n")
                    );
                }
            }
        }
    }

    /// The requests (`METHOD PATH`) answered since the server started or since the
    /// last call, in the order their answers were started. A request of its own
    /// marks the end, so every request made before the call is in.
    pub fn requests(&self) -> Vec<String> {
        self.marks.set(self.marks.get() + 1);
        let mark = format!("/?mark={}", self.marks.get());
        assert_eq!(self.request("GET", &mark, &[], b"").status, 200);
        let mut requests = Vec::new();
        loop {
            let line = self
                .said
                .recv_timeout(GUARD)
                .expect("moto.server tells of every request it answers");
            // `127.0.0.1 - - [date] "PUT /site/index.html HTTP/1.1" 200 -`
            let Some(request) = line.split('"').nth(1) else {
                continue;
            };
            let request = request.trim_end_matches(" HTTP/1.1").to_string();
            if request == format!("GET {mark}") {
                return requests;
            }
            requests.push(request);
        }
    }

    /// Its address, as site.toml's `endpoint` names it.
    pub fn endpoint(&self) -> String {
        format!("http://127.0.0.1:{}", self.port)
    }

    /// One request, with `headers` and `Connection: close`, read to its end. It says
    /// who asks as a signed request would: moto answers an anonymous GET of an object
    /// with 403, and checks no signature unless told to (INITIAL_NO_AUTH_ACTION_COUNT).
    pub fn request(
        &self,
        method: &str,
        path: &str,
        headers: &[(&str, &str)],
        body: &[u8],
    ) -> Response {
        let mut stream = TcpStream::connect(("127.0.0.1", self.port)).unwrap();
        stream.set_read_timeout(Some(GUARD)).unwrap();
        let mut head = format!(
            "{method} {path} HTTP/1.1\r\nHost: 127.0.0.1:{}\r\nContent-Length: {}\r\n\
             Authorization: {AUTHORIZATION}\r\nConnection: close\r\n",
            self.port,
            body.len()
        );
        for (name, value) in headers {
            head.push_str(&format!("{name}: {value}\r\n"));
        }
        head.push_str("\r\n");
        stream.write_all(head.as_bytes()).unwrap();
        stream.write_all(body).unwrap();
        let mut raw = Vec::new();
        stream.read_to_end(&mut raw).unwrap();
        let end = raw
            .windows(4)
            .position(|w| w == b"\r\n\r\n")
            .expect("a response head");
        let head = String::from_utf8(raw[..end].to_vec()).unwrap();
        let mut lines = head.split("\r\n");
        let status = lines
            .next()
            .unwrap()
            .split(' ')
            .nth(1)
            .unwrap()
            .parse()
            .unwrap();
        let headers: BTreeMap<String, String> = lines
            .filter_map(|l| l.split_once(':'))
            .map(|(k, v)| (k.trim().to_ascii_lowercase(), v.trim().to_string()))
            .collect();
        assert!(
            !headers.contains_key("transfer-encoding"),
            "moto answered {method} {path} in chunks, which this client does not read"
        );
        Response {
            status,
            headers,
            body: raw[end + 4..].to_vec(),
        }
    }

    /// Creates `bucket`.
    pub fn create_bucket(&self, bucket: &str) {
        let response = self.request("PUT", &format!("/{bucket}"), &[], b"");
        assert_eq!(response.status, 200, "creating bucket {bucket}");
    }

    /// Puts an object at `key` directly (not through the tool), with `cache_control`.
    pub fn put(&self, bucket: &str, key: &str, bytes: &[u8], cache_control: &str) {
        let path = format!("/{bucket}/{}", encoded(key));
        // A type of its own: without one, moto would read the bytes as a form.
        let headers = [
            ("Content-Type", "application/octet-stream"),
            ("Cache-Control", cache_control),
        ];
        let response = self.request("PUT", &path, &headers, bytes);
        assert_eq!(response.status, 200, "putting {key}");
    }

    /// Every key of `bucket`, from its listing (one page: the tests' sites are small).
    pub fn keys(&self, bucket: &str) -> Vec<String> {
        let response = self.request(
            "GET",
            &format!("/{bucket}?list-type=2&max-keys=1000"),
            &[],
            b"",
        );
        assert_eq!(response.status, 200, "listing {bucket}");
        let xml = String::from_utf8(response.body).unwrap();
        let doc = roxmltree::Document::parse(&xml).unwrap();
        let truncated = doc
            .descendants()
            .find(|n| n.has_tag_name("IsTruncated"))
            .and_then(|n| n.text());
        assert_eq!(
            truncated,
            Some("false"),
            "listing {bucket} needs more pages"
        );
        doc.descendants()
            .filter(|n| n.has_tag_name("Key"))
            .map(|n| n.text().unwrap_or("").to_string())
            .collect()
    }

    /// Every object of `bucket`, by key.
    pub fn objects(&self, bucket: &str) -> BTreeMap<String, Object> {
        self.keys(bucket)
            .into_iter()
            .map(|key| {
                let response =
                    self.request("GET", &format!("/{bucket}/{}", encoded(&key)), &[], b"");
                assert_eq!(response.status, 200, "getting {key}");
                let header = |name: &str| response.headers.get(name).cloned().unwrap_or_default();
                let object = Object {
                    etag: header("etag"),
                    content_type: header("content-type"),
                    cache_control: header("cache-control"),
                    bytes: response.body.clone(),
                };
                (key, object)
            })
            .collect()
    }
}

/// A key in a request's path: each segment percent-encoded.
fn encoded(key: &str) -> String {
    key.split('/')
        .map(|s| {
            percent_encoding::utf8_percent_encode(s, percent_encoding::NON_ALPHANUMERIC).to_string()
        })
        .collect::<Vec<_>>()
        .join("/")
}

/// Gives `command` the environment of a publish to S3 that reads nothing of the
/// machine's: no AWS variable of the machine's, HOME in `home` (so no real ~/.aws),
/// no proxy for 127.0.0.1, and with `keys` moto's test keys.
pub fn aws_env(command: &mut Command, home: &Path, keys: bool) {
    for (name, _) in std::env::vars() {
        if name.starts_with("AWS_") {
            command.env_remove(name);
        }
    }
    command
        .env("HOME", home)
        .env("NO_PROXY", "127.0.0.1")
        .env("no_proxy", "127.0.0.1");
    if keys {
        command
            .env("AWS_ACCESS_KEY_ID", "test")
            .env("AWS_SECRET_ACCESS_KEY", "test");
    }
}
