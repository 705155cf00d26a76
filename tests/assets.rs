//! The stylesheet under a name made from its bytes (`assets/style.HASH.css`, kept by
//! hosts and browsers for a year), the folder `assets/` that holds only such files,
//! and the host files `_headers` and `_redirects` that Netlify and Cloudflare Pages
//! read.

use std::collections::BTreeMap;
use std::path::PathBuf;

use sha2::{Digest, Sha256};

use crate::support::{TestSite, theme_file};

/// The basic fixture with `entries` as its `[redirects]` table; returns the line of
/// site.toml on which the first entry is.
fn with_redirects(site: &TestSite, entries: &str) -> usize {
    let path = site.root().join("site.toml");
    let text = std::fs::read_to_string(&path).unwrap();
    let first = text.lines().count() + 3;
    site.write("site.toml", &format!("{text}\n[redirects]\n{entries}"));
    first
}

/// The output files under `assets/`.
fn assets(site: &TestSite) -> Vec<String> {
    site.snapshot()
        .into_keys()
        .filter(|p| p.starts_with("assets"))
        .map(|p| p.to_string_lossy().replace('\\', "/"))
        .collect()
}

/// The paths whose bytes differ between two snapshots, or are in only one.
fn changed(before: &BTreeMap<PathBuf, Vec<u8>>, after: &BTreeMap<PathBuf, Vec<u8>>) -> Vec<String> {
    let mut paths: Vec<String> = before
        .keys()
        .chain(after.keys())
        .filter(|p| before.get(*p) != after.get(*p))
        .map(|p| p.to_string_lossy().into_owned())
        .collect();
    paths.sort();
    paths.dedup();
    paths
}

fn sha256_hex(bytes: &[u8]) -> String {
    Sha256::digest(bytes)
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

#[test]
fn the_stylesheet_is_named_by_the_sha_256_of_its_bytes_and_every_page_links_it() {
    let site = TestSite::basic();
    site.built();
    let stylesheet = site.stylesheet();
    let bytes = std::fs::read(site.out().join(&stylesheet)).unwrap();
    assert_eq!(bytes, theme_file("static/style.css").as_bytes());
    assert_eq!(
        stylesheet,
        format!("assets/style.{}.css", &sha256_hex(&bytes)[..16])
    );
    assert_eq!(assets(&site), std::slice::from_ref(&stylesheet));
    assert!(!site.exists("style.css"));
    let mut linking = Vec::new();
    for path in site.snapshot().into_keys() {
        let path = path.to_string_lossy().into_owned();
        if !path.ends_with(".html") {
            continue;
        }
        let page = site.page(&path);
        // The 404 pages resolve their links against a <base> (tests/head.rs); redirect
        // pages and the banner fragment link no stylesheet.
        if page.count("base") > 0 || page.count("link[rel~=stylesheet]") == 0 {
            continue;
        }
        assert_eq!(page.stylesheet(), stylesheet, "{path}");
        linking.push(path);
    }
    for page in [
        "index.html",
        "en/index.html",
        "announcements/index.html",
        "announcements/first/index.html",
        "en/announcements/first/index.html",
        "timeline/index.html",
    ] {
        assert!(
            linking.iter().any(|p| p == page),
            "{page} links no stylesheet"
        );
    }
}

#[test]
fn a_teams_changed_stylesheet_gets_a_new_name() {
    let site = TestSite::basic();
    site.built();
    let before = site.stylesheet();
    site.write("static/style.css", "body{}");
    site.built();
    // `printf 'body{}' | sha256sum`: 7c98040a541657584690ae2a…
    assert_eq!(site.stylesheet(), "assets/style.7c98040a54165758.css");
    assert_ne!(site.stylesheet(), before);
    assert_eq!(assets(&site), ["assets/style.7c98040a54165758.css"]);
    assert_eq!(site.read("assets/style.7c98040a54165758.css"), "body{}");
}

#[test]
fn headers_keep_the_assets_for_a_year_and_forbid_sniffing() {
    let site = TestSite::basic();
    site.built();
    assert_eq!(
        site.read("_headers"),
        "/assets/*\n  Cache-Control: public, max-age=31536000, immutable\n\
         /*\n  X-Content-Type-Options: nosniff\n"
    );
    assert!(!site.exists("_redirects"), "no redirects, no _redirects");
}

#[test]
fn redirects_are_listed_for_the_hosts_from_the_output_root() {
    // base_url's path is not added: Netlify and Cloudflare Pages read the paths from
    // the root of the folder they serve.
    let site = TestSite::basic().published_at("https://example.jp/incident/");
    with_redirects(
        &site,
        "\"announcements/old-name/\" = \"announcements/first/\"\n\
         \"/旧/\" = \"announcements/first/#今後の対応\"\n\
         \"old.html\" = \"https://www.example.jp/ir\"\n\
         \"chain\" = \"announcements/old-name/\"\n",
    );
    site.built();
    assert_eq!(
        site.read("_redirects"),
        "/announcements/old-name/ /announcements/first/ 301\n\
         /%E6%97%A7/ /announcements/first/#%E4%BB%8A%E5%BE%8C%E3%81%AE%E5%AF%BE%E5%BF%9C 301\n\
         /old.html https://www.example.jp/ir 301\n\
         /chain/ /announcements/first/ 301\n"
    );
    // The redirect pages stay, for every other host.
    assert!(site.exists("announcements/old-name/index.html"));
    assert!(site.exists("chain/index.html"));
}

#[test]
fn a_teams_own_host_files_replace_the_generated_ones_and_nothing_else() {
    let site = TestSite::basic();
    with_redirects(
        &site,
        "\"announcements/old-name/\" = \"announcements/first/\"\n",
    );
    site.built();
    let before = site.snapshot();
    let headers = "/*\n  X-Frame-Options: DENY\n";
    let redirects = "/old /announcements/first/ 302\n";
    site.write("static/_headers", headers)
        .write("static/_redirects", redirects);
    site.built();
    assert_eq!(
        changed(&before, &site.snapshot()),
        ["_headers", "_redirects"]
    );
    assert_eq!(site.read("_headers"), headers);
    assert_eq!(site.read("_redirects"), redirects);
}

#[test]
fn the_assets_folder_holds_only_the_files_named_by_their_content() {
    let site = TestSite::basic();
    let first = with_redirects(&site, "\"assets/old/\" = \"announcements/first/\"\n");
    let problems = TestSite::basic().refused(|s| {
        s.write(
            "content/pages/assets.md",
            "+++\ntitle = \"資料\"\n+++\n本文です。\n",
        );
    });
    assert_eq!(
        problems,
        [
            "content/pages/assets.md: page name `assets` would be published at assets/, which \
          is the site's own folder; expected another name (not `announcements`, `services`, \
          `measures`, `timeline`, `api`, `assets`, nor a language code of the site)"
        ]
    );
    let problems = TestSite::basic().refused(|s| {
        s.write("static/assets/logo.png", "png");
    });
    assert_eq!(
        problems,
        [
            "static/assets/logo.png: the folder assets/ is the build's own: it holds the files \
          it names by their content (the stylesheet), which browsers and hosts keep for a \
          year, so a file there could never be changed for readers; move the file to another \
          folder of static/"
        ]
    );
    assert_eq!(
        site.problems(),
        [format!(
            "site.toml:{first}: redirect from `assets/old/` would write a page in assets/, \
             the build's folder of files named by their content, which browsers keep for a \
             year, so the page could never be changed; expected an old path outside assets/"
        )]
    );
}
