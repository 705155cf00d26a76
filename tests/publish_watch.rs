//! `crisis-site publish --watch`: every moment is published as it is at that moment,
//! never before it. The library's watch runs on a test's clock (no waiting); one
//! test runs the binary on the real clock for a statement due in a few seconds.

use std::cell::RefCell;
use std::path::PathBuf;
use std::time::Duration;

use chrono::{DateTime, FixedOffset, Local, SubsecRound as _};
use crisis_site::{MessageLang, Publish, PublishOptions, Waiter, WatchEvent, Woke};

use crate::support::TestSite;
use crate::support::publishing::{Lines, Running, add_folder_target, list, records, target_dir};

const PAGE: &str = "announcements/embargoed/index.html";

fn at(text: &str) -> DateTime<FixedOffset> {
    DateTime::parse_from_rfc3339(text).unwrap()
}

/// What a scripted wait does, told which wait it is (1 for the first) and until when:
/// how it ends, and the moment it is then.
type Step<'a> = Box<
    dyn FnMut(usize, Option<DateTime<FixedOffset>>) -> (Woke, Option<DateTime<FixedOffset>>) + 'a,
>;

/// A clock that moves only when a wait ends, and a script of what each wait does.
struct Script<'a> {
    now: DateTime<FixedOffset>,
    waits: Vec<Option<DateTime<FixedOffset>>>,
    step: Step<'a>,
}

impl Waiter for Script<'_> {
    fn now(&self) -> DateTime<FixedOffset> {
        self.now
    }

    fn wait(&mut self, until: Option<DateTime<FixedOffset>>) -> Woke {
        self.waits.push(until);
        let (woke, now) = (self.step)(self.waits.len(), until);
        if let Some(now) = now {
            self.now = now;
        }
        woke
    }

    fn pause(&self, _: Duration) {}
}

fn options(site: &TestSite) -> PublishOptions {
    PublishOptions {
        root: site.root().to_path_buf(),
        target: "www".to_string(),
        publish: Publish::release(Local::now().fixed_offset()),
        publish_with_errors: false,
        by: "test".to_string(),
        lang: MessageLang::En,
    }
}

fn site() -> (TestSite, PathBuf) {
    let site = TestSite::basic();
    add_folder_target(&site, "www", "www", "retries = 0");
    let www = target_dir(&site, "www");
    (site, www)
}

/// The moments a watch was told of, as the events said them.
fn waited_for(events: &[String]) -> Vec<String> {
    events
        .iter()
        .filter(|e| e.starts_with("waiting"))
        .cloned()
        .collect()
}

fn said(event: &WatchEvent) -> String {
    match event {
        WatchEvent::Published(p) => format!("published {} {:?}", p.record.moment, p.record.outcome),
        WatchEvent::Waiting(Some(c)) => format!("waiting {}", crisis_site::rfc3339(c.at)),
        WatchEvent::Waiting(None) => "waiting for edits".to_string(),
        WatchEvent::Failed { moment, retry, .. } => format!(
            "failed {} retry {}",
            crisis_site::rfc3339(*moment),
            crisis_site::rfc3339(*retry)
        ),
        other => format!("{other:?}"),
    }
}

/// Runs the watch of `site` on `waiter` to its end; what it told, as [`said`] says it.
fn watched(site: &TestSite, waiter: &mut Script) -> Vec<String> {
    let mut events = Vec::new();
    crisis_site::publish_watch(&options(site), waiter, &mut |e| events.push(said(&e))).unwrap();
    events
}

#[test]
fn an_embargoed_statement_is_absent_until_its_second_and_present_from_it() {
    let (site, www) = site();
    let checked = RefCell::new(Vec::new());
    let mut waiter = Script {
        now: at("2023-06-09T14:59:59+09:00"),
        waits: Vec::new(),
        step: Box::new(|n, until| match n {
            1 => {
                assert_eq!(until, Some(at("2023-06-09T15:00:00+09:00")));
                // Published a second before its time, the target must not hold it.
                checked.borrow_mut().push(www.join(PAGE).exists());
                (Woke::Due, until)
            }
            _ => {
                checked.borrow_mut().push(www.join(PAGE).exists());
                (Woke::Stop, None)
            }
        }),
    };
    let events = watched(&site, &mut waiter);
    assert_eq!(*checked.borrow(), [false, true]);
    assert_eq!(
        events,
        [
            "published 2023-06-09T14:59:59+09:00 Published",
            "waiting 2023-06-09T15:00:00+09:00",
            "published 2023-06-09T15:00:00+09:00 Published",
            "waiting for edits",
        ]
    );
    let records = records(&site);
    assert_eq!(records.len(), 2);
    assert!(!list(&records[0], "announcements_added").contains(&"embargoed".to_string()));
    assert_eq!(list(&records[1], "announcements_added"), ["embargoed"]);
    assert_eq!(records[1]["moment"], "2023-06-09T15:00:00+09:00");
}

#[test]
fn a_wait_that_ends_late_still_publishes_each_moment_it_passed_as_it_was() {
    let (site, _www) = site();
    site.write(
        "content/announcements/later.md",
        "+++\ntitle = \"16時の発表\"\ndate = 2023-06-09T16:00:00+09:00\nchannel = \"pr\"\n+++\n本文。\n",
    );
    let mut waiter = Script {
        now: at("2023-06-09T14:00:00+09:00"),
        waits: Vec::new(),
        // The machine slept through both moments and woke at 17:00.
        step: Box::new(|n, _| match n {
            1 => (Woke::Due, Some(at("2023-06-09T17:00:00+09:00"))),
            2 => (Woke::Due, None),
            _ => (Woke::Stop, None),
        }),
    };
    let events = watched(&site, &mut waiter);
    let moments: Vec<String> = records(&site)
        .iter()
        .map(|r| r["moment"].as_str().unwrap().to_string())
        .collect();
    assert_eq!(
        moments,
        [
            "2023-06-09T14:00:00+09:00",
            "2023-06-09T15:00:00+09:00",
            "2023-06-09T16:00:00+09:00"
        ]
    );
    assert_eq!(
        list(&records(&site)[1], "announcements_added"),
        ["embargoed"]
    );
    assert_eq!(list(&records(&site)[2], "announcements_added"), ["later"]);
    assert_eq!(waited_for(&events).len(), 3);
}

#[test]
fn an_edit_while_waiting_moves_the_next_moment() {
    let (site, _www) = site();
    let mut waiter = Script {
        now: at("2023-06-09T14:00:00+09:00"),
        waits: Vec::new(),
        step: Box::new(|n, until| match n {
            1 => {
                assert_eq!(until, Some(at("2023-06-09T15:00:00+09:00")));
                site.edit(
                    "content/announcements/embargoed.md",
                    "2023-06-09T15:00:00+09:00",
                    "2023-06-09T15:30:00+09:00",
                );
                (Woke::Changed, None)
            }
            2 => {
                assert_eq!(until, Some(at("2023-06-09T15:30:00+09:00")));
                (Woke::Stop, None)
            }
            _ => unreachable!(),
        }),
    };
    let events = watched(&site, &mut waiter);
    assert_eq!(
        events,
        [
            "published 2023-06-09T14:00:00+09:00 Published",
            "waiting 2023-06-09T15:00:00+09:00",
            "Reloaded",
            "waiting 2023-06-09T15:30:00+09:00",
        ]
    );
    assert_eq!(
        records(&site).len(),
        1,
        "an edit is not published before its moment"
    );
}

#[test]
fn a_failed_publish_is_tried_again_a_minute_later() {
    let (site, www) = site();
    site.write("www/notes.txt", "not ours");
    let mut waiter = Script {
        now: at("2023-06-09T14:00:00+09:00"),
        waits: Vec::new(),
        step: Box::new(|n, until| match n {
            1 => {
                assert_eq!(until, Some(at("2023-06-09T14:01:00+09:00")));
                std::fs::remove_dir_all(&www).unwrap();
                (Woke::Due, until)
            }
            _ => (Woke::Stop, None),
        }),
    };
    let events = watched(&site, &mut waiter);
    assert_eq!(
        events[..3],
        [
            "failed 2023-06-09T14:00:00+09:00 retry 2023-06-09T14:01:00+09:00",
            "waiting 2023-06-09T15:00:00+09:00",
            "published 2023-06-09T14:01:00+09:00 Published",
        ]
    );
    let outcomes: Vec<String> = records(&site)
        .iter()
        .map(|r| r["outcome"].as_str().unwrap().to_string())
        .collect();
    assert_eq!(outcomes, ["failed", "published"]);
}

#[test]
fn on_the_real_clock_a_statement_due_in_seconds_goes_live_at_its_second() {
    let (site, www) = site();
    let mut command = site.command(None, &["publish", "--watch", "--to", "www"]);
    command.stdout(std::process::Stdio::piped());
    let mut running = Running(command.spawn().unwrap());
    let mut lines = Lines::of(&mut running.0);
    // The watch has published the site as it is now and waits for an edit.
    lines.until("no moment is coming: waiting for edits to the site");

    // Dated from after the first publish, whatever the machine's load made of its
    // time: the watch counts moments from the one it published last.
    let zone = FixedOffset::east_opt(9 * 3600).unwrap();
    let due = (Local::now().with_timezone(&zone) + chrono::Duration::seconds(2)).trunc_subsecs(0);
    let due_text = crisis_site::rfc3339(due);
    site.save(
        "content/announcements/soon.md",
        &format!(
            "+++\ntitle = \"まもなく公開\"\ndate = {due_text}\nchannel = \"pr\"\n+++\n本文。\n"
        ),
    );
    lines.until(&format!("published to www for {due_text}: "));
    drop(running);

    let records = records(&site);
    let first = &records[0];
    assert!(at(first["moment"].as_str().unwrap()) < due);
    assert!(!list(first, "announcements_added").contains(&"soon".to_string()));
    let live = records
        .iter()
        .find(|r| r["moment"] == due_text.as_str())
        .unwrap();
    assert_eq!(list(live, "announcements_added"), ["soon"]);
    assert!(
        at(live["sent_at"].as_str().unwrap()) >= due,
        "never before its second: {live}"
    );
    assert!(www.join("announcements/soon/index.html").exists());
    assert_eq!(records.len(), 2, "{records:?}");
}

#[test]
fn the_team_is_told_once_when_publishing_starts_to_fail_and_of_what_goes_live_after() {
    let hook = crate::support::receiver::WebhookReceiver::start(200);
    let (site, www) = site();
    crate::support::publishing::add_toml(
        &site,
        &format!("\n[[notify]]\nwebhook = \"{}\"\n", hook.url("/hook")),
    );
    site.write("www/notes.txt", "not ours");
    let refused = format!("{}: refusing to replace it", www.display());
    let mut waiter = Script {
        now: at("2023-06-09T14:00:00+09:00"),
        waits: Vec::new(),
        step: Box::new(|n, until| match n {
            // The retry fails again: the team was told already.
            1 => (Woke::Due, until),
            2 => {
                std::fs::remove_dir_all(&www).unwrap();
                (Woke::Due, until)
            }
            _ => (Woke::Stop, None),
        }),
    };
    let events = watched(&site, &mut waiter);
    assert_eq!(
        events[0],
        "failed 2023-06-09T14:00:00+09:00 retry 2023-06-09T14:01:00+09:00"
    );
    assert_eq!(
        events[2],
        "failed 2023-06-09T14:01:00+09:00 retry 2023-06-09T14:02:00+09:00"
    );
    assert_eq!(events[4], "published 2023-06-09T14:02:00+09:00 Published");
    let failed: serde_json::Value = serde_json::from_str(&hook.next().body).unwrap();
    assert_eq!(failed["outcome"], "failed");
    assert_eq!(failed["moment"], "2023-06-09T14:00:00+09:00");
    assert_eq!(failed["announcements"], serde_json::json!([]));
    let error = failed["error"].as_str().unwrap();
    assert!(error.starts_with(&refused), "{error}");
    assert_eq!(
        failed["text"],
        format!(
            "[テスト事案に関する特設ページ] PUBLISHING FAILED: www did not get the site for 2023-06-09T14:00:00+09:00: {error}. Readers still see what it held before."
        )
    );
    let live: serde_json::Value = serde_json::from_str(&hook.next().body).unwrap();
    assert_eq!(live["outcome"], "published");
    assert_eq!(live["moment"], "2023-06-09T14:02:00+09:00");
    assert!(
        hook.received().is_empty(),
        "told once of the failure, once of the publish"
    );
}

#[test]
fn a_watch_of_an_unknown_target_ends_at_once() {
    let (site, _www) = site();
    let output = site
        .command(None, &["publish", "--watch", "--to", "prod"])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(1));
    assert_eq!(
        String::from_utf8_lossy(&output.stderr),
        "error: nothing was sent to prod: no `[[publish]]` target is named `prod`; expected one of `www`\n"
    );
    assert!(records(&site).is_empty());
}
