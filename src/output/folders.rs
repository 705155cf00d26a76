//! crisis-site's own folders beside the output: how they are recognised (their
//! names and marker) and deleted, the marker last, so that a deletion cut short
//! leaves a folder still recognisably crisis-site's.

use std::path::Path;

use rayon::prelude::*;

use super::pause::{Pause, Phase};

/// A file crisis-site puts in every output folder, so that it only ever replaces
/// folders it wrote itself.
pub const MARKER: &str = ".crisis-site-output";

/// The name every build's staging folder starts with, beside the output (then the
/// output's name, [`own_prefix`]).
pub const STAGING_PREFIX: &str = ".crisis-site-new-";
/// The name the previous output is moved aside to where the swap is two renames.
pub const ASIDE_PREFIX: &str = ".crisis-site-old-";

/// The start of the names of `out`'s own folders of the kind `prefix` (staging or set
/// aside): the prefix, the output's name and a dash. A unique id of letters and digits
/// follows, so that one output's folders are never another's in the same parent
/// (`public-2`'s are not `public`'s).
pub fn own_prefix(prefix: &str, out: &Path) -> String {
    let name = out.file_name().unwrap_or_default().to_string_lossy();
    format!("{prefix}{name}-")
}

/// Whether the folder name `name` is one of `out`'s of the kind `prefix`.
fn is_own(name: &str, prefix: &str, out: &Path) -> bool {
    name.strip_prefix(&own_prefix(prefix, out))
        .is_some_and(|id| !id.is_empty() && id.chars().all(|c| c.is_ascii_alphanumeric()))
}

/// Deletes, beside `out`, what builds of `out` killed before they finished left
/// behind: their staging folders, and the previous output moved aside by a
/// two-rename swap once `out` is a complete output again. Another output's folders in
/// the same parent are its own builds' to clean up, never this one's.
///
/// Only folders it can prove are crisis-site's are touched: named with its prefix and
/// `out`'s name ([`own_prefix`]), and holding its marker, which no live build holds locked (an empty staging folder is
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
        let staging = is_own(&name, STAGING_PREFIX, out);
        let aside = is_own(&name, ASIDE_PREFIX, out) && out_is_complete;
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_folder_beside_the_output_is_its_own_only_with_its_name_and_an_id() {
        let out = Path::new("/srv/public");
        assert!(is_own(
            ".crisis-site-new-public-Ab3xY9",
            STAGING_PREFIX,
            out
        ));
        assert!(is_own(".crisis-site-old-public-Ab3xY9", ASIDE_PREFIX, out));
        // Another output's: `public-2`'s, `pub`'s, or an old name without one.
        assert!(!is_own(
            ".crisis-site-new-public-2-Ab3xY9",
            STAGING_PREFIX,
            out
        ));
        assert!(!is_own(".crisis-site-new-pub-Ab3xY9", STAGING_PREFIX, out));
        assert!(!is_own(".crisis-site-new-Ab3xY9", STAGING_PREFIX, out));
        assert!(!is_own(".crisis-site-new-public-", STAGING_PREFIX, out));
        assert!(!is_own(
            ".crisis-site-old-public-Ab3xY9",
            STAGING_PREFIX,
            out
        ));
    }
}
