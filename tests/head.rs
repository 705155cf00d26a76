//! What pages say about themselves for search engines and share previews: title,
//! description, canonical URL, Open Graph and Twitter card tags, hreflang; the 404
//! pages; and standby, which keeps a prepared site out of search engines.

use crate::support::{HtmlPage, TestSite, output_path};

const BASE: &str = "https://example.jp/incident/";

fn meta(page: &HtmlPage, property: &str) -> String {
    let by_property = page.attrs(&format!("meta[property='{property}']"), "content");
    let by_name = page.attrs(&format!("meta[name='{property}']"), "content");
    let all: Vec<String> = by_property.into_iter().chain(by_name).collect();
    assert_eq!(all.len(), 1, "{}: {property}: {all:?}", page.path);
    all.into_iter().next().unwrap()
}

fn hreflang(page: &HtmlPage) -> Vec<(String, String)> {
    let langs = page.attrs("link[rel=alternate][hreflang]", "hreflang");
    let hrefs = page.attrs("link[rel=alternate][hreflang]", "href");
    langs.into_iter().zip(hrefs).collect()
}

#[test]
fn an_announcement_previews_with_its_own_title_and_summary_in_each_language() {
    let site = TestSite::basic().published_at(BASE);
    site.built();

    let ja = site.page("announcements/first/index.html");
    assert_eq!(
        ja.text("title"),
        "システム障害のお知らせ（第1報） | テスト事案に関する特設ページ"
    );
    assert_eq!(
        meta(&ja, "description"),
        "本日、システム障害が発生しました。"
    );
    assert_eq!(
        ja.attr("link[rel=canonical]", "href"),
        "https://example.jp/incident/announcements/first/"
    );
    assert_eq!(meta(&ja, "og:type"), "article");
    assert_eq!(meta(&ja, "og:title"), "システム障害のお知らせ（第1報）");
    assert_eq!(
        meta(&ja, "og:description"),
        "本日、システム障害が発生しました。"
    );
    assert_eq!(meta(&ja, "og:site_name"), "テスト事案に関する特設ページ");
    assert_eq!(meta(&ja, "og:locale"), "ja_JP");
    assert_eq!(
        meta(&ja, "og:url"),
        "https://example.jp/incident/announcements/first/"
    );
    assert_eq!(
        meta(&ja, "article:published_time"),
        "2023-06-05T10:00:00+09:00"
    );
    assert_eq!(meta(&ja, "twitter:card"), "summary");
    assert_eq!(
        meta(&ja, "twitter:title"),
        "システム障害のお知らせ（第1報）"
    );
    assert_eq!(
        meta(&ja, "twitter:description"),
        "本日、システム障害が発生しました。"
    );
    let versions = [
        ("ja", "https://example.jp/incident/announcements/first/"),
        ("en", "https://example.jp/incident/en/announcements/first/"),
        (
            "x-default",
            "https://example.jp/incident/announcements/first/",
        ),
    ]
    .map(|(l, u)| (l.to_string(), u.to_string()));
    assert_eq!(hreflang(&ja), versions);
    assert_eq!(ja.count("meta[name=robots]"), 0);

    let en = site.page("en/announcements/first/index.html");
    assert_eq!(
        en.text("title"),
        "Notice of a system failure (Update 1) | Special page on the test incident"
    );
    assert_eq!(meta(&en, "description"), "A system failure occurred today.");
    assert_eq!(meta(&en, "og:locale"), "en_US");
    assert_eq!(
        meta(&en, "og:url"),
        "https://example.jp/incident/en/announcements/first/"
    );
    assert_eq!(hreflang(&en), versions);
}

#[test]
fn the_home_page_describes_the_incident_and_its_status() {
    let site = TestSite::basic().published_at(BASE);
    site.built();
    let home = site.page("index.html");
    assert_eq!(home.text("title"), "テスト事案に関する特設ページ");
    assert_eq!(meta(&home, "og:type"), "website");
    assert_eq!(meta(&home, "og:title"), "テスト事案に関する特設ページ");
    assert_eq!(
        meta(&home, "description"),
        "テスト株式会社のテスト事案に関する特設ページです。現在の状況：対応中。発表情報、復旧状況、お問い合わせ窓口をご案内します。"
    );
    assert_eq!(meta(&home, "og:url"), BASE);
    assert_eq!(home.attr("link[rel=canonical]", "href"), BASE);

    let list = site.page("en/announcements/ir/index.html");
    assert_eq!(
        list.text("title"),
        "All announcements: IR disclosures | Special page on the test incident"
    );
    assert_eq!(
        meta(&list, "description"),
        "Every IR disclosure (timely disclosure for investors) about this incident, newest first."
    );
}

#[test]
fn a_placeholder_written_in_a_title_is_kept_as_written() {
    let site = TestSite::basic();
    site.edit(
        "site.toml",
        "organization = \"テスト株式会社\"",
        "organization = \"{title}株式会社\"",
    );
    site.edit(
        "site.toml",
        "title = \"テスト事案に関する特設ページ\"",
        "title = \"{status}の特設ページ\"",
    );
    site.built();
    assert_eq!(
        meta(&site.page("index.html"), "description"),
        "{title}株式会社の{status}の特設ページです。現在の状況：対応中。発表情報、復旧状況、お問い合わせ窓口をご案内します。"
    );
}

#[test]
fn a_page_in_one_language_only_names_no_other_version() {
    let site = TestSite::basic().published_at(BASE);
    site.built();
    let page = site.page("announcements/disclosure/index.html");
    assert!(hreflang(&page).is_empty());
    assert_eq!(page.count(".language-link"), 0);
}

#[test]
fn without_base_url_pages_have_no_absolute_addresses_but_keep_the_rest() {
    let site = TestSite::basic();
    site.built();
    let page = site.page("announcements/first/index.html");
    assert_eq!(page.count("link[rel=canonical]"), 0);
    assert_eq!(page.count("meta[property='og:url']"), 0);
    assert_eq!(meta(&page, "og:title"), "システム障害のお知らせ（第1報）");
    // Language versions are still named, by relative links that resolve.
    let versions: Vec<(String, String)> = hreflang(&page)
        .into_iter()
        .map(|(lang, href)| (lang, page.resolve(&href)))
        .collect();
    assert_eq!(
        versions,
        [
            ("ja", "announcements/first/index.html"),
            ("en", "en/announcements/first/index.html"),
            ("x-default", "announcements/first/index.html"),
        ]
        .map(|(l, p)| (l.to_string(), p.to_string()))
    );
}

/// Resolves a link of a 404 page against its `<base href>`, to an output path.
fn resolve_from_base(base: &str, href: &str) -> String {
    let base = if base.starts_with('/') {
        url::Url::parse("https://host.invalid")
            .unwrap()
            .join(base)
            .unwrap()
    } else {
        url::Url::parse(base).unwrap()
    };
    let target = base.join(href).unwrap();
    let path = target.path().trim_start_matches('/');
    output_path("", path.strip_prefix("incident/").unwrap_or(path))
}

#[test]
fn each_language_has_a_404_page_whose_links_work_from_any_address() {
    for (site, base_of) in [
        (
            TestSite::basic().published_at(BASE),
            (|path: &str| format!("{BASE}{path}")) as fn(&str) -> String,
        ),
        (TestSite::basic(), |path: &str| format!("/{path}")),
    ] {
        site.built();
        for (path, lang, heading, home, list) in [
            (
                "404.html",
                "ja",
                "ページが見つかりません",
                "index.html",
                "announcements/index.html",
            ),
            (
                "en/404.html",
                "en",
                "Page not found",
                "en/index.html",
                "en/announcements/index.html",
            ),
        ] {
            let page = site.page(path);
            assert_eq!(page.attr("html", "lang"), lang);
            assert_eq!(page.text("h1"), heading);
            assert_eq!(meta(&page, "robots"), "noindex");
            let base = page.attr("base", "href");
            assert_eq!(base, base_of(path));
            let targets: Vec<String> = page
                .attrs(".not-found-links a", "href")
                .iter()
                .map(|href| resolve_from_base(&base, href))
                .collect();
            assert_eq!(targets, [home, list], "{path}");
            for target in &targets {
                assert!(site.exists(target), "{target}");
            }
            let stylesheet = resolve_from_base(&base, &page.attr("link[rel=stylesheet]", "href"));
            assert_eq!(stylesheet, site.stylesheet());
        }
    }
}

#[test]
fn a_site_in_standby_keeps_every_page_out_of_search_engines() {
    let site = TestSite::basic().published_at(BASE);
    let config = std::fs::read_to_string(site.root().join("site.toml")).unwrap();
    site.write("site.toml", &format!("standby = true\n{config}"));
    site.built();
    let mut pages = 0;
    for (path, bytes) in site.snapshot() {
        // The banner is a fragment for another site's page, not a page.
        if path.extension().is_some_and(|e| e == "html") && !path.ends_with("banner.html") {
            let page = HtmlPage {
                path: path.display().to_string(),
                html: scraper::Html::parse_document(&String::from_utf8(bytes).unwrap()),
            };
            assert_eq!(meta(&page, "robots"), "noindex");
            pages += 1;
        }
    }
    // The fixture's 19 pages (see links.rs) but the two banners.
    assert_eq!(pages, 17);
    assert_eq!(site.read("robots.txt"), "User-agent: *\nDisallow: /\n");
    assert!(!site.exists("sitemap.xml"));

    let output = site.run(&["build"]);
    assert!(output.status.success());
    let stdout = String::from_utf8(output.stdout).unwrap();
    assert_eq!(
        stdout.lines().next().unwrap(),
        "standby: the site is not live (site.toml `standby = true`); every page says noindex and robots.txt disallows all crawlers; set `standby = false` to go live"
    );

    // Going live is one line.
    site.write("site.toml", &format!("standby = false\n{config}"));
    site.built();
    assert_eq!(site.page("index.html").count("meta[name=robots]"), 0);
    assert_eq!(
        site.read("robots.txt"),
        format!("User-agent: *\nAllow: /\n\nSitemap: {BASE}sitemap.xml\n")
    );
    assert!(site.exists("sitemap.xml"));
}

#[test]
fn standby_must_be_true_or_false() {
    let site = TestSite::basic();
    let problems = site.refused(|s| {
        let config = std::fs::read_to_string(s.root().join("site.toml")).unwrap();
        s.write("site.toml", &format!("standby = \"yes\"\n{config}"));
    });
    assert_eq!(
        problems,
        ["site.toml:1: wrong type: string \"yes\", expected true or false (without quotes)"]
    );
}
