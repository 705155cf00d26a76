//! The site model: settings plus the announcements that are published at a given
//! moment, and the guide pages. Everything after loading works on a valid [`Site`].

use std::collections::BTreeMap;
use std::path::PathBuf;

use chrono::{DateTime, FixedOffset};

use super::announcement::{Announcement, Channel, Slug};
use super::config::{BaseUrl, Config, KeyReport};
use super::guide_page::GuidePage;
use crate::base::Lang;
use crate::base::time::Moment;

/// What to publish and where: the writer's switches for drafts and embargoed
/// statements, the moment the build acts as if it were, and the site's address.
#[derive(Debug, Clone)]
pub struct Publish {
    /// Include announcements marked `draft = true`.
    pub drafts: bool,
    /// Include announcements whose `date` is after `now` (embargoed).
    pub future: bool,
    /// The moment of the build; embargoes are judged against it. Without an offset
    /// (`--now 2023-06-09T15:00`) it is read in site.toml's `timezone`.
    pub now: Moment,
    /// Where the site is published, in place of site.toml's `base_url` (`--base-url`).
    pub base_url: Option<BaseUrl>,
    /// Whether this is the preview, which marks what it shows from a draft or an
    /// embargoed announcement (the status, "last updated", a service's status, a key
    /// report). Only [`Publish::preview`] sets it: no build does, even with drafts and
    /// embargoed announcements included, since a published page never tells of a
    /// draft.
    pub preview: bool,
}

impl Publish {
    /// What `build` and `check` publish by default at `now`: no drafts, nothing
    /// embargoed, site.toml's `base_url`.
    pub fn release(now: impl Into<Moment>) -> Publish {
        Publish {
            drafts: false,
            future: false,
            now: now.into(),
            base_url: None,
            preview: false,
        }
    }

    /// What the preview shows at `now`: drafts and embargoed statements included, and
    /// `base_url` the preview's own address, so that no absolute link leaves it.
    pub fn preview(now: impl Into<Moment>, base_url: Option<BaseUrl>) -> Publish {
        Publish {
            drafts: true,
            future: true,
            now: now.into(),
            base_url,
            preview: true,
        }
    }
}

/// The incident overview (`content/_index.md`) in one language.
#[derive(Debug, Clone)]
pub struct Overview {
    /// The file it was read from, relative to the site root.
    pub source: PathBuf,
    /// The heading of the overview, if the writer gave one.
    pub title: Option<String>,
    /// The overview as HTML.
    pub html: String,
}

/// A valid site, with only the announcements that may be published.
#[derive(Debug, Clone)]
pub struct Site {
    /// The site's folder.
    pub root: PathBuf,
    /// site.toml.
    pub config: Config,
    /// The overview by language.
    pub overview: BTreeMap<Lang, Overview>,
    /// The published announcements, newest first.
    pub announcements: Vec<Announcement>,
    /// The guide pages of `content/pages/`, by name, each with its translations. They
    /// are always published: they have no drafts or embargo.
    pub pages: Vec<GuidePage>,
    /// The main language first, then every language the published content is
    /// translated into.
    pub languages: Vec<Lang>,
    /// The moment the site was built for.
    pub now: DateTime<FixedOffset>,
    /// When the site last changed for readers: the newest publication or amendment
    /// (`updated`) of a published announcement. Every page shows it, so it is found
    /// once here rather than by a pass over all announcements per page.
    pub last_updated: Option<DateTime<FixedOffset>>,
    /// Whether this is the preview, which marks what comes from an announcement not
    /// yet published ([`Publish::preview`]).
    pub preview: bool,
    /// The files among the announcements that were not published because they are
    /// leftovers of an editor, the system or version control (`~$report.docx`,
    /// `Thumbs.db`, `.git/`), by path from the site root: what the build names.
    pub skipped: Vec<PathBuf>,
}

impl Site {
    /// The site's main language.
    pub fn main_language(&self) -> &Lang {
        &self.config.language
    }

    /// The published announcements in `channel` (or all), newest first.
    pub fn in_channel(&self, channel: Option<Channel>) -> impl Iterator<Item = &Announcement> {
        self.announcements
            .iter()
            .filter(move |a| channel.is_none_or(|c| a.channels.contains(c)))
    }

    /// The guide page named `name`.
    pub fn page(&self, name: &str) -> Option<&GuidePage> {
        self.pages.iter().find(|p| p.name.as_str() == name)
    }

    /// The published announcement with this slug.
    pub fn announcement(&self, slug: &Slug) -> Option<&Announcement> {
        self.announcements.iter().find(|a| &a.slug == slug)
    }

    /// Whether an announcement of this site is one a release build leaves out: a
    /// draft, or dated after now (shown by the preview, `--drafts`, `--future`).
    pub fn unreleased(&self, a: &Announcement) -> bool {
        a.draft || a.date > self.now
    }

    /// The published announcement that fills a key-report block, if there is one yet.
    pub fn filling(&self, block: &KeyReport) -> Option<&Announcement> {
        self.announcements
            .iter()
            .find(|a| a.key_report.as_ref() == Some(&block.id))
    }
}
