//! Every internal link of the output points to a file that exists; pages carry no
//! script.

use crate::support::{Page, TestSite};
use scraper::Html;

fn pages(site: &TestSite) -> Vec<Page> {
    site.snapshot()
        .into_iter()
        .filter(|(path, _)| path.extension().is_some_and(|e| e == "html"))
        .map(|(path, bytes)| Page {
            path: path.to_string_lossy().replace('\\', "/"),
            html: Html::parse_document(&String::from_utf8(bytes).unwrap()),
        })
        .collect()
}

fn check_links(site: &TestSite) -> usize {
    let mut checked = 0;
    for page in pages(site) {
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
    checked
}

#[test]
fn every_relative_link_resolves_to_a_file() {
    let mut site = TestSite::basic();
    assert!(check_links(site.built()) > 50);
    site.drafts = true;
    site.future = true;
    check_links(site.built());
}

#[test]
fn the_example_site_builds_and_its_links_resolve() {
    let site = TestSite::example();
    site.built();
    assert!(check_links(&site) > 100);
    let home = site.page("index.html");
    assert!(home.count(".key-reports .block") >= 3);
    assert!(
        home.count(".key-reports .is-pending") >= 1,
        "the example shows a block in preparation"
    );
}

#[test]
fn published_pages_have_no_script() {
    let site = TestSite::basic();
    site.built();
    for page in pages(&site) {
        assert_eq!(page.count("script"), 0, "{}", page.path);
        assert_eq!(page.count("[onclick], [onload]"), 0, "{}", page.path);
    }
}
