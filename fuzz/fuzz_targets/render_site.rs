//! Loads and renders a whole site made from the fuzzer's bytes. Problems with the input
//! are fine (that is what the error messages are for); a panic, or an XML or JSON file
//! that does not parse, is a bug.
//!
//! The input is split at each 0xFF byte (never part of UTF-8, so no text the fuzzer
//! writes is cut by accident) into the files of a site, in this order: `site.toml`,
//! `content/announcements/a.md`, its translation `a.en.md`, `content/_index.md`,
//! `content/pages/faq.md`, then a folder announcement `b/index.md` with two
//! attachments (an SVG and an HTML file, which the loader reads for active content)
//! and an SVG in `static/`. A file past the end of the input is left out; each part is
//! read as UTF-8 with invalid bytes replaced, since the loader is given text files.

#![no_main]

use std::path::Path;
use std::sync::OnceLock;

use crisis_site::{BaseUrl, Body, Cache, Publish};
use libfuzzer_sys::fuzz_target;

/// Where each part of the input is written, from the site's folder.
const FILES: &[&str] = &[
    "site.toml",
    "content/announcements/a.md",
    "content/announcements/a.en.md",
    "content/_index.md",
    "content/pages/faq.md",
    "content/announcements/b/index.md",
    "content/announcements/b/figure.svg",
    "content/announcements/b/notes.html",
    "static/logo.svg",
];

/// One site folder for the whole process, written anew for each input; the site
/// takes the built-in theme.
fn site_folder() -> &'static Path {
    static FOLDER: OnceLock<tempfile::TempDir> = OnceLock::new();
    FOLDER
        .get_or_init(|| tempfile::tempdir().expect("a temporary folder"))
        .path()
}

fuzz_target!(|data: &[u8]| {
    let root = site_folder();
    // The previous input's files must not leak into this one.
    let _ = std::fs::remove_file(root.join("site.toml"));
    let _ = std::fs::remove_dir_all(root.join("content"));
    let _ = std::fs::remove_dir_all(root.join("static"));
    for (part, path) in data.split(|&b| b == 0xFF).zip(FILES) {
        let path = root.join(path);
        std::fs::create_dir_all(path.parent().expect("a parent")).expect("create a folder");
        std::fs::write(&path, String::from_utf8_lossy(part).as_bytes()).expect("write a file");
    }
    // Everything published (drafts and embargoed too) and a base URL, so the feeds,
    // the sitemap and every URL are rendered.
    let publish = Publish {
        drafts: true,
        future: true,
        now: chrono::DateTime::parse_from_rfc3339("2023-06-08T12:00:00+09:00")
            .expect("a date")
            .into(),
        base_url: Some(BaseUrl::parse("https://incident.example.jp/").expect("a base URL")),
        // As the preview: what comes from drafts and embargoed announcements is marked.
        preview: true,
    };
    let Ok(rendered) = crisis_site::render(root, &publish, &Cache::none()) else {
        return;
    };
    for file in &rendered.files {
        let Body::Text(text) = &file.body else {
            continue;
        };
        if file.path.ends_with(".xml") || file.path.ends_with(".svg") {
            if let Err(e) = roxmltree::Document::parse(text) {
                panic!("{} is not well-formed XML: {e}\n{text}", file.path);
            }
        } else if file.path.ends_with(".json")
            && let Err(e) = serde_json::from_str::<serde_json::Value>(text)
        {
            panic!("{} is not valid JSON: {e}\n{text}", file.path);
        }
    }
});
