//! A job of the plan: one file the build makes, which knows its own path (and, for a
//! page, its path in every language), so that a planned path and the file made at it
//! come from one value.

use std::path::Path;

use chrono::{DateTime, FixedOffset};

use crate::base::Lang;
use crate::model::redirect::RedirectTarget;
use crate::model::{Channel, Site, url};
use crate::theme::Template;

/// One file the build renders. Jobs hold their language rather than borrow it, so
/// that the preview can keep a plan beside the site it was made from.
#[derive(Debug, Clone)]
pub enum Job {
    /// A page of the site (or a fragment, or the badge) in one language, from a
    /// template.
    Page(PageJob),
    /// The PDF of an announcement (by index) in one language.
    Pdf(Lang, usize),
    /// An Atom feed of all announcements, or of one channel's.
    Feed(Lang, Option<Channel>),
    /// sitemap.xml.
    Sitemap,
    /// robots.txt.
    Robots,
    /// status.json.
    Status(Lang),
    /// api/v2/summary.json.
    Summary(Lang),
    /// The JSON Schema of status.json.
    StatusSchema,
    /// The theme's stylesheet, at its path named by its content.
    Stylesheet(String),
    /// `_headers`, the response headers of Netlify and Cloudflare Pages.
    Headers,
    /// `_redirects`, the redirects of those hosts: one for each redirect page.
    Redirects,
    /// A redirect page at an old path, sending readers to where its redirects lead.
    Redirect {
        /// The old path: the file the redirect page is written at.
        from: String,
        /// Where readers are sent, redirects already followed.
        to: RedirectTarget,
    },
}

/// A page of the site in one language.
#[derive(Debug, Clone)]
pub struct PageJob {
    /// The page's language.
    pub lang: Lang,
    /// Which page it is.
    pub page: Page,
}

/// A page of the site's output, in whatever language.
#[derive(Debug, Clone, Copy)]
pub enum Page {
    /// The home page.
    Home,
    /// The list of all announcements, or of one channel's.
    List(Option<Channel>),
    /// The services' restoration history.
    Services,
    /// The recurrence-prevention measures.
    Measures,
    /// The response timeline.
    Timeline,
    /// An announcement (by index) with its neighbours in the language.
    Announcement(usize, Neighbours),
    /// A guide page of `content/pages/` (by index).
    Guide(usize),
    /// The page a static host serves for a missing path.
    NotFound,
    /// The one-line banner other sites embed: a fragment, not a page.
    Banner,
    /// The status badge other sites show as an image.
    Badge,
}

/// Indexes of the announcements before and after one, among those in its language.
#[derive(Debug, Clone, Copy)]
pub struct Neighbours {
    /// The next newer one.
    pub newer: Option<usize>,
    /// The next older one.
    pub older: Option<usize>,
}

/// A page as the sitemap lists it.
#[derive(Debug, Clone)]
pub struct Listed {
    /// Its output path.
    pub path: String,
    /// When its content last changed, if known.
    pub changed: Option<DateTime<FixedOffset>>,
    /// Its path in every language it exists in, its own included, with the language.
    pub versions: Vec<(String, String)>,
}

impl Job {
    /// The file's path from the output root.
    pub fn path(&self, site: &Site) -> String {
        let main = site.main_language();
        match self {
            Job::Page(job) => job.page.path(site, &job.lang),
            Job::Pdf(lang, i) => url::pdf(lang, main, &site.announcements[*i].slug),
            Job::Feed(lang, channel) => url::feed(lang, main, *channel),
            Job::Sitemap => url::SITEMAP.to_string(),
            Job::Robots => url::ROBOTS.to_string(),
            Job::Status(lang) => url::status(lang, main),
            Job::Summary(lang) => url::summary(lang, main),
            Job::StatusSchema => url::STATUS_SCHEMA.to_string(),
            Job::Stylesheet(path) => path.clone(),
            Job::Headers => url::HEADERS.to_string(),
            Job::Redirects => url::REDIRECTS.to_string(),
            Job::Redirect { from, .. } => from.clone(),
        }
    }

    /// Whether the file is an HTML page, as the build's summary counts pages: a
    /// redirect page at an old `.htm` path is not counted.
    pub fn is_html(&self) -> bool {
        match self {
            Job::Page(job) => job.page.template().name().ends_with(".html"),
            Job::Redirect { from, .. } => from.ends_with(".html"),
            _ => false,
        }
    }

    /// The content file the page shows, where it is one writer's file: an
    /// announcement, a guide page, the home page's overview.
    pub fn source<'a>(&self, site: &'a Site) -> Option<&'a Path> {
        let Job::Page(job) = self else {
            return None;
        };
        let (lang, main) = (&job.lang, site.main_language());
        match job.page {
            Page::Home => site.overview.get(lang).map(|o| o.source.as_path()),
            Page::Announcement(i, _) => site.announcements[i]
                .version(lang, main)
                .map(|v| v.source.as_path()),
            Page::Guide(i) => site.pages[i]
                .version(lang, main)
                .map(|t| t.source.as_path()),
            _ => None,
        }
    }

    /// The page as the sitemap lists it, or `None` for a file that is not a page for
    /// search engines.
    pub fn listed(&self, site: &Site) -> Option<Listed> {
        let Job::Page(job) = self else {
            return None;
        };
        let (page, lang) = (job.page, &job.lang);
        let changed = match page {
            Page::NotFound | Page::Banner | Page::Badge => return None,
            Page::Announcement(i, _) => Some(site.announcements[i].last_changed()),
            Page::Guide(i) => site.pages[i]
                .version(lang, site.main_language())
                .and_then(|text| text.updated),
            Page::List(channel) => site.in_channel(channel).map(|a| a.last_changed()).max(),
            Page::Home | Page::Services | Page::Measures | Page::Timeline => site.last_updated,
        };
        Some(Listed {
            path: page.path(site, lang),
            changed,
            versions: site
                .languages
                .iter()
                .filter_map(|l| Some((l.to_string(), page.path_in(site, l)?)))
                .collect(),
        })
    }
}

impl Page {
    /// Its template.
    pub fn template(self) -> Template {
        match self {
            Page::Home => Template::Home,
            Page::List(_) => Template::List,
            Page::Services => Template::Services,
            Page::Measures => Template::Measures,
            Page::Timeline => Template::Timeline,
            Page::Announcement(..) => Template::Announcement,
            Page::Guide(_) => Template::GuidePage,
            Page::NotFound => Template::NotFound,
            Page::Banner => Template::Banner,
            Page::Badge => Template::Badge,
        }
    }

    /// Where the page is in `lang`, if it exists in that language: its own path, and
    /// those of its translations for the language links.
    pub fn path_in(self, site: &Site, lang: &Lang) -> Option<String> {
        let main = site.main_language();
        let exists = match self {
            Page::Announcement(i, _) => site.announcements[i].version(lang, main).is_some(),
            Page::Guide(i) => site.pages[i].version(lang, main).is_some(),
            _ => true,
        };
        exists.then(|| self.path(site, lang))
    }

    /// Where the page is in `lang`, which it exists in.
    fn path(self, site: &Site, lang: &Lang) -> String {
        let main = site.main_language();
        match self {
            Page::Home => url::home(lang, main),
            Page::List(channel) => url::list(lang, main, channel),
            Page::Services => url::services(lang, main),
            Page::Measures => url::measures(lang, main),
            Page::Timeline => url::timeline(lang, main),
            Page::Announcement(i, _) => url::announcement(lang, main, &site.announcements[i].slug),
            Page::Guide(i) => url::page(lang, main, &site.pages[i].name),
            Page::NotFound => url::not_found(lang, main),
            Page::Banner => url::banner(lang, main),
            Page::Badge => url::badge(lang, main),
        }
    }
}
