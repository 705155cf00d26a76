//! Writing the built site: the only module that writes to the output folder.
//!
//! The site is written into a fresh folder beside the output, then swapped in. A
//! build that fails at any point before the swap leaves the previous output exactly
//! as it was; readers of a static host never see half a site.

use std::collections::BTreeSet;
use std::io::Write as _;
use std::path::{Path, PathBuf};

use rayon::prelude::*;

use crate::base::{Error, Message};
use crate::msg;
use crate::render::{Body, OutputFile};
use folders::{ASIDE_PREFIX, STAGING_PREFIX, is_marked, own_prefix, remove_abandoned, remove_ours};
use pause::{Pause, Phase};

mod folders;
mod made;
mod pause;
mod place;

pub use folders::MARKER;
pub use made::previous_pdfs;
pub use pause::PAUSE_VAR;
pub use place::refuse_inputs;

/// Writes `files` as the new content of `out`, replacing what was there at once.
///
/// Where `out` is a symbolic link, the folder it leads to is replaced and the link
/// kept ([`place::resolve`]). First it deletes what killed builds left beside `out`.
/// Returns a warning when the new site is in place but the previous build could not
/// be deleted afterwards: the build succeeded, and nothing was lost.
pub fn write(files: &[OutputFile], out: &Path) -> Result<Option<Message>, Error> {
    let pause = Pause::from_env()?;
    let given = out;
    let out = &place::resolve(given)?;
    // A folder crisis-site did not write is named as given, unless that is a link.
    let shown = if place::is_link(given) { out } else { given };
    check_replaceable(out, shown)?;
    pause.reached(Phase::Cleanup);
    // Before claiming a folder of its own, so that a build killed at any point
    // leaves at most one folder behind.
    remove_abandoned(&parent_of(out), out);
    let (staging, parent, claim) = claim_staging(out)?;
    pause.reached(Phase::Claimed);
    write_all(files, &staging.path, pause)?;
    made::record(&claim, files, &staging.path)?;
    pause.reached(Phase::Written);
    // `claim` stays locked until the swap is done, so no other build takes the
    // staging folder for a dead one's.
    let swapped = swap_in(staging, out, &parent, pause);
    drop(claim);
    swapped
}

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
            let _ = remove_ours(&self.path, Pause::NEVER);
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

fn cannot_create(path: &Path) -> Message {
    msg!("output-cannot-create", path = path.display().to_string())
}

fn cannot_create_in(folder: &Path) -> Message {
    msg!(
        "output-cannot-create-in",
        folder = folder.display().to_string()
    )
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
    let mut entries = std::fs::read_dir(path).map_err(|e| {
        Error::io(
            msg!("output-cannot-read", path = path.display().to_string()),
            e,
        )
    })?;
    Ok(entries.next().is_none())
}

/// The refusal to replace `out`, a folder crisis-site did not write.
fn foreign(out: &Path) -> Error {
    Error::ForeignOutput {
        path: out.to_path_buf(),
        marker: MARKER,
    }
}

/// Refuses `out` (a real path, shown as `shown` where refused as foreign) unless it is
/// missing, an empty folder or a marked one, and a folder that can be replaced.
fn check_replaceable(out: &Path, shown: &Path) -> Result<(), Error> {
    match std::fs::metadata(out) {
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(()),
        Err(e) => Err(Error::io(
            msg!("output-cannot-inspect", path = out.display().to_string()),
            e,
        )),
        Ok(meta) if !meta.is_dir() => Err(foreign(shown)),
        Ok(_) => {
            place::refuse_unswappable(out)?;
            if is_empty_folder(out)? || is_marked(out) {
                Ok(())
            } else {
                Err(foreign(shown))
            }
        }
    }
}

/// Writes `files` into `dir`; `pause` may stop it after the first half
/// ([`Phase::Writing`]).
fn write_all(files: &[OutputFile], dir: &Path, pause: Pause) -> Result<(), Error> {
    let folders: BTreeSet<PathBuf> = files
        .iter()
        .filter_map(|f| Path::new(&f.path).parent().map(Path::to_path_buf))
        .collect();
    for folder in folders {
        let folder = dir.join(folder);
        std::fs::create_dir_all(&folder).map_err(|e| Error::io(cannot_create(&folder), e))?;
    }
    let (first, rest) = files.split_at(pause.before(Phase::Writing, files.len()));
    write_files(first, dir)?;
    pause.reached(Phase::Writing);
    write_files(rest, dir)
}

fn write_files(files: &[OutputFile], dir: &Path) -> Result<(), Error> {
    files.par_iter().try_for_each(|file| {
        let target = dir.join(&file.path);
        match &file.body {
            Body::Text(text) => write_text(&target, text.as_bytes()),
            Body::BuiltIn { text, .. } => write_text(&target, text.as_bytes()),
            Body::Pdf(pdf) => write_text(&target, &pdf.bytes),
            Body::Copy { source, .. } => copy_regular(source, &target).map_err(|e| {
                let (source, target) = (source.display().to_string(), target.display().to_string());
                Error::io(msg!("output-cannot-copy", source, target), e)
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
fn swap_in(
    staging: Staging,
    out: &Path,
    parent: &Path,
    pause: Pause,
) -> Result<Option<Message>, Error> {
    // Until the new build is in place, dropping `staging` deletes it.
    let path = out.display().to_string();
    let moved_in = |e: std::io::Error| {
        if place::is_busy(&e) {
            place::mount_point(out)
        } else {
            Error::io(msg!("output-cannot-move-in", path = path.as_str()), e)
        }
    };
    if !out.exists() {
        std::fs::rename(&staging.path, out).map_err(moved_in)?;
        staging.keep();
        pause.reached(Phase::Swapped);
        return Ok(None);
    }
    #[cfg(target_os = "linux")]
    match exchange(&staging.path, out) {
        // The staging folder now holds the previous build.
        Ok(()) => {
            let previous = staging.keep();
            pause.reached(Phase::Swapped);
            return Ok(remove_previous(&previous, pause));
        }
        Err(e) if e.raw_os_error() == Some(rustix::io::Errno::INVAL.raw_os_error()) => {}
        Err(e) => return Err(moved_in(e)),
    }
    let aside = tempfile::Builder::new()
        .prefix(&own_prefix(ASIDE_PREFIX, out))
        .tempdir_in(parent)
        .map_err(|e| Error::io(cannot_create_in(parent), e))?
        .keep();
    // The folder only reserves a unique name; it is removed so the rename can take it.
    if let Err(e) = std::fs::remove_dir(&aside).and_then(|_| std::fs::rename(out, &aside)) {
        if place::is_busy(&e) {
            return Err(place::mount_point(out));
        }
        return Err(Error::io(msg!("output-cannot-move-aside", path), e));
    }
    if let Err(e) = std::fs::rename(&staging.path, out) {
        let _ = std::fs::rename(&aside, out);
        return Err(moved_in(e));
    }
    staging.keep();
    pause.reached(Phase::Swapped);
    Ok(remove_previous(&aside, pause))
}

#[cfg(target_os = "linux")]
fn exchange(a: &Path, b: &Path) -> std::io::Result<()> {
    use rustix::fs::{CWD, RenameFlags, renameat_with};
    renameat_with(CWD, a, CWD, b, RenameFlags::EXCHANGE).map_err(std::io::Error::from)
}

fn remove_previous(old: &Path, pause: Pause) -> Option<Message> {
    remove_ours(old, pause).err().map(|e| {
        msg!(
            "output-previous-kept",
            path = old.display().to_string(),
            error = e.to_string()
        )
    })
}

/// Copies the regular file at `source` to `target`, never through a link: the file
/// was found a regular file when the site was loaded, and one swapped for a link
/// since is not followed.
fn copy_regular(source: &Path, target: &Path) -> std::io::Result<()> {
    let mut from = crate::load::regular::open(source)?;
    let mut to = std::fs::File::create(target)?;
    std::io::copy(&mut from, &mut to).map(|_| ())
}

/// Writes a made file's bytes at `target`.
fn write_text(target: &Path, text: &[u8]) -> Result<(), Error> {
    std::fs::write(target, text).map_err(|e| {
        let path = target.display().to_string();
        Error::io(msg!("output-cannot-write", path), e)
    })
}

#[cfg(test)]
mod tests {
    use super::copy_regular;

    #[test]
    fn a_copy_never_goes_through_a_link() {
        let dir = tempfile::tempdir().unwrap();
        let (outside, link) = (dir.path().join("outside"), dir.path().join("link"));
        std::fs::write(&outside, "not the site's").unwrap();
        std::os::unix::fs::symlink(&outside, &link).unwrap();
        assert!(copy_regular(&link, &dir.path().join("copied")).is_err());
        copy_regular(&outside, &dir.path().join("copied")).unwrap();
        assert_eq!(
            std::fs::read(dir.path().join("copied")).unwrap(),
            b"not the site's"
        );
    }
}
