//! Views of the recurrence-prevention measures: each with its latest status, grouped
//! by status, and counted.

use serde::Serialize;

use super::context::{DateView, Label, PageContext, Text};
use super::item::{Item, item};
use super::words::{name, text_of};
use crate::model::tables::MeasureStatus;
use crate::state::Measure;
use crate::theme::Key;

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

fn measure(cx: &PageContext, measure: &Measure) -> MeasureView {
    let announcements = &cx.site.announcements;
    let latest = measure.history.latest();
    let changed_in = &announcements[measure.changed_in.announcement];
    let status = cx.state.measure_status(cx.site, measure);
    MeasureView {
        name: name(cx, &measure.history, |w| &w.measures),
        status: cx.label(Key::measure(status), status.id()),
        changed: cx.date(&changed_in.date),
        note: text_of(cx, &announcements[latest.announcement], |w| {
            w.measures.get(latest.entry).and_then(|e| e.note.as_ref())
        }),
        announcement: item(cx, changed_in),
    }
}

/// Every measure reported, in the order first reported, with its latest status.
pub fn measures(cx: &PageContext) -> Vec<MeasureView> {
    cx.state.measures.iter().map(|m| measure(cx, m)).collect()
}

/// The measures grouped by status: done, in progress, planned; empty groups left
/// out.
pub fn measure_groups(cx: &PageContext) -> Vec<MeasureGroup> {
    MeasureStatus::ALL
        .into_iter()
        .map(|status| MeasureGroup {
            status: cx.label(Key::measure(status), status.id()),
            measures: cx
                .state
                .measures
                .iter()
                .filter(|m| cx.state.measure_status(cx.site, m) == status)
                .map(|m| measure(cx, m))
                .collect(),
        })
        .filter(|group| !group.measures.is_empty())
        .collect()
}

/// How many measures have each status, done first.
pub fn measure_counts(cx: &PageContext) -> Vec<Count> {
    cx.state
        .measure_counts(cx.site)
        .into_iter()
        .map(|(status, count)| Count {
            status: cx.label(Key::measure(status), status.id()),
            count,
        })
        .collect()
}
