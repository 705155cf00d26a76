//! An `rsync` target: a folder on another machine, updated by the system's `rsync`
//! over ssh. The site is written into a temporary folder and sent in two passes:
//! first the assets (what pages link to), then everything, the pages put in place
//! together at the end and the deletions last. rsync compares by content
//! (`--checksum`), since the temporary folder's times are new on every publish, and
//! reports what it sent and deleted, which is what the publish log records.

mod report;

use std::io::Write as _;
use std::path::Path;
use std::process::{Command, Output, Stdio};

use super::{Changes, Class, Host, Staged};
use crate::base::Error;
use crate::model::config::Target;
use crate::{msg, output};
use report::{changes, listed_name, said, shell_reason};

/// The remote shell rsync is told to use where `RSYNC_RSH` does not name one: ssh,
/// never asking for a password or a host key on a terminal (an unattended publish
/// would wait for ever), and giving up on a host that does not answer.
const SSH_OPTIONS: &str = "-o BatchMode=yes -o ConnectTimeout=10";

/// What rsync says when nothing at all came back from the other side: the remote
/// shell failed (ssh could not connect, the host refused the key or was not the one
/// known) or rsync did not start there. Its exit status varies with its role and
/// timing (255, 12, 127), this line does not.
const NOTHING_RECEIVED: &str = "(0 bytes received so far)";

/// The exit status of `rsync --list-only` on a folder that does not exist (yet).
const PARTIAL: i32 = 23;

/// The options of both passes: files compared by content, a folder's files
/// readable by the web server whatever they were here, names printed as they are
/// (not escaped, as UTF-8 ones would be), and every file sent or deleted reported.
const EVERY_PASS: [&str; 5] = [
    "--checksum",
    "--perms",
    "--chmod=D755,F644",
    "-8",
    "--out-format=%i %n",
];

/// What the marker of a folder crisis-site publishes to says, to whoever finds it.
const MARKER_TEXT: &[u8] =
    b"published by crisis-site; the next publish replaces this folder's files\n";

/// A folder on another machine, through rsync over ssh.
pub struct RsyncHost {
    /// The target's name, for messages.
    target: String,
    /// Where, as rsync names it (`user@host:path`).
    remote: String,
    /// The ssh port, when the target gives one.
    port: Option<u16>,
}

impl RsyncHost {
    /// The host of `target`, at `remote` (`user@host:path`) through ssh on `port`.
    pub fn new(target: &Target, remote: &str, port: Option<u16>) -> RsyncHost {
        RsyncHost {
            target: target.name.to_string(),
            remote: remote.to_string(),
            port,
        }
    }

    /// The remote shell, as `-e` takes it: `RSYNC_RSH` when set (the user's own
    /// ssh options, which come first and so win over ours), else ssh.
    fn shell(&self) -> String {
        remote_shell(std::env::var("RSYNC_RSH").ok().as_deref(), self.port)
    }

    /// The remote folder, as a source or destination of rsync: with a final `/`, so
    /// that its contents are meant, not the folder itself.
    fn folder(&self) -> String {
        if self.remote.ends_with('/') {
            self.remote.clone()
        } else {
            format!("{}/", self.remote)
        }
    }

    /// Runs rsync with `args` (after the remote shell) to its end.
    fn run(&self, shell: &str, args: &[&str]) -> Result<Output, Error> {
        let (target, remote) = (self.target.as_str(), self.remote.as_str());
        Command::new("rsync")
            .arg("-e")
            .arg(shell)
            .args(args)
            .stdin(Stdio::null())
            .output()
            .map_err(|e| {
                if e.kind() == std::io::ErrorKind::NotFound {
                    Error::Refused(msg!("rsync-missing", target, remote))
                } else {
                    Error::io(msg!("rsync-start", target, remote), e)
                }
            })
    }

    /// Runs rsync with `args` and gives what it printed, or why it failed.
    fn rsync(&self, shell: &str, args: &[&str]) -> Result<String, Error> {
        let out = self.run(shell, args)?;
        if out.status.success() {
            Ok(String::from_utf8_lossy(&out.stdout).into_owned())
        } else {
            Err(self.failure(&out))
        }
    }

    /// The error of a failed rsync: the host unreachable when nothing came back
    /// from the other side, else rsync's failure with what it said.
    fn failure(&self, out: &Output) -> Error {
        let stderr = String::from_utf8_lossy(&out.stderr);
        let (target, remote) = (self.target.as_str(), self.remote.as_str());
        if stderr.contains(NOTHING_RECEIVED) {
            let reason = shell_reason(&stderr);
            return Error::Unavailable(msg!("rsync-unreachable", target, remote, reason));
        }
        // A signal leaves no status: told as rsync failing, with what it said.
        let status = out.status.code().unwrap_or(-1);
        let stderr = said(&stderr);
        Error::Unavailable(msg!("rsync-failed", target, remote, status, stderr))
    }

    /// Checks, before anything is written, that the host can be reached and that the
    /// folder is missing, empty or one crisis-site published to: the second pass
    /// deletes every file the site does not have, so a mistyped location must not
    /// empty someone's folder.
    fn probe(&self, shell: &str) -> Result<(), Error> {
        let out = self.run(shell, &["-8", "--list-only", &self.folder()])?;
        if out.status.code() == Some(PARTIAL) {
            // No such folder yet: the first pass makes it, if its parent exists. That
            // is asked here, since rsync's own words for a missing parent come from
            // the other side and can be lost when it hangs up. Any other reason it
            // cannot be listed fails the first pass, with rsync's words, before a
            // file is written.
            return self.probe_parent(shell);
        }
        if !out.status.success() {
            return Err(self.failure(&out));
        }
        let listing = String::from_utf8_lossy(&out.stdout);
        let names: Vec<&str> = listing.lines().filter_map(listed_name).collect();
        let foreign = names.iter().any(|n| *n != ".") && !names.contains(&output::MARKER);
        if foreign {
            return Err(Error::Refused(msg!(
                "rsync-foreign",
                target = self.target.as_str(),
                remote = self.remote.as_str(),
                marker = output::MARKER
            )));
        }
        Ok(())
    }
}

impl RsyncHost {
    /// The folder holding the target's folder (`host:/srv/www/` for
    /// `host:/srv/www/site`), where the location names one.
    fn parent(&self) -> Option<String> {
        let (host, path) = self.remote.split_once(':')?;
        let (parent, _) = path.trim_end_matches('/').rsplit_once('/')?;
        Some(format!("{host}:{parent}/"))
    }

    /// Refuses a missing folder whose parent is missing too: rsync makes only the
    /// last folder of a path.
    fn probe_parent(&self, shell: &str) -> Result<(), Error> {
        let Some(parent) = self.parent() else {
            return Ok(());
        };
        let out = self.run(shell, &["-8", "--list-only", "--dirs", &parent])?;
        if out.status.code() != Some(PARTIAL) {
            return Ok(());
        }
        Err(Error::Refused(msg!(
            "rsync-parent-missing",
            target = self.target.as_str(),
            remote = self.remote.as_str(),
            parent = parent.as_str()
        )))
    }
}

impl Host for RsyncHost {
    fn send(&self, staged: &Staged) -> Result<Changes, Error> {
        let shell = self.shell();
        self.probe(&shell)?;
        let scratch = tempfile::Builder::new()
            .prefix("crisis-site-rsync-")
            .tempdir()
            .map_err(|e| {
                let path = std::env::temp_dir().display().to_string();
                Error::io(msg!("publish-write-failed", path), e)
            })?;
        let site = scratch.path().join("site");
        staged.write_into(&site)?;
        // The marker goes with the assets, first: a folder left half updated is
        // still recognisably crisis-site's on the next publish.
        let marker = site.join(output::MARKER);
        write(&marker, MARKER_TEXT)?;
        let first = scratch.path().join("first-pass");
        write(&first, &assets_list(staged))?;
        let source = format!("{}/", site.display());
        let destination = self.folder();
        let files_from = format!("--files-from={}", first.display());
        // Pass 1, the marker and the assets; pass 2, everything, each file put in
        // place at the end and the deletions after that.
        let first_pass = [files_from.as_str(), "--from0"];
        let second_pass = ["--recursive", "--delete-delay", "--delay-updates"];
        let mut sent = String::new();
        for pass in [&first_pass[..], &second_pass[..]] {
            let args: Vec<&str> = pass
                .iter()
                .copied()
                .chain(EVERY_PASS)
                .chain([source.as_str(), destination.as_str()])
                .collect();
            sent.push_str(&self.rsync(&shell, &args)?);
        }
        Ok(changes(&sent))
    }
}

/// The remote shell: `rsh` (from `RSYNC_RSH`) when given, else ssh; an ssh gets
/// the target's port first (so it wins over one in `rsh`) and our options last (so
/// the user's own come first and win, as ssh keeps the first value it is given).
fn remote_shell(rsh: Option<&str>, port: Option<u16>) -> String {
    let rsh = rsh
        .map(str::trim)
        .filter(|r| !r.is_empty())
        .unwrap_or("ssh");
    let (program, rest) = rsh.split_once(char::is_whitespace).unwrap_or((rsh, ""));
    let name = program.rsplit('/').next().unwrap_or(program);
    if name != "ssh" {
        // Another remote shell takes other options: it is used as the user gave it.
        return rsh.to_string();
    }
    let mut shell = program.to_string();
    if let Some(port) = port {
        shell.push_str(&format!(" -p {port}"));
    }
    for part in [rest.trim(), SSH_OPTIONS] {
        if !part.is_empty() {
            shell.push(' ');
            shell.push_str(part);
        }
    }
    shell
}

/// The list of the first pass, for `--files-from --from0`: the marker and the
/// assets.
fn assets_list(staged: &Staged) -> Vec<u8> {
    let mut list = Vec::new();
    let assets = staged.entries.iter().filter(|e| e.class == Class::Asset);
    for path in std::iter::once(output::MARKER).chain(assets.map(|e| e.path.as_str())) {
        list.extend_from_slice(path.as_bytes());
        list.push(0);
    }
    list
}

fn write(path: &Path, bytes: &[u8]) -> Result<(), Error> {
    std::fs::File::create(path)
        .and_then(|mut f| f.write_all(bytes))
        .map_err(|e| {
            Error::io(
                msg!("publish-write-failed", path = path.display().to_string()),
                e,
            )
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_remote_shell_keeps_the_users_options_first() {
        assert_eq!(
            remote_shell(None, None),
            "ssh -o BatchMode=yes -o ConnectTimeout=10"
        );
        assert_eq!(
            remote_shell(None, Some(2222)),
            "ssh -p 2222 -o BatchMode=yes -o ConnectTimeout=10"
        );
        assert_eq!(
            remote_shell(Some("/usr/bin/ssh -i key -o BatchMode=no"), Some(22)),
            "/usr/bin/ssh -p 22 -i key -o BatchMode=no -o BatchMode=yes -o ConnectTimeout=10"
        );
        assert_eq!(remote_shell(Some("rsh -l me"), Some(22)), "rsh -l me");
        assert_eq!(
            remote_shell(Some("  "), None),
            "ssh -o BatchMode=yes -o ConnectTimeout=10"
        );
    }
}
