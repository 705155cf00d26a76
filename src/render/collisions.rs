//! Two outputs at one path would overwrite each other in whatever order they are
//! written: a static file named `index.html`, or an attachment named like a page.

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use super::file::Origin;
use crate::base::Problem;

/// A problem for every output path taken twice, named by the later of the two.
pub fn check(root: &Path, outputs: &[(&str, Origin)]) -> Result<(), Vec<Problem>> {
    let mut seen: HashMap<&str, Origin> = HashMap::new();
    let mut problems = Vec::new();
    for &(path, origin) in outputs {
        if let Some(first) = seen.insert(path, origin) {
            let file = match origin {
                Origin::Copied(source) => source.strip_prefix(root).unwrap_or(source).to_path_buf(),
                Origin::BuiltIn(theme_path) => PathBuf::from(theme_path),
                Origin::Generated => PathBuf::from(path),
            };
            problems.push(Problem::in_file(
                file,
                crate::msg!("render-collision", path, other = first.describe(root)),
            ));
        }
    }
    if problems.is_empty() {
        Ok(())
    } else {
        Err(problems)
    }
}
