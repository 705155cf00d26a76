//! Rendering: every page of the site, in every language, through the theme's
//! templates, in parallel. Nothing here touches the disk; the result is a list of
//! files for [`crate::output`] to write.

use std::collections::BTreeSet;
use std::path::PathBuf;

use rayon::prelude::*;
use serde::Serialize;

use crate::announcement::{Announcement, Channel};
use crate::error::Problem;
use crate::lang::Lang;
use crate::site::Site;
use crate::sitemap::Listed;
use crate::state::State;
use crate::theme::{Theme, template_problems};
use crate::view::{Head, Item, Page, path};

/// One file of the built site.
#[derive(Debug, Clone)]
pub struct OutputFile {
    /// Its path from the output root, with `/` separators.
    pub path: String,
    /// What it holds.
    pub content: Content,
}

/// The bytes of an output file: rendered here, or copied from a source file.
#[derive(Debug, Clone)]
pub enum Content {
    /// A rendered page.
    Text(String),
    /// A static file or attachment, copied as it is.
    Copy(PathBuf),
}

/// A page to render. It holds its language rather than borrowing it, so that the
/// preview can keep a [`Plan`] beside the site it was made from.
#[derive(Debug, Clone)]
enum Job {
    Home(Lang),
    List(Lang, Option<Channel>),
    Services(Lang),
    Measures(Lang),
    Timeline(Lang),
    /// An announcement (by index) with its newer and older neighbours in the language.
    Announcement(Lang, usize, Neighbours),
    /// A page of `content/pages/` (by index).
    Page(Lang, usize),
    /// The page a static host serves for a missing path.
    NotFound(Lang),
    /// The one-line banner other sites embed: a fragment, not a page.
    Banner(Lang),
    /// The status badge other sites show as an image.
    Badge(Lang),
}

/// Indexes of the announcements before and after one, among those in its language.
#[derive(Debug, Clone, Copy)]
struct Neighbours {
    newer: Option<usize>,
    older: Option<usize>,
}

/// The site's pages before they are rendered: the incident's state, derived once, and
/// one job per page and language. [`render`] renders every job at once, for `build`
/// and `check`; the preview renders each page when it is asked for, so that an edit
/// costs the pages looked at, not the whole site.
#[derive(Debug)]
pub struct Plan {
    /// The incident's state, which every page shows part of.
    pub state: State,
    jobs: Vec<Job>,
}

/// Renders the whole site: every page, the files made from the whole site, then the
/// files to copy and the redirect pages. Every template failure is reported, once per
/// template and message, not once per page.
pub fn render(site: &Site, theme: &Theme) -> Result<Vec<OutputFile>, Vec<Problem>> {
    let plan = Plan::new(site);
    let mut files = plan.render_pages(site, theme)?;
    files.extend(plan.derived_files(site, theme)?);
    let made: Vec<&str> = files.iter().map(|f| f.path.as_str()).collect();
    let others = plan.other_files(site, theme, &made)?;
    files.extend(others);
    Ok(files)
}

impl Plan {
    /// Plans the pages of `site`.
    pub fn new(site: &Site) -> Plan {
        let main = site.main_language();
        let state = State::of(site);
        let mut jobs = Vec::new();
        for lang in &site.languages {
            let lang = || lang.clone();
            jobs.push(Job::Home(lang()));
            jobs.push(Job::List(lang(), None));
            jobs.extend(Channel::ALL.into_iter().map(|c| Job::List(lang(), Some(c))));
            jobs.push(Job::Timeline(lang()));
            jobs.push(Job::NotFound(lang()));
            jobs.push(Job::Banner(lang()));
            jobs.push(Job::Badge(lang()));
            if !state.services.is_empty() {
                jobs.push(Job::Services(lang()));
            }
            if !state.measures.is_empty() {
                jobs.push(Job::Measures(lang()));
            }
            // site.announcements is newest first.
            let in_lang: Vec<usize> = (0..site.announcements.len())
                .filter(|&i| site.announcements[i].version(&lang(), main).is_some())
                .collect();
            for (at, &i) in in_lang.iter().enumerate() {
                let neighbours = Neighbours {
                    newer: at.checked_sub(1).map(|p| in_lang[p]),
                    older: in_lang.get(at + 1).copied(),
                };
                jobs.push(Job::Announcement(lang(), i, neighbours));
            }
            for (i, p) in site.pages.iter().enumerate() {
                if p.version(&lang(), main).is_some() {
                    jobs.push(Job::Page(lang(), i));
                }
            }
        }
        Plan { state, jobs }
    }

    /// The output path of every page, in the order of [`Plan::render_page`]'s indexes.
    pub fn page_paths(&self, site: &Site) -> Vec<String> {
        self.jobs
            .iter()
            .map(|job| {
                job.path_in(site, job.lang())
                    .expect("pages are planned only in languages they exist in")
            })
            .collect()
    }

    /// Renders the page at `index` of [`Plan::page_paths`].
    pub fn render_page(
        &self,
        site: &Site,
        theme: &Theme,
        index: usize,
    ) -> Result<OutputFile, Vec<Problem>> {
        render_page(site, &self.state, theme, &self.jobs[index])
    }

    /// Renders every page, in parallel.
    pub fn render_pages(
        &self,
        site: &Site,
        theme: &Theme,
    ) -> Result<Vec<OutputFile>, Vec<Problem>> {
        let rendered: Vec<Result<OutputFile, Vec<Problem>>> = self
            .jobs
            .par_iter()
            .map(|job| render_page(site, &self.state, theme, job))
            .collect();
        let mut files = Vec::with_capacity(rendered.len());
        let mut problems = BTreeSet::new();
        for result in rendered {
            match result {
                Ok(file) => files.push(file),
                Err(found) => problems.extend(found),
            }
        }
        if problems.is_empty() {
            Ok(files)
        } else {
            Err(problems.into_iter().collect())
        }
    }

    /// The files made from the whole site rather than one page: the Atom feeds,
    /// sitemap.xml and robots.txt, and the state as data (`status.json`,
    /// `api/v2/summary.json` and the schema).
    pub fn derived_files(
        &self,
        site: &Site,
        theme: &Theme,
    ) -> Result<Vec<OutputFile>, Vec<Problem>> {
        let mut files = crate::feed::files(site, &self.state, theme)?;
        let listed: Vec<Listed> = self
            .jobs
            .iter()
            .filter_map(|job| job.listed(site))
            .collect();
        files.extend(crate::sitemap::files(site, &listed));
        files.extend(crate::api::files(site, &self.state, theme));
        Ok(files)
    }

    /// The paths of [`Plan::derived_files`], in the same order, without making them.
    pub fn derived_paths(&self, site: &Site) -> Vec<String> {
        let mut paths = crate::feed::paths(site);
        paths.extend(crate::sitemap::paths(site));
        paths.extend(crate::api::paths(site));
        paths
    }

    /// The files to copy (static files, attachments) and the redirect pages. `made` are
    /// the paths of every other output (pages and derived files, made or planned):
    /// redirects and collisions are checked against every path of the output.
    pub fn other_files(
        &self,
        site: &Site,
        theme: &Theme,
        made: &[&str],
    ) -> Result<Vec<OutputFile>, Vec<Problem>> {
        let main = site.main_language();
        let mut files = Vec::new();
        for (name, source) in &theme.static_files {
            files.push(OutputFile {
                path: name.clone(),
                content: Content::Copy(source.clone()),
            });
        }
        for lang in &site.languages {
            for a in &site.announcements {
                if a.version(lang, main).is_none() {
                    continue;
                }
                let dir = path::announcement_dir(lang, main, &a.slug);
                for attachment in &a.attachments {
                    files.push(OutputFile {
                        path: format!("{dir}{}", attachment.name),
                        content: Content::Copy(attachment.source.clone()),
                    });
                }
            }
        }
        // Redirects are checked against every other file: their old paths must be free
        // and their targets written. Both checks' problems are reported together.
        let mut outputs: Vec<(&str, Origin)> = made
            .iter()
            .map(|&p| (p, Origin::Generated))
            .chain(files.iter().map(|f| (f.path.as_str(), f.content.origin())))
            .collect();
        let mut problems = Vec::new();
        let redirect_pages = crate::redirect::files(site, &self.state, theme, &outputs)
            .unwrap_or_else(|found| {
                problems.extend(found);
                Vec::new()
            });
        outputs.extend(
            redirect_pages
                .iter()
                .map(|p| (p.path.as_str(), Origin::Generated)),
        );
        if let Err(found) = check_collisions(&site.root, &outputs) {
            problems.extend(found);
        }
        files.extend(redirect_pages);
        if !problems.is_empty() {
            problems.sort();
            return Err(problems);
        }
        Ok(files)
    }
}

/// Where an output path's bytes come from, as the checks of paths need to name it.
#[derive(Debug, Clone, Copy)]
pub enum Origin<'a> {
    /// Made by the build: a page, feed, data file or redirect page.
    Generated,
    /// Copied from this source file: a static file or an attachment.
    Copied(&'a std::path::Path),
}

impl Content {
    /// Where these bytes come from.
    pub fn origin(&self) -> Origin<'_> {
        match self {
            Content::Text(_) => Origin::Generated,
            Content::Copy(source) => Origin::Copied(source),
        }
    }
}

/// Two outputs at one path would overwrite each other in whatever order they are
/// written: a static file named `index.html`, or an attachment named like a page.
fn check_collisions(
    root: &std::path::Path,
    outputs: &[(&str, Origin)],
) -> Result<(), Vec<Problem>> {
    let mut seen: std::collections::HashMap<&str, Origin> = std::collections::HashMap::new();
    let mut problems = Vec::new();
    for &(path, origin) in outputs {
        if let Some(first) = seen.insert(path, origin) {
            let file = match origin {
                Origin::Copied(source) => source.strip_prefix(root).unwrap_or(source).to_path_buf(),
                Origin::Generated => PathBuf::from(path),
            };
            problems.push(Problem::in_file(
                file,
                format!(
                    "would be written to {path} like {}; expected one file per output path (rename one of them)",
                    describe(root, first)
                ),
            ));
        }
    }
    if problems.is_empty() {
        Ok(())
    } else {
        Err(problems)
    }
}

/// What an output file is, for messages: "a generated page", or the file it copies
/// (relative to the site's folder).
pub(crate) fn describe(root: &std::path::Path, origin: Origin) -> String {
    match origin {
        Origin::Generated => "a generated page".to_string(),
        Origin::Copied(source) => source
            .strip_prefix(root)
            .unwrap_or(source)
            .display()
            .to_string(),
    }
}

impl Job {
    fn lang(&self) -> &Lang {
        match self {
            Job::Home(lang)
            | Job::List(lang, _)
            | Job::Services(lang)
            | Job::Measures(lang)
            | Job::Timeline(lang)
            | Job::Announcement(lang, ..)
            | Job::Page(lang, _)
            | Job::NotFound(lang)
            | Job::Banner(lang)
            | Job::Badge(lang) => lang,
        }
    }

    /// The page as the sitemap lists it, or `None` for one that is not for search
    /// engines.
    fn listed(&self, site: &Site) -> Option<Listed> {
        let lang = self.lang();
        let changed = match self {
            Job::NotFound(_) | Job::Banner(_) | Job::Badge(_) => return None,
            Job::Announcement(_, i, _) => Some(site.announcements[*i].last_changed()),
            Job::Page(_, i) => site.pages[*i]
                .version(lang, site.main_language())
                .and_then(|text| text.updated),
            Job::List(_, channel) => site.in_channel(*channel).map(|a| a.last_changed()).max(),
            Job::Home(_) | Job::Services(_) | Job::Measures(_) | Job::Timeline(_) => {
                site.last_updated
            }
        };
        Some(Listed {
            path: self.path_in(site, lang)?,
            changed,
            versions: site
                .languages
                .iter()
                .filter_map(|l| Some((l.to_string(), self.path_in(site, l)?)))
                .collect(),
        })
    }

    fn template(&self) -> &'static str {
        match self {
            Job::Home(_) => "home.html",
            Job::List(..) => "list.html",
            Job::Services(_) => "services.html",
            Job::Measures(_) => "measures.html",
            Job::Timeline(_) => "timeline.html",
            Job::Announcement(..) => "announcement.html",
            Job::Page(..) => "page.html",
            Job::NotFound(_) => "404.html",
            Job::Banner(_) => "banner.html",
            Job::Badge(_) => "status.svg",
        }
    }

    /// Where this job's page is in `lang`, if the page exists in that language: the
    /// page's own path, and those of its translations for the language links.
    fn path_in(&self, site: &Site, lang: &Lang) -> Option<String> {
        let main = site.main_language();
        match self {
            Job::Home(_) => Some(path::home(lang, main)),
            Job::List(_, channel) => Some(path::list(lang, main, *channel)),
            Job::Services(_) => Some(path::services(lang, main)),
            Job::Measures(_) => Some(path::measures(lang, main)),
            Job::Timeline(_) => Some(path::timeline(lang, main)),
            Job::Announcement(_, i, _) => {
                let a = &site.announcements[*i];
                a.version(lang, main)
                    .map(|_| path::announcement(lang, main, &a.slug))
            }
            Job::Page(_, i) => {
                let p = &site.pages[*i];
                p.version(lang, main)
                    .map(|_| path::page(lang, main, &p.name))
            }
            Job::NotFound(_) => Some(path::not_found(lang, main)),
            Job::Banner(_) => Some(path::banner(lang, main)),
            Job::Badge(_) => Some(path::badge(lang, main)),
        }
    }
}

fn render_page(
    site: &Site,
    state: &State,
    theme: &Theme,
    job: &Job,
) -> Result<OutputFile, Vec<Problem>> {
    let lang = job.lang();
    let path = job
        .path_in(site, lang)
        .expect("pages are rendered only in languages they exist in");
    let page = Page::new(site, theme, state, lang, path);
    let mut context = tera::Context::new();
    context.insert("lang", lang.as_str());
    context.insert_value("t", page.strings.value.clone());
    // Fragments for other sites have no head, no language links, only their view.
    if let Some(head) = insert_view(&page, job, &mut context) {
        context.insert("site", &page.site_view());
        context.insert("alternates", &page.alternates(|l| job.path_in(site, l)));
        context.insert("head", &head.finish(&page, |l| job.path_in(site, l)));
    }
    let text = theme
        .tera
        .render(job.template(), &context)
        .map_err(|e| template_problems(&e, &theme.template_paths))?;
    Ok(OutputFile {
        path: page.path,
        content: Content::Text(text),
    })
}

/// Inserts the view of the job's page or fragment; returns the head of a page of the
/// site (one with `base.html`'s head and navigation), `None` for a fragment.
fn insert_view(page: &Page, job: &Job, context: &mut tera::Context) -> Option<Head> {
    let head = match job {
        Job::Banner(_) => {
            context.insert("banner", &page.banner());
            return None;
        }
        Job::Badge(_) => {
            context.insert("badge", &page.badge());
            return None;
        }
        Job::Home(_) => home(page, context),
        Job::List(_, channel) => list(page, *channel, context),
        Job::Services(_) => {
            context.insert("page_kind", "services");
            context.insert("services", &page.services());
            page.head_titled("services_title", "services_intro")
        }
        Job::Measures(_) => {
            context.insert("page_kind", "measures");
            context.insert("measure_groups", &page.measure_groups());
            context.insert("measure_counts", &page.measure_counts());
            page.head_titled("measures_title", "measures_intro")
        }
        Job::Timeline(_) => {
            context.insert("page_kind", "timeline");
            context.insert("rows", &page.timeline());
            page.head_titled("timeline_title", "timeline_intro")
        }
        Job::Announcement(_, i, neighbours) => announcement(page, *i, *neighbours, context),
        Job::Page(_, i) => content_page(page, *i, context),
        Job::NotFound(_) => {
            context.insert("page_kind", "not-found");
            let mut head = page.head_titled("not_found_title", "not_found_text");
            head.noindex = true;
            // Served for any missing path, at any depth: its relative links must
            // resolve from where the file really is.
            head.base = Some(
                page.absolute(&page.path)
                    .unwrap_or_else(|| format!("/{}", page.path)),
            );
            head
        }
    };
    Some(head)
}

#[derive(Serialize)]
struct OverviewView<'a> {
    title: Option<&'a str>,
    html: &'a str,
}

fn home(page: &Page, context: &mut tera::Context) -> Head {
    let site = page.site;
    context.insert("page_kind", "home");
    context.insert(
        "overview",
        &site.overview.get(page.lang).map(|o| OverviewView {
            title: o.title.as_deref(),
            html: &o.html,
        }),
    );
    context.insert("key_reports", &page.key_reports());
    context.insert("home_pages", &page.home_pages());
    let latest: Vec<Item> = site
        .announcements
        .iter()
        .take(site.config.home_latest)
        .map(|a| page.item(a))
        .collect();
    context.insert("latest", &latest);
    context.insert("announcement_count", &site.announcements.len());
    insert_contacts(page, context);
    context.insert("services", &page.service_summaries());
    context.insert("measure_counts", &page.measure_counts());
    context.insert(
        "promise",
        &page.state.promise.as_ref().map(|p| page.promise(p)),
    );
    page.home_head()
}

/// The contact desks: those open or about to open, then those closed, which stay
/// listed so readers know why a number no longer answers.
fn insert_contacts(page: &Page, context: &mut tera::Context) {
    let (closed, open): (Vec<_>, Vec<_>) = page
        .contacts()
        .into_iter()
        .partition(|desk| desk.state == "closed");
    context.insert("contacts", &open);
    context.insert("closed_contacts", &closed);
}

fn list(page: &Page, channel: Option<Channel>, context: &mut tera::Context) -> Head {
    context.insert("page_kind", "list");
    let filter = channel.map_or("all", Channel::id);
    context.insert("filter", filter);
    context.insert("feed", &page.feed_link(channel));
    context.insert("filters", &page.filters(channel));
    let items: Vec<Item> = page
        .site
        .in_channel(channel)
        .map(|a| page.item(a))
        .collect();
    context.insert("items", &items);
    let mut head = page.head_titled(
        &format!("list_title_{filter}"),
        &format!("list_description_{filter}"),
    );
    if channel.is_some() {
        head.feeds.extend(page.feed_link(channel));
    }
    head
}

#[derive(Serialize)]
struct AnnouncementView<'a> {
    #[serde(flatten)]
    item: Item,
    body_html: &'a str,
    attachments: Vec<crate::view::AttachmentView>,
    key_report: Option<String>,
    revisions: Vec<crate::view::RevisionView>,
    corrected_by: Vec<Item>,
    corrects: Option<Item>,
    services: Vec<crate::view::ReportedService>,
}

fn announcement(
    page: &Page,
    index: usize,
    neighbours: Neighbours,
    context: &mut tera::Context,
) -> Head {
    let site = page.site;
    let main = site.main_language();
    let a: &Announcement = &site.announcements[index];
    let version = a
        .version(page.lang, main)
        .expect("announcement pages are rendered only in languages they exist in");
    context.insert("page_kind", "announcement");
    let key_report = a
        .key_report
        .as_ref()
        .and_then(|id| site.config.key_report(id))
        .map(|block| block.text_in(page.lang).title.clone());
    context.insert(
        "announcement",
        &AnnouncementView {
            item: page.item(a),
            body_html: &version.body_html,
            attachments: a.attachments.iter().map(|f| page.attachment(f)).collect(),
            key_report,
            revisions: page.revisions(a),
            corrected_by: page
                .state
                .corrections_of(&a.slug)
                .map(|i| page.item(&site.announcements[i]))
                .collect(),
            corrects: a
                .corrects
                .as_ref()
                .and_then(|slug| site.announcement(slug))
                .map(|t| page.item(t)),
            services: page.services_reported(index),
        },
    );
    insert_contacts(page, context);
    let neighbour = |i: usize| {
        let item = page.item(&site.announcements[i]);
        crate::view::Neighbour {
            title: item.title,
            url: item.url,
        }
    };
    context.insert("newer", &neighbours.newer.map(neighbour));
    context.insert("older", &neighbours.older.map(neighbour));
    let mut head = Head::new(Some(version.title.clone()), version.summary.clone());
    head.og_type = "article";
    head.published = Some(page.date(&a.date).iso);
    head.modified = a.updated.map(|u| page.date(&u).iso);
    head
}

#[derive(Serialize)]
struct PageView<'a> {
    name: &'a str,
    title: &'a str,
    summary: &'a str,
    updated: Option<crate::view::DateView>,
    body_html: &'a str,
    toc: Vec<crate::view::TocEntry>,
}

/// A page of `content/pages/` (not to be confused with `page`, the one being rendered).
fn content_page(page: &Page, index: usize, context: &mut tera::Context) -> Head {
    let main = page.site.main_language();
    let source = &page.site.pages[index];
    let text = source
        .version(page.lang, main)
        .expect("pages are rendered only in languages they exist in");
    context.insert("page_kind", "page");
    context.insert(
        "page",
        &PageView {
            name: source.name.as_str(),
            title: &text.title,
            summary: &text.summary,
            updated: text.updated.as_ref().map(|d| page.date(d)),
            body_html: &text.body_html,
            toc: crate::view::table_of_contents(&text.headings),
        },
    );
    Head::new(Some(text.title.clone()), text.summary.clone())
}
