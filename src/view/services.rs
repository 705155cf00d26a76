//! Views of the services: each one's latest status (home page), its history (the
//! services page), and what one announcement reported.

use serde::Serialize;

use super::context::{DateView, Label, PageContext, Text};
use super::item::{Item, item};
use super::unreleased::{self, Unreleased};
use super::words::{name, text_of};
use crate::state::{Ref, Service};
use crate::theme::Key;

/// A service with its latest status (and, on the services page, its history).
#[derive(Debug, Serialize)]
pub struct ServiceView {
    /// Its name.
    pub name: Text,
    /// Its latest status.
    pub status: Label,
    /// In the preview, why the announcement of the latest report is not published.
    pub from: Option<Unreleased>,
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

fn service_step(cx: &PageContext, r: &Ref) -> ServiceStep {
    let a = &cx.site.announcements[r.announcement];
    let fact = a.tables.services[r.entry];
    ServiceStep {
        status: cx.label(Key::service(fact.status), fact.status.id()),
        since: fact.since.as_ref().map(|w| cx.when(w)),
        note: text_of(cx, a, |w| {
            w.services.get(r.entry).and_then(|e| e.note.as_ref())
        }),
        announcement: item(cx, a),
    }
}

/// A service with its latest status, and its history when `with_history` (the
/// home page shows only the latest status, and a long incident has many reports).
fn service(cx: &PageContext, service: &Service, with_history: bool) -> ServiceView {
    let latest = service_step(cx, &service.history.latest());
    let history = if with_history {
        service
            .history
            .reports()
            .iter()
            .map(|r| service_step(cx, r))
            .collect()
    } else {
        Vec::new()
    };
    ServiceView {
        name: name(cx, &service.history, |w| &w.services),
        status: latest.status,
        from: unreleased::from(cx, service.history.latest().announcement),
        since: cx.when(&service.since),
        note: latest.note,
        announcement: item(cx, &cx.site.announcements[service.changed_in.announcement]),
        history,
    }
}

/// Every service reported, in the order first reported, with their histories.
pub fn services(cx: &PageContext) -> Vec<ServiceView> {
    cx.state
        .services
        .iter()
        .map(|s| service(cx, s, true))
        .collect()
}

/// Every service reported, with its latest status only (`history` is empty).
pub fn service_summaries(cx: &PageContext) -> Vec<ServiceView> {
    cx.state
        .services
        .iter()
        .map(|s| service(cx, s, false))
        .collect()
}

/// The services the announcement at `index` reported, as of it.
pub fn services_reported(cx: &PageContext, index: usize) -> Vec<ReportedService> {
    let a = &cx.site.announcements[index];
    (0..a.tables.services.len())
        .map(|entry| {
            let r = Ref {
                announcement: index,
                entry,
            };
            let name = text_of(cx, a, |w| w.services.get(entry)?.name.as_ref())
                .unwrap_or(Text::own(String::new()));
            ReportedService {
                name,
                step: service_step(cx, &r),
            }
        })
        .collect()
}
