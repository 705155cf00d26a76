//! A running `crisis-site serve` for the preview's tests: started on a free port
//! against a test site, killed when dropped.

use std::io::{BufRead, BufReader};
use std::process::{Child, Command, Stdio};

use super::{NOW, TestSite};

/// A running preview; the process is killed when this is dropped. The tests that use
/// it add their own ways of asking it (`impl Preview` in their module).
pub struct Preview {
    child: Child,
    /// The port it listens on, on 127.0.0.1.
    pub port: u16,
}

impl Drop for Preview {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

impl Preview {
    /// Starts `crisis-site --now NOW serve ARGS` in the site's folder and waits for the
    /// address it prints.
    pub fn start(site: &TestSite, args: &[&str]) -> Preview {
        let mut child = Command::new(env!("CARGO_BIN_EXE_crisis-site"))
            .current_dir(site.root())
            .args(["--now", NOW, "serve"])
            .args(args)
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .unwrap();
        let stdout = child.stdout.take().unwrap();
        let mut lines = BufReader::new(stdout).lines();
        let port = loop {
            let line = lines.next().expect("serve printed its URL").unwrap();
            if let Some(rest) = line.strip_prefix("serving the preview at http://127.0.0.1:") {
                break rest.split('/').next().unwrap().parse().unwrap();
            }
        };
        // Keep reading so the process never blocks on a full pipe.
        std::thread::spawn(move || for _ in lines {});
        Preview { child, port }
    }
}
