//! Writing the built site: the only module that writes to the output folder.
//!
//! The site is written into a fresh folder beside the output, then swapped in. A
//! build that fails at any point before the swap leaves the previous output exactly
//! as it was; readers of a static host never see half a site.

use std::ops::Range;
use std::path::{Path, PathBuf};
use std::sync::Mutex;

use rayon::prelude::*;

use crate::base::{Error, Message};
use crate::msg;
use crate::render::{Body, OutputFile};
use folders::{is_marked, remove_abandoned};
use pause::{Pause, Phase};
use staging::{Staging, cannot_create, claim_staging, parent_of};

mod folders;
mod made;
mod pause;
mod place;
mod staging;
mod swap;

pub use folders::MARKER;
pub use made::previous_pdfs;
pub use pause::PAUSE_VAR;
pub use place::refuse_inputs;
pub use staging::staging_beside;

/// The new content of an output folder being written: a staging folder beside it,
/// claimed, that files are written into one by one (from any thread) and that
/// [`Writer::finish`] swaps in at once. Dropped unfinished, it is deleted, and the
/// output is as it was.
pub struct Writer {
    /// The real output folder, links followed ([`place::resolve`]).
    out: PathBuf,
    /// The folder `out` and the staging folder are in.
    parent: PathBuf,
    staging: Staging,
    /// The staging folder's marker, locked until the swap is done, so that no other
    /// build takes the staging folder for a dead one's.
    claim: std::fs::File,
    pause: Pause,
    /// The marker's line of each PDF written, by path.
    pdfs: Mutex<Vec<(String, String)>>,
}

impl Writer {
    /// Starts the new content of `out`. Where `out` is a symbolic link, the folder it
    /// leads to is the one replaced, and the link kept ([`place::resolve`]). Refuses
    /// a folder crisis-site did not write; deletes what killed builds left beside
    /// `out`, then claims a staging folder of its own.
    pub fn open(out: &Path) -> Result<Writer, Error> {
        let pause = Pause::from_env()?;
        let given = out;
        let out = place::resolve(given)?;
        // A folder crisis-site did not write is named as given, unless that is a link.
        let shown = if place::is_link(given) { &out } else { given };
        check_replaceable(&out, shown)?;
        pause.reached(Phase::Cleanup);
        // Before claiming a folder of its own, so that a build killed at any point
        // leaves at most one folder behind.
        remove_abandoned(&parent_of(&out), &out);
        let (staging, parent, claim) = claim_staging(&out)?;
        pause.reached(Phase::Claimed);
        Ok(Writer {
            out,
            parent,
            staging,
            claim,
            pause,
            pdfs: Mutex::new(Vec::new()),
        })
    }

    /// `0..len` in the two parts a build writes with [`Writer::halfway`] between
    /// them: where the crash-safety tests stop a build part-way ([`Phase::Writing`]),
    /// the first half; else everything, then nothing.
    pub fn halves(&self, len: usize) -> [Range<usize>; 2] {
        let half = self.pause.before(Phase::Writing, len);
        [0..half, half..len]
    }

    /// Between the two [`Writer::halves`]: where the crash-safety tests stop a build.
    pub fn halfway(&self) {
        self.pause.reached(Phase::Writing);
    }

    /// Writes `file` into the staging folder, with the folders it is in.
    pub fn write(&self, file: &OutputFile) -> Result<(), Error> {
        let target = self.staging.path.join(&file.path);
        if let Some(folder) = target.parent() {
            std::fs::create_dir_all(folder).map_err(|e| Error::io(cannot_create(folder), e))?;
        }
        match &file.body {
            Body::Text(text) => write_bytes(&target, text.as_bytes()),
            Body::BuiltIn { text, .. } => write_bytes(&target, text.as_bytes()),
            Body::Pdf(pdf) => {
                write_bytes(&target, &pdf.bytes)?;
                let line = made::line(&file.path, pdf);
                let mut pdfs = self.pdfs.lock().unwrap_or_else(|e| e.into_inner());
                pdfs.push((file.path.clone(), line));
                Ok(())
            }
            Body::Copy { source, .. } => copy_regular(source, &target).map_err(|e| {
                let (source, target) = (source.display().to_string(), target.display().to_string());
                Error::io(msg!("output-cannot-copy", source, target), e)
            }),
        }
    }

    /// Puts the written files in the output's place at once, once the marker records
    /// the PDFs. Returns a warning when the new site is in place but the previous
    /// build could not be deleted afterwards: the build succeeded, and nothing was
    /// lost.
    pub fn finish(self) -> Result<Option<Message>, Error> {
        let mut pdfs = self.pdfs.into_inner().unwrap_or_else(|e| e.into_inner());
        pdfs.sort();
        made::record(
            &self.claim,
            pdfs.iter().map(|(_, line)| line.as_str()),
            &self.staging.path,
        )?;
        self.pause.reached(Phase::Written);
        let swapped = swap::swap_in(self.staging, &self.out, &self.parent, self.pause);
        drop(self.claim);
        swapped
    }
}

/// Writes `files` as the new content of `out`, replacing what was there at once
/// ([`Writer`]).
pub fn write(files: &[OutputFile], out: &Path) -> Result<Option<Message>, Error> {
    let writer = Writer::open(out)?;
    let [first, rest] = writer.halves(files.len());
    files[first].par_iter().try_for_each(|f| writer.write(f))?;
    writer.halfway();
    files[rest].par_iter().try_for_each(|f| writer.write(f))?;
    writer.finish()
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

/// Copies the regular file at `source` to `target`, never through a link: the file
/// was found a regular file when the site was loaded, and one swapped for a link
/// since is not followed.
fn copy_regular(source: &Path, target: &Path) -> std::io::Result<()> {
    let mut from = crate::load::regular::open(source)?;
    let mut to = std::fs::File::create(target)?;
    std::io::copy(&mut from, &mut to).map(|_| ())
}

/// Writes a made file's bytes at `target`.
fn write_bytes(target: &Path, text: &[u8]) -> Result<(), Error> {
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
