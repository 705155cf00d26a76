//! Where a page lives, relative to the output root, with `/` separators.
//!
//! Links from one page to another are made relative, so the output works from disk,
//! under any sub-path and on any static host; they name `index.html` explicitly
//! because browsers do not open a folder's index from disk.

use crate::announcement::{Channel, Slug};
use crate::lang::Lang;

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

/// A page of `content/pages/`: `NAME/`, beside the site's own folders.
pub fn page(lang: &Lang, main: &Lang, name: &Slug) -> String {
    format!("{}{name}/index.html", prefix(lang, main))
}

/// A relative file-system path as an output path: `/` separators on every system.
pub fn slash_separated(relative: &std::path::Path) -> String {
    relative
        .components()
        .map(|c| c.as_os_str().to_string_lossy())
        .collect::<Vec<_>>()
        .join("/")
}

/// A relative path made safe for `href`: every byte but unreserved ones and `/`
/// percent-encoded, so attachments named `調査報告書 (1).pdf` or `a#b.pdf` link right.
pub fn url_encoded(relative: &str) -> String {
    use percent_encoding::{AsciiSet, NON_ALPHANUMERIC, utf8_percent_encode};
    const SEGMENT: &AsciiSet = &NON_ALPHANUMERIC
        .remove(b'-')
        .remove(b'.')
        .remove(b'_')
        .remove(b'~');
    relative
        .split('/')
        .map(|segment| utf8_percent_encode(segment, SEGMENT).to_string())
        .collect::<Vec<_>>()
        .join("/")
}

/// The link from the page at `from` to the file at `to`, both relative to the root.
pub fn relative(from: &str, to: &str) -> String {
    let depth = from.matches('/').count();
    format!("{}{to}", "../".repeat(depth))
}
