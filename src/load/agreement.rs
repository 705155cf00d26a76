//! Translation agreement: a translation may repeat the original's facts (date,
//! channel, number, key report, kind, draft flag, correction, status, promise, and
//! the facts of its tables); where it does, they must be the same, and its tables may
//! not have more entries than the original's.

use std::path::Path;

use super::tables::RepeatedTables;
use super::translation::Translation;
use crate::base::time::front_matter_value;
use crate::base::{Located, Problem};
use crate::model::Announcement;
use crate::model::tables::Tables;

/// The problems of a translation at `path` that says something other than its
/// original at `original_path`.
pub fn check(
    original_path: &Path,
    original: &Announcement,
    path: &Path,
    translation: &Translation,
) -> Vec<Problem> {
    let mut compare = Compare {
        path,
        original_path,
        problems: Vec::new(),
    };
    compare.facts(original, translation);
    compare.tables(&original.tables, &translation.repeated.tables);
    if let (Some(updated), Some(line)) = (translation.version.updated, translation.updated_line)
        && updated < original.date
    {
        compare.problems.push(Problem::at(
            path,
            line,
            format!(
                "`updated` {} is before the announcement's `date` ({}); expected when this \
                 translation was last amended",
                front_matter_value(&updated),
                front_matter_value(&original.date)
            ),
        ));
    }
    compare.problems
}

/// A translation compared with its original, and what differs so far.
struct Compare<'a> {
    path: &'a Path,
    original_path: &'a Path,
    problems: Vec<Problem>,
}

/// A fact the original may not have, as messages show it.
fn or_not_set<T>(value: Option<T>, show: impl Fn(T) -> String) -> String {
    value.map_or_else(|| "not set".to_string(), show)
}

fn quoted(id: &str) -> String {
    format!("\"{id}\"")
}

/// The lines of a table's entries.
fn lines<T>(entries: &[Located<T>]) -> Vec<usize> {
    entries.iter().map(|e| e.line).collect()
}

fn entries(n: usize) -> String {
    if n == 1 {
        "1 entry".to_string()
    } else {
        format!("{n} entries")
    }
}

impl Compare<'_> {
    /// `key`, repeated at `line`, is `theirs` there but `ours` in the original.
    fn differs(&mut self, key: &str, line: usize, theirs: String, ours: String) {
        self.problems.push(Problem::at(
            self.path,
            line,
            format!(
                "`{key}` is {theirs} here but {ours} in the original {}; expected the same \
                 value (or leave it out: translations inherit it)",
                self.original_path.display()
            ),
        ));
    }

    /// A repeated fact of a table entry (`n` from 1) that differs.
    fn entry_differs(&mut self, at: (&str, usize, usize), key: &str, theirs: String, ours: String) {
        let (table, n, line) = at;
        self.problems.push(Problem::at(
            self.path,
            line,
            format!(
                "`{key}` of `[[{table}]]` entry {n} is {theirs} here but {ours} in the original \
                 {}; expected the same value (or leave it out: translations inherit it)",
                self.original_path.display()
            ),
        ));
    }

    /// The front-matter facts a translation repeated.
    fn facts(&mut self, original: &Announcement, translation: &Translation) {
        let repeated = &translation.repeated;
        if let Some(Located { line, value }) = repeated.date
            && value != original.date
        {
            self.differs("date", line, value.to_rfc3339(), original.date.to_rfc3339());
        }
        if let Some(Located { line, value }) = repeated.channels
            && value != original.channels
        {
            let (theirs, ours) = (value.as_front_matter(), original.channels.as_front_matter());
            self.differs("channel", line, theirs.to_string(), ours.to_string());
        }
        if let Some(Located { line, value }) = repeated.number
            && Some(value) != original.number
        {
            let ours = or_not_set(original.number, |n| n.to_string());
            self.differs("number", line, value.to_string(), ours);
        }
        if let Some(Located { line, value }) = &repeated.key_report
            && Some(value.as_str()) != original.key_report.as_ref().map(|k| k.as_str())
        {
            let ours = or_not_set(original.key_report.as_ref(), |k| format!("`{k}`"));
            self.differs("key_report", *line, format!("`{value}`"), ours);
        }
        if let Some(Located { line, value }) = &repeated.kind
            && Some(value.as_str()) != original.kind.map(|k| k.id())
        {
            let ours = or_not_set(original.kind, |k| quoted(k.id()));
            self.differs("kind", *line, quoted(value), ours);
        }
        if let Some(Located { line, value }) = repeated.draft
            && value != original.draft
        {
            self.differs("draft", line, value.to_string(), original.draft.to_string());
        }
        if let Some(Located { line, value }) = &repeated.corrects
            && Some(value.as_str()) != original.corrects.as_ref().map(|s| s.as_str())
        {
            let ours = or_not_set(original.corrects.as_ref(), |s| format!("`{s}`"));
            self.differs("corrects", *line, format!("`{value}`"), ours);
        }
        if let Some(Located { line, value }) = repeated.incident_status
            && Some(value) != original.incident_status
        {
            let ours = or_not_set(original.incident_status, |s| quoted(s.id()));
            self.differs("incident_status", line, quoted(value.id()), ours);
        }
        if let Some(Located { line, value }) = repeated.next_update
            && Some(value) != original.next_update
        {
            let ours = or_not_set(original.next_update, |n| front_matter_value(&n));
            self.differs("next_update", line, front_matter_value(&value), ours);
        }
    }

    /// A table of the translation with more entries than the original's: reported at
    /// its first extra entry.
    fn count(&mut self, table: &str, lines: Vec<usize>, ours: usize) {
        if let Some(&line) = lines.get(ours) {
            self.problems.push(Problem::at(
                self.path,
                line,
                format!(
                    "`[[{table}]]` has {} here but {} in the original {}; expected the \
                     original's entries, in the same order",
                    entries(lines.len()),
                    entries(ours),
                    self.original_path.display()
                ),
            ));
        }
    }

    /// The translation's tables against the original's.
    fn tables(&mut self, original: &Tables, repeated: &RepeatedTables) {
        self.count(
            "services",
            lines(&repeated.services),
            original.services.len(),
        );
        self.count(
            "measures",
            lines(&repeated.measures),
            original.measures.len(),
        );
        self.count(
            "timeline",
            lines(&repeated.timeline),
            original.timeline.len(),
        );
        self.count(
            "revisions",
            lines(&repeated.revisions),
            original.revisions.len(),
        );
        for (i, (entry, fact)) in repeated.services.iter().zip(&original.services).enumerate() {
            let at = ("services", i + 1, entry.line);
            if let Some(status) = entry.value.status
                && status != fact.status
            {
                self.entry_differs(at, "status", quoted(status.id()), quoted(fact.status.id()));
            }
            if let Some(since) = entry.value.since
                && Some(since) != fact.since
            {
                let ours = or_not_set(fact.since, |s| s.to_string());
                self.entry_differs(at, "since", since.to_string(), ours);
            }
        }
        for (i, (entry, fact)) in repeated.measures.iter().zip(&original.measures).enumerate() {
            if let Some(status) = entry.value
                && status != *fact
            {
                let at = ("measures", i + 1, entry.line);
                self.entry_differs(at, "status", quoted(status.id()), quoted(fact.id()));
            }
        }
        for (i, (entry, fact)) in repeated.timeline.iter().zip(&original.timeline).enumerate() {
            if let Some(at) = entry.value
                && at != *fact
            {
                let place = ("timeline", i + 1, entry.line);
                self.entry_differs(place, "at", at.to_string(), fact.to_string());
            }
        }
        for (i, (entry, fact)) in repeated
            .revisions
            .iter()
            .zip(&original.revisions)
            .enumerate()
        {
            let place = ("revisions", i + 1, entry.line);
            if let Some(at) = entry.value.at
                && at != fact.at
            {
                let (theirs, ours) = (front_matter_value(&at), front_matter_value(&fact.at));
                self.entry_differs(place, "at", theirs, ours);
            }
            if let Some(kind) = entry.value.kind
                && kind != fact.kind
            {
                self.entry_differs(place, "kind", quoted(kind.id()), quoted(fact.kind.id()));
            }
        }
    }
}
