//! `crisis-site publish` to an `rsync` target: a folder on a real ssh server
//! (`support::sshd`), reached through the system's rsync with the test's key and
//! known_hosts given in `RSYNC_RSH`.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::Output;

use crate::support::published::{difference, last_record, same_files, second_edit, succeeded};
use crate::support::publishing::list as paths;
use crate::support::sshd::{Sshd, dead_port};
use crate::support::{TestSite, snapshot};

/// A site whose target `prod` is `location`, with `extra` lines in its
/// `[[publish]]` table.
fn site_to(location: &str, extra: &str) -> TestSite {
    let site = TestSite::basic();
    let toml = std::fs::read_to_string(site.root().join("site.toml")).unwrap();
    site.write(
        "site.toml",
        &format!(
            "{toml}\n[[publish]]\nname = \"prod\"\nkind = \"rsync\"\nlocation = \"{location}\"\n{extra}"
        ),
    );
    site
}

/// `crisis-site publish --to prod` at the site's moment, through `sshd`.
fn publish(site: &TestSite, sshd: &Sshd) -> Output {
    site.command(Some(&site.now.to_rfc3339()), &["publish", "--to", "prod"])
        .env("RSYNC_RSH", sshd.rsync_rsh())
        .output()
        .unwrap()
}

/// The files of a build of the site as it is now, with their bytes, as a folder
/// published to holds them: its marker says so.
fn built(site: &TestSite) -> BTreeMap<PathBuf, Vec<u8>> {
    site.built();
    let mut files = site.snapshot();
    let marker = files
        .get_mut(Path::new(crisis_site::OUTPUT_MARKER))
        .expect("a build has its marker");
    *marker = b"published by crisis-site; the next publish replaces this folder's files\n".to_vec();
    files
}

/// The paths of `files` (the output marker left out), as the log writes them.
fn names(files: &BTreeMap<PathBuf, Vec<u8>>) -> Vec<String> {
    files
        .keys()
        .map(|p| p.to_str().unwrap().to_string())
        .filter(|p| p != crisis_site::OUTPUT_MARKER)
        .collect()
}

/// A folder for the server to publish into, and its parent, which the test owns.
fn www() -> (tempfile::TempDir, PathBuf) {
    let parent = tempfile::tempdir().unwrap();
    let www = parent.path().join("www");
    (parent, www)
}

#[test]
fn the_first_publish_sends_the_whole_build() {
    let sshd = Sshd::start();
    let (_parent, www) = www();
    let site = site_to(&sshd.location(&www), "");
    let out = publish(&site, &sshd);
    succeeded(&out);
    let build = built(&site);
    // Byte for byte what `build` writes, its marker included.
    same_files(&snapshot(&www), &build);
    let record = last_record(&site);
    assert_eq!(record["outcome"], "published");
    assert_eq!(record["kind"], "rsync");
    assert_eq!(paths(&record, "added"), names(&build));
    assert_eq!(paths(&record, "changed"), Vec::<String>::new());
    assert_eq!(paths(&record, "removed"), Vec::<String>::new());
}

#[test]
fn a_second_publish_sends_only_what_changed_and_deletes_what_went() {
    let sshd = Sshd::start();
    let (_parent, www) = www();
    let site = site_to(&sshd.location(&www), "");
    succeeded(&publish(&site, &sshd));
    let before = built(&site);

    second_edit(&site);
    let after = built(&site);
    let out = publish(&site, &sshd);
    succeeded(&out);
    same_files(&snapshot(&www), &after);

    let (added, changed, removed) = difference(&before, &after);
    assert!(changed.contains(&"announcements/first/index.html".to_string()));
    assert!(removed.contains(&"announcements/disclosure/index.html".to_string()));
    assert!(added.contains(&"announcements/both/別紙1.pdf".to_string()));
    let record = last_record(&site);
    assert_eq!(record["outcome"], "published");
    assert_eq!(paths(&record, "added"), added);
    assert_eq!(paths(&record, "changed"), changed);
    assert_eq!(paths(&record, "removed"), removed);
}

#[test]
fn an_unchanged_site_sends_nothing() {
    let sshd = Sshd::start();
    let (_parent, www) = www();
    let site = site_to(&sshd.location(&www), "");
    succeeded(&publish(&site, &sshd));
    let held = snapshot(&www);
    let out = publish(&site, &sshd);
    succeeded(&out);
    same_files(&snapshot(&www), &held);
    let record = last_record(&site);
    assert_eq!(record["outcome"], "unchanged");
    for key in ["added", "changed", "removed"] {
        assert_eq!(paths(&record, key), Vec::<String>::new(), "{key}");
    }
}

/// The error line of a publish that failed after one try, in the command's words
/// around the host's: `cause` is what this test pins.
fn failure(site: &TestSite, cause: &str) -> String {
    let text = crisis_site::msg!(
        "publish-failed",
        target = "prod",
        moment = site.now.to_rfc3339(),
        attempts = 1u32,
        cause = cause
    );
    let line = crisis_site::msg!("error-line", text);
    format!("{}\n", line.text(crisis_site::MessageLang::En))
}

/// Runs a publish expected to fail, and gives its standard error.
fn failed(site: &TestSite, sshd: &Sshd) -> String {
    let out = publish(site, sshd);
    assert_eq!(out.status.code(), Some(1), "{out:?}");
    assert_eq!(last_record(site)["outcome"], "failed");
    String::from_utf8(out.stderr).unwrap()
}

/// What `rsync-unreachable` says to do.
const UNREACHABLE_ADVICE: &str = "expected the host up, ssh logging in without a question \
    (your key in the host's authorized_keys, the host in your known_hosts, as \
    `ssh -o BatchMode=yes` checks) and rsync installed there; nothing was sent";

#[test]
fn an_unreachable_host_is_told_and_nothing_is_sent() {
    let sshd = Sshd::start();
    let (_parent, www) = www();
    let location = sshd.location(&www);
    // The target's port comes before RSYNC_RSH's: nobody listens on it.
    let port = dead_port();
    let site = site_to(&location, &format!("port = {port}\nretries = 0\n"));
    let stderr = failed(&site, &sshd);
    let cause = format!(
        "rsync target `prod` cannot reach rsync on {location}: ssh: connect to host \
         127.0.0.1 port {port}: Connection refused; {UNREACHABLE_ADVICE}"
    );
    assert_eq!(stderr, failure(&site, &cause));
    assert!(!www.exists());
}

#[test]
fn a_key_the_host_refuses_is_told_and_nothing_is_sent() {
    let sshd = Sshd::start();
    let (_parent, www) = www();
    let location = sshd.location(&www);
    let site = site_to(&location, "retries = 0\n");
    let other = tempfile::tempdir().unwrap();
    let key = other.path().join("key");
    let made = std::process::Command::new("ssh-keygen")
        .args(["-q", "-t", "ed25519", "-N", "", "-f"])
        .arg(&key)
        .status()
        .unwrap();
    assert!(made.success());
    let rsh = sshd.rsync_rsh_with(&key);
    let out = site
        .command(Some(&site.now.to_rfc3339()), &["publish", "--to", "prod"])
        .env("RSYNC_RSH", rsh)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let cause = format!(
        "rsync target `prod` cannot reach rsync on {location}: {}@127.0.0.1: Permission \
         denied (publickey).; {UNREACHABLE_ADVICE}",
        sshd.user
    );
    assert_eq!(
        String::from_utf8(out.stderr).unwrap(),
        failure(&site, &cause)
    );
    assert!(!www.exists());
}

#[test]
fn a_host_not_in_known_hosts_is_told_and_nothing_is_sent() {
    let sshd = Sshd::start();
    let (_parent, www) = www();
    let location = sshd.location(&www);
    let site = site_to(&location, "retries = 0\n");
    let empty = tempfile::NamedTempFile::new().unwrap();
    let rsh = sshd.rsync_rsh_known(empty.path());
    let out = site
        .command(Some(&site.now.to_rfc3339()), &["publish", "--to", "prod"])
        .env("RSYNC_RSH", rsh)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let cause = format!(
        "rsync target `prod` cannot reach rsync on {location}: Host key verification \
         failed.; {UNREACHABLE_ADVICE}"
    );
    assert_eq!(
        String::from_utf8(out.stderr).unwrap(),
        failure(&site, &cause)
    );
    assert!(!www.exists());
}

#[test]
fn a_folder_crisis_site_did_not_publish_to_is_left_alone() {
    let sshd = Sshd::start();
    let (_parent, www) = www();
    std::fs::create_dir_all(&www).unwrap();
    std::fs::write(www.join("notes.txt"), "someone's notes").unwrap();
    let location = sshd.location(&www);
    let site = site_to(&location, "retries = 0\n");
    let stderr = failed(&site, &sshd);
    let cause = format!(
        "rsync target `prod`: {location} holds files crisis-site did not publish (no \
         .crisis-site-output inside), which publishing would delete; expected an empty or \
         missing folder, or one crisis-site published to; nothing was sent"
    );
    assert_eq!(stderr, failure(&site, &cause));
    assert_eq!(
        snapshot(&www),
        BTreeMap::from([(PathBuf::from("notes.txt"), b"someone's notes".to_vec())])
    );
}

/// A folder whose parent is missing is refused before anything is sent: rsync makes
/// only the last folder, and its own words for this come from the other side, which
/// can hang up before they arrive.
#[test]
fn a_folder_whose_parent_is_missing_is_refused() {
    let sshd = Sshd::start();
    let (parent, _) = www();
    let www = parent.path().join("missing/www");
    let location = sshd.location(&www);
    let folder = sshd.location(&parent.path().join("missing"));
    let site = site_to(&location, "retries = 0\n");
    let stderr = failed(&site, &sshd);
    let cause = format!(
        "rsync target `prod`: neither {location} nor the folder it would be made in, \
         {folder}/, exists on the host, and rsync makes only the last folder of a path; \
         create {folder}/ there (or correct the location); nothing was sent"
    );
    assert_eq!(stderr, failure(&site, &cause));
    assert!(!parent.path().join("missing").exists());
}

#[test]
fn a_machine_without_rsync_is_told_to_install_it() {
    let (_parent, www) = www();
    let location = format!("me@127.0.0.1:{}", www.display());
    let site = site_to(&location, "retries = 0\n");
    let empty = tempfile::tempdir().unwrap();
    let out = site
        .command(Some(&site.now.to_rfc3339()), &["publish", "--to", "prod"])
        .env("PATH", empty.path())
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let cause = format!(
        "rsync target `prod` ({location}): this machine has no `rsync` program; expected it \
         installed (Debian and Ubuntu: apt-get install rsync; macOS: brew install rsync)"
    );
    assert_eq!(
        String::from_utf8(out.stderr).unwrap(),
        failure(&site, &cause)
    );
    assert!(!Path::new(&www).exists());
}
