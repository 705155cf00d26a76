//! A `git` target: one commit per publish on a branch of a repository (GitHub Pages'
//! `gh-pages`, or any host that serves a branch), made with the system's `git` in a
//! scratch repository of its own: the branch's tip is fetched (one commit deep), the
//! site's files are written into a tree by one `git fast-import`, the tree is
//! compared with the tip's, and a commit is made and pushed only when they differ.
//! A branch the repository does not have yet is made, with no parent.
//!
//! git runs without the system's configuration and, where the repository is not
//! asked, without the user's: the scratch repository's work must not depend on the
//! machine. Asking the repository (`ls-remote`, `fetch`, `push`) keeps the user's
//! configuration, since their credential helper, proxy and URL rewrites are there;
//! no hook runs anywhere.

mod command;
mod settings;
mod tree;

use std::path::Path;

use super::{Changes, Host, Staged};
use crate::base::Error;
use crate::msg;
pub use command::GitHost;
use command::{Access, reason};

impl GitHost {
    /// The branch's tip in the repository, none when it has no such branch yet; an
    /// error when the repository cannot be read.
    fn tip(&self, scratch: &Path, remote: Access) -> Result<Option<String>, Error> {
        let mut command = self.git(None, remote);
        command
            .current_dir(scratch)
            .args(["ls-remote", "--", &self.repository, &self.head()]);
        let out = self.run(&mut command)?;
        if !out.status.success() {
            return Err(Error::Unavailable(msg!(
                "git-unreachable",
                target = self.target.as_str(),
                location = self.location.as_str(),
                reason = reason(&out.stderr)
            )));
        }
        let listed = String::from_utf8_lossy(&out.stdout);
        Ok(listed
            .lines()
            .filter_map(|l| l.split_once('\t'))
            .find(|(_, name)| *name == self.head())
            .map(|(id, _)| id.to_string()))
    }

    /// The branch's full ref name.
    fn head(&self) -> String {
        format!("refs/heads/{}", self.branch)
    }

    /// Makes the scratch repository, in the object format of the tip, and fetches
    /// the tip into it: one commit deep, which is all a new commit on it needs.
    fn scratch(
        &self,
        git_dir: &Path,
        tip: Option<&str>,
        remote: Access,
    ) -> Result<Option<String>, Error> {
        let mut init = self.git(None, Access::Local);
        init.args(["init", "--quiet", "--bare"]);
        if tip.is_some_and(|t| t.len() == 64) {
            init.arg("--object-format=sha256");
        }
        let out = self.run(init.arg(git_dir))?;
        if !out.status.success() {
            return Err(self.failed("init", &out));
        }
        if tip.is_none() {
            return Ok(None);
        }
        let refspec = format!("+{}:refs/crisis-site/tip", self.head());
        let mut fetch = self.git(Some(git_dir), remote);
        fetch.args([
            "fetch",
            "--quiet",
            "--depth=1",
            "--no-tags",
            "--",
            &self.repository,
            &refspec,
        ]);
        let out = self.run(&mut fetch)?;
        if !out.status.success() {
            return Err(Error::Unavailable(msg!(
                "git-unreachable",
                target = self.target.as_str(),
                location = self.location.as_str(),
                reason = reason(&out.stderr)
            )));
        }
        // The tip fetched, which is newer than the one listed if someone pushed
        // in between.
        self.resolve_ref(git_dir, "refs/crisis-site/tip").map(Some)
    }

    /// The object id `name` names in the scratch repository.
    fn resolve_ref(&self, git_dir: &Path, name: &str) -> Result<String, Error> {
        let mut command = self.git(Some(git_dir), Access::Local);
        command.args(["rev-parse", "--verify", "--quiet", name]);
        let out = self.run(&mut command)?;
        if !out.status.success() {
            return Err(self.failed("rev-parse", &out));
        }
        Ok(String::from_utf8_lossy(&out.stdout).trim().to_string())
    }

    /// Pushes `commit` to the branch; a push refused because the branch moved
    /// meanwhile (someone else pushed) is told as such.
    fn push(&self, git_dir: &Path, commit: &str, remote: Access) -> Result<(), Error> {
        let refspec = format!("{commit}:{}", self.head());
        let mut command = self.git(Some(git_dir), remote);
        command.args([
            "push",
            "--porcelain",
            "--quiet",
            "--",
            &self.repository,
            &refspec,
        ]);
        let out = self.run(&mut command)?;
        if out.status.success() {
            return Ok(());
        }
        // `--porcelain`: for the ref refused, `!`, the refspec and the reason, which
        // is `[rejected] …` when the branch is not an ancestor of the new commit any
        // more, `[remote rejected] (…)` when the repository declined it.
        let said = String::from_utf8_lossy(&out.stdout);
        let refused = said
            .lines()
            .filter(|l| l.starts_with('!'))
            .find_map(|l| l.splitn(3, '\t').nth(2));
        let (target, location) = (self.target.as_str(), self.location.as_str());
        match refused {
            Some(why) if why.starts_with("[rejected]") => {
                let branch = self.branch.as_str();
                Err(Error::Unavailable(msg!(
                    "git-rejected",
                    target,
                    location,
                    branch
                )))
            }
            Some(why) => {
                let reason = crate::base::text::printable(why, false).into_owned();
                let step = "push";
                Err(Error::Unavailable(msg!(
                    "git-failed",
                    target,
                    location,
                    step,
                    reason
                )))
            }
            None => Err(self.failed("push", &out)),
        }
    }
}

impl Host for GitHost {
    fn send(&self, staged: &Staged) -> Result<Changes, Error> {
        let scratch = tempfile::Builder::new()
            .prefix("crisis-site-git-")
            .tempdir()
            .map_err(|e| {
                let path = std::env::temp_dir().display().to_string();
                Error::io(msg!("publish-write-failed", path), e)
            })?;
        let settings = self.settings();
        let remote = Access::Remote {
            batch_ssh: settings.batch_ssh,
        };
        let listed = self.tip(scratch.path(), remote)?;
        let git_dir = scratch.path().join("scratch.git");
        let tip = self.scratch(&git_dir, listed.as_deref(), remote)?;
        let identity = settings.identity;
        self.import(&git_dir, staged, &identity)?;
        let changes = self.diff(&git_dir, tip.as_deref())?;
        if changes.is_empty() {
            return Ok(changes);
        }
        let commit = self.commit(
            &git_dir,
            tip.as_deref(),
            &identity,
            &tree::message(&changes),
        )?;
        self.push(&git_dir, &commit, remote)?;
        Ok(changes)
    }
}
