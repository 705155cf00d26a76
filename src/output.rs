//! Writing the built site: the only module that writes to the output folder.
//!
//! The site is written into a fresh folder beside the output, then swapped in. A
//! build that fails at any point before the swap leaves the previous output exactly
//! as it was; readers of a static host never see half a site.

use std::collections::BTreeSet;
use std::io::Write as _;
use std::path::{Path, PathBuf};

use rayon::prelude::*;

use crate::base::Error;
use crate::render::{Body, OutputFile};

/// A file crisis-site puts in every output folder, so that it only ever replaces
/// folders it wrote itself.
pub const MARKER: &str = ".crisis-site-output";

/// Writes `files` as the new content of `out`, replacing what was there at once.
///
/// First it deletes what killed builds left beside `out`.
/// Returns a warning when the new site is in place but the previous build could not
/// be deleted afterwards: the build succeeded, and nothing was lost.
pub fn write(files: &[OutputFile], out: &Path) -> Result<Option<String>, Error> {
    check_replaceable(out)?;
    // Before claiming a folder of its own, so that a build killed at any point
    // leaves at most one folder behind.
    remove_abandoned(&parent_of(out), out);
    let (staging, parent, _claim) = claim_staging(out)?;
    write_all(files, &staging.path)?;
    // `_claim` stays locked until the swap is done, so no other build takes the
    // staging folder for a dead one's.
    swap_in(staging, out, &parent)
}

/// The name every build's staging folder starts with, beside the output.
const STAGING_PREFIX: &str = ".crisis-site-new-";
/// The name the previous output is moved aside to where the swap is two renames.
const ASIDE_PREFIX: &str = ".crisis-site-old-";
/// How many times a staging folder is created again when another build's clean-up
/// took it in the instant before it was claimed.
const CLAIM_TRIES: usize = 5;

/// A staging folder being written; deleted when dropped, unless moved into place.
struct Staging {
    path: PathBuf,
    keep: bool,
}

impl Staging {
    /// The folder, no longer deleted on drop.
    fn keep(mut self) -> PathBuf {
        self.keep = true;
        std::mem::take(&mut self.path)
    }
}

impl Drop for Staging {
    fn drop(&mut self) {
        if !self.keep {
            let _ = remove_ours(&self.path);
        }
    }
}

/// Creates a staging folder beside `out` and claims it: the marker is written first
/// and kept locked (`flock`, which the kernel releases when the process dies, even by
/// SIGKILL) until the build ends. A staging folder whose marker nobody holds locked
/// is therefore a dead build's. Returns the folder, its parent and the locked marker.
fn claim_staging(out: &Path) -> Result<(Staging, PathBuf, std::fs::File), Error> {
    let mut last = None;
    for _ in 0..CLAIM_TRIES {
        let (dir, parent) = staging_beside(out, STAGING_PREFIX)?;
        let staging = Staging {
            path: dir.keep(),
            keep: false,
        };
        let marker = staging.path.join(MARKER);
        let cannot = |e| Error::io(format!("cannot write {}", marker.display()), e);
        // Another build's clean-up may take a folder that is still empty, or lock
        // the marker first; then this folder is not ours to use, and a new one is.
        let file = match std::fs::File::create_new(&marker) {
            Ok(file) => file,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
                last = Some(cannot(e));
                continue;
            }
            Err(e) => return Err(cannot(e)),
        };
        match file.try_lock() {
            Ok(()) => {}
            Err(std::fs::TryLockError::WouldBlock) => {
                last = Some(cannot(std::io::ErrorKind::WouldBlock.into()));
                continue;
            }
            Err(std::fs::TryLockError::Error(e)) => return Err(cannot(e)),
        }
        // Locked, but possibly after a clean-up that had locked it first and then
        // deleted it: only the file still at its path counts.
        if !is_same_file(&file, &marker) {
            last = Some(cannot(std::io::ErrorKind::NotFound.into()));
            continue;
        }
        (&file)
            .write_all(b"written by crisis-site; the next build replaces this folder\n")
            .map_err(cannot)?;
        return Ok((staging, parent, file));
    }
    Err(last.expect("CLAIM_TRIES is not zero"))
}

/// Whether `file` is the file at `path` (not one deleted from there).
fn is_same_file(file: &std::fs::File, path: &Path) -> bool {
    #[cfg(unix)]
    {
        use std::os::unix::fs::MetadataExt as _;
        match (file.metadata(), std::fs::metadata(path)) {
            (Ok(a), Ok(b)) => a.dev() == b.dev() && a.ino() == b.ino(),
            _ => false,
        }
    }
    #[cfg(not(unix))]
    {
        let _ = file;
        path.is_file()
    }
}

/// Deletes, beside `out`, what builds killed before they finished left behind: their
/// staging folders, and the previous output moved aside by a two-rename swap once
/// `out` is a complete output again.
///
/// Only folders it can prove are crisis-site's are touched: named with its prefix and
/// holding its marker, which no live build holds locked (an empty staging folder is
/// a build killed in the instant after creating it, or the last step of a deletion).
/// Best effort: a folder that cannot be deleted now is tried again by the next build.
fn remove_abandoned(parent: &Path, out: &Path) {
    let Ok(entries) = std::fs::read_dir(parent) else {
        return;
    };
    // The previous output moved aside is the only copy of the site while `out` is
    // missing, so it is kept until a build has put a new output in place.
    let out_is_complete = out.join(MARKER).is_file();
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
                    let _ = remove_ours(&path);
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

/// Deletes a folder crisis-site wrote, its marker last: a deletion cut short (a
/// killed build) leaves a folder that is still recognisably crisis-site's, for the
/// next build to finish. A folder already gone is fine.
fn remove_ours(dir: &Path) -> std::io::Result<()> {
    let entries = match std::fs::read_dir(dir) {
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(()),
        entries => entries?,
    };
    let entries = entries
        .filter(|e| !matches!(e, Ok(e) if e.file_name() == MARKER))
        .collect::<std::io::Result<Vec<_>>>()?;
    remove_entries(entries)?;
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

/// A fresh folder in the same parent as `target` (created if missing), so that it can
/// be renamed onto `target` in one step; returns it and that parent.
pub fn staging_beside(target: &Path, prefix: &str) -> Result<(tempfile::TempDir, PathBuf), Error> {
    let parent = parent_of(target);
    std::fs::create_dir_all(&parent)
        .map_err(|e| Error::io(format!("cannot create {}", parent.display()), e))?;
    let staging = tempfile::Builder::new()
        .prefix(prefix)
        .tempdir_in(&parent)
        .map_err(|e| Error::io(format!("cannot create a folder in {}", parent.display()), e))?;
    Ok((staging, parent))
}

/// The folder `target` is in.
fn parent_of(target: &Path) -> PathBuf {
    match target.parent() {
        Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
        _ => PathBuf::from("."),
    }
}

/// Whether the folder `path` holds nothing at all.
pub fn is_empty_folder(path: &Path) -> Result<bool, Error> {
    let mut entries = std::fs::read_dir(path)
        .map_err(|e| Error::io(format!("cannot read {}", path.display()), e))?;
    Ok(entries.next().is_none())
}

/// The refusal to replace `out`, a folder crisis-site did not write.
fn foreign(out: &Path) -> Error {
    Error::ForeignOutput {
        path: out.to_path_buf(),
        marker: MARKER,
    }
}

fn check_replaceable(out: &Path) -> Result<(), Error> {
    match std::fs::metadata(out) {
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(()),
        Err(e) => Err(Error::io(format!("cannot inspect {}", out.display()), e)),
        Ok(meta) if !meta.is_dir() => Err(foreign(out)),
        Ok(_) => {
            if is_empty_folder(out)? || out.join(MARKER).is_file() {
                Ok(())
            } else {
                Err(foreign(out))
            }
        }
    }
}

fn write_all(files: &[OutputFile], dir: &Path) -> Result<(), Error> {
    let folders: BTreeSet<PathBuf> = files
        .iter()
        .filter_map(|f| Path::new(&f.path).parent().map(Path::to_path_buf))
        .collect();
    for folder in folders {
        let folder = dir.join(folder);
        std::fs::create_dir_all(&folder)
            .map_err(|e| Error::io(format!("cannot create {}", folder.display()), e))?;
    }
    files.par_iter().try_for_each(|file| {
        let target = dir.join(&file.path);
        match &file.body {
            Body::Text(text) => std::fs::write(&target, text)
                .map_err(|e| Error::io(format!("cannot write {}", target.display()), e)),
            Body::Copy { source, .. } => std::fs::copy(source, &target).map(|_| ()).map_err(|e| {
                Error::io(
                    format!("cannot copy {} to {}", source.display(), target.display()),
                    e,
                )
            }),
        }
    })
}

/// Moves the finished build into place.
///
/// On Linux the two folders are exchanged in one step, so there is no moment without
/// a complete output. Elsewhere (or on a file system without the exchange) the old
/// output is first moved aside, not deleted, so it can be put back if the second
/// rename fails.
fn swap_in(staging: Staging, out: &Path, parent: &Path) -> Result<Option<String>, Error> {
    // Until the new build is in place, dropping `staging` deletes it.
    let moved_in = |e| Error::io(format!("cannot move the new build to {}", out.display()), e);
    if !out.exists() {
        std::fs::rename(&staging.path, out).map_err(moved_in)?;
        staging.keep();
        return Ok(None);
    }
    #[cfg(target_os = "linux")]
    match exchange(&staging.path, out) {
        // The staging folder now holds the previous build.
        Ok(()) => return Ok(remove_previous(&staging.keep())),
        Err(e) if e.raw_os_error() == Some(rustix::io::Errno::INVAL.raw_os_error()) => {}
        Err(e) => return Err(moved_in(e)),
    }
    let aside = tempfile::Builder::new()
        .prefix(ASIDE_PREFIX)
        .tempdir_in(parent)
        .map_err(|e| Error::io(format!("cannot create a folder in {}", parent.display()), e))?
        .keep();
    // The folder only reserves a unique name; it is removed so the rename can take it.
    if let Err(e) = std::fs::remove_dir(&aside).and_then(|_| std::fs::rename(out, &aside)) {
        return Err(Error::io(
            format!("cannot move the previous build {} aside", out.display()),
            e,
        ));
    }
    if let Err(e) = std::fs::rename(&staging.path, out) {
        let _ = std::fs::rename(&aside, out);
        return Err(moved_in(e));
    }
    staging.keep();
    Ok(remove_previous(&aside))
}

#[cfg(target_os = "linux")]
fn exchange(a: &Path, b: &Path) -> std::io::Result<()> {
    use rustix::fs::{CWD, RenameFlags, renameat_with};
    renameat_with(CWD, a, CWD, b, RenameFlags::EXCHANGE).map_err(std::io::Error::from)
}

fn remove_previous(old: &Path) -> Option<String> {
    remove_ours(old).err().map(|e| {
        format!(
            "the new site is in place, but the previous build could not be deleted from {} ({e}); delete it by hand",
            old.display()
        )
    })
}
