//! The lock `new` holds while it numbers and creates an announcement, so that two
//! runs at once (two people, two terminals) never give one number twice: the second
//! reads the numbers only once the first has written its file.

use std::path::Path;

use crate::base::Error;
use crate::commands::turn::Turn;
use crate::load::layout::{NEW_LOCK, announcements_dir};
use crate::msg;
use crate::output::PAUSE_VAR;

/// What [`PAUSE_VAR`] names to make `new` stop once it holds the lock and has read
/// the numbers, before it creates its file: `crisis-site: paused at numbered` on
/// stderr, then it waits for its standard input to close. For the test of two runs at
/// once (tests/writing.rs), not for anything else.
pub const NUMBERED: &str = "numbered";

/// The lock, held until dropped.
pub struct Numbering {
    _turn: Turn,
}

impl Numbering {
    /// Takes the lock of the site at `root` (`content/announcements/.crisis-site-new.lock`,
    /// created empty if missing), calling `waiting` first if another run holds it.
    pub fn take(root: &Path, waiting: impl FnOnce()) -> Result<Numbering, Error> {
        let folder = root.join(announcements_dir());
        let path = announcements_dir().join(NEW_LOCK);
        let shown = path.display().to_string();
        std::fs::create_dir_all(&folder).map_err(|e| {
            let path = announcements_dir().display().to_string();
            Error::io(msg!("commands-cannot-create", path), e)
        })?;
        let turn = Turn::take(
            &root.join(&path),
            waiting,
            |e| Error::io(msg!("commands-cannot-create", path = shown.clone()), e),
            |e| Error::io(msg!("commands-new-cannot-lock", path = shown.clone()), e),
        )?;
        Ok(Numbering { _turn: turn })
    }
}

/// Stops here when [`PAUSE_VAR`] is [`NUMBERED`], until standard input closes.
pub fn pause_if_asked() {
    if std::env::var_os(PAUSE_VAR).is_some_and(|v| v == NUMBERED) {
        eprintln!("crisis-site: paused at {NUMBERED}");
        let _ = std::io::copy(&mut std::io::stdin(), &mut std::io::sink());
    }
}
