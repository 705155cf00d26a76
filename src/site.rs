//! The site model: settings plus the announcements that are published at a given
//! moment, and the pages. Everything after this step works on a valid [`Site`].

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use chrono::{DateTime, FixedOffset};

use crate::announcement::{Announcement, Channel, Slug};
use crate::config::{self, Config, KeyReport};
use crate::content::{self, Overview};
use crate::error::Problem;
use crate::lang::Lang;
use crate::pages::Page;

/// What to publish and where: the writer's switches for drafts and embargoed
/// statements, the moment the build acts as if it were, and the site's address.
#[derive(Debug, Clone)]
pub struct Publish {
    /// Include announcements marked `draft = true`.
    pub drafts: bool,
    /// Include announcements whose `date` is after `now` (embargoed).
    pub future: bool,
    /// The moment of the build; embargoes are judged against it.
    pub now: DateTime<FixedOffset>,
    /// Where the site is published, in place of site.toml's `base_url` (`--base-url`).
    pub base_url: Option<config::BaseUrl>,
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
    /// The pages of `content/pages/`, by name, each with its translations. Pages are
    /// always published: they have no drafts or embargo.
    pub pages: Vec<Page>,
    /// The main language first, then every language the published content is
    /// translated into.
    pub languages: Vec<Lang>,
    /// The moment the site was built for.
    pub now: DateTime<FixedOffset>,
    /// When the site last changed for readers: the newest publication or amendment
    /// (`updated`) of a published announcement. Every page shows it, so it is found
    /// once here rather than by a pass over all announcements per page.
    pub last_updated: Option<DateTime<FixedOffset>>,
}

impl Site {
    /// Loads site.toml and content/ from `root`, reporting every problem of both.
    /// Content files unchanged since `cache` saw them are not read again.
    pub fn load(
        root: &Path,
        publish: &Publish,
        cache: &content::Cache,
    ) -> Result<Site, Vec<Problem>> {
        let config = config::load(root);
        let content = content::load(root, config.as_ref().ok(), cache);
        let (mut config, content) = match (config, content) {
            (Ok(config), Ok(content)) => (config, content),
            (config, content) => {
                let mut problems = config.err().unwrap_or_default();
                problems.extend(content.err().unwrap_or_default());
                return Err(problems);
            }
        };
        let announcements: Vec<Announcement> = content
            .announcements
            .into_iter()
            .filter(|a| publish.drafts || !a.draft)
            .filter(|a| publish.future || a.date <= publish.now)
            .collect();

        let mut languages = vec![config.language.clone()];
        let translated = announcements
            .iter()
            .flat_map(|a| a.translations.keys())
            .chain(content.overview.keys())
            .chain(content.pages.iter().flat_map(|p| p.translations.keys()));
        for lang in translated {
            if !languages.contains(lang) {
                languages.push(lang.clone());
            }
        }
        languages[1..].sort();
        if let Some(url) = &publish.base_url {
            config.base_url = Some(url.clone());
        }

        let last_updated = announcements.iter().map(Announcement::last_changed).max();
        Ok(Site {
            root: root.to_path_buf(),
            config,
            overview: content.overview,
            announcements,
            pages: content.pages,
            languages,
            now: publish.now,
            last_updated,
        })
    }

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

    /// The page named `name`.
    pub fn page(&self, name: &str) -> Option<&Page> {
        self.pages.iter().find(|p| p.name.as_str() == name)
    }

    /// The published announcement with this slug.
    pub fn announcement(&self, slug: &Slug) -> Option<&Announcement> {
        self.announcements.iter().find(|a| &a.slug == slug)
    }

    /// The published announcement that fills a key-report block, if there is one yet.
    pub fn filling(&self, block: &KeyReport) -> Option<&Announcement> {
        self.announcements
            .iter()
            .find(|a| a.key_report.as_ref() == Some(&block.id))
    }
}
