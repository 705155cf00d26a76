//! The `content/` folder: the overview, every announcement with its translations
//! (read in parallel, joined and checked across files) and the guide pages.

use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::path::{Path, PathBuf};

use rayon::prelude::*;

use super::announcement::Original;
use super::cache::{Cache, Parsed, Read};
use super::layout::{Role, SourceFile};
use super::translation::Translation;
use super::{agreement, crosscheck, discover, guide_pages, official_pdf, overview};
use crate::base::{Lang, Problem};
use crate::model::announcement::newest_first;
use crate::model::config::{default_language, default_timezone};
use crate::model::{Announcement, Config, GuidePage, Overview, Sources};
use crate::msg;

/// Everything under `content/`, valid and joined, drafts and embargoed ones included.
#[derive(Debug, Clone, Default)]
pub struct Content {
    /// The incident overview shown at the top of the home page, by language.
    pub overview: BTreeMap<Lang, Overview>,
    /// Every announcement, newest first.
    pub announcements: Vec<Announcement>,
    /// The guide pages of `content/pages/`, by name.
    pub pages: Vec<GuidePage>,
    /// The leftovers of editors, the system and version control found among the
    /// announcements and left out (`super::leftovers`), by path from the site root.
    pub skipped: Vec<PathBuf>,
}

/// Reads and checks `content/` under `root`, reading again only the announcement
/// files that changed since `cache` last saw them; the text of every file read is
/// kept in `sources`.
///
/// `config` is `None` when site.toml itself is broken: the files are still read, so
/// their problems are reported in the same run, but nothing is checked against the
/// settings.
pub fn load(
    root: &Path,
    config: Option<&Config>,
    cache: &Cache,
    sources: &mut Sources,
) -> Result<Content, Vec<Problem>> {
    let main = config.map_or_else(default_language, |c| c.language.clone());
    let zone = config.map_or_else(default_timezone, |c| c.timezone);
    let mut problems = Vec::new();

    let overview = overview::load(root, &main, sources, &mut problems);
    let mut skipped = Vec::new();
    let files = discover::announcements(root, &main, &mut problems, &mut skipped);
    let read: Vec<Read> = files
        .par_iter()
        .map(|file| cache.read(file, zone))
        .collect();
    cache.keep_only(&files);
    let announcements = join(&files, read, &main, sources, &mut problems);
    if let Some(config) = config {
        crosscheck::key_reports(config, &announcements, &mut problems);
    }
    let on_disk: BTreeSet<&str> = files
        .iter()
        .filter(|f| f.role == Role::Original)
        .map(|f| f.name.as_str())
        .collect();
    crosscheck::corrections(&announcements, &on_disk, &mut problems);
    crosscheck::official_pdfs(&announcements, &mut problems);
    official_pdf::read(root, &announcements, sources);

    let languages: BTreeSet<Lang> = std::iter::once(&main)
        .chain(overview.keys())
        .chain(
            announcements
                .iter()
                .flat_map(|o| o.announcement.translations.keys()),
        )
        .cloned()
        .collect();
    let home_pages = config.map_or(&[][..], |c| c.home_pages.as_slice());
    // Guide pages are few and read again every time, so the preview keeps no cache
    // of them.
    let read_pages = guide_pages::Reading {
        root,
        main: &main,
        zone,
        languages: &languages,
        home_pages,
    };
    let pages = read_pages.load(sources, &mut problems);

    if problems.is_empty() {
        Ok(Content {
            overview,
            announcements: announcements.into_iter().map(|o| o.announcement).collect(),
            pages,
            skipped,
        })
    } else {
        // A linked `content/` is the problem of each reader of a folder below it: said once.
        problems.sort();
        problems.dedup();
        Err(problems)
    }
}

/// The announcements whose originals parsed, each with the translations that parsed
/// and agree with it, newest first. Every problem of the files read, and every second
/// file for one slug, goes into `problems`.
fn join(
    files: &[SourceFile],
    read: Vec<Read>,
    main: &Lang,
    sources: &mut Sources,
    problems: &mut Vec<Problem>,
) -> Vec<Original> {
    let mut originals: HashMap<&str, (&Path, Option<Original>)> = HashMap::new();
    let mut translations: Vec<(&SourceFile, Lang, Translation)> = Vec::new();
    for (file, read) in files.iter().zip(read) {
        if let Some(text) = read.text {
            sources.insert(file.shown.clone(), text);
        }
        let parsed = read
            .result
            .map_err(|mut found| problems.append(&mut found))
            .ok();
        match (&file.role, parsed) {
            (Role::Original, parsed) => {
                if let Some((first, _)) = originals.get(file.name.as_str()) {
                    problems.push(crosscheck::same_slug(&file.name, first, &file.shown));
                    continue;
                }
                let original = parsed.map(|p| match p {
                    Parsed::Original(o) => *o,
                    Parsed::Translation(..) => unreachable!("originals parse as originals"),
                });
                originals.insert(&file.name, (&file.shown, original));
            }
            (Role::Translation(_), Some(Parsed::Translation(lang, t))) => {
                translations.push((file, lang, *t));
            }
            (Role::Translation(_), _) => {}
        }
    }

    let mut seen: HashMap<(&str, Lang), &PathBuf> = HashMap::new();
    for (file, lang, translation) in translations {
        if let Some(first) = seen.get(&(file.name.as_str(), lang.clone())) {
            problems.push(crosscheck::same_slug(&file.name, first, &file.shown));
            continue;
        }
        seen.insert((&file.name, lang.clone()), &file.shown);
        match originals.get_mut(file.name.as_str()) {
            // A folder's translation: the folder's missing index.md is reported already.
            None if in_folder(file) => {}
            None => problems.push(Problem::in_file(
                &file.shown,
                msg!(
                    "load-translation-no-original",
                    folder = super::layout::announcements_dir().display().to_string(),
                    name = &file.name,
                    main = main.as_str()
                ),
            )),
            Some((_, None)) => {} // The original's own problems are reported already.
            Some((original_path, Some(original))) => {
                problems.extend(agreement::check(
                    original_path,
                    &original.announcement,
                    &file.shown,
                    &translation,
                ));
                original
                    .announcement
                    .translations
                    .insert(lang, translation.version);
            }
        }
    }

    let mut announcements: Vec<Original> = originals
        .into_values()
        .filter_map(|(_, original)| original)
        .collect();
    announcements.sort_by(|a, b| newest_first(&a.announcement, &b.announcement));
    announcements
}

/// Whether an announcement file is in a folder of its own (`NAME/index.LANG.md`)
/// rather than beside the others (`NAME.LANG.md`).
fn in_folder(file: &SourceFile) -> bool {
    file.shown.parent() != Some(super::layout::announcements_dir().as_path())
}
