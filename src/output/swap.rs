//! The swap: the finished staging folder put in the output's place in one step, and
//! the previous output deleted after.

use std::path::Path;

use super::folders::{ASIDE_PREFIX, own_prefix, remove_ours};
use super::pause::{Pause, Phase};
use super::place;
use super::staging::{Staging, cannot_create_in};
use crate::base::{Error, Message};
use crate::msg;

/// Moves the finished build into place.
///
/// On Linux the two folders are exchanged in one step, so there is no moment without
/// a complete output. Elsewhere (or on a file system without the exchange) the old
/// output is first moved aside, not deleted, so it can be put back if the second
/// rename fails.
pub fn swap_in(
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
