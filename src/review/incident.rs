//! Rules about the incident's story as the published announcements tell it: the
//! numbered series, the cadence of updates, promises and whom readers can call.

use std::collections::BTreeMap;
use std::path::PathBuf;

use super::input::{Checked, Observation, listed};
use crate::base::Message;
use crate::base::message::Arg;
use crate::load::layout::SITE_TOML;
use crate::model::Announcement;
use crate::model::config::{ContactDesk, IncidentStatus, PeriodState, Phone};
use crate::msg;

/// A finding about one announcement, at the line of `key` in its original's file.
fn at_key(
    checked: &Checked,
    a: &Announcement,
    key: &str,
    message: Message,
    hint: Message,
) -> Observation {
    let source = &a.original.source;
    Observation {
        path: Some(source.clone()),
        line: checked.line_of_key(source, key),
        message,
        hint,
    }
}

fn site_toml() -> Option<PathBuf> {
    Some(PathBuf::from(SITE_TOML))
}

/// `numbering`: the published numbers of the series (第N報) are each used once, run
/// from 1 without a gap, and rise with the dates.
pub fn numbering(checked: &Checked) -> Vec<Observation> {
    let mut found = Vec::new();
    // Oldest first, as the series was published.
    let numbered: Vec<&Announcement> = checked
        .site
        .announcements
        .iter()
        .rev()
        .filter(|a| a.number.is_some())
        .collect();
    let mut by_number: BTreeMap<u32, Vec<&Announcement>> = BTreeMap::new();
    for a in &numbered {
        by_number
            .entry(a.number.unwrap_or_default())
            .or_default()
            .push(a);
    }
    for (number, users) in &by_number {
        for later in users.iter().skip(1) {
            found.push(at_key(
                checked,
                later,
                "number",
                msg!(
                    "review-number-reused",
                    number = *number,
                    slug = users[0].slug.to_string()
                ),
                msg!("review-number-reused-hint"),
            ));
        }
    }
    let mut expected = 1;
    for (&number, users) in &by_number {
        if number > expected {
            let missing: Vec<String> = (expected..number).map(|n| n.to_string()).collect();
            let count = missing.len();
            found.push(at_key(
                checked,
                users[0],
                "number",
                msg!(
                    "review-number-gap",
                    number,
                    count,
                    missing = listed(missing.into_iter().map(Arg::from))
                ),
                msg!("review-number-gap-hint"),
            ));
        }
        expected = number + 1;
    }
    for pair in numbered.windows(2) {
        let (earlier, later) = (pair[0], pair[1]);
        if later.number < earlier.number {
            found.push(at_key(
                checked,
                later,
                "number",
                msg!(
                    "review-number-order",
                    number = later.number.unwrap_or_default(),
                    date = checked.shown(&later.date),
                    earlier = earlier.number.unwrap_or_default(),
                    slug = earlier.slug.to_string(),
                    earlier_date = checked.shown(&earlier.date),
                ),
                msg!("review-number-order-hint"),
            ));
        }
    }
    found
}

/// Whether the incident is still going on.
fn ongoing(checked: &Checked) -> bool {
    checked.state().status != IncidentStatus::Resolved
}

/// `stale`: while the incident goes on, the newest announcement is no older than
/// `[check] stale_after_days`. A promised next update still to come is an answer to
/// silence, so it keeps the rule quiet until it falls due (then `next-update-late`
/// speaks).
pub fn stale(checked: &Checked) -> Vec<Observation> {
    let site = checked.site;
    if !ongoing(checked) || checked.state().promise.is_some_and(|p| !p.late) {
        return Vec::new();
    }
    let days = site.config.check.stale_after_days;
    let Some(newest) = site.announcements.iter().max_by_key(|a| a.last_changed()) else {
        return vec![Observation {
            path: site_toml(),
            line: None,
            message: msg!("review-stale-nothing", status = checked.state().status.id()),
            hint: msg!("review-stale-nothing-hint"),
        }];
    };
    let age = site.now - newest.last_changed();
    if age <= chrono::Duration::days(i64::from(days)) {
        return Vec::new();
    }
    vec![at_key(
        checked,
        newest,
        "date",
        msg!(
            "review-stale",
            slug = newest.slug.to_string(),
            date = checked.shown(&newest.last_changed()),
            age = age.num_days(),
            status = checked.state().status.id(),
            days,
        ),
        msg!("review-stale-hint"),
    )]
}

/// `contact-desk`: the site names a contact desk, and while the incident goes on at
/// least one has not closed.
pub fn contact_desk(checked: &Checked) -> Vec<Observation> {
    let config = &checked.site.config;
    if config.contacts.is_empty() {
        return vec![Observation {
            path: site_toml(),
            line: None,
            message: msg!("review-no-contact-desk"),
            hint: msg!("review-no-contact-desk-hint"),
        }];
    }
    let all_closed = config
        .contacts
        .iter()
        .all(|c| c.period.state(checked.site.now, config.timezone) == PeriodState::Over);
    if ongoing(checked) && all_closed {
        let names: Vec<&str> = config
            .contacts
            .iter()
            .map(|c| c.text.name.as_str())
            .collect();
        return vec![Observation {
            path: site_toml(),
            line: None,
            message: msg!(
                "review-contact-desks-closed",
                names = listed(names.into_iter().map(Arg::from)),
                status = checked.state().status.id()
            ),
            hint: msg!("review-contact-desks-closed-hint"),
        }];
    }
    Vec::new()
}

/// `key-report-pending`: a block of the key-report menu no published announcement
/// fills yet.
pub fn key_report_pending(checked: &Checked) -> Vec<Observation> {
    let site = checked.site;
    site.config
        .key_reports
        .iter()
        .filter(|block| site.filling(block).is_none())
        .map(|block| Observation {
            path: site_toml(),
            line: None,
            message: msg!(
                "review-key-report-pending",
                id = block.id.to_string(),
                title = &block.text.title
            ),
            hint: msg!("review-key-report-pending-hint", id = block.id.to_string()),
        })
        .collect()
}

/// `next-update-late`: the promised next update has passed with no newer
/// announcement.
pub fn next_update_late(checked: &Checked) -> Vec<Observation> {
    let Some(promise) = checked.state().promise.filter(|p| p.late) else {
        return Vec::new();
    };
    let by = &checked.site.announcements[promise.by];
    vec![at_key(
        checked,
        by,
        "next_update",
        msg!("review-next-update-late", at = checked.shown(&promise.at)),
        msg!("review-next-update-late-hint"),
    )]
}

/// `phone-number`: a contact desk's `phone` is a number, with an extension if any,
/// and nothing else. Hours or notes in it are left out of the `tel:` link, and a
/// field that does not start with a number gets no link at all.
pub fn phone_number(checked: &Checked) -> Vec<Observation> {
    checked
        .site
        .config
        .contacts
        .iter()
        .filter_map(|desk| {
            Some(Observation {
                path: site_toml(),
                line: desk.phone_line,
                message: phone_problem(desk)?,
                hint: msg!("phone-number-hint"),
            })
        })
        .collect()
}

/// What is wrong with a desk's `phone`, if anything.
fn phone_problem(desk: &ContactDesk) -> Option<Message> {
    let phone = desk.text.phone.as_deref()?;
    let name = &desk.text.name;
    match Phone::parse(phone) {
        None => Some(msg!("phone-not-a-number", desk = name, phone)),
        Some(read) if !read.rest.is_empty() => Some(msg!(
            "phone-more-than-a-number",
            desk = name,
            rest = read.rest
        )),
        Some(_) => None,
    }
}
