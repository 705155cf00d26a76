//! A lock file two runs of one command take turns on (two people numbering a new
//! announcement, a watch and a colleague publishing): the second waits until the
//! first lets go. The file stays where it is: deleting it would let a run that
//! opened it before the deletion and one that creates it anew both hold "the" lock.

use std::fs::{File, OpenOptions, TryLockError};
use std::path::Path;

use crate::base::Error;

/// A lock, held until dropped.
pub struct Turn {
    _file: File,
}

impl Turn {
    /// Takes the lock of the file at `path` (created empty if missing), calling
    /// `waiting` first if another run holds it. `cannot_open` and `cannot_lock` say
    /// what failed, naming the file as the caller shows it.
    pub fn take(
        path: &Path,
        waiting: impl FnOnce(),
        cannot_open: impl FnOnce(std::io::Error) -> Error,
        cannot_lock: impl FnOnce(std::io::Error) -> Error,
    ) -> Result<Turn, Error> {
        let file = OpenOptions::new()
            .read(true)
            .write(true)
            .create(true)
            .truncate(false)
            .open(path)
            .map_err(cannot_open)?;
        match file.try_lock() {
            Ok(()) => {}
            Err(TryLockError::WouldBlock) => {
                waiting();
                file.lock().map_err(cannot_lock)?;
            }
            Err(TryLockError::Error(e)) => return Err(cannot_lock(e)),
        }
        Ok(Turn { _file: file })
    }
}
