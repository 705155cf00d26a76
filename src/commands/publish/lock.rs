//! The lock a publish holds from building to logging, so that two publishes of one
//! site at once (a watch and a colleague's one-shot publish) take turns: the second
//! builds only once the first has sent and logged, and neither sends an older site
//! over a newer one (`super::guard::not_older`).

use std::path::Path;

use crate::base::Error;
use crate::commands::turn::Turn;
use crate::msg;

/// The lock file's name, in the site's folder (it stays there: `Turn`).
pub const PUBLISH_LOCK: &str = ".crisis-site-publish.lock";

/// The lock, held until dropped.
pub struct Publishing {
    _turn: Turn,
}

impl Publishing {
    /// Takes the lock of the site at `root`, calling `waiting` first if another
    /// publish holds it.
    pub fn take(root: &Path, waiting: impl FnOnce()) -> Result<Publishing, Error> {
        let path = root.join(PUBLISH_LOCK);
        let cannot = |e| {
            Error::io(
                msg!("publish-cannot-lock", path = path.display().to_string()),
                e,
            )
        };
        let turn = Turn::take(&path, waiting, cannot, cannot)?;
        Ok(Publishing { _turn: turn })
    }
}
