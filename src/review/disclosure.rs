//! Rules about what site.toml must say beside the announcements: the identity an IR
//! disclosure carries (`ir-identity`), and the reports owed to the regulator after a
//! leak (`reporting-deadlines`).

use std::path::PathBuf;

use chrono::{Duration, NaiveDate};

use super::input::{Checked, Observation};
use crate::base::time::When;
use crate::load::layout::SITE_TOML;
use crate::model::{Channel, Site};

/// `ir-identity`: once an IR announcement is published, site.toml's `[ir]` names the
/// securities code, the exchange and a contact, as every IR disclosure does.
pub fn ir_identity(checked: &Checked) -> Vec<Observation> {
    let site = checked.site;
    let disclosures = site
        .announcements
        .iter()
        .filter(|a| a.channels.contains(Channel::Ir))
        .count();
    let ir = &site.config.ir;
    let missing: Vec<&str> = [
        ("securities_code", &ir.securities_code),
        ("exchange", &ir.exchange),
        ("contact", &ir.contact),
    ]
    .into_iter()
    .filter(|(_, value)| value.is_none())
    .map(|(key, _)| key)
    .collect();
    if disclosures == 0 || missing.is_empty() {
        return Vec::new();
    }
    vec![Observation {
        path: Some(PathBuf::from(SITE_TOML)),
        line: None,
        message: format!(
            "{disclosures} IR announcement{} published, but `[ir]` lacks {}",
            if disclosures == 1 { " is" } else { "s are" },
            missing.join(", ")
        )
        .into(),
        hint: "an IR disclosure (適時開示) names the securities code, the exchange and a \
               contact; add them to site.toml's [ir]"
            .into(),
    }]
}

/// The day a moment falls on in the site's zone.
fn day_of(when: When, site: &Site) -> NaiveDate {
    match when {
        When::Day(day) => day,
        When::At(at) => at.with_timezone(&site.config.timezone).date_naive(),
    }
}

/// How far `today` is from `by`.
fn left(today: NaiveDate, by: NaiveDate) -> String {
    match (by - today).num_days() {
        0 => "due today".to_string(),
        1 => "1 day left".to_string(),
        -1 => "passed 1 day ago".to_string(),
        n if n > 0 => format!("{n} days left"),
        n => format!("passed {} days ago", -n),
    }
}

/// A range of days as `2026-09-17–19`, or with both dates when the month changes.
fn range(first: NaiveDate, last: NaiveDate) -> String {
    if first.format("%Y-%m").to_string() == last.format("%Y-%m").to_string() {
        format!("{}–{}", first, last.format("%d"))
    } else {
        format!("{first} – {last}")
    }
}

/// `reporting-deadlines`: with `[incident] personal_data = true`, the days by which
/// the reports to the Personal Information Protection Commission are due, counted
/// from `aware_on` (the day after it is day 1): the preliminary report (速報)
/// promptly, about 3–5 days; the final report (確報) within 30 days, or 60 where the
/// leak may result from a wrongful act. A reminder of the usual rule, not legal
/// advice.
pub fn reporting_deadlines(checked: &Checked) -> Vec<Observation> {
    let site = checked.site;
    let Some(personal) = site.config.incident.personal_data else {
        return Vec::new();
    };
    let aware = day_of(personal.aware_on, site);
    let today = site.now.with_timezone(&site.config.timezone).date_naive();
    let hint = "a reminder, not legal advice: confirm with counsel and the PPC's guidelines \
                which reports are owed and by when";
    let at = |message: String| Observation {
        path: Some(PathBuf::from(SITE_TOML)),
        line: Some(personal.line),
        message: message.into(),
        hint: hint.into(),
    };
    let (first, last) = (aware + Duration::days(3), aware + Duration::days(5));
    let days = if personal.wrongful_act { 60 } else { 30 };
    let by = aware + Duration::days(days);
    vec![
        at(format!(
            "preliminary report to the PPC (速報): promptly, about 3–5 days after becoming \
             aware on {aware} (by {}): {}",
            range(first, last),
            left(today, last)
        )),
        at(format!(
            "final report to the PPC (確報): within {days} days of {aware}{} (by {by}): {}",
            if personal.wrongful_act {
                ", as the leak may result from a wrongful act"
            } else {
                ""
            },
            left(today, by)
        )),
    ]
}
