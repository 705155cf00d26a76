//! Translation agreement: a translation may repeat the original's facts (date,
//! channel, number, key report, kind, draft flag, correction, status, promise, and
//! the facts of its tables); where it does, they must be the same, and its tables may
//! not have more entries than the original's.

use std::path::Path;

use super::tables::RepeatedTables;
use super::translation::Translation;
use crate::base::message::Arg;
use crate::base::time::front_matter_value;
use crate::base::{Located, Problem};
use crate::model::Announcement;
use crate::model::tables::Tables;
use crate::msg;

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
            msg!(
                "load-translation-updated-before-date",
                updated = front_matter_value(&updated),
                date = front_matter_value(&original.date)
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
fn or_not_set<T>(value: Option<T>, show: impl Fn(T) -> Arg) -> Arg {
    value.map_or_else(|| msg!("load-not-set").into(), show)
}

/// A value as TOML writes a string: `"responding"`.
fn quoted(id: &str) -> Arg {
    format!("\"{id}\"").into()
}

/// A name as the writer typed it, quoted as messages quote names.
fn name(name: &str) -> Arg {
    msg!("load-name", name).into()
}

/// A value shown as it is: a number, a date, `true`.
fn shown(value: impl ToString) -> Arg {
    value.to_string().into()
}

/// The lines of a table's entries.
fn lines<T>(entries: &[Located<T>]) -> Vec<usize> {
    entries.iter().map(|e| e.line).collect()
}

impl Compare<'_> {
    /// `key`, repeated at `line`, is `theirs` there but `ours` in the original.
    fn differs(&mut self, key: &str, line: usize, here: Arg, there: Arg) {
        let original = self.original_path.display().to_string();
        self.problems.push(Problem::at(
            self.path,
            line,
            msg!("load-differs", key, here, there, original),
        ));
    }

    /// A repeated fact of a table entry (`n` from 1) that differs.
    fn entry_differs(&mut self, at: (&str, usize, usize), key: &str, here: Arg, there: Arg) {
        let (table, n, line) = at;
        let original = self.original_path.display().to_string();
        self.problems.push(Problem::at(
            self.path,
            line,
            msg!("load-entry-differs", key, table, n, here, there, original),
        ));
    }

    /// The front-matter facts a translation repeated.
    fn facts(&mut self, original: &Announcement, translation: &Translation) {
        let repeated = &translation.repeated;
        if let Some(Located { line, value }) = repeated.date
            && value != original.date
        {
            let (here, there) = (value.to_rfc3339(), original.date.to_rfc3339());
            self.differs("date", line, here.into(), there.into());
        }
        if let Some(Located { line, value }) = repeated.channels
            && value != original.channels
        {
            let (theirs, ours) = (value.as_front_matter(), original.channels.as_front_matter());
            self.differs("channel", line, theirs.into(), ours.into());
        }
        if let Some(Located { line, value }) = repeated.number
            && Some(value) != original.number
        {
            let ours = or_not_set(original.number, shown);
            self.differs("number", line, shown(value), ours);
        }
        if let Some(Located { line, value }) = &repeated.key_report
            && Some(value.as_str()) != original.key_report.as_ref().map(|k| k.as_str())
        {
            let ours = or_not_set(original.key_report.as_ref(), |k| name(k.as_str()));
            self.differs("key_report", *line, name(value), ours);
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
            self.differs("draft", line, shown(value), shown(original.draft));
        }
        if let Some(Located { line, value }) = &repeated.corrects
            && Some(value.as_str()) != original.corrects.as_ref().map(|s| s.as_str())
        {
            let ours = or_not_set(original.corrects.as_ref(), |s| name(s.as_str()));
            self.differs("corrects", *line, name(value), ours);
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
            let ours = or_not_set(original.next_update, |n| front_matter_value(&n).into());
            self.differs("next_update", line, front_matter_value(&value).into(), ours);
        }
    }

    /// A table of the translation with more entries than the original's: reported at
    /// its first extra entry.
    fn count(&mut self, table: &str, lines: Vec<usize>, ours: usize) {
        if let Some(&line) = lines.get(ours) {
            let original = self.original_path.display().to_string();
            self.problems.push(Problem::at(
                self.path,
                line,
                msg!(
                    "load-table-count",
                    table,
                    here = lines.len(),
                    there = ours,
                    original
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
                let ours = or_not_set(fact.since, shown);
                self.entry_differs(at, "since", shown(since), ours);
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
                self.entry_differs(place, "at", shown(at), shown(fact));
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
                self.entry_differs(place, "at", theirs.into(), ours.into());
            }
            if let Some(kind) = entry.value.kind
                && kind != fact.kind
            {
                self.entry_differs(place, "kind", quoted(kind.id()), quoted(fact.kind.id()));
            }
        }
    }
}
