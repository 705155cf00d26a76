//! The pipeline every command runs, in order: load the site and its theme, plan its
//! files, make them. `build` writes what it makes, `check` reviews it, the preview
//! serves it; none of them has its own copy of a step.

use std::path::Path;

use crate::base::Error;
use crate::load::{self, Cache};
use crate::model::{Publish, Site, Sources};
use crate::render::pdf::MadePdfs;
use crate::render::{OutputFile, Plan};
use crate::review::{self, Report, Scope};
use crate::theme::Theme;

/// A site loaded with its theme, ready to plan.
pub struct Prepared {
    /// The site as published under the run's [`Publish`].
    pub site: Site,
    /// Its theme, with the strings of the site's languages.
    pub theme: Theme,
    /// The texts of the content files it was loaded from.
    pub sources: Sources,
}

/// A site made into files in memory.
pub struct Rendered {
    /// The site, its theme and sources.
    pub prepared: Prepared,
    /// The plan the files were made from.
    pub plan: Plan,
    /// Every file of the output.
    pub files: Vec<OutputFile>,
}

/// Loads the site and its theme. Content problems are reported before the theme is
/// looked at, since the theme's strings are loaded for the languages the content
/// uses. Announcement files unchanged since `cache` saw them are not read again.
pub fn prepare(root: &Path, publish: &Publish, cache: &Cache) -> Result<Prepared, Error> {
    let loaded = load::load(root, publish, cache).map_err(Error::Invalid)?;
    let site = loaded.site;
    let theme = Theme::load(
        root,
        site.config.theme.as_ref(),
        &site.languages,
        &site.config.timezone_name,
    )
    .map_err(Error::Invalid)?;
    Ok(Prepared {
        site,
        theme,
        sources: loaded.sources,
    })
}

/// Every step but writing: the site as files in memory.
pub fn render(root: &Path, publish: &Publish, cache: &Cache) -> Result<Rendered, Error> {
    render_reusing(root, publish, cache, MadePdfs::default())
}

/// [`render`], reusing the PDFs of `previous` (an earlier output's,
/// `output::previous_pdfs`) where they were made from the same key.
pub fn render_reusing(
    root: &Path,
    publish: &Publish,
    cache: &Cache,
    previous: MadePdfs,
) -> Result<Rendered, Error> {
    let prepared = prepare(root, publish, cache)?;
    let plan = Plan::new(&prepared.site, &prepared.theme, previous).map_err(Error::Invalid)?;
    let files = plan
        .render_all(&prepared.site, &prepared.theme)
        .map_err(Error::Invalid)?;
    Ok(Rendered {
        prepared,
        plan,
        files,
    })
}

/// The pre-publication review of a site made into files: all of it, or (for `build`)
/// only the rules that can stop a release.
pub fn review(rendered: &Rendered, scope: Scope) -> Report {
    let prepared = &rendered.prepared;
    review::review(
        &prepared.site,
        &rendered.plan,
        &prepared.sources,
        &prepared.theme.strings,
        &rendered.files,
        scope,
    )
}
