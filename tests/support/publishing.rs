//! Helpers of the publish tests: a target added to a fixture's site.toml, the
//! publish log read back, and what a target folder holds.

use std::collections::BTreeMap;
use std::io::BufRead as _;
use std::path::{Path, PathBuf};
use std::time::Duration;

use serde_json::Value;

use super::{TestSite, snapshot};

/// Adds a `[[publish]]` folder target `name` at `location` (relative to the site)
/// to the site's site.toml, with `extra` lines (such as `staging = true`).
pub fn add_folder_target(site: &TestSite, name: &str, location: &str, extra: &str) {
    add_toml(
        site,
        &format!(
            "\n[[publish]]\nname = \"{name}\"\nkind = \"folder\"\nlocation = \"{location}\"\n{extra}\n"
        ),
    );
}

/// Appends `text` to the site's site.toml.
pub fn add_toml(site: &TestSite, text: &str) {
    let path = site.root().join("site.toml");
    let mut toml = std::fs::read_to_string(&path).unwrap();
    toml.push_str(text);
    std::fs::write(path, toml).unwrap();
}

/// Every record of the site's publish log, oldest first.
pub fn records(site: &TestSite) -> Vec<Value> {
    let path = site.root().join(crisis_site::PUBLISH_LOG);
    match std::fs::read_to_string(&path) {
        Ok(text) => text
            .lines()
            .map(|line| serde_json::from_str(line).unwrap())
            .collect(),
        Err(_) => Vec::new(),
    }
}

/// A record's field that is a list of strings.
pub fn list(record: &Value, field: &str) -> Vec<String> {
    record[field]
        .as_array()
        .unwrap_or_else(|| panic!("{field} is not a list in {record}"))
        .iter()
        .map(|v| v.as_str().unwrap().to_string())
        .collect()
}

/// What a folder holds, by path relative to it (`/`-separated), without the marker
/// crisis-site writes into its output folders.
pub fn holdings(dir: &Path) -> BTreeMap<String, Vec<u8>> {
    snapshot(dir)
        .into_iter()
        .map(|(path, bytes)| (path.to_string_lossy().replace('\\', "/"), bytes))
        .filter(|(path, _)| path != crisis_site::OUTPUT_MARKER)
        .collect()
}

/// The site as `build` writes it at the site's moment, as [`holdings`] reads it.
pub fn built(site: &TestSite) -> BTreeMap<String, Vec<u8>> {
    site.built();
    holdings(&site.out())
}

/// A folder beside the site's folder, for targets; removed with the site's folder's
/// parent temp dir only if inside it, so it is made inside the site's folder.
pub fn target_dir(site: &TestSite, name: &str) -> PathBuf {
    site.root().join(name)
}

/// Kills the watch when the test ends, passed or not.
pub struct Running(pub std::process::Child);

impl Drop for Running {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

/// The lines a running command prints, as they come.
pub struct Lines {
    received: std::sync::mpsc::Receiver<String>,
    pub seen: Vec<String>,
}

impl Lines {
    pub fn of(child: &mut std::process::Child) -> Lines {
        let stdout = child.stdout.take().unwrap();
        let (send, received) = std::sync::mpsc::channel();
        std::thread::spawn(move || {
            for line in std::io::BufReader::new(stdout)
                .lines()
                .map_while(Result::ok)
            {
                let _ = send.send(line);
            }
        });
        Lines {
            received,
            seen: Vec::new(),
        }
    }

    /// Waits for a line that starts with `start`, for two minutes at most.
    pub fn until(&mut self, start: &str) {
        let deadline = std::time::Instant::now() + Duration::from_secs(120);
        while !self.seen.iter().any(|l| l.starts_with(start)) {
            let left = deadline.saturating_duration_since(std::time::Instant::now());
            match self.received.recv_timeout(left) {
                Ok(line) => self.seen.push(line),
                Err(_) => panic!(
                    "no line {start:?} within 120 s; the watch said:\n{}",
                    self.seen.join("\n")
                ),
            }
        }
    }
}
