//! The days something is in force: a contact desk's hours, an alert's days.

use chrono::{DateTime, FixedOffset};

use crate::base::time::When;

/// The days something is in force: from the start of `from` to the end of `until`,
/// either end open when not given.
#[derive(Debug, Clone, Copy, Default)]
pub struct Period {
    /// The first day or moment.
    pub from: Option<When>,
    /// The last day, or the moment it ends.
    pub until: Option<When>,
}

/// Where a moment falls in a [`Period`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PeriodState {
    /// Before `from`.
    Upcoming,
    /// In force.
    Current,
    /// After `until`.
    Over,
}

impl Period {
    /// Where `now` falls.
    pub fn state(&self, now: DateTime<FixedOffset>, zone: FixedOffset) -> PeriodState {
        if self.from.is_some_and(|from| now < from.start(zone)) {
            PeriodState::Upcoming
        } else if self.until.is_some_and(|until| now >= until.end(zone)) {
            PeriodState::Over
        } else {
            PeriodState::Current
        }
    }
}
