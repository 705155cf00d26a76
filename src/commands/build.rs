//! `crisis-site build`: the site written into its output folder, which is replaced
//! as a whole only when every file was made and written, and only when the
//! pre-publication review (`check`) finds no error in it.

use std::path::PathBuf;

use crate::base::{Error, Lang, Message, MessageLang};
use crate::model::{Level, Publish};
use crate::review::{Finding, Report, Scope};
use crate::{msg, output, pipeline};

/// What `crisis-site build` is asked to do.
#[derive(Debug, Clone)]
pub struct BuildOptions {
    /// The site's folder (where site.toml is).
    pub root: PathBuf,
    /// The folder to write; replaced as a whole when the build succeeds.
    pub output: PathBuf,
    /// Which announcements to publish, and when "now" is.
    pub publish: Publish,
    /// Publish even if the review finds errors (`--allow-errors`); they are listed in
    /// the summary.
    pub publish_with_errors: bool,
}

/// What a successful build produced.
#[derive(Debug, Clone)]
pub struct BuildSummary {
    /// Published announcements (in the main language).
    pub announcements: usize,
    /// HTML pages made, all languages together.
    pub pages: usize,
    /// Files written, pages included.
    pub files: usize,
    /// PDFs of announcements the build has (pages' PDFs, not attachments).
    pub pdfs: usize,
    /// How many of them were typeset; the others were the previous output's, made
    /// from the same source.
    pub pdfs_typeset: usize,
    /// The languages built, main first.
    pub languages: Vec<Lang>,
    /// Something the writer should know although the build succeeded.
    pub warnings: Vec<Message>,
    /// Whether the site is in standby (site.toml `standby = true`): built, but kept
    /// out of search engines until it goes live.
    pub standby: bool,
    /// The review's errors that were published anyway (`publish_with_errors`); empty
    /// otherwise, since a build with errors is refused.
    pub published_errors: Vec<Finding>,
}

/// Why a build wrote nothing.
#[derive(Debug)]
pub enum BuildError {
    /// The site could not be made or written: its problems, or what failed.
    Failed(Error),
    /// The review found errors in what would be published; the output was left as
    /// it was. The report holds the findings of the rules of level error, the only
    /// ones a build runs ([`Scope::Errors`]).
    Refused(Report),
}

impl From<Error> for BuildError {
    fn from(err: Error) -> BuildError {
        BuildError::Failed(err)
    }
}

impl BuildError {
    /// The reason in `lang`: the problems, or the review's errors as `check` prints
    /// them.
    pub fn text(&self, lang: MessageLang) -> String {
        match self {
            BuildError::Failed(err) => err.text(lang),
            BuildError::Refused(report) => errors(report)
                .map(|f| f.text(lang))
                .collect::<Vec<_>>()
                .join("\n"),
        }
    }
}

/// In English; [`BuildError::text`] says it in another language.
impl std::fmt::Display for BuildError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.text(MessageLang::En))
    }
}

/// The findings of `report` that stop a build: those of level error, after
/// site.toml's `[check.levels]`.
pub fn errors(report: &Report) -> impl Iterator<Item = &Finding> {
    report.findings.iter().filter(|f| f.level == Level::Error)
}

/// The catalog id of the warning of a build without `base_url`: what is left out,
/// and how to fix it.
pub const NO_BASE_URL: &str = "no-base-url";

/// Loads, checks, renders, reviews and writes the site. On any error, and when the
/// review finds an error unless `publish_with_errors`, the output folder is left as it was.
///
/// An output that is, holds or is inside the site's folder or one of its inputs is
/// refused before anything is read.
pub fn build(options: &BuildOptions) -> Result<BuildSummary, BuildError> {
    output::refuse_inputs(&options.output, &options.root)?;
    // The PDFs of the output being replaced are reused where their key is unchanged.
    let previous = output::previous_pdfs(&options.output);
    let written = pipeline::write(
        &options.root,
        &options.publish,
        previous,
        &options.output,
        Scope::Errors,
    )?;
    let report = written.review();
    let published_errors: Vec<Finding> = errors(&report).cloned().collect();
    if !published_errors.is_empty() && !options.publish_with_errors {
        // Dropping `written` deletes what was written; the output is as it was.
        return Err(BuildError::Refused(report));
    }
    let (prepared, plan) = (&written.prepared, &written.plan);
    let site = &prepared.site;
    let mut warnings: Vec<Message> = plan.pdfs.warnings.clone();
    if site.config.base_url.is_none() {
        warnings.push(msg!("no-base-url"));
    }
    let skipped = site.skipped.iter().chain(&prepared.theme.skipped);
    for path in skipped {
        let path = crate::base::text::slash_separated(path);
        warnings.push(msg!("commands-leftover-skipped", path));
    }
    let mut summary = BuildSummary {
        announcements: site.announcements.len(),
        pages: plan.jobs().iter().filter(|j| j.is_html()).count(),
        files: plan.len(),
        pdfs: plan.pdfs.len(),
        pdfs_typeset: plan.pdfs.typeset,
        warnings,
        standby: site.config.standby,
        languages: site.languages.clone(),
        published_errors,
    };
    // That the previous output was kept after the swap is the first warning.
    if let Some(kept) = written.finish()? {
        summary.warnings.insert(0, kept);
    }
    Ok(summary)
}
