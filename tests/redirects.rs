//! Stable URLs: site.toml's `[redirects]` writes a small page at each old path that
//! sends readers to the new one, so a renamed announcement never breaks a link
//! already quoted in the press. Every mistake is reported with site.toml's line and
//! what is expected, all together, and nothing is written.

use crisis_site::BaseUrl;

use crate::support::{HtmlPage, TestSite};

/// The basic fixture with `entries` as its `[redirects]` table; returns the line of
/// site.toml on which the first entry is.
fn with_redirects(site: &TestSite, entries: &str) -> usize {
    let path = site.root().join("site.toml");
    let text = std::fs::read_to_string(&path).unwrap();
    let first = text.lines().count() + 3;
    site.write("site.toml", &format!("{text}\n[redirects]\n{entries}"));
    first
}

/// The redirect page at `path`, with where it sends readers: the URL of its meta
/// refresh, which its visible link repeats.
fn redirect_page(site: &TestSite, path: &str) -> (HtmlPage, String) {
    let page = site.page(path);
    let refresh = page.attr("meta[http-equiv='refresh']", "content");
    let url = refresh
        .strip_prefix("0; url=")
        .unwrap_or_else(|| panic!("{path}: refresh {refresh:?}"))
        .to_string();
    for href in page.attrs("a", "href") {
        assert_eq!(href, url, "{path}: every link leads where the refresh does");
    }
    (page, url)
}

#[test]
fn an_old_path_sends_readers_to_the_new_page() {
    let site = TestSite::basic();
    with_redirects(
        &site,
        "\"announcements/old-name/\" = \"announcements/first/\"\n",
    );
    site.built();
    let (page, url) = redirect_page(&site, "announcements/old-name/index.html");
    // Relative to the old path, so it works on any host, under any sub-path and from
    // disk, and naming index.html as every link of the site does.
    assert_eq!(url, "../../announcements/first/index.html");
    assert_eq!(page.resolve(&url), "announcements/first/index.html");
    assert!(site.exists("announcements/first/index.html"));

    assert_eq!(page.attr("html", "lang"), "ja");
    assert_eq!(page.text("title"), "ページを移動しました");
    assert_eq!(page.attr("meta[name='robots']", "content"), "noindex");
    assert_eq!(page.count("link[rel='canonical']"), 0, "no base_url");
    assert_eq!(page.count("script, link[rel='stylesheet'], [onload]"), 0);
    // The link is said in every language of the site, main first.
    assert_eq!(page.attrs("p", "lang"), ["ja", "en"]);
    assert_eq!(
        page.texts("p a"),
        ["移動先のページを開く", "Open the new page"]
    );
    assert_eq!(page.count("a"), 2);
}

#[test]
fn with_base_url_the_redirect_names_its_target_as_canonical() {
    let mut site = TestSite::basic();
    site.base_url = Some(BaseUrl::parse("https://incident.example.jp/sub/").unwrap());
    with_redirects(
        &site,
        "\"/announcements/old-name\" = \"/announcements/first/\"\n",
    );
    site.built();
    let (page, url) = redirect_page(&site, "announcements/old-name/index.html");
    assert_eq!(page.resolve(&url), "announcements/first/index.html");
    assert_eq!(
        page.attr("link[rel='canonical']", "href"),
        "https://incident.example.jp/sub/announcements/first/"
    );
}

#[test]
fn old_paths_may_be_written_as_pasted_and_targets_may_name_a_part_or_a_file() {
    let site = TestSite::basic();
    with_redirects(
        &site,
        "\"/news/2023/outage\" = \"announcements/first/#今後の対応\"\n\
         \"news/report.html\" = \"announcements/both/report.pdf\"\n\
         \"/en/old/\" = \"/en/announcements/first/\"\n\
         \"ir/\" = \"https://www.example.jp/ir/\"\n",
    );
    site.built();

    let (page, url) = redirect_page(&site, "news/2023/outage/index.html");
    assert_eq!(url, "../../../announcements/first/index.html#今後の対応");
    let target = site.page(&page.resolve(&url));
    assert_eq!(target.count("[id='今後の対応']"), 1, "the part exists");

    let (page, url) = redirect_page(&site, "news/report.html");
    assert_eq!(url, "../announcements/both/report.pdf");
    assert!(site.exists(&page.resolve(&url)));

    let (page, url) = redirect_page(&site, "en/old/index.html");
    assert_eq!(page.resolve(&url), "en/announcements/first/index.html");
    assert!(site.exists("en/announcements/first/index.html"));

    let (page, url) = redirect_page(&site, "ir/index.html");
    assert_eq!(url, "https://www.example.jp/ir/");
    assert_eq!(
        page.attr("link[rel='canonical']", "href"),
        "https://www.example.jp/ir/"
    );
}

#[test]
fn a_redirect_to_an_old_path_is_followed_to_the_page_in_one_step() {
    let site = TestSite::basic();
    // `first` was renamed twice: the oldest address goes straight to the page, and
    // keeps the part it named.
    with_redirects(
        &site,
        "\"oldest/\" = \"older/#今後の対応\"\n\"older/\" = \"announcements/first/\"\n",
    );
    site.built();
    let (page, url) = redirect_page(&site, "oldest/index.html");
    assert_eq!(url, "../announcements/first/index.html#今後の対応");
    assert_eq!(page.resolve(&url), "announcements/first/index.html");
    let (page, url) = redirect_page(&site, "older/index.html");
    assert_eq!(page.resolve(&url), "announcements/first/index.html");
}

#[test]
fn the_example_site_keeps_a_renamed_announcement_s_old_address() {
    let site = TestSite::example();
    site.built();
    let (page, url) = redirect_page(
        &site,
        "announcements/2026-09-16-unauthorized-access/index.html",
    );
    let target = page.resolve(&url);
    assert_eq!(
        target,
        "announcements/2026-09-16-unauthorized-access-ransomware/index.html"
    );
    assert!(site.exists(&target));
}

// Bad input: the exact message, and nothing written.

/// Builds the basic fixture, then gives it `entries` as `[redirects]`; returns the
/// problems and the line of the first entry.
fn refused(entries: &str) -> (Vec<String>, usize) {
    let site = TestSite::basic();
    let mut first = 0;
    let problems = site.refused(|s| first = with_redirects(s, entries));
    (problems, first)
}

const FROM_EXPECTED: &str = "expected the old path of a page of the site, such as \
     \"announcements/old-slug/\" (a leading `/` is allowed; no `..`, `?` or `#`)";

const TO_EXPECTED: &str = "expected the path of a page of the site, such as \
     \"announcements/2026-09-15-new-slug/\" (a `#part` is allowed), or an https:// address";

#[test]
fn old_paths_that_are_not_pages_of_the_site() {
    let (problems, line) = refused(
        "\"https://incident.example.jp/old/\" = \"announcements/first/\"\n\
         \"../old/\" = \"announcements/first/\"\n\
         \"old/?id=3\" = \"announcements/first/\"\n\
         \"old/#top\" = \"announcements/first/\"\n\
         \"announcements/first/old.pdf\" = \"announcements/first/\"\n\
         \"\" = \"announcements/first/\"\n\
         \"javascript:alert(1)\" = \"announcements/first/\"\n",
    );
    assert_eq!(
        problems,
        [
            format!(
                "site.toml:{line}: redirect from `https://incident.example.jp/old/` is a web \
                 address, not a path of this site; {FROM_EXPECTED}"
            ),
            format!(
                "site.toml:{}: redirect from `../old/` has a `..`, a `.` or an empty part \
                 (`//`); {FROM_EXPECTED}",
                line + 1
            ),
            format!(
                "site.toml:{}: redirect from `old/?id=3` has a query (`?`), which is not part \
                 of a file's path; {FROM_EXPECTED}",
                line + 2
            ),
            format!(
                "site.toml:{}: redirect from `old/#top` has a fragment (`#`), which browsers \
                 never send to the site; {FROM_EXPECTED}",
                line + 3
            ),
            format!(
                "site.toml:{}: redirect from `announcements/first/old.pdf` names a `.pdf` \
                 file, which a redirect page cannot stand in for (a page is a folder, ending \
                 in `/`, or an `.html` file); {FROM_EXPECTED}",
                line + 4
            ),
            format!(
                "site.toml:{}: redirect from `` is empty; {FROM_EXPECTED}",
                line + 5
            ),
            format!(
                "site.toml:{}: redirect from `javascript:alert(1)` is not a path of the site; \
                 {FROM_EXPECTED}",
                line + 6
            ),
        ]
    );
}

#[test]
fn targets_that_are_neither_paths_of_the_site_nor_web_addresses() {
    let (problems, line) = refused(
        "\"a/\" = \"mailto:desk@example.jp\"\n\
         \"b/\" = \"announcements/../secret/\"\n\
         \"c/\" = \"https://\"\n\
         \"d/\" = \"announcements/first/?lang=en\"\n\
         \"e/../\" = \"\"\n",
    );
    assert_eq!(
        problems,
        [
            format!(
                "site.toml:{line}: redirect to `mailto:desk@example.jp` is not a path of the \
                 site; {TO_EXPECTED}"
            ),
            format!(
                "site.toml:{}: redirect to `announcements/../secret/` has a `..`, a `.` or an \
                 empty part (`//`); {TO_EXPECTED}",
                line + 1
            ),
            format!(
                "site.toml:{}: redirect to `https://` is not a valid web address (empty host); \
                 {TO_EXPECTED}",
                line + 2
            ),
            format!(
                "site.toml:{}: redirect to `announcements/first/?lang=en` has a query (`?`), \
                 which is not part of a file's path; {TO_EXPECTED}",
                line + 3
            ),
            // Both ends of one entry are reported, the old path first.
            format!(
                "site.toml:{}: redirect from `e/../` has a `..`, a `.` or an empty part \
                 (`//`); {FROM_EXPECTED}",
                line + 4
            ),
            format!(
                "site.toml:{}: redirect to `` is empty; {TO_EXPECTED}",
                line + 4
            ),
        ]
    );
}

#[test]
fn a_target_the_build_does_not_write() {
    let (problems, line) = refused(
        "\"old/\" = \"announcements/frist/\"\n\
         \"older/\" = \"announcements/draft/\"\n\
         \"oldest/\" = \"old/\"\n",
    );
    // A draft is not published, so not a target; a redirect to a broken redirect is
    // that one's problem, reported once.
    assert_eq!(
        problems,
        [
            format!(
                "site.toml:{line}: redirect target `announcements/frist/` is not a page of the \
                 site; expected the path of a page or file the build writes, such as \
                 announcements/SLUG/"
            ),
            format!(
                "site.toml:{}: redirect target `announcements/draft/` is not a page of the \
                 site; expected the path of a page or file the build writes, such as \
                 announcements/SLUG/",
                line + 1
            ),
        ]
    );
}

#[test]
fn an_old_path_that_is_still_a_page_or_a_file() {
    let site = TestSite::basic();
    let mut line = 0;
    let problems = site.refused(|s| {
        s.write("static/notice.html", "<p>old</p>");
        line = with_redirects(
            s,
            "\"announcements/first/\" = \"announcements/both/\"\n\
             \"/notice.html\" = \"announcements/both/\"\n\
             \"announcements/both/report.pdf/\" = \"announcements/both/\"\n",
        );
    });
    assert_eq!(
        problems,
        [
            format!(
                "site.toml:{line}: redirect from `announcements/first/` would replace a \
                 generated page at announcements/first/index.html; expected an old path that \
                 the build no longer writes (remove the redirect, or the page)"
            ),
            format!(
                "site.toml:{}: redirect from `/notice.html` would replace static/notice.html \
                 at notice.html; expected an old path that the build no longer writes (remove \
                 the redirect, or the page)",
                line + 1
            ),
            format!(
                "site.toml:{}: redirect from `announcements/both/report.pdf/` needs a folder \
                 announcements/both/report.pdf/, but the build writes \
                 content/announcements/both/report.pdf there; expected an old path that the \
                 build no longer writes",
                line + 2
            ),
        ]
    );
}

#[test]
fn one_old_path_written_twice() {
    let (problems, line) = refused(
        "\"old/\" = \"announcements/first/\"\n\
         \"/old\" = \"announcements/both/\"\n\
         \"old/index.html\" = \"announcements/both/\"\n",
    );
    assert_eq!(
        problems,
        [
            format!(
                "site.toml:{}: redirect from `/old` is the same old path as `old/` on line \
                 {line} (old/index.html); expected each old path once",
                line + 1
            ),
            format!(
                "site.toml:{}: redirect from `old/index.html` is the same old path as `old/` \
                 on line {line} (old/index.html); expected each old path once",
                line + 2
            ),
        ]
    );

    // Written identically, it is a TOML error.
    let (problems, line) =
        refused("\"old/\" = \"announcements/first/\"\n\"old/\" = \"announcements/both/\"\n");
    assert_eq!(
        problems,
        [format!(
            "site.toml:{}: this key is already set earlier in the same table; expected each \
             key once",
            line + 1
        )]
    );

    let (problems, line) = refused("\"old/\" = 3\n");
    assert_eq!(
        problems,
        [format!(
            "site.toml:{line}: wrong type: integer `3`, expected a string"
        )]
    );
}

#[test]
fn redirects_in_a_loop_and_every_other_problem_together() {
    let (problems, line) = refused(
        "\"a/\" = \"b/\"\n\
         \"b/\" = \"a/#x\"\n\
         \"c/\" = \"a/\"\n\
         \"self/\" = \"/self\"\n\
         \"announcements/\" = \"announcements/first/\"\n\
         \"gone/\" = \"announcements/gone/\"\n",
    );
    // `c/` leads into the loop without being part of it: the loop is reported on its
    // own lines only.
    assert_eq!(
        problems,
        [
            format!(
                "site.toml:{line}: redirects go round in a loop: a/ -> b/ -> a/; expected each \
                 to lead to a page the build writes"
            ),
            format!(
                "site.toml:{}: redirects go round in a loop: b/ -> a/ -> b/; expected each to \
                 lead to a page the build writes",
                line + 1
            ),
            format!(
                "site.toml:{}: redirects go round in a loop: self/ -> self/; expected each to \
                 lead to a page the build writes",
                line + 3
            ),
            format!(
                "site.toml:{}: redirect from `announcements/` would replace a generated page \
                 at announcements/index.html; expected an old path that the build no longer \
                 writes (remove the redirect, or the page)",
                line + 4
            ),
            format!(
                "site.toml:{}: redirect target `announcements/gone/` is not a page of the \
                 site; expected the path of a page or file the build writes, such as \
                 announcements/SLUG/",
                line + 5
            ),
        ]
    );
}
