//! Rule `broken-link`, and the listing of external links: every link of the built
//! pages and feeds resolved as a browser would, against the output.
//!
//! Findings about a built file name its output path (`announcements/x/index.html`,
//! from the output root) and, for pages, the line in it; the hint names the content
//! file the link most likely comes from.

use std::collections::{BTreeMap, BTreeSet};
use std::path::PathBuf;

use serde::Serialize;

use super::built::{Check, LinkCheck, no_id};
use super::input::{Checked, Observation};
use crate::base::Message;
use crate::msg;

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

/// What is wrong with `link` now that every file is made, if anything.
fn problem(checked: &Checked, link: &LinkCheck) -> Option<Message> {
    match &link.check {
        Check::Broken(message) => Some(message.clone()),
        Check::Fragment { path, fragment } => checked
            .built
            .lacks_id(path, fragment)
            .then(|| no_id(&link.href, path, fragment)),
    }
}

/// `broken-link`: every relative link of the built pages and feeds, and every
/// absolute one into the site's own address, leads to a file of the output, and its
/// `#fragment` to an id of that page. `mailto:`, `tel:` and other schemes are not
/// links to check; addresses outside the site are only listed (`--external`).
pub fn broken_link(checked: &Checked) -> Vec<Observation> {
    let mut found = Vec::new();
    for (page, facts) in checked.built.pages() {
        for link in &facts.links.checks {
            if let Some(message) = problem(checked, link) {
                found.push(Observation {
                    path: Some(PathBuf::from(page)),
                    line: link.line,
                    message,
                    hint: hint_for(checked, page, &link.href),
                });
            }
        }
    }
    for (feed, links) in checked.built.feeds() {
        for link in &links.checks {
            let Some(message) = problem(checked, link) else {
                continue;
            };
            let (message, hint) = match &link.entry {
                Some(entry) => (
                    msg!("review-link-in-entry", message, entry = entry.as_str()),
                    msg!("review-link-in-entry-hint"),
                ),
                None => (message, msg!("review-link-of-feed-hint")),
            };
            found.push(Observation {
                path: Some(PathBuf::from(feed)),
                line: None,
                message,
                hint,
            });
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
    let mut by_url: BTreeMap<&str, BTreeSet<&str>> = BTreeMap::new();
    let pages = checked
        .built
        .pages()
        .map(|(path, page)| (path, &page.links));
    for (path, links) in pages.chain(checked.built.feeds()) {
        for url in &links.external {
            by_url.entry(url).or_default().insert(path);
        }
    }
    by_url
        .into_iter()
        .map(|(url, files)| ExternalLink {
            url: url.to_string(),
            files: files.into_iter().map(str::to_string).collect(),
        })
        .collect()
}
