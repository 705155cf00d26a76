//! `crisis-site build`: the site written into its output folder, which is replaced
//! as a whole only when every file was made and written.

use std::path::PathBuf;

use crate::base::{Error, Lang, Message};
use crate::load::Cache;
use crate::model::Publish;
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
    /// The languages built, main first.
    pub languages: Vec<Lang>,
    /// Something the writer should know although the build succeeded.
    pub warnings: Vec<Message>,
    /// Whether the site is in standby (site.toml `standby = true`): built, but kept
    /// out of search engines until it goes live.
    pub standby: bool,
}

/// The catalog id of the warning of a build without `base_url`: what is left out,
/// and how to fix it.
pub const NO_BASE_URL: &str = "no-base-url";

/// Loads, checks, renders and writes the site. On any error the output folder is left
/// as it was.
pub fn build(options: &BuildOptions) -> Result<BuildSummary, Error> {
    let rendered = pipeline::render(&options.root, &options.publish, &Cache::none())?;
    let site = &rendered.prepared.site;
    let mut warnings: Vec<Message> = output::write(&rendered.files, &options.output)?
        .into_iter()
        .collect();
    if site.config.base_url.is_none() {
        warnings.push(msg!("no-base-url"));
    }
    Ok(BuildSummary {
        announcements: site.announcements.len(),
        pages: rendered.plan.jobs().iter().filter(|j| j.is_html()).count(),
        files: rendered.files.len(),
        warnings,
        standby: site.config.standby,
        languages: site.languages.clone(),
    })
}
