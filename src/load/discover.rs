//! Finding the announcement files under `content/announcements/`: `NAME.md` and its
//! translations `NAME.LANG.md`, or a folder `NAME/` with `index.md`, its translations
//! and the attachments published with it.

use std::path::{Path, PathBuf};

use super::layout::{self, Role, SourceFile, name_and_role};
use super::leftovers::{self, is_leftover};
use super::names;
use crate::base::text::slash_separated;
use crate::base::{Lang, Problem};
use crate::model::Attachment;
use crate::msg;

/// Lists the announcement files under `content/announcements/`, reporting names that
/// cannot be announcements; the leftovers of editors, the system and version control
/// (`super::leftovers`) are left out and added to `skipped`.
pub fn announcements(
    root: &Path,
    main: &Lang,
    problems: &mut Vec<Problem>,
    skipped: &mut Vec<PathBuf>,
) -> Vec<SourceFile> {
    let shown = layout::announcements_dir();
    let dir = root.join(&shown);
    let mut sources = Vec::new();
    let entries = match std::fs::read_dir(&dir) {
        Ok(entries) => entries,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return sources,
        Err(e) => {
            let cause = e.to_string();
            problems.push(Problem::in_file(&shown, msg!("load-unreadable", cause)));
            return sources;
        }
    };
    let mut entries: Vec<_> = entries.flatten().collect();
    entries.sort_by_key(|e| e.file_name());
    for entry in entries {
        let name = entry.file_name().to_string_lossy().into_owned();
        if is_leftover(&name) {
            skipped.push(shown.join(&name));
            continue;
        }
        if name.starts_with('.') {
            continue;
        }
        let path = shown.join(&name);
        if entry.path().is_dir() {
            let found = (&mut *problems, &mut sources, &mut *skipped);
            discover_folder(&entry.path(), &path, &name, main, found);
        } else if let Some(stem) = name.strip_suffix(".md") {
            match SourceFile::named(path, entry.path(), stem, main) {
                Ok(file) => sources.push(file),
                Err(problem) => problems.push(problem),
            }
        } else {
            problems.push(Problem::in_file(&path, msg!("load-not-announcement")));
        }
    }
    sources
}

/// What a folder's discovery adds to: problems, sources and the leftovers skipped.
type Found<'a> = (
    &'a mut Vec<Problem>,
    &'a mut Vec<SourceFile>,
    &'a mut Vec<PathBuf>,
);

fn discover_folder(absolute: &Path, shown: &Path, slug: &str, main: &Lang, found: Found) {
    let (problems, sources, skipped) = found;
    let mut texts = Vec::new();
    let mut attachments = Vec::new();
    let walker = walkdir::WalkDir::new(absolute)
        .min_depth(1)
        .sort_by_file_name()
        .into_iter()
        .filter_entry(|e| leftovers::kept_in_folder(e, absolute, shown, skipped));
    for entry in walker {
        let entry = match entry {
            Ok(entry) => entry,
            Err(e) => {
                let cause = e.to_string();
                problems.push(Problem::in_file(shown, msg!("load-unreadable", cause)));
                continue;
            }
        };
        if !entry.file_type().is_file() {
            continue;
        }
        let relative = entry
            .path()
            .strip_prefix(absolute)
            .expect("walkdir stays inside its root");
        let name = slash_separated(relative);
        let path = shown.join(relative);
        if let Some(stem) = name.strip_suffix(".md") {
            if entry.depth() == 1 && (stem == "index" || stem.starts_with("index.")) {
                match name_and_role(stem, main) {
                    Ok((_, role)) => texts.push((path, entry.path().to_path_buf(), role)),
                    Err(m) => problems.push(Problem::in_file(&path, m.0)),
                }
            } else {
                problems.push(Problem::in_file(&path, msg!("load-markdown-in-folder")));
            }
            continue;
        }
        if let Some(problem) = names::refused_attachment(&name, entry.path(), &path) {
            problems.push(problem);
            continue;
        }
        match entry.metadata() {
            Ok(meta) => attachments.push(Attachment {
                name,
                source: entry.path().to_path_buf(),
                size: meta.len(),
            }),
            Err(e) => {
                let cause = e.to_string();
                problems.push(Problem::in_file(&path, msg!("load-unreadable", cause)));
            }
        }
    }
    names::collisions(&attachments, shown, problems);
    if !texts.iter().any(|(_, _, role)| *role == Role::Original) {
        let folder = shown.display().to_string();
        let main = main.as_str();
        problems.push(Problem::in_file(
            shown,
            msg!("load-folder-without-index", folder, main),
        ));
    }
    for (path, absolute, role) in texts {
        let attachments = if role == Role::Original {
            std::mem::take(&mut attachments)
        } else {
            Vec::new()
        };
        sources.push(SourceFile {
            shown: path,
            absolute,
            name: slug.to_string(),
            role,
            attachments,
        });
    }
}
