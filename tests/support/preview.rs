//! A running `crisis-site serve` for the preview's tests: started on a free port
//! against a test site, killed when dropped. It is asked over raw HTTP (one client
//! for every test, so that no client normalises what is sent), and tells of each
//! rebuild as it does in the terminal; tests wait for that report, never for time to
//! pass.

use std::io::{BufRead, BufReader, Read, Write};
use std::net::{Shutdown, TcpStream};
use std::process::{Child, Command, Stdio};
use std::sync::mpsc::{self, Receiver, RecvTimeoutError, Sender};
use std::time::Duration;

use scraper::Html;

use super::{HtmlPage, TestSite};

/// A failure guard only: a preview that never reports a rebuild, or never answers,
/// fails the test instead of hanging it. No outcome depends on it.
const GUARD: Duration = Duration::from_secs(60);

/// A running preview; the process is killed when this is dropped.
pub struct Preview {
    child: Child,
    /// The port it listens on, on 127.0.0.1.
    pub port: u16,
    rebuilds: Receiver<Rebuild>,
    /// What it printed on stdout on starting, up to its address, that line included.
    pub started: Vec<String>,
    /// The `error: rebuild failed with …` line of the latest failed rebuild reported.
    failure_line: std::sync::Arc<std::sync::Mutex<String>>,
}

/// One rebuild, as the preview reports it in the terminal.
#[derive(Debug, PartialEq)]
pub enum Rebuild {
    /// `rebuilt in N ms` on stdout: the new build is served.
    Done,
    /// On stderr, `error: PROBLEM` for each problem (given here without `error: `),
    /// then `error: rebuild failed with …` (see [`Preview::failure_line`]): the last
    /// good build, if there is one, stays served.
    Failed(Vec<String>),
}

impl Drop for Preview {
    fn drop(&mut self) {
        // SIGKILL ends it even while it is stopped.
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

impl Preview {
    /// Starts `crisis-site --now NOW serve ARGS` in the site's folder (NOW being the
    /// site's `now`) and waits until its first build is done and it listens.
    pub fn start(site: &TestSite, args: &[&str]) -> Preview {
        Preview::start_at(site, &site.now.to_rfc3339(), args)
    }

    /// Starts `crisis-site --now NOW serve ARGS`, NOW as written, in the site's folder
    /// and waits until its first build is done and it listens.
    pub fn start_at(site: &TestSite, now: &str, args: &[&str]) -> Preview {
        let mut child = Command::new(env!("CARGO_BIN_EXE_crisis-site"))
            .env(crisis_site::MESSAGES_VAR, "en")
            .current_dir(site.root())
            .args(["--now", now, "serve"])
            .args(args)
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        let (send, rebuilds) = mpsc::channel();
        let (send_port, port) = mpsc::channel();
        read_stdout(child.stdout.take().unwrap(), send.clone(), send_port);
        let failure_line = std::sync::Arc::default();
        read_stderr(
            child.stderr.take().unwrap(),
            send,
            std::sync::Arc::clone(&failure_line),
        );
        let (port, first_failed, started) = match port.recv_timeout(GUARD) {
            Ok(found) => found,
            Err(e) => {
                let _ = child.kill();
                panic!("serve printed no address ({e:?})");
            }
        };
        let preview = Preview {
            child,
            port,
            rebuilds,
            started,
            failure_line,
        };
        // The first build is reported before the address; a failed one on stderr,
        // which is read on its own, so it is taken here, not by the test's first wait.
        if first_failed {
            let first = preview.next_rebuild();
            assert!(
                matches!(first, Rebuild::Failed(_)),
                "no first build was reported before the address, then {first:?}"
            );
        }
        preview
    }

    /// Waits for the next rebuild the preview reports.
    pub fn next_rebuild(&self) -> Rebuild {
        match self.rebuilds.recv_timeout(GUARD) {
            Ok(rebuild) => rebuild,
            Err(RecvTimeoutError::Timeout) => panic!("no rebuild reported in {GUARD:?}"),
            Err(RecvTimeoutError::Disconnected) => panic!("the preview stopped"),
        }
    }

    /// The `error: rebuild failed with …` line of the latest failed rebuild that
    /// [`Preview::next_rebuild`] (or the start) has reported: what the terminal says the
    /// preview shows meanwhile.
    pub fn failure_line(&self) -> String {
        self.failure_line.lock().unwrap().clone()
    }

    /// Stops the whole process (SIGSTOP): while it is stopped, the kernel queues the
    /// file events it watches for, and hands them over together once it continues.
    pub fn stop(&self) {
        self.signal("STOP").unwrap();
    }

    /// Lets a stopped preview continue (SIGCONT).
    pub fn resume(&self) {
        self.signal("CONT").unwrap();
    }

    fn signal(&self, name: &str) -> Result<(), String> {
        let status = Command::new("kill")
            .arg(format!("-{name}"))
            .arg(self.child.id().to_string())
            .status()
            .map_err(|e| e.to_string())?;
        status
            .success()
            .then_some(())
            .ok_or_else(|| format!("kill -{name}: {status}"))
    }

    /// Sends `raw` as it is and reads whatever comes back until the server closes
    /// (nothing, if it just hangs up).
    pub fn send(&self, raw: &[u8]) -> Answer {
        let mut stream = TcpStream::connect(("127.0.0.1", self.port)).unwrap();
        stream.set_read_timeout(Some(GUARD)).unwrap();
        // The server may refuse and close before reading everything.
        let _ = stream.write_all(raw);
        // A complete request asks the server to close after answering; on anything
        // else the server is told that no more is coming, so that it never waits.
        // (Not always: hyper drops an answer still being prepared when its reading
        // side ends.)
        if !raw.ends_with(b"Connection: close\r\n\r\n") {
            let _ = stream.shutdown(Shutdown::Write);
        }
        let mut answer = Vec::new();
        let _ = stream.read_to_end(&mut answer);
        Answer::parse(&answer)
    }

    /// `GET path`, the path sent as it is (no normalisation, no encoding).
    pub fn get(&self, path: &str) -> Answer {
        self.send(&get(self.port, path))
    }

    /// The HTML page at `path`, which must be there (200).
    pub fn page(&self, path: &str) -> HtmlPage {
        let answer = self.get(path);
        assert_eq!(answer.status, 200, "{path}");
        answer.page(path)
    }

    /// The live-reload event stream: the number of each build, as the server sends
    /// it, starting with the current one.
    pub fn reload_events(&self) -> impl Iterator<Item = u64> {
        let mut stream = TcpStream::connect(("127.0.0.1", self.port)).unwrap();
        stream.set_read_timeout(Some(GUARD)).unwrap();
        write!(
            stream,
            "GET /__crisis-site/reload HTTP/1.1\r\nHost: 127.0.0.1:{}\r\n\r\n",
            self.port
        )
        .unwrap();
        BufReader::new(stream)
            .lines()
            .map(|line| line.unwrap())
            .filter_map(|line| {
                line.strip_prefix("data:")
                    .map(|v| v.trim().parse::<u64>().unwrap())
            })
    }
}

/// A complete `GET` request for `path`, naming the preview at `port` as a browser
/// does, that asks the server to close after answering.
pub fn get(port: u16, path: &str) -> Vec<u8> {
    request(&format!("127.0.0.1:{port}"), path)
}

/// A complete `GET` request for `path` with the `Host` value `host`, that asks the
/// server to close after answering.
pub fn request(host: &str, path: &str) -> Vec<u8> {
    format!("GET {path} HTTP/1.1\r\nHost: {host}\r\nConnection: close\r\n\r\n").into_bytes()
}

/// An HTTP answer as it came, split at the blank line after its head.
pub struct Answer {
    /// The status code; 0 when there was no answer (the server hung up).
    pub status: u16,
    /// The status line and headers.
    pub head: String,
    /// The body, as text (invalid UTF-8 replaced).
    pub body: String,
}

impl Answer {
    fn parse(raw: &[u8]) -> Answer {
        let at = raw.windows(4).position(|w| w == b"\r\n\r\n");
        let (head, body) = match at {
            Some(at) => (&raw[..at], &raw[at + 4..]),
            None => (raw, &[][..]),
        };
        let head = String::from_utf8_lossy(head).into_owned();
        let status = head
            .split(' ')
            .nth(1)
            .and_then(|s| s.parse().ok())
            .unwrap_or(0);
        Answer {
            status,
            head,
            body: String::from_utf8_lossy(body).into_owned(),
        }
    }

    /// The value of the header `name`, if the answer has it.
    pub fn header(&self, name: &str) -> Option<&str> {
        self.head.lines().skip(1).find_map(|line| {
            let (key, value) = line.split_once(':')?;
            key.eq_ignore_ascii_case(name).then(|| value.trim())
        })
    }

    /// The body parsed as an HTML page, named `path`.
    pub fn page(&self, path: &str) -> HtmlPage {
        HtmlPage {
            path: path.trim_start_matches('/').to_string(),
            html: Html::parse_document(&self.body),
        }
    }
}

/// Reads the preview's stdout to its end: sends the port once it prints its address
/// (with whether no first build was reported before it, i.e. that build failed, and the
/// lines printed until then), then
/// a rebuild for each `rebuilt in` line.
fn read_stdout(
    stdout: std::process::ChildStdout,
    rebuilds: Sender<Rebuild>,
    port: Sender<(u16, bool, Vec<String>)>,
) {
    std::thread::spawn(move || {
        let mut serving = false;
        let mut first_done = false;
        let mut started = Vec::new();
        for line in BufReader::new(stdout).lines() {
            let Ok(line) = line else { break };
            if !serving {
                started.push(line.clone());
            }
            // The lines in English, or in Japanese where a test asks for it.
            if line.starts_with("rebuilt in ") || line.ends_with("ミリ秒で生成し直しました")
            {
                if serving {
                    let _ = rebuilds.send(Rebuild::Done);
                } else {
                    first_done = true;
                }
            } else if let Some(rest) = line
                .strip_prefix("serving the preview at http://127.0.0.1:")
                .or_else(|| line.strip_prefix("プレビューを http://127.0.0.1:"))
            {
                let number = rest.split('/').next().unwrap().parse().unwrap();
                let _ = port.send((number, !first_done, std::mem::take(&mut started)));
                serving = true;
            }
        }
    });
}

/// Reads the preview's stderr to its end: a failed rebuild for each `rebuild failed`
/// line, with the problems printed before it; the line itself is kept, before the
/// rebuild is sent.
fn read_stderr(
    stderr: std::process::ChildStderr,
    rebuilds: Sender<Rebuild>,
    failure_line: std::sync::Arc<std::sync::Mutex<String>>,
) {
    std::thread::spawn(move || {
        let mut problems = Vec::new();
        for line in BufReader::new(stderr).lines() {
            let Ok(line) = line else { break };
            if line.starts_with("error: rebuild failed with ") {
                *failure_line.lock().unwrap() = line;
                let _ = rebuilds.send(Rebuild::Failed(std::mem::take(&mut problems)));
            } else if let Some(problem) = line.strip_prefix("error: ") {
                problems.push(problem.to_string());
            }
        }
    });
}
