//! Guide pages: `content/pages/NAME.md`, information that is kept up to date rather
//! than announced (an FAQ, what affected people should do, how the investigation
//! works). Each is published at `NAME/`, with its translations at `LANG/NAME/`.
//!
//! Guide pages are not announcements: they have no date, channel, draft or embargo,
//! appear in no list, and do not change when the site was last updated.

use std::collections::BTreeMap;
use std::path::PathBuf;

use chrono::{DateTime, FixedOffset};

use super::announcement::Slug;
use super::heading::Heading;
use crate::base::Lang;

/// Names a guide page cannot have, since its folder `NAME/` is one the site makes
/// itself (`assets/` is kept for a year, `url::ASSETS`). The languages of the site
/// are refused too: their folder is `LANG/`.
pub const RESERVED: &[&str] = &[
    "announcements",
    "services",
    "measures",
    "timeline",
    "api",
    "assets",
];

/// A guide page with its translations.
#[derive(Debug, Clone)]
pub struct GuidePage {
    /// Its name in URLs: the file name without `.md`.
    pub name: Slug,
    /// The text in the site's main language.
    pub original: GuideText,
    /// Its translations, by language.
    pub translations: BTreeMap<Lang, GuideText>,
}

impl GuidePage {
    /// The text in `lang`, where it exists.
    pub fn version(&self, lang: &Lang, main: &Lang) -> Option<&GuideText> {
        if lang == main {
            Some(&self.original)
        } else {
            self.translations.get(lang)
        }
    }
}

/// A guide page's text in one language.
#[derive(Debug, Clone)]
pub struct GuideText {
    /// The file it was read from, relative to the site root.
    pub source: PathBuf,
    /// Its title.
    pub title: String,
    /// The writer's summary, or the first paragraph: for the meta description and the
    /// home page's block.
    pub summary: String,
    /// When the writer last changed it, if they say.
    pub updated: Option<DateTime<FixedOffset>>,
    /// The body as HTML.
    pub body_html: String,
    /// The body's headings, for the table of contents.
    pub headings: Vec<Heading>,
}
