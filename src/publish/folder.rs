//! A `folder` target: a local or mounted folder, replaced as a whole as `build`
//! replaces its output (`output::write`), so readers never see half an update.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use sha2::{Digest, Sha256};

use super::{Changes, Host, Staged};
use crate::base::Error;
use crate::base::text::hex;
use crate::{msg, output};

/// A folder the site is published into.
pub struct FolderHost {
    path: PathBuf,
    root: PathBuf,
}

impl FolderHost {
    /// The folder at `path`, for the site in `root`.
    pub fn new(path: PathBuf, root: &Path) -> FolderHost {
        FolderHost {
            path,
            root: root.to_path_buf(),
        }
    }

    /// Every file the folder holds, with its SHA-256; none when it does not exist.
    fn held(&self) -> Result<BTreeMap<String, String>, Error> {
        let mut held = BTreeMap::new();
        if !self.path.exists() {
            return Ok(held);
        }
        for entry in walkdir::WalkDir::new(&self.path).follow_links(false) {
            let entry = entry.map_err(|e| {
                let path = e.path().unwrap_or(&self.path).display().to_string();
                Error::io(msg!("publish-read-failed", path), e.into())
            })?;
            if !entry.file_type().is_file() {
                continue;
            }
            let relative = entry
                .path()
                .strip_prefix(&self.path)
                .expect("walkdir yields paths inside its root");
            let relative = crate::base::text::slash_separated(relative);
            if relative == output::MARKER {
                continue;
            }
            let bytes = std::fs::read(entry.path()).map_err(|e| {
                Error::io(
                    msg!(
                        "publish-read-failed",
                        path = entry.path().display().to_string()
                    ),
                    e,
                )
            })?;
            held.insert(relative, hex(&Sha256::digest(&bytes)));
        }
        Ok(held)
    }
}

impl Host for FolderHost {
    fn send(&self, staged: &Staged) -> Result<Changes, Error> {
        output::refuse_inputs(&self.path, &self.root)?;
        let held = self.held()?;
        let changes = Changes::between(&held, staged, |i| Ok(staged.entries[i].sha256.clone()))?;
        if !changes.is_empty() {
            // The folder is replaced in one step, so the order of files is moot here.
            output::write(staged.files, &self.path)?;
        }
        Ok(changes)
    }
}
