//! Rules about what the build writes and what site.toml must say beside it: links
//! that lead nowhere, pages too heavy for a traffic spike, the identity an IR
//! disclosure carries, and the reports owed to the regulator after a leak.
//!
//! Findings about a built file name its output path (`announcements/x/index.html`,
//! from the output root) and, for pages, the line in it; the hint names the content
//! file the link most likely comes from.

use std::collections::{BTreeMap, BTreeSet};
use std::path::PathBuf;

use chrono::{Duration, NaiveDate};
use percent_encoding::percent_decode_str;
use serde::Serialize;
use url::Url;

use super::html::{self, Scanned};
use super::{Checked, Found};
use crate::announcement::Channel;
use crate::render::{Content, OutputFile};
use crate::site::Site;
use crate::time::When;

/// Where the output is taken to live when site.toml has no `base_url`: a reserved
/// name (RFC 2606) that is never fetched, so links from the root (`/x`) resolve as
/// they would with the site at the root of its host.
const NO_BASE: &str = "https://crisis-site.invalid/";

/// The built files by path, with the pages read once, and the address they resolve
/// against.
struct Output<'a> {
    root: Url,
    files: BTreeMap<&'a str, &'a OutputFile>,
    pages: &'a BTreeMap<&'a str, Scanned>,
}

/// Where a link leads.
enum Target {
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

impl<'a> Output<'a> {
    fn of(checked: &'a Checked<'a>) -> Output<'a> {
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
    fn location(&self, path: &str, scanned: &Scanned) -> Url {
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

    fn resolve(&self, location: &Url, href: &str) -> Target {
        if href.is_empty() {
            return Target::Skip;
        }
        if let Some(scheme) = scheme_of(href)
            && !scheme.eq_ignore_ascii_case("http")
            && !scheme.eq_ignore_ascii_case("https")
        {
            return Target::Skip;
        }
        let Ok(url) = location.join(href) else {
            return Target::Invalid;
        };
        let relative = scheme_of(href).is_none() && !href.starts_with('/');
        if relative && self.climbs_out(location, href) {
            return Target::Outside;
        }
        match self.inside(&url) {
            Some(mut path) => {
                // A folder is its index.html, as every static host serves it.
                if path.is_empty() || path.ends_with('/') {
                    path.push_str("index.html");
                }
                Target::Internal {
                    path,
                    fragment: url.fragment().map(decoded).filter(|f| !f.is_empty()),
                }
            }
            None => Target::External,
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
    fn problem(&self, href: &str, target: &Target) -> Option<String> {
        match target {
            Target::Skip | Target::External => None,
            Target::Invalid => Some(format!("`{href}` is not a valid URL")),
            Target::Outside => Some(format!("`{href}` climbs out of the site")),
            Target::Internal { path, fragment } => {
                let Some(file) = self.files.get(path.as_str()) else {
                    return Some(format!(
                        "`{href}` points to `{path}`, which is not in the output"
                    ));
                };
                let fragment = fragment.as_deref()?;
                // `#top` is the top of any page (HTML); other fragments need an id.
                // Fragments of other files (`x.pdf#page=2`) are the viewer's business.
                let ids = &self.pages.get(file.path.as_str())?.ids;
                (fragment != "top" && !ids.contains(fragment))
                    .then(|| format!("`{href}`: `{path}` has no id `{fragment}`"))
            }
        }
    }
}

/// The content file a page shows, where it is one writer's file: an announcement, a
/// page of `content/pages/`, the home page's overview.
fn source_of(site: &Site, output_path: &str) -> Option<PathBuf> {
    let main = &site.config.language;
    let (lang, rest) = output_path
        .split_once('/')
        .and_then(|(first, rest)| {
            let lang = site.languages.iter().find(|l| l.as_str() == first)?;
            Some((lang, rest))
        })
        .unwrap_or((main, output_path));
    let folder = rest.strip_suffix("/index.html");
    if rest == "index.html" {
        let name = if lang == main {
            "content/_index.md".to_string()
        } else {
            format!("content/_index.{lang}.md")
        };
        return Some(PathBuf::from(name)).filter(|p| site.root.join(p).is_file());
    }
    if let Some(slug) = folder.and_then(|f| f.strip_prefix("announcements/")) {
        let a = site
            .announcements
            .iter()
            .find(|a| a.slug.as_str() == slug)?;
        return a.version(lang, main).map(|v| v.source.clone());
    }
    let page = site
        .pages
        .iter()
        .find(|p| Some(p.name.as_str()) == folder)?;
    page.version(lang, main).map(|v| v.source.clone())
}

/// Where to fix a link of `page`: its content file if the link is written there,
/// else the templates.
fn hint_for(site: &Site, page: &str, href: &str) -> String {
    let templates = format!(
        "the theme's templates (themes/{}/templates/, or the site's templates/) or site.toml",
        site.config.theme
    );
    let Some(source) = source_of(site, page) else {
        return format!("the link comes from {templates}; fix it there");
    };
    let text = std::fs::read_to_string(site.root.join(&source)).unwrap_or_default();
    // The writer's `../x/` becomes `../x/index.html` in the page.
    let written = href.strip_suffix("index.html").unwrap_or(href);
    if text.contains(href) || (!written.is_empty() && text.contains(written)) {
        format!("fix the link in {}", source.display())
    } else {
        format!(
            "the link is not written in {}: look in {templates}",
            source.display()
        )
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
    let Content::Text(text) = &file.content else {
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

fn is_feed(file: &OutputFile) -> bool {
    file.path.ends_with(".xml")
        && matches!(&file.content, Content::Text(text) if text.contains("<feed"))
}

/// `broken-link`: every relative link of the built pages and feeds, and every
/// absolute one into the site's own address, leads to a file of the output, and its
/// `#fragment` to an id of that page. `mailto:`, `tel:` and other schemes are not
/// links to check; addresses outside the site are only listed (`--external`).
pub fn broken_link(checked: &Checked) -> Vec<Found> {
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
                found.push(Found {
                    path: Some(PathBuf::from(page)),
                    line: Some(link.line),
                    message,
                    hint: hint_for(checked.site, page, &link.url),
                });
            }
        }
    }
    for file in checked.files.iter().filter(|f| is_feed(f)) {
        let mut seen = BTreeSet::new();
        for link in feed_links(&output, file) {
            if !seen.insert((link.entry.clone(), link.href.clone())) {
                continue;
            }
            let target = output.resolve(&link.location, &link.href);
            if let Some(message) = output.problem(&link.href, &target) {
                let (message, hint) = match &link.entry {
                    Some(entry) => (
                        format!("{message} (in the entry {entry})"),
                        "the entry's content is the announcement's body: fix the link there, \
                         or in the theme's partials/feed_entry.html"
                            .to_string(),
                    ),
                    None => (
                        message,
                        "the feed's links come from crisis-site itself; report it".to_string(),
                    ),
                };
                found.push(Found {
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
            if matches!(output.resolve(&location, &link.url), Target::External) {
                by_url
                    .entry(link.url.clone())
                    .or_default()
                    .insert(page.to_string());
            }
        }
    }
    for file in checked.files.iter().filter(|f| is_feed(f)) {
        for link in feed_links(&output, file) {
            if matches!(output.resolve(&link.location, &link.href), Target::External) {
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

/// The size of an output file in bytes.
fn size_of(site: &Site, file: &OutputFile) -> u64 {
    match &file.content {
        Content::Text(text) => text.len() as u64,
        Content::Copy(source) => std::fs::metadata(site.root.join(source)).map_or(0, |m| m.len()),
    }
}

fn kb(bytes: u64) -> String {
    format!("{:.1} KB", bytes as f64 / 1024.0)
}

/// `page-weight`: each built page with the stylesheets it links stays within
/// `[check] page_weight_kb`, since crisis pages must load under a traffic spike; and
/// no page has a `<script>` element, which the theme never needs.
pub fn page_weight(checked: &Checked) -> Vec<Found> {
    let output = Output::of(checked);
    let site = checked.site;
    let budget = u64::from(site.config.check.page_weight_kb) * 1024;
    let mut found = Vec::new();
    for (&page, scanned) in output.pages {
        let location = output.location(page, scanned);
        let html = output.files.get(page).map_or(0, |f| size_of(site, f));
        let styles: BTreeSet<String> = scanned
            .links
            .iter()
            .filter(|l| l.stylesheet)
            .filter_map(|l| match output.resolve(&location, &l.url) {
                Target::Internal { path, .. } => Some(path),
                _ => None,
            })
            .collect();
        let css: u64 = styles
            .iter()
            .filter_map(|path| output.files.get(path.as_str()))
            .map(|f| size_of(site, f))
            .sum();
        if html + css > budget {
            found.push(Found {
                path: Some(PathBuf::from(page)),
                line: None,
                message: format!(
                    "the page weighs {} ({} HTML + {} CSS), over the budget of {} KB",
                    kb(html + css),
                    kb(html),
                    kb(css),
                    site.config.check.page_weight_kb
                ),
                hint: "crisis pages must load under a traffic spike: shorten the page, move \
                       detail into an attachment, or raise [check] page_weight_kb"
                    .to_string(),
            });
        }
        for &line in &scanned.scripts {
            found.push(Found {
                path: Some(PathBuf::from(page)),
                line: Some(line),
                message: "the page has a <script> element; published pages carry no script"
                    .to_string(),
                hint: format!(
                    "remove it from the theme's templates (themes/{}/templates/, or the site's templates/)",
                    site.config.theme
                ),
            });
        }
    }
    found
}

/// `ir-identity`: once an IR announcement is published, site.toml's `[ir]` names the
/// securities code, the exchange and a contact, as every IR disclosure does.
pub fn ir_identity(checked: &Checked) -> Vec<Found> {
    let site = checked.site;
    let disclosures = site
        .announcements
        .iter()
        .filter(|a| a.channels.contains(Channel::Ir))
        .count();
    let ir = &site.config.ir;
    let missing: Vec<&str> = [
        ("securities_code", &ir.securities_code),
        ("exchange", &ir.exchange),
        ("contact", &ir.contact),
    ]
    .into_iter()
    .filter(|(_, value)| value.is_none())
    .map(|(key, _)| key)
    .collect();
    if disclosures == 0 || missing.is_empty() {
        return Vec::new();
    }
    vec![Found {
        path: Some(PathBuf::from(crate::config::FILE)),
        line: None,
        message: format!(
            "{disclosures} IR announcement{} published, but `[ir]` lacks {}",
            if disclosures == 1 { " is" } else { "s are" },
            missing.join(", ")
        ),
        hint: "an IR disclosure (適時開示) names the securities code, the exchange and a \
               contact; add them to site.toml's [ir]"
            .to_string(),
    }]
}

/// The day a moment falls on in the site's zone.
fn day_of(when: When, site: &Site) -> NaiveDate {
    match when {
        When::Day(day) => day,
        When::At(at) => at.with_timezone(&site.config.timezone).date_naive(),
    }
}

/// How far `today` is from `by`.
fn left(today: NaiveDate, by: NaiveDate) -> String {
    match (by - today).num_days() {
        0 => "due today".to_string(),
        1 => "1 day left".to_string(),
        -1 => "passed 1 day ago".to_string(),
        n if n > 0 => format!("{n} days left"),
        n => format!("passed {} days ago", -n),
    }
}

/// A range of days as `2026-09-17–19`, or with both dates when the month changes.
fn range(first: NaiveDate, last: NaiveDate) -> String {
    if first.format("%Y-%m").to_string() == last.format("%Y-%m").to_string() {
        format!("{}–{}", first, last.format("%d"))
    } else {
        format!("{first} – {last}")
    }
}

/// `reporting-deadlines`: with `[incident] personal_data = true`, the days by which
/// the reports to the Personal Information Protection Commission are due, counted
/// from `aware_on` (the day after it is day 1): the preliminary report (速報)
/// promptly, about 3–5 days; the final report (確報) within 30 days, or 60 where the
/// leak may result from a wrongful act. A reminder of the usual rule, not legal
/// advice.
pub fn reporting_deadlines(checked: &Checked) -> Vec<Found> {
    let site = checked.site;
    let Some(personal) = site.config.incident.personal_data else {
        return Vec::new();
    };
    let aware = day_of(personal.aware_on, site);
    let today = site.now.with_timezone(&site.config.timezone).date_naive();
    let hint = "a reminder, not legal advice: confirm with counsel and the PPC's guidelines \
                which reports are owed and by when";
    let at = |message: String| Found {
        path: Some(PathBuf::from(crate::config::FILE)),
        line: Some(personal.line),
        message,
        hint: hint.to_string(),
    };
    let (first, last) = (aware + Duration::days(3), aware + Duration::days(5));
    let days = if personal.wrongful_act { 60 } else { 30 };
    let by = aware + Duration::days(days);
    vec![
        at(format!(
            "preliminary report to the PPC (速報): promptly, about 3–5 days after becoming \
             aware on {aware} (by {}): {}",
            range(first, last),
            left(today, last)
        )),
        at(format!(
            "final report to the PPC (確報): within {days} days of {aware}{} (by {by}): {}",
            if personal.wrongful_act {
                ", as the leak may result from a wrongful act"
            } else {
                ""
            },
            left(today, by)
        )),
    ]
}
