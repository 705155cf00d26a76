//! Stable URLs: site.toml's `[redirects]`, old paths that keep working after an
//! announcement or a guide page is renamed, since a link quoted in the press or in a
//! regulator's filing can never be corrected.
//!
//! Each redirect becomes a small page at the old path that sends readers on with
//! `<meta http-equiv="refresh">` (no script) and shows a link. What can be checked in
//! site.toml alone (the shape of each path, two entries for one old path) is checked
//! here, when it is read; what needs every output path (the target is written, the
//! old path is free) is checked when the output is planned (`render::redirect`).

use std::collections::BTreeMap;

use crate::base::{Invalid, Located, Message};
use crate::msg;

/// A path inside the site, as site.toml names it, and the output file it means.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SitePath {
    /// As written in site.toml, for messages.
    pub written: String,
    /// The file of the output, from its root, not percent-encoded:
    /// `announcements/x/index.html` for `announcements/x/` or `/announcements/x`.
    pub file: String,
}

/// Where a redirect sends readers.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum RedirectTarget {
    /// A file of this site, with the part of the page to show (`#cause`), if any.
    Site {
        /// The file.
        path: SitePath,
        /// The fragment, without its `#`.
        fragment: Option<String>,
    },
    /// A web address elsewhere (`https://…`), normalised.
    Web(String),
}

/// One entry of `[redirects]`: the old path and where it now leads.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Redirect {
    /// The old path; the redirect page is written at `from.file`.
    pub from: SitePath,
    /// Where readers are sent.
    pub to: RedirectTarget,
    /// The line of site.toml that declares it.
    pub line: usize,
}

impl Redirect {
    /// Reads one `"FROM" = "TO"` entry, declared on `line`; the problems are messages
    /// for that line, about `from` first.
    pub fn parse(from: &str, to: &str, line: usize) -> Result<Redirect, Vec<Invalid>> {
        let from = parse_from(from).map_err(|reason| {
            let expected = msg!("model-redirect-from-expected");
            msg!("model-redirect-from", from, reason, expected)
        });
        let to = parse_to(to).map_err(|reason| {
            let expected = msg!("model-redirect-to-expected");
            msg!("model-redirect-to", to, reason, expected)
        });
        match (from, to) {
            (Ok(from), Ok(to)) => Ok(Redirect { from, to, line }),
            (from, to) => Err(from
                .err()
                .into_iter()
                .chain(to.err())
                .map(Invalid::new)
                .collect()),
        }
    }
}

/// The old path: a page, that is a folder (`x/`, or `x` without an extension) or an
/// `.html` file; a redirect page at `report.pdf` would be served as a PDF.
fn parse_from(written: &str) -> Result<SitePath, Message> {
    if is_web_address(written) {
        return Err(msg!("model-redirect-web-address"));
    }
    let path = site_path(written)?;
    let name = path.file.rsplit('/').next().unwrap_or_default();
    match name.rsplit_once('.').map(|(_, extension)| extension) {
        Some(extension) if !matches!(extension, "html" | "htm") => {
            Err(msg!("model-redirect-not-a-page", extension))
        }
        _ => Ok(path),
    }
}

/// The target: a path of the site, with a fragment, or a web address.
fn parse_to(written: &str) -> Result<RedirectTarget, Message> {
    if is_web_address(written) {
        return match url::Url::parse(written) {
            Ok(url) if url.has_host() => Ok(RedirectTarget::Web(url.to_string())),
            Ok(_) => Err(msg!("model-redirect-no-host")),
            Err(e) => Err(msg!("model-redirect-bad-address", cause = e.to_string())),
        };
    }
    let (target, fragment) = match written.split_once('#') {
        Some((target, fragment)) => (target, Some(fragment)),
        None => (written, None),
    };
    let mut path = site_path(target)?;
    path.written = written.to_string();
    Ok(RedirectTarget::Site {
        path,
        fragment: fragment.filter(|f| !f.is_empty()).map(str::to_string),
    })
}

fn is_web_address(text: &str) -> bool {
    let lower = text.to_ascii_lowercase();
    lower.starts_with("https://") || lower.starts_with("http://")
}

/// A path written from the site's root, with or without a leading `/` (people paste
/// it from the address bar). One ending in `/`, or whose last part has no extension,
/// is a folder and means its `index.html`. Percent-encoding is decoded, as a web
/// server does before it looks for the file.
fn site_path(written: &str) -> Result<SitePath, Message> {
    if written.is_empty() {
        return Err(msg!("model-redirect-empty"));
    }
    // `javascript:`, `mailto:` …: a scheme is whatever precedes a `:` in the first part.
    if written
        .split('/')
        .next()
        .is_some_and(|first| first.contains(':'))
    {
        return Err(msg!("model-redirect-scheme"));
    }
    if written.contains('?') {
        return Err(msg!("model-redirect-query"));
    }
    if written.contains('#') {
        return Err(msg!("model-redirect-fragment"));
    }
    let decoded = percent_encoding::percent_decode_str(written)
        .decode_utf8()
        .map_err(|_| msg!("model-redirect-encoding"))?;
    let relative = decoded.strip_prefix('/').unwrap_or(&decoded);
    if relative.contains('\\') {
        return Err(msg!("model-redirect-backslash"));
    }
    let (folder, name) = match relative.rsplit_once('/') {
        Some((folder, name)) => (Some(folder), name),
        None => (None, relative),
    };
    let climbs = folder
        .into_iter()
        .flat_map(|f| f.split('/'))
        .chain((!name.is_empty()).then_some(name))
        .any(|segment| matches!(segment, "" | "." | ".."));
    if climbs {
        return Err(msg!("model-redirect-climbs"));
    }
    let file = if name.is_empty() {
        format!("{relative}index.html")
    } else if name.contains('.') {
        relative.to_string()
    } else {
        format!("{relative}/index.html")
    };
    Ok(SitePath {
        written: written.to_string(),
        file,
    })
}

/// Checks the entries of `[redirects]` against each other: two ways of writing one
/// old path (`a/`, `/a`, `a/index.html`) would write one page twice. Returns the
/// messages with the line of the later entry.
pub fn duplicates(redirects: &[Redirect]) -> Vec<Located<Message>> {
    let mut first: BTreeMap<&str, &Redirect> = BTreeMap::new();
    let mut found = Vec::new();
    for r in redirects {
        if let Some(earlier) = first.get(r.from.file.as_str()) {
            found.push(Located::new(
                r.line,
                msg!(
                    "model-redirect-twice",
                    from = &r.from.written,
                    earlier = &earlier.from.written,
                    line = earlier.line,
                    file = &r.from.file
                ),
            ));
        } else {
            first.insert(&r.from.file, r);
        }
    }
    found
}

#[cfg(test)]
mod tests {
    use super::*;

    fn file(written: &str) -> Result<String, Message> {
        parse_from(written).map(|p| p.file)
    }

    #[test]
    fn old_paths_name_the_page_people_quoted() {
        assert_eq!(
            file("announcements/old/").unwrap(),
            "announcements/old/index.html"
        );
        assert_eq!(
            file("/announcements/old").unwrap(),
            "announcements/old/index.html"
        );
        assert_eq!(file("old.html").unwrap(), "old.html");
        assert_eq!(file("news/old.htm").unwrap(), "news/old.htm");
        assert_eq!(file("/").unwrap(), "index.html");
        assert_eq!(file("%E6%97%A7/").unwrap(), "旧/index.html");
        for bad in [
            "",
            "https://example.jp/a/",
            "javascript:alert(1)",
            "a/../b/",
            "./a/",
            "a//b/",
            "//example.jp/a/",
            "a/?x=1",
            "a/#x",
            "a\\b/",
            "a/report.pdf",
            "%2E%2E/a/",
        ] {
            assert!(parse_from(bad).is_err(), "{bad} accepted");
        }
    }

    #[test]
    fn targets_are_pages_with_fragments_or_web_addresses() {
        let target = parse_to("/announcements/new/#cause").unwrap();
        assert_eq!(
            target,
            RedirectTarget::Site {
                path: SitePath {
                    written: "/announcements/new/#cause".to_string(),
                    file: "announcements/new/index.html".to_string()
                },
                fragment: Some("cause".to_string())
            }
        );
        let RedirectTarget::Site { path, .. } = parse_to("announcements/new/report.pdf").unwrap()
        else {
            panic!("a path");
        };
        assert_eq!(path.file, "announcements/new/report.pdf");
        assert_eq!(
            parse_to("https://www.example.jp/ir").unwrap(),
            RedirectTarget::Web("https://www.example.jp/ir".to_string())
        );
        for bad in ["", "mailto:a@example.jp", "https://", "a/?x=1", "../a/"] {
            assert!(parse_to(bad).is_err(), "{bad} accepted");
        }
    }

    #[test]
    fn spellings_a_browser_reads_as_another_host_are_no_site_paths() {
        for bad in [
            "\\\\host\\x",
            "\\/host/",
            "//host/",
            "%2F%2Fhost/",
            "/%2f%2fhost/",
            "%5Chost/",
            "\t//host/",
            "%2E%2E/x/",
        ] {
            assert!(parse_to(bad).is_err(), "{bad:?} accepted as a target");
            assert!(parse_from(bad).is_err(), "{bad:?} accepted as an old path");
        }
    }
}
