//! The publish log: one JSON line per publish, appended to `publish-log.jsonl` in the
//! site's folder, so that the team can say after the fact what went live where and
//! when. Lines are only ever appended; a line that cannot be read is named, never
//! rewritten.

use std::io::Write as _;
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use crate::base::{Error, Problem};
use crate::msg;

/// The log's file name, in the site's folder.
pub const LOG_FILE: &str = "publish-log.jsonl";

/// How a publish ended.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Outcome {
    /// The target now holds the site; something changed.
    Published,
    /// The target already held exactly this site.
    Unchanged,
    /// Nothing (or not all) could be sent; the target keeps what it held, or the
    /// assets of the new site beside the old pages.
    Failed,
}

/// One publish, as the log keeps it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Record {
    /// The target's name.
    pub target: String,
    /// Its kind (`folder`, `rsync`, `s3`, `git`).
    pub kind: String,
    /// Where it is, as site.toml's `location` says.
    pub location: String,
    /// The moment the site was built for (its "now"), in the site's zone.
    pub moment: String,
    /// When the send ended, by the machine's clock.
    pub sent_at: String,
    /// How it ended.
    pub outcome: Outcome,
    /// Files the target did not hold.
    pub added: Vec<String>,
    /// Files it held with other bytes.
    pub changed: Vec<String>,
    /// Files removed from it.
    pub removed: Vec<String>,
    /// How many files the site has.
    pub files: usize,
    /// A digest of the whole site (every path with its file's SHA-256).
    pub digest: String,
    /// Who ran it: the user name of the process.
    pub by: String,
    /// The slugs of announcements this publish put on the target.
    pub announcements_added: Vec<String>,
    /// The slugs of announcements with a revision this publish put on the target.
    pub announcements_amended: Vec<String>,
    /// The review's errors published anyway (`--publish-with-errors`), as text.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub published_errors: Vec<String>,
    /// How many tries the send took.
    pub attempts: u32,
    /// Why it failed, when it did.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub error: Option<String>,
}

/// The log of the site in `root`.
pub fn path(root: &Path) -> PathBuf {
    root.join(LOG_FILE)
}

/// Appends `record` as one line, flushed to disk before returning.
pub fn append(root: &Path, record: &Record) -> Result<(), Error> {
    let file = path(root);
    let shown = || file.display().to_string();
    let mut line = serde_json::to_string(record).expect("a record serialises");
    line.push('\n');
    let mut f = std::fs::OpenOptions::new()
        .create(true)
        .append(true)
        .open(&file)
        .map_err(|e| Error::io(msg!("publish-log-write", path = shown()), e))?;
    f.write_all(line.as_bytes())
        .and_then(|()| f.sync_all())
        .map_err(|e| Error::io(msg!("publish-log-write", path = shown()), e))
}

/// Every record of the log, oldest first; none when there is no log yet.
pub fn read(root: &Path) -> Result<Vec<Record>, Error> {
    let file = path(root);
    let text = match std::fs::read_to_string(&file) {
        Ok(text) => text,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(Vec::new()),
        Err(e) => {
            let path = file.display().to_string();
            return Err(Error::io(msg!("publish-read-failed", path), e));
        }
    };
    let mut records = Vec::new();
    let mut problems = Vec::new();
    for (i, line) in text.lines().enumerate() {
        if line.trim().is_empty() {
            continue;
        }
        match serde_json::from_str::<Record>(line) {
            Ok(record) => records.push(record),
            Err(e) => problems.push(Problem::at(
                LOG_FILE,
                i + 1,
                msg!("publish-log-line", cause = e.to_string()),
            )),
        }
    }
    if problems.is_empty() {
        Ok(records)
    } else {
        Err(Error::Invalid(problems))
    }
}

/// The newest record of `target` that `keep` accepts.
pub fn last<'a>(
    records: &'a [Record],
    target: &str,
    keep: impl Fn(&Record) -> bool,
) -> Option<&'a Record> {
    records.iter().rev().find(|r| r.target == target && keep(r))
}
