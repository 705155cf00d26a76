//! The preview shows drafts and embargoed announcements, so the state it shows (the
//! status, "last updated", the services, the key reports) can come from one. It says
//! so in the masthead and marks each such item; a build never does, even with
//! `--drafts` and `--future`.

use crate::support::TestSite;
use crate::support::preview::Preview;

/// The basic fixture, with the draft moving the status on and reporting a service,
/// and the embargoed statement filling a key report. It is also the newest
/// announcement, so "last updated" is its date, still to come at the fixture's now.
fn site_driven_by_unpublished_statements() -> TestSite {
    let site = TestSite::basic();
    site.edit(
        "content/announcements/draft.md",
        "draft = true\n",
        "draft = true\nincident_status = \"recovering\"\n\n[[services]]\nname = \"給与計算\"\nstatus = \"partial\"\n",
    );
    site.edit(
        "content/announcements/embargoed.md",
        "channel = \"ir\"\n",
        "channel = \"ir\"\nkey_report = \"committee\"\n",
    );
    site
}

#[test]
fn the_preview_marks_what_comes_from_a_draft_or_an_embargoed_statement() {
    let site = site_driven_by_unpublished_statements();
    let preview = Preview::start(&site, &["--port", "0"]);

    let home = preview.page("/");
    assert_eq!(
        home.text("#preview-note p"),
        "プレビュー：この表示には、まだ公開されていない発表（下書き 1件、公開予定 1件）が含まれています。次の表示はそれらの発表によるもので、公開中のサイトにはまだ出ていません。"
    );
    // Newest first, each with what is shown from it, in the order of the page.
    assert_eq!(
        home.texts("#preview-note li"),
        [
            "公開予定 15時に公開する適時開示：最終更新、主な報告「第三者委員会の報告」",
            "下書き 下書きの第3報：現在の状況、サービスの状況「給与計算」",
        ]
    );
    assert_eq!(
        home.attrs("#preview-note li a", "href"),
        [
            "announcements/embargoed/index.html",
            "announcements/draft/index.html"
        ]
    );
    // The items themselves.
    assert_eq!(home.text(".incident-state .status dd"), "復旧対応中 下書き");
    assert_eq!(
        home.text(".incident-state .status-since dd"),
        "2023年6月8日 09:00 下書き"
    );
    assert_eq!(
        home.text(".incident-state .last-updated dd"),
        "2023年6月9日 15:00 公開予定"
    );
    assert_eq!(home.text(".open-services .service .preview-mark"), "下書き");
    assert_eq!(home.text("#key-report-committee .preview-mark"), "公開予定");
    assert_eq!(
        home.count("#key-report-investigation .preview-mark"),
        0,
        "published"
    );
    assert_eq!(
        preview
            .page("/services/")
            .text(".service-table .preview-mark"),
        "下書き"
    );

    // Every page has the masthead, and the English one says it in English.
    let page = preview.page("/announcements/first/");
    assert_eq!(page.texts("#preview-note li").len(), 2);
    let english = preview.page("/en/");
    assert_eq!(
        english.text("#preview-note p"),
        "Preview: this view includes announcements that are not published yet (drafts: 1, embargoed: 1). What follows comes from them and is not on the published site yet."
    );
    assert_eq!(
        english.texts("#preview-note li"),
        [
            "Embargoed 15時に公開する適時開示: Last updated, Key reports “第三者委員会の報告”",
            "Draft 下書きの第3報: Current status, Service status “給与計算”",
        ]
    );
    assert_eq!(
        english.text(".incident-state .status dd"),
        "Recovering Draft"
    );
}

#[test]
fn a_build_never_marks_them_even_with_drafts_and_future() {
    let mut site = site_driven_by_unpublished_statements();
    site.drafts = true;
    site.future = true;
    site.built();
    // Built with both, the state does come from them...
    let home = site.page("index.html");
    assert_eq!(home.text(".incident-state .status dd"), "復旧対応中");
    assert_eq!(
        home.text(".incident-state .last-updated dd"),
        "2023年6月9日 15:00"
    );
    // ...and no page says a word of the preview's.
    for (path, bytes) in site.snapshot() {
        let text = String::from_utf8_lossy(&bytes);
        for mark in ["preview-note", "preview-mark", "プレビュー", "Preview"] {
            assert!(!text.contains(mark), "{}: {mark}", path.display());
        }
    }
}

#[test]
fn nothing_is_marked_when_nothing_shown_comes_from_an_unpublished_statement() {
    // The fixture's draft sets nothing the masthead shows; the embargoed statement is
    // the newest, and once its time has come "last updated" is a published date.
    let site = TestSite::basic();
    let preview = Preview::start_at(&site, "2023-06-09T15:00:00+09:00", &["--port", "0"]);
    let home = preview.page("/");
    assert_eq!(home.count("#preview-note, .preview-mark"), 0);
    assert_eq!(
        home.text(".incident-state .last-updated dd"),
        "2023年6月9日 15:00"
    );
    // The draft itself is still shown, and labelled, in the lists.
    assert_eq!(
        preview
            .page("/announcements/")
            .texts(".is-draft .draft-label"),
        ["下書き"]
    );
}

#[test]
fn serve_reads_a_now_without_offset_in_the_site_zone() {
    let site = TestSite::basic();
    // 14:59 in site.toml's +09:00: the statement of 15:00 is still embargoed. Read in
    // UTC (or the machine's zone) it would be past 23:00, long after.
    let before = Preview::start_at(&site, "2023-06-09T14:59", &["--port", "0"]);
    assert_eq!(
        before.page("/").text(".incident-state .last-updated dd"),
        "2023年6月9日 15:00 公開予定"
    );
    assert_eq!(
        before
            .page("/announcements/embargoed/")
            .count(".banner-embargo"),
        1
    );
    drop(before);
    let at = Preview::start_at(&site, "2023-06-09 15:00", &["--port", "0"]);
    assert_eq!(
        at.page("/").text(".incident-state .last-updated dd"),
        "2023年6月9日 15:00"
    );
    assert_eq!(
        at.page("/announcements/embargoed/")
            .count(".banner-embargo"),
        0
    );
}
