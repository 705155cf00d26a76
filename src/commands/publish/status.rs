//! `crisis-site publish --status`: what is live on each target and since when, from
//! the publish log.

use std::path::Path;

use crate::base::Error;
use crate::load;
use crate::model::config::Target;
use crate::publish::log::{self, Outcome, Record};

/// One target's state, as the log tells it.
#[derive(Debug, Clone)]
pub struct TargetStatus {
    /// The target, as site.toml declares it.
    pub target: Target,
    /// The newest publish that left the target holding a whole site (published or
    /// unchanged): what is live there.
    pub live: Option<Record>,
    /// The publish that put that site's bytes there (the newest with changes), for
    /// when it went live.
    pub since: Option<Record>,
    /// The newest publish, when it failed after `live`.
    pub failed: Option<Record>,
    /// Every announcement put on the target, with the record that put it there,
    /// newest first.
    pub announcements: Vec<(String, Record)>,
}

/// The state of every target of the site in `root`, in site.toml's order.
pub fn status(root: &Path) -> Result<Vec<TargetStatus>, Error> {
    let config = load::config::load(root).map_err(Error::Invalid)?;
    let records = log::read(root)?;
    Ok(config
        .publish
        .into_iter()
        .map(|target| of(target, &records))
        .collect())
}

fn of(target: Target, records: &[Record]) -> TargetStatus {
    let name = target.name.0.clone();
    let live = log::last(records, &name, |r| r.outcome != Outcome::Failed).cloned();
    let since = live.as_ref().and_then(|live| {
        log::last(records, &name, |r| {
            r.outcome == Outcome::Published && r.digest == live.digest
        })
        .cloned()
    });
    let newest = log::last(records, &name, |_| true);
    let failed = newest.filter(|r| r.outcome == Outcome::Failed).cloned();
    let mut announcements = Vec::new();
    for record in records.iter().rev().filter(|r| r.target == name) {
        for slug in &record.announcements_added {
            if !announcements
                .iter()
                .any(|(s, _): &(String, Record)| s == slug)
            {
                announcements.push((slug.clone(), record.clone()));
            }
        }
    }
    TargetStatus {
        target,
        live,
        since,
        failed,
        announcements,
    }
}
