//! `[[notify]]`: after a publish that puts announcements live or amends them, every
//! entry that follows the target is told, through the binary: a webhook (a real HTTP
//! receiver of the test on 127.0.0.1) gets the JSON payload POSTed, a command gets the
//! same bytes on its standard input. A failure to tell is a warning naming the entry's
//! line; the publish stands.

use serde_json::{Value, json};

use crate::support::TestSite;
use crate::support::publishing::{add_folder_target, add_toml, records};
use crate::support::receiver::{WebhookReceiver, closed_port};

const SITE: &str = "テスト事案に関する特設ページ";

fn stderr(output: &std::process::Output) -> String {
    String::from_utf8_lossy(&output.stderr).into_owned()
}

/// The basic fixture with the targets `prod` and `staging` (a staging one), then
/// `entries` (its `[[notify]]` tables); returns the site.toml line of the first
/// entry's table header.
fn site_telling(site: &TestSite, entries: &str) -> usize {
    add_folder_target(site, "prod", "www", "");
    add_folder_target(site, "staging", "www-staging", "staging = true");
    let toml = std::fs::read_to_string(site.root().join("site.toml")).unwrap();
    add_toml(site, entries);
    toml.lines().count() + 1 + entries.lines().take_while(|l| l.trim().is_empty()).count()
}

/// What the basic fixture tells at its moment: its three published announcements
/// went live, newest first.
fn first_notice() -> Value {
    json!({
        "title": SITE,
        "organization": "テスト株式会社",
        "target": "prod",
        "moment": "2023-06-08T12:00:00+09:00",
        "base_url": null,
        "outcome": "published",
        "error": null,
        "announcements": [
            {"change": "added", "slug": "both", "title": "調査結果について（第2報）", "number": 2,
             "channels": ["ir", "pr"], "date": "2023-06-07T17:00:00+09:00", "url": null},
            {"change": "added", "slug": "disclosure", "title": "特別損失の計上見込みに関するお知らせ",
             "number": null, "channels": ["ir"], "date": "2023-06-06T15:00:00+09:00", "url": null},
            {"change": "added", "slug": "first", "title": "システム障害のお知らせ（第1報）", "number": 1,
             "channels": ["pr"], "date": "2023-06-05T10:00:00+09:00", "url": null},
        ],
        "text": format!(
            "[{SITE}] report no. 2 published: 調査結果について（第2報）\n\
             [{SITE}] published: 特別損失の計上見込みに関するお知らせ\n\
             [{SITE}] report no. 1 published: システム障害のお知らせ（第1報）"
        ),
    })
}

#[test]
fn a_webhook_and_a_command_get_the_same_payload_and_a_staging_entry_is_not_told() {
    let hook = WebhookReceiver::start(200);
    let staging_hook = WebhookReceiver::start(200);
    let site = TestSite::basic();
    let told = site.root().join("told.json");
    site_telling(
        &site,
        &format!(
            "\n[[notify]]\nwebhook = \"{}\"\n\n[[notify]]\ncommand = [\"sh\", \"-c\", \"cat > '{}'\"]\n\n\
             [[notify]]\nwebhook = \"{}\"\ntargets = [\"staging\"]\n",
            hook.url("/hook"),
            told.display(),
            staging_hook.url("/staging")
        ),
    );
    let output = site.run(&["publish", "--to", "prod"]);
    assert!(output.status.success(), "{}", stderr(&output));
    assert_eq!(stderr(&output), "", "every entry was told");

    let request = hook.next();
    assert_eq!(request.line, "POST /hook HTTP/1.1");
    assert_eq!(request.headers["content-type"], "application/json");
    assert_eq!(
        request.headers["user-agent"],
        concat!("crisis-site/", env!("CARGO_PKG_VERSION"))
    );
    let payload: Value = serde_json::from_str(&request.body).unwrap();
    assert_eq!(payload, first_notice());
    assert_eq!(
        std::fs::read_to_string(&told).unwrap(),
        request.body,
        "the command reads the very bytes the webhook gets"
    );
    assert!(hook.received().is_empty(), "told once");
    assert!(
        staging_hook.received().is_empty(),
        "an entry for staging is not told of prod"
    );

    // Nothing new, nothing told.
    let again = site.run(&["publish", "--to", "prod"]);
    assert!(again.status.success(), "{}", stderr(&again));
    assert_eq!(records(&site)[1]["outcome"], "unchanged");
    assert!(hook.received().is_empty());
}

#[test]
fn an_amendment_is_told_with_its_address_in_the_tools_language() {
    let hook = WebhookReceiver::start(204);
    let site = TestSite::basic();
    let toml = site.root().join("site.toml");
    let text = std::fs::read_to_string(&toml).unwrap();
    std::fs::write(
        &toml,
        format!("base_url = \"https://example.jp/incident/\"\n{text}"),
    )
    .unwrap();
    site_telling(
        &site,
        &format!("\n[[notify]]\nwebhook = \"{}\"\n", hook.url("/")),
    );
    let first = site.run(&["--messages", "ja", "publish", "--to", "prod"]);
    assert!(first.status.success(), "{}", stderr(&first));
    let payload: Value = serde_json::from_str(&hook.next().body).unwrap();
    assert_eq!(payload["base_url"], "https://example.jp/incident/");
    assert_eq!(
        payload["announcements"][0]["url"],
        "https://example.jp/incident/announcements/both/"
    );

    site.edit(
        "content/announcements/disclosure.md",
        "channel = \"ir\"",
        "channel = \"ir\"\nupdated = 2023-06-08T13:00:00+09:00",
    );
    let amended = site.run_at(
        "2023-06-08T14:00:00+09:00",
        &["--messages", "ja", "publish", "--to", "prod"],
    );
    assert!(amended.status.success(), "{}", stderr(&amended));
    let payload: Value = serde_json::from_str(&hook.next().body).unwrap();
    assert_eq!(payload["moment"], "2023-06-08T14:00:00+09:00");
    assert_eq!(
        payload["announcements"],
        json!([{"change": "amended", "slug": "disclosure",
                "title": "特別損失の計上見込みに関するお知らせ", "number": null,
                "channels": ["ir"], "date": "2023-06-06T15:00:00+09:00",
                "url": "https://example.jp/incident/announcements/disclosure/"}])
    );
    assert_eq!(
        payload["text"],
        format!(
            "[{SITE}] 更新しました：特別損失の計上見込みに関するお知らせ \
             https://example.jp/incident/announcements/disclosure/"
        )
    );
}

#[test]
fn an_entry_that_cannot_be_told_is_a_warning_and_the_publish_stands() {
    let failing = WebhookReceiver::start(500);
    let closed = closed_port();
    let site = TestSite::basic();
    let first = site_telling(
        &site,
        &format!(
            "\n[[notify]]\nwebhook = \"{}\"\n\n[[notify]]\nwebhook = \"http://127.0.0.1:{closed}/\"\n\n\
             [[notify]]\ncommand = [\"sh\", \"-c\", \"cat > /dev/null; exit 4\"]\n",
            failing.url("/hooks/T000/secret")
        ),
    );
    let output = site.run(&["publish", "--to", "prod"]);
    assert!(output.status.success(), "{}", stderr(&output));
    let payload: Value = serde_json::from_str(&failing.next().body).unwrap();
    assert_eq!(payload, first_notice());
    let port = failing.port;
    let tail = "the publish stands, so tell the team another way and fix the entry";
    assert_eq!(
        stderr(&output),
        format!(
            "warning: the team was not told through the `[[notify]]` entry on line {first} of \
             site.toml: webhook http://127.0.0.1:{port}/… answered HTTP 500, expected a 2xx \
             answer; {tail}\n\
             warning: the team was not told through the `[[notify]]` entry on line {} of \
             site.toml: webhook http://127.0.0.1:{closed}/ could not be reached (Connection \
             refused (os error 111)); {tail}\n\
             warning: the team was not told through the `[[notify]]` entry on line {} of \
             site.toml: command `sh` exited with status 4, expected 0; {tail}\n",
            first + 3,
            first + 6
        )
    );
    let records = records(&site);
    assert_eq!(records.len(), 1);
    assert_eq!(records[0]["outcome"], "published");
    assert!(site.root().join("www/index.html").is_file());
}

#[test]
fn a_webhook_whose_address_is_a_secret_is_read_from_the_environment() {
    let hook = WebhookReceiver::start(200);
    let site = TestSite::basic();
    let first = site_telling(
        &site,
        "\n[[notify]]\nwebhook_env = \"CRISIS_TEST_HOOK\"\n\n[[notify]]\nwebhook_env = \"CRISIS_TEST_UNSET\"\n\n\
         [[notify]]\nwebhook_env = \"CRISIS_TEST_NOT_AN_ADDRESS\"\n",
    );
    let output = site
        .command(Some(crate::support::NOW), &["publish", "--to", "prod"])
        .env("CRISIS_TEST_HOOK", hook.url("/services/T000/B000/secret"))
        .env_remove("CRISIS_TEST_UNSET")
        .env("CRISIS_TEST_NOT_AN_ADDRESS", "xoxb-secret-token")
        .output()
        .unwrap();
    assert!(output.status.success(), "{}", stderr(&output));
    let request = hook.next();
    assert_eq!(request.line, "POST /services/T000/B000/secret HTTP/1.1");
    assert_eq!(
        serde_json::from_str::<Value>(&request.body).unwrap(),
        first_notice()
    );
    let tail = "the publish stands, so tell the team another way and fix the entry";
    assert_eq!(
        stderr(&output),
        format!(
            "warning: the team was not told through the `[[notify]]` entry on line {} of \
             site.toml: the environment variable CRISIS_TEST_UNSET that should hold the \
             webhook's address is not set; expected it set where crisis-site publish runs (in \
             the systemd unit's Environment= or EnvironmentFile=, or the shell); {tail}\n\
             warning: the team was not told through the `[[notify]]` entry on line {} of \
             site.toml: the environment variable CRISIS_TEST_NOT_AN_ADDRESS does not hold a web \
             address; expected the webhook's https://… address; {tail}\n",
            first + 3,
            first + 6
        )
    );
    assert!(!stderr(&output).contains("xoxb-secret-token"));
}

#[test]
fn a_webhook_env_that_is_no_variable_name_is_refused_in_site_toml() {
    let site = TestSite::basic();
    let line = site_telling(
        &site,
        "\n[[notify]]\nwebhook_env = \"https://hooks.example/x\"\n",
    );
    assert_eq!(
        site.problems(),
        [format!(
            "site.toml:{}: `[[notify]]` webhook_env `https://hooks.example/x` is not the name of an environment variable; expected capital letters, digits and `_`, such as \"SLACK_WEBHOOK_URL\"",
            line + 1
        )]
    );
}
