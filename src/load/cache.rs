//! Reading announcement files, with the parses the preview keeps between rebuilds: a
//! file whose size and modification time have not changed is not read again.

use std::collections::{HashMap, HashSet};
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};
use std::time::SystemTime;

use chrono::FixedOffset;

use super::announcement::{self, Original};
use super::layout::{Role, SourceFile, read_text};
use super::translation::{self, Translation};
use crate::base::{Lang, Problem};
use crate::model::{Channel, Slug};

/// An announcement file, parsed.
#[derive(Clone)]
pub enum Parsed {
    /// An original, not yet joined to its translations.
    Original(Box<Original>),
    /// A translation into this language.
    Translation(Lang, Box<Translation>),
}

/// What reading one announcement file gave: its text, where it could be read, and its
/// parse or its problems.
#[derive(Clone)]
pub struct Read {
    /// The file's text.
    pub text: Option<Arc<str>>,
    /// The parse, or the file's problems.
    pub result: Result<Parsed, Vec<Problem>>,
}

/// Parsed announcement files kept between the preview's rebuilds.
pub struct Cache {
    /// `None` for a run that reads the site once: nothing is kept.
    entries: Option<Mutex<HashMap<PathBuf, Cached>>>,
}

struct Cached {
    stamp: (Option<SystemTime>, u64),
    zone: FixedOffset,
    role: Role,
    read: Arc<Read>,
}

impl Cache {
    /// A cache that keeps every parse, for runs that read the site again and again.
    pub fn keeping() -> Cache {
        Cache {
            entries: Some(Mutex::default()),
        }
    }

    /// No cache: for a run that reads the site once (`build`, `check`), which would
    /// only copy every parse into it and throw the copy away.
    pub fn none() -> Cache {
        Cache { entries: None }
    }

    /// The parse of `source`, read again only if it changed since the last call.
    pub(super) fn read(&self, source: &SourceFile, zone: FixedOffset) -> Read {
        let Some(entries) = &self.entries else {
            return read(source, zone);
        };
        let stamp = std::fs::metadata(&source.absolute)
            .map(|m| (m.modified().ok(), m.len()))
            .ok();
        let lock = || entries.lock().expect("cache lock is never poisoned");
        // The lock is held only to find the entry: the parse is copied out of it
        // with the other threads' copies, not one after another.
        let found = lock().get(&source.absolute).map(|cached| {
            let same =
                Some(cached.stamp) == stamp && cached.zone == zone && cached.role == source.role;
            same.then(|| Arc::clone(&cached.read))
        });
        if let Some(Some(cached)) = found {
            let mut read = Read::clone(&cached);
            // Attachments sit beside the file and change without it.
            if let Ok(Parsed::Original(original)) = &mut read.result {
                original.announcement.attachments = source.attachments.clone();
            }
            return read;
        }
        let read = read(source, zone);
        if let Some(stamp) = stamp {
            let cached = Cached {
                stamp,
                zone,
                role: source.role.clone(),
                read: Arc::new(read.clone()),
            };
            lock().insert(source.absolute.clone(), cached);
        }
        read
    }

    /// Forgets files that are gone.
    pub(super) fn keep_only(&self, sources: &[SourceFile]) {
        let Some(entries) = &self.entries else {
            return;
        };
        let present: HashSet<&Path> = sources.iter().map(|s| s.absolute.as_path()).collect();
        entries
            .lock()
            .expect("cache lock is never poisoned")
            .retain(|path, _| present.contains(path.as_path()));
    }
}

/// The slug of an announcement file: a name the URLs can hold, and not the folder of
/// a channel's list (`announcements/ir/`), which the page would be written over.
fn announcement_slug(name: &str) -> Result<Slug, crate::base::Invalid> {
    let slug = Slug::parse(name)?;
    match Channel::ALL.into_iter().find(|c| c.id() == name) {
        Some(_) => Err(crate::base::Invalid::new(crate::msg!(
            "load-slug-is-list",
            name
        ))),
        None => Ok(slug),
    }
}

/// Reads and parses one announcement file.
fn read(source: &SourceFile, zone: FixedOffset) -> Read {
    let slug = match announcement_slug(&source.name) {
        Ok(slug) => slug,
        Err(m) => {
            return Read {
                text: None,
                result: Err(vec![Problem::in_file(&source.shown, m.0)]),
            };
        }
    };
    let text: Arc<str> = match read_text(&source.absolute, &source.shown) {
        Ok(text) => text.into(),
        Err(problem) => {
            return Read {
                text: None,
                result: Err(vec![problem]),
            };
        }
    };
    let result = match &source.role {
        Role::Original => announcement::parse_original(
            &source.shown,
            &text,
            slug,
            zone,
            source.attachments.clone(),
        )
        .map(|o| Parsed::Original(Box::new(o))),
        Role::Translation(lang) => translation::parse_translation(&source.shown, &text, zone)
            .map(|t| Parsed::Translation(lang.clone(), Box::new(t))),
    };
    Read {
        text: Some(text),
        result,
    }
}
