//! What templates see: plain, serialisable views of the site for one page in one
//! language, with every date formatted, every label looked up and every link made
//! relative to the page. Templates only place these values; they decide nothing.
//!
//! The README's "Template context" section documents these fields; keep the two in step.

use std::collections::BTreeMap;

use chrono::{DateTime, FixedOffset};
use serde::Serialize;

use crate::announcement::{Announcement, Attachment, Channel};
use crate::lang::Lang;
use crate::markdown::Heading;
use crate::pages;
use crate::site::Site;
use crate::theme::Strings;

/// Where a page lives, relative to the output root, with `/` separators.
///
/// Links from one page to another are made relative, so the output works from disk,
/// under any sub-path and on any static host; they name `index.html` explicitly
/// because browsers do not open a folder's index from disk.
pub mod path {
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
}

/// A date-time as machines and readers need it.
#[derive(Debug, Serialize)]
pub struct DateView {
    /// RFC 3339, for `<time datetime>`.
    pub iso: String,
    /// As the reader's language writes it, in the site's zone.
    pub display: String,
}

/// The strings and site facts one page is rendered with.
pub struct Page<'a> {
    /// The site.
    pub site: &'a Site,
    /// The page's language.
    pub lang: &'a Lang,
    /// The page's UI strings.
    pub strings: &'a Strings,
    /// The UI strings of every language, for naming the other languages.
    pub all_strings: &'a BTreeMap<Lang, Strings>,
    /// The page's path from the output root.
    pub path: String,
}

impl Page<'_> {
    /// A link from this page to `to` (a path from the output root).
    pub fn link(&self, to: &str) -> String {
        path::relative(&self.path, to)
    }

    /// A date-time as this page's language shows it.
    pub fn date(&self, at: &DateTime<FixedOffset>) -> DateView {
        let zone = self.site.config.timezone;
        DateView {
            iso: at.with_timezone(&zone).to_rfc3339(),
            display: self.strings.datetime.format(at, zone),
        }
    }

    fn main(&self) -> &Lang {
        self.site.main_language()
    }
}

/// The site-wide facts every page shows.
#[derive(Debug, Serialize)]
pub struct SiteView {
    /// The site's title in the page's language.
    pub title: String,
    /// The organisation in the page's language.
    pub organization: String,
    /// The incident's status: `id` (investigating, ...) and its `label`.
    pub status: Label,
    /// When the incident began, if said.
    pub started: Option<DateView>,
    /// The newest published announcement's date-time.
    pub last_updated: Option<DateView>,
    /// The home page.
    pub home_url: String,
    /// The list of all announcements.
    pub announcements_url: String,
    /// The style sheet.
    pub stylesheet_url: String,
}

/// A closed-set value with its words: a channel, a status.
#[derive(Debug, Serialize)]
pub struct Label {
    /// The stable identifier (`ir`, `resolved`, ...), fit for CSS classes.
    pub id: &'static str,
    /// What the reader sees.
    pub label: String,
}

/// The same page in another language.
#[derive(Debug, Serialize)]
pub struct Alternate {
    /// Its language code, for `hreflang` and `lang`.
    pub lang: String,
    /// The language's own name ("English", "日本語").
    pub name: String,
    /// The link to it.
    pub url: String,
}

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
}

/// An attachment as the announcement page lists it.
#[derive(Debug, Serialize)]
pub struct AttachmentView {
    /// Its file name.
    pub name: String,
    /// The link to it.
    pub url: String,
    /// Its type, from the extension ("PDF").
    pub kind: String,
    /// Its size for people ("245 KB").
    pub size: String,
}

/// A block of the key-report menu.
#[derive(Debug, Serialize)]
pub struct KeyReportView {
    /// The block's id, usable as an anchor.
    pub id: String,
    /// Its title.
    pub title: String,
    /// Its one-line description.
    pub description: String,
    /// The announcement that fills it, or `None` while it is in preparation.
    pub announcement: Option<Item>,
}

/// A contact desk in the page's language.
#[derive(Debug, Serialize)]
pub struct ContactView {
    /// The desk's name.
    pub name: String,
    /// Its phone number.
    pub phone: Option<String>,
    /// The `tel:` form of the phone number.
    pub phone_link: Option<String>,
    /// Its e-mail address.
    pub email: Option<String>,
    /// When it answers.
    pub hours: Option<String>,
}

/// A link to a neighbouring announcement.
#[derive(Debug, Serialize)]
pub struct Neighbour {
    /// Its title.
    pub title: String,
    /// The link to it.
    pub url: String,
}

/// A page of `content/pages/` as a block of the home page.
#[derive(Debug, Serialize)]
pub struct PageBlock {
    /// The page's name in URLs.
    pub name: String,
    /// The link to it, in the home page's language where translated.
    pub url: String,
    /// Its title.
    pub title: String,
    /// Its summary.
    pub summary: String,
    /// When it was last changed, if the writer says.
    pub updated: Option<DateView>,
    /// The language of the title and summary when it is not the home page's (an
    /// untranslated page), for the `lang` and `hreflang` attributes.
    pub lang: Option<String>,
}

/// At least this many headings (`##` and `###`) give a page a table of contents; fewer
/// are seen at a glance.
pub const TOC_MIN_HEADINGS: usize = 3;

/// An entry of a page's table of contents.
#[derive(Debug, Serialize)]
pub struct TocEntry {
    /// The heading's text.
    pub title: String,
    /// The link to the heading (`#ID`).
    pub url: String,
    /// The `###` headings under a `##` one.
    pub children: Vec<TocEntry>,
}

/// The table of contents of a body: its `##` headings with their `###` ones nested, or
/// nothing when it has fewer than [`TOC_MIN_HEADINGS`] of them.
pub fn table_of_contents(headings: &[Heading]) -> Vec<TocEntry> {
    let listed: Vec<&Heading> = headings
        .iter()
        .filter(|h| h.level == 2 || h.level == 3)
        .collect();
    if listed.len() < TOC_MIN_HEADINGS {
        return Vec::new();
    }
    let mut toc: Vec<TocEntry> = Vec::new();
    // A `###` before the first `##` has no parent and stays at the top.
    let mut under_h2 = false;
    for heading in listed {
        let entry = TocEntry {
            title: heading.text.clone(),
            url: format!("#{}", heading.id),
            children: Vec::new(),
        };
        match toc.last_mut() {
            Some(parent) if heading.level == 3 && under_h2 => parent.children.push(entry),
            _ => {
                under_h2 = heading.level == 2;
                toc.push(entry);
            }
        }
    }
    toc
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

/// Builds the views of one page.
impl Page<'_> {
    /// The site-wide facts.
    pub fn site_view(&self) -> SiteView {
        let config = &self.site.config;
        let status = config.incident.status;
        SiteView {
            title: config.title_in(self.lang).to_string(),
            organization: config.organization_in(self.lang).to_string(),
            status: Label {
                id: status.id(),
                label: self
                    .strings
                    .get(&format!("status_{}", status.id()))
                    .to_string(),
            },
            started: config.incident.started.as_ref().map(|d| self.date(d)),
            last_updated: self.site.last_updated().map(|d| self.date(&d)),
            home_url: self.link(&path::home(self.lang, self.main())),
            announcements_url: self.link(&path::list(self.lang, self.main(), None)),
            stylesheet_url: self.link("style.css"),
        }
    }

    /// The other languages' versions of this page, given the path of the page in each
    /// language where it exists.
    pub fn alternates(&self, path_in: impl Fn(&Lang) -> Option<String>) -> Vec<Alternate> {
        self.site
            .languages
            .iter()
            .filter(|l| *l != self.lang)
            .filter_map(|l| {
                let to = path_in(l)?;
                let name = self.language_name(l);
                Some(Alternate {
                    lang: l.to_string(),
                    name,
                    url: self.link(&to),
                })
            })
            .collect()
    }

    fn language_name(&self, lang: &Lang) -> String {
        self.all_strings
            .get(lang)
            .map_or_else(|| lang.to_string(), |s| s.get("language_name").to_string())
    }

    /// An announcement as a list line, in this page's language where translated.
    pub fn item(&self, a: &Announcement) -> Item {
        let (version, lang) = match a.version(self.lang, self.main()) {
            Some(v) => (v, self.lang),
            None => (&a.original, self.main()),
        };
        Item {
            slug: a.slug.to_string(),
            url: self.link(&path::announcement(lang, self.main(), &a.slug)),
            title: version.title.clone(),
            summary: version.summary.clone(),
            date: self.date(&a.date),
            channels: a
                .channels
                .list()
                .into_iter()
                .map(|c| self.channel(c))
                .collect(),
            number: a.number.map(|n| {
                self.strings
                    .get("report_number")
                    .replace("{n}", &n.to_string())
            }),
            lang: (lang != self.lang).then(|| lang.to_string()),
            draft: a.draft,
            embargoed: a.date > self.site.now,
        }
    }

    /// A channel with its label.
    pub fn channel(&self, c: Channel) -> Label {
        Label {
            id: c.id(),
            label: self.strings.get(&format!("channel_{}", c.id())).to_string(),
        }
    }

    /// An attachment of the announcement whose folder this page is in.
    pub fn attachment(&self, a: &Attachment) -> AttachmentView {
        let kind = a
            .name
            .rsplit_once('.')
            .map(|(_, ext)| ext.to_ascii_uppercase())
            .unwrap_or_default();
        AttachmentView {
            name: a.name.rsplit('/').next().unwrap_or(&a.name).to_string(),
            url: path::url_encoded(&a.name),
            kind,
            size: human_size(a.size),
        }
    }

    /// The key-report menu, each block linked where it is filled.
    pub fn key_reports(&self) -> Vec<KeyReportView> {
        self.site
            .config
            .key_reports
            .iter()
            .map(|block| {
                let text = block.text_in(self.lang);
                KeyReportView {
                    id: block.id.to_string(),
                    title: text.title.clone(),
                    description: text.description.clone(),
                    announcement: self.site.filling(block).map(|a| self.item(a)),
                }
            })
            .collect()
    }

    /// The pages site.toml's `home_pages` lists, in its order, each in this page's
    /// language where translated.
    pub fn home_pages(&self) -> Vec<PageBlock> {
        let config = &self.site.config;
        config
            .home_pages
            .iter()
            .filter_map(|(name, _)| self.site.page(name))
            .map(|p| self.page_block(p))
            .collect()
    }

    fn page_block(&self, page: &pages::Page) -> PageBlock {
        let (text, lang) = match page.version(self.lang, self.main()) {
            Some(text) => (text, self.lang),
            None => (&page.original, self.main()),
        };
        PageBlock {
            name: page.name.to_string(),
            url: self.link(&path::page(lang, self.main(), &page.name)),
            title: text.title.clone(),
            summary: text.summary.clone(),
            updated: text.updated.as_ref().map(|d| self.date(d)),
            lang: (lang != self.lang).then(|| lang.to_string()),
        }
    }

    /// The contact desks.
    pub fn contacts(&self) -> Vec<ContactView> {
        self.site
            .config
            .contacts
            .iter()
            .map(|c| {
                let text = c.text_in(self.lang);
                ContactView {
                    phone_link: text.phone.as_ref().map(|p| {
                        let digits: String = p
                            .chars()
                            .filter(|c| c.is_ascii_digit() || *c == '+')
                            .collect();
                        format!("tel:{digits}")
                    }),
                    name: text.name,
                    phone: text.phone,
                    email: text.email,
                    hours: text.hours,
                }
            })
            .collect()
    }

    /// The filters of the announcement list, with the active one marked.
    pub fn filters(&self, active: Option<Channel>) -> Vec<Filter> {
        std::iter::once(None)
            .chain(Channel::ALL.into_iter().map(Some))
            .map(|c| Filter {
                id: c.map_or("all", Channel::id),
                url: self.link(&path::list(self.lang, self.main(), c)),
                active: c == active,
            })
            .collect()
    }
}

/// A size as people read it: "980 B", "245 KB", "1.2 MB".
pub fn human_size(bytes: u64) -> String {
    const KB: u64 = 1024;
    const MB: u64 = 1024 * 1024;
    match bytes {
        b if b < KB => format!("{b} B"),
        b if b < MB => format!("{} KB", b.div_ceil(KB)),
        b => format!("{:.1} MB", b as f64 / MB as f64),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn links_climb_out_of_the_page_folder() {
        assert_eq!(path::relative("index.html", "style.css"), "style.css");
        assert_eq!(
            path::relative("en/announcements/x/index.html", "announcements/index.html"),
            "../../../announcements/index.html"
        );
    }

    #[test]
    fn attachment_names_are_encoded_for_links() {
        assert_eq!(
            path::url_encoded("報告書 (1).pdf"),
            "%E5%A0%B1%E5%91%8A%E6%9B%B8%20%281%29.pdf"
        );
        assert_eq!(path::url_encoded("data/a#b?.csv"), "data/a%23b%3F.csv");
        assert_eq!(
            path::url_encoded("report-v1_final.pdf"),
            "report-v1_final.pdf"
        );
    }

    #[test]
    fn a_table_of_contents_nests_h3_under_h2_from_three_headings() {
        let heading = |level, id: &str| Heading {
            level,
            id: id.to_string(),
            text: id.to_uppercase(),
        };
        let two = [heading(2, "a"), heading(3, "b"), heading(4, "c")];
        assert!(table_of_contents(&two).is_empty());

        let toc = table_of_contents(&[
            heading(3, "lead"),
            heading(2, "a"),
            heading(3, "b"),
            heading(3, "c"),
            heading(1, "x"),
            heading(2, "d"),
        ]);
        let shape: Vec<(String, Vec<String>)> = toc
            .iter()
            .map(|e| {
                (
                    e.url.clone(),
                    e.children.iter().map(|c| c.url.clone()).collect(),
                )
            })
            .collect();
        assert_eq!(
            shape,
            [
                ("#lead".to_string(), vec![]),
                ("#a".to_string(), vec!["#b".to_string(), "#c".to_string()]),
                ("#d".to_string(), vec![]),
            ]
        );
        assert_eq!(toc[1].title, "A");
    }

    #[test]
    fn sizes_read_like_people_write_them() {
        assert_eq!(human_size(980), "980 B");
        assert_eq!(human_size(250_000), "245 KB");
        assert_eq!(human_size(1_300_000), "1.2 MB");
    }
}
