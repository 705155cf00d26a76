//! The incident's state told by the updates: status, services, measures, the
//! timeline, revisions, corrections, the promised next update, contact desks and
//! alerts, as the `incident` fixture's announcements change them in turn.

use chrono::DateTime;

use crate::support::{HtmlPage, TestSite};

fn site() -> TestSite {
    TestSite::fixture("incident")
}

fn at(moment: &str) -> DateTime<chrono::FixedOffset> {
    DateTime::parse_from_rfc3339(moment).unwrap()
}

/// The rows of a table as lists of their cells' texts.
fn rows(page: &HtmlPage, row: &str) -> Vec<Vec<String>> {
    let selector = scraper::Selector::parse(row).unwrap();
    let cell = scraper::Selector::parse("th, td").unwrap();
    page.html
        .select(&selector)
        .map(|tr| {
            tr.select(&cell)
                .map(|c| {
                    c.text()
                        .collect::<String>()
                        .split_whitespace()
                        .collect::<Vec<_>>()
                        .join(" ")
                })
                .collect()
        })
        .collect()
}

#[test]
fn the_status_moves_on_with_the_announcements_that_change_it() {
    let site = site();
    site.built();
    let home = site.page("index.html");
    // site.toml starts at "investigating"; first moves it to responding, second to
    // recovering; third says nothing, so it stays.
    assert_eq!(home.text(".status dd"), "復旧対応中");
    assert_eq!(home.text(".status-since dd"), "2023年6月2日 17:00");
    assert_eq!(
        home.attr(".status-since time", "datetime"),
        "2023-06-02T17:00:00+09:00"
    );
    let en = site.page("en/index.html");
    assert_eq!(en.text(".status dd"), "Recovering");
    assert_eq!(en.text(".status-since dd"), "2 June 2023, 17:00 JST");
}

#[test]
fn a_draft_or_an_embargoed_update_changes_nothing_until_it_is_built() {
    let site = site();
    site.built();
    let home = site.page("index.html");
    assert_eq!(home.text(".status dd"), "復旧対応中");
    assert_eq!(home.texts(".services .counts li"), ["再開済み 2"]);
    assert_eq!(home.count(".open-services li"), 0);
    assert_eq!(home.texts(".measures-summary .count"), ["1", "1", "1"]);

    let mut with_drafts = self::site();
    with_drafts.drafts = true;
    with_drafts.built();
    let home = with_drafts.page("index.html");
    assert_eq!(home.text(".status dd"), "収束");
    assert_eq!(
        home.texts(".services .counts li"),
        ["停止中 1", "再開済み 1"]
    );
    assert_eq!(
        home.texts(".open-services strong"),
        ["給与計算"],
        "the draft stops payroll again"
    );

    let mut with_future = self::site();
    with_future.future = true;
    with_future.built();
    let home = with_future.page("index.html");
    // ログ監視の強化 is done in the embargoed update.
    assert_eq!(home.texts(".measures-summary .count"), ["2", "1", "0"]);
    let timeline = with_future.page("timeline/index.html");
    assert!(
        timeline
            .texts("td.what")
            .contains(&"未来の出来事".to_string())
    );
}

#[test]
fn the_services_table_shows_each_service_with_its_latest_status_since_when_and_where() {
    let site = site();
    site.built();
    let page = site.page("services/index.html");
    assert_eq!(
        rows(&page, ".service-table tbody tr"),
        [
            ["給与計算", "再開済み", "2023年6月5日 09:00", "第3報"],
            // Still restored in the third update, which gives no `since`: the date
            // stays the one the second gave.
            ["勤怠管理", "再開済み", "2023年6月2日", "第2報"],
        ]
    );
    assert_eq!(
        page.attrs(".service-table tbody tr", "class"),
        ["service service-restored", "service service-restored"]
    );
    assert_eq!(
        page.attrs(".service-table td.since time", "datetime")[1],
        "2023-06-02"
    );
    let links = page.attrs(".service-table td.source a", "href");
    assert_eq!(page.resolve(&links[0]), "announcements/third/index.html");
    assert_eq!(page.resolve(&links[1]), "announcements/second/index.html");
}

#[test]
fn a_status_reads_without_colour() {
    let site = site();
    site.built();
    let services = site.page("services/index.html");
    // Every status is a word, whatever the colour or icon the style sheet adds.
    assert_eq!(
        services.texts(".service-history:first-of-type td.status"),
        ["停止中", "一部再開", "再開済み"]
    );
    assert_eq!(
        services.count(".service-status .icon[aria-hidden=true]"),
        10
    );
}

#[test]
fn the_services_page_shows_each_service_s_full_history_oldest_first() {
    let site = site();
    site.built();
    let page = site.page("services/index.html");
    assert_eq!(page.texts(".service-history h2"), ["給与計算", "勤怠管理"]);
    let payroll = rows(&page, ".service-history:nth-of-type(1) tr.step");
    assert_eq!(
        payroll,
        [
            [
                "2023年6月1日 10:00",
                "停止中",
                "2023年6月1日 06:00",
                "",
                "システム障害について（第1報）"
            ],
            [
                "2023年6月2日 17:00",
                "一部再開",
                "",
                "明細の閲覧のみ",
                "一部機能の再開について（第2報）"
            ],
            [
                "2023年6月5日 17:00",
                "再開済み",
                "2023年6月5日 09:00",
                "",
                "復旧状況について（第3報）"
            ],
        ]
    );
    let links = page.attrs(".service-history:nth-of-type(1) td.source a", "href");
    let targets: Vec<String> = links.iter().map(|l| page.resolve(l)).collect();
    assert_eq!(
        targets,
        [
            "announcements/first/index.html",
            "announcements/second/index.html",
            "announcements/third/index.html"
        ]
    );
}

#[test]
fn the_english_services_page_uses_the_translated_names_and_notes() {
    let site = site();
    site.built();
    let page = site.page("en/services/index.html");
    // second.en.md translates only the first entry; the second keeps the name the
    // first update's translation gave.
    assert_eq!(page.texts(".service-history h2"), ["Payroll", "Attendance"]);
    assert_eq!(
        page.attrs(".service-history h2[lang]", "lang"),
        Vec::<String>::new()
    );
    assert_eq!(
        page.texts(".service-history:nth-of-type(1) td.note"),
        ["", "Payslips only", ""]
    );
    assert_eq!(
        page.texts(".service-history:nth-of-type(1) td.status"),
        ["Stopped", "Partially resumed", "Resumed"]
    );
    // The third update is not translated: its row links to the Japanese page.
    let links = page.attrs(".service-history:nth-of-type(1) td.source a", "href");
    assert_eq!(page.resolve(&links[0]), "en/announcements/first/index.html");
    assert_eq!(page.resolve(&links[2]), "announcements/third/index.html");
    assert_eq!(
        page.attrs(".service-history:nth-of-type(1) td.source a[lang]", "lang"),
        ["ja"]
    );
}

#[test]
fn the_measures_page_groups_done_in_progress_and_planned() {
    let site = site();
    site.built();
    let page = site.page("measures/index.html");
    assert_eq!(
        page.texts(".measure-group h2"),
        ["実施済み (1)", "実施中 (1)", "実施予定 (1)"]
    );
    assert_eq!(
        rows(&page, "#measures-done tbody tr"),
        [[
            "EDRの導入",
            "2023年6月5日 17:00",
            "",
            "復旧状況について（第3報）"
        ]]
    );
    // Unchanged in the third update: it changed when the second said so, and the
    // note is the latest report's (the third gave none).
    assert_eq!(
        rows(&page, "#measures-in_progress tbody tr"),
        [[
            "多要素認証の必須化",
            "2023年6月2日 17:00",
            "",
            "一部機能の再開について（第2報）"
        ]]
    );
    let link = page.attr("#measures-in_progress td.source a", "href");
    assert_eq!(page.resolve(&link), "announcements/second/index.html");
    assert_eq!(
        rows(&page, "#measures-planned tbody tr")[0][0],
        "ログ監視の強化"
    );

    let home = site.page("index.html");
    assert_eq!(
        home.texts(".measures-summary li"),
        ["実施済み 1", "実施中 1", "実施予定 1"]
    );
    let link = home.attr(".measures-summary .more a", "href");
    assert_eq!(home.resolve(&link), "measures/index.html");
}

#[test]
fn untranslated_measure_names_are_marked_as_japanese_on_english_pages() {
    let site = site();
    site.built();
    let page = site.page("en/measures/index.html");
    assert_eq!(page.texts("h2")[0], "Done (1)");
    assert_eq!(
        page.texts("tbody th"),
        ["EDRの導入", "多要素認証の必須化", "ログ監視の強化"]
    );
    assert_eq!(page.attrs("tbody th", "lang"), ["ja", "ja", "ja"]);
}

#[test]
fn the_timeline_merges_events_and_announcements_oldest_first() {
    let site = site();
    site.built();
    let page = site.page("timeline/index.html");
    assert_eq!(
        rows(&page, "table.timeline tbody tr"),
        [
            // A day without a time sorts at the start of its day.
            ["2023年6月1日", "警察に相談", "第2報"],
            ["2023年6月1日 06:00", "障害を検知", "第1報"],
            [
                "2023年6月1日 10:00",
                "お知らせ システム障害について（第1報）",
                "第1報"
            ],
            [
                "2023年6月2日 17:00",
                "適時開示 お知らせ 一部機能の再開について（第2報）",
                "第2報"
            ],
            ["2023年6月3日 12:00", "お知らせ 報告義務について", ""],
            [
                "2023年6月4日 12:00",
                "お知らせ 【訂正】報告義務について",
                ""
            ],
            [
                "2023年6月5日 17:00",
                "お知らせ 復旧状況について（第3報）",
                "第3報"
            ],
        ]
    );
    assert_eq!(
        page.attrs("table.timeline tbody tr", "class")[..3],
        ["row-event", "row-event", "row-announcement"]
    );
    let source = page.attrs("tr.row-event td.source a", "href");
    assert_eq!(page.resolve(&source[0]), "announcements/second/index.html");

    let en = site.page("en/timeline/index.html");
    assert_eq!(
        en.texts("tr.row-event td.what"),
        ["警察に相談", "Outage detected"]
    );
    assert_eq!(en.attrs("tr.row-event td.what", "lang"), ["ja"]);
}

#[test]
fn an_amended_announcement_shows_its_revisions_and_updated_time() {
    let site = site();
    site.built();
    let page = site.page("announcements/first/index.html");
    assert_eq!(page.text(".revisions h2"), "更新履歴");
    assert_eq!(
        page.texts(".revisions li"),
        ["2023年6月2日 09:00 追記 窓口の電話番号を追記しました。"]
    );
    assert_eq!(
        page.attr(".revisions li", "class"),
        "revision revision-addendum"
    );
    // `updated` defaults to the newest revision.
    assert_eq!(
        page.attr(".published .updated time", "datetime"),
        "2023-06-02T09:00:00+09:00"
    );
    let en = site.page("en/announcements/first/index.html");
    assert_eq!(
        en.texts(".revisions li"),
        ["2 June 2023, 09:00 JST Addendum Added the desk's phone number."]
    );

    let list = site.page("announcements/index.html");
    let first = list
        .texts(".announcement-item")
        .into_iter()
        .find(|t| t.contains("第1報）"))
        .unwrap();
    // The list says when it was updated too.
    assert_eq!(
        first,
        "2023年6月1日 10:00 更新日時: 2023年6月2日 09:00 お知らせ 第1報 システム障害について（第1報） 障害が発生しました。"
    );
}

#[test]
fn an_amendment_newer_than_every_announcement_is_the_last_update() {
    let site = site();
    site.write(
        "content/announcements/wrong.md",
        "+++\ntitle = \"報告義務について\"\ndate = 2023-06-03T12:00:00\nchannel = \"pr\"\n\
         updated = 2023-06-07T10:00:00\n\n[[revisions]]\nat = 2023-06-06T10:00:00\n\
         kind = \"correction\"\ntext = \"誤りを訂正しました。\"\n+++\n本文。\n",
    );
    site.built();
    let home = site.page("index.html");
    assert_eq!(
        home.attr(".last-updated time", "datetime"),
        "2023-06-07T10:00:00+09:00"
    );
    let page = site.page("announcements/wrong/index.html");
    assert_eq!(page.texts(".revision-kind"), ["訂正"]);
    assert_eq!(
        page.attr(".published .updated time", "datetime"),
        "2023-06-07T10:00:00+09:00"
    );
}

#[test]
fn a_corrected_statement_says_so_at_its_top_and_the_correction_links_back() {
    let site = site();
    site.built();
    let wrong = site.page("announcements/wrong/index.html");
    assert_eq!(
        wrong.text(".notice-corrected #corrected-heading"),
        "この発表は、以下の発表で訂正されました。訂正後の内容をご確認ください。"
    );
    assert_eq!(
        wrong.text(".notice-corrected li"),
        "2023年6月4日 12:00 【訂正】報告義務について"
    );
    let link = wrong.attr(".notice-corrected a", "href");
    assert_eq!(wrong.resolve(&link), "announcements/fix/index.html");
    // The notice comes before the statement itself, which is kept as it was.
    assert_eq!(wrong.text(".prose p"), "お客様に報告義務はありません。");

    let fix = site.page("announcements/fix/index.html");
    assert_eq!(
        fix.text(".notice-corrects"),
        "この発表は、次の発表の内容を訂正するものです： 2023年6月3日 12:00 報告義務について"
    );
    let back = fix.attr(".notice-corrects a", "href");
    assert_eq!(fix.resolve(&back), "announcements/wrong/index.html");
    assert_eq!(fix.count(".notice-corrected"), 0);

    let list = site.page("announcements/index.html");
    assert_eq!(list.texts(".corrected-label"), ["訂正あり"]);
    let en_list = site.page("en/announcements/index.html");
    assert_eq!(en_list.texts(".corrected-label"), ["Corrected"]);
}

#[test]
fn a_correction_still_unpublished_puts_no_notice_on_the_corrected_page() {
    let site = site();
    site.write(
        "content/announcements/fix.md",
        "+++\ntitle = \"【訂正】\"\ndate = 2023-06-09T12:00:00\nchannel = \"pr\"\n\
         corrects = \"wrong\"\n+++\n訂正。\n",
    );
    site.built();
    let wrong = site.page("announcements/wrong/index.html");
    assert_eq!(wrong.count(".notice-corrected"), 0);
    assert_eq!(
        site.page("announcements/index.html")
            .count(".corrected-label"),
        0
    );
}

#[test]
fn a_promised_update_is_shown_while_it_is_to_come() {
    let mut site = site();
    site.now = at("2023-06-06T12:00:00+09:00");
    site.built();
    let home = site.page("index.html");
    assert_eq!(home.text(".next-update h2"), "次回の発表予定");
    assert_eq!(home.count(".next-update.is-late"), 0);
    assert_eq!(
        home.attr(".next-update time", "datetime"),
        "2023-06-07T17:00:00+09:00"
    );
    let by = home.attr(".promised-in a", "href");
    assert_eq!(home.resolve(&by), "announcements/third/index.html");
}

#[test]
fn a_promise_past_its_time_with_no_newer_announcement_is_late() {
    let site = site();
    site.built();
    let home = site.page("index.html");
    assert_eq!(home.count(".next-update.is-late"), 1);
    assert_eq!(
        home.text(".next-update [role=note]"),
        "次回の発表を 2023年6月7日 17:00 に予定していましたが、まだ発表できていません。準備ができ次第お知らせします。"
    );
    let en = site.page("en/index.html");
    assert_eq!(
        en.text(".next-update [role=note]"),
        "We promised the next update for 7 June 2023, 17:00 JST and have not yet published it. We will publish it as soon as it is ready."
    );
}

#[test]
fn a_newer_announcement_keeps_a_past_promise_and_the_home_page_shows_none() {
    let site = site();
    site.write(
        "content/announcements/fourth.md",
        "+++\ntitle = \"第4報\"\ndate = 2023-06-07T16:00:00\nchannel = \"pr\"\nnumber = 4\n+++\n本文。\n",
    );
    // The third's promise (2023-06-07T17:00) has passed, but the fourth came out.
    site.built();
    assert_eq!(site.page("index.html").count(".next-update"), 0);
}

#[test]
fn contact_desks_are_open_closed_or_not_yet_open_at_build_time() {
    let site = site();
    site.built();
    let home = site.page("index.html");
    assert_eq!(
        home.attrs(".contacts .contact-desk", "class"),
        [
            "contact-desk is-open",
            "contact-desk is-upcoming",
            "contact-desk is-closed"
        ]
    );
    assert_eq!(home.text(".contacts .closed-heading"), "受付を終了した窓口");
    assert_eq!(home.text(".is-closed h3"), "臨時ダイヤル 受付終了");
    assert_eq!(
        home.text(".is-closed dl div:first-child dd"),
        "2023年6月1日 〜 2023年6月5日"
    );
    // A closed desk's number stays readable but is no longer a link to call.
    assert_eq!(home.count(".is-closed a[href^='tel:']"), 0);
    assert_eq!(
        home.attr(".is-open a[href^='tel:']", "href"),
        "tel:0120111222"
    );
    assert_eq!(home.text(".is-upcoming h3"), "個別相談窓口 受付開始前");

    // The desks are in the footer of every announcement too.
    let page = site.page("announcements/second/index.html");
    assert_eq!(page.count(".contacts .contact-desk"), 3);

    // On the last day the temporary hotline is still open.
    let mut earlier = self::site();
    earlier.now = at("2023-06-05T23:59:00+09:00");
    earlier.built();
    let home = earlier.page("index.html");
    assert_eq!(home.count(".is-open"), 2);
    assert_eq!(home.count(".closed-heading"), 0);
}

#[test]
fn alerts_show_on_every_page_while_in_force() {
    let site = site();
    site.built();
    for path in [
        "index.html",
        "announcements/index.html",
        "announcements/wrong/index.html",
        "services/index.html",
        "measures/index.html",
        "timeline/index.html",
    ] {
        let page = site.page(path);
        // The second alert ended on 2023-06-03.
        assert_eq!(
            page.texts(".alerts .alert"),
            ["当社を装った不審なメールにご注意ください。"],
            "{path}"
        );
        let link = page.attr(".alerts a", "href");
        assert_eq!(
            page.resolve(&link),
            "announcements/first/index.html",
            "{path}"
        );
    }
    let en = site.page("en/announcements/second/index.html");
    assert_eq!(
        en.texts(".alerts .alert"),
        ["Beware of e-mails pretending to be from us."]
    );
    let link = en.attr(".alerts a", "href");
    assert_eq!(en.resolve(&link), "en/announcements/first/index.html");

    let mut before = self::site();
    before.now = at("2023-06-02T12:00:00+09:00");
    before.built();
    assert_eq!(before.page("index.html").count(".alerts .alert"), 2);
}

#[test]
fn an_announcement_shows_the_services_it_reported() {
    let site = site();
    site.built();
    let page = site.page("announcements/second/index.html");
    assert_eq!(
        rows(&page, ".services-reported tbody tr"),
        [
            ["給与計算", "一部再開", "", "明細の閲覧のみ"],
            ["勤怠管理", "再開済み", "2023年6月2日", ""],
        ]
    );
    let en = site.page("en/announcements/second/index.html");
    assert_eq!(
        rows(&en, ".services-reported tbody tr"),
        [
            ["Payroll", "Partially resumed", "", "Payslips only"],
            ["勤怠管理", "Resumed", "2 June 2023", ""],
        ]
    );
}

#[test]
fn a_site_without_services_or_measures_has_no_such_pages_or_links() {
    let site = TestSite::basic();
    site.built();
    assert!(!site.exists("services/index.html"));
    assert!(!site.exists("measures/index.html"));
    assert!(site.exists("timeline/index.html"));
    let home = site.page("index.html");
    assert_eq!(home.count(".services, .measures-summary, .next-update"), 0);
    assert_eq!(
        home.texts(".site-nav li"),
        ["ホーム", "発表情報一覧", "対応経緯"]
    );
    assert_eq!(home.texts(".language-links li"), ["English"]);
}
