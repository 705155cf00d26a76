//! A `git` target (being written on its own branch).

use std::path::Path;

use super::{Changes, Host, Staged};
use crate::base::Error;
use crate::model::config::Target;

/// A branch of a git repository.
pub struct GitHost;

impl GitHost {
    /// The host of `target`, for the site in `root`.
    pub fn new(_target: &Target, _repository: &str, _branch: &str, _root: &Path) -> GitHost {
        GitHost
    }
}

impl Host for GitHost {
    fn send(&self, _staged: &Staged) -> Result<Changes, Error> {
        unimplemented!("git target: in progress")
    }
}
