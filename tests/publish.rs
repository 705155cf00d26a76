//! Drafts and embargoed announcements never reach the output unless asked for.

use chrono::DateTime;

use crate::support::TestSite;

/// Text that only the draft and the embargoed announcement of the basic fixture have:
/// a word of each title, and each body.
const UNPUBLISHED: [&str; 4] = ["下書き", "15時", "まだ公開しない本文", "解禁前の本文"];

/// Whether any file of the output has `text`.
fn output_has(site: &TestSite, text: &str) -> bool {
    site.snapshot()
        .values()
        .any(|bytes| String::from_utf8_lossy(bytes).contains(text))
}

#[test]
fn drafts_and_embargoed_announcements_are_left_out_by_default() {
    // Built with both, the text of each is in the output: its absence below means
    // something.
    let mut site = TestSite::basic();
    site.drafts = true;
    site.future = true;
    site.built();
    for text in UNPUBLISHED {
        assert!(output_has(&site, text), "{text}");
    }

    site.drafts = false;
    site.future = false;
    site.built();
    assert!(!site.exists("announcements/draft/index.html"));
    assert!(!site.exists("announcements/embargoed/index.html"));
    for list in [
        "index.html",
        "announcements/index.html",
        "announcements/ir/index.html",
        "announcements/pr/index.html",
    ] {
        let page = site.page(list);
        let titles = page.texts(".announcement-item .title");
        assert!(
            titles
                .iter()
                .all(|t| !t.contains("下書き") && !t.contains("15時")),
            "{list}: {titles:?}"
        );
    }
    // Nothing of their text anywhere in the output.
    for text in UNPUBLISHED {
        assert!(!output_has(&site, text), "{text}");
    }
}

#[test]
fn drafts_are_built_with_drafts_and_marked() {
    let mut site = TestSite::basic();
    site.drafts = true;
    site.built();
    let page = site.page("announcements/draft/index.html");
    assert_eq!(
        page.text("article .banner-draft"),
        "下書き / DRAFT：この発表はまだ公開されていません"
    );
    assert!(!site.exists("announcements/embargoed/index.html"));
}

#[test]
fn embargoed_announcements_are_built_with_future() {
    let mut site = TestSite::basic();
    site.future = true;
    site.built();
    assert!(site.exists("announcements/embargoed/index.html"));
    assert!(!site.exists("announcements/draft/index.html"));
}

#[test]
fn an_embargoed_announcement_is_published_once_its_time_has_come() {
    let mut site = TestSite::basic();
    site.now = DateTime::parse_from_rfc3339("2023-06-09T14:59:59+09:00").unwrap();
    site.built();
    assert!(!site.exists("announcements/embargoed/index.html"));

    site.now = DateTime::parse_from_rfc3339("2023-06-09T15:00:00+09:00").unwrap();
    site.built();
    assert!(site.exists("announcements/embargoed/index.html"));
    let home = site.page("index.html");
    assert_eq!(home.text(".last-updated dd"), "2023年6月9日 15:00");
}

#[test]
fn the_command_line_takes_drafts_future_and_now() {
    let mut site = TestSite::basic();
    let build = |site: &TestSite, args: &[&str]| {
        let out = site.run(&[&["build"], args].concat());
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
    };
    build(&site, &[]);
    assert!(!site.exists("announcements/draft/index.html"));
    assert!(!site.exists("announcements/embargoed/index.html"));

    build(&site, &["--drafts"]);
    assert!(site.exists("announcements/draft/index.html"));
    assert!(!site.exists("announcements/embargoed/index.html"));

    build(&site, &["--drafts", "--future"]);
    assert!(site.exists("announcements/draft/index.html"));
    assert!(site.exists("announcements/embargoed/index.html"));

    // --now: the embargo of 2023-06-09 15:00 JST lifts at that minute, not a second
    // earlier, whatever offset the moment is given in.
    for (now, published) in [
        ("2023-06-09T14:59:59+09:00", false),
        ("2023-06-09T15:00:00+09:00", true),
        ("2023-06-09T05:59:59Z", false),
        ("2023-06-09T06:00:00Z", true),
    ] {
        site.now = DateTime::parse_from_rfc3339(now).unwrap();
        build(&site, &[]);
        assert_eq!(
            site.exists("announcements/embargoed/index.html"),
            published,
            "--now {now}"
        );
        assert_eq!(
            site.page("announcements/index.html")
                .texts(".announcement-item .title")
                .contains(&"15時に公開する適時開示".to_string()),
            published,
            "--now {now}"
        );
    }
}

#[test]
fn now_without_an_offset_is_read_in_the_site_zone() {
    let site = TestSite::basic();
    let build_at = |now: &str| {
        let out = site.run_at(now, &["build"]);
        assert!(
            out.status.success(),
            "--now {now}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        site.exists("announcements/embargoed/index.html")
    };
    // The embargo lifts at 2023-06-09 15:00 +09:00, site.toml's zone; read in UTC (or
    // the machine's zone), 14:59 would be long after it.
    assert!(!build_at("2023-06-09T14:59"));
    assert!(build_at("2023-06-09 15:00"));
    assert!(!build_at("2023-06-09 14:59:59"));
    assert!(build_at("2023-06-09T15:00:00"));

    // Another zone in site.toml, another moment: 15:00 +09:00 is 06:00 UTC.
    site.edit(
        "site.toml",
        "timezone = \"+09:00\"",
        "timezone = \"+00:00\"",
    );
    assert!(!build_at("2023-06-09T05:59"));
    assert!(build_at("2023-06-09T06:00"));
    // An offset, where given, wins over the zone.
    assert!(!build_at("2023-06-09T14:59:00+09:00"));
}

#[test]
fn a_now_that_is_not_a_date_and_time_says_what_to_type() {
    let site = TestSite::basic();
    for (now, example) in [
        (
            "2023-06-09",
            "`2023-06-09T15:00` (read in site.toml's timezone) or `2023-06-09T15:00:00+09:00`",
        ),
        (
            "2023/06/09 15:00",
            "`2023-06-09T15:00` (read in site.toml's timezone) or `2023-06-09T15:00:00+09:00`",
        ),
        (
            "2026-11-23T25:00",
            "`2026-11-23T15:00` (read in site.toml's timezone) or `2026-11-23T15:00:00+09:00`",
        ),
    ] {
        let out = site.run_at(now, &["build"]);
        assert_eq!(out.status.code(), Some(2), "--now {now}");
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert!(
            stderr.contains(&format!(
                "`{now}` is not a date and time; type e.g. {example}"
            )),
            "--now {now}: {stderr}"
        );
        assert!(!site.out().exists(), "--now {now}: nothing is built");
    }
    // In Japanese too, the writer is told what to type, from what was typed.
    let out = site.run_at("2023/06/09 15:00", &["--messages", "ja", "build"]);
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(
        String::from_utf8_lossy(&out.stderr),
        "エラー: --now の「2023/06/09 15:00」は日時として読めません。「2023-06-09T15:00」（site.toml のタイムゾーンで読みます）や「2023-06-09T15:00:00+09:00」のように書いてください。\n"
    );
}

/// The basic fixture's first notice with a revision made and one dated after now
/// (2023-06-08 12:00): the second waits for its time.
fn with_a_revision_to_come() -> TestSite {
    let site = TestSite::basic();
    site.edit(
        "content/announcements/first.md",
        "number = 1\n",
        "number = 1\n\n[[revisions]]\nat = 2023-06-06T09:00:00+09:00\nkind = \"addendum\"\n\
         text = \"連絡先を追記しました\"\n\n[[revisions]]\nat = 2023-06-20T09:00:00+09:00\n\
         kind = \"correction\"\ntext = \"解禁前の訂正文\"\n",
    );
    site
}

#[test]
fn a_revision_dated_after_now_waits_for_its_time_and_is_not_last_updated() {
    let mut site = with_a_revision_to_come();
    site.built();
    let page = site.page("announcements/first/index.html");
    assert_eq!(
        page.texts(".revisions li"),
        ["2023年6月6日 09:00 追記 連絡先を追記しました"]
    );
    assert!(!output_has(&site, "解禁前の訂正文"));
    assert!(!output_has(&site, "2023-06-20"));
    assert_eq!(
        site.page("index.html")
            .text(".incident-state .last-updated dd"),
        "2023年6月7日 17:00"
    );

    // Its time has come.
    site.now = DateTime::parse_from_rfc3339("2023-06-20T09:00:00+09:00").unwrap();
    site.built();
    assert_eq!(
        site.page("announcements/first/index.html")
            .texts(".revisions li"),
        [
            "2023年6月20日 09:00 訂正 解禁前の訂正文",
            "2023年6月6日 09:00 追記 連絡先を追記しました",
        ]
    );
    assert_eq!(
        site.page("index.html")
            .text(".incident-state .last-updated dd"),
        "2023年6月20日 09:00"
    );
}

#[test]
fn the_preview_shows_a_revision_to_come_marked_as_embargoed() {
    let site = with_a_revision_to_come();
    let preview = crate::support::preview::Preview::start(&site, &["--port", "0"]);
    let page = preview.page("/announcements/first/index.html");
    assert_eq!(
        page.texts(".revisions li"),
        [
            "2023年6月20日 09:00 訂正 解禁前の訂正文 公開予定",
            "2023年6月6日 09:00 追記 連絡先を追記しました",
        ]
    );
    // "Last updated" is the revision's time, still to come: marked too.
    assert_eq!(
        preview.page("/").text(".incident-state .last-updated dd"),
        "2023年6月20日 09:00 公開予定"
    );
}
