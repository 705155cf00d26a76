//! The plan of a build: the incident's state, derived once, and one job for every
//! file the build makes (pages, feeds, sitemap, robots, JSON, schema, redirect
//! pages), plus the files it copies. Every path of the output comes from here, and is
//! checked here: redirects against every other path, no path taken twice.

use std::collections::BTreeSet;
use std::ops::Range;
use std::path::Path;

use rayon::prelude::*;

use super::file::{Body, Origin, OutputFile};
use super::job::{Job, Listed, Neighbours, Page, PageJob};
use super::pdf::{MadePdfs, PdfJobs};
use super::shared::Shared;
use super::{api, collisions, feed, host, page, redirect, sitemap};
use crate::base::Problem;
use crate::model::{Channel, Site, url};
use crate::state::State;
use crate::theme::{StaticBytes, Theme};
use crate::view::PageContext;

/// The files of a build before they are made. `build` and `check` make every one at
/// once ([`Plan::make_each`]); the preview makes first the file asked for, then the
/// others ([`Plan::render`]), so that an edit shows as soon as its page is made.
#[derive(Debug)]
pub struct Plan {
    /// The incident's state, which every page shows part of.
    pub state: State,
    jobs: Vec<Job>,
    /// The path of each job, made once.
    paths: Vec<String>,
    copies: Vec<OutputFile>,
    /// The PDFs, each made once whether its job or its announcement's page asks.
    pub pdfs: PdfJobs,
    /// What the pages of one language and depth share, made once.
    shared: Shared,
}

impl Plan {
    /// Plans every file of `site`, and checks their paths: redirects against every
    /// other file, and no two files at one path. All problems are reported together.
    /// A PDF of `previous` (an earlier build's) is reused where it was made from the
    /// same key.
    pub fn new(site: &Site, theme: &Theme, previous: MadePdfs) -> Result<Plan, Vec<Problem>> {
        let state = State::of(site);
        let pdfs = PdfJobs::new(site, &state, theme, previous)?;
        let mut jobs = page_jobs(site, &state, &pdfs);
        jobs.extend(data_jobs(site));
        jobs.push(Job::Stylesheet(theme.stylesheet.path.clone()));
        let copies = copies(site, theme);
        jobs.extend(host_jobs(site, &copies));
        let mut paths: Vec<String> = jobs.iter().map(|j| j.path(site)).collect();
        let mut outputs: Vec<(&str, Origin)> = paths
            .iter()
            .map(|p| (p.as_str(), Origin::Generated))
            .chain(copies.iter().map(|f| (f.path.as_str(), f.body.origin())))
            .collect();
        let mut problems = Vec::new();
        let redirects = redirect::plan(site, &outputs).unwrap_or_else(|found| {
            problems.extend(found);
            Vec::new()
        });
        let redirect_paths: Vec<String> = redirects.iter().map(|j| j.path(site)).collect();
        outputs.extend(
            redirect_paths
                .iter()
                .map(|p| (p.as_str(), Origin::Generated)),
        );
        if let Err(found) = collisions::check(&site.root, &outputs) {
            problems.extend(found);
        }
        if !problems.is_empty() {
            problems.sort();
            return Err(problems);
        }
        jobs.extend(redirects);
        paths.extend(redirect_paths);
        let shared = Shared::new(site, &state, theme, &jobs, &paths);
        Ok(Plan {
            state,
            jobs,
            paths,
            copies,
            pdfs,
            shared,
        })
    }

    /// The jobs, in the order of [`Plan::render`]'s indexes.
    pub fn jobs(&self) -> &[Job] {
        &self.jobs
    }

    /// The output path of each job, in the same order.
    pub fn paths(&self) -> &[String] {
        &self.paths
    }

    /// The files copied as they are: static files, then attachments.
    pub fn copies(&self) -> &[OutputFile] {
        &self.copies
    }

    /// Makes the file of the job at `index`: a text, or a PDF.
    pub fn render(&self, site: &Site, theme: &Theme, index: usize) -> Result<Body, Vec<Problem>> {
        self.make(site, theme, &self.jobs[index], &self.paths[index])
    }

    /// How many files the build has: one for each job, then the copies.
    pub fn len(&self) -> usize {
        self.jobs.len() + self.copies.len()
    }

    /// Whether the build has no file at all (never: every site has its pages).
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// Makes the files at `range` of `0..len()` (the jobs in order, then the copies),
    /// in parallel, and gives each to `take` as soon as it is made, so that a build
    /// writes a file and lets it go while others are still being made. Returns what
    /// `take` returned, in order. Every template failure is reported, once per
    /// template and message, not once per file; the files made meanwhile are still
    /// given to `take`.
    pub fn make_each<T, F>(
        &self,
        site: &Site,
        theme: &Theme,
        range: Range<usize>,
        take: F,
    ) -> Result<Vec<T>, Vec<Problem>>
    where
        T: Send,
        F: Fn(OutputFile) -> T + Sync,
    {
        let made: Vec<Result<T, Vec<Problem>>> = range
            .into_par_iter()
            .map(|at| {
                let file = match self.jobs.get(at) {
                    Some(job) => OutputFile {
                        path: self.paths[at].clone(),
                        body: self.make(site, theme, job, &self.paths[at])?,
                    },
                    None => self.copies[at - self.jobs.len()].clone(),
                };
                Ok(take(file))
            })
            .collect();
        let mut taken = Vec::with_capacity(made.len());
        let mut problems = BTreeSet::new();
        for result in made {
            match result {
                Ok(t) => taken.push(t),
                Err(found) => problems.extend(found),
            }
        }
        if problems.is_empty() {
            Ok(taken)
        } else {
            Err(problems.into_iter().collect())
        }
    }

    /// Makes every file in memory, in parallel: the pages and data files, then the
    /// files to copy.
    pub fn render_all(&self, site: &Site, theme: &Theme) -> Result<Vec<OutputFile>, Vec<Problem>> {
        self.make_each(site, theme, 0..self.len(), |file| file)
    }

    /// The content file shown at output path `path`, where it is one writer's file.
    pub fn source_of<'a>(&self, site: &'a Site, path: &str) -> Option<&'a Path> {
        let at = self.paths.iter().position(|p| p == path)?;
        self.jobs[at].source(site)
    }

    /// The paths of the Atom feeds.
    pub fn feed_paths(&self) -> Vec<&str> {
        self.jobs
            .iter()
            .zip(&self.paths)
            .filter(|(job, _)| matches!(job, Job::Feed(..)))
            .map(|(_, path)| path.as_str())
            .collect()
    }

    fn make(
        &self,
        site: &Site,
        theme: &Theme,
        job: &Job,
        path: &str,
    ) -> Result<Body, Vec<Problem>> {
        if let Job::Pdf(lang, i) = job {
            return match self.pdfs.get(lang, *i) {
                Some(Ok(pdf)) => Ok(Body::Pdf(pdf.clone())),
                Some(Err(problems)) => Err(problems.clone()),
                None => unreachable!("a PDF job is planned only where its PDF is made"),
            };
        }
        self.make_text(site, theme, job, path).map(Body::Text)
    }

    fn make_text(
        &self,
        site: &Site,
        theme: &Theme,
        job: &Job,
        path: &str,
    ) -> Result<String, Vec<Problem>> {
        let state = &self.state;
        let path = || path.to_string();
        match job {
            Job::Page(page) => {
                let pdf = match page.page {
                    Page::Announcement(i, _) => self.pdfs.link(site, &page.lang, i)?,
                    _ => None,
                };
                page::render(site, state, theme, page, path(), pdf, &self.shared)
            }
            Job::Pdf(..) => unreachable!("a PDF is not text"),
            Job::Feed(lang, channel) => feed::render(site, state, theme, lang, *channel),
            Job::Sitemap => {
                let base = sitemap::sitemap_base(site).expect("a sitemap is planned with its base");
                let listed: Vec<Listed> = self.jobs.iter().filter_map(|j| j.listed(site)).collect();
                Ok(sitemap::sitemap(base, &listed))
            }
            Job::Robots => Ok(sitemap::robots(site)),
            Job::Status(lang) => {
                let cx = PageContext::new(site, theme, state, lang, path());
                Ok(api::status(&cx))
            }
            Job::Summary(lang) => {
                let cx = PageContext::new(site, theme, state, lang, path());
                Ok(api::summary(&cx))
            }
            Job::StatusSchema => Ok(api::SCHEMA.to_string()),
            Job::Stylesheet(_) => Ok(theme.stylesheet.text.to_string()),
            Job::Headers => Ok(host::headers()),
            Job::Redirects => Ok(host::redirects(self.jobs.iter().filter_map(|j| match j {
                Job::Redirect { from, to } => Some((from.as_str(), to)),
                _ => None,
            }))),
            Job::Redirect { from, to } => redirect::render(site, state, theme, from, to),
        }
    }
}

/// The pages of every language: home, lists, timeline, 404, banner and badge, the
/// services and measures once any is reported, each announcement and guide page in
/// the languages it is in.
fn page_jobs(site: &Site, state: &State, pdfs: &PdfJobs) -> Vec<Job> {
    let main = site.main_language();
    let mut jobs = Vec::new();
    let mut pdf_jobs = Vec::new();
    for lang in &site.languages {
        let mut page = |page| {
            jobs.push(Job::Page(PageJob {
                lang: lang.clone(),
                page,
            }))
        };
        page(Page::Home);
        page(Page::List(None));
        Channel::ALL
            .into_iter()
            .for_each(|c| page(Page::List(Some(c))));
        page(Page::Timeline);
        page(Page::NotFound);
        page(Page::Banner);
        page(Page::Badge);
        if !state.services.is_empty() {
            page(Page::Services);
        }
        if !state.measures.is_empty() {
            page(Page::Measures);
        }
        // site.announcements is newest first.
        let in_lang: Vec<usize> = (0..site.announcements.len())
            .filter(|&i| site.announcements[i].version(lang, main).is_some())
            .collect();
        for (at, &i) in in_lang.iter().enumerate() {
            let neighbours = Neighbours {
                newer: at.checked_sub(1).map(|p| in_lang[p]),
                older: in_lang.get(at + 1).copied(),
            };
            page(Page::Announcement(i, neighbours));
            if pdfs.makes(lang, i) {
                pdf_jobs.push(Job::Pdf(lang.clone(), i));
            }
        }
        for (i, p) in site.pages.iter().enumerate() {
            if p.version(lang, main).is_some() {
                page(Page::Guide(i));
            }
        }
    }
    jobs.append(&mut pdf_jobs);
    jobs
}

/// The files made from the whole site: the Atom feeds (with `base_url`), sitemap.xml
/// (with `base_url`, outside standby) and robots.txt, and the state as data.
fn data_jobs(site: &Site) -> Vec<Job> {
    let mut jobs = Vec::new();
    if site.config.base_url.is_some() {
        for lang in &site.languages {
            jobs.extend(feed::channels().map(|channel| Job::Feed(lang.clone(), channel)));
        }
    }
    if sitemap::sitemap_base(site).is_some() {
        jobs.push(Job::Sitemap);
    }
    jobs.push(Job::Robots);
    jobs.push(Job::StatusSchema);
    for lang in &site.languages {
        jobs.push(Job::Status(lang.clone()));
        jobs.push(Job::Summary(lang.clone()));
    }
    jobs
}

/// The host files (`_headers`; `_redirects` when site.toml has redirects), but where
/// the theme or the site has its own in `static/`, which is copied in their place.
fn host_jobs(site: &Site, copies: &[OutputFile]) -> Vec<Job> {
    let own = |path: &str| copies.iter().any(|f| f.path == path);
    let mut jobs = Vec::new();
    if !own(url::HEADERS) {
        jobs.push(Job::Headers);
    }
    if !site.config.redirects.is_empty() && !own(url::REDIRECTS) {
        jobs.push(Job::Redirects);
    }
    jobs
}

/// The files copied as they are: the theme's and the site's static files, and every
/// announcement's attachments in each language it is in.
fn copies(site: &Site, theme: &Theme) -> Vec<OutputFile> {
    let main = site.main_language();
    let mut files: Vec<OutputFile> = theme
        .static_files
        .iter()
        .map(|f| OutputFile {
            path: f.name.clone(),
            body: match &f.bytes {
                StaticBytes::BuiltIn { path, text } => Body::BuiltIn { path, text },
                StaticBytes::File(source) => Body::Copy {
                    source: source.clone(),
                    size: f.size,
                },
            },
        })
        .collect();
    for lang in &site.languages {
        for a in &site.announcements {
            if a.version(lang, main).is_none() {
                continue;
            }
            let dir = url::announcement_dir(lang, main, &a.slug);
            for attachment in &a.attachments {
                files.push(OutputFile {
                    path: format!("{dir}{}", attachment.name),
                    body: Body::Copy {
                        source: attachment.source.clone(),
                        size: attachment.size,
                    },
                });
            }
        }
    }
    files
}
