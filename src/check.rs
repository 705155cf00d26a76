//! `crisis-site check`: the review a careful comms lead would do before a release,
//! for what hurts trust but is not a build error: a gap in the numbered series, a site
//! silent for days while the service is down, a promised update that never came, no
//! contact desk open.
//!
//! It loads and renders the site exactly as `build` does (so it reports the same
//! errors first), writes it into a temporary folder, then runs each rule over the
//! model, the derived state and the written files. Findings have a level that
//! site.toml's `[check]` can change or turn off, by rule id.

mod content;
mod html;
mod incident;
mod output;

pub use output::ExternalLink;

use std::collections::BTreeMap;
use std::path::PathBuf;

use serde::Serialize;

use crate::error::Error;
use crate::render::OutputFile;
use crate::site::{Publish, Site};
use crate::state::State;

/// How much a finding matters.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Level {
    /// Must be fixed before publishing: `check` exits non-zero.
    Error,
    /// Should be looked at; fails the check only with `--strict`.
    Warning,
    /// Worth knowing; never fails the check.
    Info,
}

impl Level {
    /// The level as site.toml and the output name it.
    pub fn id(self) -> &'static str {
        match self {
            Level::Error => "error",
            Level::Warning => "warning",
            Level::Info => "info",
        }
    }

    /// Reads a level from site.toml's `[check.levels]`; `off` is `None`.
    pub fn parse(text: &str) -> Result<Option<Level>, String> {
        match text {
            "error" => Ok(Some(Level::Error)),
            "warning" => Ok(Some(Level::Warning)),
            "info" => Ok(Some(Level::Info)),
            "off" => Ok(None),
            other => Err(format!(
                "unknown level `{other}`; expected \"error\", \"warning\", \"info\" or \"off\""
            )),
        }
    }
}

/// A rule of the review, named by its id in output and in site.toml.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Rule {
    /// Numbers of the report series (第N報) are consecutive, unique and in date order.
    Numbering,
    /// The newest announcement is older than the cadence while the incident goes on.
    Stale,
    /// No contact desk, or every desk closed, while the incident goes on.
    ContactDesk,
    /// A key-report block still in preparation.
    KeyReportPending,
    /// The promised next update has passed with no newer announcement.
    NextUpdateLate,
    /// Published text asks readers to keep it secret or marks itself internal.
    ConfidentialMarker,
    /// An announcement of a declared kind lacks a section its readers are owed.
    RequiredSections,
    /// A translation older than a change to its original.
    TranslationOutdated,
    /// An announcement whose text is little more than links to its attachments.
    PdfOnly,
    /// An image without alternative text.
    ImageAlt,
    /// A link or anchor of the built pages or feeds leads to nothing in the output.
    BrokenLink,
    /// IR announcements are published but site.toml's `[ir]` lacks part of the
    /// identity an IR disclosure carries.
    IrIdentity,
    /// A built page over the weight budget, or with a script element.
    PageWeight,
    /// The days the reports of a personal-data leak to the regulator are due.
    ReportingDeadlines,
}

impl Rule {
    /// Every rule, in the order findings of one place are listed.
    pub const ALL: [Rule; 14] = [
        Rule::Numbering,
        Rule::Stale,
        Rule::ContactDesk,
        Rule::KeyReportPending,
        Rule::NextUpdateLate,
        Rule::ConfidentialMarker,
        Rule::RequiredSections,
        Rule::TranslationOutdated,
        Rule::PdfOnly,
        Rule::ImageAlt,
        Rule::BrokenLink,
        Rule::IrIdentity,
        Rule::PageWeight,
        Rule::ReportingDeadlines,
    ];

    /// The rule's id.
    pub fn id(self) -> &'static str {
        match self {
            Rule::Numbering => "numbering",
            Rule::Stale => "stale",
            Rule::ContactDesk => "contact-desk",
            Rule::KeyReportPending => "key-report-pending",
            Rule::NextUpdateLate => "next-update-late",
            Rule::ConfidentialMarker => "confidential-marker",
            Rule::RequiredSections => "required-sections",
            Rule::TranslationOutdated => "translation-outdated",
            Rule::PdfOnly => "pdf-only",
            Rule::ImageAlt => "image-alt",
            Rule::BrokenLink => "broken-link",
            Rule::IrIdentity => "ir-identity",
            Rule::PageWeight => "page-weight",
            Rule::ReportingDeadlines => "reporting-deadlines",
        }
    }

    /// The rule with this id.
    pub fn parse(id: &str) -> Option<Rule> {
        Rule::ALL.into_iter().find(|r| r.id() == id)
    }

    /// Its level unless site.toml says otherwise.
    pub fn default_level(self) -> Level {
        match self {
            Rule::Numbering | Rule::Stale | Rule::ContactDesk | Rule::NextUpdateLate => {
                Level::Warning
            }
            Rule::KeyReportPending => Level::Info,
            // Asking the public to keep a public statement secret reads as concealment:
            // never to be published.
            Rule::ConfidentialMarker => Level::Error,
            // Each may have a reason (a short notice ahead of the full one, a
            // translation on its way, a decorative image), so they fail only --strict.
            Rule::RequiredSections | Rule::TranslationOutdated | Rule::PdfOnly | Rule::ImageAlt => {
                Level::Warning
            }
            Rule::BrokenLink => Level::Error,
            Rule::IrIdentity | Rule::PageWeight => Level::Warning,
            Rule::ReportingDeadlines => Level::Info,
        }
    }
}

impl Serialize for Rule {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self.id())
    }
}

/// What a rule found, before its level is applied.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Found {
    /// The file it is about, relative to the site's root, where there is one.
    pub path: Option<PathBuf>,
    /// The line in that file, where there is one.
    pub line: Option<usize>,
    /// What is wrong.
    pub message: String,
    /// How to fix it, in one line.
    pub hint: String,
}

/// One finding of the review.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Finding {
    /// The rule that found it.
    pub rule: Rule,
    /// How much it matters, after site.toml's `[check.levels]`.
    pub level: Level,
    /// The file it is about, relative to the site's root.
    pub path: Option<PathBuf>,
    /// The line in that file.
    pub line: Option<usize>,
    /// What is wrong.
    pub message: String,
    /// How to fix it.
    pub hint: String,
}

impl std::fmt::Display for Finding {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}[{}]: ", self.level.id(), self.rule.id())?;
        match (&self.path, self.line) {
            (Some(path), Some(line)) => write!(f, "{}:{line}: ", path.display())?,
            (Some(path), None) => write!(f, "{}: ", path.display())?,
            _ => {}
        }
        write!(f, "{}\n  hint: {}", self.message, self.hint)
    }
}

/// The findings of one review, most serious first.
#[derive(Debug, Clone, Default, Serialize)]
pub struct Report {
    /// Every finding, by level, then file and line, then rule.
    pub findings: Vec<Finding>,
    /// The addresses outside the site the output links to, never fetched: listed
    /// by `check --external` for a person to open.
    pub external: Vec<ExternalLink>,
}

impl Report {
    /// How many findings have `level`.
    pub fn count(&self, level: Level) -> usize {
        self.findings.iter().filter(|f| f.level == level).count()
    }

    /// Whether the review fails: an error, or with `strict` a warning.
    pub fn fails(&self, strict: bool) -> bool {
        self.count(Level::Error) > 0 || (strict && self.count(Level::Warning) > 0)
    }
}

/// What a rule looks at: the published site, its derived state, and the output as
/// the build writes it.
pub struct Checked<'a> {
    /// The site as published at the check's moment.
    pub site: &'a Site,
    /// Its incident state.
    pub state: &'a State,
    /// Every output file, rendered.
    pub files: &'a [OutputFile],
    /// The built HTML files, tokenized once for every rule that reads them.
    pages: BTreeMap<&'a str, html::Scanned>,
}

/// Reviews the site at `root` as it would be published under `publish`, after
/// writing it into a temporary folder as `build` would, so that a site that cannot be
/// written fails here too.
pub fn check(root: &std::path::Path, publish: &Publish) -> Result<Report, Error> {
    let (site, files) = crate::render_site(root, publish, &crate::content::Cache::default())?;
    let scratch = tempfile::tempdir()
        .map_err(|e| Error::io("cannot create a folder for the check's build", e))?;
    crate::output::write(&files, &scratch.path().join("public"))?;
    Ok(review(&site, &files))
}

/// Runs every rule not turned off over a rendered site. The preview calls this
/// directly, on its in-memory build.
pub fn review(site: &Site, files: &[OutputFile]) -> Report {
    let state = State::of(site);
    let checked = Checked {
        site,
        state: &state,
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
    let external = output::external_links(&checked);
    Report { findings, external }
}

/// The line of `key = …` in the front matter of a content file's `text`, for pointing
/// a finding at the fact it is about.
fn front_matter_line(text: &str, key: &str) -> Option<usize> {
    text.lines()
        .enumerate()
        .skip(1)
        .take_while(|(_, line)| line.trim() != "+++")
        .find(|(_, line)| {
            line.strip_prefix(key)
                .is_some_and(|rest| rest.trim_start().starts_with('='))
        })
        .map(|(i, _)| i + 1)
}

fn run(rule: Rule, checked: &Checked) -> Vec<Found> {
    match rule {
        Rule::Numbering => incident::numbering(checked),
        Rule::Stale => incident::stale(checked),
        Rule::ContactDesk => incident::contact_desk(checked),
        Rule::KeyReportPending => incident::key_report_pending(checked),
        Rule::NextUpdateLate => incident::next_update_late(checked),
        Rule::ConfidentialMarker => content::confidential_marker(checked),
        Rule::RequiredSections => content::required_sections(checked),
        Rule::TranslationOutdated => content::translation_outdated(checked),
        Rule::PdfOnly => content::pdf_only(checked),
        Rule::ImageAlt => content::image_alt(checked),
        Rule::BrokenLink => output::broken_link(checked),
        Rule::IrIdentity => output::ir_identity(checked),
        Rule::PageWeight => output::page_weight(checked),
        Rule::ReportingDeadlines => output::reporting_deadlines(checked),
    }
}
