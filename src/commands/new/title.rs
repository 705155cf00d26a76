//! What a title `new` writes into front matter may be: one line with something on it.

use crate::base::{Error, Problem};
use crate::msg;

/// Where a problem of the title points: the command's argument, as `--help` names it.
const TITLE: &str = "TITLE";

/// Refuses a title that is empty or only spaces (full-width ones too), or that runs
/// over more than one line, a `+++` line above all, which would end the front matter
/// in a reader's eyes and an editor's.
pub fn check(title: &str) -> Result<(), Error> {
    let message = if title.trim().is_empty() {
        msg!("commands-new-title-empty")
    } else if title.lines().any(|line| line.trim() == "+++") {
        msg!("commands-new-title-front-matter")
    } else if title.contains(['\n', '\r']) {
        msg!("commands-new-title-lines")
    } else {
        return Ok(());
    };
    Err(Error::Invalid(vec![Problem::in_file(TITLE, message)]))
}
