//! crisis-site: one dedicated site for an incident, built from markdown announcements.
//!
//! The pipeline, one module a step: [`config`] and [`content`] load the input,
//! [`site`] is the validated model of what is published, [`render`] turns it into
//! pages through the [`theme`], and [`output`] writes them atomically. Every command
//! goes through [`build`] or the steps it calls; none has its own copy of them.

#![warn(missing_docs)]

pub mod announcement;
pub mod api;
pub mod check;
pub mod config;
pub mod content;
pub mod error;
pub mod feed;
pub mod frontmatter;
pub mod init;
pub mod lang;
pub mod markdown;
pub mod new;
pub mod output;
pub mod pages;
pub mod redirect;
pub mod render;
pub mod serve;
pub mod site;
pub mod sitemap;
pub mod state;
pub mod tables;
pub mod theme;
pub mod time;
pub mod view;

use std::path::{Path, PathBuf};

pub use error::{Error, Problem};
pub use site::{Publish, Site};

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
    /// Rendered pages, all languages together.
    pub pages: usize,
    /// Files written, pages included.
    pub files: usize,
    /// The languages built, main first.
    pub languages: Vec<lang::Lang>,
    /// Something the writer should know although the build succeeded.
    pub warnings: Vec<String>,
    /// Whether the site is in standby (site.toml `standby = true`): built, but kept
    /// out of search engines until it goes live.
    pub standby: bool,
}

/// The warning of a build without `base_url`: what is left out, and how to fix it.
pub const NO_BASE_URL: &str = "`base_url` is not set (site.toml, or --base-url): the Atom feeds, sitemap.xml, canonical and share-preview URLs are left out, robots.txt names no sitemap, status.json and summary.json have no URLs, and banner.html links to the site relative to itself (which works only where it is framed, not included); set it to the address the site is published at";

/// Loads, checks, renders and writes the site. On any error the output folder is left
/// as it was.
pub fn build(options: &BuildOptions) -> Result<BuildSummary, Error> {
    let (site, files) = render_site(&options.root, &options.publish, &content::Cache::default())?;
    let mut warnings: Vec<String> = output::write(&files, &options.output)?
        .into_iter()
        .collect();
    if site.config.base_url.is_none() {
        warnings.push(NO_BASE_URL.to_string());
    }
    Ok(BuildSummary {
        announcements: site.announcements.len(),
        pages: files
            .iter()
            // Generated data files (status.json, ...) are files, not pages.
            .filter(|f| matches!(f.content, render::Content::Text(_)) && f.path.ends_with(".html"))
            .count(),
        files: files.len(),
        warnings,
        standby: site.config.standby,
        languages: site.languages,
    })
}

/// Every step but writing: the site as files in memory. `build` writes them; the
/// preview server serves them, keeping `cache` between rebuilds.
pub fn render_site(
    root: &Path,
    publish: &Publish,
    cache: &content::Cache,
) -> Result<(Site, Vec<render::OutputFile>), Error> {
    let (site, theme) = load(root, publish, cache)?;
    let files = render::render(&site, &theme).map_err(Error::Invalid)?;
    Ok((site, files))
}

/// Loads the site and its theme: the input steps of the pipeline, shared by every
/// command. Content problems are reported before the theme is looked at, since the
/// theme's strings are loaded for the languages the content uses.
pub fn load(
    root: &Path,
    publish: &Publish,
    cache: &content::Cache,
) -> Result<(Site, theme::Theme), Error> {
    let site = Site::load(root, publish, cache).map_err(Error::Invalid)?;
    let theme = theme::Theme::load(
        root,
        &site.config.theme,
        &site.languages,
        &site.config.timezone_name,
    )
    .map_err(Error::Invalid)?;
    Ok((site, theme))
}
