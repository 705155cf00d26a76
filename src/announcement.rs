//! Announcements: one statement of the company, in its original language and its
//! translations, with the front matter that places it on the site.

use std::collections::BTreeMap;
use std::fmt;
use std::path::{Path, PathBuf};

use chrono::{DateTime, FixedOffset};
use serde::Deserialize;
use serde::de::{self, Deserializer, SeqAccess, Visitor};
use toml::Spanned;

use crate::config::{IncidentStatus, KeyReportId};
use crate::error::{Problem, line_of, toml_problem};
use crate::frontmatter;
use crate::lang::Lang;
use crate::markdown;
use crate::tables::{self, Locate, Tables, Words};
use crate::time;

/// The name of an announcement in URLs: its file or folder name. It never changes when
/// the title does, so links to a statement keep working.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Slug(String);

impl Slug {
    /// Accepts lowercase ASCII letters, digits, `-` and `_`: names that stay the same
    /// in every URL, file system and static host.
    pub fn parse(name: &str) -> Result<Slug, String> {
        let ok = !name.is_empty()
            && name
                .bytes()
                .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-' || b == b'_');
        if ok {
            Ok(Slug(name.to_string()))
        } else {
            Err(format!(
                "`{name}` cannot be a slug (the announcement's URL); expected a name of lowercase \
                 letters a-z, digits, `-` and `_`, such as `2023-06-06-first-notice`"
            ))
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
    pub fn parse(text: &str) -> Result<Kind, String> {
        Kind::ALL
            .into_iter()
            .find(|k| k.id() == text)
            .ok_or_else(|| {
                let known: Vec<String> = Kind::ALL
                    .iter()
                    .map(|k| format!("\"{}\"", k.id()))
                    .collect();
                format!("unknown kind `{text}`; expected {}", known.join(" or "))
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

const CHANNEL_EXPECTED: &str = "expected \"ir\", \"pr\" or [\"ir\", \"pr\"]";

impl<'de> Deserialize<'de> for Channels {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct ChannelsVisitor;

        fn one<E: de::Error>(value: &str) -> Result<Channel, E> {
            match value {
                "ir" => Ok(Channel::Ir),
                "pr" => Ok(Channel::Pr),
                other => Err(E::custom(format!(
                    "unknown channel `{other}`; {CHANNEL_EXPECTED}"
                ))),
            }
        }

        impl<'de> Visitor<'de> for ChannelsVisitor {
            type Value = Channels;

            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str(CHANNEL_EXPECTED)
            }

            fn visit_str<E: de::Error>(self, value: &str) -> Result<Channels, E> {
                Ok(match one(value)? {
                    Channel::Ir => Channels::Ir,
                    Channel::Pr => Channels::Pr,
                })
            }

            fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Channels, A::Error> {
                let (mut ir, mut pr) = (false, false);
                while let Some(value) = seq.next_element::<String>()? {
                    match one::<A::Error>(&value)? {
                        Channel::Ir => ir = true,
                        Channel::Pr => pr = true,
                    }
                }
                match (ir, pr) {
                    (true, true) => Ok(Channels::Both),
                    (true, false) => Ok(Channels::Ir),
                    (false, true) => Ok(Channels::Pr),
                    (false, false) => Err(de::Error::custom(format!(
                        "empty channel list; {CHANNEL_EXPECTED}"
                    ))),
                }
            }
        }

        deserializer.deserialize_any(ChannelsVisitor)
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
    pub body_html: String,
    /// When this text was last amended: the original's is the announcement's
    /// `updated`; a translation has its own.
    pub updated: Option<DateTime<FixedOffset>>,
    /// The words of the announcement's tables in this language.
    pub words: Words,
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

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawOriginal {
    title: Spanned<String>,
    date: Spanned<toml::Value>,
    channel: Channels,
    number: Option<Spanned<u32>>,
    summary: Option<String>,
    key_report: Option<Spanned<String>>,
    kind: Option<Spanned<String>>,
    #[serde(default)]
    draft: bool,
    updated: Option<Spanned<toml::Value>>,
    corrects: Option<Spanned<String>>,
    incident_status: Option<IncidentStatus>,
    next_update: Option<Spanned<toml::Value>>,
    #[serde(default)]
    services: Vec<Spanned<tables::RawService>>,
    #[serde(default)]
    measures: Vec<Spanned<tables::RawMeasure>>,
    #[serde(default)]
    timeline: Vec<Spanned<tables::RawTimeline>>,
    #[serde(default)]
    revisions: Vec<Spanned<tables::RawRevision>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawTranslation {
    title: Spanned<String>,
    summary: Option<String>,
    date: Option<Spanned<toml::Value>>,
    channel: Option<Spanned<Channels>>,
    number: Option<Spanned<u32>>,
    key_report: Option<Spanned<String>>,
    kind: Option<Spanned<String>>,
    draft: Option<Spanned<bool>>,
    updated: Option<Spanned<toml::Value>>,
    corrects: Option<Spanned<String>>,
    incident_status: Option<Spanned<IncidentStatus>>,
    next_update: Option<Spanned<toml::Value>>,
    #[serde(default)]
    services: Vec<Spanned<tables::RawServiceWords>>,
    #[serde(default)]
    measures: Vec<Spanned<tables::RawMeasureWords>>,
    #[serde(default)]
    timeline: Vec<Spanned<tables::RawTimelineWords>>,
    #[serde(default)]
    revisions: Vec<Spanned<tables::RawRevisionWords>>,
}

/// An original announcement file, parsed but not yet joined to its translations.
#[derive(Debug, Clone)]
pub struct Original {
    /// Everything but the translations, which the content loader adds.
    pub announcement: Announcement,
    /// The line of `key_report` in the file, for problems found across files.
    pub key_report_line: Option<usize>,
    /// The line of `corrects`, likewise.
    pub corrects_line: Option<usize>,
}

/// A translation file, parsed; what it repeats of the original is kept to be compared.
#[derive(Debug, Clone)]
pub struct Translation {
    /// The translated text.
    pub version: Version,
    /// Fields repeated from the original, each with its line, to be checked against it.
    pub repeated: Repeated,
    /// The line of the translation's own `updated`, if it has one.
    pub updated_line: Option<usize>,
}

/// The original's fields that a translation repeated, with the line of each.
#[derive(Debug, Clone, Default)]
pub struct Repeated {
    /// `date`, read in the site's zone.
    pub date: Option<(DateTime<FixedOffset>, usize)>,
    /// `channel`.
    pub channels: Option<(Channels, usize)>,
    /// `number`.
    pub number: Option<(u32, usize)>,
    /// `key_report`.
    pub key_report: Option<(String, usize)>,
    /// `kind`, as written (the original's is checked).
    pub kind: Option<(String, usize)>,
    /// `draft`.
    pub draft: Option<(bool, usize)>,
    /// `corrects`.
    pub corrects: Option<(String, usize)>,
    /// `incident_status`.
    pub incident_status: Option<(IncidentStatus, usize)>,
    /// `next_update`.
    pub next_update: Option<(DateTime<FixedOffset>, usize)>,
    /// The facts repeated in the translation's tables.
    pub tables: tables::RepeatedTables,
}

/// Parses an original announcement file (`NAME.md` or `NAME/index.md`).
pub fn parse_original(
    path: &Path,
    text: &str,
    slug: Slug,
    zone: FixedOffset,
    attachments: Vec<Attachment>,
) -> Result<Original, Vec<Problem>> {
    let mut file = FrontMatter::<RawOriginal>::read(path, text)?;
    let raw_tables = tables::RawTables {
        services: std::mem::take(&mut file.raw.services),
        measures: std::mem::take(&mut file.raw.measures),
        timeline: std::mem::take(&mut file.raw.timeline),
        revisions: std::mem::take(&mut file.raw.revisions),
    };
    let raw = &file.raw;
    let mut problems = Vec::new();
    file.check_title(&raw.title, &mut problems);
    let date = file.date(&raw.date, zone, &mut problems);
    let (tables, mut words) = tables::read_original(raw_tables, date, zone, &file, &mut problems);
    let updated = file.updated(raw.updated.as_ref(), date, &tables, zone, &mut problems);
    let next_update = raw.next_update.as_ref().and_then(|v| {
        let at = file.moment(v, "next_update", zone, &mut problems)?;
        if let Some(date) = date
            && at < date
        {
            problems.push(file.problem(
                v.span(),
                format!(
                    "`next_update` {} is before the announcement's `date` ({}); expected when \
                     the next update is promised",
                    time::front_matter_value(&at),
                    time::front_matter_value(&date)
                ),
            ));
        }
        Some(at)
    });
    let corrects_line = raw.corrects.as_ref().map(|c| file.line(c.span()));
    let corrects = raw.corrects.as_ref().and_then(|c| {
        Slug::parse(c.get_ref())
            .map_err(|m| problems.push(file.problem(c.span(), format!("`corrects`: {m}"))))
            .ok()
    });
    if let Some(number) = &raw.number
        && *number.get_ref() == 0
    {
        problems.push(file.problem(number.span(), "`number` is 0; the series starts at 1"));
    }
    let key_report_line = raw.key_report.as_ref().map(|k| file.line(k.span()));
    let key_report = raw.key_report.as_ref().and_then(|k| {
        KeyReportId::parse(k.get_ref())
            .map_err(|m| problems.push(file.problem(k.span(), m)))
            .ok()
    });
    let kind = raw.kind.as_ref().and_then(|k| {
        Kind::parse(k.get_ref())
            .map_err(|m| problems.push(file.problem(k.span(), m)))
            .ok()
    });
    let mut original = file.version(raw.title.get_ref(), raw.summary.as_deref(), &mut problems);
    original.updated = updated;
    original.words = std::mem::take(&mut words);
    let (Some(date), true) = (date, problems.is_empty()) else {
        return Err(problems);
    };
    Ok(Original {
        announcement: Announcement {
            slug,
            date,
            channels: raw.channel,
            number: raw.number.as_ref().map(|n| *n.get_ref()),
            key_report,
            kind,
            draft: raw.draft,
            attachments,
            updated,
            corrects,
            incident_status: raw.incident_status,
            next_update,
            tables,
            original,
            translations: BTreeMap::new(),
        },
        key_report_line,
        corrects_line,
    })
}

/// Parses a translation file (`NAME.LANG.md` or `NAME/index.LANG.md`).
pub fn parse_translation(
    path: &Path,
    text: &str,
    zone: FixedOffset,
) -> Result<Translation, Vec<Problem>> {
    let mut file = FrontMatter::<RawTranslation>::read(path, text)?;
    let raw_tables = tables::RawTranslatedTables {
        services: std::mem::take(&mut file.raw.services),
        measures: std::mem::take(&mut file.raw.measures),
        timeline: std::mem::take(&mut file.raw.timeline),
        revisions: std::mem::take(&mut file.raw.revisions),
    };
    let raw = &file.raw;
    let mut problems = Vec::new();
    file.check_title(&raw.title, &mut problems);
    let date = raw.date.as_ref().and_then(|d| {
        file.date(d, zone, &mut problems)
            .map(|dt| (dt, file.line(d.span())))
    });
    let (words, repeated_tables) = tables::read_translation(raw_tables, zone, &file, &mut problems);
    // A translation's own `updated` is checked against the original's date when the
    // two are joined; here only that it parses.
    let updated = raw.updated.as_ref().and_then(|v| {
        file.moment(v, "updated", zone, &mut problems)
            .map(|at| (at, file.line(v.span())))
    });
    let next_update = raw.next_update.as_ref().and_then(|v| {
        file.moment(v, "next_update", zone, &mut problems)
            .map(|at| (at, file.line(v.span())))
    });
    let mut version = file.version(raw.title.get_ref(), raw.summary.as_deref(), &mut problems);
    version.updated = updated.map(|(at, _)| at);
    version.words = words;
    if !problems.is_empty() {
        return Err(problems);
    }
    let repeated = Repeated {
        date,
        channels: raw.channel.as_ref().map(|v| file.with_line(v)),
        number: raw.number.as_ref().map(|v| file.with_line(v)),
        key_report: raw.key_report.as_ref().map(|v| file.with_line(v)),
        kind: raw.kind.as_ref().map(|v| file.with_line(v)),
        draft: raw.draft.as_ref().map(|v| file.with_line(v)),
        corrects: raw.corrects.as_ref().map(|v| file.with_line(v)),
        incident_status: raw.incident_status.as_ref().map(|v| file.with_line(v)),
        next_update,
        tables: repeated_tables,
    };
    Ok(Translation {
        version,
        repeated,
        updated_line: updated.map(|(_, line)| line),
    })
}

/// A content file's front matter, deserialised, with what is needed to point
/// problems at its lines and to render its body.
struct FrontMatter<'a, T> {
    raw: T,
    path: &'a Path,
    front: &'a str,
    first_line: usize,
    body: &'a str,
    body_line: usize,
}

impl<'a, T: serde::de::DeserializeOwned> FrontMatter<'a, T> {
    /// Splits the file and reads its front matter, which announcements must have.
    fn read(path: &'a Path, text: &'a str) -> Result<Self, Vec<Problem>> {
        let split =
            frontmatter::split(text).map_err(|(line, m)| vec![Problem::at(path, line, m)])?;
        let Some(front) = split.front_matter else {
            return Err(vec![Problem::at(
                path,
                1,
                "missing front matter; expected the file to start with a `+++` line, then \
                 title, date and channel, then a closing `+++` line",
            )]);
        };
        let first_line = split.front_matter_line;
        let raw =
            toml::from_str(front).map_err(|e| vec![toml_problem(path, front, first_line, &e)])?;
        Ok(FrontMatter {
            raw,
            path,
            front,
            first_line,
            body: split.body,
            body_line: split.body_line,
        })
    }

    /// A repeated value with its line.
    fn with_line<V: Clone>(&self, value: &Spanned<V>) -> (V, usize) {
        (value.get_ref().clone(), self.line(value.span()))
    }

    fn check_title(&self, title: &Spanned<String>, problems: &mut Vec<Problem>) {
        if title.get_ref().trim().is_empty() {
            problems.push(self.problem(title.span(), "`title` is empty; expected the title"));
        }
    }

    fn date(
        &self,
        value: &Spanned<toml::Value>,
        zone: FixedOffset,
        problems: &mut Vec<Problem>,
    ) -> Option<DateTime<FixedOffset>> {
        self.moment(value, "date", zone, problems)
    }

    /// The original's `updated`: given, or its newest revision; never before the
    /// announcement's date nor before a revision it should include.
    fn updated(
        &self,
        value: Option<&Spanned<toml::Value>>,
        date: Option<DateTime<FixedOffset>>,
        tables: &Tables,
        zone: FixedOffset,
        problems: &mut Vec<Problem>,
    ) -> Option<DateTime<FixedOffset>> {
        let newest_revision = tables.revisions.iter().map(|r| r.at).max();
        let Some(value) = value else {
            return newest_revision;
        };
        let updated = self.moment(value, "updated", zone, problems)?;
        if let Some(date) = date
            && updated < date
        {
            problems.push(self.problem(
                value.span(),
                format!(
                    "`updated` {} is before the announcement's `date` ({}); expected when the \
                     published text was last amended",
                    time::front_matter_value(&updated),
                    time::front_matter_value(&date)
                ),
            ));
        }
        if let Some(newest) = newest_revision
            && updated < newest
        {
            problems.push(self.problem(
                value.span(),
                format!(
                    "`updated` {} is before the newest revision ({}); expected the time of the \
                     latest amendment (or leave `updated` out to use it)",
                    time::front_matter_value(&updated),
                    time::front_matter_value(&newest)
                ),
            ));
        }
        Some(updated)
    }

    /// The text of the file: the summary falls back to the body's first paragraph.
    /// Active content in the body is added to `problems`.
    fn version(&self, title: &str, summary: Option<&str>, problems: &mut Vec<Problem>) -> Version {
        let rendered = markdown::render(self.body);
        problems.extend(
            rendered
                .refused
                .iter()
                .map(|r| r.problem(self.path, self.body, self.body_line)),
        );
        Version {
            source: self.path.to_path_buf(),
            title: title.to_string(),
            summary: summary.map_or(rendered.first_paragraph, str::to_string),
            body_html: rendered.html,
            updated: None,
            words: Words::default(),
        }
    }
}

impl<T> Locate for FrontMatter<'_, T> {
    fn path(&self) -> &Path {
        self.path
    }

    fn line(&self, span: std::ops::Range<usize>) -> usize {
        self.first_line + line_of(self.front, span.start) - 1
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn jst() -> FixedOffset {
        FixedOffset::east_opt(9 * 3600).unwrap()
    }

    fn original(text: &str) -> Result<Original, Vec<Problem>> {
        parse_original(
            Path::new("a.md"),
            text,
            Slug::parse("a").unwrap(),
            jst(),
            vec![],
        )
    }

    #[test]
    fn parses_an_original() {
        let o = original(
            "+++\ntitle = \"障害のお知らせ\"\ndate = 2023-06-06T17:00:00\nchannel = [\"ir\", \"pr\"]\nnumber = 2\n+++\n本文です。\n",
        )
        .unwrap();
        let a = o.announcement;
        assert_eq!(a.date.to_rfc3339(), "2023-06-06T17:00:00+09:00");
        assert_eq!(a.channels, Channels::Both);
        assert_eq!(a.number, Some(2));
        assert_eq!(a.original.summary, "本文です。");
    }

    #[test]
    fn unknown_channel_names_the_line() {
        let problems = original(
            "+++\ntitle = \"t\"\ndate = 2023-06-06T17:00:00+09:00\nchannel = \"news\"\n+++\n",
        )
        .unwrap_err();
        assert_eq!(problems[0].line, Some(4));
        assert_eq!(
            problems[0].message,
            "unknown channel `news`; expected \"ir\", \"pr\" or [\"ir\", \"pr\"]"
        );
    }

    #[test]
    fn slugs_are_url_safe() {
        assert!(Slug::parse("2023-06-06-first_notice").is_ok());
        assert!(Slug::parse("第1報").is_err());
        assert!(Slug::parse("A").is_err());
    }
}
