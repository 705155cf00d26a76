//! Announcements: one statement of the company, in its original language and its
//! translations, with the facts that place it on the site.

use std::collections::BTreeMap;
use std::fmt;
use std::path::PathBuf;
use std::sync::Arc;

use chrono::{DateTime, FixedOffset};

use super::config::{IncidentStatus, KeyReportId};
use super::tables::{Tables, Words};
use crate::base::{Invalid, Lang, Located};

/// The name of an announcement in URLs: its file or folder name. It never changes when
/// the title does, so links to a statement keep working.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Slug(String);

impl Slug {
    /// Accepts lowercase ASCII letters, digits, `-` and `_`: names that stay the same
    /// in every URL, file system and static host; but not a Windows device name
    /// (`con`, `nul`, `com1`, …), which no folder may have there.
    pub fn parse(name: &str) -> Result<Slug, Invalid> {
        let ok = !name.is_empty()
            && name
                .bytes()
                .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-' || b == b'_');
        if !ok {
            Err(Invalid::new(crate::msg!("model-slug-invalid", name)))
        } else if super::portable::windows_reserved(name) {
            Err(Invalid::new(crate::msg!("model-slug-reserved", name)))
        } else {
            Ok(Slug(name.to_string()))
        }
    }

    /// The slug as it appears in URLs.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for Slug {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// Whom a statement is addressed to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Channel {
    /// A disclosure for investors and the exchange (適時開示).
    Ir,
    /// A statement for customers, affected people and the public (お知らせ).
    Pr,
}

impl Channel {
    /// The identifier used in front matter, URLs, CSS classes and string keys.
    pub fn id(self) -> &'static str {
        match self {
            Channel::Ir => "ir",
            Channel::Pr => "pr",
        }
    }

    /// Both channels, in the order lists show them.
    pub const ALL: [Channel; 2] = [Channel::Ir, Channel::Pr];
}

/// What kind of statement an announcement is, where its kind owes readers set topics
/// (`kind` in front matter). `crisis-site check` looks for a heading for each topic.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Kind {
    /// A notice to the people whose personal data was (or may have been) leaked: what
    /// Japan's Personal Information Protection Commission expects it to state.
    BreachNotice,
}

impl Kind {
    /// Every kind, in the order messages list them.
    pub const ALL: [Kind; 1] = [Kind::BreachNotice];

    /// The identifier used in front matter and in the theme's string keys.
    pub fn id(self) -> &'static str {
        match self {
            Kind::BreachNotice => "breach-notice",
        }
    }

    /// Reads a kind from front matter; an unknown one is refused with the known kinds.
    pub fn parse(text: &str) -> Result<Kind, Invalid> {
        Kind::ALL
            .into_iter()
            .find(|k| k.id() == text)
            .ok_or_else(|| {
                let (last, init) = Kind::ALL.split_last().expect("there are kinds");
                let known = init.iter().rev().fold(
                    crate::msg!("model-kind-last", kind = last.id()),
                    |rest, k| crate::msg!("model-kind-or", kind = k.id(), rest),
                );
                Invalid::new(crate::msg!("model-kind-unknown", kind = text, known))
            })
    }
}

/// The channels of one announcement: one of them, or both for a document that is at
/// once a disclosure and a public statement.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Channels {
    /// Only a disclosure.
    Ir,
    /// Only a public statement.
    Pr,
    /// Both.
    Both,
}

impl Channels {
    /// Whether the announcement belongs to `channel`.
    pub fn contains(self, channel: Channel) -> bool {
        matches!(
            (self, channel),
            (Channels::Both, _) | (Channels::Ir, Channel::Ir) | (Channels::Pr, Channel::Pr)
        )
    }

    /// The value as front matter writes it: `"ir"`, `"pr"` or `["ir", "pr"]`.
    pub fn as_front_matter(self) -> &'static str {
        match self {
            Channels::Ir => "\"ir\"",
            Channels::Pr => "\"pr\"",
            Channels::Both => "[\"ir\", \"pr\"]",
        }
    }

    /// The channels as a list, IR first.
    pub fn list(self) -> Vec<Channel> {
        Channel::ALL
            .into_iter()
            .filter(|c| self.contains(*c))
            .collect()
    }
}

/// A published statement with everything the site shows of it.
#[derive(Debug, Clone)]
pub struct Announcement {
    /// Its URL name.
    pub slug: Slug,
    /// When it was (or will be) published; also its embargo time.
    pub date: DateTime<FixedOffset>,
    /// Whom it addresses.
    pub channels: Channels,
    /// Its place in the numbered series of reports (第N報), if it has one.
    pub number: Option<u32>,
    /// The key-report block it fills, if any.
    pub key_report: Option<KeyReportId>,
    /// What kind of statement it is, if it is one whose topics are set (`kind`).
    pub kind: Option<Kind>,
    /// Whether it is still a draft, never to be built without `--drafts`.
    pub draft: bool,
    /// Files beside its `index.md`, published with it.
    pub attachments: Vec<Attachment>,
    /// When it was last amended after publication: `updated`, or else its newest
    /// revision.
    pub updated: Option<DateTime<FixedOffset>>,
    /// The earlier announcement it corrects, if it is a correction (訂正).
    pub corrects: Option<Slug>,
    /// The incident's status from this announcement on, if it changes it.
    pub incident_status: Option<IncidentStatus>,
    /// When the next update is promised (次報予定).
    pub next_update: Option<DateTime<FixedOffset>>,
    /// The facts of its `[[services]]`, `[[measures]]`, `[[timeline]]` and
    /// `[[revisions]]`; their words are in each [`Version`].
    pub tables: Tables,
    /// The text in the site's main language.
    pub original: Version,
    /// Its translations, by language.
    pub translations: BTreeMap<Lang, Version>,
}

impl Announcement {
    /// When it last changed for readers: its publication, or its latest amendment.
    pub fn last_changed(&self) -> DateTime<FixedOffset> {
        self.updated.map_or(self.date, |u| u.max(self.date))
    }

    /// The text in `lang`, where it exists.
    pub fn version(&self, lang: &Lang, main: &Lang) -> Option<&Version> {
        if lang == main {
            Some(&self.original)
        } else {
            self.translations.get(lang)
        }
    }
}

/// An announcement's text in one language.
#[derive(Debug, Clone)]
pub struct Version {
    /// The file it was read from, relative to the site root.
    pub source: PathBuf,
    /// Its title.
    pub title: String,
    /// What lists show: the writer's summary, or the first paragraph.
    pub summary: String,
    /// The body as HTML.
    pub body_html: Arc<str>,
    /// When this text was last amended: the original's is the announcement's
    /// `updated`; a translation has its own.
    pub updated: Option<DateTime<FixedOffset>>,
    /// The words of the announcement's tables in this language.
    pub words: Words,
    /// The attachment that is this text's official PDF (`official_pdf`), linked as its
    /// PDF instead of one the build makes: a disclosure filed as the company made it.
    /// With its line in the text's file.
    pub official_pdf: Option<Located<String>>,
}

/// A file published beside an announcement (a PDF of the full report, say).
#[derive(Debug, Clone)]
pub struct Attachment {
    /// Its path inside the announcement's folder, with `/` separators.
    pub name: String,
    /// Where it is read from.
    pub source: PathBuf,
    /// Its size in bytes.
    pub size: u64,
}

/// Newest first; the higher report number first at the same time; then by slug, so
/// the order never depends on the file system.
pub fn newest_first(a: &Announcement, b: &Announcement) -> std::cmp::Ordering {
    b.date
        .cmp(&a.date)
        .then(b.number.cmp(&a.number))
        .then(a.slug.cmp(&b.slug))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slugs_are_url_safe() {
        assert!(Slug::parse("2023-06-06-first_notice").is_ok());
        assert!(Slug::parse("第1報").is_err());
        assert!(Slug::parse("A").is_err());
    }
}
