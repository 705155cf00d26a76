//! Every internal link of the output points to a file that exists; pages carry no
//! script.

use crate::support::{HtmlPage, TestSite};
use scraper::Html;

fn pages(site: &TestSite) -> Vec<HtmlPage> {
    site.snapshot()
        .into_iter()
        .filter(|(path, _)| path.extension().is_some_and(|e| e == "html"))
        .map(|(path, bytes)| HtmlPage {
            path: path.to_string_lossy().replace('\\', "/"),
            html: Html::parse_document(&String::from_utf8(bytes).unwrap()),
        })
        .collect()
}

/// Checks every link of every page; returns how many pages and links it checked.
fn check_links(site: &TestSite) -> (usize, usize) {
    let pages = pages(site);
    let mut checked = 0;
    for page in &pages {
        for attr in ["href", "src"] {
            // A 404 page's <base> is checked by the not-found tests.
            for link in page.attrs(&format!("[{attr}]:not(base)"), attr) {
                if link.starts_with("mailto:") || link.starts_with("tel:") || link.contains("://") {
                    continue;
                }
                assert!(
                    !link.starts_with('/'),
                    "{}: absolute path {link}",
                    page.path
                );
                if let Some(anchor) = link.strip_prefix('#') {
                    assert_eq!(
                        page.count(&format!("[id='{anchor}']")),
                        1,
                        "{}: no anchor {link}",
                        page.path
                    );
                    checked += 1;
                    continue;
                }
                let target = page.resolve(&link);
                assert!(
                    site.exists(&target),
                    "{}: {link} -> {target} does not exist",
                    page.path
                );
                checked += 1;
            }
        }
    }
    (pages.len(), checked)
}

// The counts below are of the output as it is: the pages follow from the fixtures,
// the links from the theme's templates, so a change that adds or drops links changes
// them on purpose, and a check that silently stopped seeing a kind of link fails.

#[test]
fn every_relative_link_resolves_to_a_file() {
    let mut site = TestSite::basic();
    // In each language the home page, the three lists, the timeline, 404.html and
    // banner.html, and the announcements: three in Japanese, two of them translated.
    assert_eq!(check_links(site.built()), (19, 254));
    // With the draft and the embargoed announcement, in Japanese only: two pages
    // more, with their own links and the lists' links to them.
    site.drafts = true;
    site.future = true;
    assert_eq!(check_links(site.built()), (21, 292));
}

#[test]
fn the_example_site_builds_and_its_links_resolve() {
    let site = TestSite::example();
    site.built();
    // In each language the home page, the three lists, services, measures, timeline,
    // the two guide pages, 404.html, banner.html and the nine announcements that are
    // not drafts (all translated); in Japanese also the redirect page left at an old
    // address.
    assert_eq!(check_links(&site), (41, 884));
    // site.toml declares four key reports; three announcements fill one each, and the
    // expert committee's is in preparation.
    let home = site.page("index.html");
    assert_eq!(
        home.attrs(".key-reports .block", "id"),
        [
            "key-report-service-status",
            "key-report-forensic-report",
            "key-report-expert-committee",
            "key-report-prevention-measures",
        ]
    );
    assert_eq!(
        home.attrs(".key-reports .is-pending", "id"),
        ["key-report-expert-committee"],
        "the example shows a block in preparation"
    );
}

#[test]
fn published_pages_have_no_script() {
    let site = TestSite::basic();
    site.built();
    let pages = pages(&site);
    assert_eq!(pages.len(), 19, "every page of the output is looked at");
    for page in pages {
        assert_eq!(page.count("script"), 0, "{}", page.path);
        assert_eq!(page.count("[onclick], [onload]"), 0, "{}", page.path);
    }
}
