//! Where a link of the built site leads, resolved as a browser would: against the
//! page's address under the site's `base_url` (or a reserved stand-in), and its
//! `<base href>`.

use percent_encoding::percent_decode_str;
use url::Url;

use crate::model::Site;

/// Where the output is taken to live when site.toml has no `base_url`: a reserved
/// name (RFC 2606) that is never fetched, so links from the root (`/x`) resolve as
/// they would with the site at the root of its host.
const NO_BASE: &str = "https://crisis-site.invalid/";

/// Where a link leads.
#[derive(Debug, PartialEq, Eq)]
pub enum LinkTarget {
    /// A scheme that is not the web (`mailto:`, `tel:`, `data:` …): nothing to check.
    Skip,
    /// A web address outside the site.
    External,
    /// An output path, percent-decoded, with the fragment if any.
    Internal {
        path: String,
        fragment: Option<String>,
    },
    /// A relative link with more `..` than the page is deep.
    Outside,
    /// Not a URL at all.
    Invalid,
}

/// The site's address, against which every link of its output is resolved.
pub struct Resolver {
    root: Url,
}

/// The scheme of `href`, if it has one (`mailto:`, `https:` …).
fn scheme_of(href: &str) -> Option<&str> {
    let (scheme, _) = href.split_once(':')?;
    let mut chars = scheme.chars();
    let valid = chars.next().is_some_and(|c| c.is_ascii_alphabetic())
        && chars.all(|c| c.is_ascii_alphanumeric() || matches!(c, '+' | '-' | '.'));
    valid.then_some(scheme)
}

fn decoded(text: &str) -> String {
    percent_decode_str(text).decode_utf8_lossy().into_owned()
}

impl Resolver {
    /// The address of `site`'s output.
    pub fn of(site: &Site) -> Resolver {
        let root = site
            .config
            .base_url
            .as_ref()
            .and_then(|b| Url::parse(b.as_str()).ok())
            .unwrap_or_else(|| Url::parse(NO_BASE).expect("a valid URL"));
        Resolver { root }
    }

    /// The address of the output file at `path`.
    pub fn address(&self, path: &str) -> Url {
        self.root.join(path).unwrap_or_else(|_| self.root.clone())
    }

    /// Where a page is read from: its path under the site's address, or its
    /// `<base href>` (the 404 pages', which are served at any depth).
    pub fn location(&self, path: &str, base: Option<&str>) -> Url {
        let location = self.address(path);
        match base {
            Some(base) => location.join(base).unwrap_or(location),
            None => location,
        }
    }

    /// The path of `url` from the output root, if it is inside the site.
    fn inside(&self, url: &Url) -> Option<String> {
        let same_origin = url.scheme() == self.root.scheme()
            && url.host_str() == self.root.host_str()
            && url.port_or_known_default() == self.root.port_or_known_default();
        if !same_origin {
            return None;
        }
        url.path().strip_prefix(self.root.path()).map(decoded)
    }

    /// Where `href`, read at `location`, leads.
    pub fn resolve(&self, location: &Url, href: &str) -> LinkTarget {
        if href.is_empty() {
            return LinkTarget::Skip;
        }
        if let Some(scheme) = scheme_of(href)
            && !scheme.eq_ignore_ascii_case("http")
            && !scheme.eq_ignore_ascii_case("https")
        {
            return LinkTarget::Skip;
        }
        let Ok(url) = location.join(href) else {
            return LinkTarget::Invalid;
        };
        let relative = scheme_of(href).is_none() && !href.starts_with('/');
        if relative && self.climbs_out(location, href) {
            return LinkTarget::Outside;
        }
        match self.inside(&url) {
            Some(mut path) => {
                // A folder is its index.html, as every static host serves it.
                if path.is_empty() || path.ends_with('/') {
                    path.push_str("index.html");
                }
                LinkTarget::Internal {
                    path,
                    fragment: url.fragment().map(decoded).filter(|f| !f.is_empty()),
                }
            }
            None => LinkTarget::External,
        }
    }

    /// Whether the `..` of a relative link go above the site's root: `Url::join`
    /// stops at the host's root without a word, which would hide the mistake.
    fn climbs_out(&self, location: &Url, href: &str) -> bool {
        let Some(from) = self.inside(location) else {
            return false;
        };
        let mut depth = from.matches('/').count();
        let path = href.split(['?', '#']).next().unwrap_or_default();
        for segment in path.split('/') {
            match segment {
                ".." if depth == 0 => return true,
                ".." => depth -= 1,
                "." | "" => {}
                _ => depth += 1,
            }
        }
        false
    }
}
