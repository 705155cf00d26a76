//! `api/v2/summary.json`: the site in the shape of Atlassian Statuspage's public
//! summary endpoint (`GET /api/v2/summary.json`), so that clients written for
//! Statuspage read the site as they would any status page.
//!
//! The mapping (the README has it as a table): each service is a component; the
//! incident is the one incident, listed while it is not resolved, with the published
//! announcements as its updates; the page's indicator is the worst component status.
//! Every id stays the same from build to build: see [`id`].

use std::collections::BTreeMap;

use chrono::FixedOffset;
use serde::Serialize;

use crate::config::IncidentStatus;
use crate::tables::ServiceStatus;
use crate::view::{Page, path};

/// The file's path from a language's folder, as Statuspage serves it.
pub(super) const PATH: &str = "api/v2/summary.json";

/// The whole document, in Statuspage's field order.
#[derive(Debug, Serialize)]
pub(super) struct Summary {
    page: PageInfo,
    components: Vec<Component>,
    incidents: Vec<Incident>,
    /// Always empty: a crisis site announces no maintenance windows.
    scheduled_maintenances: Vec<Incident>,
    status: Indicator,
}

#[derive(Debug, Serialize)]
struct PageInfo {
    id: String,
    name: String,
    /// The home page in this language, or `""` without `base_url`: Statuspage's
    /// clients expect a string here, and an empty one is plainly no link.
    url: String,
    time_zone: String,
    updated_at: Option<String>,
}

#[derive(Debug, Clone, Serialize)]
struct Component {
    id: String,
    name: String,
    status: ComponentStatus,
    created_at: String,
    updated_at: String,
    position: usize,
    description: Option<String>,
    showcase: bool,
    start_date: Option<String>,
    group_id: Option<String>,
    page_id: String,
    group: bool,
    only_show_if_degraded: bool,
}

#[derive(Debug, Serialize)]
struct Incident {
    id: String,
    name: String,
    status: &'static str,
    created_at: String,
    updated_at: String,
    monitoring_at: Option<String>,
    resolved_at: Option<String>,
    impact: &'static str,
    shortlink: String,
    started_at: String,
    page_id: String,
    incident_updates: Vec<IncidentUpdate>,
    components: Vec<Component>,
}

#[derive(Debug, Serialize)]
struct IncidentUpdate {
    id: String,
    status: &'static str,
    body: String,
    incident_id: String,
    created_at: String,
    updated_at: String,
    display_at: String,
    affected_components: Option<Vec<AffectedComponent>>,
    deliver_notifications: bool,
    custom_tweet: Option<String>,
    tweet_id: Option<String>,
}

#[derive(Debug, Serialize)]
struct AffectedComponent {
    code: String,
    name: String,
    old_status: ComponentStatus,
    new_status: ComponentStatus,
}

#[derive(Debug, Serialize)]
struct Indicator {
    indicator: &'static str,
    description: String,
}

/// Statuspage's component statuses that a service's status maps to, from best to
/// worst. (`under_maintenance` is never used: nothing on a crisis site is planned
/// maintenance.)
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
enum ComponentStatus {
    Operational,
    DegradedPerformance,
    PartialOutage,
    MajorOutage,
}

impl From<ServiceStatus> for ComponentStatus {
    fn from(status: ServiceStatus) -> ComponentStatus {
        match status {
            ServiceStatus::Restored => ComponentStatus::Operational,
            ServiceStatus::Degraded => ComponentStatus::DegradedPerformance,
            ServiceStatus::Partial => ComponentStatus::PartialOutage,
            // A planned service has a date for its return but is not running yet:
            // for someone who needs it, it is down.
            ServiceStatus::Stopped | ServiceStatus::Planned => ComponentStatus::MajorOutage,
        }
    }
}

impl ComponentStatus {
    /// The impact, and the page's indicator, when this is the worst status: the
    /// levels Statuspage itself derives from components.
    fn impact(self) -> &'static str {
        match self {
            ComponentStatus::Operational => "none",
            ComponentStatus::DegradedPerformance => "minor",
            ComponentStatus::PartialOutage => "major",
            ComponentStatus::MajorOutage => "critical",
        }
    }
}

/// Statuspage's incident status for the site's.
fn incident_status(status: IncidentStatus) -> &'static str {
    match status {
        IncidentStatus::Investigating => "investigating",
        IncidentStatus::Responding => "identified",
        IncidentStatus::Recovering => "monitoring",
        IncidentStatus::Resolved => "resolved",
    }
}

/// A Statuspage-style id (12 characters of `0-9a-z`) derived from `parts` alone, so it
/// stays the same in every build and every language while they do. FNV-1a is used
/// because its result is fixed by its definition; std's hasher may change between
/// Rust releases.
fn id(parts: &[&str]) -> String {
    const DIGITS: &[u8; 36] = b"0123456789abcdefghijklmnopqrstuvwxyz";
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    for part in parts {
        // The 0 after each part keeps ["ab", "c"] and ["a", "bc"] apart.
        for byte in part.bytes().chain([0]) {
            hash ^= u64::from(byte);
            hash = hash.wrapping_mul(0x0100_0000_01b3);
        }
    }
    let mut rest = hash % 36u64.pow(12);
    let mut id = [b'0'; 12];
    for digit in id.iter_mut().rev() {
        *digit = DIGITS[(rest % 36) as usize];
        rest /= 36;
    }
    id.iter().map(|&b| char::from(b)).collect()
}

/// The zone as Statuspage names it, an IANA name: `Etc/GMT-9` for +09:00 (the `Etc`
/// names count west, hence the sign), `Etc/UTC` for +00:00. An offset that is not a
/// whole number of hours has no such name and is given as it is (`+05:30`).
fn time_zone(zone: FixedOffset) -> String {
    let seconds = zone.local_minus_utc();
    let hours = seconds / 3600;
    if seconds == 0 {
        "Etc/UTC".to_string()
    } else if seconds % 3600 == 0 && (-12..=14).contains(&hours) {
        format!("Etc/GMT{:+}", -hours)
    } else {
        zone.to_string()
    }
}

/// `api/v2/summary.json` in the language of `page`.
pub(super) fn document(page: &Page) -> Summary {
    let site = page.site;
    let state = page.state;
    let config = &site.config;
    let main = site.main_language();
    let announcements = &site.announcements;
    let date = |at: &chrono::DateTime<FixedOffset>| page.date(at).iso;
    // The ids come from the main language's words, so every language's file agrees.
    let page_id = id(&["page", &config.organization, &config.title]);
    let incident_id = id(&["incident", &config.organization, &config.title]);

    let components: Vec<Component> = state
        .services
        .iter()
        .zip(page.service_summaries())
        .enumerate()
        .map(|(at, (service, view))| {
            let first = &announcements[service.history[0].announcement];
            let latest = service.history.last().expect("history is never empty");
            Component {
                id: id(&[
                    "component",
                    &config.organization,
                    &config.title,
                    &service.name,
                ]),
                name: view.name.text,
                status: state.service_status(site, service).into(),
                created_at: date(&first.date),
                updated_at: date(&announcements[latest.announcement].date),
                position: at + 1,
                description: view.note.map(|n| n.text),
                showcase: true,
                // When the service itself began is not the site's to say.
                start_date: None,
                group_id: None,
                page_id: page_id.clone(),
                group: false,
                only_show_if_degraded: false,
            }
        })
        .collect();
    let worst = components
        .iter()
        .map(|c| c.status)
        .max()
        .unwrap_or(ComponentStatus::Operational);

    // Every report of a service, by announcement: what it was before (operational
    // before its first report) and what the announcement said.
    let mut affected: BTreeMap<usize, Vec<(usize, AffectedComponent)>> = BTreeMap::new();
    for (service, component) in state.services.iter().zip(&components) {
        let mut old = ComponentStatus::Operational;
        for r in &service.history {
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

    let home_url = page
        .absolute(&path::home(page.lang, main))
        .unwrap_or_default();
    // Statuspage's summary lists unresolved incidents only; an incident with no
    // published announcement has nothing to show yet (Statuspage's always have an
    // update), so it is listed from the first announcement on.
    let incident = announcements
        .last()
        .filter(|_| state.status != IncidentStatus::Resolved)
        .map(|oldest| {
            let created_at = date(&oldest.date);
            let updates = announcements
                .iter()
                .enumerate()
                .map(|(i, a)| {
                    let item = page.item(a);
                    let mut reported = affected.remove(&i);
                    if let Some(list) = &mut reported {
                        list.sort_by_key(|(entry, _)| *entry);
                    }
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
                        affected_components: reported
                            .map(|list| list.into_iter().map(|(_, c)| c).collect()),
                        deliver_notifications: false,
                        custom_tweet: None,
                        tweet_id: None,
                    }
                })
                .collect();
            Incident {
                id: incident_id.clone(),
                name: config.title_in(page.lang).to_string(),
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
                shortlink: home_url.clone(),
                started_at: config
                    .incident
                    .started
                    .as_ref()
                    .map_or_else(|| created_at.clone(), date),
                created_at,
                page_id: page_id.clone(),
                incident_updates: updates,
                components: components.clone(),
            }
        });

    Summary {
        page: PageInfo {
            id: page_id,
            name: config.organization_in(page.lang).to_string(),
            url: home_url,
            time_zone: time_zone(config.timezone),
            updated_at: site
                .last_updated
                .or(config.incident.started)
                .map(|d| date(&d)),
        },
        components,
        incidents: incident.into_iter().collect(),
        scheduled_maintenances: Vec::new(),
        status: Indicator {
            indicator: worst.impact(),
            description: page
                .strings
                .get(&format!("indicator_{}", worst.impact()))
                .to_string(),
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_are_statuspage_shaped_and_fixed_by_their_parts() {
        let a = id(&["component", "テスト株式会社", "テスト", "給与計算"]);
        assert_eq!(a.len(), 12);
        assert!(
            a.bytes()
                .all(|b| b.is_ascii_digit() || b.is_ascii_lowercase())
        );
        assert_eq!(
            a,
            id(&["component", "テスト株式会社", "テスト", "給与計算"])
        );
        assert_ne!(
            a,
            id(&["component", "テスト株式会社", "テスト", "勤怠管理"])
        );
        assert_ne!(id(&["ab", "c"]), id(&["a", "bc"]));
        // Pinned (FNV-1a of "page\0", checked by hand): a change here would change
        // every id that published sites have given out.
        assert_eq!(id(&["page"]), "lma4zgxjpf8i");
    }

    #[test]
    fn zones_get_their_iana_names() {
        let zone = |s| FixedOffset::east_opt(s).unwrap();
        assert_eq!(time_zone(zone(9 * 3600)), "Etc/GMT-9");
        assert_eq!(time_zone(zone(-5 * 3600)), "Etc/GMT+5");
        assert_eq!(time_zone(zone(0)), "Etc/UTC");
        assert_eq!(time_zone(zone(5 * 3600 + 1800)), "+05:30");
    }
}
