//! The git target's commit: the site's files written into a tree by one
//! `git fast-import` (every file's bytes on its standard input, no file on disk),
//! the tree compared with the tip's, and the commit that records it, whose message
//! says what changed.

use std::io::BufWriter;
use std::path::Path;
use std::process::Stdio;

use super::command::{Access, GitHost, reason};
use crate::base::Error;
use crate::model::Channel;
use crate::msg;
use crate::publish::{Changes, Staged};

/// The file that stops GitHub Pages from running Jekyll, which would leave out the
/// files whose names start with `_` (the host files `_headers` and `_redirects`).
const NO_JEKYLL: &str = ".nojekyll";

/// The ref of the scratch repository that holds the commit `fast-import` makes for
/// the site's tree; never pushed.
const TREE_REF: &str = "refs/crisis-site/tree";

impl GitHost {
    /// Writes every file of `staged` (and `.nojekyll`, unless the site has its own)
    /// into a tree of the scratch repository, held by a commit at [`TREE_REF`].
    pub(super) fn import(
        &self,
        git_dir: &Path,
        staged: &Staged,
        identity: &(String, String),
    ) -> Result<(), Error> {
        let errors = git_dir.join("fast-import.err");
        let stderr = std::fs::File::create(&errors).map_err(|e| {
            Error::io(
                msg!("publish-write-failed", path = errors.display().to_string()),
                e,
            )
        })?;
        let mut command = self.git(Some(git_dir), Access::Local);
        command
            .args(["fast-import", "--quiet", "--done"])
            .stdin(Stdio::piped())
            .stdout(Stdio::null())
            .stderr(stderr);
        let mut child = command.spawn().map_err(|e| self.not_started(e))?;
        let stdin = child.stdin.take().expect("fast-import's stdin is piped");
        let written = stream(BufWriter::new(stdin), staged, identity);
        if written.is_err() {
            // A file of the site could not be read: fast-import is stopped before it
            // finishes a commit, and the reason told is that file.
            let _ = child.kill();
        }
        let status = child.wait();
        let piped = written?;
        let (target, location) = (self.target.as_str(), self.location.as_str());
        let status = status.map_err(|e| Error::io(msg!("git-start", target, location), e))?;
        if !status.success() {
            // fast-import's own failure cuts the stream short: what it said is why.
            let said = std::fs::read(&errors).unwrap_or_default();
            let reason = reason(&said);
            let step = "fast-import";
            return Err(Error::Refused(msg!(
                "git-failed",
                target,
                location,
                step,
                reason
            )));
        }
        piped.map_err(|e| Error::io(msg!("git-start", target, location), e))
    }

    /// What changed between the tip's tree (none on a new branch) and the site's.
    pub(super) fn diff(&self, git_dir: &Path, tip: Option<&str>) -> Result<Changes, Error> {
        let mut command = self.git(Some(git_dir), Access::Local);
        command.args([
            "diff-tree",
            "-r",
            "-z",
            "--no-commit-id",
            "--name-status",
            "--no-renames",
        ]);
        match tip {
            Some(tip) => command.args([tip, TREE_REF]),
            None => command.args(["--root", TREE_REF]),
        };
        let out = self.run(&mut command)?;
        if !out.status.success() {
            return Err(self.failed("diff-tree", &out));
        }
        Ok(changes(&out.stdout))
    }

    /// Makes the commit of the site's tree on `tip` (none for a new branch), with
    /// `message`, and gives its id.
    pub(super) fn commit(
        &self,
        git_dir: &Path,
        tip: Option<&str>,
        identity: &(String, String),
        message: &str,
    ) -> Result<String, Error> {
        // git's own form: seconds since 1970 and the offset, as the moment has it.
        let date = self.moment.format("%s %z").to_string();
        let mut command = self.git(Some(git_dir), Access::Local);
        command.args(["commit-tree", &format!("{TREE_REF}^{{tree}}")]);
        if let Some(tip) = tip {
            command.args(["-p", tip]);
        }
        for who in ["AUTHOR", "COMMITTER"] {
            command
                .env(format!("GIT_{who}_NAME"), &identity.0)
                .env(format!("GIT_{who}_EMAIL"), &identity.1)
                .env(format!("GIT_{who}_DATE"), &date);
        }
        command.args(["-m", message]);
        let out = self.run(&mut command)?;
        if !out.status.success() {
            return Err(self.failed("commit-tree", &out));
        }
        Ok(String::from_utf8_lossy(&out.stdout).trim().to_string())
    }
}

/// Writes fast-import's stream: one commit at [`TREE_REF`] holding every file. A
/// file of the site that cannot be read is the outer error; the inner one is the
/// pipe's (fast-import gone).
fn stream(
    mut to: impl std::io::Write,
    staged: &Staged,
    identity: &(String, String),
) -> Result<std::io::Result<()>, Error> {
    let (name, email) = identity;
    let head = format!("commit {TREE_REF}\ncommitter {name} <{email}> 0 +0000\ndata 0\n\n");
    if let Err(e) = to.write_all(head.as_bytes()) {
        return Ok(Err(e));
    }
    for i in 0..staged.entries.len() {
        let bytes = staged.bytes(i)?;
        if let Err(e) = file(&mut to, &staged.entries[i].path, &bytes) {
            return Ok(Err(e));
        }
    }
    if staged.index_of(NO_JEKYLL).is_none()
        && let Err(e) = file(&mut to, NO_JEKYLL, b"")
    {
        return Ok(Err(e));
    }
    Ok(to.write_all(b"done\n").and_then(|_| to.flush()))
}

/// One file of fast-import's stream, its bytes inline.
fn file(to: &mut impl std::io::Write, path: &str, bytes: &[u8]) -> std::io::Result<()> {
    writeln!(to, "M 100644 inline {}\ndata {}", quoted(path), bytes.len())?;
    to.write_all(bytes)?;
    to.write_all(b"\n")
}

/// A path as fast-import reads any path: C-style quoted.
fn quoted(path: &str) -> String {
    let mut out = String::with_capacity(path.len() + 2);
    out.push('"');
    for c in path.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// The changes `diff-tree -z --name-status` lists: a status letter and a path, each
/// ended by a NUL.
fn changes(listed: &[u8]) -> Changes {
    let text = String::from_utf8_lossy(listed);
    let mut fields = text.split('\0');
    let mut changes = Changes::default();
    while let (Some(status), Some(path)) = (fields.next(), fields.next()) {
        let list = match status {
            "A" => &mut changes.added,
            "D" => &mut changes.removed,
            _ => &mut changes.changed,
        };
        list.push(path.to_string());
    }
    for list in [
        &mut changes.added,
        &mut changes.changed,
        &mut changes.removed,
    ] {
        list.sort();
    }
    changes
}

/// The commit message: a subject counting the files added, changed and removed, and
/// the announcements' pages added and changed. It is a record in the repository's
/// history, read there by anyone and by tools, so it is the same whoever publishes:
/// in English (the catalog's words), not in the publisher's language.
pub(super) fn message(changes: &Changes) -> String {
    let said = |m: crate::base::Message| m.text(crate::base::MessageLang::En);
    let (added, changed, removed) = (
        changes.added.len(),
        changes.changed.len(),
        changes.removed.len(),
    );
    let mut message = said(crate::msg!("git-commit-subject", added, changed, removed));
    message.push('\n');
    for (heading, paths) in [
        (crate::msg!("git-commit-added"), &changes.added),
        (crate::msg!("git-commit-changed"), &changes.changed),
    ] {
        let pages: Vec<&String> = paths.iter().filter(|p| is_announcement(p)).collect();
        if !pages.is_empty() {
            message.push('\n');
            message.push_str(&said(heading));
            message.push('\n');
            for page in pages {
                message.push_str("- ");
                message.push_str(page);
                message.push('\n');
            }
        }
    }
    message
}

/// Whether `path` is an announcement's page: `announcements/SLUG/index.html`, in
/// the main language or under a language's folder, and not a channel's list.
fn is_announcement(path: &str) -> bool {
    let parts: Vec<&str> = path.split('/').collect();
    let rest = match parts.as_slice() {
        ["announcements", ..] => &parts[..],
        [_, "announcements", ..] => &parts[1..],
        _ => return false,
    };
    matches!(rest, ["announcements", slug, "index.html"]
        if !Channel::ALL.iter().any(|c| c.id() == *slug))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_message_counts_and_names_the_announcements() {
        let changes = Changes {
            added: vec!["announcements/new/index.html".into(), "assets/a.css".into()],
            changed: vec![
                "announcements/index.html".into(),
                "announcements/ir/index.html".into(),
                "en/announcements/old/index.html".into(),
                "index.html".into(),
            ],
            removed: vec!["announcements/gone/index.html".into()],
        };
        assert_eq!(
            message(&changes),
            "crisis-site: 2 added, 4 changed, 1 removed\n\n\
             Announcements added:\n- announcements/new/index.html\n\n\
             Announcements changed:\n- en/announcements/old/index.html\n"
        );
    }

    #[test]
    fn diff_tree_lines_are_changes() {
        let changes = changes(b"M\0b.html\0A\0a b.html\0D\0old\0T\0t\0");
        assert_eq!(changes.added, ["a b.html"]);
        assert_eq!(changes.changed, ["b.html", "t"]);
        assert_eq!(changes.removed, ["old"]);
    }

    #[test]
    fn paths_are_quoted() {
        assert_eq!(quoted("a \"b\"\\c\nd"), "\"a \\\"b\\\"\\\\c\\nd\"");
    }
}
