//! The front-matter tables in which an announcement reports the incident's state:
//! `[[services]]`, `[[measures]]`, `[[timeline]]` and `[[revisions]]`.
//!
//! Facts (statuses, dates, kinds) belong to the announcement and are given once, in
//! the original. Words (names, notes, texts) belong to a language: a translation
//! repeats the tables in the same order with its own words, and may repeat a fact
//! only to say the same thing.

use std::collections::HashSet;

use chrono::{DateTime, FixedOffset};
use serde::Deserialize;
use toml::Spanned;

use crate::error::Problem;
use crate::time::{self, When};

/// The state of one service function (payroll, attendance, ...).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum ServiceStatus {
    /// Not available.
    Stopped,
    /// Available, but slow or with errors.
    Degraded,
    /// Some of its functions are back.
    Partial,
    /// Back in full.
    Restored,
    /// Still stopped, with a date set for its return.
    Planned,
}

impl ServiceStatus {
    /// The identifier used in front matter, CSS classes and the theme's string keys.
    pub fn id(self) -> &'static str {
        match self {
            ServiceStatus::Stopped => "stopped",
            ServiceStatus::Degraded => "degraded",
            ServiceStatus::Partial => "partial",
            ServiceStatus::Restored => "restored",
            ServiceStatus::Planned => "planned",
        }
    }

    /// Every status, in the order the theme's strings list them.
    pub const ALL: [ServiceStatus; 5] = [
        ServiceStatus::Stopped,
        ServiceStatus::Degraded,
        ServiceStatus::Partial,
        ServiceStatus::Restored,
        ServiceStatus::Planned,
    ];
}

/// How far a recurrence-prevention measure (再発防止策) has come.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum MeasureStatus {
    /// Completed.
    Done,
    /// Started, not finished.
    InProgress,
    /// Decided, not started.
    Planned,
}

impl MeasureStatus {
    /// The identifier used in front matter, CSS classes and the theme's string keys.
    pub fn id(self) -> &'static str {
        match self {
            MeasureStatus::Done => "done",
            MeasureStatus::InProgress => "in_progress",
            MeasureStatus::Planned => "planned",
        }
    }

    /// Every status, in the order the measures page groups them: done first.
    pub const ALL: [MeasureStatus; 3] = [
        MeasureStatus::Done,
        MeasureStatus::InProgress,
        MeasureStatus::Planned,
    ];
}

/// What an amendment after publication did.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum RevisionKind {
    /// Information added (追記).
    Addendum,
    /// Something that was wrong was corrected (訂正).
    Correction,
}

impl RevisionKind {
    /// The identifier used in front matter, CSS classes and the theme's string keys.
    pub fn id(self) -> &'static str {
        match self {
            RevisionKind::Addendum => "addendum",
            RevisionKind::Correction => "correction",
        }
    }
}

/// The facts of an announcement's tables, in the order written.
#[derive(Debug, Clone, Default)]
pub struct Tables {
    /// `[[services]]`: each service's status as of the announcement.
    pub services: Vec<ServiceFact>,
    /// `[[measures]]`: each measure's status as of the announcement.
    pub measures: Vec<MeasureStatus>,
    /// `[[timeline]]`: when each event happened.
    pub timeline: Vec<When>,
    /// `[[revisions]]`: the amendments after publication, in the order written.
    pub revisions: Vec<RevisionFact>,
}

/// A service's status as one announcement reports it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ServiceFact {
    /// The status.
    pub status: ServiceStatus,
    /// Since when, if the announcement says.
    pub since: Option<When>,
}

/// One amendment of a published announcement.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RevisionFact {
    /// When it was made.
    pub at: DateTime<FixedOffset>,
    /// Addendum or correction.
    pub kind: RevisionKind,
}

/// The words of an announcement's tables in one language, entry by entry. In the
/// original every name and text is set; a translation may leave any out (or stop
/// early), and readers then see the original's words.
#[derive(Debug, Clone, Default)]
pub struct Words {
    /// Name and note of each `[[services]]` entry.
    pub services: Vec<EntryWords>,
    /// Name and note of each `[[measures]]` entry.
    pub measures: Vec<EntryWords>,
    /// Text of each `[[timeline]]` entry.
    pub timeline: Vec<Option<String>>,
    /// Text of each `[[revisions]]` entry.
    pub revisions: Vec<Option<String>>,
}

/// The name and note of one service or measure entry in one language.
#[derive(Debug, Clone, Default)]
pub struct EntryWords {
    /// The name; in the original, the identity of the service or measure across
    /// announcements.
    pub name: Option<String>,
    /// The note.
    pub note: Option<String>,
}

/// A `[[services]]` entry of an original.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct RawService {
    name: String,
    status: ServiceStatus,
    since: Option<Spanned<toml::Value>>,
    note: Option<String>,
}

/// A `[[measures]]` entry of an original.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct RawMeasure {
    name: String,
    status: MeasureStatus,
    note: Option<String>,
}

/// A `[[timeline]]` entry of an original.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct RawTimeline {
    at: Spanned<toml::Value>,
    text: String,
}

/// A `[[revisions]]` entry of an original.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct RawRevision {
    at: Spanned<toml::Value>,
    kind: RevisionKind,
    text: String,
}

/// A `[[services]]` entry of a translation: its words, and facts it may repeat.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct RawServiceWords {
    name: Option<String>,
    note: Option<String>,
    status: Option<ServiceStatus>,
    since: Option<Spanned<toml::Value>>,
}

/// A `[[measures]]` entry of a translation.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct RawMeasureWords {
    name: Option<String>,
    note: Option<String>,
    status: Option<MeasureStatus>,
}

/// A `[[timeline]]` entry of a translation.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct RawTimelineWords {
    text: Option<String>,
    at: Option<Spanned<toml::Value>>,
}

/// A `[[revisions]]` entry of a translation.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct RawRevisionWords {
    text: Option<String>,
    at: Option<Spanned<toml::Value>>,
    kind: Option<RevisionKind>,
}

/// The tables of an original, as deserialised.
#[derive(Default)]
pub(crate) struct RawTables {
    pub services: Vec<Spanned<RawService>>,
    pub measures: Vec<Spanned<RawMeasure>>,
    pub timeline: Vec<Spanned<RawTimeline>>,
    pub revisions: Vec<Spanned<RawRevision>>,
}

/// The tables of a translation, as deserialised.
#[derive(Default)]
pub(crate) struct RawTranslatedTables {
    pub services: Vec<Spanned<RawServiceWords>>,
    pub measures: Vec<Spanned<RawMeasureWords>>,
    pub timeline: Vec<Spanned<RawTimelineWords>>,
    pub revisions: Vec<Spanned<RawRevisionWords>>,
}

/// What a translation's tables say besides words: how many entries each has and the
/// facts it repeated, each with its line, to be checked against the original.
#[derive(Debug, Clone, Default)]
pub struct RepeatedTables {
    /// Per entry: the line, and the status and `since` where repeated.
    pub services: Vec<(usize, Option<ServiceStatus>, Option<When>)>,
    /// Per entry: the line, and the status where repeated.
    pub measures: Vec<(usize, Option<MeasureStatus>)>,
    /// Per entry: the line, and `at` where repeated.
    pub timeline: Vec<(usize, Option<When>)>,
    /// Per entry: the line, and `at` and `kind` where repeated.
    pub revisions: Vec<(usize, Option<DateTime<FixedOffset>>, Option<RevisionKind>)>,
}

/// Points problems at lines of the file whose front matter is being read, and reads
/// its date values, reporting the ones that do not parse at their line.
pub(crate) trait Locate {
    /// The file, as problems name it.
    fn path(&self) -> &std::path::Path;

    /// The line where a front-matter span starts.
    fn line(&self, span: std::ops::Range<usize>) -> usize;

    /// The problem at the line where a front-matter span starts.
    fn problem(&self, span: std::ops::Range<usize>, message: impl Into<String>) -> Problem {
        Problem::at(self.path(), self.line(span), message)
    }

    /// A date-time value of `key`, or a problem.
    fn moment(
        &self,
        value: &Spanned<toml::Value>,
        key: &str,
        zone: FixedOffset,
        problems: &mut Vec<Problem>,
    ) -> Option<DateTime<FixedOffset>> {
        time::parse_value(value.get_ref(), zone)
            .map_err(|m| problems.push(self.problem(value.span(), format!("`{key}`: {m}"))))
            .ok()
    }

    /// A date or date-time value of `key`, or a problem.
    fn when(
        &self,
        value: &Spanned<toml::Value>,
        key: &str,
        zone: FixedOffset,
        problems: &mut Vec<Problem>,
    ) -> Option<When> {
        time::parse_when_value(value.get_ref(), zone)
            .map_err(|m| problems.push(self.problem(value.span(), format!("`{key}`: {m}"))))
            .ok()
    }
}

/// Reads an original's tables. `date` is the announcement's own date, which no
/// revision may precede.
pub(crate) fn read_original(
    raw: RawTables,
    date: Option<DateTime<FixedOffset>>,
    zone: FixedOffset,
    file: &impl Locate,
    problems: &mut Vec<Problem>,
) -> (Tables, Words) {
    let mut tables = Tables::default();
    let mut words = Words::default();

    let mut names = HashSet::new();
    for entry in raw.services {
        let span = entry.span();
        let raw = entry.into_inner();
        check_name(
            "services",
            &raw.name,
            &mut names,
            span.clone(),
            file,
            problems,
        );
        let since = raw
            .since
            .as_ref()
            .and_then(|v| file.when(v, "services.since", zone, problems));
        tables.services.push(ServiceFact {
            status: raw.status,
            since,
        });
        words.services.push(EntryWords {
            name: Some(raw.name),
            note: raw.note,
        });
    }

    let mut names = HashSet::new();
    for entry in raw.measures {
        let span = entry.span();
        let raw = entry.into_inner();
        check_name("measures", &raw.name, &mut names, span, file, problems);
        tables.measures.push(raw.status);
        words.measures.push(EntryWords {
            name: Some(raw.name),
            note: raw.note,
        });
    }

    for entry in raw.timeline {
        let span = entry.span();
        let raw = entry.into_inner();
        check_text("timeline", &raw.text, "what happened", span, file, problems);
        // A bad `at` is a problem, so the file is refused; the placeholder only keeps
        // facts and words in step while the rest of the file is checked.
        let at = file.when(&raw.at, "timeline.at", zone, problems);
        tables
            .timeline
            .push(at.unwrap_or(When::Day(chrono::NaiveDate::MIN)));
        words.timeline.push(Some(raw.text));
    }

    for entry in raw.revisions {
        let span = entry.span();
        let raw = entry.into_inner();
        check_text(
            "revisions",
            &raw.text,
            "what was amended",
            span,
            file,
            problems,
        );
        let Some(at) = file.moment(&raw.at, "revisions.at", zone, problems) else {
            continue; // Reported; the file is refused.
        };
        if let Some(date) = date
            && at < date
        {
            problems.push(file.problem(
                raw.at.span(),
                format!(
                    "revision dated {} is before the announcement's `date` ({}); expected the \
                     time the published text was amended",
                    time::front_matter_value(&at),
                    time::front_matter_value(&date)
                ),
            ));
        }
        tables.revisions.push(RevisionFact { at, kind: raw.kind });
        words.revisions.push(Some(raw.text));
    }
    (tables, words)
}

/// Reads a translation's tables: its words, and the facts it repeated.
pub(crate) fn read_translation(
    raw: RawTranslatedTables,
    zone: FixedOffset,
    file: &impl Locate,
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
        repeated.services.push((line, raw.status, since));
        words.services.push(EntryWords {
            name: raw.name,
            note: raw.note,
        });
    }
    for entry in raw.measures {
        let line = file.line(entry.span());
        let raw = entry.into_inner();
        repeated.measures.push((line, raw.status));
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
        repeated.timeline.push((line, at));
        words.timeline.push(raw.text);
    }
    for entry in raw.revisions {
        let line = file.line(entry.span());
        let raw = entry.into_inner();
        let at = raw
            .at
            .as_ref()
            .and_then(|v| file.moment(v, "revisions.at", zone, problems));
        repeated.revisions.push((line, at, raw.kind));
        words.revisions.push(raw.text);
    }
    (words, repeated)
}

/// Where a translation's tables say something other than the original's (at
/// `original_path`): more entries than the original has, or a repeated fact that
/// differs. Each is a line of the translation and a message.
pub fn disagreements(
    original: &Tables,
    repeated: &RepeatedTables,
    original_path: &std::path::Path,
) -> Vec<(usize, String)> {
    let original_path = original_path.display();
    let mut found = Vec::new();
    let lines_of = |lines: &[usize], table: &str, ours: usize| {
        lines.get(ours).map(|&line| {
            (
                line,
                format!(
                    "`[[{table}]]` has {} here but {} in the original {original_path}; \
                     expected the original's entries, in the same order",
                    entries(lines.len()),
                    entries(ours)
                ),
            )
        })
    };
    let service_lines: Vec<usize> = repeated.services.iter().map(|e| e.0).collect();
    let measure_lines: Vec<usize> = repeated.measures.iter().map(|e| e.0).collect();
    let timeline_lines: Vec<usize> = repeated.timeline.iter().map(|e| e.0).collect();
    let revision_lines: Vec<usize> = repeated.revisions.iter().map(|e| e.0).collect();
    found.extend(lines_of(
        &service_lines,
        "services",
        original.services.len(),
    ));
    found.extend(lines_of(
        &measure_lines,
        "measures",
        original.measures.len(),
    ));
    found.extend(lines_of(
        &timeline_lines,
        "timeline",
        original.timeline.len(),
    ));
    found.extend(lines_of(
        &revision_lines,
        "revisions",
        original.revisions.len(),
    ));

    let mut differs = |line: usize,
                       key: &str,
                       table: &str,
                       n: usize,
                       theirs: String,
                       ours: String| {
        found.push((
            line,
            format!(
                "`{key}` of `[[{table}]]` entry {n} is {theirs} here but {ours} in the original \
                 {original_path}; expected the same value (or leave it out: translations inherit it)"
            ),
        ));
    };
    for (i, ((line, status, since), fact)) in
        repeated.services.iter().zip(&original.services).enumerate()
    {
        if let Some(status) = status
            && *status != fact.status
        {
            differs(
                *line,
                "status",
                "services",
                i + 1,
                quoted(status.id()),
                quoted(fact.status.id()),
            );
        }
        if let Some(since) = since
            && Some(*since) != fact.since
        {
            let ours = fact.since.as_ref().map_or("not set".into(), show);
            differs(*line, "since", "services", i + 1, show(since), ours);
        }
    }
    for (i, ((line, status), fact)) in repeated.measures.iter().zip(&original.measures).enumerate()
    {
        if let Some(status) = status
            && status != fact
        {
            differs(
                *line,
                "status",
                "measures",
                i + 1,
                quoted(status.id()),
                quoted(fact.id()),
            );
        }
    }
    for (i, ((line, at), fact)) in repeated.timeline.iter().zip(&original.timeline).enumerate() {
        if let Some(at) = at
            && at != fact
        {
            differs(*line, "at", "timeline", i + 1, show(at), show(fact));
        }
    }
    for (i, ((line, at, kind), fact)) in repeated
        .revisions
        .iter()
        .zip(&original.revisions)
        .enumerate()
    {
        if let Some(at) = at
            && *at != fact.at
        {
            let (theirs, ours) = (
                time::front_matter_value(at),
                time::front_matter_value(&fact.at),
            );
            differs(*line, "at", "revisions", i + 1, theirs, ours);
        }
        if let Some(kind) = kind
            && *kind != fact.kind
        {
            differs(
                *line,
                "kind",
                "revisions",
                i + 1,
                quoted(kind.id()),
                quoted(fact.kind.id()),
            );
        }
    }
    found
}

fn entries(n: usize) -> String {
    if n == 1 {
        "1 entry".to_string()
    } else {
        format!("{n} entries")
    }
}

fn quoted(id: &str) -> String {
    format!("\"{id}\"")
}

fn show(when: &When) -> String {
    when.to_string()
}

fn check_name(
    table: &str,
    name: &str,
    seen: &mut HashSet<String>,
    span: std::ops::Range<usize>,
    file: &impl Locate,
    problems: &mut Vec<Problem>,
) {
    if name.trim().is_empty() {
        problems.push(file.problem(
            span,
            format!("`[[{table}]]` entry has an empty `name`; expected its name"),
        ));
    } else if !seen.insert(name.to_string()) {
        problems.push(file.problem(
            span,
            format!("`[[{table}]]` lists `{name}` twice; expected each one once per announcement"),
        ));
    }
}

fn check_text(
    table: &str,
    text: &str,
    expected: &str,
    span: std::ops::Range<usize>,
    file: &impl Locate,
    problems: &mut Vec<Problem>,
) {
    if text.trim().is_empty() {
        problems.push(file.problem(
            span,
            format!("`[[{table}]]` entry has an empty `text`; expected {expected}"),
        ));
    }
}
