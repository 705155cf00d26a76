//! `crisis-site publish` to a `git` target: a branch of a bare repository made by
//! `git init --bare` in a temporary folder, read back with git.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use crate::support::TestSite;
use crate::support::published::{difference, last_record, same_files, second_edit, succeeded};
use crate::support::publishing::list as paths;

/// A site whose target `pages` is `location`, with `extra` lines in its
/// `[[publish]]` table.
fn site_to(location: &str, extra: &str) -> TestSite {
    let site = TestSite::basic();
    let toml = std::fs::read_to_string(site.root().join("site.toml")).unwrap();
    site.write(
        "site.toml",
        &format!(
            "{toml}\n[[publish]]\nname = \"pages\"\nkind = \"git\"\nlocation = \"{location}\"\n{extra}"
        ),
    );
    site
}

/// git's configuration for the tests: none of the machine's or the user's, and the
/// identity given in `global` (a file) when it sets one.
fn isolated<'a>(command: &'a mut Command, global: &Path) -> &'a mut Command {
    command
        .env("GIT_CONFIG_NOSYSTEM", "1")
        .env("GIT_CONFIG_GLOBAL", global)
        .env_remove("GIT_AUTHOR_NAME")
        .env_remove("GIT_AUTHOR_EMAIL")
        .env_remove("GIT_COMMITTER_NAME")
        .env_remove("GIT_COMMITTER_EMAIL")
}

/// A bare repository in a temporary folder, and git's configuration for the test.
struct Repo {
    /// The folder it is in, kept while the test runs.
    _dir: tempfile::TempDir,
    path: PathBuf,
    /// The user's configuration the test gives git: empty unless a test writes it.
    global: PathBuf,
}

impl Repo {
    /// `git init --bare` at `path` (in `dir`, or in a new folder).
    fn at(dir: tempfile::TempDir, path: PathBuf) -> Repo {
        let global = dir.path().join("gitconfig");
        std::fs::write(&global, "").unwrap();
        let repo = Repo {
            _dir: dir,
            path,
            global,
        };
        repo.git_ok(&["init", "--quiet", "--bare"]);
        repo
    }

    fn new() -> Repo {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("pages.git");
        std::fs::create_dir(&path).unwrap();
        Repo::at(dir, path)
    }

    /// git in the repository, with the test's configuration.
    fn git(&self, args: &[&str]) -> Output {
        let mut command = Command::new("git");
        isolated(&mut command, &self.global)
            .current_dir(&self.path)
            .arg(format!("--git-dir={}", self.path.display()))
            .args(args);
        command.output().unwrap()
    }

    /// git's standard output in the repository, which must succeed.
    fn git_ok(&self, args: &[&str]) -> String {
        let out = self.git(args);
        assert!(out.status.success(), "git {args:?}: {out:?}");
        String::from_utf8(out.stdout).unwrap()
    }

    /// The commit `gh-pages` is at, none when the branch does not exist.
    fn tip(&self) -> Option<String> {
        let out = self.git(&["rev-parse", "--verify", "--quiet", "refs/heads/gh-pages"]);
        out.status
            .success()
            .then(|| String::from_utf8(out.stdout).unwrap().trim().to_string())
    }

    /// Every file of the branch's tree with its bytes; each must be a plain file.
    fn files(&self) -> BTreeMap<PathBuf, Vec<u8>> {
        let listed = self.git_ok(&["ls-tree", "-r", "-z", "gh-pages"]);
        listed
            .split('\0')
            .filter(|l| !l.is_empty())
            .map(|line| {
                let (mode_type, path) = line.split_once('\t').unwrap();
                assert!(mode_type.starts_with("100644 blob "), "{line}");
                let out = self.git(&["cat-file", "blob", &format!("gh-pages:{path}")]);
                assert!(out.status.success());
                (PathBuf::from(path), out.stdout)
            })
            .collect()
    }

    /// A commit's message, parents, dates and author.
    fn show(&self, format: &str, commit: &str) -> String {
        self.git_ok(&["log", "-1", &format!("--format={format}"), commit])
    }
}

/// `crisis-site publish --to pages` at the site's moment, git configured by `repo`.
fn publish(site: &TestSite, repo: &Repo) -> Output {
    let mut command = site.command(Some(&site.now.to_rfc3339()), &["publish", "--to", "pages"]);
    isolated(&mut command, &repo.global);
    command.output().unwrap()
}

/// The files of a build of the site as it is now, as the branch holds them: without
/// the output's marker, with an empty `.nojekyll`.
fn built(site: &TestSite) -> BTreeMap<PathBuf, Vec<u8>> {
    site.built();
    let mut files = site.snapshot();
    files.remove(Path::new(crisis_site::OUTPUT_MARKER)).unwrap();
    files.insert(PathBuf::from(".nojekyll"), Vec::new());
    files
}

fn names(files: &BTreeMap<PathBuf, Vec<u8>>) -> Vec<String> {
    files
        .keys()
        .map(|p| p.to_str().unwrap().to_string())
        .collect()
}

#[test]
fn the_first_publish_makes_the_branch_with_the_whole_build() {
    let repo = Repo::new();
    let site = site_to(&repo.path.display().to_string(), "");
    succeeded(&publish(&site, &repo));
    let build = built(&site);
    same_files(&repo.files(), &build);
    let tip = repo.tip().unwrap();
    // An orphan: no parent, dated the moment published, by crisis-site.
    assert_eq!(repo.show("%P", &tip), "\n");
    assert_eq!(
        repo.show("%an <%ae>|%cn <%ce>|%cI", &tip),
        "crisis-site <crisis-site@localhost>|crisis-site <crisis-site@localhost>|2023-06-08T12:00:00+09:00\n"
    );
    let record = last_record(&site);
    assert_eq!(record["outcome"], "published");
    assert_eq!(record["kind"], "git");
    let added = paths(&record, "added");
    assert_eq!(added, names(&build));
    assert_eq!(
        repo.show("%B", &tip),
        format!(
            "crisis-site: {} added, 0 changed, 0 removed\n\n\
             Announcements added:\n\
             - announcements/both/index.html\n\
             - announcements/disclosure/index.html\n\
             - announcements/first/index.html\n\
             - en/announcements/both/index.html\n\
             - en/announcements/first/index.html\n\n",
            added.len()
        )
    );
}

#[test]
fn a_second_publish_is_one_commit_of_what_changed() {
    let repo = Repo::new();
    let site = site_to(&repo.path.display().to_string(), "");
    succeeded(&publish(&site, &repo));
    let first = repo.tip().unwrap();
    let before = built(&site);

    second_edit(&site);
    let after = built(&site);
    succeeded(&publish(&site, &repo));
    same_files(&repo.files(), &after);

    let second = repo.tip().unwrap();
    assert_eq!(repo.show("%P", &second), format!("{first}\n"));
    let diff = repo.git_ok(&[
        "-c",
        "core.quotePath=false",
        "diff-tree",
        "-r",
        "--name-status",
        "--no-renames",
        &first,
        &second,
    ]);
    let (added, changed, removed) = difference(&before, &after);
    let mut expected = Vec::new();
    let mut all: Vec<(&str, &String)> = added.iter().map(|p| ("A", p)).collect();
    all.extend(changed.iter().map(|p| ("M", p)));
    all.extend(removed.iter().map(|p| ("D", p)));
    all.sort_by(|a, b| a.1.cmp(b.1));
    for (status, path) in all {
        expected.push(format!("{status}\t{path}\n"));
    }
    assert_eq!(diff, expected.concat());
    assert!(removed.contains(&"announcements/disclosure/index.html".to_string()));
    assert!(added.contains(&"announcements/both/別紙1.pdf".to_string()));

    let record = last_record(&site);
    assert_eq!(paths(&record, "added"), added);
    assert_eq!(paths(&record, "changed"), changed);
    assert_eq!(paths(&record, "removed"), removed);
    assert_eq!(
        repo.show("%B", &second),
        format!(
            "crisis-site: {} added, {} changed, {} removed\n\n\
             Announcements changed:\n\
             - announcements/both/index.html\n\
             - announcements/first/index.html\n\
             - en/announcements/both/index.html\n\n",
            added.len(),
            changed.len(),
            removed.len()
        )
    );
}

#[test]
fn an_unchanged_site_makes_no_commit() {
    let repo = Repo::new();
    let site = site_to(&repo.path.display().to_string(), "");
    succeeded(&publish(&site, &repo));
    let tip = repo.tip().unwrap();
    succeeded(&publish(&site, &repo));
    assert_eq!(repo.tip().unwrap(), tip);
    let record = last_record(&site);
    assert_eq!(record["outcome"], "unchanged");
    for key in ["added", "changed", "removed"] {
        assert_eq!(paths(&record, key), Vec::<String>::new(), "{key}");
    }
}

#[test]
fn a_relative_repository_is_from_the_sites_folder() {
    let site = site_to("deploy/pages.git", "branch = \"gh-pages\"\n");
    let path = site.root().join("deploy/pages.git");
    std::fs::create_dir_all(&path).unwrap();
    let repo = Repo::at(tempfile::tempdir().unwrap(), path);
    succeeded(&publish(&site, &repo));
    same_files(&repo.files(), &built(&site));
}

#[test]
fn the_identity_is_gits_configured_user_where_set() {
    let repo = Repo::new();
    std::fs::write(
        &repo.global,
        "[user]\n\tname = Comms Team\n\temail = comms@example.jp\n",
    )
    .unwrap();
    let site = site_to(&repo.path.display().to_string(), "");
    succeeded(&publish(&site, &repo));
    assert_eq!(
        repo.show("%an <%ae>|%cn <%ce>", &repo.tip().unwrap()),
        "Comms Team <comms@example.jp>|Comms Team <comms@example.jp>\n"
    );
}

#[test]
fn a_site_with_its_own_nojekyll_keeps_it() {
    let repo = Repo::new();
    let site = site_to(&repo.path.display().to_string(), "");
    site.write("static/.nojekyll", "kept\n");
    succeeded(&publish(&site, &repo));
    let files = repo.files();
    assert_eq!(files[Path::new(".nojekyll")], b"kept\n");
}

/// The error line of a publish that failed after one try, in the command's words
/// around the host's: `cause` is what this test pins.
fn failure(site: &TestSite, cause: &str) -> String {
    let text = crisis_site::msg!(
        "publish-failed",
        target = "pages",
        moment = site.now.to_rfc3339(),
        attempts = 1u32,
        cause = cause
    );
    let line = crisis_site::msg!("error-line", text);
    format!("{}\n", line.text(crisis_site::MessageLang::En))
}

#[test]
fn a_missing_repository_is_told_and_nothing_is_made() {
    let dir = tempfile::tempdir().unwrap();
    let missing = dir.path().join("missing.git");
    let site = site_to(&missing.display().to_string(), "retries = 0\n");
    let repo = Repo::new();
    let out = publish(&site, &repo);
    assert_eq!(out.status.code(), Some(1));
    let cause = format!(
        "git target `pages` cannot read the repository {0}: '{0}' does not appear to be a \
         git repository; expected a repository you can push to (its URL, or a path from the \
         site's folder), with your credentials in git's credential helper or an ssh key; \
         nothing was sent",
        missing.display()
    );
    assert_eq!(
        String::from_utf8(out.stderr).unwrap(),
        failure(&site, &cause)
    );
    assert!(!missing.exists());
    assert_eq!(last_record(&site)["outcome"], "failed");
}

#[test]
fn a_branch_that_moved_meanwhile_is_rejected_and_left_as_it_is() {
    let repo = Repo::new();
    let site = site_to(&repo.path.display().to_string(), "retries = 0\n");
    succeeded(&publish(&site, &repo));
    let tip = repo.tip().unwrap();
    // Fetching no longer sees the branch, pushing does: as if someone pushed to it
    // after it was read. The commit, on no parent, cannot be pushed over it.
    repo.git_ok(&["config", "uploadpack.hideRefs", "refs/heads/gh-pages"]);
    site.edit(
        "content/announcements/first.md",
        "本日、システム障害が発生しました。",
        "本日午前、システム障害が発生しました。",
    );
    let out = publish(&site, &repo);
    assert_eq!(out.status.code(), Some(1));
    let cause = format!(
        "git target `pages`: {} refused the new commit on branch `gh-pages`, since the \
         branch moved after it was read (someone else pushed meanwhile); publish again, \
         which builds on what they pushed",
        repo.path.display()
    );
    assert_eq!(
        String::from_utf8(out.stderr).unwrap(),
        failure(&site, &cause)
    );
    assert_eq!(repo.tip().unwrap(), tip);
}

#[test]
fn a_repository_over_ssh_is_published_to() {
    let sshd = crate::support::sshd::Sshd::start();
    let repo = Repo::new();
    let site = site_to(&sshd.location(&repo.path), "");
    let mut command = site.command(Some(&site.now.to_rfc3339()), &["publish", "--to", "pages"]);
    isolated(&mut command, &repo.global).env("GIT_SSH_COMMAND", sshd.rsync_rsh());
    succeeded(&command.output().unwrap());
    same_files(&repo.files(), &built(&site));
}

#[test]
fn a_branch_checked_out_in_a_working_copy_is_refused_by_it() {
    let dir = tempfile::tempdir().unwrap();
    let work = dir.path().join("work");
    let global = dir.path().join("gitconfig");
    std::fs::write(&global, "").unwrap();
    for args in [
        &["init", "--quiet", "--initial-branch=gh-pages", "work"][..],
        &[
            "-C",
            "work",
            "-c",
            "user.name=someone",
            "-c",
            "user.email=someone@example.jp",
            "commit",
            "--quiet",
            "--allow-empty",
            "-m",
            "start",
        ],
    ] {
        let mut command = Command::new("git");
        isolated(&mut command, &global)
            .current_dir(dir.path())
            .args(args);
        assert!(command.status().unwrap().success(), "git {args:?}");
    }
    let head = std::fs::read(work.join(".git/refs/heads/gh-pages")).unwrap();
    let site = site_to(&work.display().to_string(), "retries = 0\n");
    let mut command = site.command(Some(&site.now.to_rfc3339()), &["publish", "--to", "pages"]);
    isolated(&mut command, &global);
    let out = command.output().unwrap();
    assert_eq!(out.status.code(), Some(1));
    let cause = format!(
        "git target `pages` ({}): `git push` failed: [remote rejected] (branch is currently \
         checked out)",
        work.display()
    );
    assert_eq!(
        String::from_utf8(out.stderr).unwrap(),
        failure(&site, &cause)
    );
    assert_eq!(
        std::fs::read(work.join(".git/refs/heads/gh-pages")).unwrap(),
        head
    );
}
