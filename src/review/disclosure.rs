//! Rules about what site.toml must say beside the announcements: the identity an IR
//! disclosure carries (`ir-identity`), and the reports owed to the regulator after a
//! leak (`reporting-deadlines`).

use std::path::PathBuf;

use chrono::{Duration, NaiveDate};

use super::input::{Checked, Observation, listed};
use crate::base::Message;
use crate::base::message::Arg;
use crate::base::time::When;
use crate::load::layout::SITE_TOML;
use crate::model::{Channel, Site};
use crate::msg;

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
        ("exchange", &ir.text.exchange),
        ("contact", &ir.text.contact),
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
        message: msg!(
            "review-ir-identity",
            count = disclosures,
            missing = listed(missing.iter().map(|key| Arg::from(*key)))
        ),
        hint: msg!("review-ir-identity-hint"),
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
fn left(today: NaiveDate, by: NaiveDate) -> Message {
    match (by - today).num_days() {
        0 => msg!("review-deadline-today"),
        n if n > 0 => msg!("review-deadline-left", days = n),
        n => msg!("review-deadline-passed", days = -n),
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
    let at = |message: Message| Observation {
        path: Some(PathBuf::from(SITE_TOML)),
        line: Some(personal.line),
        message,
        hint: msg!("review-ppc-hint"),
    };
    let (first, last) = (aware + Duration::days(3), aware + Duration::days(5));
    let days = if personal.wrongful_act { 60 } else { 30 };
    let by = aware + Duration::days(days);
    let final_report = if personal.wrongful_act {
        msg!(
            "review-ppc-final-wrongful",
            days,
            aware = aware.to_string(),
            by = by.to_string(),
            left = left(today, by)
        )
    } else {
        msg!(
            "review-ppc-final",
            days,
            aware = aware.to_string(),
            by = by.to_string(),
            left = left(today, by)
        )
    };
    vec![
        at(msg!(
            "review-ppc-preliminary",
            aware = aware.to_string(),
            by = range(first, last),
            left = left(today, last)
        )),
        at(final_report),
    ]
}
