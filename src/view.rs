//! What templates see: plain, serialisable views of the site for one page in one
//! language, with every date formatted, every label looked up and every link made
//! relative to the page. Templates only place these values; they decide nothing.
//!
//! The README's "Template context" section documents these fields; keep the two in step.

use std::collections::BTreeMap;

use chrono::{DateTime, FixedOffset};
use serde::Serialize;

use crate::announcement::{Announcement, Attachment, Channel};
use crate::config::PeriodState;
use crate::lang::Lang;
use crate::markdown::Heading;
use crate::pages;
use crate::site::Site;
use crate::state::State;
use crate::theme::Strings;
use crate::time::When;

mod embed;
mod head;
mod incident;
pub mod path;
mod redirect;

pub use embed::*;
pub use head::*;
pub use incident::*;
pub use redirect::*;

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
    /// The incident's state, derived once for all pages.
    pub state: &'a State,
    /// The page's path from the output root.
    pub path: String,
}

impl<'a> Page<'a> {
    /// The page at `path` in `lang`, with that language's strings from `theme`.
    pub fn new(
        site: &'a Site,
        theme: &'a crate::theme::Theme,
        state: &'a State,
        lang: &'a Lang,
        path: String,
    ) -> Page<'a> {
        Page {
            site,
            lang,
            strings: &theme.strings[lang],
            all_strings: &theme.strings,
            state,
            path,
        }
    }

    /// A link from this page to `to` (a path from the output root).
    pub fn link(&self, to: &str) -> String {
        path::relative(&self.path, to)
    }

    /// The absolute URL of `to` (a path from the output root), when `base_url` is set.
    pub fn absolute(&self, to: &str) -> Option<String> {
        self.site.config.base_url.as_ref().map(|b| b.url_of(to))
    }

    /// A date-time as this page's language shows it.
    pub fn date(&self, at: &DateTime<FixedOffset>) -> DateView {
        let zone = self.site.config.timezone;
        DateView {
            iso: at.with_timezone(&zone).to_rfc3339(),
            display: self.strings.datetime.format(at, zone),
        }
    }

    /// A day or a date-time as this page's language shows it; a day has no time.
    pub fn when(&self, when: &When) -> DateView {
        match when {
            When::Day(day) => DateView {
                iso: day.to_string(),
                display: self.strings.date.format_day(*day),
            },
            When::At(at) => self.date(at),
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
    /// When the status last changed: the date of the announcement that gave it.
    pub status_since: Option<DateView>,
    /// The newest publication or amendment of a published announcement.
    pub last_updated: Option<DateView>,
    /// The services page, when any service has been reported.
    pub services_url: Option<String>,
    /// The measures page, when any measure has been reported.
    pub measures_url: Option<String>,
    /// The response timeline.
    pub timeline_url: String,
    /// The site-wide alerts in force.
    pub alerts: Vec<AlertView>,
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
    /// When it was last amended, if it was.
    pub updated: Option<DateView>,
    /// Whether a published announcement corrects it.
    pub corrected: bool,
}

/// Words of content that may be in another language than the page's, where the
/// translation does not give them.
#[derive(Debug, Serialize)]
pub struct Text {
    /// The words.
    pub text: String,
    /// Their language when it is not the page's, for the `lang` attribute.
    pub lang: Option<String>,
}

/// A site-wide alert.
#[derive(Debug, Serialize)]
pub struct AlertView {
    /// The warning.
    pub text: Text,
    /// Where to read more.
    pub url: Option<String>,
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
    /// `open`, `closed` (after `until`) or `upcoming` (before `from`).
    pub state: &'static str,
    /// The first day it answers, if set.
    pub from: Option<DateView>,
    /// The last day it answers, if set.
    pub until: Option<DateView>,
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
        let status = self.state.status;
        let main = self.main();
        SiteView {
            title: config.title_in(self.lang).to_string(),
            organization: config.organization_in(self.lang).to_string(),
            status: self.label("status", status.id()),
            status_since: self
                .state
                .status_set_by
                .map(|i| self.date(&self.site.announcements[i].date)),
            started: config.incident.started.as_ref().map(|d| self.date(d)),
            last_updated: self.site.last_updated.map(|d| self.date(&d)),
            services_url: (!self.state.services.is_empty())
                .then(|| self.link(&path::services(self.lang, main))),
            measures_url: (!self.state.measures.is_empty())
                .then(|| self.link(&path::measures(self.lang, main))),
            timeline_url: self.link(&path::timeline(self.lang, main)),
            alerts: self.alerts(),
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
            updated: a.updated.map(|u| self.date(&u)),
            corrected: self.state.corrected_by.contains_key(&a.slug),
        }
    }

    /// A channel with its label.
    pub fn channel(&self, c: Channel) -> Label {
        self.label("channel", c.id())
    }

    /// A closed-set value with its label, the theme's string `PREFIX_ID`.
    fn label(&self, prefix: &str, id: &'static str) -> Label {
        Label {
            id,
            label: self.strings.get(&format!("{prefix}_{id}")).to_string(),
        }
    }

    /// Words shown in the main language on this page because no translation gives
    /// them: marked with the main language, unless the page is in it.
    fn in_main_language(&self, text: String) -> Text {
        Text {
            text,
            lang: (self.lang != self.main()).then(|| self.main().to_string()),
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
                let now = self.site.now;
                let state = match c.period.state(now, self.site.config.timezone) {
                    PeriodState::Upcoming => "upcoming",
                    PeriodState::Current => "open",
                    PeriodState::Over => "closed",
                };
                ContactView {
                    state,
                    from: c.period.from.as_ref().map(|w| self.when(w)),
                    until: c.period.until.as_ref().map(|w| self.when(w)),
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

    /// The alerts in force at the build time.
    pub fn alerts(&self) -> Vec<AlertView> {
        let (now, zone) = (self.site.now, self.site.config.timezone);
        self.site
            .config
            .alerts
            .iter()
            .filter(|alert| alert.period.state(now, zone) == PeriodState::Current)
            .map(|alert| {
                let (text, link) = alert.text_in(self.lang);
                let translated = alert
                    .translations
                    .get(self.lang)
                    .is_some_and(|t| t.text.is_some());
                AlertView {
                    text: if translated {
                        Text {
                            text: text.to_string(),
                            lang: None,
                        }
                    } else {
                        self.in_main_language(text.to_string())
                    },
                    url: link.map(|l| path::configured(&self.path, l)),
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
