//! Checks across announcement files: one file per slug, corrections that name an
//! earlier announcement, key reports that are declared and filled once.

use std::collections::{BTreeSet, HashMap};
use std::path::Path;

use super::announcement::Original;
use super::hint;
use crate::base::Problem;
use crate::base::suggest::suggest;
use crate::base::time::front_matter_value;
use crate::model::config::KeyReportId;
use crate::model::{Announcement, Config, Slug};
use crate::msg;

/// A second file for one slug (or one translation of it).
pub fn same_slug(slug: &str, first: &Path, second: &Path) -> Problem {
    let first = first.display().to_string();
    Problem::in_file(second, msg!("load-same-slug", slug, first))
}

/// A correction names an earlier announcement that exists (drafts included, so the
/// link is checked before the correction's release, not at it).
///
/// `on_disk` is the slug of every original file found, read or not: a correction of
/// one that could not be read is not checked, since its file's own problems say what
/// is wrong, and one mistake is reported once.
pub fn corrections(
    announcements: &[Original],
    on_disk: &BTreeSet<&str>,
    problems: &mut Vec<Problem>,
) {
    let by_slug: HashMap<&Slug, &Announcement> = announcements
        .iter()
        .map(|o| (&o.announcement.slug, &o.announcement))
        .collect();
    for original in announcements {
        let a = &original.announcement;
        let Some(target) = &a.corrects else { continue };
        let line = original.corrects_line.unwrap_or(1);
        match by_slug.get(target) {
            None if on_disk.contains(target.as_str()) => {}
            None => {
                let hint = match suggest(target.as_str(), on_disk.iter().copied()) {
                    Some(best) => msg!("load-did-you-mean", name = best),
                    None => msg!("load-corrects-expected"),
                };
                problems.push(Problem::at(
                    &a.original.source,
                    line,
                    msg!("load-corrects-unknown", target = target.as_str(), hint),
                ));
            }
            Some(corrected) if corrected.date >= a.date => problems.push(Problem::at(
                &a.original.source,
                line,
                msg!(
                    "load-corrects-not-earlier",
                    target = target.as_str(),
                    corrected = front_matter_value(&corrected.date),
                    date = front_matter_value(&a.date)
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
            let hint = hint::unknown_name(id.as_str(), &declared)
                .unwrap_or_else(|| msg!("load-no-key-reports"));
            problems.push(Problem::at(
                &a.original.source,
                line,
                msg!("load-key-report-undeclared", id = id.as_str(), hint),
            ));
            continue;
        }
        if let Some(first) = claimed.get(id) {
            let first = first.announcement.original.source.display().to_string();
            problems.push(Problem::at(
                &a.original.source,
                line,
                msg!("load-key-report-twice", id = id.as_str(), first),
            ));
            continue;
        }
        claimed.insert(id, original);
    }
}

/// Every `official_pdf`, of an original or a translation, names a PDF among the
/// announcement's attachments. Checked here, not when the file is parsed: the
/// preview's cache keeps a parse while the files beside it change.
pub fn official_pdfs(announcements: &[Original], problems: &mut Vec<Problem>) {
    for original in announcements {
        let a = &original.announcement;
        let versions = std::iter::once(&a.original).chain(a.translations.values());
        for version in versions {
            let Some(name) = &version.official_pdf else {
                continue;
            };
            let (line, source, name) = (name.line, &version.source, name.value.as_str());
            if !name.to_ascii_lowercase().ends_with(".pdf") {
                problems.push(Problem::at(
                    source,
                    line,
                    msg!("load-official-pdf-not-pdf", name),
                ));
            } else if !a.attachments.iter().any(|f| f.name == name) {
                let known: Vec<&str> = a
                    .attachments
                    .iter()
                    .map(|f| f.name.as_str())
                    .filter(|n| n.to_ascii_lowercase().ends_with(".pdf"))
                    .collect();
                let hint = hint::unknown_name(name, &known)
                    .unwrap_or_else(|| msg!("load-official-pdf-none"));
                problems.push(Problem::at(
                    source,
                    line,
                    msg!("load-official-pdf-missing", name, hint),
                ));
            }
        }
    }
}
