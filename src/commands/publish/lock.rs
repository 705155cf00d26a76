//! The lock a publish holds from building to logging, so that two publishes of one
//! site at once (a watch and a colleague's one-shot publish) take turns: the second
//! builds only once the first has sent and logged, and neither sends an older site
//! over a newer one (`super::guard::not_older`).

use std::fs::{File, OpenOptions, TryLockError};
use std::path::Path;

use crate::base::Error;
use crate::msg;

/// The lock file's name, in the site's folder. It stays there: deleting it would let
/// a run that opened it before the deletion and one that creates it anew both hold
/// "the" lock.
pub const PUBLISH_LOCK: &str = ".crisis-site-publish.lock";

/// The lock, held until dropped.
pub struct Publishing {
    _file: File,
}

impl Publishing {
    /// Takes the lock of the site at `root`, calling `waiting` first if another
    /// publish holds it.
    pub fn take(root: &Path, waiting: impl FnOnce()) -> Result<Publishing, Error> {
        let path = root.join(PUBLISH_LOCK);
        let shown = || path.display().to_string();
        let file = OpenOptions::new()
            .read(true)
            .write(true)
            .create(true)
            .truncate(false)
            .open(&path)
            .map_err(|e| Error::io(msg!("publish-cannot-lock", path = shown()), e))?;
        match file.try_lock() {
            Ok(()) => {}
            Err(TryLockError::WouldBlock) => {
                waiting();
                file.lock()
                    .map_err(|e| Error::io(msg!("publish-cannot-lock", path = shown()), e))?;
            }
            Err(TryLockError::Error(e)) => {
                return Err(Error::io(msg!("publish-cannot-lock", path = shown()), e));
            }
        }
        Ok(Publishing { _file: file })
    }
}
