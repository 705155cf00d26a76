//! What a page says about itself in `<head>`: its title and description for search
//! results and share previews, its canonical address, its other languages, its
//! feeds, and whether search engines may index it.

use serde::Serialize;

use super::context::PageContext;
use crate::base::Lang;
use crate::model::{Channel, url};
use crate::theme::Key;

/// The `<head>` facts of one page.
#[derive(Debug, Serialize)]
pub struct Head {
    /// The page's own title, without the site's; `None` on the home page, whose
    /// title is the site's.
    pub title: Option<String>,
    /// One or two sentences for search results and share previews.
    pub description: String,
    /// The page's absolute URL, when `base_url` is set.
    pub canonical: Option<String>,
    /// The Open Graph type: `website`, or `article` for an announcement.
    pub og_type: &'static str,
    /// Every language version of the page, this one included, and `x-default` (the
    /// main language's); empty when the page exists in one language only.
    pub hreflang: Vec<HrefLang>,
    /// The Atom feeds the page points readers' feed software to.
    pub feeds: Vec<FeedLink>,
    /// Whether search engines are asked not to index the page (standby, 404).
    pub noindex: bool,
    /// When an announcement was published (RFC 3339).
    pub published: Option<String>,
    /// When an announcement was last amended (RFC 3339).
    pub modified: Option<String>,
    /// The address relative links resolve against, for a page served at any path.
    pub base: Option<String>,
}

/// A language version of a page, for `<link rel="alternate" hreflang>`.
#[derive(Debug, Serialize)]
pub struct HrefLang {
    /// A language code, or `x-default`.
    pub lang: String,
    /// The page in that language: absolute with `base_url`, else relative.
    pub url: String,
}

/// An Atom feed, as a page links to it.
#[derive(Debug, Serialize)]
pub struct FeedLink {
    /// Its title in the page's language.
    pub title: String,
    /// The link to it.
    pub url: String,
}

impl Head {
    /// A page's head with the facts every page shares left for [`Head::finish`].
    pub fn new(title: Option<String>, description: String) -> Head {
        Head {
            title,
            description,
            canonical: None,
            og_type: "website",
            hreflang: Vec::new(),
            feeds: Vec::new(),
            noindex: false,
            published: None,
            modified: None,
            base: None,
        }
    }

    /// Adds what follows from the site and the page's place in it: the canonical URL,
    /// the language versions (`path_in` gives the page's path in a language where
    /// it exists), the feed of all announcements and the standby `noindex`.
    pub fn finish(mut self, cx: &PageContext, path_in: impl Fn(&Lang) -> Option<String>) -> Head {
        let site = cx.site;
        self.canonical = cx.absolute(&cx.path);
        let versions: Vec<(&Lang, String)> = site
            .languages
            .iter()
            .filter_map(|l| path_in(l).map(|p| (l, p)))
            .collect();
        if versions.len() > 1 {
            let url = |to: &str| cx.absolute(to).unwrap_or_else(|| cx.link(to));
            self.hreflang = versions
                .iter()
                .map(|(l, to)| HrefLang {
                    lang: l.to_string(),
                    url: url(to),
                })
                .collect();
            if let Some((_, to)) = versions.iter().find(|(l, _)| *l == site.main_language()) {
                self.hreflang.push(HrefLang {
                    lang: "x-default".to_string(),
                    url: url(to),
                });
            }
        }
        self.feeds.extend(feed_link(cx, None));
        self.noindex |= site.config.standby;
        self
    }
}

/// A page whose title and description are the theme's strings `title` and
/// `description`.
pub fn titled(cx: &PageContext, title: Key, description: Key) -> Head {
    Head::new(
        Some(cx.strings.get(title).to_string()),
        cx.strings.get(description).to_string(),
    )
}

/// The home page's head: the site's title, and a description saying whose site it
/// is and the incident's status, from the theme's `home_description`.
pub fn home(cx: &PageContext) -> Head {
    let config = &cx.site.config;
    let status = cx.state.status;
    let description = cx.strings.fill(
        Key::HOME_DESCRIPTION,
        &[
            ("{organization}", config.organization_in(cx.lang)),
            ("{title}", config.title_in(cx.lang)),
            ("{status}", cx.strings.get(Key::status(status))),
        ],
    );
    Head::new(None, description)
}

/// The feed of `channel`'s announcements (or all) in this page's language, when
/// feeds are written, that is when `base_url` is set.
pub fn feed_link(cx: &PageContext, channel: Option<Channel>) -> Option<FeedLink> {
    cx.site.config.base_url.as_ref()?;
    Some(FeedLink {
        title: cx.strings.get(Key::feed_title(channel)).to_string(),
        url: cx.link(&url::feed(cx.lang, cx.main(), channel)),
    })
}
