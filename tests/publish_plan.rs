//! `crisis-site publish --plan` and `--status`: the moments to come, and what each
//! target holds, as printed.

use crate::support::TestSite;
use crate::support::publishing::{add_folder_target, add_toml};

fn stdout(output: &std::process::Output) -> String {
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    String::from_utf8_lossy(&output.stdout).into_owned()
}

/// The basic fixture with every kind of moment to come after its `now`
/// (2023-06-08 12:00): an embargo, a revision, a desk and an alert with periods, a
/// promised update.
fn site() -> TestSite {
    let site = TestSite::basic();
    add_toml(
        &site,
        "\n[[contacts]]\nname = \"臨時窓口\"\nphone = \"0120-000-111\"\nfrom = 2023-06-09T09:00:00+09:00\nuntil = 2023-06-30\n\
         \n[[alerts]]\ntext = \"不審な電話にご注意ください\"\nfrom = 2023-06-09T09:00:00+09:00\n",
    );
    site.edit(
        "content/announcements/embargoed.md",
        "channel = \"ir\"\n",
        "channel = \"ir\"\nnext_update = 2023-06-12T17:00:00+09:00\n\n[[revisions]]\nat = 2023-06-10T10:00:00+09:00\nkind = \"addendum\"\ntext = \"図表を追加しました。\"\n",
    );
    site
}

#[test]
fn the_plan_lists_every_moment_to_come_and_what_changes_at_it() {
    let site = site();
    add_folder_target(&site, "www", "www", "");
    let plan = stdout(&site.run(&["publish", "--plan", "--to", "www"]));
    assert_eq!(
        plan,
        "5 moments to come after 2023-06-08T12:00:00+09:00, each published to www by publish --watch:\n\
         2023-06-09T09:00:00+09:00\n  - contact desk \"臨時窓口\" opens\n  - alert \"不審な電話にご注意ください\" starts\n\
         2023-06-09T15:00:00+09:00\n  - \"15時に公開する適時開示\" (embargoed) is published\n\
         2023-06-10T10:00:00+09:00\n  - a revision of \"15時に公開する適時開示\" (embargoed) comes into force\n\
         2023-06-12T17:00:00+09:00\n  - the next update promised by embargoed falls due (the site then says it is late)\n\
         2023-07-01T00:00:00+09:00\n  - contact desk \"臨時窓口\" closes\n"
    );
    // Sends nothing.
    assert!(!site.root().join("www").exists());
    assert!(!site.root().join(crisis_site::PUBLISH_LOG).exists());
}

#[test]
fn the_plan_in_japanese_and_from_another_moment() {
    let site = site();
    let plan = stdout(&site.run_at(
        "2023-06-10T12:00:00+09:00",
        &["--messages", "ja", "publish", "--plan"],
    ));
    assert_eq!(
        plan,
        "2023-06-10T12:00:00+09:00 より後の予定：2 件\n\
         2023-06-12T17:00:00+09:00\n  - embargoed が予告した次の発表の時刻になります（以後、サイトは遅れていると表示します）\n\
         2023-07-01T00:00:00+09:00\n  - 窓口「臨時窓口」の受付が終わります\n"
    );
}

#[test]
fn a_newer_announcement_keeps_a_promise_from_falling_due() {
    let site = site();
    site.write(
        "content/announcements/update.md",
        "+++\ntitle = \"続報\"\ndate = 2023-06-12T16:00:00+09:00\nchannel = \"pr\"\n+++\n本文。\n",
    );
    let plan = stdout(&site.run_at("2023-06-11T12:00:00+09:00", &["publish", "--plan"]));
    assert_eq!(
        plan,
        "2 moments to come after 2023-06-11T12:00:00+09:00:\n\
         2023-06-12T16:00:00+09:00\n  - \"続報\" (update) is published\n\
         2023-07-01T00:00:00+09:00\n  - contact desk \"臨時窓口\" closes\n"
    );
}

#[test]
fn the_status_says_what_each_target_holds_and_since_when() {
    let site = TestSite::basic();
    add_folder_target(&site, "www", "www", "");
    add_folder_target(&site, "spare", "spare", "");
    assert!(site.run(&["publish", "--to", "www"]).status.success());
    assert!(site.run(&["publish", "--to", "www"]).status.success());
    let records = crate::support::publishing::records(&site);
    let status = stdout(&site.run(&["publish", "--status"]));
    let (first, second) = (&records[0], &records[1]);
    let expected = format!(
        "www (folder, www):\n  live since {sent} (the site for 2023-06-08T12:00:00+09:00, sent by {by}): {files} files, {digest}; last confirmed {checked}\n  both: live since {sent}\n  disclosure: live since {sent}\n  first: live since {sent}\nspare (folder, spare):\n  never published\n",
        sent = first["sent_at"].as_str().unwrap(),
        by = first["by"].as_str().unwrap(),
        files = first["files"],
        digest = first["digest"].as_str().unwrap(),
        checked = second["sent_at"].as_str().unwrap(),
    );
    assert_eq!(status, expected);
}

#[test]
fn a_broken_publish_log_is_named_with_its_line() {
    let site = TestSite::basic();
    add_folder_target(&site, "www", "www", "");
    assert!(site.run(&["publish", "--to", "www"]).status.success());
    let log = site.root().join(crisis_site::PUBLISH_LOG);
    let mut text = std::fs::read_to_string(&log).unwrap();
    text.push_str("{\"target\": \"www\"}\n");
    std::fs::write(&log, text).unwrap();
    let output = site.run(&["publish", "--status"]);
    assert_eq!(output.status.code(), Some(1));
    assert_eq!(
        String::from_utf8_lossy(&output.stderr),
        "error: publish-log.jsonl:2: this line of the publish log is not a record crisis-site wrote (missing field `kind` at line 1 column 17); expected the log left as crisis-site appended it: restore the line from a copy, or move the file aside to start a new log\nerror: 1 problems in site.toml or the publish log\n"
    );
}
