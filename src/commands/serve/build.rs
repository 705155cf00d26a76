//! The preview's build: everything `build` would write, made in memory by the same
//! pipeline, so that a rebuild fails on every problem `build` fails on, template
//! errors included.

use std::collections::HashMap;
use std::path::Path;

use crate::base::Error;
use crate::load::Cache;
use crate::model::Publish;
use crate::pipeline;
use crate::render::Body;

/// A good build of the site, kept in memory: every file made, none written. A rebuild
/// after a save costs loading the site (only changed files are read again), planning
/// its files and checking their paths, and making every file, in parallel. Public for
/// the benchmark of that rebuild (`bench/`).
pub struct MemoryBuild {
    /// Every output path, to what is there.
    files: HashMap<String, Body>,
}

/// A file of a [`MemoryBuild`], as a request gets it.
pub enum Served<'a> {
    /// A page or generated file.
    Text(&'a str),
    /// A file to send as it is on disk.
    Copy(&'a Path),
}

impl MemoryBuild {
    /// Loads the site, plans its files and makes them: the pipeline of `build` but
    /// writing, so every content, path and template problem is found here.
    pub fn new(root: &Path, publish: &Publish, cache: &Cache) -> Result<MemoryBuild, Error> {
        let rendered = pipeline::render(root, publish, cache)?;
        let files = rendered
            .files
            .into_iter()
            .map(|file| (file.path, file.body))
            .collect();
        Ok(MemoryBuild { files })
    }

    /// Whether the build writes `path`.
    pub fn has(&self, path: &str) -> bool {
        self.files.contains_key(path)
    }

    /// Every output path, sorted.
    pub fn paths(&self) -> Vec<&str> {
        let mut paths: Vec<&str> = self.files.keys().map(String::as_str).collect();
        paths.sort();
        paths
    }

    /// The file at `path`.
    pub fn get(&self, path: &str) -> Option<Served<'_>> {
        Some(match self.files.get(path)? {
            Body::Text(text) => Served::Text(text),
            Body::Copy { source, .. } => Served::Copy(source),
        })
    }
}
