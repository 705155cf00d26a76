//! The texts of site.toml and the content files a site was loaded from, by the path problems name
//! them with: what the pre-publication review reads lines of, so that it never reads
//! the disk again (and reads exactly what was built).

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::Arc;

/// The texts of site.toml and the content files, by path relative to the site root. A hash map: paths are
/// compared component by component, which makes an ordered map of thousands of them
/// a cost of its own, and nothing needs them in order.
#[derive(Debug, Clone, Default)]
pub struct Sources(HashMap<PathBuf, Arc<str>>);

impl Sources {
    /// Keeps the text of the file at `path`.
    pub fn insert(&mut self, path: PathBuf, text: Arc<str>) {
        self.0.insert(path, text);
    }

    /// The text of the file at `path`, if it was read.
    pub fn text(&self, path: &Path) -> Option<&str> {
        self.0.get(path).map(|text| &**text)
    }
}
