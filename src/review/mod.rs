//! The pre-publication review (`crisis-site check`): what a careful comms lead would
//! look at before a release, for what hurts trust but is not a build error: a gap in
//! the numbered series, a site silent for days while the service is down, a promised
//! update that never came, no contact desk open, a broken link, a heavy page.
//!
//! The rules are pure: they read the loaded site, its plan and state, the texts it
//! was loaded from, the theme's strings and the rendered files, never the disk.
//! Findings have a level that site.toml's `[check]` can change or turn off, by rule
//! id.

mod attachments;
mod content;
mod disclosure;
mod html;
mod images;
mod incident;
mod input;
mod links;
mod report;
mod sections;
mod translations;
mod unfinished;
mod weight;

use std::collections::BTreeMap;

pub use input::Checked;
pub use report::{Finding, Report};

use crate::base::Lang;
use crate::model::{Rule, Site, Sources};
use crate::render::{OutputFile, Plan};
use crate::theme::Strings;
use input::Observation;

/// Runs every rule not turned off over a rendered site: `files` are what `plan` made
/// of `site`, `sources` the texts it was loaded from, `strings` the theme's.
pub fn review(
    site: &Site,
    plan: &Plan,
    sources: &Sources,
    strings: &BTreeMap<Lang, Strings>,
    files: &[OutputFile],
) -> Report {
    let checked = Checked {
        site,
        plan,
        sources,
        strings,
        files,
        pages: html::scan_pages(files),
    };
    let mut findings = Vec::new();
    for rule in Rule::ALL {
        let Some(level) = site.config.check.level(rule) else {
            continue;
        };
        for found in run(rule, &checked) {
            findings.push(Finding {
                rule,
                level,
                path: found.path,
                line: found.line,
                message: found.message,
                hint: found.hint,
            });
        }
    }
    findings.sort_by(|a, b| {
        (a.level, &a.path, a.line, a.rule).cmp(&(b.level, &b.path, b.line, b.rule))
    });
    let external = links::external_links(&checked);
    Report { findings, external }
}

fn run(rule: Rule, checked: &Checked) -> Vec<Observation> {
    match rule {
        Rule::Numbering => incident::numbering(checked),
        Rule::Stale => incident::stale(checked),
        Rule::ContactDesk => incident::contact_desk(checked),
        Rule::PhoneNumber => incident::phone_number(checked),
        Rule::KeyReportPending => incident::key_report_pending(checked),
        Rule::NextUpdateLate => incident::next_update_late(checked),
        Rule::ConfidentialMarker => content::confidential_marker(checked),
        Rule::Placeholder => unfinished::placeholder(checked),
        Rule::EmptySection => unfinished::empty_section(checked),
        Rule::RequiredSections => sections::required_sections(checked),
        Rule::TranslationOutdated => translations::translation_outdated(checked),
        Rule::PdfOnly => attachments::pdf_only(checked),
        Rule::ImageAlt => images::image_alt(checked),
        Rule::BrokenLink => links::broken_link(checked),
        Rule::IrIdentity => disclosure::ir_identity(checked),
        Rule::PageWeight => weight::page_weight(checked),
        Rule::ReportingDeadlines => disclosure::reporting_deadlines(checked),
    }
}
