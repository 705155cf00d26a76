//! site.toml's `[[publish]]` and `[[notify]]`: where `crisis-site publish` sends the
//! site, and whom it tells when it did.

use std::fmt;
use std::path::PathBuf;

/// A target's name, as `publish --to NAME` chooses it.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct TargetName(pub String);

impl fmt::Display for TargetName {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// The kinds of target, as `kind` names them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TargetKind {
    /// A local or mounted folder.
    Folder,
    /// A folder on another machine, through the system's `rsync` over ssh.
    Rsync,
    /// An S3-compatible object store.
    S3,
    /// A branch of a git repository.
    Git,
}

impl TargetKind {
    /// Every kind, in the order the messages list them.
    pub const ALL: [TargetKind; 4] = [
        TargetKind::Folder,
        TargetKind::Rsync,
        TargetKind::S3,
        TargetKind::Git,
    ];

    /// Its name in site.toml and the publish log.
    pub fn name(self) -> &'static str {
        match self {
            TargetKind::Folder => "folder",
            TargetKind::Rsync => "rsync",
            TargetKind::S3 => "s3",
            TargetKind::Git => "git",
        }
    }
}

/// Where a target's files go, with what only that kind of target takes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Destination {
    /// A folder, replaced as a whole as `build` replaces its output.
    Folder {
        /// The folder; relative paths are from the site's folder.
        path: PathBuf,
    },
    /// A folder on another machine.
    Rsync {
        /// Where, as rsync names it: `user@host:path` (or `host:path`).
        remote: String,
        /// The ssh port, when not the default (or the one `~/.ssh/config` gives).
        port: Option<u16>,
    },
    /// A bucket (and a folder in it) of an S3-compatible object store.
    S3 {
        /// The bucket.
        bucket: String,
        /// The key prefix the site lives under, without leading or trailing `/`;
        /// empty for the bucket's root.
        prefix: String,
        /// The store's address, for stores other than AWS (R2, MinIO, …).
        endpoint: Option<String>,
        /// The region, where the environment does not give it.
        region: Option<String>,
    },
    /// A branch of a git repository: one commit per publish.
    Git {
        /// The repository: a URL or a path.
        repository: String,
        /// The branch (`gh-pages` unless given).
        branch: String,
    },
}

impl Destination {
    /// Its kind.
    pub fn kind(&self) -> TargetKind {
        match self {
            Destination::Folder { .. } => TargetKind::Folder,
            Destination::Rsync { .. } => TargetKind::Rsync,
            Destination::S3 { .. } => TargetKind::S3,
            Destination::Git { .. } => TargetKind::Git,
        }
    }
}

/// One `[[publish]]` target.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Target {
    /// Its name.
    pub name: TargetName,
    /// Where its files go.
    pub destination: Destination,
    /// The `location` as written, for messages and the publish log.
    pub location: String,
    /// Whether it is a staging target, the only kind that may be sent drafts,
    /// embargoed statements (`--future`) or a site in standby.
    pub staging: bool,
    /// How many more times a failed send is tried, with a growing pause between.
    pub retries: u32,
    /// The line of its `name` in site.toml, for messages.
    pub line: usize,
}

/// The default of `retries`: a network blip at 15:00 should not cost the minute.
pub const DEFAULT_RETRIES: u32 = 3;

/// How a `[[notify]]` entry tells the team.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum NotifyBy {
    /// POST the payload as JSON to this address.
    Webhook(String),
    /// POST the payload as JSON to the address this environment variable holds, for
    /// an address that is a secret (a chat tool's incoming webhook).
    WebhookEnv(String),
    /// Run this program with these arguments, the payload on its standard input.
    Command(Vec<String>),
}

/// One `[[notify]]` entry: told after a publish that adds or amends announcements.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Notify {
    /// How.
    pub by: NotifyBy,
    /// The targets whose publishes it is told of; empty for every target that is not
    /// a staging one.
    pub targets: Vec<TargetName>,
    /// Its line in site.toml, for messages.
    pub line: usize,
}

impl Notify {
    /// Whether a publish to `target` is told.
    pub fn follows(&self, target: &Target) -> bool {
        if self.targets.is_empty() {
            !target.staging
        } else {
            self.targets.contains(&target.name)
        }
    }
}

/// Whether `text` is an http(s) address with a host, as a webhook must be.
pub fn is_web_address(text: &str) -> bool {
    url::Url::parse(text)
        .is_ok_and(|u| matches!(u.scheme(), "http" | "https") && u.host().is_some())
}
