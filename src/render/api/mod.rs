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
mod statuspage;
mod summary;

use serde::Serialize;

use crate::view::PageContext;

pub use status::SCHEMA;

/// `status.json` in the language of `cx` (the page being that file).
pub fn status(cx: &PageContext) -> String {
    json(&status::document(cx))
}

/// `api/v2/summary.json` in the language of `cx` (the page being that file).
pub fn summary(cx: &PageContext) -> String {
    json(&summary::document(cx))
}

/// A document as a file: pretty-printed, so a person can read it and a diff of two
/// builds shows what changed, and ending in a newline like every text file.
///
/// `</` is written `<\/` and `<!--` `\u003c!--`, so the document can be put inside a
/// `<script>` as it is: a title holding `</script>` ends no element there. Outside a
/// string JSON has no `<`, and both are the same string to a JSON reader.
fn json(document: &impl Serialize) -> String {
    let text = serde_json::to_string_pretty(document)
        .expect("plain structs with string keys always serialise");
    let mut text = text.replace("</", "<\\/").replace("<!--", "\\u003c!--");
    text.push('\n');
    text
}
