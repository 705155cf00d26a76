//! The build writes each file as soon as it is made, and makes what every page
//! shares once: its output is file for file and byte for byte what the same site
//! made in memory holds (the preview's and `publish`'s way), and a team's own
//! `base.html` or `partials/masthead.html` still makes a correct site.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use crisis_site::{Body, Cache, Rule};

use crate::support::TestSite;
use crate::support::check::{check, of};

/// Every file of `site` made in memory, as the preview serves it, by output path.
fn in_memory(site: &TestSite) -> BTreeMap<PathBuf, Vec<u8>> {
    let options = site.options();
    let rendered = crisis_site::render(&options.root, &options.publish, &Cache::none()).unwrap();
    rendered
        .files
        .iter()
        .map(|file| {
            let bytes = match &file.body {
                Body::Text(text) => text.as_bytes().to_vec(),
                Body::Pdf(pdf) => pdf.bytes.to_vec(),
                Body::BuiltIn { text, .. } => text.as_bytes().to_vec(),
                Body::Copy { source, .. } => std::fs::read(source).unwrap(),
            };
            (PathBuf::from(&file.path), bytes)
        })
        .collect()
}

/// Builds `site` and asserts its output is what [`in_memory`] makes, but the marker.
fn assert_streamed_is_in_memory(site: &TestSite) {
    site.built();
    let mut written = site.snapshot();
    assert!(
        written
            .remove(Path::new(crisis_site::OUTPUT_MARKER))
            .is_some()
    );
    let made = in_memory(site);
    assert_eq!(
        written.keys().collect::<Vec<_>>(),
        made.keys().collect::<Vec<_>>()
    );
    for (path, bytes) in &made {
        assert!(written[path] == *bytes, "{} differs", path.display());
    }
}

#[test]
fn the_example_site_is_written_byte_for_byte_as_it_is_made_in_memory() {
    assert_streamed_is_in_memory(&TestSite::example());
}

#[test]
fn a_site_with_translations_attachments_and_redirects_is_written_as_made_in_memory() {
    let site = TestSite::basic();
    site.edit(
        "site.toml",
        "home_latest = 2\n",
        "home_latest = 2\n\n[redirects]\n\"old/index.html\" = \"announcements/first/\"\n",
    );
    assert_streamed_is_in_memory(&site);
    assert!(site.exists("old/index.html"));
}

/// A team's own base.html of the shape a theme had before the shared parts: the
/// masthead written in it from `site`, the language links from `alternates`.
const OWN_BASE: &str = r#"<!DOCTYPE html>
<html lang="{{ lang }}">
<head><meta charset="utf-8"><title>{{ site.title }}</title>
<link rel="stylesheet" href="{{ site.stylesheet_url }}"></head>
<body>
<header class="team"><a class="team-home" href="{{ site.home_url }}">{{ site.title }}</a>
<span class="team-status">{{ site.status.label }}</span>
{%- for alternate in alternates %}
<a class="team-language" hreflang="{{ alternate.lang }}" href="{{ alternate.url }}">{{ alternate.name }}</a>
{%- endfor %}
<a class="team-list" href="{{ site.announcements_url }}">{{ t.all_announcements }}</a></header>
<main id="main">{% block main %}{% endblock main %}</main>
</body>
</html>
"#;

#[test]
fn a_teams_own_base_html_without_the_shared_parts_still_makes_a_correct_site() {
    let site = TestSite::basic();
    site.write("templates/base.html", OWN_BASE);
    site.built();
    for (path, home) in [
        ("index.html", "index.html"),
        ("announcements/first/index.html", "index.html"),
        ("en/announcements/first/index.html", "en/index.html"),
    ] {
        let page = site.page(path);
        assert_eq!(page.count("header.team"), 1, "{path}");
        assert_eq!(page.count(".masthead"), 0, "{path}");
        assert_eq!(
            page.resolve(&page.attr(".team-home", "href")),
            home,
            "{path}"
        );
    }
    let ja = site.page("announcements/first/index.html");
    assert_eq!(ja.text(".team-status"), "対応中");
    assert_eq!(
        ja.resolve(&ja.attr(".team-language[hreflang='en']", "href")),
        "en/announcements/first/index.html"
    );
    let en = site.page("en/announcements/first/index.html");
    assert_eq!(
        en.resolve(&en.attr(".team-list", "href")),
        "en/announcements/index.html"
    );
    assert_eq!(of(&check(&site), Rule::BrokenLink), Vec::<String>::new());
}

#[test]
fn a_teams_own_masthead_is_made_once_for_each_kind_of_page_with_links_from_its_depth() {
    let site = TestSite::basic();
    site.write(
        "templates/partials/masthead.html",
        "<header class=\"team-masthead\"><a href=\"{{ site.home_url }}\">{{ site.title }}</a> \
         <span class=\"kind\">{{ page_kind }}</span>\
         {% if page_kind == \"list\" %} <span class=\"filter\">{{ filter }}</span>{% endif %}</header>\n",
    );
    site.built();
    for (path, kind, home) in [
        ("index.html", "home", "index.html"),
        ("announcements/index.html", "list", "index.html"),
        (
            "announcements/first/index.html",
            "announcement",
            "index.html",
        ),
        (
            "en/announcements/first/index.html",
            "announcement",
            "en/index.html",
        ),
        ("en/timeline/index.html", "timeline", "en/index.html"),
    ] {
        let page = site.page(path);
        assert_eq!(page.text(".team-masthead .kind"), kind, "{path}");
        let href = page.attr(".team-masthead a", "href");
        assert_eq!(page.resolve(&href), home, "{path}");
    }
    assert_eq!(
        site.page("announcements/ir/index.html").text(".filter"),
        "ir"
    );
    assert_eq!(site.page("announcements/index.html").text(".filter"), "all");
    assert_eq!(of(&check(&site), Rule::BrokenLink), Vec::<String>::new());
}

#[test]
fn a_broken_shared_part_is_reported_once_at_its_line_and_nothing_is_written() {
    let site = TestSite::basic();
    site.write(
        "templates/partials/footer.html",
        "<footer>\n{{ site.no_such_fact.text }}\n</footer>\n",
    );
    let problems = site.problems();
    assert_eq!(problems.len(), 1, "{problems:?}");
    assert!(
        problems[0].starts_with("templates/partials/footer.html:2: "),
        "{problems:?}"
    );
    assert!(!site.out().exists());
}
