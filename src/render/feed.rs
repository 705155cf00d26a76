//! Atom feeds (RFC 4287), so that journalists, investors and customers' staff are told
//! of a new statement instead of reloading the page: in every language, one of all
//! announcements and one of each channel's, beside the list each follows.
//!
//! Atom needs absolute addresses, so feeds are written only when `base_url` is set.
//! An entry's id is its page's address in the feed's language, even while the
//! announcement is untranslated, so that translating it later does not make feed
//! readers show it twice.

use atom_syndication::{Category, Content, Entry, Feed, Link, Person, Text};
use serde::Serialize;

use crate::base::text::xml_chars;
use crate::base::{Lang, Problem};
use crate::model::{Announcement, BaseUrl, Channel, Site, url};
use crate::state::State;
use crate::theme::{Key, Template, Theme};
use crate::view::PageContext;
use crate::view::announcement::{AttachmentView, attachment};
use crate::view::item::channel as channel_label;

/// The feeds of each language, in order: all announcements (`None`), then each
/// channel's. Feeds are planned only with `base_url`.
pub fn channels() -> impl Iterator<Item = Option<Channel>> {
    std::iter::once(None).chain(Channel::ALL.map(Some))
}

/// The feed of `channel`'s announcements (or all) in `lang`, as XML.
pub fn render(
    site: &Site,
    state: &State,
    theme: &Theme,
    lang: &Lang,
    channel: Option<Channel>,
) -> Result<String, Vec<Problem>> {
    let base = site
        .config
        .base_url
        .as_ref()
        .expect("feeds are planned only with base_url");
    let path = url::feed(lang, site.main_language(), channel);
    let cx = PageContext::new(site, theme, state, lang, path);
    let entries = carried(site, channel)
        .into_iter()
        .map(|i| entry(&cx, base, theme, &site.announcements[i]))
        .collect::<Result<Vec<Entry>, Vec<Problem>>>()?;
    let xml = feed(&cx, base, channel, entries)
        .write_to(Vec::new())
        .map_err(|e| {
            vec![Problem::in_file(
                &site.root,
                crate::msg!("render-feed-failed", error = e.to_string()),
            )]
        })?;
    Ok(xml_chars(&String::from_utf8_lossy(&xml)))
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

fn feed(cx: &PageContext, base: &BaseUrl, channel: Option<Channel>, entries: Vec<Entry>) -> Feed {
    let (site, lang) = (cx.site, cx.lang);
    let main = site.main_language();
    let self_url = base.url_of(&url::feed(lang, main, channel));
    let name = cx.strings.get(Key::feed_title(channel));
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
        authors: vec![author(cx, base)],
        links: vec![
            link(self_url, "self", "application/atom+xml", None),
            link(
                base.url_of(&url::list(lang, main, channel)),
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
    cx: &PageContext,
    base: &BaseUrl,
    theme: &Theme,
    a: &Announcement,
) -> Result<Entry, Vec<Problem>> {
    let main = cx.main();
    // An untranslated announcement is listed in the main language, marked as such.
    let (version, lang) = match a.version(cx.lang, main) {
        Some(v) => (v, cx.lang),
        None => (&a.original, main),
    };
    let marked = (lang != cx.lang).then(|| lang.to_string());
    let url = base.url_of(&url::announcement(lang, main, &a.slug));

    let mut context = tera::Context::new();
    context.insert_value("t", cx.strings.value.clone());
    context.insert(
        "entry",
        &EntryView {
            body_html: &version.body_html,
            attachments: a.attachments.iter().map(attachment).collect(),
        },
    );
    let html = theme.render(Template::FeedEntry, &context)?;

    let text = |value: &str| Text {
        lang: marked.clone(),
        ..Text::plain(value)
    };
    Ok(Entry {
        title: text(&version.title),
        id: base.url_of(&url::announcement(cx.lang, main, &a.slug)),
        updated: a.last_changed(),
        published: Some(a.date),
        authors: vec![author(cx, base)],
        categories: a
            .channels
            .list()
            .into_iter()
            .map(|c| Category {
                term: c.id().to_string(),
                label: Some(channel_label(cx, c).label),
                scheme: None,
            })
            .collect(),
        links: std::iter::once(link(url.clone(), "alternate", "text/html", Some(lang)))
            .chain(url::pdf_of(cx.site, lang, a).map(|pdf| {
                link(
                    base.url_of(&pdf),
                    "alternate",
                    "application/pdf",
                    Some(lang),
                )
            }))
            .collect(),
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

fn author(cx: &PageContext, base: &BaseUrl) -> Person {
    Person {
        name: cx.site.config.organization_in(cx.lang).to_string(),
        uri: Some(base.url_of(&url::home(cx.lang, cx.main()))),
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
