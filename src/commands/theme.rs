//! `crisis-site theme export DIR`: the built-in theme's files written out, for a team
//! to read and to copy the few it changes into its site (`templates/`, `static/`,
//! `i18n/`, or `themes/NAME/`). Every file not copied keeps coming from the tool, with
//! its fixes.

use std::collections::BTreeSet;
use std::io::Write as _;
use std::path::{Path, PathBuf};

use crate::base::{Error, Problem};
use crate::msg;
use crate::theme::builtin;

/// Writes every file of the built-in theme into `dir` (created if missing), at its
/// path in a theme folder (`templates/home.html`, `static/style.css`,
/// `i18n/ja.toml`); returns the files written, relative to `dir`.
///
/// Nothing is overwritten: if any of them is there already (or a file stands where
/// one of their folders would be), each is named and nothing is written.
pub fn export(dir: &Path) -> Result<Vec<PathBuf>, Error> {
    if dir.exists() && !dir.is_dir() {
        return Err(Error::Invalid(vec![Problem::in_file(
            dir,
            msg!("commands-export-not-a-folder"),
        )]));
    }
    let in_the_way = in_the_way(dir);
    if !in_the_way.is_empty() {
        let problems = in_the_way
            .into_iter()
            .map(|path| Problem::in_file(path, msg!("commands-export-exists")))
            .collect();
        return Err(Error::Invalid(problems));
    }
    let mut written = Vec::new();
    for (path, text) in builtin::FILES {
        let target = dir.join(path);
        if let Some(folder) = target.parent() {
            std::fs::create_dir_all(folder).map_err(|e| {
                let folder = folder.display().to_string();
                Error::io(msg!("commands-export-cannot-create", folder), e)
            })?;
        }
        // `create_new`: a file that appeared since the check is not overwritten either.
        std::fs::OpenOptions::new()
            .write(true)
            .create_new(true)
            .open(&target)
            .and_then(|mut f| f.write_all(text.as_bytes()))
            .map_err(|e| {
                let file = target.display().to_string();
                Error::io(msg!("commands-export-cannot-write", file), e)
            })?;
        written.push(PathBuf::from(path));
    }
    Ok(written)
}

/// What is in the way of the built-in theme's files under `dir`: a file (or folder,
/// or link) at one of their paths, or something other than a folder where one of
/// their folders goes. Sorted, each once.
fn in_the_way(dir: &Path) -> BTreeSet<PathBuf> {
    let mut found = BTreeSet::new();
    for (path, _) in builtin::FILES {
        let mut at = dir.to_path_buf();
        let parts: Vec<&str> = path.split('/').collect();
        for (i, part) in parts.iter().enumerate() {
            at.push(part);
            let Ok(meta) = std::fs::symlink_metadata(&at) else {
                break;
            };
            let last = i + 1 == parts.len();
            if last || !meta.is_dir() {
                found.insert(at.clone());
                break;
            }
        }
    }
    found
}
