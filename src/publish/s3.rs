//! An `s3` target (being written on its own branch).

use super::{Changes, Host, Staged};
use crate::base::Error;
use crate::model::config::Target;

/// A bucket of an S3-compatible object store.
pub struct S3Host;

impl S3Host {
    /// The host of `target`.
    pub fn new(_target: &Target) -> S3Host {
        S3Host
    }
}

impl Host for S3Host {
    fn send(&self, _staged: &Staged) -> Result<Changes, Error> {
        unimplemented!("s3 target: in progress")
    }
}
