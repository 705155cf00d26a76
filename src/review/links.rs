//! Rule `broken-link`, and the listing of external links: every link of the built
//! pages and feeds resolved as a browser would, against the output.
//!
//! Findings about a built file name its output path (`announcements/x/index.html`,
//! from the output root) and, for pages, the line in it; the hint names the content
//! file the link most likely comes from.

use std::collections::{BTreeMap, BTreeSet};
use std::path::PathBuf;

use percent_encoding::percent_decode_str;
use serde::Serialize;
use url::Url;

use super::html::{self, Scanned};
use super::input::{Checked, Observation};
use crate::base::Message;
use crate::msg;
use crate::render::{Body, OutputFile};

/// Where the output is taken to live when site.toml has no `base_url`: a reserved
/// name (RFC 2606) that is never fetched, so links from the root (`/x`) resolve as
/// they would with the site at the root of its host.
const NO_BASE: &str = "https://crisis-site.invalid/";

/// The built files by path, with the pages read once, and the address they resolve
/// against.
pub(super) struct Output<'a> {
    root: Url,
    pub(super) files: BTreeMap<&'a str, &'a OutputFile>,
    pub(super) pages: &'a BTreeMap<&'a str, Scanned>,
}

/// Where a link leads.
pub(super) enum LinkTarget {
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

/// The built Atom feeds.
fn feeds<'a>(checked: &'a Checked) -> impl Iterator<Item = &'a OutputFile> {
    let paths = checked.plan.feed_paths();
    checked
        .files
        .iter()
        .filter(move |f| paths.contains(&f.path.as_str()))
}

impl<'a> Output<'a> {
    pub(super) fn of(checked: &'a Checked<'a>) -> Output<'a> {
        let root = checked
            .site
            .config
            .base_url
            .as_ref()
            .and_then(|b| Url::parse(b.as_str()).ok())
            .unwrap_or_else(|| Url::parse(NO_BASE).expect("a valid URL"));
        let files: BTreeMap<&str, &OutputFile> =
            checked.files.iter().map(|f| (f.path.as_str(), f)).collect();
        Output {
            root,
            files,
            pages: &checked.pages,
        }
    }

    /// Where a page is read from: its path under the site's address, or its
    /// `<base href>` (the 404 pages', which are served at any depth).
    pub(super) fn location(&self, path: &str, scanned: &Scanned) -> Url {
        let location = self.root.join(path).unwrap_or_else(|_| self.root.clone());
        match &scanned.base {
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

    pub(super) fn resolve(&self, location: &Url, href: &str) -> LinkTarget {
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

    /// What is wrong with a link to `target`, if anything.
    fn problem(&self, href: &str, target: &LinkTarget) -> Option<Message> {
        match target {
            LinkTarget::Skip | LinkTarget::External => None,
            LinkTarget::Invalid => Some(msg!("review-link-invalid", href)),
            LinkTarget::Outside => Some(msg!("review-link-outside", href)),
            LinkTarget::Internal { path, fragment } => {
                let Some(file) = self.files.get(path.as_str()) else {
                    return Some(msg!("review-link-missing", href, path));
                };
                let fragment = fragment.as_deref()?;
                // `#top` is the top of any page (HTML); other fragments need an id.
                // Fragments of other files (`x.pdf#page=2`) are the viewer's business.
                let ids = &self.pages.get(file.path.as_str())?.ids;
                (fragment != "top" && !ids.contains(fragment))
                    .then(|| msg!("review-link-no-id", href, path, fragment))
            }
        }
    }
}

/// Where to fix a link of `page`: its content file if the link is written there,
/// else the templates.
fn hint_for(checked: &Checked, page: &str, href: &str) -> Message {
    let templates = msg!(
        "review-link-templates",
        theme = checked.site.config.theme_name()
    );
    let Some(source) = checked.plan.source_of(checked.site, page) else {
        return msg!("review-link-from-templates-hint", templates);
    };
    let text = checked.text(source).unwrap_or_default();
    // The writer's `../x/` becomes `../x/index.html` in the page.
    let written = href.strip_suffix("index.html").unwrap_or(href);
    let source = source.display().to_string();
    if text.contains(href) || (!written.is_empty() && text.contains(written)) {
        msg!("review-link-in-source-hint", source)
    } else {
        msg!("review-link-not-in-source-hint", source, templates)
    }
}

/// A link of an Atom feed: the feed's and entries' `<link>`s, and the links in each
/// entry's content, resolved against its `xml:base`.
struct FeedLink {
    href: String,
    location: Url,
    entry: Option<String>,
}

fn feed_links(output: &Output, file: &OutputFile) -> Vec<FeedLink> {
    let Body::Text(text) = &file.body else {
        return Vec::new();
    };
    let Ok(feed) = atom_syndication::Feed::read_from(text.as_bytes()) else {
        return Vec::new();
    };
    let here = output
        .root
        .join(&file.path)
        .unwrap_or_else(|_| output.root.clone());
    let mut links: Vec<FeedLink> = feed
        .links()
        .iter()
        .map(|l| FeedLink {
            href: l.href().to_string(),
            location: here.clone(),
            entry: None,
        })
        .collect();
    for entry in feed.entries() {
        let entry_id = Some(entry.id().to_string());
        for link in entry.links() {
            links.push(FeedLink {
                href: link.href().to_string(),
                location: here.clone(),
                entry: entry_id.clone(),
            });
        }
        let Some(content) = entry.content() else {
            continue;
        };
        let base = content
            .base()
            .and_then(|b| here.join(b).ok())
            .unwrap_or_else(|| here.clone());
        for link in html::scan(content.value().unwrap_or_default()).links {
            links.push(FeedLink {
                href: link.url,
                location: base.clone(),
                entry: entry_id.clone(),
            });
        }
    }
    links
}

/// `broken-link`: every relative link of the built pages and feeds, and every
/// absolute one into the site's own address, leads to a file of the output, and its
/// `#fragment` to an id of that page. `mailto:`, `tel:` and other schemes are not
/// links to check; addresses outside the site are only listed (`--external`).
pub fn broken_link(checked: &Checked) -> Vec<Observation> {
    let output = Output::of(checked);
    let mut found = Vec::new();
    for (&page, scanned) in output.pages {
        let location = output.location(page, scanned);
        let mut seen = BTreeSet::new();
        for link in &scanned.links {
            if !seen.insert(link.url.as_str()) {
                continue;
            }
            let target = output.resolve(&location, &link.url);
            if let Some(message) = output.problem(&link.url, &target) {
                found.push(Observation {
                    path: Some(PathBuf::from(page)),
                    line: Some(link.line),
                    message,
                    hint: hint_for(checked, page, &link.url),
                });
            }
        }
    }
    for file in feeds(checked) {
        let mut seen = BTreeSet::new();
        for link in feed_links(&output, file) {
            if !seen.insert((link.entry.clone(), link.href.clone())) {
                continue;
            }
            let target = output.resolve(&link.location, &link.href);
            if let Some(message) = output.problem(&link.href, &target) {
                let (message, hint) = match &link.entry {
                    Some(entry) => (
                        msg!("review-link-in-entry", message, entry = entry.as_str()),
                        msg!("review-link-in-entry-hint"),
                    ),
                    None => (message, msg!("review-link-of-feed-hint")),
                };
                found.push(Observation {
                    path: Some(PathBuf::from(&file.path)),
                    line: None,
                    message,
                    hint,
                });
            }
        }
    }
    found
}

/// An address outside the site that the output links to, never fetched.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ExternalLink {
    /// The address as written.
    pub url: String,
    /// The output files that link to it, sorted.
    pub files: Vec<String>,
}

/// Every distinct web address outside the site that the built pages and feed entries
/// link to, sorted, with the files that do: for a person to open, since `check`
/// makes no network access.
pub fn external_links(checked: &Checked) -> Vec<ExternalLink> {
    let output = Output::of(checked);
    let mut by_url: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    for (&page, scanned) in output.pages {
        let location = output.location(page, scanned);
        for link in &scanned.links {
            if matches!(output.resolve(&location, &link.url), LinkTarget::External) {
                by_url
                    .entry(link.url.clone())
                    .or_default()
                    .insert(page.to_string());
            }
        }
    }
    for file in feeds(checked) {
        for link in feed_links(&output, file) {
            if matches!(
                output.resolve(&link.location, &link.href),
                LinkTarget::External
            ) {
                by_url
                    .entry(link.href)
                    .or_default()
                    .insert(file.path.clone());
            }
        }
    }
    by_url
        .into_iter()
        .map(|(url, files)| ExternalLink {
            url,
            files: files.into_iter().collect(),
        })
        .collect()
}
