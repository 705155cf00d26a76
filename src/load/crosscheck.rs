//! Checks across announcement files: one file per slug, corrections that name an
//! earlier announcement, key reports that are declared and filled once.

use std::collections::HashMap;
use std::path::Path;

use super::announcement::Original;
use crate::base::Problem;
use crate::base::suggest::{suggest, unknown_name_hint};
use crate::base::time::front_matter_value;
use crate::model::config::KeyReportId;
use crate::model::{Announcement, Config, Slug};

/// A second file for one slug (or one translation of it).
pub fn same_slug(slug: &str, first: &Path, second: &Path) -> Problem {
    Problem::in_file(
        second,
        format!(
            "slug `{slug}` is already used by {}; expected one file per announcement \
             (NAME.md or NAME/index.md, not both)",
            first.display()
        ),
    )
}

/// A correction names an earlier announcement that exists (drafts included, so the
/// link is checked before the correction's release, not at it).
pub fn corrections(announcements: &[Original], problems: &mut Vec<Problem>) {
    let by_slug: HashMap<&Slug, &Announcement> = announcements
        .iter()
        .map(|o| (&o.announcement.slug, &o.announcement))
        .collect();
    for original in announcements {
        let a = &original.announcement;
        let Some(target) = &a.corrects else { continue };
        let line = original.corrects_line.unwrap_or(1);
        match by_slug.get(target) {
            None => {
                let hint = match suggest(target.as_str(), by_slug.keys().map(|s| s.as_str())) {
                    Some(best) => format!("did you mean `{best}`?"),
                    None => {
                        "expected the slug of an earlier announcement (its file or folder name)"
                            .to_string()
                    }
                };
                problems.push(Problem::at(
                    &a.original.source,
                    line,
                    format!("`corrects` names `{target}`, which is not an announcement; {hint}"),
                ));
            }
            Some(corrected) if corrected.date >= a.date => problems.push(Problem::at(
                &a.original.source,
                line,
                format!(
                    "`corrects` names `{target}`, dated {}, not before this announcement ({}); \
                     expected an earlier announcement",
                    front_matter_value(&corrected.date),
                    front_matter_value(&a.date)
                ),
            )),
            Some(_) => {}
        }
    }
}

/// Every `key_report` names a declared block, and no block is claimed twice.
pub fn key_reports(config: &Config, announcements: &[Original], problems: &mut Vec<Problem>) {
    let mut claimed: HashMap<&KeyReportId, &Original> = HashMap::new();
    // Oldest first, so the later claimant is the one reported.
    for original in announcements.iter().rev() {
        let a = &original.announcement;
        let Some(id) = &a.key_report else { continue };
        let line = original.key_report_line.unwrap_or(1);
        if config.key_report(id).is_none() {
            let declared: Vec<&str> = config.key_reports.iter().map(|k| k.id.as_str()).collect();
            let hint = unknown_name_hint(id.as_str(), &declared, || {
                "no key reports are declared; add a [[key_reports]] entry with this id".into()
            });
            problems.push(Problem::at(
                &a.original.source,
                line,
                format!("key report `{id}` is not declared in site.toml; {hint}"),
            ));
            continue;
        }
        if let Some(first) = claimed.get(id) {
            problems.push(Problem::at(
                &a.original.source,
                line,
                format!(
                    "key report `{id}` is already filled by {}; expected each key report to be filled by one announcement",
                    first.announcement.original.source.display()
                ),
            ));
            continue;
        }
        claimed.insert(id, original);
    }
}
