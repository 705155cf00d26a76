//! The home page: the incident at a glance.

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
