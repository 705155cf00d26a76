//! The site as published at a moment: site.toml and `content/` loaded together, with
//! only what may be published kept. This is the one place that filters: a draft is
//! dropped unless drafts are built, an announcement dated after "now" unless
//! embargoed ones are, and so is a revision dated after "now" (`super::revisions`).

use std::path::Path;

use super::cache::Cache;
use super::{config, content, revisions};
use crate::base::Problem;
use crate::model::{Announcement, Publish, Site, Sources};

/// A site loaded from its folder, with the texts of the content files it was read
/// from.
pub struct Loaded {
    /// The site as published under the given [`Publish`].
    pub site: Site,
    /// site.toml and every content file read, drafts and embargoed ones included.
    pub sources: Sources,
}

/// Loads site.toml and content/ from `root`, reporting every problem of both.
/// Announcement files unchanged since `cache` saw them are not read again.
pub fn load(root: &Path, publish: &Publish, cache: &Cache) -> Result<Loaded, Vec<Problem>> {
    let mut sources = Sources::default();
    let config = config::load_keeping(root, &mut sources);
    let content = content::load(root, config.as_ref().ok(), cache, &mut sources);
    let (mut config, content) = match (config, content) {
        (Ok(config), Ok(content)) => (config, content),
        (config, content) => {
            let mut problems = config.err().unwrap_or_default();
            problems.extend(content.err().unwrap_or_default());
            return Err(problems);
        }
    };
    let now = publish.now.in_zone(config.timezone);
    let announcements: Vec<Announcement> = content
        .announcements
        .into_iter()
        .filter(|a| publish.drafts || !a.draft)
        .filter(|a| publish.future || a.date <= now)
        .map(|a| {
            if publish.future {
                a
            } else {
                revisions::as_of(a, now)
            }
        })
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
    let site = Site {
        root: root.to_path_buf(),
        config,
        overview: content.overview,
        announcements,
        pages: content.pages,
        languages,
        now,
        last_updated,
        preview: publish.preview,
        skipped: content.skipped,
    };
    Ok(Loaded { site, sources })
}
