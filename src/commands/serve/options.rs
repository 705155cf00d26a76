//! How the preview is asked to run.

use std::net::IpAddr;
use std::path::PathBuf;

use crate::base::MessageLang;
use crate::base::time::Moment;

/// How `crisis-site serve` is asked to run.
#[derive(Debug, Clone)]
pub struct ServeOptions {
    /// The site's folder.
    pub root: PathBuf,
    /// The address to listen on; loopback unless the writer says otherwise.
    pub bind: IpAddr,
    /// The port; `None` for 1111 or the next free one.
    pub port: Option<u16>,
    /// Open the preview in the default browser.
    pub open: bool,
    /// A fixed "now", or `None` for the real time at each rebuild. Without an offset
    /// it is read in site.toml's zone at each rebuild, so an edited zone counts.
    pub now: Option<Moment>,
    /// The language of the preview's own words (its overlay, the page shown without a
    /// good build): the run's.
    pub messages: MessageLang,
}

impl ServeOptions {
    /// The moment a rebuild acts in: the fixed "now", or the real time.
    pub fn now(&self) -> Moment {
        self.now
            .unwrap_or_else(|| chrono::Local::now().fixed_offset().into())
    }
}

/// The default port, Zola's, which comms teams' tools are unlikely to use.
pub const DEFAULT_PORT: u16 = 1111;
