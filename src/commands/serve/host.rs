//! Which `Host` the preview answers: only names of the address it listens on, so that
//! a page elsewhere on the web cannot read drafts through DNS rebinding (its own name
//! made to resolve to this machine). Every other request gets 421 ([`super::misdirected`]).

use std::net::{IpAddr, Ipv4Addr, Ipv6Addr, SocketAddr};

/// The `Host` values the preview answers to, at the address it listens on.
#[derive(Debug, Clone)]
pub struct Hosts {
    port: u16,
    bind: IpAddr,
}

impl Hosts {
    /// The names of `address`: the loopback names (`127.0.0.1`, `localhost`, `[::1]`)
    /// always; the bound address when it is one; with an unspecified one (`0.0.0.0`,
    /// `::`), any address written as numbers, since a name made to resolve here is
    /// what DNS rebinding uses and a numeric address cannot be one. The port must be
    /// the one listened on.
    pub fn of(address: SocketAddr) -> Hosts {
        Hosts {
            port: address.port(),
            bind: address.ip(),
        }
    }

    /// Whether a request naming `authority` (a `Host` value, `name[:port]`) is answered.
    pub fn allows(&self, authority: &str) -> bool {
        let Ok(authority) = authority.parse::<axum::http::uri::Authority>() else {
            return false;
        };
        if authority.port_u16().unwrap_or(80) != self.port {
            return false;
        }
        let host = authority.host();
        if host.eq_ignore_ascii_case("localhost") {
            return true;
        }
        let Ok(ip) = host.trim_start_matches('[').trim_end_matches(']').parse() else {
            return false;
        };
        // An IPv6 address only in brackets, as a URL writes it.
        if matches!(ip, IpAddr::V6(_)) && !host.starts_with('[') {
            return false;
        }
        let loopback =
            ip == IpAddr::from(Ipv4Addr::LOCALHOST) || ip == IpAddr::from(Ipv6Addr::LOCALHOST);
        loopback || ip == self.bind || self.bind.is_unspecified()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_names_of_the_address_listened_on_are_answered() {
        let loopback = Hosts::of("127.0.0.1:1111".parse().unwrap());
        for ok in [
            "127.0.0.1:1111",
            "localhost:1111",
            "LOCALHOST:1111",
            "[::1]:1111",
        ] {
            assert!(loopback.allows(ok), "{ok}");
        }
        for refused in [
            "evil.example:1111",
            "localhost",
            "127.0.0.1",
            "localhost:2222",
            "127.0.0.1:1111.evil.example",
            "192.168.1.5:1111",
            "::1:1111",
            "localhost.evil.example:1111",
            "",
            "../../",
        ] {
            assert!(!loopback.allows(refused), "{refused}");
        }
        let lan = Hosts::of("192.168.1.5:1111".parse().unwrap());
        assert!(lan.allows("192.168.1.5:1111"));
        assert!(lan.allows("localhost:1111"));
        assert!(!lan.allows("192.168.1.6:1111"));
        assert!(!lan.allows("myhost.local:1111"));
        let everywhere = Hosts::of("0.0.0.0:1111".parse().unwrap());
        assert!(everywhere.allows("192.168.1.6:1111"));
        assert!(everywhere.allows("[fe80::1]:1111"));
        assert!(!everywhere.allows("evil.example:1111"));
        assert!(!everywhere.allows("192.168.1.6:2222"));
        let port80 = Hosts::of("127.0.0.1:80".parse().unwrap());
        assert!(port80.allows("localhost"));
    }
}
