//! Views of the incident's state: services, measures, the timeline, revisions and the
//! promised next update, with each name and note in the page's language where a
//! translation gives it.

use serde::Serialize;

use super::{DateView, Item, Label, Page, Text};
use crate::announcement::Announcement;
use crate::state::{Measure, Promise, Ref, Row, Service, State};
use crate::tables::{EntryWords, Words};

/// A service with its latest status (and, on the services page, its history).
#[derive(Debug, Serialize)]
pub struct ServiceView {
    /// Its name.
    pub name: Text,
    /// Its latest status.
    pub status: Label,
    /// Since when it has that status.
    pub since: DateView,
    /// The latest report's note.
    pub note: Option<Text>,
    /// The announcement that first reported the current status.
    pub announcement: Item,
    /// Every report, oldest first.
    pub history: Vec<ServiceStep>,
}

/// One report of a service's status.
#[derive(Debug, Serialize)]
pub struct ServiceStep {
    /// The status reported.
    pub status: Label,
    /// Since when, if the report said.
    pub since: Option<DateView>,
    /// The report's note.
    pub note: Option<Text>,
    /// The announcement that reported it.
    pub announcement: Item,
}

/// A service as one announcement reported it.
#[derive(Debug, Serialize)]
pub struct ReportedService {
    /// The service's name as the announcement gives it.
    pub name: Text,
    /// What it reported.
    #[serde(flatten)]
    pub step: ServiceStep,
}

/// A measure with its latest status.
#[derive(Debug, Serialize)]
pub struct MeasureView {
    /// Its name.
    pub name: Text,
    /// Its latest status.
    pub status: Label,
    /// When it took that status: the date of the announcement that first reported it.
    pub changed: DateView,
    /// The latest report's note.
    pub note: Option<Text>,
    /// The announcement that first reported the current status.
    pub announcement: Item,
}

/// The measures of one status.
#[derive(Debug, Serialize)]
pub struct MeasureGroup {
    /// The status.
    pub status: Label,
    /// Its measures, in the order first reported.
    pub measures: Vec<MeasureView>,
}

/// How many measures have one status.
#[derive(Debug, Serialize)]
pub struct Count {
    /// The status's id and label.
    pub status: Label,
    /// How many.
    pub count: usize,
}

/// A row of the response timeline.
#[derive(Debug, Serialize)]
pub struct TimelineRow {
    /// When.
    pub at: DateView,
    /// `event` for a `[[timeline]]` entry, `announcement` for an announcement.
    pub kind: &'static str,
    /// What happened (events only).
    pub text: Option<Text>,
    /// The announcement itself, or the one that reported the event.
    pub announcement: Item,
}

/// An amendment of the announcement, as its page lists it.
#[derive(Debug, Serialize)]
pub struct RevisionView {
    /// When.
    pub at: DateView,
    /// Addendum or correction.
    pub kind: Label,
    /// What was amended.
    pub text: Text,
}

/// The promised next update.
#[derive(Debug, Serialize)]
pub struct PromiseView {
    /// When it was promised for.
    pub at: DateView,
    /// Whether that time has passed with no newer announcement.
    pub late: bool,
    /// The announcement that promised it.
    pub announcement: Item,
}

impl Page<'_> {
    /// The words of `a`'s tables in this page's language, where translated.
    fn translated_words<'w>(&self, a: &'w Announcement) -> Option<&'w Words> {
        if self.lang == self.main() {
            return None;
        }
        a.translations.get(self.lang).map(|v| &v.words)
    }

    /// A text of `a`'s tables in this page's language, or else the original's.
    fn text_of(
        &self,
        a: &Announcement,
        pick: impl for<'w> Fn(&'w Words) -> Option<&'w String>,
    ) -> Option<Text> {
        let original = pick(&a.original.words)?;
        Some(match self.translated_words(a).and_then(&pick) {
            Some(text) => Text {
                text: text.clone(),
                lang: None,
            },
            None => self.in_main_language(original.clone()),
        })
    }

    /// A service's or measure's name: the newest translation of it, or the original.
    fn name(&self, history: &[Ref], table: fn(&Words) -> &[EntryWords]) -> Text {
        let announcements = &self.site.announcements;
        let translated = history.iter().rev().find_map(|r| {
            let words = self.translated_words(&announcements[r.announcement])?;
            table(words).get(r.entry)?.name.clone()
        });
        match translated {
            Some(text) => Text { text, lang: None },
            None => {
                let r = history.last().expect("history is never empty");
                let original = &announcements[r.announcement].original.words;
                let name = table(original).get(r.entry).and_then(|e| e.name.clone());
                self.in_main_language(name.unwrap_or_default())
            }
        }
    }

    fn service_step(&self, r: &Ref) -> ServiceStep {
        let a = &self.site.announcements[r.announcement];
        let fact = a.tables.services[r.entry];
        ServiceStep {
            status: self.label("service", fact.status.id()),
            since: fact.since.as_ref().map(|w| self.when(w)),
            note: self.text_of(a, |w| w.services.get(r.entry).and_then(|e| e.note.as_ref())),
            announcement: self.item(a),
        }
    }

    /// A service with its latest status, and its history when `with_history` (the
    /// home page shows only the latest status, and a long incident has many reports).
    fn service(&self, service: &Service, with_history: bool) -> ServiceView {
        let latest = self.service_step(service.history.last().expect("history is never empty"));
        let history = if with_history {
            service
                .history
                .iter()
                .map(|r| self.service_step(r))
                .collect()
        } else {
            Vec::new()
        };
        ServiceView {
            name: self.name(&service.history, |w| &w.services),
            status: latest.status,
            since: self.when(&service.since),
            note: latest.note,
            announcement: self.item(&self.site.announcements[service.changed_in.announcement]),
            history,
        }
    }

    /// Every service reported, in the order first reported, with their histories.
    pub fn services(&self) -> Vec<ServiceView> {
        self.state
            .services
            .iter()
            .map(|s| self.service(s, true))
            .collect()
    }

    /// Every service reported, with its latest status only (`history` is empty).
    pub fn service_summaries(&self) -> Vec<ServiceView> {
        self.state
            .services
            .iter()
            .map(|s| self.service(s, false))
            .collect()
    }

    fn measure(&self, measure: &Measure) -> MeasureView {
        let announcements = &self.site.announcements;
        let latest = measure.history.last().expect("history is never empty");
        let changed_in = &announcements[measure.changed_in.announcement];
        MeasureView {
            name: self.name(&measure.history, |w| &w.measures),
            status: self.label(
                "measure",
                self.state.measure_status(self.site, measure).id(),
            ),
            changed: self.date(&changed_in.date),
            note: self.text_of(&announcements[latest.announcement], |w| {
                w.measures.get(latest.entry).and_then(|e| e.note.as_ref())
            }),
            announcement: self.item(changed_in),
        }
    }

    /// Every measure reported, in the order first reported, with its latest status.
    pub fn measures(&self) -> Vec<MeasureView> {
        self.state
            .measures
            .iter()
            .map(|m| self.measure(m))
            .collect()
    }

    /// The measures grouped by status: done, in progress, planned; empty groups left
    /// out.
    pub fn measure_groups(&self) -> Vec<MeasureGroup> {
        crate::tables::MeasureStatus::ALL
            .into_iter()
            .map(|status| MeasureGroup {
                status: self.label("measure", status.id()),
                measures: self
                    .state
                    .measures
                    .iter()
                    .filter(|m| self.state.measure_status(self.site, m) == status)
                    .map(|m| self.measure(m))
                    .collect(),
            })
            .filter(|group| !group.measures.is_empty())
            .collect()
    }

    /// How many measures have each status, done first.
    pub fn measure_counts(&self) -> Vec<Count> {
        self.state
            .measure_counts(self.site)
            .into_iter()
            .map(|(status, count)| Count {
                status: self.label("measure", status.id()),
                count,
            })
            .collect()
    }

    /// The response timeline, oldest first.
    pub fn timeline(&self) -> Vec<TimelineRow> {
        let announcements = &self.site.announcements;
        State::timeline(self.site)
            .into_iter()
            .map(|row| match row {
                Row::Event(r) => {
                    let a = &announcements[r.announcement];
                    TimelineRow {
                        at: self.when(&a.tables.timeline[r.entry]),
                        kind: "event",
                        text: self.text_of(a, |w| w.timeline.get(r.entry)?.as_ref()),
                        announcement: self.item(a),
                    }
                }
                Row::Announcement(i) => TimelineRow {
                    at: self.date(&announcements[i].date),
                    kind: "announcement",
                    text: None,
                    announcement: self.item(&announcements[i]),
                },
            })
            .collect()
    }

    /// The amendments of `a`, newest first.
    pub fn revisions(&self, a: &Announcement) -> Vec<RevisionView> {
        let mut order: Vec<usize> = (0..a.tables.revisions.len()).collect();
        order.sort_by_key(|&i| std::cmp::Reverse(a.tables.revisions[i].at));
        order
            .into_iter()
            .map(|i| (i, &a.tables.revisions[i]))
            .map(|(i, fact)| RevisionView {
                at: self.date(&fact.at),
                kind: self.label("revision", fact.kind.id()),
                text: self
                    .text_of(a, |w| w.revisions.get(i)?.as_ref())
                    .unwrap_or(Text {
                        text: String::new(),
                        lang: None,
                    }),
            })
            .collect()
    }

    /// The services `a` reported, as of `a`.
    pub fn services_reported(&self, index: usize) -> Vec<ReportedService> {
        let a = &self.site.announcements[index];
        (0..a.tables.services.len())
            .map(|entry| {
                let r = Ref {
                    announcement: index,
                    entry,
                };
                let name = self
                    .text_of(a, |w| w.services.get(entry)?.name.as_ref())
                    .unwrap_or(Text {
                        text: String::new(),
                        lang: None,
                    });
                ReportedService {
                    name,
                    step: self.service_step(&r),
                }
            })
            .collect()
    }

    /// The promised next update, if the home page should show one.
    pub fn promise(&self, promise: &Promise) -> PromiseView {
        PromiseView {
            at: self.date(&promise.at),
            late: promise.late,
            announcement: self.item(&self.site.announcements[promise.by]),
        }
    }
}
