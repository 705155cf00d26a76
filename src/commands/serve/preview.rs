//! What the preview's server shares: the current build (or the problems of the
//! latest attempt), the parse cache, and the number of the latest rebuild that open
//! pages listen to.

use std::net::SocketAddr;
use std::path::PathBuf;
use std::sync::{Arc, RwLock};
use std::time::{Duration, Instant};

use tokio::sync::watch;

use super::build::MemoryBuild;
use super::host::Hosts;
use super::options::ServeOptions;
use super::retry::retried;
use crate::base::time::Moment;
use crate::base::{Error, MessageLang, Problem};
use crate::load::Cache;
use crate::model::{BaseUrl, Publish};
use crate::msg;

/// One built state of the site, or the problems of the latest attempt.
#[derive(Default, Clone)]
pub struct Preview {
    /// The build served: the last good one, or a rebuild's from the moment it is
    /// planned, while its files are made ([`MemoryBuild::make_all`]).
    pub build: Option<Arc<MemoryBuild>>,
    /// The last good build, every file of which was made: a page of `build` that fails
    /// while its files are made is this build's page.
    pub good: Option<Arc<MemoryBuild>>,
    /// The problems of the latest rebuild, if it failed.
    pub problems: Vec<Problem>,
    /// Which rebuild this is; pages carry it, so they know when a newer one exists.
    pub version: u64,
    /// When that rebuild started: it read every change the watcher had seen by then.
    pub started: Option<Instant>,
    /// The language of the preview's own words.
    pub lang: MessageLang,
}

/// The review page's summary and list items.
pub type Findings = (String, String);

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
    /// The `Host` values answered.
    pub hosts: Hosts,
    /// The preview's address, as printed.
    pub url: String,
    /// The review page's summary and list of findings, and the number of the rebuild
    /// they were made for: made once per rebuild, one at a time (the lock is held
    /// while they are made).
    pub review: tokio::sync::Mutex<Option<(u64, Arc<Findings>)>>,
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
    /// Nothing built yet, for the site of `options` listened for at `address`, whose
    /// links are to `url`.
    pub fn new(options: &ServeOptions, address: SocketAddr, url: &str) -> Shared {
        let (version, _) = watch::channel(0u64);
        Shared {
            preview: RwLock::new(Arc::new(Preview {
                lang: options.messages,
                ..Preview::default()
            })),
            cache: Cache::keeping(),
            version,
            base_url: BaseUrl::parse(url).ok(),
            root: options.root.clone(),
            now: options.now,
            hosts: Hosts::of(address),
            url: url.to_string(),
            review: tokio::sync::Mutex::new(None),
        }
    }

    /// Rebuilds the site in memory. A build that loads and plans is served at once, so
    /// that the page a browser reloads is made first, and then every other file is
    /// made, as `build` makes them: only then is it good, and reported. On a failure
    /// (a content, path or template problem) the last good build is served with the
    /// problems shown over it. A failure of the file system is first retried
    /// ([`super::retry`]).
    pub fn rebuild(&self, options: &ServeOptions) -> Rebuilt {
        let started = Instant::now();
        let publish = Publish::preview(options.now(), self.base_url.clone());
        // The PDFs the build served made are made again only where their key changed.
        let previous = {
            let preview = self.preview.read().expect("preview lock is never poisoned");
            preview.build.as_ref().map(|b| b.pdfs()).unwrap_or_default()
        };
        let made = || MemoryBuild::new(&options.root, &publish, &self.cache, previous.clone());
        let problems = match retried(made, std::thread::sleep) {
            Ok(build) => {
                let build = Arc::new(build);
                self.replace(true, |last| Preview {
                    build: Some(Arc::clone(&build)),
                    problems: Vec::new(),
                    started: Some(started),
                    ..last.clone()
                });
                match build.make_all() {
                    Ok(()) => {
                        // The same files: open pages need not reload.
                        self.replace(false, |last| Preview {
                            good: Some(Arc::clone(&build)),
                            ..last.clone()
                        });
                        Vec::new()
                    }
                    Err(problems) => problems,
                }
            }
            Err(Error::Invalid(problems)) => problems,
            Err(other) => {
                let cause = other.text(options.messages);
                vec![Problem::in_file(
                    &options.root,
                    msg!("preview-build-error", cause),
                )]
            }
        };
        if !problems.is_empty() {
            self.replace(true, |last| Preview {
                build: last.good.clone(),
                problems: problems.clone(),
                started: Some(started),
                ..last.clone()
            });
        }
        Rebuilt {
            took: started.elapsed(),
            has_build: self.current().build.is_some(),
            problems,
        }
    }

    /// Puts the state `next` makes of the current one in its place; when `reload`, as
    /// a new version, which open pages reload for.
    fn replace(&self, reload: bool, next: impl FnOnce(&Preview) -> Preview) {
        let mut preview = self
            .preview
            .write()
            .expect("preview lock is never poisoned");
        let mut state = next(&preview);
        if reload {
            state.version = preview.version + 1;
        }
        let version = state.version;
        *preview = Arc::new(state);
        drop(preview);
        if reload {
            self.version.send_replace(version);
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
