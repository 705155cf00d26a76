//! sitemap.xml and robots.txt: every page listed once, with its last change and its
//! other languages, and nothing listed that is not a page of the output.

use std::collections::BTreeSet;

use crate::support::{TestSite, output_path};

const BASE: &str = "https://example.jp/incident/";
const SITEMAP_NS: &str = "http://www.sitemaps.org/schemas/sitemap/0.9";
const XHTML_NS: &str = "http://www.w3.org/1999/xhtml";

/// One `<url>` of a sitemap.
#[derive(Debug)]
struct Url {
    loc: String,
    lastmod: Option<String>,
    alternates: Vec<(String, String)>,
}

fn sitemap(site: &TestSite) -> Vec<Url> {
    let text = site.read("sitemap.xml");
    let doc = roxmltree::Document::parse(&text).unwrap();
    let root = doc.root_element();
    assert_eq!(root.tag_name().name(), "urlset");
    assert_eq!(root.tag_name().namespace(), Some(SITEMAP_NS));
    root.children()
        .filter(|n| n.is_element())
        .map(|url| {
            assert_eq!(url.tag_name().name(), "url");
            let child = |name: &str| {
                url.children()
                    .find(|n| n.has_tag_name((SITEMAP_NS, name)))
                    .and_then(|n| n.text())
                    .map(str::to_string)
            };
            Url {
                loc: child("loc").expect("every url has a loc"),
                lastmod: child("lastmod"),
                alternates: url
                    .children()
                    .filter(|n| n.has_tag_name((XHTML_NS, "link")))
                    .map(|n| {
                        assert_eq!(n.attribute("rel"), Some("alternate"));
                        (
                            n.attribute("hreflang").unwrap().to_string(),
                            n.attribute("href").unwrap().to_string(),
                        )
                    })
                    .collect(),
            }
        })
        .collect()
}

fn check_sitemap_covers_every_page(site: &TestSite) -> usize {
    let urls = sitemap(site);
    let listed: Vec<String> = urls.iter().map(|u| output_path(BASE, &u.loc)).collect();
    let unique: BTreeSet<&String> = listed.iter().collect();
    assert_eq!(unique.len(), listed.len(), "a page listed twice");
    for (url, path) in urls.iter().zip(&listed) {
        assert!(site.exists(path), "{} maps to no file", url.loc);
        for (_, href) in &url.alternates {
            assert!(
                site.exists(&output_path(BASE, href)),
                "{href} maps to no file"
            );
        }
        if let Some(lastmod) = &url.lastmod {
            chrono::DateTime::parse_from_rfc3339(lastmod).unwrap();
        }
    }
    // Every page of the output is listed, but the 404 pages, the banner fragments and
    // the redirect pages left at old addresses.
    let pages: BTreeSet<String> = site
        .snapshot()
        .into_iter()
        .map(|(p, bytes)| (p.to_string_lossy().replace('\\', "/"), bytes))
        .filter(|(p, _)| p.ends_with(".html"))
        .filter(|(p, _)| !p.ends_with("404.html") && !p.ends_with("banner.html"))
        .filter(|(_, bytes)| {
            let html = scraper::Html::parse_document(std::str::from_utf8(bytes).unwrap());
            let refresh = scraper::Selector::parse("meta[http-equiv=refresh]").unwrap();
            html.select(&refresh).next().is_none()
        })
        .map(|(p, _)| p)
        .collect();
    assert_eq!(pages, listed.iter().cloned().collect::<BTreeSet<_>>());
    listed.len()
}

#[test]
fn the_sitemap_lists_every_page_with_its_last_change_and_languages() {
    let site = TestSite::basic().published_at(BASE);
    site.built();
    // Its 19 pages (see links.rs) but the two 404 pages and the two banners.
    assert_eq!(check_sitemap_covers_every_page(&site), 15);

    let urls = sitemap(&site);
    let find = |loc: &str| {
        urls.iter()
            .find(|u| u.loc == loc)
            .unwrap_or_else(|| panic!("{loc} not listed"))
    };
    let both = find("https://example.jp/incident/announcements/both/");
    assert_eq!(both.lastmod.as_deref(), Some("2023-06-07T17:00:00+09:00"));
    assert_eq!(
        both.alternates,
        [
            ("ja", "https://example.jp/incident/announcements/both/"),
            ("en", "https://example.jp/incident/en/announcements/both/"),
        ]
        .map(|(l, h)| (l.to_string(), h.to_string()))
    );
    // An untranslated announcement has no alternates; a list changes with its channel.
    let disclosure = find("https://example.jp/incident/announcements/disclosure/");
    assert!(disclosure.alternates.is_empty());
    assert_eq!(
        find("https://example.jp/incident/announcements/pr/")
            .lastmod
            .as_deref(),
        Some("2023-06-07T17:00:00+09:00")
    );
    assert_eq!(
        find(BASE).lastmod.as_deref(),
        Some("2023-06-07T17:00:00+09:00")
    );
    // Drafts and embargoed statements are not listed (built with them, they are).
    assert!(
        urls.iter()
            .all(|u| !u.loc.contains("draft") && !u.loc.contains("embargoed"))
    );
    let mut with_both = TestSite::basic().published_at(BASE);
    with_both.drafts = true;
    with_both.future = true;
    with_both.built();
    assert_eq!(check_sitemap_covers_every_page(&with_both), 17);
    let listed: Vec<String> = sitemap(&with_both)
        .into_iter()
        .map(|u| u.loc)
        .filter(|loc| loc.contains("draft") || loc.contains("embargoed"))
        .collect();
    assert_eq!(
        listed,
        [
            "https://example.jp/incident/announcements/embargoed/",
            "https://example.jp/incident/announcements/draft/",
        ]
    );

    assert_eq!(
        site.read("robots.txt"),
        "User-agent: *\nAllow: /\n\nSitemap: https://example.jp/incident/sitemap.xml\n"
    );
}

#[test]
fn the_example_site_sitemap_maps_to_its_output() {
    let site = TestSite::example().published_at(BASE);
    site.built();
    // Its 41 pages (see links.rs) but the two 404 pages, the two banners and the
    // redirect page.
    assert_eq!(check_sitemap_covers_every_page(&site), 36);
    // Its redirect page exists, and is not listed.
    let redirect = "announcements/2026-09-16-unauthorized-access/index.html";
    assert!(site.exists(redirect));
    assert!(
        sitemap(&site)
            .iter()
            .all(|u| output_path(BASE, &u.loc) != redirect)
    );
}

#[test]
fn without_base_url_there_is_no_sitemap_and_robots_txt_names_none() {
    let site = TestSite::basic();
    site.built();
    assert!(!site.exists("sitemap.xml"));
    assert_eq!(site.read("robots.txt"), "User-agent: *\nAllow: /\n");
}
