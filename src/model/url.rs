//! The output's URL layout: where each file of the built site lives, relative to the
//! output root, with `/` separators. Every path of the output is made here.
//!
//! Links from one page to another are made relative, so the output works from disk,
//! under any sub-path and on any static host; they name `index.html` explicitly
//! because browsers do not open a folder's index from disk.

use super::announcement::{Announcement, Channel, Slug};
use super::site::Site;
use crate::base::Lang;
use crate::base::text::relative;

/// The folder prefix of a language: empty for the main language, `en/` for English.
pub fn prefix(lang: &Lang, main: &Lang) -> String {
    if lang == main {
        String::new()
    } else {
        format!("{lang}/")
    }
}

/// The home page.
pub fn home(lang: &Lang, main: &Lang) -> String {
    format!("{}index.html", prefix(lang, main))
}

/// The list of all announcements, or of one channel's.
pub fn list(lang: &Lang, main: &Lang, channel: Option<Channel>) -> String {
    match channel {
        None => format!("{}announcements/index.html", prefix(lang, main)),
        Some(c) => format!("{}announcements/{}/index.html", prefix(lang, main), c.id()),
    }
}

/// The folder of one announcement: its page and its attachments.
pub fn announcement_dir(lang: &Lang, main: &Lang, slug: &Slug) -> String {
    format!("{}announcements/{slug}/", prefix(lang, main))
}

/// The PDF of one announcement, beside its page and named after it, so that a copy
/// saved or forwarded keeps its name.
pub fn pdf(lang: &Lang, main: &Lang, slug: &Slug) -> String {
    format!("{}{slug}.pdf", announcement_dir(lang, main, slug))
}

/// The PDF the page of announcement `a` in `lang` links to, from the output root and
/// URL-encoded:
/// the writer's `official_pdf`, or the one the build makes (unless `[pdf] make` is
/// false); `None` where the announcement is not in `lang` or has no PDF.
pub fn pdf_of(site: &Site, lang: &Lang, a: &Announcement) -> Option<String> {
    let main = site.main_language();
    let version = a.version(lang, main)?;
    match &version.official_pdf {
        Some(name) => Some(format!(
            "{}{}",
            announcement_dir(lang, main, &a.slug),
            crate::base::text::url_encoded(&name.value)
        )),
        None => site.config.pdf.make.then(|| pdf(lang, main, &a.slug)),
    }
}

/// One announcement's page.
pub fn announcement(lang: &Lang, main: &Lang, slug: &Slug) -> String {
    format!("{}index.html", announcement_dir(lang, main, slug))
}

/// The page of every service's restoration history.
pub fn services(lang: &Lang, main: &Lang) -> String {
    format!("{}services/index.html", prefix(lang, main))
}

/// The page of the recurrence-prevention measures.
pub fn measures(lang: &Lang, main: &Lang) -> String {
    format!("{}measures/index.html", prefix(lang, main))
}

/// The response timeline.
pub fn timeline(lang: &Lang, main: &Lang) -> String {
    format!("{}timeline/index.html", prefix(lang, main))
}

/// The page a static host serves for a missing path, one per language.
pub fn not_found(lang: &Lang, main: &Lang) -> String {
    format!("{}404.html", prefix(lang, main))
}

/// An Atom feed of all announcements, or of one channel's, beside the list it follows.
pub fn feed(lang: &Lang, main: &Lang, channel: Option<Channel>) -> String {
    match channel {
        None => format!("{}feed.xml", prefix(lang, main)),
        Some(c) => format!("{}announcements/{}/feed.xml", prefix(lang, main), c.id()),
    }
}

/// The one-line banner other sites embed (`banner.html`), one per language: not a
/// page, so it sits beside the home page rather than in a folder of its own.
pub fn banner(lang: &Lang, main: &Lang) -> String {
    format!("{}banner.html", prefix(lang, main))
}

/// The status badge other sites show as an image (`status.svg`), one per language.
pub fn badge(lang: &Lang, main: &Lang) -> String {
    format!("{}status.svg", prefix(lang, main))
}

/// A link written in site.toml, from the page at `from`: web addresses as they
/// are, paths inside the site made relative, folders pointed at their `index.html`.
pub fn configured(from: &str, link: &str) -> String {
    if link.starts_with("https://") || link.starts_with("http://") {
        return link.to_string();
    }
    let (target, fragment) = match link.split_once('#') {
        Some((target, fragment)) => (target, format!("#{fragment}")),
        None => (link, String::new()),
    };
    let target = if target.is_empty() || target.ends_with('/') {
        format!("{target}index.html")
    } else {
        target.to_string()
    };
    format!("{}{fragment}", relative(from, &target))
}

/// A guide page of `content/pages/`: `NAME/`, beside the site's own folders.
pub fn page(lang: &Lang, main: &Lang, name: &Slug) -> String {
    format!("{}{name}/index.html", prefix(lang, main))
}

/// `status.json`, the incident's state as data, in `lang`'s folder.
pub fn status(lang: &Lang, main: &Lang) -> String {
    format!("{}status.json", prefix(lang, main))
}

/// `api/v2/summary.json`, the state in Statuspage's shape, in `lang`'s folder.
pub fn summary(lang: &Lang, main: &Lang) -> String {
    format!("{}api/v2/summary.json", prefix(lang, main))
}

/// The JSON Schema of `status.json`: one copy for every language.
pub const STATUS_SCHEMA: &str = "status.schema.json";

/// The sitemap, for search engines.
pub const SITEMAP: &str = "sitemap.xml";

/// What crawlers may read.
pub const ROBOTS: &str = "robots.txt";

/// The folder of the files the build names by their content (`assets/style.1a2b….css`):
/// a changed file gets a new name, so hosts and browsers may keep a copy for a year
/// (`render::cache`). It holds nothing else: a file kept for a year under a name that
/// stays when it changes would never reach readers again.
pub const ASSETS: &str = "assets/";

/// The theme's stylesheet, named by `digest` (the first 16 hex digits of the SHA-256
/// of its bytes).
pub fn stylesheet(digest: &str) -> String {
    format!("{ASSETS}style.{digest}.css")
}

/// The response headers hosts such as Netlify and Cloudflare Pages add, by path.
pub const HEADERS: &str = "_headers";

/// The redirects those hosts answer with an HTTP status, by path.
pub const REDIRECTS: &str = "_redirects";
