//! One page per announcement.

use crate::support::TestSite;

#[test]
fn shows_title_date_channels_number_and_body() {
    let site = TestSite::basic();
    site.built();
    let page = site.page("announcements/both/index.html");
    assert_eq!(page.text("article h1"), "調査結果について（第2報）");
    assert_eq!(
        page.texts("article header .channel"),
        ["適時開示", "お知らせ"]
    );
    assert_eq!(page.text("article header .number"), "第2報");
    assert_eq!(page.text("article header .key-report-label"), "調査報告書");
    assert_eq!(
        page.attr("article .published time", "datetime"),
        "2023-06-07T17:00:00+09:00"
    );
    assert_eq!(
        page.texts("article .prose p")[0],
        "外部機関による調査が完了しました。"
    );
    assert_eq!(
        page.text("title"),
        "調査結果について（第2報） | テスト事案に関する特設ページ"
    );
}

#[test]
fn markdown_headings_and_links_are_rendered() {
    let site = TestSite::basic();
    site.built();
    let page = site.page("announcements/first/index.html");
    assert_eq!(page.text(".prose h2"), "今後の対応");
    let href = page.attr(".prose a", "href");
    assert_eq!(page.resolve(&href), "announcements/both/index.html");
}

#[test]
fn attachments_are_copied_and_listed_with_type_and_size() {
    let site = TestSite::basic();
    site.built();
    let page = site.page("announcements/both/index.html");
    assert_eq!(page.text(".attachments li a"), "report.pdf");
    assert_eq!(page.text(".attachments .file-info"), "(PDF, 3 KB)");
    let href = page.attr(".attachments li a", "href");
    let copied = std::fs::read(site.out().join(page.resolve(&href))).unwrap();
    let original =
        std::fs::read(site.root().join("content/announcements/both/report.pdf")).unwrap();
    assert_eq!(copied, original);
}

#[test]
fn links_to_older_and_newer_announcements_and_back() {
    let site = TestSite::basic();
    site.built();
    let page = site.page("announcements/disclosure/index.html");
    assert_eq!(
        page.resolve(&page.attr(".pager a[rel='prev']", "href")),
        "announcements/first/index.html"
    );
    assert_eq!(
        page.resolve(&page.attr(".pager a[rel='next']", "href")),
        "announcements/both/index.html"
    );
    let back: Vec<String> = page
        .attrs(".pager .back a", "href")
        .iter()
        .map(|h| page.resolve(h))
        .collect();
    assert_eq!(back, ["announcements/index.html", "index.html"]);

    let oldest = site.page("announcements/first/index.html");
    assert_eq!(oldest.count(".pager a[rel='prev']"), 0);
    let newest = site.page("announcements/both/index.html");
    assert_eq!(newest.count(".pager a[rel='next']"), 0);
}

#[test]
fn a_date_without_offset_is_read_in_the_site_timezone() {
    let site = TestSite::basic();
    site.built();
    let page = site.page("announcements/disclosure/index.html");
    assert_eq!(
        page.attr("article .published time", "datetime"),
        "2023-06-06T15:00:00+09:00"
    );
}

#[test]
fn a_date_with_another_offset_is_shown_in_the_site_timezone() {
    let site = TestSite::basic();
    site.write(
        "content/announcements/disclosure.md",
        "+++\ntitle = \"t\"\ndate = 2023-06-06T06:00:00Z\nchannel = \"ir\"\n+++\n本文\n",
    );
    site.built();
    let page = site.page("announcements/disclosure/index.html");
    assert_eq!(page.text("article .published time"), "2023年6月6日 15:00");
    assert_eq!(
        page.attr("article .published time", "datetime"),
        "2023-06-06T15:00:00+09:00"
    );
}

#[test]
fn text_from_front_matter_is_escaped() {
    let site = TestSite::basic();
    site.write(
        "content/announcements/disclosure.md",
        "+++\ntitle = \"<script>alert(1)</script> & 株主\"\ndate = 2023-06-06T15:00:00+09:00\nchannel = \"ir\"\n+++\n本文\n",
    );
    site.built();
    let page = site.page("announcements/disclosure/index.html");
    assert_eq!(page.text("article h1"), "<script>alert(1)</script> & 株主");
    assert_eq!(page.count("script"), 0);
}

#[test]
fn attachments_with_japanese_names_and_spaces_link_right() {
    let site = TestSite::basic();
    site.write("content/announcements/both/調査報告書 (要約).pdf", "pdf");
    site.built();
    let page = site.page("announcements/both/index.html");
    let names = page.texts(".attachments li a");
    assert_eq!(names, ["report.pdf", "調査報告書 (要約).pdf"]);
    let hrefs = page.attrs(".attachments li a", "href");
    assert_eq!(
        hrefs[1],
        "%E8%AA%BF%E6%9F%BB%E5%A0%B1%E5%91%8A%E6%9B%B8%20%28%E8%A6%81%E7%B4%84%29.pdf"
    );
    assert!(site.exists(&page.resolve(&hrefs[1])));
}

#[test]
fn plain_raw_html_in_a_body_is_kept() {
    let site = TestSite::basic();
    site.write(
        "content/announcements/disclosure.md",
        "+++\ntitle = \"t\"\ndate = 2023-06-06T15:00:00+09:00\nchannel = \"ir\"\n+++\n<table class=\"forecast\"><tr><td>売上高</td><td>12,000</td></tr></table>\n",
    );
    site.built();
    let page = site.page("announcements/disclosure/index.html");
    assert_eq!(page.texts(".prose table.forecast td"), ["売上高", "12,000"]);
}
