//! Announcements as lines of a list, with their channels, and the list's filters.

use serde::Serialize;

use super::context::{DateView, Label, PageContext};
use crate::model::{Announcement, Channel, url};
use crate::theme::Key;

/// An announcement as a line of a list.
#[derive(Debug, Serialize)]
pub struct Item {
    /// Its slug.
    pub slug: String,
    /// The link to its page, in the page's language where translated.
    pub url: String,
    /// Its title.
    pub title: String,
    /// Its summary.
    pub summary: String,
    /// Its publication date-time.
    pub date: DateView,
    /// Its channels with their labels, IR first.
    pub channels: Vec<Label>,
    /// "第3報" / "Update 3", if numbered.
    pub number: Option<String>,
    /// The language of the title and summary when it is not the page's (an untranslated
    /// announcement in a translated list), for the `lang` attribute.
    pub lang: Option<String>,
    /// Whether it is a draft (shown only when drafts are built).
    pub draft: bool,
    /// Whether its date is still to come (shown only when embargoed ones are built).
    pub embargoed: bool,
    /// When it was last amended, if it was.
    pub updated: Option<DateView>,
    /// Whether a published announcement corrects it.
    pub corrected: bool,
}

/// A link to a neighbouring announcement.
#[derive(Debug, Serialize)]
pub struct Neighbour {
    /// Its title.
    pub title: String,
    /// The link to it.
    pub url: String,
}

/// One of the filters of the announcement list.
#[derive(Debug, Serialize)]
pub struct Filter {
    /// `all`, `ir` or `pr`.
    pub id: &'static str,
    /// The link to the filtered list.
    pub url: String,
    /// Whether this page is that list.
    pub active: bool,
}

/// An announcement as a list line, in this page's language where translated.
pub fn item(cx: &PageContext, a: &Announcement) -> Item {
    let (version, lang) = match a.version(cx.lang, cx.main()) {
        Some(v) => (v, cx.lang),
        None => (&a.original, cx.main()),
    };
    Item {
        slug: a.slug.to_string(),
        url: cx.link(&url::announcement(lang, cx.main(), &a.slug)),
        title: version.title.clone(),
        summary: version.summary.clone(),
        date: cx.date(&a.date),
        channels: a
            .channels
            .list()
            .into_iter()
            .map(|c| channel(cx, c))
            .collect(),
        number: a.number.map(|n| {
            cx.strings
                .fill(Key::REPORT_NUMBER, &[("{n}", &n.to_string())])
        }),
        lang: (lang != cx.lang).then(|| lang.to_string()),
        draft: a.draft,
        embargoed: a.date > cx.site.now,
        updated: a.updated.map(|u| cx.date(&u)),
        corrected: cx.state.corrected_by.contains_key(&a.slug),
    }
}

/// A channel with its label.
pub fn channel(cx: &PageContext, c: Channel) -> Label {
    cx.label(Key::channel(c), c.id())
}

/// A neighbouring announcement, for the links between announcement pages.
pub fn neighbour(cx: &PageContext, a: &Announcement) -> Neighbour {
    let item = item(cx, a);
    Neighbour {
        title: item.title,
        url: item.url,
    }
}

/// The filters of the announcement list, with the active one marked.
pub fn filters(cx: &PageContext, active: Option<Channel>) -> Vec<Filter> {
    std::iter::once(None)
        .chain(Channel::ALL.into_iter().map(Some))
        .map(|c| Filter {
            id: c.map_or("all", Channel::id),
            url: cx.link(&url::list(cx.lang, cx.main(), c)),
            active: c == active,
        })
        .collect()
}
