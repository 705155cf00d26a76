//! The moments at which the published site changes by itself, with nobody editing
//! it: an embargo lifting, a revision coming into force, a contact desk opening or
//! closing, an alert starting or ending, a promised update falling due. `publish
//! --watch` sleeps until the next one and publishes the site as it is then; `publish
//! --plan` lists them.
//!
//! Worked out from the site loaded with its embargoed announcements and revisions
//! (never its drafts), so that nothing is guessed from file names or times typed
//! elsewhere.

use std::collections::BTreeMap;

use chrono::{DateTime, FixedOffset};

use crate::model::announcement::newest_first;
use crate::model::config::Period;
use crate::model::{Announcement, Site, Slug};

/// What changes at a moment.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Change {
    /// An embargoed announcement is published.
    Published {
        /// Its slug.
        slug: Slug,
        /// Its number in the series, if it has one.
        number: Option<u32>,
        /// Its title in the main language.
        title: String,
    },
    /// A revision of an announcement comes into force.
    Revised {
        /// The announcement's slug.
        slug: Slug,
        /// Its title in the main language.
        title: String,
    },
    /// A contact desk starts to answer.
    DeskOpens {
        /// The desk's name.
        name: String,
    },
    /// A contact desk stops answering.
    DeskCloses {
        /// The desk's name.
        name: String,
    },
    /// An alert starts to be shown.
    AlertStarts {
        /// Its text.
        text: String,
    },
    /// An alert stops being shown.
    AlertEnds {
        /// Its text.
        text: String,
    },
    /// The promised next update falls due with no newer announcement: the site then
    /// says it is late.
    PromiseDue {
        /// The announcement that promised it.
        slug: Slug,
    },
}

/// A moment to come and what changes at it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Coming {
    /// The moment.
    pub at: DateTime<FixedOffset>,
    /// What changes, in the order: announcements, revisions, desks, alerts, promise.
    pub changes: Vec<Change>,
}

/// Every moment after `now` at which the site changes, soonest first. `site` must
/// be loaded with its embargoed announcements and revisions, and without drafts.
pub fn coming(site: &Site, now: DateTime<FixedOffset>) -> Vec<Coming> {
    let mut at: BTreeMap<DateTime<FixedOffset>, Vec<Change>> = BTreeMap::new();
    let mut add = |moment: DateTime<FixedOffset>, change: Change| {
        if moment > now {
            at.entry(moment).or_default().push(change);
        }
    };
    for a in site.announcements.iter().filter(|a| !a.draft) {
        let title = a.original.title.clone();
        add(
            a.date,
            Change::Published {
                slug: a.slug.clone(),
                number: a.number,
                title: title.clone(),
            },
        );
        for revision in &a.tables.revisions {
            // A revision dated before its announcement comes with it.
            if revision.at > a.date {
                let slug = a.slug.clone();
                let title = title.clone();
                add(revision.at, Change::Revised { slug, title });
            }
        }
    }
    let zone = site.config.timezone;
    for desk in &site.config.contacts {
        let name = || desk.text.name.clone();
        period(&desk.period, zone, &mut |moment, opens| {
            let change = if opens {
                Change::DeskOpens { name: name() }
            } else {
                Change::DeskCloses { name: name() }
            };
            add(moment, change);
        });
    }
    for alert in &site.config.alerts {
        let text = || alert.text.clone();
        period(&alert.period, zone, &mut |moment, starts| {
            let change = if starts {
                Change::AlertStarts { text: text() }
            } else {
                Change::AlertEnds { text: text() }
            };
            add(moment, change);
        });
    }
    for (due, slug) in promises(&site.announcements) {
        add(due, Change::PromiseDue { slug });
    }
    at.into_iter()
        .map(|(at, changes)| Coming { at, changes })
        .collect()
}

/// The start (`true`) and the end (`false`) of a period, where it has them.
fn period(period: &Period, zone: FixedOffset, each: &mut dyn FnMut(DateTime<FixedOffset>, bool)) {
    if let Some(from) = &period.from {
        each(from.start(zone), true);
    }
    if let Some(until) = &period.until {
        each(until.end(zone), false);
    }
}

/// The promises that fall due while their announcement is still the newest one
/// published: the moment the site starts to call the update late
/// (`state::promise`).
fn promises(announcements: &[Announcement]) -> Vec<(DateTime<FixedOffset>, Slug)> {
    let live: Vec<&Announcement> = announcements.iter().filter(|a| !a.draft).collect();
    live.iter()
        .filter_map(|a| {
            let due = a.next_update?;
            // The newest announcement published by then, as the state will see it.
            let newest = live
                .iter()
                .filter(|b| b.date <= due)
                .min_by(|x, y| newest_first(x, y))?;
            (newest.slug == a.slug).then(|| (due, a.slug.clone()))
        })
        .collect()
}
