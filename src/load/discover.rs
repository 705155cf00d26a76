//! Finding the announcement files under `content/announcements/`: `NAME.md` and its
//! translations `NAME.LANG.md`, or a folder `NAME/` with `index.md`, its translations
//! and the attachments published with it.

use std::path::{Path, PathBuf};

use super::layout::{self, Role, SourceFile, name_and_role};
use super::leftovers::{self, is_leftover};
use super::names;
use super::regular;
use crate::base::text::{is_bidi_control, slash_separated};
use crate::base::{Lang, Message, Problem};
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
    let mut sources = Vec::new();
    let dir = match regular::folder(root, &shown) {
        Ok(Some(dir)) => dir,
        Ok(None) => return sources,
        Err(problem) => {
            problems.push(problem);
            return sources;
        }
    };
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
        let kind = match entry.file_type() {
            Ok(kind) => kind,
            Err(e) => {
                let cause = e.to_string();
                problems.push(Problem::in_file(&path, msg!("load-unreadable", cause)));
                continue;
            }
        };
        if kind.is_dir() {
            let found = (&mut *problems, &mut sources, &mut *skipped);
            discover_folder(&entry.path(), &path, &name, main, found);
        } else if let Some(stem) = name.strip_suffix(".md") {
            // A link or a pipe is refused when it is read, as the announcement it
            // would be: its translations are then not orphans.
            match SourceFile::named(path, entry.path(), stem, main) {
                Ok(file) => sources.push(file),
                Err(problem) => problems.push(problem),
            }
        } else if let Some(message) = regular::refused(kind, &entry.path()) {
            problems.push(Problem::in_file(&path, message));
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
        .follow_root_links(false)
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
        let relative = entry
            .path()
            .strip_prefix(absolute)
            .expect("walkdir stays inside its root");
        let path = shown.join(relative);
        match folder_entry(&entry, slash_separated(relative), main) {
            Ok(FolderEntry::Text(role)) => texts.push((path, entry.path().to_path_buf(), role)),
            // A name with a bidirectional control shows reordered (`rlo`, U+202E,
            // `fdp.exe` reads as "rloexe.pdf").
            Ok(FolderEntry::Attachment(attachment))
                if attachment.name.contains(is_bidi_control) =>
            {
                let name = attachment.name;
                problems.push(Problem::in_file(&path, msg!("load-attachment-bidi", name)));
            }
            Ok(FolderEntry::Attachment(attachment)) => {
                match names::refused_attachment(&attachment.name, &attachment.source, &path) {
                    Some(problem) => problems.push(problem),
                    None => attachments.push(attachment),
                }
            }
            Ok(FolderEntry::Skipped) => {}
            Err(message) => problems.push(Problem::in_file(&path, message)),
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

/// What one file of an announcement folder is to it.
enum FolderEntry {
    /// `index.md` or a translation `index.LANG.md`.
    Text(Role),
    /// A file published with the announcement.
    Attachment(Attachment),
    /// A folder, walked on its own.
    Skipped,
}

/// What the file `entry` of an announcement folder, `name` inside it, is; the problem
/// of a file that cannot be in one.
fn folder_entry(
    entry: &walkdir::DirEntry,
    name: String,
    main: &Lang,
) -> Result<FolderEntry, Message> {
    let kind = entry.file_type();
    let text = name
        .strip_suffix(".md")
        .filter(|stem| entry.depth() == 1 && (*stem == "index" || stem.starts_with("index.")));
    if let (Some(stem), false) = (text, kind.is_dir()) {
        // A link or a pipe named so is refused when it is read, as the text it would
        // be: its translations are then not orphans.
        return name_and_role(stem, main)
            .map(|(_, role)| FolderEntry::Text(role))
            .map_err(|m| m.0);
    }
    if let Some(message) = regular::refused(kind, entry.path()) {
        return Err(message);
    }
    if !kind.is_file() {
        return Ok(FolderEntry::Skipped);
    }
    if name.ends_with(".md") {
        return Err(msg!("load-markdown-in-folder"));
    }
    let meta = entry
        .metadata()
        .map_err(|e| msg!("load-unreadable", cause = e.to_string()))?;
    Ok(FolderEntry::Attachment(Attachment {
        name,
        source: entry.path().to_path_buf(),
        size: meta.len(),
    }))
}
