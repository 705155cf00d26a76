//! The page context: what every view of one page needs (the site, the state, the
//! page's language, strings and path), and the small values every view is made of.

use std::collections::BTreeMap;

use chrono::{DateTime, FixedOffset};
use serde::Serialize;

use crate::base::Lang;
use crate::base::text::relative;
use crate::base::time::When;
use crate::model::Site;
use crate::state::State;
use crate::theme::{Key, Strings, Theme};

/// The site, its state, and one page's language, strings and path: what the view
/// builders of this module take to make what a template sees.
pub struct PageContext<'a> {
    /// The site.
    pub site: &'a Site,
    /// The page's language.
    pub lang: &'a Lang,
    /// The page's UI strings.
    pub strings: &'a Strings,
    /// The UI strings of every language, for naming the other languages.
    pub all_strings: &'a BTreeMap<Lang, Strings>,
    /// The incident's state, derived once for all pages.
    pub state: &'a State,
    /// The page's path from the output root.
    pub path: String,
    /// The output path of the theme's stylesheet, named by its content.
    pub stylesheet: &'a str,
}

impl<'a> PageContext<'a> {
    /// The page at `path` in `lang`, with that language's strings of `theme`.
    pub fn new(
        site: &'a Site,
        theme: &'a Theme,
        state: &'a State,
        lang: &'a Lang,
        path: String,
    ) -> PageContext<'a> {
        PageContext {
            site,
            lang,
            strings: &theme.strings[lang],
            all_strings: &theme.strings,
            state,
            path,
            stylesheet: &theme.stylesheet.path,
        }
    }

    /// The site's main language.
    pub fn main(&self) -> &'a Lang {
        self.site.main_language()
    }

    /// A link from this page to `to` (a path from the output root).
    pub fn link(&self, to: &str) -> String {
        relative(&self.path, to)
    }

    /// The absolute URL of `to` (a path from the output root), when `base_url` is set.
    pub fn absolute(&self, to: &str) -> Option<String> {
        self.site.config.base_url.as_ref().map(|b| b.url_of(to))
    }

    /// A date-time as this page's language shows it.
    pub fn date(&self, at: &DateTime<FixedOffset>) -> DateView {
        let zone = self.site.config.timezone;
        DateView {
            iso: at.with_timezone(&zone).to_rfc3339(),
            display: self.strings.datetime.format(at, zone),
        }
    }

    /// A day or a date-time as this page's language shows it; a day has no time.
    pub fn when(&self, when: &When) -> DateView {
        match when {
            When::Day(day) => DateView {
                iso: day.to_string(),
                display: self.strings.date.format_day(*day),
            },
            When::At(at) => self.date(at),
        }
    }

    /// A closed-set value (`id`) with its words, the theme's string `key`.
    pub fn label(&self, key: Key, id: &'static str) -> Label {
        Label {
            id,
            label: self.strings.get(key).to_string(),
        }
    }

    /// Words shown in the main language on this page because no translation gives
    /// them: marked with the main language, unless the page is in it.
    pub fn in_main_language(&self, text: String) -> Text {
        Text {
            text,
            lang: (self.lang != self.main()).then(|| self.main().to_string()),
        }
    }

    /// A language's own name, in that language's strings.
    pub fn language_name(&self, lang: &Lang) -> String {
        self.all_strings.get(lang).map_or_else(
            || lang.to_string(),
            |s| s.get(Key::LANGUAGE_NAME).to_string(),
        )
    }
}

/// A date-time as machines and readers need it.
#[derive(Debug, Serialize)]
pub struct DateView {
    /// RFC 3339, for `<time datetime>`.
    pub iso: String,
    /// As the reader's language writes it, in the site's zone.
    pub display: String,
}

/// A closed-set value with its words: a channel, a status.
#[derive(Debug, Serialize)]
pub struct Label {
    /// The stable identifier (`ir`, `resolved`, ...), fit for CSS classes.
    pub id: &'static str,
    /// What the reader sees.
    pub label: String,
}

/// Words of content that may be in another language than the page's, where the
/// translation does not give them.
#[derive(Debug, Serialize)]
pub struct Text {
    /// The words.
    pub text: String,
    /// Their language when it is not the page's, for the `lang` attribute.
    pub lang: Option<String>,
}

impl Text {
    /// Words in the page's own language.
    pub fn own(text: String) -> Text {
        Text { text, lang: None }
    }
}

/// What kind of page a template renders, for the templates that share a layout
/// (`page_kind`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum PageKind {
    /// The home page.
    Home,
    /// A list of announcements.
    List,
    /// The services' restoration history.
    Services,
    /// The measures.
    Measures,
    /// The response timeline.
    Timeline,
    /// One announcement.
    Announcement,
    /// A guide page.
    #[serde(rename = "page")]
    GuidePage,
    /// The 404 page.
    NotFound,
}
