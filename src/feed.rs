//! Atom feeds (RFC 4287), so that journalists, investors and customers' staff are told
//! of a new statement instead of reloading the page: in every language, one of all
//! announcements and one of each channel's, beside the list each follows.
//!
//! Atom needs absolute addresses, so feeds are written only when `base_url` is set.
//! An entry's id is its page's address in the feed's language, even while the
//! announcement is untranslated, so that translating it later does not make feed
//! readers show it twice.

use std::collections::{BTreeSet, HashMap};

use atom_syndication::{Category, Content, Entry, Feed, Link, Person, Text};
use rayon::prelude::*;
use serde::Serialize;

use crate::announcement::{Announcement, Channel};
use crate::config::BaseUrl;
use crate::error::Problem;
use crate::lang::Lang;
use crate::render::{Content as FileContent, OutputFile};
use crate::site::Site;
use crate::state::State;
use crate::theme::{Theme, template_problems};
use crate::view::{AttachmentView, Page, path};

/// The template of an entry's content: the announcement's body and its attachments.
const ENTRY_TEMPLATE: &str = "partials/feed_entry.html";

/// Every feed of the site, or none without `base_url`.
pub fn files(site: &Site, state: &State, theme: &Theme) -> Result<Vec<OutputFile>, Vec<Problem>> {
    let Some(base) = &site.config.base_url else {
        return Ok(Vec::new());
    };
    let feeds_of: Vec<(Option<Channel>, Vec<usize>)> = feed_channels()
        .map(|channel| (channel, carried(site, channel)))
        .collect();
    // Every announcement some feed carries, in the site's order.
    let in_any: BTreeSet<usize> = feeds_of
        .iter()
        .flat_map(|(_, c)| c.iter().copied())
        .collect();
    let feeds: Vec<Result<Vec<OutputFile>, Vec<Problem>>> = site
        .languages
        .par_iter()
        .map(|lang| {
            let page = Page::new(
                site,
                theme,
                state,
                lang,
                path::feed(lang, site.main_language(), None),
            );
            // Each entry is made once per language, then shared by the feeds it is in.
            let entries: HashMap<usize, Entry> = in_any
                .par_iter()
                .map(|&i| Ok((i, entry(&page, base, theme, &site.announcements[i])?)))
                .collect::<Result<_, Vec<Problem>>>()?;
            feeds_of
                .iter()
                .map(|(channel, carried)| {
                    let entries = carried.iter().map(|i| entries[i].clone()).collect();
                    let xml = feed(&page, base, *channel, entries)
                        .write_to(Vec::new())
                        .map_err(|e| {
                            vec![Problem::in_file(
                                &site.root,
                                format!("cannot write the Atom feed: {e}"),
                            )]
                        })?;
                    Ok(OutputFile {
                        path: path::feed(lang, site.main_language(), *channel),
                        content: FileContent::Text(xml_chars(&String::from_utf8_lossy(&xml))),
                    })
                })
                .collect()
        })
        .collect();
    let mut files = Vec::new();
    for feed in feeds {
        files.extend(feed?);
    }
    Ok(files)
}

/// The paths of [`files`], in the same order, without making the feeds.
pub fn paths(site: &Site) -> Vec<String> {
    if site.config.base_url.is_none() {
        return Vec::new();
    }
    let main = site.main_language();
    site.languages
        .iter()
        .flat_map(|lang| feed_channels().map(move |channel| path::feed(lang, main, channel)))
        .collect()
}

/// The feeds of a language, in order: all announcements (`None`), then each channel's.
/// One list for [`files`] and [`paths`], which must agree.
fn feed_channels() -> impl Iterator<Item = Option<Channel>> {
    std::iter::once(None).chain(Channel::ALL.map(Some))
}

/// `xml` without the characters XML 1.0 cannot hold, even escaped: control characters
/// other than tab and line breaks, and U+FFFE and U+FFFF. A title or body may carry
/// one pasted from another tool; pages and status.json keep it, but a feed reader
/// refuses the whole feed for it. Outside text they never occur (the markup the feed
/// is written with is ASCII), so dropping them keeps the rest of the XML as it was.
/// status.svg, also XML, gives its text (the site's title) through it too.
pub(crate) fn xml_chars(xml: &str) -> String {
    xml.chars()
        .filter(|&c| {
            matches!(c, '\t' | '\n' | '\r') || (c >= ' ' && c != '\u{fffe}' && c != '\u{ffff}')
        })
        .collect()
}

/// The announcements (indexes, in the site's order: newest first) the feed of
/// `channel` (or of all) carries: the `feed_limit` changed most recently, so that an
/// amendment or correction of an older one still reaches subscribers.
fn carried(site: &Site, channel: Option<Channel>) -> Vec<usize> {
    let limit = site.config.feed_limit;
    let mut carried: Vec<usize> = (0..site.announcements.len())
        .filter(|&i| channel.is_none_or(|c| site.announcements[i].channels.contains(c)))
        .collect();
    if carried.len() > limit {
        carried.select_nth_unstable_by_key(limit - 1, |&i| {
            std::cmp::Reverse(site.announcements[i].last_changed())
        });
        carried.truncate(limit);
        carried.sort_unstable();
    }
    carried
}

fn feed(page: &Page, base: &BaseUrl, channel: Option<Channel>, entries: Vec<Entry>) -> Feed {
    let (site, lang) = (page.site, page.lang);
    let main = site.main_language();
    let self_url = base.url_of(&path::feed(lang, main, channel));
    let name = page.strings.get(&format!(
        "feed_title_{}",
        channel.map_or("all", Channel::id)
    ));
    Feed {
        title: Text::plain(format!("{name} | {}", site.config.title_in(lang))),
        id: self_url.clone(),
        // The newest change of an entry; a feed with none yet dates from the incident.
        updated: entries
            .iter()
            .map(|e| e.updated)
            .max()
            .or(site.config.incident.started)
            .unwrap_or(site.now),
        authors: vec![author(page, base)],
        links: vec![
            link(self_url, "self", "application/atom+xml", None),
            link(
                base.url_of(&path::list(lang, main, channel)),
                "alternate",
                "text/html",
                Some(lang),
            ),
        ],
        lang: Some(lang.to_string()),
        entries,
        ..Feed::default()
    }
}

#[derive(Serialize)]
struct EntryView<'a> {
    body_html: &'a str,
    attachments: Vec<AttachmentView>,
}

fn entry(
    page: &Page,
    base: &BaseUrl,
    theme: &Theme,
    a: &Announcement,
) -> Result<Entry, Vec<Problem>> {
    let main = page.site.main_language();
    // An untranslated announcement is listed in the main language, marked as such.
    let (version, lang) = match a.version(page.lang, main) {
        Some(v) => (v, page.lang),
        None => (&a.original, main),
    };
    let marked = (lang != page.lang).then(|| lang.to_string());
    let url = base.url_of(&path::announcement(lang, main, &a.slug));

    let mut context = tera::Context::new();
    context.insert_value("t", page.strings.value.clone());
    context.insert(
        "entry",
        &EntryView {
            body_html: &version.body_html,
            attachments: a.attachments.iter().map(|f| page.attachment(f)).collect(),
        },
    );
    let html = theme
        .tera
        .render(ENTRY_TEMPLATE, &context)
        .map_err(|e| template_problems(&e, &theme.template_paths))?;

    let text = |value: &str| Text {
        lang: marked.clone(),
        ..Text::plain(value)
    };
    Ok(Entry {
        title: text(&version.title),
        id: base.url_of(&path::announcement(page.lang, main, &a.slug)),
        updated: a.last_changed(),
        published: Some(a.date),
        authors: vec![author(page, base)],
        categories: a
            .channels
            .list()
            .into_iter()
            .map(|c| Category {
                term: c.id().to_string(),
                label: Some(page.channel(c).label),
                scheme: None,
            })
            .collect(),
        links: vec![link(url.clone(), "alternate", "text/html", Some(lang))],
        summary: Some(text(&version.summary)),
        content: Some(Content {
            // Links in the body and to attachments are relative to the page.
            base: Some(url),
            lang: marked,
            value: Some(html),
            content_type: Some("html".to_string()),
            src: None,
        }),
        ..Entry::default()
    })
}

fn author(page: &Page, base: &BaseUrl) -> Person {
    Person {
        name: page.site.config.organization_in(page.lang).to_string(),
        uri: Some(base.url_of(&path::home(page.lang, page.site.main_language()))),
        ..Person::default()
    }
}

fn link(href: String, rel: &str, mime_type: &str, lang: Option<&Lang>) -> Link {
    Link {
        href,
        rel: rel.to_string(),
        mime_type: Some(mime_type.to_string()),
        hreflang: lang.map(Lang::to_string),
        ..Link::default()
    }
}
