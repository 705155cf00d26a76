//! English pages under en/, linked both ways with their originals.

use crate::support::TestSite;

#[test]
fn translated_announcements_get_english_pages() {
    let site = TestSite::basic();
    site.built();
    let page = site.page("en/announcements/first/index.html");
    assert_eq!(page.attr("html", "lang"), "en");
    assert_eq!(
        page.text("article h1"),
        "Notice of a system failure (Update 1)"
    );
    assert_eq!(page.text("article header .number"), "Update 1");
    assert_eq!(page.text("article header .channel"), "Notice");
    assert_eq!(
        page.text("article .published time"),
        "5 June 2023, 10:00 JST"
    );
    assert!(
        !site.exists("en/announcements/disclosure/index.html"),
        "no translation, no English page"
    );
}

#[test]
fn pages_link_to_their_other_language_version() {
    let site = TestSite::basic();
    site.built();
    let ja = site.page("announcements/first/index.html");
    let to_en = ja.attr(".language-links a[hreflang='en']", "href");
    assert_eq!(ja.resolve(&to_en), "en/announcements/first/index.html");
    assert_eq!(
        ja.resolve(&ja.attr("link[rel='alternate'][hreflang='en']", "href")),
        "en/announcements/first/index.html"
    );

    let en = site.page("en/announcements/first/index.html");
    let to_ja = en.attr(".language-links a[hreflang='ja']", "href");
    assert_eq!(en.resolve(&to_ja), "announcements/first/index.html");
    assert_eq!(en.text(".language-links a[hreflang='ja']"), "日本語");

    let untranslated = site.page("announcements/disclosure/index.html");
    assert_eq!(untranslated.count(".language-links a[hreflang]"), 0);
    assert_eq!(untranslated.count("link[rel='alternate']"), 0);
}

#[test]
fn english_home_uses_the_translated_settings_and_overview() {
    let site = TestSite::basic();
    site.built();
    let home = site.page("en/index.html");
    assert_eq!(home.text("h1"), "Special page on the test incident");
    assert_eq!(home.text(".organization"), "Test Co., Ltd.");
    assert_eq!(home.text(".status dd"), "Responding");
    assert_eq!(home.text(".last-updated dd"), "7 June 2023, 17:00 JST");
    assert_eq!(
        home.text(".overview .prose p"),
        "We confirmed unauthorized access."
    );
    assert_eq!(
        home.text("#key-report-investigation .block-title"),
        "Investigation report"
    );
    // No English words for this block: the original's are shown rather than nothing.
    assert_eq!(
        home.text("#key-report-committee .block-title"),
        "第三者委員会の報告"
    );
    assert_eq!(
        home.text("#key-report-committee .pending-label"),
        "In preparation"
    );
    assert_eq!(home.text(".contact-desk h3"), "Contact desk");
    let block = home.attr("#key-report-investigation a", "href");
    assert_eq!(home.resolve(&block), "en/announcements/both/index.html");
}

#[test]
fn english_lists_show_untranslated_announcements_in_their_original_language() {
    let site = TestSite::basic();
    site.built();
    let list = site.page("en/announcements/index.html");
    assert_eq!(list.text("h1"), "All announcements");
    let links: Vec<String> = list
        .attrs(".announcement-item .title a", "href")
        .iter()
        .map(|h| list.resolve(h))
        .collect();
    assert_eq!(
        links,
        [
            "en/announcements/both/index.html",
            "announcements/disclosure/index.html",
            "en/announcements/first/index.html"
        ]
    );
    assert_eq!(
        list.attr(".announcement-item:nth-child(2) .title a", "lang"),
        "ja"
    );
    assert_eq!(
        list.text(".announcement-item:nth-child(2) .untranslated"),
        "(Japanese only)"
    );
    assert_eq!(
        list.texts(".announcement-item:nth-child(1) .channel"),
        ["IR disclosure", "Notice"]
    );
}

#[test]
fn attachments_are_reachable_from_the_translation() {
    let site = TestSite::basic();
    site.built();
    let page = site.page("en/announcements/both/index.html");
    let href = page.attr(".prose a", "href");
    assert!(site.exists(&page.resolve(&href)), "{href}");
    assert_eq!(page.text(".attachments li a"), "report.pdf");
}

#[test]
fn a_partial_block_translation_keeps_the_original_for_the_rest() {
    let site = TestSite::basic();
    site.edit(
        "site.toml",
        "[[contacts]]",
        "[key_reports.translations.en]\ntitle = \"Third-party committee report\"\n\n[[contacts]]",
    );
    site.built();
    let home = site.page("en/index.html");
    assert_eq!(
        home.text("#key-report-committee .block-title"),
        "Third-party committee report"
    );
    assert_eq!(
        home.text("#key-report-committee .block-description"),
        "第三者委員会による検証"
    );
}
