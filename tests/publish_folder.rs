//! `crisis-site publish` to a `folder` target: what the target holds, what the log
//! records, and what is refused before anything is sent.

use crate::support::TestSite;
use crate::support::publishing::{
    add_folder_target, add_toml, built, holdings, list, records, target_dir,
};

fn stderr(output: &std::process::Output) -> String {
    String::from_utf8_lossy(&output.stderr).into_owned()
}

fn stdout(output: &std::process::Output) -> String {
    String::from_utf8_lossy(&output.stdout).into_owned()
}

/// The basic fixture with a folder target `www` inside its folder.
fn site() -> TestSite {
    let site = TestSite::basic();
    add_folder_target(&site, "www", "www", "");
    site
}

fn publish(site: &TestSite, extra: &[&str]) -> std::process::Output {
    let mut args = vec!["publish", "--to", "www"];
    args.extend_from_slice(extra);
    site.run(&args)
}

#[test]
fn the_target_holds_what_build_writes_and_the_log_says_so() {
    let site = site();
    let output = publish(&site, &[]);
    assert!(output.status.success(), "{}", stderr(&output));
    let held = holdings(&target_dir(&site, "www"));
    assert_eq!(
        held,
        built(&site),
        "the target holds the build, byte for byte"
    );

    let records = records(&site);
    assert_eq!(records.len(), 1);
    let r = &records[0];
    assert_eq!(r["target"], "www");
    assert_eq!(r["kind"], "folder");
    assert_eq!(r["location"], "www");
    assert_eq!(r["moment"], "2023-06-08T12:00:00+09:00");
    assert_eq!(r["outcome"], "published");
    assert_eq!(list(r, "added"), held.keys().cloned().collect::<Vec<_>>());
    assert!(list(r, "changed").is_empty() && list(r, "removed").is_empty());
    assert_eq!(r["files"], held.len());
    assert_eq!(r["attempts"], 1);
    assert_eq!(r["digest"].as_str().unwrap().len(), "sha256:".len() + 64);
    assert_eq!(
        list(r, "announcements_added"),
        ["both", "disclosure", "first"],
        "every published announcement is new on the target, newest first"
    );
    let summary = format!(
        "published to www for 2023-06-08T12:00:00+09:00: {n} added, 0 changed, 0 removed, of {n} files\n",
        n = held.len()
    );
    assert!(stdout(&output).starts_with(&summary), "{}", stdout(&output));
}

#[test]
fn a_second_publish_sends_only_what_changed_and_removes_what_went() {
    let site = site();
    assert!(publish(&site, &[]).status.success());
    let again = publish(&site, &[]);
    assert!(again.status.success());
    let records = records(&site);
    assert_eq!(records[1]["outcome"], "unchanged");
    assert_eq!(records[1]["digest"], records[0]["digest"]);
    assert!(stdout(&again).starts_with("www already holds the site for 2023-06-08T12:00:00+09:00"));

    site.edit(
        "content/announcements/disclosure.md",
        "お知らせいたします。",
        "お知らせいたします。詳細は追って開示します。",
    );
    site.remove("content/announcements/first.md");
    site.remove("content/announcements/first.en.md");
    let output = publish(&site, &[]);
    assert!(output.status.success(), "{}", stderr(&output));
    let r = &records_of(&site)[2];
    assert_eq!(r["outcome"], "published");
    let removed = list(r, "removed");
    assert!(
        removed.contains(&"announcements/first/index.html".to_string()),
        "{removed:?}"
    );
    assert!(
        removed.contains(&"en/announcements/first/index.html".to_string()),
        "{removed:?}"
    );
    assert!(list(r, "added").is_empty(), "{r}");
    let changed = list(r, "changed");
    assert!(
        changed.contains(&"announcements/disclosure/index.html".to_string()),
        "{changed:?}"
    );
    assert!(
        !changed.contains(&"announcements/both/report.pdf".to_string()),
        "{changed:?}"
    );
    assert!(list(r, "announcements_added").is_empty());
    assert!(
        list(r, "announcements_amended").is_empty(),
        "an edit without a revision is no amendment"
    );
    assert_eq!(holdings(&target_dir(&site, "www")), built(&site));
}

fn records_of(site: &TestSite) -> Vec<serde_json::Value> {
    records(site)
}

#[test]
fn an_unknown_target_is_refused_with_the_names_declared() {
    let site = site();
    let output = site.run(&["publish", "--to", "ww"]);
    assert_eq!(output.status.code(), Some(1));
    assert_eq!(
        stderr(&output),
        "error: nothing was sent to ww: no `[[publish]]` target is named `ww`; did you mean `www`?\n"
    );
    assert!(records(&site).is_empty() && !target_dir(&site, "www").exists());
}

#[test]
fn drafts_embargoed_statements_and_standby_go_only_to_a_staging_target() {
    let site = site();
    for (flag, what) in [
        ("--drafts", "drafts (--drafts)"),
        ("--future", "embargoed statements (--future)"),
    ] {
        let output = publish(&site, &[flag]);
        assert_eq!(output.status.code(), Some(1));
        assert_eq!(
            stderr(&output),
            format!(
                "error: nothing was sent to www: target `www` is not a staging target, and this build holds {what}; expected staging = true on the target if it is one, or the build without them\n"
            )
        );
    }
    site.edit(
        "site.toml",
        "home_latest = 2\n",
        "home_latest = 2\nstandby = true\n",
    );
    let output = publish(&site, &[]);
    assert!(stderr(&output).contains("this build holds a site in standby (standby = true)"));
    assert!(records(&site).is_empty() && !target_dir(&site, "www").exists());

    add_folder_target(&site, "preview", "preview-www", "staging = true");
    let output = site.run(&["publish", "--to", "preview", "--drafts", "--future"]);
    assert!(output.status.success(), "{}", stderr(&output));
    let held = holdings(&target_dir(&site, "preview-www"));
    assert!(held.contains_key("announcements/draft/index.html"));
    assert!(held.contains_key("announcements/embargoed/index.html"));
}

#[test]
fn a_review_error_sends_nothing_unless_it_is_an_emergency_and_recorded() {
    let site = site();
    site.edit(
        "content/announcements/first.md",
        "本日、システム障害",
        "（日時）、システム障害",
    );
    let output = publish(&site, &[]);
    assert_eq!(output.status.code(), Some(1));
    let err = stderr(&output);
    assert!(
        err.ends_with("error: the review found 1 errors in what would be published; nothing was sent to www (fix them, or publish anyway with --publish-with-errors, which the log records)\n"),
        "{err}"
    );
    assert!(records(&site).is_empty() && !target_dir(&site, "www").exists());

    let output = publish(&site, &["--publish-with-errors"]);
    assert!(output.status.success(), "{}", stderr(&output));
    let errors = list(&records(&site)[0], "published_errors");
    assert_eq!(errors.len(), 1);
    assert!(errors[0].starts_with("error[placeholder]"), "{errors:?}");
}

#[test]
fn a_target_folder_that_holds_someone_elses_files_is_left_alone() {
    let site = site();
    site.write("www/notes.txt", "not ours");
    let output = publish(&site, &[]);
    assert_eq!(output.status.code(), Some(1));
    assert!(stderr(&output).contains("PUBLISHING FAILED: www did not get the site for 2023-06-08T12:00:00+09:00 after one try"), "{}", stderr(&output));
    assert_eq!(
        std::fs::read_to_string(site.root().join("www/notes.txt")).unwrap(),
        "not ours"
    );
    let r = &records(&site)[0];
    assert_eq!(r["outcome"], "failed");
    assert_eq!(
        r["attempts"], 1,
        "a folder that is not ours is not tried again"
    );
}

#[test]
fn targets_and_notifications_are_checked_in_site_toml() {
    let site = TestSite::basic();
    add_toml(
        &site,
        "\n[[publish]]\nname = \"prod\"\nkind = \"s4\"\nlocation = \"x\"\n\
         \n[[publish]]\nname = \"prod\"\nkind = \"s3\"\nlocation = \"bucket\"\nbranch = \"main\"\nsecret_access_key = \"abc\"\n\
         \n[[notify]]\nwebhook = \"ftp://x\"\n\
         \n[[notify]]\ncommand = [\"tell\"]\ntargets = [\"prd\"]\n",
    );
    let problems = site.problems();
    let lines = site.root().join("site.toml");
    let text = std::fs::read_to_string(lines).unwrap();
    let line = |needle: &str, nth: usize| {
        text.lines()
            .enumerate()
            .filter(|(_, l)| l.contains(needle))
            .nth(nth)
            .unwrap()
            .0
            + 1
    };
    assert_eq!(
        problems,
        [
            format!(
                "site.toml:{}: `[[publish]]` kind `s4` is not a kind of target; did you mean `s3`?",
                line("kind = \"s4\"", 0)
            ),
            format!(
                "site.toml:{}: `[[publish]]` name `prod` is declared twice; expected each target's name once",
                line("name = \"prod\"", 1)
            ),
            format!(
                "site.toml:{}: `location` `bucket` is not where a s3 target goes; expected for folder a path (\"../www\"), for rsync user@host:path (\"deploy@web1.example.jp:/srv/incident\"), for s3 s3://bucket or s3://bucket/folder, for git the repository's URL or path",
                line("location = \"bucket\"", 0)
            ),
            format!(
                "site.toml:{}: `branch` is for git targets, and this one is s3; expected it left out",
                line("branch = \"main\"", 0)
            ),
            format!(
                "site.toml:{}: `secret_access_key` holds a credential, which must never be in site.toml (it is committed and shared); expected it in the environment or the standard configuration of the tool (AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY or ~/.aws/credentials, an ssh key, git's credential helper)",
                line("secret_access_key", 0)
            ),
            format!(
                "site.toml:{}: `[[notify]]` webhook `ftp://x` is not a web address; expected https://… (or http:// on your own network)",
                line("ftp://x", 0)
            ),
            format!(
                "site.toml:{}: `[[notify]]` names target `prd`, which `[[publish]]` does not declare; expected a name of a `[[publish]]` target, and site.toml declares none",
                line("targets = [\"prd\"]", 0)
            ),
        ]
    );
    assert!(!site.out().exists());
}

#[test]
fn an_older_site_is_never_sent_over_a_newer_one() {
    let site = site();
    let later = site.run_at("2023-06-09T16:00:00+09:00", &["publish", "--to", "www"]);
    assert!(later.status.success(), "{}", stderr(&later));
    let held = holdings(&target_dir(&site, "www"));
    let output = publish(&site, &[]);
    assert_eq!(output.status.code(), Some(1));
    assert_eq!(
        stderr(&output),
        "error: nothing was sent to www: target `www` holds the site for 2023-06-09T16:00:00+09:00, later than this build's 2023-06-08T12:00:00+09:00; nothing was sent, so that no statement is taken back off the site: publish again (without --now, or with a later one)\n"
    );
    assert_eq!(holdings(&target_dir(&site, "www")), held);
    assert_eq!(records(&site).len(), 1);
}

#[test]
fn two_publishes_at_once_take_turns() {
    use std::io::Read as _;

    let site = site();
    let lock = std::fs::OpenOptions::new()
        .create(true)
        .truncate(false)
        .write(true)
        .open(site.root().join(".crisis-site-publish.lock"))
        .unwrap();
    lock.lock().unwrap();
    let mut command = site.command(Some(crate::support::NOW), &["publish", "--to", "www"]);
    command
        .stderr(std::process::Stdio::piped())
        .stdout(std::process::Stdio::null());
    let mut child = command.spawn().unwrap();
    let mut stderr = child.stderr.take().unwrap();
    let mut said = Vec::new();
    let wanted = b"warning: another publish of this site is running; waiting for it to end\n";
    let mut byte = [0u8];
    while said.len() < wanted.len() && stderr.read(&mut byte).unwrap() == 1 {
        said.push(byte[0]);
    }
    assert_eq!(
        String::from_utf8_lossy(&said),
        String::from_utf8_lossy(wanted)
    );
    // It waits: nothing built, nothing sent, nothing logged.
    assert!(records(&site).is_empty() && !target_dir(&site, "www").exists());
    drop(lock);
    assert!(child.wait().unwrap().success());
    assert_eq!(records(&site).len(), 1);
}
