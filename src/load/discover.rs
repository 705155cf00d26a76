//! Finding the announcement files under `content/announcements/`: `NAME.md` and its
//! translations `NAME.LANG.md`, or a folder `NAME/` with `index.md`, its translations
//! and the attachments published with it.

use std::path::Path;

use super::layout::{self, Role, SourceFile, name_and_role};
use crate::base::text::{is_bidi_control, slash_separated};
use crate::base::{Lang, Problem};
use crate::model::Attachment;
use crate::msg;

/// The attachment `name` at `source` (`shown` in messages), or why it is not one: a
/// name with a bidirectional control shows reordered (`rlo`, U+202E, `fdp.exe` reads
/// as "rloexe.pdf").
fn attachment(
    name: String,
    entry: &walkdir::DirEntry,
    shown: &Path,
) -> Result<Attachment, Problem> {
    if name.contains(is_bidi_control) {
        return Err(Problem::in_file(shown, msg!("load-attachment-bidi", name)));
    }
    match entry.metadata() {
        Ok(meta) => Ok(Attachment {
            name,
            source: entry.path().to_path_buf(),
            size: meta.len(),
        }),
        Err(e) => {
            let cause = e.to_string();
            Err(Problem::in_file(shown, msg!("load-unreadable", cause)))
        }
    }
}

/// Lists the announcement files under `content/announcements/`, reporting names that
/// cannot be announcements.
pub fn announcements(root: &Path, main: &Lang, problems: &mut Vec<Problem>) -> Vec<SourceFile> {
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
        if name.starts_with('.') {
            continue;
        }
        let path = shown.join(&name);
        if entry.path().is_dir() {
            discover_folder(&entry.path(), &path, &name, main, problems, &mut sources);
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

fn discover_folder(
    absolute: &Path,
    shown: &Path,
    slug: &str,
    main: &Lang,
    problems: &mut Vec<Problem>,
    sources: &mut Vec<SourceFile>,
) {
    let mut texts = Vec::new();
    let mut attachments = Vec::new();
    let walker = walkdir::WalkDir::new(absolute)
        .min_depth(1)
        .sort_by_file_name()
        .into_iter()
        .filter_entry(|e| !e.file_name().to_string_lossy().starts_with('.'));
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
        match attachment(name, &entry, &path) {
            Ok(attachment) => attachments.push(attachment),
            Err(problem) => problems.push(problem),
        }
    }
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
