//! Reading the front-matter tables in which an announcement reports the incident's
//! state (`[[services]]`, `[[measures]]`, `[[timeline]]`, `[[revisions]]`): an
//! original's facts and words, and a translation's words with the facts it repeats.

use std::collections::HashSet;

use chrono::{DateTime, FixedOffset};
use serde::Deserialize;
use toml::Spanned;

use super::frontmatter::FrontMatter;
use crate::base::time::{When, front_matter_value};
use crate::base::{Located, Message, Problem};
use crate::model::tables::{
    EntryWords, MeasureStatus, RevisionFact, RevisionKind, ServiceFact, ServiceStatus, Tables,
    Words,
};
use crate::msg;

/// A `[[services]]` entry of an original.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawService {
    name: String,
    status: ServiceStatus,
    since: Option<Spanned<toml::Value>>,
    note: Option<String>,
}

/// A `[[measures]]` entry of an original.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawMeasure {
    name: String,
    status: MeasureStatus,
    note: Option<String>,
}

/// A `[[timeline]]` entry of an original.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawTimeline {
    at: Spanned<toml::Value>,
    text: String,
}

/// A `[[revisions]]` entry of an original.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawRevision {
    at: Spanned<toml::Value>,
    kind: RevisionKind,
    text: String,
}

/// A `[[services]]` entry of a translation: its words, and facts it may repeat.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawServiceWords {
    name: Option<String>,
    note: Option<String>,
    status: Option<ServiceStatus>,
    since: Option<Spanned<toml::Value>>,
}

/// A `[[measures]]` entry of a translation.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawMeasureWords {
    name: Option<String>,
    note: Option<String>,
    status: Option<MeasureStatus>,
}

/// A `[[timeline]]` entry of a translation.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawTimelineWords {
    text: Option<String>,
    at: Option<Spanned<toml::Value>>,
}

/// A `[[revisions]]` entry of a translation.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawRevisionWords {
    text: Option<String>,
    at: Option<Spanned<toml::Value>>,
    kind: Option<RevisionKind>,
}

/// The tables of an original, as deserialised.
#[derive(Default)]
pub struct RawTables {
    pub services: Vec<Spanned<RawService>>,
    pub measures: Vec<Spanned<RawMeasure>>,
    pub timeline: Vec<Spanned<RawTimeline>>,
    pub revisions: Vec<Spanned<RawRevision>>,
}

/// The tables of a translation, as deserialised.
#[derive(Default)]
pub struct RawTranslatedTables {
    pub services: Vec<Spanned<RawServiceWords>>,
    pub measures: Vec<Spanned<RawMeasureWords>>,
    pub timeline: Vec<Spanned<RawTimelineWords>>,
    pub revisions: Vec<Spanned<RawRevisionWords>>,
}

/// What a translation's tables say besides words: how many entries each has and the
/// facts it repeated, each entry with its line, to be checked against the original.
#[derive(Debug, Clone, Default)]
pub struct RepeatedTables {
    /// Per `[[services]]` entry: the status and `since` where repeated.
    pub services: Vec<Located<RepeatedService>>,
    /// Per `[[measures]]` entry: the status where repeated.
    pub measures: Vec<Located<Option<MeasureStatus>>>,
    /// Per `[[timeline]]` entry: `at` where repeated.
    pub timeline: Vec<Located<Option<When>>>,
    /// Per `[[revisions]]` entry: `at` and `kind` where repeated.
    pub revisions: Vec<Located<RepeatedRevision>>,
}

/// The facts a translation's `[[services]]` entry repeated.
#[derive(Debug, Clone, Default)]
pub struct RepeatedService {
    /// `status`.
    pub status: Option<ServiceStatus>,
    /// `since`.
    pub since: Option<When>,
}

/// The facts a translation's `[[revisions]]` entry repeated.
#[derive(Debug, Clone, Default)]
pub struct RepeatedRevision {
    /// `at`.
    pub at: Option<DateTime<FixedOffset>>,
    /// `kind`.
    pub kind: Option<RevisionKind>,
}

/// Reads an original's tables. `date` is the announcement's own date, which no
/// revision may precede.
pub fn read_original<T>(
    raw: RawTables,
    date: Option<DateTime<FixedOffset>>,
    zone: FixedOffset,
    file: &FrontMatter<T>,
    problems: &mut Vec<Problem>,
) -> (Tables, Words) {
    let mut reading = Original {
        file,
        zone,
        problems,
        tables: Tables::default(),
        words: Words::default(),
    };
    reading.services(raw.services);
    reading.measures(raw.measures);
    reading.timeline(raw.timeline);
    reading.revisions(raw.revisions, date);
    (reading.tables, reading.words)
}

/// An original's tables being read: the file, its zone and problems, and the facts
/// and words read so far.
struct Original<'a, 'f, T> {
    file: &'a FrontMatter<'f, T>,
    zone: FixedOffset,
    problems: &'a mut Vec<Problem>,
    tables: Tables,
    words: Words,
}

impl<T> Original<'_, '_, T> {
    /// `[[services]]`: each name given once.
    fn services(&mut self, entries: Vec<Spanned<RawService>>) {
        let mut names = HashSet::new();
        for entry in entries {
            let span = entry.span();
            let raw = entry.into_inner();
            check_name(
                "services",
                &raw.name,
                &mut names,
                span,
                self.file,
                self.problems,
            );
            let since = raw.since.as_ref().and_then(|v| {
                self.file
                    .when(v, "services.since", self.zone, self.problems)
            });
            self.tables.services.push(ServiceFact {
                status: raw.status,
                since,
            });
            self.words.services.push(EntryWords {
                name: Some(raw.name),
                note: raw.note,
            });
        }
    }

    /// `[[measures]]`: each name given once.
    fn measures(&mut self, entries: Vec<Spanned<RawMeasure>>) {
        let mut names = HashSet::new();
        for entry in entries {
            let span = entry.span();
            let raw = entry.into_inner();
            check_name(
                "measures",
                &raw.name,
                &mut names,
                span,
                self.file,
                self.problems,
            );
            self.tables.measures.push(raw.status);
            self.words.measures.push(EntryWords {
                name: Some(raw.name),
                note: raw.note,
            });
        }
    }

    /// `[[timeline]]`: each event with what happened.
    fn timeline(&mut self, entries: Vec<Spanned<RawTimeline>>) {
        for entry in entries {
            let span = entry.span();
            let raw = entry.into_inner();
            let expected = msg!("load-timeline-text");
            check_text(
                "timeline",
                &raw.text,
                expected,
                span,
                self.file,
                self.problems,
            );
            // A bad `at` is a problem, so the file is refused; the placeholder only
            // keeps facts and words in step while the rest of the file is checked.
            let at = self
                .file
                .when(&raw.at, "timeline.at", self.zone, self.problems);
            self.tables
                .timeline
                .push(at.unwrap_or(When::Day(chrono::NaiveDate::MIN)));
            self.words.timeline.push(Some(raw.text));
        }
    }

    /// `[[revisions]]`: none before the announcement's `date`.
    fn revisions(
        &mut self,
        entries: Vec<Spanned<RawRevision>>,
        date: Option<DateTime<FixedOffset>>,
    ) {
        for entry in entries {
            let span = entry.span();
            let raw = entry.into_inner();
            let expected = msg!("load-revision-text");
            check_text(
                "revisions",
                &raw.text,
                expected,
                span,
                self.file,
                self.problems,
            );
            let Some(at) = self
                .file
                .moment(&raw.at, "revisions.at", self.zone, self.problems)
            else {
                continue; // Reported; the file is refused.
            };
            if let Some(date) = date
                && at < date
            {
                self.problems.push(self.file.problem(
                    raw.at.span(),
                    msg!(
                        "load-revision-before-date",
                        at = front_matter_value(&at),
                        date = front_matter_value(&date)
                    ),
                ));
            }
            self.tables
                .revisions
                .push(RevisionFact { at, kind: raw.kind });
            self.words.revisions.push(Some(raw.text));
        }
    }
}

/// Reads a translation's tables: its words, and the facts it repeated.
pub fn read_translation<T>(
    raw: RawTranslatedTables,
    zone: FixedOffset,
    file: &FrontMatter<T>,
    problems: &mut Vec<Problem>,
) -> (Words, RepeatedTables) {
    let mut words = Words::default();
    let mut repeated = RepeatedTables::default();
    for entry in raw.services {
        let line = file.line(entry.span());
        let raw = entry.into_inner();
        let since = raw
            .since
            .as_ref()
            .and_then(|v| file.when(v, "services.since", zone, problems));
        repeated.services.push(Located::new(
            line,
            RepeatedService {
                status: raw.status,
                since,
            },
        ));
        words.services.push(EntryWords {
            name: raw.name,
            note: raw.note,
        });
    }
    for entry in raw.measures {
        let line = file.line(entry.span());
        let raw = entry.into_inner();
        repeated.measures.push(Located::new(line, raw.status));
        words.measures.push(EntryWords {
            name: raw.name,
            note: raw.note,
        });
    }
    for entry in raw.timeline {
        let line = file.line(entry.span());
        let raw = entry.into_inner();
        let at = raw
            .at
            .as_ref()
            .and_then(|v| file.when(v, "timeline.at", zone, problems));
        repeated.timeline.push(Located::new(line, at));
        words.timeline.push(raw.text);
    }
    for entry in raw.revisions {
        let line = file.line(entry.span());
        let raw = entry.into_inner();
        let at = raw
            .at
            .as_ref()
            .and_then(|v| file.moment(v, "revisions.at", zone, problems));
        repeated
            .revisions
            .push(Located::new(line, RepeatedRevision { at, kind: raw.kind }));
        words.revisions.push(raw.text);
    }
    (words, repeated)
}

fn check_name<T>(
    table: &str,
    name: &str,
    seen: &mut HashSet<String>,
    span: std::ops::Range<usize>,
    file: &FrontMatter<T>,
    problems: &mut Vec<Problem>,
) {
    if name.trim().is_empty() {
        problems.push(file.problem(span, msg!("load-entry-empty-name", table)));
    } else if !seen.insert(name.to_string()) {
        problems.push(file.problem(span, msg!("load-entry-twice", table, name)));
    }
}

fn check_text<T>(
    table: &str,
    text: &str,
    expected: Message,
    span: std::ops::Range<usize>,
    file: &FrontMatter<T>,
    problems: &mut Vec<Problem>,
) {
    if text.trim().is_empty() {
        problems.push(file.problem(span, msg!("load-entry-empty-text", table, expected)));
    }
}
