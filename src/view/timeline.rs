//! Views of the story over time: the response timeline, an announcement's revisions,
//! and the promised next update.

use serde::Serialize;

use super::context::{DateView, Label, PageContext, Text};
use super::item::{Item, item};
use super::unreleased::{self, Unreleased};
use super::words::text_of;
use crate::model::Announcement;
use crate::state::{Promise, Row, State};
use crate::theme::Key;

/// What a row of the response timeline is.
#[derive(Debug, Clone, Copy, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum RowKind {
    /// A `[[timeline]]` entry.
    Event,
    /// An announcement itself, at its date.
    Announcement,
}

/// A row of the response timeline.
#[derive(Debug, Serialize)]
pub struct TimelineRow {
    /// When.
    pub at: DateView,
    /// `event` for a `[[timeline]]` entry, `announcement` for an announcement.
    pub kind: RowKind,
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
    /// In the preview, `embargoed` when it is dated after now: a release leaves it
    /// out until then.
    pub from: Option<Unreleased>,
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
    /// In the preview, why that announcement is not published.
    pub from: Option<Unreleased>,
}

/// The response timeline, oldest first.
pub fn timeline(cx: &PageContext) -> Vec<TimelineRow> {
    let announcements = &cx.site.announcements;
    State::timeline(cx.site)
        .into_iter()
        .map(|row| match row {
            Row::Event(r) => {
                let a = &announcements[r.announcement];
                TimelineRow {
                    at: cx.when(&a.tables.timeline[r.entry]),
                    kind: RowKind::Event,
                    text: text_of(cx, a, |w| w.timeline.get(r.entry)?.as_ref()),
                    announcement: item(cx, a),
                }
            }
            Row::Announcement(i) => TimelineRow {
                at: cx.date(&announcements[i].date),
                kind: RowKind::Announcement,
                text: None,
                announcement: item(cx, &announcements[i]),
            },
        })
        .collect()
}

/// The amendments of `a`, newest first.
pub fn revisions(cx: &PageContext, a: &Announcement) -> Vec<RevisionView> {
    let mut order: Vec<usize> = (0..a.tables.revisions.len()).collect();
    order.sort_by_key(|&i| std::cmp::Reverse(a.tables.revisions[i].at));
    order
        .into_iter()
        .map(|i| (i, &a.tables.revisions[i]))
        .map(|(i, fact)| RevisionView {
            at: cx.date(&fact.at),
            kind: cx.label(Key::revision(fact.kind), fact.kind.id()),
            text: text_of(cx, a, |w| w.revisions.get(i)?.as_ref())
                .unwrap_or(Text::own(String::new())),
            from: (cx.site.preview && fact.at > cx.site.now).then_some(Unreleased::Embargoed),
        })
        .collect()
}

/// The promised next update, if the home page should show one.
pub fn promise(cx: &PageContext, promise: &Promise) -> PromiseView {
    PromiseView {
        at: cx.date(&promise.at),
        late: promise.late,
        announcement: item(cx, &cx.site.announcements[promise.by]),
        from: unreleased::from(cx, promise.by),
    }
}
