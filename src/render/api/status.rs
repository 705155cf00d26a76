//! `status.json`: the incident's state and the announcements, in the shape pinned by
//! `schemas/status.schema.json` (docs/reference/status-json.md documents every field).
//!
//! The schema forbids fields it does not list, so any change of shape, even an added
//! field, comes with a new [`VERSION`] and a new schema: a consumer that checks
//! `version` never meets a field it does not know.

use serde::Serialize;

use crate::model::{Announcement, url};
use crate::view::home::key_reports;
use crate::view::item::item;
use crate::view::measures::measures;
use crate::view::services::service_summaries;
use crate::view::site::site_view;
use crate::view::timeline::promise;
use crate::view::{DateView, PageContext};

/// The version of the shape of `status.json`, written in its `version` field.
pub const VERSION: u32 = 1;

/// The JSON Schema (draft 2020-12) of `status.json`, as it is in the repository.
pub const SCHEMA: &str = include_str!("../../../schemas/status.schema.json");

/// The whole document.
#[derive(Debug, Serialize)]
pub(super) struct Status {
    version: u32,
    lang: String,
    site: SiteInfo,
    incident: Incident,
    services: Vec<Service>,
    measures: Vec<Measure>,
    key_reports: Vec<KeyReport>,
    announcements: Vec<AnnouncementEntry>,
}

#[derive(Debug, Serialize)]
struct SiteInfo {
    title: String,
    organization: String,
    /// The home page in this language; `None` without `base_url`, since a relative
    /// URL in a file fetched on its own points nowhere useful.
    url: Option<String>,
}

#[derive(Debug, Serialize)]
struct Incident {
    status: &'static str,
    status_label: String,
    status_since: Option<String>,
    started: Option<String>,
    last_updated: Option<String>,
    next_update: Option<NextUpdate>,
}

#[derive(Debug, Serialize)]
struct NextUpdate {
    at: String,
    late: bool,
    promised_in: String,
}

#[derive(Debug, Serialize)]
struct Service {
    name: String,
    status: &'static str,
    status_label: String,
    since: String,
    note: Option<String>,
    reported_in: String,
}

#[derive(Debug, Serialize)]
struct Measure {
    name: String,
    status: &'static str,
    status_label: String,
    changed: String,
    note: Option<String>,
    changed_in: String,
}

#[derive(Debug, Serialize)]
struct KeyReport {
    id: String,
    title: String,
    description: String,
    announcement: Option<String>,
}

#[derive(Debug, Serialize)]
struct AnnouncementEntry {
    slug: String,
    title: String,
    summary: String,
    date: String,
    updated: Option<String>,
    channels: Vec<&'static str>,
    number: Option<u32>,
    path: String,
    url: Option<String>,
    pdf_path: Option<String>,
    pdf_url: Option<String>,
    lang: Option<String>,
    corrects: Option<String>,
    corrected_by: Vec<String>,
}

fn iso(date: DateView) -> String {
    date.iso
}

/// `status.json` in the language of `page`.
pub(super) fn document(cx: &PageContext) -> Status {
    let site = cx.site;
    let main = site.main_language();
    let view = site_view(cx);
    Status {
        version: VERSION,
        lang: cx.lang.to_string(),
        site: SiteInfo {
            title: view.title,
            organization: view.organization,
            url: cx.absolute(&url::home(cx.lang, main)),
        },
        incident: Incident {
            status: view.status.id,
            status_label: view.status.label,
            status_since: view.status_since.map(iso),
            started: view.started.map(iso),
            last_updated: view.last_updated.map(iso),
            next_update: cx.state.promise.as_ref().map(|p| {
                let promise = promise(cx, p);
                NextUpdate {
                    at: promise.at.iso,
                    late: promise.late,
                    promised_in: promise.announcement.slug,
                }
            }),
        },
        services: service_summaries(cx)
            .into_iter()
            .map(|s| Service {
                name: s.name.text,
                status: s.status.id,
                status_label: s.status.label,
                since: s.since.iso,
                note: s.note.map(|n| n.text),
                reported_in: s.announcement.slug,
            })
            .collect(),
        measures: measures(cx)
            .into_iter()
            .map(|m| Measure {
                name: m.name.text,
                status: m.status.id,
                status_label: m.status.label,
                changed: m.changed.iso,
                note: m.note.map(|n| n.text),
                changed_in: m.announcement.slug,
            })
            .collect(),
        key_reports: key_reports(cx)
            .into_iter()
            .map(|k| KeyReport {
                id: k.id,
                title: k.title,
                description: k.description,
                announcement: k.announcement.map(|a| a.slug),
            })
            .collect(),
        announcements: site
            .announcements
            .iter()
            .map(|a| announcement(cx, a))
            .collect(),
    }
}

fn announcement(cx: &PageContext, a: &Announcement) -> AnnouncementEntry {
    let site = cx.site;
    let main = site.main_language();
    let item = item(cx, a);
    // The item is in the main language exactly when this language has no translation
    // of it; then its page is the original's, as the lists link it.
    let shown_in = if item.lang.is_some() { main } else { cx.lang };
    let path = url::announcement_dir(shown_in, main, &a.slug);
    let pdf = url::pdf_of(site, shown_in, a);
    AnnouncementEntry {
        slug: item.slug,
        title: item.title,
        summary: item.summary,
        date: item.date.iso,
        updated: item.updated.map(iso),
        channels: item.channels.iter().map(|c| c.id).collect(),
        number: a.number,
        url: cx.absolute(&path),
        path,
        pdf_url: pdf.as_ref().and_then(|p| cx.absolute(p)),
        pdf_path: pdf,
        lang: item.lang,
        // Only a published announcement is named: a draft's slug must not leak.
        corrects: a
            .corrects
            .as_ref()
            .filter(|target| site.announcement(target).is_some())
            .map(ToString::to_string),
        corrected_by: cx
            .state
            .corrections_of(&a.slug)
            .map(|i| site.announcements[i].slug.to_string())
            .collect(),
    }
}
