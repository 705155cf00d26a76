//! The front-matter tables in which an announcement reports the incident's state:
//! `[[services]]`, `[[measures]]`, `[[timeline]]` and `[[revisions]]`.
//!
//! Facts (statuses, dates, kinds) belong to the announcement and are given once, in
//! the original. Words (names, notes, texts) belong to a language: a translation
//! repeats the tables in the same order with its own words, and may repeat a fact
//! only to say the same thing.

use chrono::{DateTime, FixedOffset};
use serde::Deserialize;

use crate::base::time::When;

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
    /// Both kinds.
    pub const ALL: [RevisionKind; 2] = [RevisionKind::Addendum, RevisionKind::Correction];

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
