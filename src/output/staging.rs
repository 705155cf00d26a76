//! The staging folder a build writes into, beside the output: claimed with a locked
//! marker before anything else is written, and deleted if the build does not finish.

use std::io::Write as _;
use std::path::{Path, PathBuf};

use super::folders::{MARKER, STAGING_PREFIX, own_prefix, remove_ours};
use super::pause::Pause;
use crate::base::{Error, Message};
use crate::msg;

/// How many times a staging folder is created again when another build's clean-up
/// took it in the instant before it was claimed.
const CLAIM_TRIES: usize = 5;

/// A staging folder being written; deleted when dropped, unless moved into place.
pub struct Staging {
    pub path: PathBuf,
    keep: bool,
}

impl Staging {
    /// The folder, no longer deleted on drop.
    pub fn keep(mut self) -> PathBuf {
        self.keep = true;
        std::mem::take(&mut self.path)
    }
}

impl Drop for Staging {
    fn drop(&mut self) {
        if !self.keep {
            let _ = remove_ours(&self.path, Pause::NEVER);
        }
    }
}

/// Creates a staging folder beside `out` and claims it: the marker is written first
/// and kept locked (`flock`, which the kernel releases when the process dies, even by
/// SIGKILL) until the build ends. A staging folder whose marker nobody holds locked
/// is therefore a dead build's. Returns the folder, its parent and the locked marker.
pub fn claim_staging(out: &Path) -> Result<(Staging, PathBuf, std::fs::File), Error> {
    let mut last = None;
    for _ in 0..CLAIM_TRIES {
        let (dir, parent) = staging_beside(out, &own_prefix(STAGING_PREFIX, out))?;
        let staging = Staging {
            path: dir.keep(),
            keep: false,
        };
        let marker = staging.path.join(MARKER);
        let path = marker.display().to_string();
        let cannot = |e| Error::io(msg!("output-cannot-write", path = path.as_str()), e);
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

/// A fresh folder in the same parent as `target` (created if missing), so that it can
/// be renamed onto `target` in one step; returns it and that parent.
pub fn staging_beside(target: &Path, prefix: &str) -> Result<(tempfile::TempDir, PathBuf), Error> {
    let parent = parent_of(target);
    std::fs::create_dir_all(&parent).map_err(|e| Error::io(cannot_create(&parent), e))?;
    let staging = tempfile::Builder::new()
        .prefix(prefix)
        .tempdir_in(&parent)
        .map_err(|e| Error::io(cannot_create_in(&parent), e))?;
    Ok((staging, parent))
}

pub fn cannot_create(path: &Path) -> Message {
    msg!("output-cannot-create", path = path.display().to_string())
}

pub fn cannot_create_in(folder: &Path) -> Message {
    msg!(
        "output-cannot-create-in",
        folder = folder.display().to_string()
    )
}

/// The folder `target` is in.
pub fn parent_of(target: &Path) -> PathBuf {
    match target.parent() {
        Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
        _ => PathBuf::from("."),
    }
}
