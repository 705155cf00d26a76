//! Inputs are regular files inside the site. Everything crisis-site reads below the
//! site's folder is looked at before it is opened, without following a link: a
//! symbolic link is refused wherever it points (naming where), and so is a named
//! pipe, a socket or a device, which would make a build wait or read forever. Files
//! are then opened without following a link and without waiting, and checked again
//! once open, so that one swapped in between is refused too.
//!
//! The site's folder itself may be reached through a link: only what is below it is
//! looked at.

use std::fs::{File, FileType};
use std::io::Read as _;
use std::path::{Path, PathBuf};

use crate::base::{Message, Problem};
use crate::msg;

/// What a path of the site's inputs is, looked at without following a link.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Found {
    /// Nothing is there.
    Missing,
    /// A folder.
    Folder,
    /// A regular file of this many bytes.
    File(u64),
}

/// What is at `absolute` (shown in messages as `shown`), without following a link or
/// opening it; the problem of a link, a pipe, a socket or a device.
pub fn look(absolute: &Path, shown: &Path) -> Result<Found, Problem> {
    match std::fs::symlink_metadata(absolute) {
        Ok(meta) => match refused(meta.file_type(), absolute) {
            Some(message) => Err(Problem::in_file(shown, message)),
            None if meta.is_dir() => Ok(Found::Folder),
            None => Ok(Found::File(meta.len())),
        },
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(Found::Missing),
        Err(e) => Err(unreadable(shown, &e)),
    }
}

/// Why a file of type `kind` at `absolute` is not read, if it is not a folder or a
/// regular file: found by `read_dir` or a walk that follows no link, or by [`look`].
pub fn refused(kind: FileType, absolute: &Path) -> Option<Message> {
    if kind.is_dir() || kind.is_file() {
        return None;
    }
    if kind.is_symlink() {
        let target = std::fs::read_link(absolute)
            .map(|t| t.display().to_string())
            .unwrap_or_default();
        return Some(msg!("load-symlink", target));
    }
    Some(msg!("load-not-regular", kind = special(kind)))
}

/// The name the messages give a file that is neither a folder, a regular file nor a
/// link.
fn special(kind: FileType) -> &'static str {
    #[cfg(unix)]
    {
        use std::os::unix::fs::FileTypeExt as _;
        if kind.is_fifo() {
            return "fifo";
        }
        if kind.is_socket() {
            return "socket";
        }
        if kind.is_char_device() || kind.is_block_device() {
            return "device";
        }
    }
    let _ = kind;
    "other"
}

/// The folder `relative` of the site at `root`: `None` where it is missing or is not
/// a folder, the problem of the first part of its path that is a link or a special
/// file.
pub fn folder(root: &Path, relative: &Path) -> Result<Option<PathBuf>, Problem> {
    let mut absolute = root.to_path_buf();
    let mut shown = PathBuf::new();
    for part in relative.components() {
        absolute.push(part);
        shown.push(part);
        if look(&absolute, &shown)? != Found::Folder {
            return Ok(None);
        }
    }
    Ok(Some(absolute))
}

/// Whether `absolute`, below the site's folder `root`, is still a regular file with
/// no link on its way from `root`: what the preview asks before it serves a file it
/// copies from disk.
pub fn still_regular(root: &Path, absolute: &Path) -> bool {
    let Ok(relative) = absolute.strip_prefix(root) else {
        return false;
    };
    let Some(parent) = relative.parent() else {
        return false;
    };
    matches!(folder(root, parent), Ok(Some(_)))
        && matches!(look(absolute, relative), Ok(Found::File(_)))
}

/// The bytes of the regular file at `absolute`, shown as `shown`: refused before it
/// is opened when it is not one, and again once open.
pub fn read(absolute: &Path, shown: &Path) -> Result<Vec<u8>, Problem> {
    if let Found::Missing = look(absolute, shown)? {
        let e = std::io::Error::from(std::io::ErrorKind::NotFound);
        return Err(unreadable(shown, &e));
    }
    let mut file = open(absolute).map_err(|e| match e.kind() {
        std::io::ErrorKind::InvalidInput => {
            Problem::in_file(shown, msg!("load-not-regular", kind = "other"))
        }
        _ => unreadable(shown, &e),
    })?;
    let mut bytes = Vec::new();
    file.read_to_end(&mut bytes)
        .map_err(|e| unreadable(shown, &e))?;
    Ok(bytes)
}

/// The text of the regular file at `absolute`, for the theme's readers (which name
/// the file themselves): opened as [`open`] does.
pub fn read_to_string(absolute: &Path) -> std::io::Result<String> {
    let mut text = String::new();
    open(absolute)?.read_to_string(&mut text)?;
    Ok(text)
}

/// Opens `absolute` for reading without following a link at its end and without
/// waiting for a writer (a named pipe), then checks that what is open is a regular
/// file (`InvalidInput` if not).
pub fn open(absolute: &Path) -> std::io::Result<File> {
    let mut options = std::fs::OpenOptions::new();
    options.read(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt as _;
        options.custom_flags(libc::O_NOFOLLOW | libc::O_NONBLOCK);
    }
    let file = options.open(absolute)?;
    if !file.metadata()?.is_file() {
        return Err(std::io::ErrorKind::InvalidInput.into());
    }
    Ok(file)
}

fn unreadable(shown: &Path, e: &std::io::Error) -> Problem {
    Problem::in_file(shown, msg!("load-unreadable", cause = e.to_string()))
}
