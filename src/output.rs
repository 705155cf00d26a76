//! Writing the built site: the only module that writes to the output folder.
//!
//! The site is written into a fresh folder beside the output, then swapped in. A
//! build that fails at any point before the swap leaves the previous output exactly
//! as it was; readers of a static host never see half a site.

use std::collections::BTreeSet;
use std::io::Write as _;
use std::path::{Path, PathBuf};

use rayon::prelude::*;

use crate::error::{Error, Problem};
use crate::render::{Content, OutputFile};

/// A file crisis-site puts in every output folder, so that it only ever replaces
/// folders it wrote itself.
pub const MARKER: &str = ".crisis-site-output";

/// Writes `files` as the new content of `out`, replacing what was there at once.
///
/// First it deletes what killed builds left beside `out`.
/// Returns a warning when the new site is in place but the previous build could not
/// be deleted afterwards: the build succeeded, and nothing was lost.
pub fn write(files: &[OutputFile], out: &Path) -> Result<Option<String>, Error> {
    let pause = Pause::from_env()?;
    check_replaceable(out)?;
    pause.reached(Phase::Cleanup);
    // Before claiming a folder of its own, so that a build killed at any point
    // leaves at most one folder behind.
    remove_abandoned(&parent_of(out), out);
    let (staging, parent, _claim) = claim_staging(out)?;
    pause.reached(Phase::Claimed);
    write_all(files, &staging.path, pause)?;
    pause.reached(Phase::Written);
    // `_claim` stays locked until the swap is done, so no other build takes the
    // staging folder for a dead one's.
    swap_in(staging, out, &parent, pause)
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

/// Deletes a folder crisis-site wrote, its marker last: a deletion cut short (a
/// killed build) leaves a folder that is still recognisably crisis-site's, for the
/// next build to finish. A folder already gone is fine. `pause` may stop it half-way
/// through the entries ([`Phase::Deleting`]).
fn remove_ours(dir: &Path, pause: Pause) -> std::io::Result<()> {
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

/// Writes `files` into `dir`; `pause` may stop it after the first half
/// ([`Phase::Writing`]).
fn write_all(files: &[OutputFile], dir: &Path, pause: Pause) -> Result<(), Error> {
    let folders: BTreeSet<PathBuf> = files
        .iter()
        .filter_map(|f| Path::new(&f.path).parent().map(Path::to_path_buf))
        .collect();
    for folder in folders {
        let folder = dir.join(folder);
        std::fs::create_dir_all(&folder)
            .map_err(|e| Error::io(format!("cannot create {}", folder.display()), e))?;
    }
    let (first, rest) = files.split_at(pause.before(Phase::Writing, files.len()));
    write_files(first, dir)?;
    pause.reached(Phase::Writing);
    write_files(rest, dir)
}

fn write_files(files: &[OutputFile], dir: &Path) -> Result<(), Error> {
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
fn swap_in(
    staging: Staging,
    out: &Path,
    parent: &Path,
    pause: Pause,
) -> Result<Option<String>, Error> {
    // Until the new build is in place, dropping `staging` deletes it.
    let moved_in = |e| Error::io(format!("cannot move the new build to {}", out.display()), e);
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
    pause.reached(Phase::Swapped);
    Ok(remove_previous(&aside, pause))
}

#[cfg(target_os = "linux")]
fn exchange(a: &Path, b: &Path) -> std::io::Result<()> {
    use rustix::fs::{CWD, RenameFlags, renameat_with};
    renameat_with(CWD, a, CWD, b, RenameFlags::EXCHANGE).map_err(std::io::Error::from)
}

fn remove_previous(old: &Path, pause: Pause) -> Option<String> {
    remove_ours(old, pause).err().map(|e| {
        format!(
            "the new site is in place, but the previous build could not be deleted from {} ({e}); delete it by hand",
            old.display()
        )
    })
}

/// The environment variable that makes [`write`] stop at one of its phases, for the
/// crash-safety tests (`tests/crash_safety.rs`), which kill the build there and check
/// exactly what it left. Not for anything else.
///
/// Its value names the phase: `cleanup` (the output was found replaceable, killed
/// builds' folders are not yet deleted), `claimed` (the staging folder holds only the
/// locked marker), `writing` (half of the files are written into it), `written` (all
/// of them; the swap has not happened), `swapped` (the new output is in place, the
/// previous one not yet deleted) and `deleting` (half of the previous output's
/// top-level entries are deleted; a first build, with nothing to delete, never gets
/// there). A build that reaches it prints `crisis-site: paused at PHASE` on stderr and
/// blocks until it is killed. Any other value refuses the build before anything is
/// touched, so that a misspelt phase never silently runs to the end. It is read once
/// per [`write`]; unset, that look-up is all it costs.
pub const PAUSE_VAR: &str = "CRISIS_SITE_PAUSE_AT";

/// The steps of [`write`] between which a killed build leaves something different
/// behind, as [`PAUSE_VAR`] names them.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Phase {
    /// The output was found replaceable; killed builds' folders not yet deleted.
    Cleanup,
    /// The staging folder is claimed: it holds the locked marker, nothing else.
    Claimed,
    /// The first half of the files are written into the staging folder.
    Writing,
    /// Every file is written; the swap has not happened.
    Written,
    /// The new output is in place; the previous one not yet deleted (after a first
    /// build there is none, and nothing is left to do).
    Swapped,
    /// Half of the previous output's top-level entries are deleted. Not reached by a
    /// first build.
    Deleting,
}

impl Phase {
    const ALL: [Phase; 6] = [
        Phase::Cleanup,
        Phase::Claimed,
        Phase::Writing,
        Phase::Written,
        Phase::Swapped,
        Phase::Deleting,
    ];

    fn name(self) -> &'static str {
        match self {
            Phase::Cleanup => "cleanup",
            Phase::Claimed => "claimed",
            Phase::Writing => "writing",
            Phase::Written => "written",
            Phase::Swapped => "swapped",
            Phase::Deleting => "deleting",
        }
    }
}

/// Where one [`write`] is to stop ([`PAUSE_VAR`]); nowhere in every real build.
#[derive(Clone, Copy)]
struct Pause(Option<Phase>);

impl Pause {
    /// Never stops: for the deletions that are not the previous output's.
    const NEVER: Pause = Pause(None);

    fn from_env() -> Result<Pause, Error> {
        let Some(value) = std::env::var_os(PAUSE_VAR) else {
            return Ok(Pause::NEVER);
        };
        let value = value.to_string_lossy();
        match Phase::ALL.into_iter().find(|p| p.name() == value) {
            Some(phase) => Ok(Pause(Some(phase))),
            None => Err(Error::Invalid(vec![Problem::in_file(
                PAUSE_VAR,
                format!(
                    "unknown phase `{value}`; expected one of {}",
                    Phase::ALL.map(|p| format!("`{}`", p.name())).join(", ")
                ),
            )])),
        }
    }

    /// How many of `len` items to handle before the step `phase` stops part-way:
    /// half when this pause is there, else all of them.
    fn before(self, phase: Phase, len: usize) -> usize {
        if self.0 == Some(phase) { len / 2 } else { len }
    }

    /// At `phase`, says so on stderr and blocks until the process is killed.
    fn reached(self, phase: Phase) {
        if self.0 == Some(phase) {
            eprintln!("crisis-site: paused at {}", phase.name());
            loop {
                std::thread::park();
            }
        }
    }
}
