//! `api/v2/summary.json`: the site in the shape of Atlassian Statuspage's public
//! summary endpoint (`GET /api/v2/summary.json`), so that clients written for
//! Statuspage read the site as they would any status page.
//!
//! The mapping (docs/reference/summary-json.md has it as a table): each service is a component; the
//! incident is the one incident, listed while it is not resolved, with the published
//! announcements as its updates; the page's indicator is the worst component status.
//! Every id stays the same from build to build: see [`id`].

use std::collections::BTreeMap;

use chrono::FixedOffset;

use super::statuspage::{
    AffectedComponent, Component, ComponentStatus, Incident, IncidentUpdate, Indicator, PageInfo,
    Summary, id, incident_status, time_zone,
};
use crate::model::config::IncidentStatus;
use crate::model::url;
use crate::view::PageContext;
use crate::view::item::item;
use crate::view::services::service_summaries;

/// `api/v2/summary.json` in the language of `cx`.
pub(super) fn document(cx: &PageContext) -> Summary {
    let config = &cx.site.config;
    // The ids come from the main language's words, so every language's file agrees.
    let page_id = id(&["page", &config.organization, &config.title]);
    let components = components(cx, &page_id);
    let worst = components
        .iter()
        .map(|c| c.status)
        .max()
        .unwrap_or(ComponentStatus::Operational);
    let home_url = cx
        .absolute(&url::home(cx.lang, cx.main()))
        .unwrap_or_default();
    let incident = incident(cx, &components, worst, &page_id, &home_url);
    Summary {
        page: PageInfo {
            id: page_id,
            name: config.organization_in(cx.lang).to_string(),
            url: home_url,
            time_zone: time_zone(config.timezone),
            updated_at: cx
                .site
                .last_updated
                .or(config.incident.started)
                .map(|d| cx.date(&d).iso),
        },
        components,
        incidents: incident.into_iter().collect(),
        scheduled_maintenances: Vec::new(),
        status: Indicator {
            indicator: worst.impact(),
            description: cx.strings.get(worst.indicator()).to_string(),
        },
    }
}

/// Each service as a component, in the order first reported.
fn components(cx: &PageContext, page_id: &str) -> Vec<Component> {
    let (site, state) = (cx.site, cx.state);
    let config = &site.config;
    let announcements = &site.announcements;
    state
        .services
        .iter()
        .zip(service_summaries(cx))
        .enumerate()
        .map(|(at, (service, view))| {
            let first = &announcements[service.history.first().announcement];
            let latest = service.history.latest();
            Component {
                id: id(&[
                    "component",
                    &config.organization,
                    &config.title,
                    &service.name,
                ]),
                name: view.name.text,
                status: state.service_status(site, service).into(),
                created_at: cx.date(&first.date).iso,
                updated_at: cx.date(&announcements[latest.announcement].date).iso,
                position: at + 1,
                description: view.note.map(|n| n.text),
                showcase: true,
                // When the service itself began is not the site's to say.
                start_date: None,
                group_id: None,
                page_id: page_id.to_string(),
                group: false,
                only_show_if_degraded: false,
            }
        })
        .collect()
}

/// Every report of a service, by announcement: what it was before (operational
/// before its first report) and what the announcement said, in entry order.
fn affected(cx: &PageContext, components: &[Component]) -> BTreeMap<usize, Vec<AffectedComponent>> {
    let announcements = &cx.site.announcements;
    let mut affected: BTreeMap<usize, Vec<(usize, AffectedComponent)>> = BTreeMap::new();
    for (service, component) in cx.state.services.iter().zip(components) {
        let mut old = ComponentStatus::Operational;
        for r in service.history.reports() {
            let new = announcements[r.announcement].tables.services[r.entry]
                .status
                .into();
            affected.entry(r.announcement).or_default().push((
                r.entry,
                AffectedComponent {
                    code: component.id.clone(),
                    name: component.name.clone(),
                    old_status: old,
                    new_status: new,
                },
            ));
            old = new;
        }
    }
    affected
        .into_iter()
        .map(|(announcement, mut list)| {
            list.sort_by_key(|(entry, _)| *entry);
            (announcement, list.into_iter().map(|(_, c)| c).collect())
        })
        .collect()
}

/// The site's incident, listed while it is not resolved. Statuspage's summary lists
/// unresolved incidents only; an incident with no published announcement has
/// nothing to show yet (Statuspage's always have an update), so it is listed from
/// the first announcement on.
fn incident(
    cx: &PageContext,
    components: &[Component],
    worst: ComponentStatus,
    page_id: &str,
    home_url: &str,
) -> Option<Incident> {
    let (site, state) = (cx.site, cx.state);
    let config = &site.config;
    let announcements = &site.announcements;
    let oldest = announcements
        .last()
        .filter(|_| state.status != IncidentStatus::Resolved)?;
    let date = |at: &chrono::DateTime<FixedOffset>| cx.date(at).iso;
    let incident_id = id(&["incident", &config.organization, &config.title]);
    let created_at = date(&oldest.date);
    let mut affected = affected(cx, components);
    let updates = announcements
        .iter()
        .enumerate()
        .map(|(i, a)| {
            let item = item(cx, a);
            IncidentUpdate {
                id: a.slug.to_string(),
                status: incident_status(state.status_after[i]),
                body: if item.summary.is_empty() {
                    item.title
                } else {
                    format!("{}\n\n{}", item.title, item.summary)
                },
                incident_id: incident_id.clone(),
                created_at: date(&a.date),
                updated_at: date(&a.last_changed()),
                display_at: date(&a.date),
                affected_components: affected.remove(&i),
                deliver_notifications: false,
                custom_tweet: None,
                tweet_id: None,
            }
        })
        .collect();
    Some(Incident {
        id: incident_id,
        name: config.title_in(cx.lang).to_string(),
        status: incident_status(state.status),
        updated_at: site
            .last_updated
            .map_or_else(|| created_at.clone(), |d| date(&d)),
        monitoring_at: state
            .status_set_by
            .filter(|_| state.status == IncidentStatus::Recovering)
            .map(|i| date(&announcements[i].date)),
        resolved_at: None,
        impact: worst.impact(),
        shortlink: home_url.to_string(),
        started_at: config
            .incident
            .started
            .as_ref()
            .map_or_else(|| created_at.clone(), date),
        created_at,
        page_id: page_id.to_string(),
        incident_updates: updates,
        components: components.to_vec(),
    })
}
