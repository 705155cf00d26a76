//! The incident's state as the published announcements tell it: the status and when
//! it last changed, each service's and measure's latest status and history, the
//! corrections, the promised next update and the response timeline.
//!
//! Everything is derived from `Site::announcements`, so a draft or an embargoed
//! announcement changes the state only when it is built (`serve`, `--drafts`,
//! `--future`). Entries are referred to by index into that list, newest first.

pub mod moments;

use std::collections::BTreeMap;

use chrono::{DateTime, FixedOffset};

use crate::base::time::When;
use crate::model::config::IncidentStatus;
use crate::model::tables::{EntryWords, MeasureStatus, ServiceStatus, Words};
use crate::model::{Announcement, Site, Slug};

/// One entry of one announcement's table.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Ref {
    /// The announcement, as an index into `Site::announcements`.
    pub announcement: usize,
    /// The entry's position in its table.
    pub entry: usize,
}

/// Every report of one service or measure, oldest first; never empty.
#[derive(Debug, Clone)]
pub struct History(Vec<Ref>);

impl History {
    /// The reports, oldest first.
    pub fn reports(&self) -> &[Ref] {
        &self.0
    }

    /// The first report.
    pub fn first(&self) -> Ref {
        self.0[0]
    }

    /// The latest report.
    pub fn latest(&self) -> Ref {
        *self
            .0
            .last()
            .expect("a history starts with its first report")
    }
}

/// A service function and every report of it.
#[derive(Debug, Clone)]
pub struct Service {
    /// Its name in the main language, the same in every announcement.
    pub name: String,
    /// Every report of it.
    pub history: History,
    /// The report that first gave the current status.
    pub changed_in: Ref,
    /// Since when it has had the current status: the `since` the reports of the
    /// current status give (the newest one, which may correct an earlier one), or else
    /// the date of the announcement that first reported it.
    pub since: When,
}

/// A recurrence-prevention measure and every report of it.
#[derive(Debug, Clone)]
pub struct Measure {
    /// Its name in the main language.
    pub name: String,
    /// Every report of it.
    pub history: History,
    /// The report that first gave the current status.
    pub changed_in: Ref,
}

/// The promise of the next update (次報予定), as the home page should show it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Promise {
    /// When the update was promised for.
    pub at: DateTime<FixedOffset>,
    /// The announcement that promised it.
    pub by: usize,
    /// Whether the time has passed with no newer announcement.
    pub late: bool,
}

/// A row of the response timeline.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Row {
    /// A `[[timeline]]` entry.
    Event(Ref),
    /// An announcement itself, at its date.
    Announcement(usize),
}

/// The derived state of the site.
#[derive(Debug, Clone)]
pub struct State {
    /// The current status: site.toml's, as moved on by announcements.
    pub status: IncidentStatus,
    /// The announcement that gave the current status, if one did.
    pub status_set_by: Option<usize>,
    /// The status in force right after each announcement (by index), for feeds of
    /// updates that say where each one left the response.
    pub status_after: Vec<IncidentStatus>,
    /// Every service reported, in the order they were first reported.
    pub services: Vec<Service>,
    /// Every measure reported, in the order they were first reported.
    pub measures: Vec<Measure>,
    /// The promise to show, if any.
    pub promise: Option<Promise>,
    /// The announcements correcting each announcement, oldest first.
    pub corrected_by: BTreeMap<Slug, Vec<usize>>,
}

impl State {
    /// Derives the state from the published announcements of `site`.
    pub fn of(site: &Site) -> State {
        let announcements = &site.announcements;
        // Announcements are kept newest first; the state is a story told oldest first.
        let oldest_first = (0..announcements.len()).rev();

        let mut status = site.config.incident.status;
        let mut status_set_by = None;
        let mut status_after = vec![status; announcements.len()];
        let mut corrected_by: BTreeMap<Slug, Vec<usize>> = BTreeMap::new();
        for i in oldest_first {
            let a = &announcements[i];
            if let Some(s) = a.incident_status
                && (s != status || status_set_by.is_none())
            {
                status = s;
                status_set_by = Some(i);
            }
            status_after[i] = status;
            if let Some(target) = &a.corrects
                && site.announcement(target).is_some()
            {
                corrected_by.entry(target.clone()).or_default().push(i);
            }
        }

        let services = histories(announcements, |w| &w.services)
            .into_iter()
            .map(|(name, history)| {
                let fact = |r: &Ref| announcements[r.announcement].tables.services[r.entry];
                let run = current_run(&history, |r| fact(r).status);
                let since = run
                    .iter()
                    .rev()
                    .find_map(|r| fact(r).since)
                    .unwrap_or(When::At(announcements[run[0].announcement].date));
                Service {
                    changed_in: run[0],
                    since,
                    name,
                    history,
                }
            })
            .collect();
        let measures = histories(announcements, |w| &w.measures)
            .into_iter()
            .map(|(name, history)| {
                let run = current_run(&history, |r| {
                    announcements[r.announcement].tables.measures[r.entry]
                });
                Measure {
                    changed_in: run[0],
                    name,
                    history,
                }
            })
            .collect();

        State {
            status,
            status_set_by,
            status_after,
            services,
            measures,
            promise: promise(announcements, site.now),
            corrected_by,
        }
    }

    /// The published announcements correcting the one with `slug`, oldest first.
    pub fn corrections_of<'a>(&'a self, slug: &Slug) -> impl Iterator<Item = usize> + 'a {
        self.corrected_by.get(slug).into_iter().flatten().copied()
    }

    /// A service's latest reported status.
    pub fn service_status(&self, site: &Site, service: &Service) -> ServiceStatus {
        let latest = service.history.latest();
        site.announcements[latest.announcement].tables.services[latest.entry].status
    }

    /// A measure's latest reported status.
    pub fn measure_status(&self, site: &Site, measure: &Measure) -> MeasureStatus {
        let latest = measure.history.latest();
        site.announcements[latest.announcement].tables.measures[latest.entry]
    }

    /// How many measures have each status, in [`MeasureStatus::ALL`] order.
    pub fn measure_counts(&self, site: &Site) -> Vec<(MeasureStatus, usize)> {
        MeasureStatus::ALL
            .into_iter()
            .map(|status| {
                let count = self
                    .measures
                    .iter()
                    .filter(|m| self.measure_status(site, m) == status)
                    .count();
                (status, count)
            })
            .collect()
    }

    /// The response timeline: every `[[timeline]]` entry and every announcement,
    /// oldest first. A day-only entry sorts at the start of its day; at the same
    /// moment, events come before announcements, then the older announcement's first.
    pub fn timeline(site: &Site) -> Vec<Row> {
        let zone = site.config.timezone;
        let announcements = &site.announcements;
        let mut rows: Vec<(DateTime<FixedOffset>, u8, usize, usize, Row)> = Vec::new();
        for (i, a) in announcements.iter().enumerate() {
            let age = announcements.len() - i;
            for (entry, at) in a.tables.timeline.iter().enumerate() {
                let row = Row::Event(Ref {
                    announcement: i,
                    entry,
                });
                rows.push((at.start(zone), 0, age, entry, row));
            }
            rows.push((a.date, 1, age, 0, Row::Announcement(i)));
        }
        rows.sort_by_key(|(at, kind, age, entry, _)| (*at, *kind, *age, *entry));
        rows.into_iter().map(|(.., row)| row).collect()
    }
}

/// Every name reported in one table of the announcements (`table` picks it from an
/// original's words), with its reports oldest first, in the order first reported.
fn histories(
    announcements: &[Announcement],
    table: fn(&Words) -> &[EntryWords],
) -> Vec<(String, History)> {
    let mut found: Vec<(String, History)> = Vec::new();
    // Announcements are kept newest first.
    for announcement in (0..announcements.len()).rev() {
        let words = table(&announcements[announcement].original.words);
        for (entry, words) in words.iter().enumerate() {
            let name = words.name.clone().unwrap_or_default();
            let report = Ref {
                announcement,
                entry,
            };
            match found.iter_mut().find(|(known, _)| *known == name) {
                Some((_, history)) => history.0.push(report),
                None => found.push((name, History(vec![report]))),
            }
        }
    }
    found
}

/// The tail of `history` (oldest first) that has the same status as its last report.
fn current_run<S: PartialEq>(history: &History, status: impl Fn(&Ref) -> S) -> &[Ref] {
    let last = status(&history.latest());
    let reports = history.reports();
    let start = reports
        .iter()
        .rposition(|r| status(r) != last)
        .map_or(0, |p| p + 1);
    &reports[start..]
}

/// The newest promise of a next update: shown while its time is to come. Once the time
/// has passed it is late, unless a newer announcement has come out since (the update,
/// which makes its own promise or none).
fn promise(announcements: &[Announcement], now: DateTime<FixedOffset>) -> Option<Promise> {
    let (by, a) = announcements
        .iter()
        .enumerate()
        .find(|(_, a)| a.next_update.is_some())?;
    let at = a.next_update?;
    if at > now {
        return Some(Promise {
            at,
            by,
            late: false,
        });
    }
    // Announcements are newest first: any before `by` came after the promise.
    (by == 0).then_some(Promise { at, by, late: true })
}
