//! Drafts and embargoed announcements never reach the output unless asked for.

use chrono::DateTime;

use crate::support::TestSite;

#[test]
fn drafts_and_embargoed_announcements_are_left_out_by_default() {
    let site = TestSite::basic();
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
    for (path, bytes) in site.snapshot() {
        let text = String::from_utf8_lossy(&bytes);
        assert!(!text.contains("まだ公開しない本文"), "{}", path.display());
        assert!(!text.contains("解禁前の本文"), "{}", path.display());
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
    let site = TestSite::basic();
    let out = site.run(&["build"]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(!site.exists("announcements/draft/index.html"));

    let out = site.run(&["build", "--drafts", "--future"]);
    assert!(out.status.success());
    assert!(site.exists("announcements/draft/index.html"));
    assert!(site.exists("announcements/embargoed/index.html"));
}
