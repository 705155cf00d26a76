//! What the corporate site embeds: `banner.html`, a one-line fragment it includes or
//! frames, and `status.svg`, a badge it shows as an image. One of each per language,
//! rebuilt with every build.

use crisis_site::BaseUrl;

use crate::support::{HtmlPage, TestSite};

/// The site's title in the basic fixture's site.toml.
const TITLE: &str = "テスト事案に関する特設ページ";

/// The fragment is made to be dropped into another site's page: no document of its
/// own, nothing that loads, nothing that runs, no class that needs a style sheet.
fn assert_self_contained(site: &TestSite, path: &str) {
    let text = site.read(path);
    assert!(text.len() < 2048, "{path} is {} bytes", text.len());
    for tag in [
        "<html", "<head", "<body", "<script", "<style", "<link", "<img", "<iframe",
    ] {
        assert!(!text.contains(tag), "{path} has {tag}");
    }
    let banner = site.page(path);
    assert_eq!(banner.count("script, style, link, [class], [id]"), 0);
    assert_eq!(banner.count("[onclick], [onload], [onmouseover]"), 0);
    // The styles that make it look the same everywhere are on the elements.
    assert!(banner.attr("body > div", "style").contains("border-left"));
    // One line of text: one root element, one link.
    assert_eq!(banner.count("body > *"), 1, "{path}: one root element");
    assert_eq!(banner.count("a"), 1, "{path}: one link");
    assert_eq!(banner.attr("a", "target"), "_top");
}

#[test]
fn the_banner_says_what_happened_the_status_and_the_last_update_as_one_link() {
    let site = TestSite::basic();
    site.built();
    assert_self_contained(&site, "banner.html");
    let banner = site.page("banner.html");
    assert_eq!(banner.attr("body > div", "lang"), "ja");
    assert_eq!(
        banner.text("a"),
        format!("{TITLE} 現在の状況：対応中 最終更新：2023年6月7日 17:00")
    );
    assert_eq!(banner.text("a > strong"), TITLE);
    assert_eq!(banner.text("span > strong"), "対応中");
    assert_eq!(
        banner.attr("time", "datetime"),
        "2023-06-07T17:00:00+09:00",
        "the site's last update, as the home page says it"
    );
    // Without base_url the link is relative to banner.html: it reaches the home
    // page where the banner is framed (the frame's address is banner.html's).
    let href = banner.attr("a", "href");
    assert_eq!(href, "index.html");
    assert_eq!(banner.resolve(&href), "index.html");
}

#[test]
fn each_language_has_its_banner_beside_its_home_page() {
    let site = TestSite::basic();
    site.built();
    assert_self_contained(&site, "en/banner.html");
    let banner = site.page("en/banner.html");
    assert_eq!(banner.attr("body > div", "lang"), "en");
    assert_eq!(
        banner.text("a"),
        "Special page on the test incident Current status: Responding \
         Last updated: 7 June 2023, 17:00 JST"
    );
    let href = banner.attr("a", "href");
    assert_eq!(banner.resolve(&href), "en/index.html");
    assert!(site.exists("en/index.html"));
}

#[test]
fn with_base_url_the_banner_links_to_the_site_s_address() {
    let mut site = TestSite::basic();
    site.base_url = Some(BaseUrl::parse("https://incident.example.jp/news").unwrap());
    site.built();
    assert_eq!(
        site.page("banner.html").attr("a", "href"),
        "https://incident.example.jp/news/"
    );
    assert_eq!(
        site.page("en/banner.html").attr("a", "href"),
        "https://incident.example.jp/news/en/"
    );
}

#[test]
fn a_banner_before_any_announcement_has_no_last_update() {
    let mut site = TestSite::basic();
    site.now = chrono::DateTime::parse_from_rfc3339("2023-06-01T00:00:00+09:00").unwrap();
    site.built();
    let banner = site.page("banner.html");
    assert_eq!(banner.count("time"), 0);
    assert_eq!(banner.text("a"), format!("{TITLE} 現在の状況：対応中"));
}

#[test]
fn the_example_site_s_banner_is_small() {
    let site = TestSite::example();
    site.built();
    for path in ["banner.html", "en/banner.html"] {
        assert_self_contained(&site, path);
    }
    assert_eq!(site.page("banner.html").text("span > strong"), "復旧対応中");
}

/// `status.svg` parsed as XML, as a browser loads an image.
struct Badge {
    text: String,
}

impl Badge {
    fn of(site: &TestSite, path: &str) -> Badge {
        Badge {
            text: site.read(path),
        }
    }

    fn doc(&self) -> roxmltree::Document<'_> {
        roxmltree::Document::parse(&self.text)
            .unwrap_or_else(|e| panic!("status.svg is not XML: {e}\n{}", self.text))
    }

    /// The texts drawn, left to right.
    fn texts(&self) -> Vec<String> {
        self.doc()
            .descendants()
            .filter(|n| n.has_tag_name("text"))
            .map(|n| n.text().unwrap_or_default().to_string())
            .collect()
    }

    /// An attribute of the root `<svg>`.
    fn root(&self, name: &str) -> String {
        self.doc()
            .root_element()
            .attribute(name)
            .unwrap_or_else(|| panic!("<svg> has no {name}"))
            .to_string()
    }

    fn title(&self) -> String {
        let doc = self.doc();
        let titles: Vec<_> = doc
            .root_element()
            .children()
            .filter(|n| n.has_tag_name("title"))
            .collect();
        assert_eq!(titles.len(), 1, "one <title>");
        titles[0].text().unwrap_or_default().to_string()
    }

    /// The widths of the two coloured parts, label then status.
    fn part_widths(&self) -> Vec<u32> {
        self.doc()
            .descendants()
            .filter(|n| n.has_tag_name("rect") && n.parent().is_some_and(|p| p.has_tag_name("g")))
            .map(|n| n.attribute("width").unwrap().parse().unwrap())
            .collect()
    }

    /// The `textLength` of each text, label then status.
    fn text_lengths(&self) -> Vec<u32> {
        self.doc()
            .descendants()
            .filter(|n| n.has_tag_name("text"))
            .map(|n| n.attribute("textLength").unwrap().parse().unwrap())
            .collect()
    }
}

#[test]
fn the_badge_is_a_standalone_svg_saying_label_and_status() {
    let site = TestSite::basic();
    site.built();
    let badge = Badge::of(&site, "status.svg");
    let doc = badge.doc();
    let svg = doc.root_element();
    assert!(svg.has_tag_name(("http://www.w3.org/2000/svg", "svg")));
    assert_eq!(badge.root("role"), "img");
    let description = format!("{TITLE}｜現在の状況：対応中");
    assert_eq!(badge.root("aria-label"), description);
    assert_eq!(badge.title(), description);
    assert_eq!(badge.texts(), ["状況", "対応中"]);

    // Widths follow the text: CJK characters a full em (12 px), 6 px of padding on
    // each side; the whole is the two parts.
    assert_eq!(badge.text_lengths(), [24, 36]);
    assert_eq!(badge.part_widths(), [36, 48]);
    assert_eq!(badge.root("width"), "84");
    assert_eq!(badge.root("viewBox"), "0 0 84 20");

    // No web font, no script, nothing loaded from elsewhere.
    assert!(!badge.text.contains("@font-face") && !badge.text.contains("@import"));
    assert!(!badge.text.contains("<script") && !badge.text.contains("href"));
    let family = doc
        .descendants()
        .find_map(|n| n.attribute("font-family"))
        .expect("a font-family");
    assert!(family.ends_with("sans-serif"), "{family}");
}

#[test]
fn the_badge_widens_with_its_words_and_takes_the_status_colour() {
    let site = TestSite::basic();
    site.built();
    let responding = Badge::of(&site, "status.svg");
    let english = Badge::of(&site, "en/status.svg");
    assert_eq!(english.texts(), ["Status", "Responding"]);
    assert_eq!(
        english.title(),
        "Special page on the test incident | Current status: Responding"
    );
    // ASCII letters about 0.6 em: "Responding" (10) is wider than "対応中" (3 em).
    assert_eq!(english.text_lengths(), [44, 72]);
    assert!(english.part_widths()[1] > responding.part_widths()[1]);

    site.edit(
        "site.toml",
        "status = \"responding\"",
        "status = \"resolved\"",
    );
    site.built();
    let resolved = Badge::of(&site, "status.svg");
    assert_eq!(resolved.texts(), ["状況", "収束"]);
    assert!(resolved.part_widths()[1] < responding.part_widths()[1]);
    assert!(resolved.text.contains("#1b5e20") && !resolved.text.contains("#8a4b00"));
    assert!(responding.text.contains("#8a4b00"));
    // The banner's edge takes the same colour, beside the same words.
    let banner = site.page("banner.html");
    assert!(banner.attr("body > div", "style").contains("#1b5e20"));
    assert_eq!(banner.text("span > strong"), "収束");
}

#[test]
fn titles_with_markup_characters_are_escaped_in_the_badge_and_the_banner() {
    let site = TestSite::basic();
    let title = r#"A&B <速報> 'x' "お詫び""#;
    site.edit(
        "site.toml",
        &format!("title = \"{TITLE}\""),
        &format!("title = '''{title}'''"),
    );
    site.built();

    let badge = Badge::of(&site, "status.svg");
    assert_eq!(badge.title(), format!("{title}｜現在の状況：対応中"));
    assert_eq!(
        badge.root("aria-label"),
        format!("{title}｜現在の状況：対応中")
    );
    assert!(
        badge.text.contains("A&amp;B &lt;速報&gt;"),
        "{}",
        badge.text
    );

    let banner: HtmlPage = site.page("banner.html");
    assert_eq!(banner.text("a > strong"), title);
    assert_eq!(banner.count("a *"), 5, "no element made of the title");
    assert!(site.read("banner.html").contains("A&amp;B &lt;速報&gt;"));
}
