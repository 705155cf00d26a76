//! How the preview is asked to run.

use std::net::{IpAddr, Ipv4Addr, Ipv6Addr, SocketAddr};
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

/// Where the preview listens, once it does: what the terminal says of it.
#[derive(Debug, Clone)]
pub struct Listening {
    /// The address and port listened on.
    pub address: SocketAddr,
    /// The address to open, and the one the preview's absolute links name: the one
    /// listened on, except for "every address" (`0.0.0.0`, `::`), which no browser
    /// can open: there, this machine's loopback address.
    pub url: String,
}

impl Listening {
    /// The preview listening on `address`.
    pub fn at(address: SocketAddr) -> Listening {
        let shown = match address.ip() {
            IpAddr::V4(ip) if ip.is_unspecified() => {
                SocketAddr::new(Ipv4Addr::LOCALHOST.into(), address.port())
            }
            IpAddr::V6(ip) if ip.is_unspecified() => {
                SocketAddr::new(Ipv6Addr::LOCALHOST.into(), address.port())
            }
            _ => address,
        };
        Listening {
            address,
            url: format!("http://{shown}/"),
        }
    }

    /// Whether machines other than this one can reach the preview (and read drafts
    /// and embargoed statements): it listens on an address that is not loopback.
    pub fn exposed(&self) -> bool {
        !self.address.ip().is_loopback()
    }

    /// Whether it listens on every address of this machine.
    pub fn everywhere(&self) -> bool {
        self.address.ip().is_unspecified()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_url_printed_is_one_a_browser_can_open() {
        let at = |a: &str| Listening::at(a.parse().unwrap());
        let loopback = at("127.0.0.1:1111");
        assert_eq!(loopback.url, "http://127.0.0.1:1111/");
        assert!(!loopback.exposed() && !loopback.everywhere());
        assert!(!at("127.0.0.2:1111").exposed());
        let lan = at("192.168.1.5:1111");
        assert_eq!(lan.url, "http://192.168.1.5:1111/");
        assert!(lan.exposed() && !lan.everywhere());
        let everywhere = at("0.0.0.0:1111");
        assert_eq!(everywhere.url, "http://127.0.0.1:1111/");
        assert!(everywhere.exposed() && everywhere.everywhere());
        let everywhere6 = at("[::]:1111");
        assert_eq!(everywhere6.url, "http://[::1]:1111/");
        assert!(everywhere6.exposed() && everywhere6.everywhere());
        assert_eq!(at("[fe80::1]:1111").url, "http://[fe80::1]:1111/");
    }
}
