//! The home page: the incident at a glance.

use chrono::DateTime;

use crate::support::TestSite;

#[test]
fn shows_organisation_title_status_and_last_update() {
    let site = TestSite::basic();
    site.built();
    let home = site.page("index.html");
    assert_eq!(home.attr("html", "lang"), "ja");
    assert_eq!(home.text(".organization"), "テスト株式会社");
    assert_eq!(home.text("h1"), "テスト事案に関する特設ページ");
    assert_eq!(home.text(".status dd"), "対応中");
    // The newest published announcement: not the draft, not the embargoed one.
    assert_eq!(home.text(".last-updated dd"), "2023年6月7日 17:00");
    assert_eq!(
        home.attr(".last-updated time", "datetime"),
        "2023-06-07T17:00:00+09:00"
    );
}

#[test]
fn shows_the_overview() {
    let site = TestSite::basic();
    site.built();
    let home = site.page("index.html");
    assert_eq!(home.text(".overview h2"), "本件の概要");
    assert_eq!(
        home.text(".overview .prose p"),
        "当社は不正アクセスを確認しました。"
    );
}

#[test]
fn key_report_blocks_link_when_filled_and_say_in_preparation_otherwise() {
    let site = TestSite::basic();
    site.built();
    let home = site.page("index.html");
    assert_eq!(home.count(".key-reports li.block"), 2);

    let filled = "#key-report-investigation";
    assert_eq!(home.text(&format!("{filled} .block-title")), "調査報告書");
    assert_eq!(
        home.text(&format!("{filled} .block-description")),
        "外部機関による調査の結果"
    );
    let href = home.attr(&format!("{filled} a"), "href");
    assert_eq!(home.resolve(&href), "announcements/both/index.html");
    assert!(site.exists("announcements/both/index.html"));

    let pending = "#key-report-committee";
    assert_eq!(home.text(&format!("{pending} .pending-label")), "準備中");
    assert_eq!(
        home.count(&format!("{pending} a")),
        0,
        "a block in preparation has no link"
    );
}

#[test]
fn a_block_whose_announcement_is_embargoed_is_still_in_preparation() {
    let site = TestSite::basic();
    site.write(
        "content/announcements/embargoed.md",
        "+++\ntitle = \"委員会報告\"\ndate = 2023-06-09T15:00:00+09:00\nchannel = \"ir\"\nkey_report = \"committee\"\n+++\n本文\n",
    );
    site.built();
    let home = site.page("index.html");
    assert_eq!(home.text("#key-report-committee .pending-label"), "準備中");
}

#[test]
fn lists_the_latest_announcements_up_to_home_latest() {
    let site = TestSite::basic();
    site.built();
    let home = site.page("index.html");
    let hrefs: Vec<String> = home
        .attrs(".latest .announcement-item .title a", "href")
        .iter()
        .map(|h| home.resolve(h))
        .collect();
    assert_eq!(
        hrefs,
        [
            "announcements/both/index.html",
            "announcements/disclosure/index.html"
        ]
    );
    assert_eq!(home.text(".latest .more a"), "すべての発表を見る (3)");
}

#[test]
fn shows_the_contact_desk() {
    let site = TestSite::basic();
    site.built();
    let home = site.page("index.html");
    assert_eq!(home.text(".contact-desk h3"), "お問い合わせ窓口");
    assert_eq!(
        home.attr(".contact-desk a[href^='tel:']", "href"),
        "tel:0120000000"
    );
    assert_eq!(
        home.attr(".contact-desk a[href^='mailto:']", "href"),
        "mailto:desk@example.jp"
    );
}

/// The `incident` fixture built at `moment`: its updates change the services in turn.
fn incident_at(moment: &str) -> TestSite {
    let mut site = TestSite::fixture("incident");
    site.now = DateTime::parse_from_rfc3339(moment).unwrap();
    site.built();
    site
}

#[test]
fn counts_services_by_status_and_lists_every_one_those_not_restored_first() {
    // After the second update only: payroll partly back, attendance restored.
    let site = incident_at("2023-06-03T00:00:00+09:00");
    let home = site.page("index.html");
    assert_eq!(home.text(".services h2"), "サービスの状況");
    assert_eq!(
        home.texts(".services .counts li"),
        ["一部再開 1", "再開済み 1"]
    );
    assert_eq!(
        home.attrs(".open-services li", "class"),
        ["service service-partial"]
    );
    assert_eq!(home.text(".open-services strong"), "給与計算");
    assert_eq!(home.text(".open-services .service-status"), "一部再開");
    assert_eq!(home.text(".open-services .note"), "明細の閲覧のみ");
    let source = home.attr(".open-services a", "href");
    assert_eq!(home.resolve(&source), "announcements/second/index.html");
    assert_eq!(home.text(".open-services a"), "第2報");
    assert_eq!(home.text(".restored-services h3"), "再開済み");
    assert_eq!(
        home.texts(".restored-services li"),
        ["勤怠管理 2023年6月2日"]
    );
    assert_eq!(
        home.count(".services table"),
        0,
        "the full table is on the services page"
    );
    let more = home.attr(".services .more a", "href");
    assert_eq!(home.resolve(&more), "services/index.html");
    assert!(site.exists("services/index.html"));

    let en = site.page("en/index.html");
    assert_eq!(en.text(".open-services strong"), "Payroll");
    assert_eq!(en.text(".open-services .note"), "Payslips only");
    // Named as the first update's translation names it.
    assert_eq!(
        en.texts(".restored-services li"),
        ["Attendance 2 June 2023"]
    );
    assert_eq!(en.count(".restored-services [lang]"), 0);
}

#[test]
fn a_restored_service_is_listed_under_its_status_with_the_day_it_came_back() {
    // After the third update everything is restored: no list of open services, and
    // both functions in the compact list under their status, in the order first
    // reported, each with the day it came back.
    let site = incident_at(crate::support::NOW);
    let home = site.page("index.html");
    assert_eq!(home.texts(".services .counts li"), ["再開済み 2"]);
    assert_eq!(home.count(".services .open-services"), 0);
    assert_eq!(
        home.texts(".restored-services .name"),
        ["給与計算", "勤怠管理"]
    );
    assert_eq!(
        home.text(".restored-services h3 .service-status.status-restored"),
        "再開済み"
    );
    assert_eq!(
        home.attrs(".restored-services time", "datetime"),
        ["2023-06-05T09:00:00+09:00", "2023-06-02"]
    );
    assert_eq!(
        home.texts(".restored-services time"),
        ["2023年6月5日 09:00", "2023年6月2日"]
    );
}

/// The `tel:` link of the basic fixture's desk with its `phone` set to `phone`, and
/// the number as shown.
fn phone_link(phone: &str) -> (Vec<String>, String) {
    let site = TestSite::basic();
    site.edit(
        "site.toml",
        "phone = \"0120-000-000\"",
        &format!("phone = \"{phone}\""),
    );
    site.built();
    let home = site.page("index.html");
    // The desk has no period: the phone is its first line.
    let shown = home.text(".contact-desk dl > div:first-child dd");
    (home.attrs(".contact-desk a[href^='tel:']", "href"), shown)
}

#[test]
fn the_tel_link_holds_only_the_number_and_its_extension() {
    for (phone, link) in [
        ("0120-000-000（平日 9:00〜18:00）", "tel:0120000000"),
        ("03-1234-5678 内線 2", "tel:0312345678;ext=2"),
        ("03-1234-5678 ext. 12", "tel:0312345678;ext=12"),
        ("０３−１２３４−５６７８", "tel:0312345678"),
        ("+81 3-1234-5678", "tel:+81312345678"),
    ] {
        let (links, shown) = phone_link(phone);
        assert_eq!(links, [link], "{phone}");
        assert_eq!(shown, phone, "the number is shown as written");
    }
}

#[test]
fn a_phone_field_that_does_not_start_with_a_number_is_shown_without_a_link() {
    let (links, shown) = phone_link("フリーダイヤル 0120-000-000");
    assert_eq!(links, Vec::<String>::new());
    assert_eq!(shown, "フリーダイヤル 0120-000-000");
}
