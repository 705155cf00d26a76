//! The preview's build: everything `build` would write, kept in memory. A file is made
//! the first time it is asked for, and every file by [`MemoryBuild::make_all`], which
//! the rebuild runs once the build is served: a rebuild is good only once every file
//! is made, as `build` would make it.

use std::collections::{BTreeSet, HashMap};
use std::path::{Path, PathBuf};
use std::sync::OnceLock;

use crate::base::{Error, Problem};
use crate::load::Cache;
use crate::model::{Publish, Site};
use crate::pipeline;
use crate::render::pdf::MadePdfs;
use crate::render::{Body, Plan};
use crate::theme::Theme;

/// A build of the site, kept in memory. Serving its first page after a save costs
/// loading the site, planning its files and checking their paths (redirects,
/// collisions), and that page; [`MemoryBuild::make_all`] then makes the rest, and
/// finds every template problem `build` would. Public for the benchmark of that
/// rebuild (`bench/`).
pub struct MemoryBuild {
    site: Site,
    theme: Theme,
    plan: Plan,
    /// Every output path, to the job that makes it or the file that holds it.
    paths: HashMap<String, Entry>,
    /// The files made so far (or their template problems), by job index.
    made: Vec<OnceLock<Result<Body, Vec<Problem>>>>,
}

/// What is at an output path of a [`MemoryBuild`].
enum Entry {
    /// The file the plan's job at this index makes.
    Made(usize),
    /// A file copied as it is (static files, attachments), read from here.
    Copy(PathBuf),
    /// A static file of the built-in theme.
    BuiltIn(&'static str),
}

/// A file of a [`MemoryBuild`], as a request gets it.
pub enum Served<'a> {
    /// A page or generated file.
    Text(&'a str),
    /// A PDF.
    Bytes(&'a [u8]),
    /// A file to send as it is on disk.
    Copy(&'a Path),
    /// A file of the built-in theme, to send as it is.
    BuiltIn(&'static str),
    /// Making it failed: its template's problems. The rebuild fails with them once
    /// every file is made; meanwhile the last good build's file stands in.
    Failed(&'a [Problem]),
}

impl MemoryBuild {
    /// Loads the site and plans its files: the pipeline of `build` up to making the
    /// files, so every content, redirect and collision problem is found here. The
    /// PDFs of `previous` (the last build's, [`MemoryBuild::pdfs`]) are reused where
    /// their key is unchanged.
    pub fn new(
        root: &Path,
        publish: &Publish,
        cache: &Cache,
        previous: MadePdfs,
    ) -> Result<MemoryBuild, Error> {
        let prepared = pipeline::prepare(root, publish, cache)?;
        let (site, theme) = (prepared.site, prepared.theme);
        let plan = Plan::new(&site, &theme, previous).map_err(Error::Invalid)?;
        let jobs = plan.paths().iter().cloned().enumerate();
        let copies = plan.copies().iter().filter_map(|f| match &f.body {
            Body::Copy { source, .. } => Some((f.path.clone(), Entry::Copy(source.clone()))),
            Body::BuiltIn { text, .. } => Some((f.path.clone(), Entry::BuiltIn(text))),
            Body::Text(_) | Body::Pdf(_) => None,
        });
        let paths = jobs
            .map(|(i, path)| (path, Entry::Made(i)))
            .chain(copies)
            .collect();
        let made = plan.jobs().iter().map(|_| OnceLock::new()).collect();
        Ok(MemoryBuild {
            site,
            theme,
            plan,
            paths,
            made,
        })
    }

    /// Whether the build writes `path`.
    pub fn has(&self, path: &str) -> bool {
        self.paths.contains_key(path)
    }

    /// Every output path, sorted.
    pub fn paths(&self) -> Vec<&str> {
        let mut paths: Vec<&str> = self.paths.keys().map(String::as_str).collect();
        paths.sort();
        paths
    }

    /// The file at `path`, making it first if it was not asked for before.
    pub fn get(&self, path: &str) -> Option<Served<'_>> {
        Some(match self.paths.get(path)? {
            Entry::Copy(source) => Served::Copy(source),
            Entry::BuiltIn(text) => Served::BuiltIn(text),
            Entry::Made(i) => match self.made(*i) {
                Ok(Body::Text(text)) => Served::Text(text),
                Ok(Body::Pdf(pdf)) => Served::Bytes(&pdf.bytes),
                Ok(Body::Copy { .. } | Body::BuiltIn { .. }) => {
                    unreachable!("a job makes a text or a PDF")
                }
                Err(problems) => Served::Failed(problems),
            },
        })
    }

    /// Makes every file not made yet, in parallel, as `build` does: the problems of
    /// every template that failed, once per template and message, sorted.
    pub fn make_all(&self) -> Result<(), Vec<Problem>> {
        use rayon::prelude::*;
        let problems: BTreeSet<Problem> = (0..self.made.len())
            .into_par_iter()
            .filter_map(|i| self.made(i).as_ref().err().cloned())
            .flatten()
            .collect();
        if problems.is_empty() {
            Ok(())
        } else {
            Err(problems.into_iter().collect())
        }
    }

    /// How many PDFs the build has, and how many of them it typeset (the others were
    /// the last build's).
    pub fn pdf_counts(&self) -> (usize, usize) {
        (self.plan.pdfs.len(), self.plan.pdfs.typeset)
    }

    /// The PDFs made, for the next build to reuse.
    pub fn pdfs(&self) -> MadePdfs {
        self.plan.pdfs.made()
    }

    /// The file of the job at `i`, made once.
    fn made(&self, i: usize) -> &Result<Body, Vec<Problem>> {
        self.made[i].get_or_init(|| self.plan.render(&self.site, &self.theme, i))
    }
}
