//! site.toml's `[incident]`: where the response stands, as the comms team declares it.

use chrono::{DateTime, FixedOffset};
use serde::Deserialize;

use crate::base::time::When;

/// The incident's state as declared by the comms team.
#[derive(Debug, Clone)]
pub struct Incident {
    /// Where the response stands.
    pub status: IncidentStatus,
    /// When the incident began, if it is known and said.
    pub started: Option<DateTime<FixedOffset>>,
    /// Set when personal data leaked or may have (`personal_data = true`): the facts
    /// the reports to the regulator are counted from.
    pub personal_data: Option<PersonalData>,
}

/// A personal-data incident as site.toml's `[incident]` declares it, for the
/// reminder of the reports owed to the Personal Information Protection Commission.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PersonalData {
    /// When the company became aware of it (`aware_on`): the deadlines count from
    /// this day.
    pub aware_on: When,
    /// The line of `aware_on` in site.toml, for findings to point at.
    pub line: usize,
    /// Whether the leak may result from a wrongful act such as an attack
    /// (`wrongful_act = true`): the final report is then due within 60 days, not 30.
    pub wrongful_act: bool,
}

/// Where the response to the incident stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum IncidentStatus {
    /// The cause and scope are still being established.
    Investigating,
    /// The cause is known and the response is under way.
    Responding,
    /// Services are coming back.
    Recovering,
    /// The incident is over.
    Resolved,
}

impl IncidentStatus {
    /// Every status, in the order the response goes through them.
    pub const ALL: [IncidentStatus; 4] = [
        IncidentStatus::Investigating,
        IncidentStatus::Responding,
        IncidentStatus::Recovering,
        IncidentStatus::Resolved,
    ];

    /// The identifier used in site.toml, CSS classes and the theme's string keys.
    pub fn id(self) -> &'static str {
        match self {
            IncidentStatus::Investigating => "investigating",
            IncidentStatus::Responding => "responding",
            IncidentStatus::Recovering => "recovering",
            IncidentStatus::Resolved => "resolved",
        }
    }
}
