//! The words of the payload's text, and the command and webhook failures that need a
//! limit shorter than the real one (a command that never ends, a webhook that never
//! answers). The payload as receivers get it is tested through the binary
//! (tests/notify.rs).

use std::path::PathBuf;

use super::*;
use crate::model::config::{Destination, TargetName};

fn told(change: Change, number: Option<u32>, url: Option<&str>) -> Told {
    Told {
        change,
        slug: "second".to_string(),
        title: "調査結果について".to_string(),
        number,
        channels: vec!["ir".to_string()],
        date: "2023-06-07T17:00:00+09:00".to_string(),
        url: url.map(str::to_string),
    }
}

fn target(name: &str, staging: bool) -> Target {
    Target {
        name: TargetName(name.to_string()),
        destination: Destination::Folder {
            path: PathBuf::from("www"),
        },
        location: "www".to_string(),
        staging,
        retries: 0,
        line: 1,
    }
}

fn notice() -> Notice {
    Notice {
        title: "特設ページ".to_string(),
        organization: "テスト株式会社".to_string(),
        target: "prod".to_string(),
        moment: "2023-06-08T12:00:00+09:00".to_string(),
        base_url: None,
        outcome: Outcome::Published,
        error: None,
        announcements: vec![told(Change::Added, Some(2), None)],
        text: "[特設ページ] report no. 2 published: 調査結果について".to_string(),
    }
}

fn command(argv: &[&str], line: usize) -> Notify {
    Notify {
        by: NotifyBy::Command(argv.iter().map(|a| a.to_string()).collect()),
        targets: Vec::new(),
        line,
    }
}

#[test]
fn each_line_says_the_site_the_number_what_happened_the_title_and_the_address() {
    let url = Some("https://example.jp/incident/announcements/second/");
    let cases = [
        (
            told(Change::Added, Some(5), url),
            "[特設ページ] report no. 5 published: 調査結果について https://example.jp/incident/announcements/second/",
            "[特設ページ] 第5報を公開しました：調査結果について https://example.jp/incident/announcements/second/",
        ),
        (
            told(Change::Added, None, None),
            "[特設ページ] published: 調査結果について",
            "[特設ページ] 公開しました：調査結果について",
        ),
        (
            told(Change::Amended, Some(2), None),
            "[特設ページ] report no. 2 amended: 調査結果について",
            "[特設ページ] 第2報を更新しました：調査結果について",
        ),
        (
            told(Change::Amended, None, url),
            "[特設ページ] amended: 調査結果について https://example.jp/incident/announcements/second/",
            "[特設ページ] 更新しました：調査結果について https://example.jp/incident/announcements/second/",
        ),
    ];
    for (told, en, ja) in cases {
        assert_eq!(line("特設ページ", &told, MessageLang::En), en);
        assert_eq!(line("特設ページ", &told, MessageLang::Ja), ja);
    }
}

#[test]
fn the_json_names_each_change_in_lowercase() {
    let json = notice().json();
    assert_eq!(
        json,
        "{\"title\":\"特設ページ\",\"organization\":\"テスト株式会社\",\"target\":\"prod\",\
         \"moment\":\"2023-06-08T12:00:00+09:00\",\"base_url\":null,\"outcome\":\"published\",\"error\":null,\"announcements\":[\
         {\"change\":\"added\",\"slug\":\"second\",\"title\":\"調査結果について\",\"number\":2,\
         \"channels\":[\"ir\"],\"date\":\"2023-06-07T17:00:00+09:00\",\"url\":null}],\
         \"text\":\"[特設ページ] report no. 2 published: 調査結果について\"}"
    );
}

#[test]
fn a_webhook_is_shown_without_its_secret_path() {
    assert_eq!(
        shown("https://hooks.slack.com/services/T000/B000/XXXX"),
        "https://hooks.slack.com/…"
    );
    assert_eq!(shown("http://127.0.0.1:8080/"), "http://127.0.0.1:8080/");
    assert_eq!(shown("https://example.jp/?token=1"), "https://example.jp/…");
}

#[test]
fn a_command_past_its_time_is_stopped() {
    let argv = ["sleep".to_string(), "1000".to_string()];
    let failed = run(&argv, "{}", Duration::from_secs(1)).unwrap_err();
    assert_eq!(
        failed.text(MessageLang::En),
        "command `sleep` did not finish within 1 s and was stopped"
    );
}

#[test]
fn a_webhook_that_never_answers_is_given_up() {
    // Connections are queued by the system and never answered.
    let silent = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let address = format!("http://{}/hook", silent.local_addr().unwrap());
    let failed = post(&address, "{}", Duration::from_secs(1)).unwrap_err();
    let port = silent.local_addr().unwrap().port();
    assert_eq!(
        failed.text(MessageLang::En),
        format!("webhook http://127.0.0.1:{port}/… did not answer within 1 s")
    );
}

#[test]
fn failures_name_the_entry_and_only_followers_are_told() {
    let mut staging_only = command(&["false"], 9);
    staging_only.targets = vec![TargetName("staging".to_string())];
    let notify = [
        command(&["sh", "-c", "exit 3"], 7),
        command(&["./no-such-program-here"], 8),
        staging_only,
        command(&["true"], 10),
    ];
    let failures = tell_within(
        &notify,
        &target("prod", false),
        &notice(),
        Duration::from_secs(10),
        Duration::from_secs(30),
    );
    let texts: Vec<String> = failures.iter().map(|m| m.text(MessageLang::En)).collect();
    assert_eq!(
        texts,
        [
            "the team was not told through the `[[notify]]` entry on line 7 of site.toml: \
             command `sh` exited with status 3, expected 0; the publish stands, so tell the \
             team another way and fix the entry",
            "the team was not told through the `[[notify]]` entry on line 8 of site.toml: \
             command `./no-such-program-here` could not be run (No such file or directory (os \
             error 2)); the publish stands, so tell the team another way and fix the entry",
        ]
    );
    // A staging target is told only by the entries that name it.
    let failures = tell_within(
        &notify[2..],
        &target("staging", true),
        &notice(),
        Duration::from_secs(10),
        Duration::from_secs(30),
    );
    assert_eq!(failures.len(), 1, "only `false`, which names staging");
}
