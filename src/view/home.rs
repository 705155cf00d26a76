//! What the home page shows besides the lists: the key-report menu, the guide pages'
//! blocks and the contact desks.

use serde::Serialize;

use super::context::{DateView, PageContext};
use super::item::{Item, item};
use super::unreleased::{Unreleased, unreleased};
use crate::model::config::{PeriodState, Phone};
use crate::model::{GuidePage, url};

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
    /// In the preview, why that announcement is not published.
    pub from: Option<Unreleased>,
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

/// The incident overview at the top of the home page, in its language.
#[derive(Debug, Serialize)]
pub struct OverviewView<'a> {
    /// Its heading, if the writer gave one.
    pub title: Option<&'a str>,
    /// The overview as HTML.
    pub html: &'a str,
}

/// The overview in this page's language, if there is one.
pub fn overview<'a>(cx: &PageContext<'a>) -> Option<OverviewView<'a>> {
    cx.site.overview.get(cx.lang).map(|o| OverviewView {
        title: o.title.as_deref(),
        html: &o.html,
    })
}

/// The newest announcements, as many as site.toml's `home_latest`.
pub fn latest(cx: &PageContext) -> Vec<Item> {
    let site = cx.site;
    site.announcements
        .iter()
        .take(site.config.home_latest)
        .map(|a| item(cx, a))
        .collect()
}

/// Whether a contact desk answers at the build's moment.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum DeskState {
    /// It answers.
    Open,
    /// Its `until` has passed: it stays listed so readers know why it no longer answers.
    Closed,
    /// Its `from` is still to come.
    Upcoming,
}

/// A contact desk in the page's language.
#[derive(Debug, Serialize)]
pub struct ContactView {
    /// The desk's name.
    pub name: String,
    /// Its phone number.
    pub phone: Option<String>,
    /// The `tel:` link of the phone number (`Phone::tel`), or `None` when the field
    /// does not start with one.
    pub phone_link: Option<String>,
    /// Its e-mail address.
    pub email: Option<String>,
    /// When it answers.
    pub hours: Option<String>,
    /// Whether it answers now.
    pub state: DeskState,
    /// The first day it answers, if set.
    pub from: Option<DateView>,
    /// The last day it answers, if set.
    pub until: Option<DateView>,
}

/// The key-report menu, each block linked where it is filled.
pub fn key_reports(cx: &PageContext) -> Vec<KeyReportView> {
    cx.site
        .config
        .key_reports
        .iter()
        .map(|block| {
            let text = block.text_in(cx.lang);
            let filling = cx.site.filling(block);
            KeyReportView {
                id: block.id.to_string(),
                title: text.title.clone(),
                description: text.description.clone(),
                announcement: filling.map(|a| item(cx, a)),
                from: filling.and_then(|a| unreleased(cx, a)),
            }
        })
        .collect()
}

/// The pages site.toml's `home_pages` lists, in its order, each in this page's
/// language where translated.
pub fn home_pages(cx: &PageContext) -> Vec<PageBlock> {
    let config = &cx.site.config;
    config
        .home_pages
        .iter()
        .filter_map(|name| cx.site.page(&name.value))
        .map(|p| page_block(cx, p))
        .collect()
}

fn page_block(cx: &PageContext, page: &GuidePage) -> PageBlock {
    let (text, lang) = match page.version(cx.lang, cx.main()) {
        Some(text) => (text, cx.lang),
        None => (&page.original, cx.main()),
    };
    PageBlock {
        name: page.name.to_string(),
        url: cx.link(&url::page(lang, cx.main(), &page.name)),
        title: text.title.clone(),
        summary: text.summary.clone(),
        updated: text.updated.as_ref().map(|d| cx.date(d)),
        lang: (lang != cx.lang).then(|| lang.to_string()),
    }
}

/// The contact desks: those open or about to open, then those closed, which stay
/// listed so readers know why a number no longer answers.
pub fn desks(cx: &PageContext) -> (Vec<ContactView>, Vec<ContactView>) {
    contacts(cx)
        .into_iter()
        .partition(|desk| desk.state != DeskState::Closed)
}

/// The contact desks.
fn contacts(cx: &PageContext) -> Vec<ContactView> {
    cx.site
        .config
        .contacts
        .iter()
        .map(|c| {
            let text = c.text_in(cx.lang);
            let now = cx.site.now;
            let state = match c.period.state(now, cx.site.config.timezone) {
                PeriodState::Upcoming => DeskState::Upcoming,
                PeriodState::Current => DeskState::Open,
                PeriodState::Over => DeskState::Closed,
            };
            ContactView {
                state,
                from: c.period.from.as_ref().map(|w| cx.when(w)),
                until: c.period.until.as_ref().map(|w| cx.when(w)),
                phone_link: text
                    .phone
                    .as_deref()
                    .and_then(Phone::parse)
                    .map(|p| p.tel()),
                name: text.name,
                phone: text.phone,
                email: text.email,
                hours: text.hours,
            }
        })
        .collect()
}
