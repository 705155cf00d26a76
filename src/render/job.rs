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
    /// The home page.
    Home(Lang),
    /// The list of all announcements, or of one channel's.
    List(Lang, Option<Channel>),
    /// The services' restoration history.
    Services(Lang),
    /// The recurrence-prevention measures.
    Measures(Lang),
    /// The response timeline.
    Timeline(Lang),
    /// An announcement (by index) with its neighbours in the language.
    Announcement(Lang, usize, Neighbours),
    /// A guide page of `content/pages/` (by index).
    GuidePage(Lang, usize),
    /// The page a static host serves for a missing path.
    NotFound(Lang),
    /// The one-line banner other sites embed: a fragment, not a page.
    Banner(Lang),
    /// The status badge other sites show as an image.
    Badge(Lang),
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
    /// A redirect page at an old path, sending readers to where its redirects lead.
    Redirect {
        /// The old path: the file the redirect page is written at.
        from: String,
        /// Where readers are sent, redirects already followed.
        to: RedirectTarget,
    },
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
    /// The page's language, for a job that is a page, fragment or badge of one
    /// language (those rendered from a template through a page context).
    pub fn page_lang(&self) -> Option<&Lang> {
        match self {
            Job::Home(lang)
            | Job::List(lang, _)
            | Job::Services(lang)
            | Job::Measures(lang)
            | Job::Timeline(lang)
            | Job::Announcement(lang, ..)
            | Job::GuidePage(lang, _)
            | Job::NotFound(lang)
            | Job::Banner(lang)
            | Job::Badge(lang) => Some(lang),
            _ => None,
        }
    }

    /// The template of a page job.
    pub fn template(&self) -> Option<Template> {
        Some(match self {
            Job::Home(_) => Template::Home,
            Job::List(..) => Template::List,
            Job::Services(_) => Template::Services,
            Job::Measures(_) => Template::Measures,
            Job::Timeline(_) => Template::Timeline,
            Job::Announcement(..) => Template::Announcement,
            Job::GuidePage(..) => Template::GuidePage,
            Job::NotFound(_) => Template::NotFound,
            Job::Banner(_) => Template::Banner,
            Job::Badge(_) => Template::Badge,
            _ => return None,
        })
    }

    /// The file's path from the output root.
    pub fn path(&self, site: &Site) -> String {
        let main = site.main_language();
        match self {
            Job::Feed(lang, channel) => url::feed(lang, main, *channel),
            Job::Sitemap => url::SITEMAP.to_string(),
            Job::Robots => url::ROBOTS.to_string(),
            Job::Status(lang) => url::status(lang, main),
            Job::Summary(lang) => url::summary(lang, main),
            Job::StatusSchema => url::STATUS_SCHEMA.to_string(),
            Job::Redirect { from, .. } => from.clone(),
            page => {
                let lang = page.page_lang().expect("the other jobs are pages");
                page.path_in(site, lang)
                    .expect("pages are planned only in languages they exist in")
            }
        }
    }

    /// Where this page is in `lang`, if the page exists in that language: the page's
    /// own path, and those of its translations for the language links.
    pub fn path_in(&self, site: &Site, lang: &Lang) -> Option<String> {
        let main = site.main_language();
        match self {
            Job::Home(_) => Some(url::home(lang, main)),
            Job::List(_, channel) => Some(url::list(lang, main, *channel)),
            Job::Services(_) => Some(url::services(lang, main)),
            Job::Measures(_) => Some(url::measures(lang, main)),
            Job::Timeline(_) => Some(url::timeline(lang, main)),
            Job::Announcement(_, i, _) => {
                let a = &site.announcements[*i];
                a.version(lang, main)
                    .map(|_| url::announcement(lang, main, &a.slug))
            }
            Job::GuidePage(_, i) => {
                let p = &site.pages[*i];
                p.version(lang, main)
                    .map(|_| url::page(lang, main, &p.name))
            }
            Job::NotFound(_) => Some(url::not_found(lang, main)),
            Job::Banner(_) => Some(url::banner(lang, main)),
            Job::Badge(_) => Some(url::badge(lang, main)),
            _ => None,
        }
    }

    /// Whether the file is an HTML page, as the build's summary counts pages: a
    /// redirect page at an old `.htm` path is not counted.
    pub fn is_html(&self) -> bool {
        match self {
            Job::Redirect { from, .. } => from.ends_with(".html"),
            job => job.template().is_some_and(|t| t.name().ends_with(".html")),
        }
    }

    /// The content file the page shows, where it is one writer's file: an
    /// announcement, a guide page, the home page's overview.
    pub fn source<'a>(&self, site: &'a Site) -> Option<&'a Path> {
        let main = site.main_language();
        match self {
            Job::Home(lang) => site.overview.get(lang).map(|o| o.source.as_path()),
            Job::Announcement(lang, i, _) => site.announcements[*i]
                .version(lang, main)
                .map(|v| v.source.as_path()),
            Job::GuidePage(lang, i) => site.pages[*i]
                .version(lang, main)
                .map(|t| t.source.as_path()),
            _ => None,
        }
    }

    /// The page as the sitemap lists it, or `None` for a file that is not a page for
    /// search engines.
    pub fn listed(&self, site: &Site) -> Option<Listed> {
        let lang = self.page_lang()?;
        let changed = match self {
            Job::NotFound(_) | Job::Banner(_) | Job::Badge(_) => return None,
            Job::Announcement(_, i, _) => Some(site.announcements[*i].last_changed()),
            Job::GuidePage(_, i) => site.pages[*i]
                .version(lang, site.main_language())
                .and_then(|text| text.updated),
            Job::List(_, channel) => site.in_channel(*channel).map(|a| a.last_changed()).max(),
            _ => site.last_updated,
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
}
