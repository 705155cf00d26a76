//! What the preview's server shares: the current build (or the problems of the
//! latest attempt), the parse cache, and the number of the latest rebuild that open
//! pages listen to.

use std::path::PathBuf;
use std::sync::{Arc, RwLock};
use std::time::{Duration, Instant};

use tokio::sync::watch;

use super::build::MemoryBuild;
use super::options::ServeOptions;
use crate::base::time::Moment;
use crate::base::{Error, Problem};
use crate::load::Cache;
use crate::model::{BaseUrl, Publish};

/// One built state of the site, or the problems of the latest attempt.
#[derive(Default)]
pub struct Preview {
    /// The last good build, shared with the states that keep it.
    pub build: Option<Arc<MemoryBuild>>,
    /// The problems of the latest rebuild, if it failed.
    pub problems: Vec<Problem>,
    /// Which rebuild this is; pages carry it, so they know when a newer one exists.
    pub version: u64,
    /// When that rebuild started: it read every change the watcher had seen by then.
    pub started: Option<Instant>,
}

/// What the server's handlers share.
pub struct Shared {
    preview: RwLock<Arc<Preview>>,
    /// Parsed content kept between rebuilds: only changed files are read again.
    pub cache: Cache,
    /// The latest rebuild's number, good or bad; open pages listen to it.
    pub version: watch::Sender<u64>,
    /// The preview's own address, in place of `base_url`: the 404 page, feeds and
    /// every absolute link then work in the preview and never leave it.
    pub base_url: Option<BaseUrl>,
    /// The site's folder and the fixed "now", for the review page.
    pub root: PathBuf,
    /// The fixed "now", if any.
    pub now: Option<Moment>,
}

/// The result of one rebuild, for the terminal.
#[derive(Debug)]
pub struct Rebuilt {
    /// How long it took.
    pub took: Duration,
    /// The problems, if it failed; the last good build stays served.
    pub problems: Vec<Problem>,
    /// Whether a good build is served: this one, or after a failure the last good
    /// one. Without one, every path shows the problems.
    pub has_build: bool,
}

impl Shared {
    /// Nothing built yet, for the site of `options` at the preview's address `url`.
    pub fn new(options: &ServeOptions, url: &str) -> Shared {
        let (version, _) = watch::channel(0u64);
        Shared {
            preview: RwLock::new(Arc::new(Preview::default())),
            cache: Cache::keeping(),
            version,
            base_url: BaseUrl::parse(url).ok(),
            root: options.root.clone(),
            now: options.now,
        }
    }

    /// Rebuilds the site in memory, every file made as `build` makes it. On failure
    /// (a content, path or template problem) the last good files stay, and the
    /// problems are shown over them.
    pub fn rebuild(&self, options: &ServeOptions) -> Rebuilt {
        let started = Instant::now();
        let publish = Publish::preview(options.now(), self.base_url.clone());
        let result = MemoryBuild::new(&options.root, &publish, &self.cache);
        let mut preview = self
            .preview
            .write()
            .expect("preview lock is never poisoned");
        let version = preview.version + 1;
        let (build, problems) = match result {
            Ok(build) => (Some(Arc::new(build)), Vec::new()),
            Err(Error::Invalid(problems)) => (preview.build.clone(), problems),
            Err(other) => (
                preview.build.clone(),
                vec![Problem::in_file(&options.root, other.to_string())],
            ),
        };
        let has_build = build.is_some();
        *preview = Arc::new(Preview {
            build,
            problems: problems.clone(),
            version,
            started: Some(started),
        });
        drop(preview);
        self.version.send_replace(version);
        Rebuilt {
            took: started.elapsed(),
            problems,
            has_build,
        }
    }

    /// The current state.
    pub fn current(&self) -> Arc<Preview> {
        self.preview
            .read()
            .expect("preview lock is never poisoned")
            .clone()
    }
}
