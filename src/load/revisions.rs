//! A revision dated after "now" waits for its time as an embargoed announcement does:
//! a release leaves it out, with its words in every language, and the time it would
//! give `updated` (and so the site's `last_updated`). The preview shows it, marked.

use chrono::{DateTime, FixedOffset};

use crate::model::{Announcement, Version};

/// `a` as published at `now`: without the revisions dated after it, and its
/// `updated` (and each translation's) no later than `now`; one that was is the newest
/// revision kept, or none.
pub fn as_of(mut a: Announcement, now: DateTime<FixedOffset>) -> Announcement {
    let kept: Vec<bool> = a.tables.revisions.iter().map(|r| r.at <= now).collect();
    if kept.iter().all(|k| *k) && a.updated.is_none_or(|u| u <= now) {
        return a;
    }
    let mut keep = kept.iter().copied();
    a.tables.revisions.retain(|_| keep.next().unwrap_or(true));
    let newest = a.tables.revisions.iter().map(|r| r.at).max();
    let cap = |updated: &mut Option<DateTime<FixedOffset>>| {
        if updated.is_some_and(|u| u > now) {
            *updated = newest;
        }
    };
    cap(&mut a.updated);
    let versions = std::iter::once(&mut a.original).chain(a.translations.values_mut());
    for version in versions {
        keep_words(version, &kept);
        cap(&mut version.updated);
    }
    a
}

/// Keeps the words of the revisions `kept` says are kept.
fn keep_words(version: &mut Version, kept: &[bool]) {
    let mut keep = kept.iter().copied();
    version
        .words
        .revisions
        .retain(|_| keep.next().unwrap_or(true));
}
