//! Atom feeds: one per language of all announcements and of each channel's, parsed
//! as Atom and checked entry by entry; and how pages point readers to them.

use atom_syndication::Feed;
use chrono::DateTime;
use scraper::Html;

use crate::support::{HtmlPage, TestSite, output_path};

const BASE: &str = "https://example.jp/incident/";

fn feed(site: &TestSite, path: &str) -> Feed {
    let text = site.read(path);
    // Well-formed XML first: the Atom reader is lenient about some mistakes.
    let doc = roxmltree::Document::parse(&text).unwrap_or_else(|e| panic!("{path}: {e}"));
    assert_eq!(
        doc.root_element().tag_name().namespace(),
        Some("http://www.w3.org/2005/Atom"),
        "{path}"
    );
    Feed::read_from(text.as_bytes()).unwrap_or_else(|e| panic!("{path}: {e}"))
}

fn ids(feed: &Feed) -> Vec<String> {
    feed.entries.iter().map(|e| e.id.clone()).collect()
}

#[test]
fn the_feed_lists_every_published_announcement_newest_first_with_full_content() {
    let site = TestSite::basic().published_at(BASE);
    site.built();
    let feed = feed(&site, "feed.xml");

    assert_eq!(feed.id, format!("{BASE}feed.xml"));
    assert_eq!(feed.lang.as_deref(), Some("ja"));
    assert_eq!(
        feed.title.value,
        "発表情報（すべて） | テスト事案に関する特設ページ"
    );
    let links: Vec<(&str, &str)> = feed
        .links
        .iter()
        .map(|l| (l.rel.as_str(), l.href.as_str()))
        .collect();
    assert_eq!(
        links,
        [
            ("self", "https://example.jp/incident/feed.xml"),
            ("alternate", "https://example.jp/incident/announcements/"),
        ]
    );
    assert_eq!(feed.authors[0].name, "テスト株式会社");

    // Drafts and embargoed statements never reach a feed.
    assert_eq!(
        ids(&feed),
        [
            "https://example.jp/incident/announcements/both/",
            "https://example.jp/incident/announcements/disclosure/",
            "https://example.jp/incident/announcements/first/",
        ]
    );
    assert_eq!(
        feed.updated,
        DateTime::parse_from_rfc3339("2023-06-07T17:00:00+09:00").unwrap()
    );

    let both = &feed.entries[0];
    assert_eq!(both.title.value, "調査結果について（第2報）");
    assert_eq!(
        both.published,
        Some(DateTime::parse_from_rfc3339("2023-06-07T17:00:00+09:00").unwrap())
    );
    assert_eq!(both.updated, both.published.unwrap());
    let categories: Vec<(&str, Option<&str>)> = both
        .categories
        .iter()
        .map(|c| (c.term.as_str(), c.label.as_deref()))
        .collect();
    assert_eq!(
        categories,
        [("ir", Some("適時開示")), ("pr", Some("お知らせ"))]
    );
    assert_eq!(both.links.len(), 2);
    assert_eq!(both.links[0].rel, "alternate");
    assert_eq!(
        both.links[0].href,
        "https://example.jp/incident/announcements/both/"
    );
    // Its PDF, the same statement in the form filed and forwarded.
    assert_eq!(both.links[1].rel, "alternate");
    assert_eq!(both.links[1].mime_type.as_deref(), Some("application/pdf"));
    assert_eq!(
        both.links[1].href,
        "https://example.jp/incident/announcements/both/both.pdf"
    );

    // The full body, with the attachments, and links that resolve from xml:base.
    let content = both.content.as_ref().unwrap();
    assert_eq!(content.content_type.as_deref(), Some("html"));
    let base = url::Url::parse(content.base.as_deref().unwrap()).unwrap();
    assert_eq!(
        base.as_str(),
        "https://example.jp/incident/announcements/both/"
    );
    let html = HtmlPage {
        path: "feed.xml".to_string(),
        html: Html::parse_fragment(content.value.as_deref().unwrap()),
    };
    assert!(
        html.texts("p")
            .iter()
            .any(|p| p == "外部機関による調査が完了しました。")
    );
    let hrefs = html.attrs("a", "href");
    assert_eq!(hrefs.len(), 2, "{hrefs:?}");
    for href in hrefs {
        let target = output_path(BASE, base.join(&href).unwrap().as_str());
        assert_eq!(target, "announcements/both/report.pdf");
        assert!(site.exists(&target));
    }
    assert_eq!(html.texts("h2"), ["添付資料"]);
}

#[test]
fn each_channel_has_its_own_feed_beside_its_list() {
    let site = TestSite::basic().published_at(BASE);
    site.built();
    let ir = feed(&site, "announcements/ir/feed.xml");
    assert_eq!(
        ids(&ir),
        [
            "https://example.jp/incident/announcements/both/",
            "https://example.jp/incident/announcements/disclosure/",
        ]
    );
    assert_eq!(ir.id, format!("{BASE}announcements/ir/feed.xml"));
    assert_eq!(ir.links[1].href, format!("{BASE}announcements/ir/"));
    let pr = feed(&site, "announcements/pr/feed.xml");
    assert_eq!(
        ids(&pr),
        [
            "https://example.jp/incident/announcements/both/",
            "https://example.jp/incident/announcements/first/",
        ]
    );
    assert_eq!(
        pr.title.value,
        "発表情報：お知らせ（PR） | テスト事案に関する特設ページ"
    );
}

#[test]
fn the_english_feed_gives_untranslated_announcements_in_japanese_marked_as_such() {
    let site = TestSite::basic().published_at(BASE);
    site.built();
    let feed = feed(&site, "en/feed.xml");
    assert_eq!(feed.lang.as_deref(), Some("en"));
    assert_eq!(
        ids(&feed),
        [
            "https://example.jp/incident/en/announcements/both/",
            "https://example.jp/incident/en/announcements/disclosure/",
            "https://example.jp/incident/en/announcements/first/",
        ]
    );
    let both = &feed.entries[0];
    assert_eq!(both.title.value, "Results of the investigation (Update 2)");
    assert_eq!(both.title.lang, None);
    assert_eq!(both.categories[0].label.as_deref(), Some("IR disclosure"));

    let disclosure = &feed.entries[1];
    assert_eq!(
        disclosure.title.value,
        "特別損失の計上見込みに関するお知らせ"
    );
    assert_eq!(disclosure.title.lang.as_deref(), Some("ja"));
    let content = disclosure.content.as_ref().unwrap();
    assert_eq!(content.lang.as_deref(), Some("ja"));
    // Its link goes to the page that exists, the Japanese one.
    assert_eq!(
        disclosure.links[0].href,
        "https://example.jp/incident/announcements/disclosure/"
    );
    assert_eq!(disclosure.links[0].hreflang.as_deref(), Some("ja"));
    assert!(site.exists(&output_path(BASE, &disclosure.links[0].href)));
    assert!(site.exists("en/announcements/ir/feed.xml"));
    assert!(site.exists("en/announcements/pr/feed.xml"));
}

#[test]
fn an_amended_announcement_is_updated_at_its_amendment() {
    let site = TestSite::basic().published_at(BASE);
    site.edit(
        "content/announcements/disclosure.md",
        "channel = \"ir\"",
        "channel = \"ir\"\nupdated = 2023-06-08T09:30:00+09:00",
    );
    site.built();
    let feed = feed(&site, "feed.xml");
    let disclosure = &feed.entries[1];
    assert_eq!(
        disclosure.updated,
        DateTime::parse_from_rfc3339("2023-06-08T09:30:00+09:00").unwrap()
    );
    assert_eq!(
        disclosure.published,
        Some(DateTime::parse_from_rfc3339("2023-06-06T15:00:00+09:00").unwrap())
    );
    assert_eq!(feed.updated, disclosure.updated);
}

#[test]
fn pages_advertise_their_feeds_and_lists_show_a_subscribe_link() {
    let site = TestSite::basic().published_at(BASE);
    site.built();
    let feed_links = |page: &HtmlPage| -> Vec<String> {
        page.attrs("link[rel=alternate][type='application/atom+xml']", "href")
            .iter()
            .map(|href| page.resolve(href))
            .collect()
    };
    let home = site.page("index.html");
    assert_eq!(feed_links(&home), ["feed.xml"]);
    let announcement = site.page("en/announcements/both/index.html");
    assert_eq!(feed_links(&announcement), ["en/feed.xml"]);
    // A channel's list offers its own feed first.
    let ir = site.page("announcements/ir/index.html");
    assert_eq!(feed_links(&ir), ["announcements/ir/feed.xml", "feed.xml"]);
    assert_eq!(
        ir.attrs("link[type='application/atom+xml']", "title"),
        ["発表情報：適時開示（IR）", "発表情報（すべて）"]
    );

    for (list, feed) in [
        ("announcements/index.html", "feed.xml"),
        ("announcements/ir/index.html", "announcements/ir/feed.xml"),
        (
            "en/announcements/pr/index.html",
            "en/announcements/pr/feed.xml",
        ),
    ] {
        let page = site.page(list);
        let href = page.attr(".subscribe a", "href");
        assert_eq!(page.resolve(&href), feed, "{list}");
        assert!(site.exists(feed));
    }
    assert_eq!(
        site.page("en/announcements/index.html")
            .text(".subscribe a"),
        "Get new announcements in your feed reader (Atom)"
    );
}

#[test]
fn without_base_url_no_feed_is_written_or_advertised_and_the_build_warns_once() {
    let site = TestSite::basic();
    let summary = site.build().unwrap();
    let ids: Vec<_> = summary.warnings.iter().map(|w| w.id()).collect();
    assert_eq!(ids, [crisis_site::NO_BASE_URL]);
    for feed in ["feed.xml", "announcements/ir/feed.xml", "en/feed.xml"] {
        assert!(!site.exists(feed), "{feed}");
    }
    let list = site.page("announcements/index.html");
    assert_eq!(list.count("link[type='application/atom+xml']"), 0);
    assert_eq!(list.count(".subscribe"), 0);

    let output = site.run(&["build"]);
    assert!(output.status.success());
    let stderr = String::from_utf8(output.stderr).unwrap();
    assert_eq!(
        stderr.lines().collect::<Vec<_>>(),
        [format!("warning: {}", summary.warnings[0])]
    );
}

#[test]
fn base_url_on_the_command_line_wins_over_site_toml() {
    let site = TestSite::basic();
    site.edit(
        "site.toml",
        "timezone_name = \"JST\"",
        "timezone_name = \"JST\"\nbase_url = \"https://old.example.jp/\"",
    );
    let output = site.run(&["build"]);
    assert!(output.status.success());
    assert!(String::from_utf8(output.stderr).unwrap().is_empty());
    assert_eq!(
        feed(&site, "feed.xml").id,
        "https://old.example.jp/feed.xml"
    );

    let output = site.run(&["build", "--base-url", "https://new.example.jp/crisis"]);
    assert!(output.status.success(), "{output:?}");
    assert_eq!(
        feed(&site, "feed.xml").id,
        "https://new.example.jp/crisis/feed.xml"
    );
    assert_eq!(
        site.page("index.html").attr("link[rel=canonical]", "href"),
        "https://new.example.jp/crisis/"
    );
}

#[test]
fn a_bad_base_url_is_refused_with_what_is_expected() {
    let site = TestSite::basic();
    site.built();
    let before = site.snapshot();
    let output = site.run(&["build", "--base-url", "incident.example.jp"]);
    // A command-line error, as clap reports one (exit status 2).
    assert_eq!(output.status.code(), Some(2));
    assert_eq!(
        String::from_utf8(output.stderr).unwrap(),
        "error: invalid value 'incident.example.jp' for '--base-url <BASE_URL>': `incident.example.jp` is not an absolute URL (relative URL without a base); expected e.g. https://incident.example.jp/\n\n\
         For more information, try '--help'.\n"
    );
    assert_eq!(site.snapshot(), before);

    let problems = site.refused(|s| {
        s.edit(
            "site.toml",
            "timezone_name = \"JST\"",
            "timezone_name = \"JST\"\nbase_url = \"https://example.jp/?from=press\"",
        );
    });
    assert_eq!(
        problems,
        [
            "site.toml:6: `base_url` `https://example.jp/?from=press` has a query or fragment; expected e.g. https://incident.example.jp/ (a site address only)"
        ]
    );
}

#[test]
fn a_base_url_with_a_user_name_or_password_is_refused_without_repeating_them() {
    let site = TestSite::basic();
    let problems = site.refused_with(|s| {
        s.edit(
            "site.toml",
            "timezone_name = \"JST\"",
            "timezone_name = \"JST\"\nbase_url = \"https://press:s3cret@example.jp/incident/\"",
        );
    });
    let texts: Vec<_> = problems.iter().map(|p| p.to_string()).collect();
    assert_eq!(
        texts,
        [
            "site.toml:6: `base_url` `https://…@example.jp/incident/` holds a user name or password before `@` (left out here), which every page's canonical link, the sitemap, the feeds and the JSON would publish; expected e.g. https://incident.example.jp/ (without `user:password@`)"
        ]
    );
    assert_eq!(
        problems[0].text(crisis_site::MessageLang::Ja),
        "site.toml:6: 「base_url」の「https://…@example.jp/incident/」の「@」の前にユーザー名や\
         パスワードがあります（ここでは省いています）。このままでは全ページの正規 URL、サイトマップ、\
         フィード、JSON に公開されます。「user:password@」を除いてください。公開先のアドレスを\
         「https://incident.example.jp/」のように書いてください。"
    );

    let before = site.snapshot();
    let output = site.run(&["build", "--base-url", "https://press@example.jp/"]);
    assert_eq!(output.status.code(), Some(2));
    assert_eq!(
        String::from_utf8(output.stderr).unwrap(),
        "error: invalid value 'https://press@example.jp/' for '--base-url <BASE_URL>': `https://…@example.jp/` holds a user name or password before `@` (left out here), which every page's canonical link, the sitemap, the feeds and the JSON would publish; expected e.g. https://incident.example.jp/ (without `user:password@`)\n\n\
         For more information, try '--help'.\n"
    );
    assert_eq!(site.snapshot(), before);
}

#[test]
fn each_feed_carries_the_announcements_changed_most_recently_up_to_feed_limit() {
    let site = TestSite::basic().published_at(BASE);
    site.edit(
        "site.toml",
        "home_latest = 2",
        "home_latest = 2\nfeed_limit = 2",
    );
    site.built();
    // The two newest, as long as nothing older was amended.
    assert_eq!(
        ids(&feed(&site, "feed.xml")),
        [
            "https://example.jp/incident/announcements/both/",
            "https://example.jp/incident/announcements/disclosure/",
        ]
    );

    // An amendment brings the oldest back to subscribers, in the site's order.
    site.edit(
        "content/announcements/first.md",
        "channel = \"pr\"",
        "channel = \"pr\"\nupdated = 2023-06-08T09:30:00+09:00",
    );
    site.built();
    assert_eq!(
        ids(&feed(&site, "feed.xml")),
        [
            "https://example.jp/incident/announcements/both/",
            "https://example.jp/incident/announcements/first/",
        ]
    );
    // A channel's feed counts its own announcements, not those of all.
    assert_eq!(
        ids(&feed(&site, "announcements/ir/feed.xml")),
        [
            "https://example.jp/incident/announcements/both/",
            "https://example.jp/incident/announcements/disclosure/",
        ]
    );
    // The site keeps every announcement.
    assert_eq!(
        site.page("announcements/index.html")
            .count("ol.announcements > li"),
        3
    );
}
