//! The git target's host and how it runs git: the environment every run gets, how
//! much of the user's configuration it sees, and its failures told.

use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

use chrono::{DateTime, FixedOffset};

use crate::base::Error;
use crate::model::config::Target;
use crate::msg;

/// ssh for git where the user did not choose one: never asking for a passphrase or
/// a host key on a terminal (an unattended publish would wait for ever), giving up
/// on a host that does not answer. ssh's own configuration still applies.
pub(super) const BATCH_SSH: &str = "ssh -o BatchMode=yes -o ConnectTimeout=10";

/// How much of the user's world a run of git sees.
#[derive(Clone, Copy)]
pub(super) enum Access {
    /// Only the scratch repository: no configuration but the command line's.
    Local,
    /// The target's repository: the user's configuration too (credential helper,
    /// proxy, URL rewrites), and ssh as the user chose it or [`BATCH_SSH`].
    Remote {
        /// Whether git runs [`BATCH_SSH`].
        batch_ssh: bool,
    },
}

/// A branch of a git repository.
pub struct GitHost {
    /// The target's name, for messages.
    pub(super) target: String,
    /// The repository as `location` writes it, for messages.
    pub(super) location: String,
    /// The repository as git is given it: a URL, or a path made absolute.
    pub(super) repository: String,
    /// The branch.
    pub(super) branch: String,
    /// The site's folder, whose git configuration (if it is in a repository) may
    /// give the commits' author.
    pub(super) root: PathBuf,
    /// The moment the site is published as of: the commit's date.
    pub(super) moment: DateTime<FixedOffset>,
}

impl GitHost {
    /// The host of `target`: `branch` of `repository` (a URL, or a path relative to
    /// the site's folder `root`), its commits dated `moment`.
    pub fn new(
        target: &Target,
        repository: &str,
        branch: &str,
        root: &Path,
        moment: DateTime<FixedOffset>,
    ) -> GitHost {
        GitHost {
            target: target.name.to_string(),
            location: repository.to_string(),
            repository: resolve(repository, root),
            branch: branch.to_string(),
            root: root.to_path_buf(),
            moment,
        }
    }

    /// `git` with the environment every run gets: no prompt for a password (an
    /// unattended publish would wait for ever), no system configuration, no hooks,
    /// and none of the variables that point git at another repository; with the
    /// user's configuration or not, as `access` says.
    pub(super) fn git(&self, git_dir: Option<&Path>, access: Access) -> Command {
        let mut command = Command::new("git");
        command
            .env("GIT_TERMINAL_PROMPT", "0")
            .env("GIT_CONFIG_NOSYSTEM", "1")
            .args(["-c", "core.hooksPath=/dev/null"])
            .stdin(Stdio::null());
        for var in [
            "GIT_DIR",
            "GIT_WORK_TREE",
            "GIT_INDEX_FILE",
            "GIT_OBJECT_DIRECTORY",
            "GIT_ALTERNATE_OBJECT_DIRECTORIES",
            "GIT_COMMON_DIR",
            "GIT_NAMESPACE",
            "GIT_CONFIG",
            "GIT_CONFIG_PARAMETERS",
            "GIT_CONFIG_COUNT",
        ] {
            command.env_remove(var);
        }
        match access {
            Access::Local => {
                command.env("GIT_CONFIG_GLOBAL", "/dev/null");
            }
            Access::Remote { batch_ssh: true } => {
                command.env("GIT_SSH_COMMAND", BATCH_SSH);
            }
            Access::Remote { batch_ssh: false } => {}
        }
        if let Some(dir) = git_dir {
            command.arg(format!("--git-dir={}", dir.display()));
            // Not the site's folder, whose repository (if any) is not ours to read.
            command.current_dir(dir);
        }
        command
    }

    /// Runs `command` to its end, telling a missing git apart.
    pub(super) fn run(&self, command: &mut Command) -> Result<Output, Error> {
        command.output().map_err(|e| self.not_started(e))
    }

    /// The error of a git that could not be started.
    pub(super) fn not_started(&self, e: std::io::Error) -> Error {
        let (target, location) = (self.target.as_str(), self.location.as_str());
        if e.kind() == std::io::ErrorKind::NotFound {
            Error::Refused(msg!("git-missing", target, location))
        } else {
            Error::io(msg!("git-start", target, location), e)
        }
    }

    /// The error of a git that failed at `step`.
    pub(super) fn failed(&self, step: &str, out: &Output) -> Error {
        Error::Unavailable(msg!(
            "git-failed",
            target = self.target.as_str(),
            location = self.location.as_str(),
            step,
            reason = reason(&out.stderr)
        ))
    }
}

/// The repository as git is given it: a URL (`scheme://…`, or `[user@]host:path` as
/// scp writes it) as it is, a path from the site's folder made absolute (git runs
/// in a scratch folder, and the site's folder may be given as `.`).
fn resolve(repository: &str, root: &Path) -> String {
    let scp_like = repository
        .split_once(':')
        .is_some_and(|(host, _)| !host.is_empty() && !host.contains('/'));
    if repository.contains("://") || scp_like {
        repository.to_string()
    } else {
        let path = root.join(repository);
        std::path::absolute(&path)
            .unwrap_or(path)
            .display()
            .to_string()
    }
}

/// What git said of why it failed, on one line: its first `fatal:` or `error:`
/// line without that word, else its last line.
pub(super) fn reason(stderr: &[u8]) -> String {
    let text = String::from_utf8_lossy(stderr);
    let lines: Vec<&str> = text
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .collect();
    let line = lines
        .iter()
        .find_map(|l| {
            l.strip_prefix("fatal: ")
                .or_else(|| l.strip_prefix("error: "))
        })
        .or(lines.last().copied())
        .unwrap_or_default();
    crate::base::text::printable(line, false).into_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn urls_are_kept_and_paths_are_from_the_sites_folder() {
        let root = Path::new("/srv/site");
        for url in [
            "https://github.com/o/r.git",
            "git@github.com:o/r.git",
            "file:///srv/r.git",
            "host:r.git",
        ] {
            assert_eq!(resolve(url, root), url);
        }
        assert_eq!(resolve("../pages.git", root), "/srv/site/../pages.git");
        assert_eq!(resolve("/srv/pages.git", root), "/srv/pages.git");
        assert_eq!(resolve("./a:b", root), "/srv/site/a:b");
    }

    #[test]
    fn the_reason_is_gits_first_fatal_line() {
        let said = b"fatal: '/x' does not appear to be a git repository\nfatal: Could not read from remote repository.\n\nPlease make sure\n";
        assert_eq!(reason(said), "'/x' does not appear to be a git repository");
        assert_eq!(reason(b"something\nelse\n"), "else");
    }
}
