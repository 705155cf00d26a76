//! What the review keeps of the built files: each file's size, and of each page and
//! feed only what the output rules read: its links, already resolved and checked
//! against the planned paths, the fragments still to look up, its ids, stylesheets and
//! scripts. A build examines each file as soon as it is made and written, and keeps
//! this instead of the file, so that its memory does not grow with the pages' text.

use std::collections::{BTreeMap, BTreeSet, HashSet};

use rayon::prelude::*;
use url::Url;

use super::html;
use super::resolve::{LinkTarget, Resolver};
use super::scope::Scope;
use crate::base::Message;
use crate::model::Site;
use crate::msg;
use crate::render::{Body, OutputFile, Plan};

/// Examines the files of one plan: knows every path the output will have, so that a
/// link is checked as soon as the file holding it is made, before the file it
/// points to is.
pub struct Examiner<'a> {
    resolver: Resolver,
    paths: HashSet<&'a str>,
    feeds: HashSet<&'a str>,
    /// Whether addresses outside the site are kept, for `check --external`.
    external: bool,
}

/// What the review keeps of one file.
#[derive(Debug)]
pub struct Examined {
    path: String,
    size: u64,
    facts: Facts,
}

/// What the output rules read of a file, by its kind.
#[derive(Debug)]
enum Facts {
    Page(Page),
    Feed(Links),
    Other,
}

/// What the output rules read of a page.
#[derive(Debug)]
pub struct Page {
    /// Its links that need a look once every file is made.
    pub links: Links,
    /// Every `id`, and `name` of `<a>`: the fragments a link may target, sorted.
    ids: Box<[Box<str>]>,
    /// The output paths of the stylesheets it links, sorted.
    pub stylesheets: BTreeSet<String>,
    /// The line of each `<script>` start tag.
    pub scripts: Vec<usize>,
}

/// The links of a page or feed the review still has to report or look up, each
/// distinct link once, in the file's order; and the addresses outside the site.
#[derive(Debug, Default)]
pub struct Links {
    /// Links found broken, or whose fragment is to be looked up in another page.
    pub checks: Vec<LinkCheck>,
    /// Addresses outside the site, kept only for `check --external`.
    pub external: Vec<String>,
}

/// A link of a file to report, or to look up once every page is made.
#[derive(Debug)]
pub struct LinkCheck {
    /// The link as written.
    pub href: String,
    /// The line of the page it is on (none in a feed).
    pub line: Option<usize>,
    /// The id of the feed entry it is in, if any.
    pub entry: Option<String>,
    /// What is known of it so far.
    pub check: Check,
}

/// What is known of a link once its file is made.
#[derive(Debug)]
pub enum Check {
    /// It is broken, for this reason.
    Broken(Message),
    /// It leads to a file of the output with a fragment, which must be an id of that
    /// file if it is a page.
    Fragment {
        /// The output path it leads to.
        path: String,
        /// The fragment, decoded.
        fragment: String,
    },
}

impl<'a> Examiner<'a> {
    /// The examiner of `plan`'s files; in `scope` [`Scope::Everything`], it keeps the
    /// addresses outside the site too.
    pub fn new(site: &Site, plan: &'a Plan, scope: Scope) -> Examiner<'a> {
        let paths = plan
            .paths()
            .iter()
            .map(String::as_str)
            .chain(plan.copies().iter().map(|f| f.path.as_str()))
            .collect();
        Examiner {
            resolver: Resolver::of(site),
            paths,
            feeds: plan.feed_paths().into_iter().collect(),
            external: scope == Scope::Everything,
        }
    }

    /// What the review keeps of `file`.
    pub fn examine(&self, file: &OutputFile) -> Examined {
        let facts = match &file.body {
            Body::Text(text) if self.feeds.contains(file.path.as_str()) => {
                Facts::Feed(self.feed(&file.path, text))
            }
            Body::Text(text) if file.path.ends_with(".html") => {
                Facts::Page(self.page(&file.path, text))
            }
            _ => Facts::Other,
        };
        Examined {
            path: file.path.clone(),
            size: file.body.size(),
            facts,
        }
    }

    fn page(&self, path: &str, text: &str) -> Page {
        let scanned = html::scan(text);
        let location = self.resolver.location(path, scanned.base.as_deref());
        let ids: Box<[Box<str>]> = scanned.ids.into_iter().map(Into::into).collect();
        let mut page = Page {
            links: Links::default(),
            ids,
            stylesheets: BTreeSet::new(),
            scripts: scanned.scripts,
        };
        let mut seen = BTreeSet::new();
        for link in &scanned.links {
            let target = self.resolver.resolve(&location, &link.url);
            if link.stylesheet
                && let LinkTarget::Internal { path, .. } = &target
            {
                page.stylesheets.insert(path.clone());
            }
            if seen.insert(link.url.as_str()) {
                let found = self.look(&link.url, target, Some((path, &page.ids)));
                page.links.add(&link.url, Some(link.line), None, found);
            }
        }
        page
    }

    fn feed(&self, path: &str, text: &str) -> Links {
        let mut links = Links::default();
        let Ok(feed) = atom_syndication::Feed::read_from(text.as_bytes()) else {
            return links;
        };
        let here = self.resolver.address(path);
        let mut all: Vec<(String, Url, Option<String>)> = feed
            .links()
            .iter()
            .map(|l| (l.href().to_string(), here.clone(), None))
            .collect();
        for entry in feed.entries() {
            let id = Some(entry.id().to_string());
            for link in entry.links() {
                all.push((link.href().to_string(), here.clone(), id.clone()));
            }
            let Some(content) = entry.content() else {
                continue;
            };
            let base = content
                .base()
                .and_then(|b| here.join(b).ok())
                .unwrap_or_else(|| here.clone());
            for link in html::scan(content.value().unwrap_or_default()).links {
                all.push((link.url, base.clone(), id.clone()));
            }
        }
        let mut seen = BTreeSet::new();
        for (href, location, entry) in all {
            if !seen.insert((entry.clone(), href.clone())) {
                continue;
            }
            let target = self.resolver.resolve(&location, &href);
            let found = self.look(&href, target, None);
            links.add(&href, None, entry, found);
        }
        links
    }

    /// What is known of a link to `target` once its file is made: broken, to look
    /// up later, or fine. `own` is the page's own path and ids, against which a link
    /// into the page itself is looked up at once.
    fn look(&self, href: &str, target: LinkTarget, own: Option<(&str, &[Box<str>])>) -> Found {
        match target {
            LinkTarget::Skip => Found::Fine,
            LinkTarget::External if self.external => Found::External,
            LinkTarget::External => Found::Fine,
            LinkTarget::Invalid => Found::Check(Check::Broken(msg!("review-link-invalid", href))),
            LinkTarget::Outside => Found::Check(Check::Broken(msg!("review-link-outside", href))),
            LinkTarget::Internal { path, fragment } => {
                if !self.paths.contains(path.as_str()) {
                    return Found::Check(Check::Broken(msg!("review-link-missing", href, path)));
                }
                // `#top` is the top of any page (HTML); other fragments need an id.
                let Some(fragment) = fragment.filter(|f| f != "top") else {
                    return Found::Fine;
                };
                match own {
                    Some((here, ids)) if here == path => {
                        if has_id(ids, &fragment) {
                            Found::Fine
                        } else {
                            Found::Check(Check::Broken(no_id(href, &path, &fragment)))
                        }
                    }
                    _ => Found::Check(Check::Fragment { path, fragment }),
                }
            }
        }
    }
}

/// What [`Examiner::look`] found of one link.
enum Found {
    Fine,
    External,
    Check(Check),
}

impl Links {
    fn add(&mut self, href: &str, line: Option<usize>, entry: Option<String>, found: Found) {
        match found {
            Found::Fine => {}
            Found::External => self.external.push(href.to_string()),
            Found::Check(check) => self.checks.push(LinkCheck {
                href: href.to_string(),
                line,
                entry,
                check,
            }),
        }
    }
}

fn has_id(ids: &[Box<str>], id: &str) -> bool {
    ids.binary_search_by(|probe| (**probe).cmp(id)).is_ok()
}

/// The finding of a link to `path#fragment`, a page without that id.
pub fn no_id(href: &str, path: &str, fragment: &str) -> Message {
    msg!("review-link-no-id", href, path, fragment)
}

/// What the review keeps of every file of a build, by output path.
#[derive(Debug, Default)]
pub struct Built {
    files: BTreeMap<String, (u64, Facts)>,
}

impl Built {
    /// The files as examined, in any order.
    pub fn new(examined: impl IntoIterator<Item = Examined>) -> Built {
        Built {
            files: examined
                .into_iter()
                .map(|e| (e.path, (e.size, e.facts)))
                .collect(),
        }
    }

    /// Examines files made in memory, in parallel.
    pub fn of(files: &[OutputFile], examiner: &Examiner) -> Built {
        Built::new(
            files
                .par_iter()
                .map(|f| examiner.examine(f))
                .collect::<Vec<_>>(),
        )
    }

    /// The size of the file at `path`, if the output has it.
    pub fn size(&self, path: &str) -> Option<u64> {
        self.files.get(path).map(|(size, _)| *size)
    }

    /// Whether the file at `path` is a page without the id `fragment`; `false` for a
    /// file that is not a page, whose fragments are the viewer's business.
    pub fn lacks_id(&self, path: &str, fragment: &str) -> bool {
        matches!(self.files.get(path), Some((_, Facts::Page(page))) if !has_id(&page.ids, fragment))
    }

    /// The pages, by path.
    pub fn pages(&self) -> impl Iterator<Item = (&str, &Page)> {
        self.files
            .iter()
            .filter_map(|(path, (_, facts))| match facts {
                Facts::Page(page) => Some((path.as_str(), page)),
                _ => None,
            })
    }

    /// The Atom feeds' links, by path.
    pub fn feeds(&self) -> impl Iterator<Item = (&str, &Links)> {
        self.files
            .iter()
            .filter_map(|(path, (_, facts))| match facts {
                Facts::Feed(links) => Some((path.as_str(), links)),
                _ => None,
            })
    }
}
