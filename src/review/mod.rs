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
mod built;
mod content;
mod disclosure;
mod html;
mod images;
mod incident;
mod input;
mod links;
mod report;
mod resolve;
mod scope;
mod sections;
mod translations;
mod unfinished;
mod weight;

use std::collections::BTreeMap;

use rayon::prelude::*;

pub use built::{Built, Examined, Examiner};
pub use input::Checked;
pub use report::{Finding, Report};
pub use scope::Scope;

use crate::base::Lang;
use crate::model::{Level, Rule, Site, Sources};
use crate::render::Plan;
use crate::theme::Strings;
use input::Observation;

/// Runs every rule not turned off (in `scope`) over a rendered site: `built` is what
/// the review kept of the files `plan` made of `site` (examined in the same `scope`),
/// `sources` the texts it was loaded from, `strings` the theme's.
pub fn review(
    site: &Site,
    plan: &Plan,
    sources: &Sources,
    strings: &BTreeMap<Lang, Strings>,
    built: &Built,
    scope: Scope,
) -> Report {
    let checked = Checked {
        site,
        plan,
        sources,
        strings,
        built,
    };
    // The rules read the same site and none depends on another: they run in parallel,
    // each giving its findings in its own order, put back in the order of the rules.
    let by_rule: Vec<Vec<Finding>> = Rule::ALL
        .par_iter()
        .map(|&rule| {
            let level = site.config.check.level(rule);
            let Some(level) = level.filter(|l| scope == Scope::Everything || *l == Level::Error)
            else {
                return Vec::new();
            };
            run(rule, &checked)
                .into_iter()
                .map(|found| Finding {
                    rule,
                    level,
                    path: found.path,
                    line: found.line,
                    message: found.message,
                    hint: found.hint,
                })
                .collect()
        })
        .collect();
    let mut findings: Vec<Finding> = by_rule.into_iter().flatten().collect();
    findings.sort_by(|a, b| {
        (a.level, &a.path, a.line, a.rule).cmp(&(b.level, &b.path, b.line, b.rule))
    });
    let external = match scope {
        Scope::Everything => links::external_links(&checked),
        Scope::Errors => Vec::new(),
    };
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
        Rule::OfficialPdf => attachments::official_pdf(checked),
        Rule::ImageAlt => images::image_alt(checked),
        Rule::BrokenLink => links::broken_link(checked),
        Rule::IrIdentity => disclosure::ir_identity(checked),
        Rule::PageWeight => weight::page_weight(checked),
        Rule::ReportingDeadlines => disclosure::reporting_deadlines(checked),
    }
}
