//! Pages of `content/pages/` (an FAQ, what to do): one page each at `NAME/`, with
//! heading anchors, a table of contents, translations and blocks on the home page.

use std::collections::BTreeSet;

use crate::support::{HtmlPage, TestSite, theme_file};

const PAGES: &str = "content/pages";

const FAQ: &str = "+++\ntitle = \"よくあるご質問\"\nupdated = 2023-06-07T18:00:00\n+++\n\
被害の状況と対応についてのご質問にお答えします。\n\n\
## 被害の範囲（6月7日時点）\n\n対象は約1万件です。\n\n\
### 個人情報は漏れましたか\n\n調査中です。\n\n\
## 補償について\n\n追ってお知らせします。\n";

const FAQ_EN: &str = "+++\ntitle = \"Frequently asked questions\"\nsummary = \"Answers about the incident.\"\n+++\n\
## Scope\n\nAbout 10,000 records.\n\n## Compensation\n\nTo follow.\n\n## Contact\n\nThe desk.\n";

const WHAT_TO_DO: &str = "+++\ntitle = \"お客様へのお願い\"\nsummary = \"パスワードを変更してください。\"\n+++\n\
## パスワードの変更\n\n変更してください。\n\n## 不審なメール\n\n開かないでください。\n";

/// The basic fixture with `content/pages/NAME` written for each of `pages`.
fn site_with(pages: &[(&str, &str)]) -> TestSite {
    let site = TestSite::basic();
    for (name, text) in pages {
        site.write(&format!("{PAGES}/{name}"), text);
    }
    site
}

/// The basic fixture with `home_pages = [...]` in site.toml (on line 7).
fn list_on_home(site: &TestSite, names: &[&str]) {
    let list: Vec<String> = names.iter().map(|n| format!("\"{n}\"")).collect();
    site.edit(
        "site.toml",
        "home_latest = 2\n",
        &format!("home_latest = 2\nhome_pages = [{}]\n", list.join(", ")),
    );
}

/// Every `id` of a page, checking that none is used twice.
fn ids(page: &HtmlPage) -> BTreeSet<String> {
    let all = page.attrs("[id]", "id");
    let unique: BTreeSet<String> = all.iter().cloned().collect();
    assert_eq!(
        unique.len(),
        all.len(),
        "{}: repeated ids in {all:?}",
        page.path
    );
    unique
}

#[test]
fn a_page_is_published_at_its_name_with_title_summary_and_update_time() {
    let site = site_with(&[("faq.md", FAQ)]);
    site.built();
    let page = site.page("faq/index.html");
    assert_eq!(page.attr("html", "lang"), "ja");
    assert_eq!(page.text("article h1"), "よくあるご質問");
    assert_eq!(
        page.text("title"),
        "よくあるご質問 | テスト事案に関する特設ページ"
    );
    // Without `summary`, the first paragraph describes the page.
    assert_eq!(
        page.attr("meta[name='description']", "content"),
        "被害の状況と対応についてのご質問にお答えします。"
    );
    assert_eq!(
        page.text("article .updated"),
        "更新日時: 2023年6月7日 18:00"
    );
    assert_eq!(
        page.attr("article .updated time", "datetime"),
        "2023-06-07T18:00:00+09:00"
    );
    let home = page.attr(".breadcrumb a", "href");
    assert_eq!(page.resolve(&home), "index.html");
    assert_eq!(page.count("script"), 0);
}

#[test]
fn a_translation_is_published_under_its_language_with_alternates_both_ways() {
    let site = site_with(&[
        ("faq.md", FAQ),
        ("faq.en.md", FAQ_EN),
        ("what-to-do.md", WHAT_TO_DO),
    ]);
    site.built();
    let en = site.page("en/faq/index.html");
    assert_eq!(en.attr("html", "lang"), "en");
    assert_eq!(en.text("article h1"), "Frequently asked questions");
    assert_eq!(
        en.attr("meta[name='description']", "content"),
        "Answers about the incident."
    );
    assert_eq!(
        en.count("article .updated"),
        0,
        "the translation has no `updated`"
    );
    assert_eq!(
        en.resolve(&en.attr("link[rel='alternate'][hreflang='ja']", "href")),
        "faq/index.html"
    );
    assert_eq!(
        en.resolve(&en.attr(".breadcrumb a", "href")),
        "en/index.html"
    );

    let ja = site.page("faq/index.html");
    assert_eq!(
        ja.resolve(&ja.attr("link[rel='alternate'][hreflang='en']", "href")),
        "en/faq/index.html"
    );
    assert_eq!(
        ja.resolve(&ja.attr(".language-links a[hreflang='en']", "href")),
        "en/faq/index.html"
    );

    let untranslated = site.page("what-to-do/index.html");
    assert_eq!(untranslated.count("link[rel='alternate']"), 0);
    assert!(!site.exists("en/what-to-do/index.html"));
}

#[test]
fn a_translated_page_alone_adds_its_language_to_the_site() {
    let site = TestSite::basic();
    site.write(
        "content/pages/faq.zh-tw.md",
        "+++\ntitle = \"常見問題\"\n+++\n本文\n",
    );
    site.write("content/pages/faq.md", FAQ);
    // The theme needs strings for every language; borrow the built-in English ones.
    site.write("i18n/zh-tw.toml", &theme_file("i18n/en.toml"));
    site.built();
    assert_eq!(
        site.page("zh-tw/faq/index.html").text("article h1"),
        "常見問題"
    );
    assert!(site.exists("zh-tw/index.html"));
}

#[test]
fn pages_are_not_announcements() {
    let newer = FAQ.replace("2023-06-07T18:00:00", "2023-06-08T11:00:00");
    let site = site_with(&[("faq.md", &newer)]);
    site.built();
    let home = site.page("index.html");
    // The page's update is newer than every announcement, but "last updated" is
    // about announcements.
    assert_eq!(
        home.attr(".last-updated time", "datetime"),
        "2023-06-07T17:00:00+09:00"
    );
    assert_eq!(home.text(".latest .more a"), "すべての発表を見る (3)");
    let list = site.page("announcements/index.html");
    let listed: Vec<String> = list
        .attrs(".announcements a", "href")
        .iter()
        .map(|h| list.resolve(h))
        .collect();
    assert!(
        !listed.contains(&"faq/index.html".to_string()),
        "{listed:?}"
    );
    assert_eq!(list.count(".announcements .announcement-item"), 3);
}

#[test]
fn headings_get_readable_unique_ids_that_never_take_the_themes() {
    let site = site_with(&[(
        "faq.md",
        "+++\ntitle = \"FAQ\"\n+++\n\
         ## 被害の範囲（6月7日時点）\n\n本文。\n\n## Q&A: what now?\n\n本文。\n\n## Q&A: what now?\n\n本文。\n\n\
         ## 補償 {#compensation}\n\n本文。\n\n## Main\n\n本文。\n\n## Latest heading\n\n本文。\n",
    )]);
    site.built();
    let page = site.page("faq/index.html");
    assert_eq!(
        page.attrs(".prose h2", "id"),
        [
            "被害の範囲6月7日時点",
            "qa-what-now",
            "qa-what-now-2",
            "compensation",
            "section",
            "section-2"
        ]
    );
    let all = ids(&page);
    assert!(
        all.contains("main") && all.contains("toc-heading"),
        "{all:?}"
    );
}

#[test]
fn announcement_and_overview_headings_get_ids_too() {
    let site = TestSite::basic();
    site.write(
        "content/_index.md",
        "## 概要\n\n本文。\n\n## Key report: investigation\n\n本文。\n",
    );
    site.built();
    let announcement = site.page("announcements/first/index.html");
    assert_eq!(announcement.attr(".prose h2", "id"), "今後の対応");
    let home = site.page("index.html");
    // `key-report-investigation` is the block of the same name on this page.
    assert_eq!(home.attrs(".overview .prose h2", "id"), ["概要", "section"]);
    ids(&home);
}

#[test]
fn three_headings_give_a_table_of_contents_linking_to_them() {
    let site = site_with(&[("faq.md", FAQ)]);
    site.built();
    let page = site.page("faq/index.html");
    assert_eq!(page.text(".toc h2"), "目次");
    assert_eq!(
        page.texts(".toc > ol > li > a"),
        ["被害の範囲（6月7日時点）", "補償について"]
    );
    assert_eq!(
        page.texts(".toc > ol > li > ol > li > a"),
        ["個人情報は漏れましたか"]
    );
    let all = ids(&page);
    let hrefs = page.attrs(".toc a", "href");
    assert_eq!(hrefs.len(), 3);
    for href in hrefs {
        let id = href.strip_prefix('#').expect("a link within the page");
        assert!(all.contains(id), "{href} has no target among {all:?}");
    }
    // The table of contents comes before the body.
    assert_eq!(page.count("article > .toc + .prose"), 1);
}

#[test]
fn two_headings_give_no_table_of_contents_and_announcements_never_have_one() {
    let site = site_with(&[("what-to-do.md", WHAT_TO_DO)]);
    site.write(
        "content/announcements/disclosure.md",
        "+++\ntitle = \"t\"\ndate = 2023-06-06T15:00:00+09:00\nchannel = \"ir\"\n+++\n## a\n\nA.\n\n## b\n\nB.\n\n## c\n\nC.\n",
    );
    site.built();
    assert_eq!(site.page("what-to-do/index.html").count(".toc"), 0);
    assert_eq!(
        site.page("announcements/disclosure/index.html")
            .count(".toc"),
        0
    );
}

#[test]
fn home_pages_are_blocks_on_the_home_page_in_the_order_listed() {
    let site = site_with(&[
        ("faq.md", FAQ),
        ("faq.en.md", FAQ_EN),
        ("what-to-do.md", WHAT_TO_DO),
    ]);
    list_on_home(&site, &["what-to-do", "faq"]);
    site.built();

    let ja = site.page("index.html");
    assert_eq!(ja.text(".home-pages h2"), "ご案内");
    assert_eq!(
        ja.texts(".home-pages .block-title"),
        ["お客様へのお願い", "よくあるご質問"]
    );
    assert_eq!(
        ja.texts(".home-pages .block-description"),
        [
            "パスワードを変更してください。",
            "被害の状況と対応についてのご質問にお答えします。"
        ]
    );
    let hrefs: Vec<String> = ja
        .attrs(".home-pages a", "href")
        .iter()
        .map(|h| ja.resolve(h))
        .collect();
    assert_eq!(hrefs, ["what-to-do/index.html", "faq/index.html"]);
    assert_eq!(ja.count(".home-pages [lang], .home-pages [hreflang]"), 0);
    assert_eq!(
        ja.text(".home-pages .block-date"),
        "更新日時: 2023年6月7日 18:00"
    );

    let en = site.page("en/index.html");
    assert_eq!(
        en.texts(".home-pages .block-title"),
        ["お客様へのお願い", "Frequently asked questions"]
    );
    let hrefs: Vec<String> = en
        .attrs(".home-pages a", "href")
        .iter()
        .map(|h| en.resolve(h))
        .collect();
    // No English version of what-to-do: the Japanese one, marked as such.
    assert_eq!(hrefs, ["what-to-do/index.html", "en/faq/index.html"]);
    assert_eq!(en.attrs(".home-pages a", "hreflang"), ["ja"]);
    assert_eq!(en.attrs(".home-pages .block-title", "lang"), ["ja"]);
    assert_eq!(en.text(".home-pages .untranslated"), "(Japanese only)");
}

#[test]
fn without_home_pages_the_home_page_has_no_such_section() {
    let site = site_with(&[("faq.md", FAQ)]);
    site.built();
    assert_eq!(site.page("index.html").count(".home-pages"), 0);
}

/// The problems of a site with an FAQ broken by `change` (see [`TestSite::refused`]).
fn refused(change: impl FnOnce(&TestSite)) -> Vec<String> {
    site_with(&[("faq.md", FAQ), ("faq.en.md", FAQ_EN)]).refused(change)
}

const NOT_NAMES: &str = "expected another name (not `announcements`, `services`, `measures`, \
     `timeline`, `api`, `assets`, nor a language code of the site)";

#[test]
fn a_name_the_site_uses_for_its_own_folders_is_refused() {
    let problems = refused(|s| {
        s.write(&format!("{PAGES}/announcements.md"), FAQ);
        s.write(&format!("{PAGES}/timeline.md"), FAQ);
        s.write(&format!("{PAGES}/en.md"), FAQ);
    });
    assert_eq!(
        problems,
        [
            format!(
                "{PAGES}/announcements.md: page name `announcements` would be published at \
                 announcements/, which is the site's own folder; {NOT_NAMES}"
            ),
            format!(
                "{PAGES}/en.md: page name `en` would be published at en/, which is the folder \
                 of the site's pages in that language; {NOT_NAMES}"
            ),
            format!(
                "{PAGES}/timeline.md: page name `timeline` would be published at timeline/, \
                 which is the site's own folder; {NOT_NAMES}"
            ),
        ]
    );
}

#[test]
fn a_name_that_cannot_be_a_url_is_refused() {
    let problems = refused(|s| {
        s.write(&format!("{PAGES}/よくある質問.md"), FAQ);
    });
    assert_eq!(
        problems,
        [format!(
            "{PAGES}/よくある質問.md: `よくある質問` cannot be a page name (the page's URL); \
             expected lowercase letters a-z, digits, `-` and `_`, such as `faq`"
        )]
    );
}

#[test]
fn a_translation_without_its_original_is_refused() {
    let problems = refused(|s| {
        s.write(
            &format!("{PAGES}/ghost.en.md"),
            "+++\ntitle = \"Ghost\"\n+++\n",
        );
    });
    assert_eq!(
        problems,
        [format!(
            "{PAGES}/ghost.en.md: translation with no original; expected {PAGES}/ghost.md in \
             the site's main language (ja)"
        )]
    );
}

#[test]
fn bad_front_matter_is_refused_with_every_problem_of_the_file() {
    let problems = refused(|s| {
        s.write(
            &format!("{PAGES}/faq.md"),
            "+++\ntitle = \"\"\nupdated = 2023-06-07\n+++\n本文\n",
        );
        s.write(
            &format!("{PAGES}/faq.en.md"),
            "+++\ntitle = \"FAQ\"\ndraft = true\n+++\n",
        );
        s.write(&format!("{PAGES}/what-to-do.md"), "## お願い\n");
    });
    assert_eq!(
        problems,
        [
            format!(
                "{PAGES}/faq.en.md:3: unknown key `draft`; expected one of `title`, `summary` or `updated`"
            ),
            format!("{PAGES}/faq.md:2: `title` is empty; expected the title"),
            format!(
                "{PAGES}/faq.md:3: `updated`: `2023-06-07` has no time of day; expected an RFC 3339 \
                 date-time such as 2023-06-06T17:00:00+09:00 (without the offset, the site's \
                 timezone is used)"
            ),
            format!(
                "{PAGES}/what-to-do.md:1: missing front matter; expected the file to start with a \
                 `+++` line, then title = \"…\", then a closing `+++` line"
            ),
        ]
    );
}

#[test]
fn a_heading_id_the_theme_uses_or_one_used_twice_is_refused() {
    let problems = refused(|s| {
        s.write(
            &format!("{PAGES}/faq.md"),
            "+++\ntitle = \"FAQ\"\n+++\n## 概要 {#main}\n\n## A {#a}\n\n## B {#a}\n",
        );
    });
    assert_eq!(
        problems,
        [
            format!(
                "{PAGES}/faq.md:4: heading id `main` is one the theme uses for its own elements \
                 (`main`, `…-heading`, `key-report-…`); expected another id"
            ),
            format!(
                "{PAGES}/faq.md:8: heading id `a` is used by an earlier heading; expected each id once"
            ),
        ]
    );
}

#[test]
fn an_unknown_home_page_is_refused_with_a_suggestion() {
    let problems = refused(|s| {
        list_on_home(s, &["faqs", "faq", "faq", "zzzzzzzzz"]);
    });
    assert_eq!(
        problems,
        [
            // Problems on one line come in the order of their messages.
            "site.toml:7: `home_pages` lists `faq` twice; expected each page once".to_string(),
            format!(
                "site.toml:7: `home_pages`: there is no page `faqs` in {PAGES}/; did you mean `faq`?"
            ),
            format!(
                "site.toml:7: `home_pages`: there is no page `zzzzzzzzz` in {PAGES}/; expected one of `faq`"
            ),
        ]
    );
}

#[test]
fn a_listed_page_with_problems_of_its_own_is_not_also_unknown() {
    let problems = refused(|s| {
        list_on_home(s, &["faq"]);
        s.write(&format!("{PAGES}/faq.md"), "+++\ntitle = \" \"\n+++\n");
    });
    assert_eq!(
        problems,
        [format!(
            "{PAGES}/faq.md:2: `title` is empty; expected the title"
        )]
    );
}

#[test]
fn anything_but_page_files_in_content_pages_is_refused() {
    let problems = refused(|s| {
        s.write(&format!("{PAGES}/notes.txt"), "メモ");
        s.write(&format!("{PAGES}/guide/index.md"), FAQ);
        s.write(&format!("{PAGES}/.hidden"), "ignored like elsewhere");
        s.write("content/contact.md", FAQ);
    });
    assert_eq!(
        problems,
        [
            "content/contact.md: not part of the site; announcements go in content/announcements/, \
             pages in content/pages/, the overview in content/_index.md"
                .to_string(),
            format!(
                "{PAGES}/guide: not a page; expected NAME.md, or NAME.LANG.md for a translation \
                 (pages have no folders or attachments)"
            ),
            format!(
                "{PAGES}/notes.txt: not a page; expected NAME.md, or NAME.LANG.md for a translation \
                 (pages have no folders or attachments)"
            ),
        ]
    );
}
