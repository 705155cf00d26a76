//! An `rsync` target (being written on its own branch).

use super::{Changes, Host, Staged};
use crate::base::Error;
use crate::model::config::Target;

/// A folder on another machine, through rsync over ssh.
pub struct RsyncHost;

impl RsyncHost {
    /// The host of `target`.
    pub fn new(_target: &Target, _remote: &str, _port: Option<u16>) -> RsyncHost {
        RsyncHost
    }
}

impl Host for RsyncHost {
    fn send(&self, _staged: &Staged) -> Result<Changes, Error> {
        unimplemented!("rsync target: in progress")
    }
}
