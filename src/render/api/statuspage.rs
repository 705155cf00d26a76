//! Statuspage's summary document as serde writes it: its types in Statuspage's field
//! order, the mapping of statuses, and ids that stay the same from build to build.

use chrono::FixedOffset;
use serde::Serialize;

use crate::model::config::IncidentStatus;
use crate::model::tables::ServiceStatus;
use crate::theme::Key;

/// The whole document, in Statuspage's field order.
#[derive(Debug, Serialize)]
pub(super) struct Summary {
    pub(super) page: PageInfo,
    pub(super) components: Vec<Component>,
    pub(super) incidents: Vec<Incident>,
    /// Always empty: a crisis site announces no maintenance windows.
    pub(super) scheduled_maintenances: Vec<Incident>,
    pub(super) status: Indicator,
}

#[derive(Debug, Serialize)]
pub(super) struct PageInfo {
    pub(super) id: String,
    pub(super) name: String,
    /// The home page in this language, or `""` without `base_url`: Statuspage's
    /// clients expect a string here, and an empty one is plainly no link.
    pub(super) url: String,
    pub(super) time_zone: String,
    pub(super) updated_at: Option<String>,
}

#[derive(Debug, Clone, Serialize)]
pub(super) struct Component {
    pub(super) id: String,
    pub(super) name: String,
    pub(super) status: ComponentStatus,
    pub(super) created_at: String,
    pub(super) updated_at: String,
    pub(super) position: usize,
    pub(super) description: Option<String>,
    pub(super) showcase: bool,
    pub(super) start_date: Option<String>,
    pub(super) group_id: Option<String>,
    pub(super) page_id: String,
    pub(super) group: bool,
    pub(super) only_show_if_degraded: bool,
}

#[derive(Debug, Serialize)]
pub(super) struct Incident {
    pub(super) id: String,
    pub(super) name: String,
    pub(super) status: &'static str,
    pub(super) created_at: String,
    pub(super) updated_at: String,
    pub(super) monitoring_at: Option<String>,
    pub(super) resolved_at: Option<String>,
    pub(super) impact: &'static str,
    pub(super) shortlink: String,
    pub(super) started_at: String,
    pub(super) page_id: String,
    pub(super) incident_updates: Vec<IncidentUpdate>,
    pub(super) components: Vec<Component>,
}

#[derive(Debug, Serialize)]
pub(super) struct IncidentUpdate {
    pub(super) id: String,
    pub(super) status: &'static str,
    pub(super) body: String,
    pub(super) incident_id: String,
    pub(super) created_at: String,
    pub(super) updated_at: String,
    pub(super) display_at: String,
    pub(super) affected_components: Option<Vec<AffectedComponent>>,
    pub(super) deliver_notifications: bool,
    pub(super) custom_tweet: Option<String>,
    pub(super) tweet_id: Option<String>,
}

#[derive(Debug, Serialize)]
pub(super) struct AffectedComponent {
    pub(super) code: String,
    pub(super) name: String,
    pub(super) old_status: ComponentStatus,
    pub(super) new_status: ComponentStatus,
}

#[derive(Debug, Serialize)]
pub(super) struct Indicator {
    pub(super) indicator: &'static str,
    pub(super) description: String,
}

/// Statuspage's component statuses that a service's status maps to, from best to
/// worst. (`under_maintenance` is never used: nothing on a crisis site is planned
/// maintenance.)
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
pub(super) enum ComponentStatus {
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
    /// The words of the page's indicator when this is the worst status.
    pub(super) fn indicator(self) -> Key {
        let [none, minor, major, critical] = Key::INDICATORS;
        match self {
            ComponentStatus::Operational => none,
            ComponentStatus::DegradedPerformance => minor,
            ComponentStatus::PartialOutage => major,
            ComponentStatus::MajorOutage => critical,
        }
    }

    /// The impact, and the page's indicator, when this is the worst status: the
    /// levels Statuspage itself derives from components.
    pub(super) fn impact(self) -> &'static str {
        match self {
            ComponentStatus::Operational => "none",
            ComponentStatus::DegradedPerformance => "minor",
            ComponentStatus::PartialOutage => "major",
            ComponentStatus::MajorOutage => "critical",
        }
    }
}

/// Statuspage's incident status for the site's.
pub(super) fn incident_status(status: IncidentStatus) -> &'static str {
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
pub(super) fn id(parts: &[&str]) -> String {
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
pub(super) fn time_zone(zone: FixedOffset) -> String {
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
