//! The site's state as data: `status.json`, in this project's own documented and
//! versioned schema, and `api/v2/summary.json`, in the shape of Atlassian
//! Statuspage's public summary endpoint, so that status-page clients, dashboards and
//! integrations can read the site without changes.
//!
//! Like the pages, there is one file of each per language: the main language's at the
//! root, the others' under `LANG/`. Their words are in that language where a
//! translation gives them and in the main language where not; the views of
//! [`crate::view`] make that choice, here as on the pages, so the two never disagree.
//! Everything comes from the published announcements and site.toml, never from the
//! build's clock, so the same input always gives the same bytes.

mod status;
mod summary;

use rayon::prelude::*;
use serde::Serialize;

use crate::lang::Lang;
use crate::render::{Content, OutputFile};
use crate::site::Site;
use crate::state::State;
use crate::theme::Theme;
use crate::view::{Page, path};

pub use status::{SCHEMA, SCHEMA_PATH, VERSION};

/// The data files of the site, in every language, and the schema of `status.json`.
pub fn files(site: &Site, state: &State, theme: &Theme) -> Vec<OutputFile> {
    let main = site.main_language();
    let mut files = vec![OutputFile {
        path: SCHEMA_PATH.to_string(),
        content: Content::Text(SCHEMA.to_string()),
    }];
    // Each document lists every announcement: they are made in parallel, like pages.
    let documents: Vec<OutputFile> = site
        .languages
        .par_iter()
        .flat_map(|lang| {
            let [status_path, summary_path] = document_paths(lang, main);
            let page = |path: &str| Page::new(site, theme, state, lang, path.to_string());
            let (status, summary) = rayon::join(
                || json(&status::document(&page(&status_path)), status_path.clone()),
                || {
                    json(
                        &summary::document(&page(&summary_path)),
                        summary_path.clone(),
                    )
                },
            );
            [status, summary]
        })
        .collect();
    files.extend(documents);
    files
}

/// The paths of [`files`], in the same order, without making them.
pub fn paths(site: &Site) -> Vec<String> {
    let main = site.main_language();
    std::iter::once(SCHEMA_PATH.to_string())
        .chain(
            site.languages
                .iter()
                .flat_map(|lang| document_paths(lang, main)),
        )
        .collect()
}

/// Where `lang`'s `status.json` and `api/v2/summary.json` go: one place for [`files`]
/// and [`paths`], which must agree.
fn document_paths(lang: &Lang, main: &Lang) -> [String; 2] {
    let prefix = path::prefix(lang, main);
    [
        format!("{prefix}{}", status::PATH),
        format!("{prefix}{}", summary::PATH),
    ]
}

/// A document as a file: pretty-printed, so a person can read it and a diff of two
/// builds shows what changed, and ending in a newline like every text file.
fn json(document: &impl Serialize, path: String) -> OutputFile {
    let mut text = serde_json::to_string_pretty(document)
        .expect("plain structs with string keys always serialise");
    text.push('\n');
    OutputFile {
        path,
        content: Content::Text(text),
    }
}
