//! Writing the built site: the only module that writes to the output folder.
//!
//! The site is written into a fresh folder beside the output, then swapped in. A
//! build that fails at any point before the swap leaves the previous output exactly
//! as it was; readers of a static host never see half a site.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

use rayon::prelude::*;

use crate::error::Error;
use crate::render::{Content, OutputFile};

/// A file crisis-site puts in every output folder, so that it only ever replaces
/// folders it wrote itself.
pub const MARKER: &str = ".crisis-site-output";

/// Writes `files` as the new content of `out`, replacing what was there at once.
///
/// Returns a warning when the new site is in place but the previous build could not
/// be deleted afterwards: the build succeeded, and nothing was lost.
pub fn write(files: &[OutputFile], out: &Path) -> Result<Option<String>, Error> {
    check_replaceable(out)?;
    let (staging, parent) = staging_beside(out, ".crisis-site-new-")?;

    write_all(files, staging.path())?;
    let marker = staging.path().join(MARKER);
    std::fs::write(
        &marker,
        "written by crisis-site; the next build replaces this folder\n",
    )
    .map_err(|e| Error::io(format!("cannot write {}", marker.display()), e))?;

    swap_in(staging, out, &parent)
}

/// A fresh folder in the same parent as `target` (created if missing), so that it can
/// be renamed onto `target` in one step; returns it and that parent.
pub fn staging_beside(target: &Path, prefix: &str) -> Result<(tempfile::TempDir, PathBuf), Error> {
    let parent = match target.parent() {
        Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
        _ => PathBuf::from("."),
    };
    std::fs::create_dir_all(&parent)
        .map_err(|e| Error::io(format!("cannot create {}", parent.display()), e))?;
    let staging = tempfile::Builder::new()
        .prefix(prefix)
        .tempdir_in(&parent)
        .map_err(|e| Error::io(format!("cannot create a folder in {}", parent.display()), e))?;
    Ok((staging, parent))
}

/// Whether the folder `path` holds nothing at all.
pub fn is_empty_folder(path: &Path) -> Result<bool, Error> {
    let mut entries = std::fs::read_dir(path)
        .map_err(|e| Error::io(format!("cannot read {}", path.display()), e))?;
    Ok(entries.next().is_none())
}

fn check_replaceable(out: &Path) -> Result<(), Error> {
    match std::fs::metadata(out) {
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(()),
        Err(e) => Err(Error::io(format!("cannot inspect {}", out.display()), e)),
        Ok(meta) if !meta.is_dir() => Err(Error::ForeignOutput(out.to_path_buf())),
        Ok(_) => {
            if is_empty_folder(out)? || out.join(MARKER).is_file() {
                Ok(())
            } else {
                Err(Error::ForeignOutput(out.to_path_buf()))
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
        match &file.content {
            Content::Text(text) => std::fs::write(&target, text)
                .map_err(|e| Error::io(format!("cannot write {}", target.display()), e)),
            Content::Copy(source) => std::fs::copy(source, &target).map(|_| ()).map_err(|e| {
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
fn swap_in(staging: tempfile::TempDir, out: &Path, parent: &Path) -> Result<Option<String>, Error> {
    // Until the new build is in place, dropping `staging` deletes it.
    let moved_in = |e| Error::io(format!("cannot move the new build to {}", out.display()), e);
    if !out.exists() {
        std::fs::rename(staging.path(), out).map_err(moved_in)?;
        let _ = staging.keep();
        return Ok(None);
    }
    #[cfg(target_os = "linux")]
    match exchange(staging.path(), out) {
        // The staging folder now holds the previous build.
        Ok(()) => return Ok(remove_previous(staging.keep())),
        Err(e) if e.raw_os_error() == Some(rustix::io::Errno::INVAL.raw_os_error()) => {}
        Err(e) => return Err(moved_in(e)),
    }
    let aside = tempfile::Builder::new()
        .prefix(".crisis-site-old-")
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
    if let Err(e) = std::fs::rename(staging.path(), out) {
        let _ = std::fs::rename(&aside, out);
        return Err(moved_in(e));
    }
    let _ = staging.keep();
    Ok(remove_previous(aside))
}

#[cfg(target_os = "linux")]
fn exchange(a: &Path, b: &Path) -> std::io::Result<()> {
    use rustix::fs::{CWD, RenameFlags, renameat_with};
    renameat_with(CWD, a, CWD, b, RenameFlags::EXCHANGE).map_err(std::io::Error::from)
}

fn remove_previous(old: PathBuf) -> Option<String> {
    std::fs::remove_dir_all(&old).err().map(|e| {
        format!(
            "the new site is in place, but the previous build could not be deleted from {} ({e}); delete it by hand",
            old.display()
        )
    })
}
