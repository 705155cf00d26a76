//! Announcements: one statement of the company, in its original language and its
//! translations, with the front matter that places it on the site.

use std::collections::BTreeMap;
use std::fmt;
use std::path::{Path, PathBuf};

use chrono::{DateTime, FixedOffset};
use serde::Deserialize;
use serde::de::{self, Deserializer, SeqAccess, Visitor};
use toml::Spanned;

use crate::config::KeyReportId;
use crate::error::{Problem, line_of, toml_problem};
use crate::frontmatter;
use crate::lang::Lang;
use crate::markdown;
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
    /// Whether it is still a draft, never to be built without `--drafts`.
    pub draft: bool,
    /// Files beside its `index.md`, published with it.
    pub attachments: Vec<Attachment>,
    /// The text in the site's main language.
    pub original: Version,
    /// Its translations, by language.
    pub translations: BTreeMap<Lang, Version>,
}

impl Announcement {
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
    #[serde(default)]
    draft: bool,
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
    draft: Option<Spanned<bool>>,
}

/// An original announcement file, parsed but not yet joined to its translations.
#[derive(Debug, Clone)]
pub struct Original {
    /// Everything but the translations, which the content loader adds.
    pub announcement: Announcement,
    /// The line of `key_report` in the file, for problems found across files.
    pub key_report_line: Option<usize>,
}

/// A translation file, parsed; what it repeats of the original is kept to be compared.
#[derive(Debug, Clone)]
pub struct Translation {
    /// The translated text.
    pub version: Version,
    /// Fields repeated from the original, each with its line, to be checked against it.
    pub repeated: Repeated,
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
    /// `draft`.
    pub draft: Option<(bool, usize)>,
}

/// Parses an original announcement file (`NAME.md` or `NAME/index.md`).
pub fn parse_original(
    path: &Path,
    text: &str,
    slug: Slug,
    zone: FixedOffset,
    attachments: Vec<Attachment>,
) -> Result<Original, Vec<Problem>> {
    let file = FrontMatter::<RawOriginal>::read(path, text)?;
    let raw = &file.raw;
    let mut problems = Vec::new();
    file.check_title(&raw.title, &mut problems);
    let date = file.date(&raw.date, zone, &mut problems);
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
    let original = file.version(raw.title.get_ref(), raw.summary.as_deref(), &mut problems);
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
            draft: raw.draft,
            attachments,
            original,
            translations: BTreeMap::new(),
        },
        key_report_line,
    })
}

/// Parses a translation file (`NAME.LANG.md` or `NAME/index.LANG.md`).
pub fn parse_translation(
    path: &Path,
    text: &str,
    zone: FixedOffset,
) -> Result<Translation, Vec<Problem>> {
    let file = FrontMatter::<RawTranslation>::read(path, text)?;
    let raw = &file.raw;
    let mut problems = Vec::new();
    file.check_title(&raw.title, &mut problems);
    let date = raw.date.as_ref().and_then(|d| {
        file.date(d, zone, &mut problems)
            .map(|dt| (dt, file.line(d.span())))
    });
    let version = file.version(raw.title.get_ref(), raw.summary.as_deref(), &mut problems);
    if !problems.is_empty() {
        return Err(problems);
    }
    let repeated = Repeated {
        date,
        channels: raw.channel.as_ref().map(|v| file.with_line(v)),
        number: raw.number.as_ref().map(|v| file.with_line(v)),
        key_report: raw.key_report.as_ref().map(|v| file.with_line(v)),
        draft: raw.draft.as_ref().map(|v| file.with_line(v)),
    };
    Ok(Translation { version, repeated })
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

    /// The line of the file at which a front-matter value starts.
    fn line(&self, span: std::ops::Range<usize>) -> usize {
        self.first_line + line_of(self.front, span.start) - 1
    }

    /// A repeated value with its line.
    fn with_line<V: Clone>(&self, value: &Spanned<V>) -> (V, usize) {
        (value.get_ref().clone(), self.line(value.span()))
    }

    fn problem(&self, span: std::ops::Range<usize>, message: impl Into<String>) -> Problem {
        Problem::at(self.path, self.line(span), message)
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
        time::parse_value(value.get_ref(), zone)
            .map_err(|m| problems.push(self.problem(value.span(), format!("`date`: {m}"))))
            .ok()
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
        }
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
