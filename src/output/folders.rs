//! crisis-site's own folders beside the output: how they are recognised (their
//! names and marker) and deleted, the marker last, so that a deletion cut short
//! leaves a folder still recognisably crisis-site's.

use std::path::Path;

use rayon::prelude::*;

use super::pause::{Pause, Phase};

/// A file crisis-site puts in every output folder, so that it only ever replaces
/// folders it wrote itself.
pub const MARKER: &str = ".crisis-site-output";

/// The name every build's staging folder starts with, beside the output.
pub const STAGING_PREFIX: &str = ".crisis-site-new-";
/// The name the previous output is moved aside to where the swap is two renames.
pub const ASIDE_PREFIX: &str = ".crisis-site-old-";

/// Deletes, beside `out`, what builds killed before they finished left behind: their
/// staging folders, and the previous output moved aside by a two-rename swap once
/// `out` is a complete output again.
///
/// Only folders it can prove are crisis-site's are touched: named with its prefix and
/// holding its marker, which no live build holds locked (an empty staging folder is
/// a build killed in the instant after creating it, or the last step of a deletion).
/// Best effort: a folder that cannot be deleted now is tried again by the next build.
pub fn remove_abandoned(parent: &Path, out: &Path) {
    let Ok(entries) = std::fs::read_dir(parent) else {
        return;
    };
    // The previous output moved aside is the only copy of the site while `out` is
    // missing, so it is kept until a build has put a new output in place.
    let out_is_complete = is_marked(out);
    for entry in entries.flatten() {
        let name = entry.file_name();
        let name = name.to_string_lossy();
        let staging = name.starts_with(STAGING_PREFIX);
        let aside = name.starts_with(ASIDE_PREFIX) && out_is_complete;
        if !(staging || aside) || !entry.file_type().is_ok_and(|t| t.is_dir()) {
            continue;
        }
        let path = entry.path();
        match std::fs::File::open(path.join(MARKER)) {
            // Held until the folder is gone, so that two clean-ups never race.
            Ok(marker) => {
                if marker.try_lock().is_ok() {
                    let _ = remove_ours(&path, Pause::NEVER);
                }
            }
            // Fails unless the folder is empty: one being filled is left alone.
            Err(e) if e.kind() == std::io::ErrorKind::NotFound && staging => {
                let _ = std::fs::remove_dir(&path);
            }
            Err(_) => {}
        }
    }
}

/// Whether the folder `dir` holds crisis-site's marker: a file of its own, not a
/// link to one elsewhere.
pub fn is_marked(dir: &Path) -> bool {
    std::fs::symlink_metadata(dir.join(MARKER)).is_ok_and(|m| m.is_file())
}

/// Deletes a folder crisis-site wrote, its marker last: a deletion cut short (a
/// killed build) leaves a folder that is still recognisably crisis-site's, for the
/// next build to finish. A folder already gone is fine. `pause` may stop it half-way
/// through the entries ([`Phase::Deleting`]). A symbolic link at `dir` is removed
/// itself, never followed: no deletion reaches what a link leads to.
pub fn remove_ours(dir: &Path, pause: Pause) -> std::io::Result<()> {
    if std::fs::symlink_metadata(dir).is_ok_and(|m| m.file_type().is_symlink()) {
        return gone(std::fs::remove_file(dir));
    }
    let entries = match std::fs::read_dir(dir) {
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(()),
        entries => entries?,
    };
    let mut entries = entries
        .filter(|e| !matches!(e, Ok(e) if e.file_name() == MARKER))
        .collect::<std::io::Result<Vec<_>>>()?;
    let rest = entries.split_off(pause.before(Phase::Deleting, entries.len()));
    remove_entries(entries)?;
    pause.reached(Phase::Deleting);
    remove_entries(rest)?;
    gone(std::fs::remove_file(dir.join(MARKER)))?;
    gone(std::fs::remove_dir(dir))
}

/// Deletes these folder entries and everything below them, in parallel: a previous
/// build of thousands of pages is as many files, and deleting them one after another
/// would be the slowest step of a build. A symbolic link is removed, never followed.
fn remove_entries(entries: Vec<std::fs::DirEntry>) -> std::io::Result<()> {
    entries.into_par_iter().try_for_each(|entry| {
        let path = entry.path();
        if entry.file_type()?.is_dir() {
            let below = match std::fs::read_dir(&path) {
                Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(()),
                below => below?.collect::<std::io::Result<Vec<_>>>()?,
            };
            remove_entries(below)?;
            gone(std::fs::remove_dir(&path))
        } else {
            gone(std::fs::remove_file(&path))
        }
    })
}

/// A removal of something already gone counts as done.
fn gone(result: std::io::Result<()>) -> std::io::Result<()> {
    match result {
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(()),
        other => other,
    }
}
