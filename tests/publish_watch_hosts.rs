//! `crisis-site publish --watch` to each kind of target on the real clock: a
//! statement dated two seconds after the watch says it is idle goes live on the
//! target at its second. The moment is counted from the watch's last publish, so the
//! outcome never depends on the machine's load (see tests/publish_watch.rs).

use std::path::Path;
use std::process::{Command, Stdio};

use chrono::{FixedOffset, Local, SubsecRound as _};

use crate::support::TestSite;
use crate::support::publishing::{Lines, Running, add_toml, list, records};
use crate::support::s3::{Moto, aws_env};
use crate::support::sshd::Sshd;

const PAGE: &str = "announcements/soon/index.html";

/// Runs `publish --watch --to prod` (its environment set by `env`) until the
/// statement saved once it is idle has been published; returns that moment.
fn watch_until_published(site: &TestSite, env: impl FnOnce(&mut Command)) -> String {
    let mut command = site.command(None, &["publish", "--watch", "--to", "prod"]);
    env(&mut command);
    command.stdout(Stdio::piped());
    let mut running = Running(command.spawn().unwrap());
    let mut lines = Lines::of(&mut running.0);
    lines.until("no moment is coming: waiting for edits to the site");
    let zone = FixedOffset::east_opt(9 * 3600).unwrap();
    let due = (Local::now().with_timezone(&zone) + chrono::Duration::seconds(2)).trunc_subsecs(0);
    let due = crisis_site::rfc3339(due);
    site.save(
        "content/announcements/soon.md",
        &format!("+++\ntitle = \"まもなく公開\"\ndate = {due}\nchannel = \"pr\"\n+++\n本文。\n"),
    );
    lines.until(&format!("published to prod for {due}: "));
    drop(running);
    due
}

/// The record of `due` put the statement on the target, and the first did not.
fn assert_recorded(site: &TestSite, due: &str) {
    let records = records(site);
    assert!(!list(&records[0], "announcements_added").contains(&"soon".to_string()));
    let live = records.iter().find(|r| r["moment"] == due).unwrap();
    assert_eq!(list(live, "announcements_added"), ["soon"]);
    assert_eq!(live["outcome"], "published");
}

fn with_target(toml: &str) -> TestSite {
    let site = TestSite::basic();
    add_toml(&site, toml);
    site
}

#[test]
fn to_an_rsync_target() {
    let sshd = Sshd::start();
    let parent = tempfile::tempdir().unwrap();
    let www = parent.path().join("www");
    let site = with_target(&format!(
        "\n[[publish]]\nname = \"prod\"\nkind = \"rsync\"\nlocation = \"{}\"\n",
        sshd.location(&www)
    ));
    let rsh = sshd.rsync_rsh();
    let due = watch_until_published(&site, |c| {
        c.env("RSYNC_RSH", rsh);
    });
    assert_recorded(&site, &due);
    assert!(www.join(PAGE).is_file());
}

#[test]
fn to_an_s3_target() {
    let moto = Moto::start(&[]);
    moto.create_bucket("site");
    let home = tempfile::tempdir().unwrap();
    let site = with_target(&format!(
        "\n[[publish]]\nname = \"prod\"\nkind = \"s3\"\nlocation = \"s3://site\"\nendpoint = \"{}\"\nregion = \"us-east-1\"\n",
        moto.endpoint()
    ));
    let due = watch_until_published(&site, |c| aws_env(c, home.path(), true));
    assert_recorded(&site, &due);
    assert!(moto.keys("site").contains(&PAGE.to_string()));
}

#[test]
fn to_a_git_target() {
    let dir = tempfile::tempdir().unwrap();
    let repo = dir.path().join("pages.git");
    let init = Command::new("git")
        .args(["init", "--quiet", "--bare"])
        .arg(&repo)
        .status()
        .unwrap();
    assert!(init.success());
    let site = with_target(&format!(
        "\n[[publish]]\nname = \"prod\"\nkind = \"git\"\nlocation = \"{}\"\n",
        repo.display()
    ));
    let global = dir.path().join("gitconfig");
    std::fs::write(&global, "").unwrap();
    let due = watch_until_published(&site, |c| {
        c.env("GIT_CONFIG_GLOBAL", &global);
    });
    assert_recorded(&site, &due);
    assert!(shown(&repo, &format!("gh-pages:{PAGE}")));
}

/// Whether `object` (`BRANCH:PATH`) is in the repository at `repo`.
fn shown(repo: &Path, object: &str) -> bool {
    Command::new("git")
        .arg("--git-dir")
        .arg(repo)
        .args(["cat-file", "-e", object])
        .status()
        .unwrap()
        .success()
}
