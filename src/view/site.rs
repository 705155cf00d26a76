//! The site-wide facts every page shows: title, status, last update, the alerts in
//! force, the links of the navigation, and the page in other languages.

use serde::Serialize;

use super::context::{DateView, Label, PageContext, Text};
use super::unreleased::{self, Unreleased, UnreleasedNote};
use crate::base::Lang;
use crate::model::config::PeriodState;
use crate::model::url;
use crate::theme::Key;

/// The site-wide facts every page shows.
#[derive(Debug, Serialize)]
pub struct SiteView {
    /// The site's title in the page's language.
    pub title: String,
    /// The organisation in the page's language.
    pub organization: String,
    /// The incident's status: `id` (investigating, ...) and its `label`.
    pub status: Label,
    /// In the preview, why the announcement that gave the status (and so
    /// `status_since`) is not published: `draft` or `embargoed`.
    pub status_from: Option<Unreleased>,
    /// When the incident began, if said.
    pub started: Option<DateView>,
    /// When the status last changed: the date of the announcement that gave it.
    pub status_since: Option<DateView>,
    /// The newest publication or amendment of a published announcement.
    pub last_updated: Option<DateView>,
    /// In the preview, why the announcement `last_updated` comes from is not
    /// published.
    pub last_updated_from: Option<Unreleased>,
    /// In the preview, the notice of what the masthead and the home page show from
    /// announcements not yet published, when they show anything of them.
    pub unreleased: Option<UnreleasedNote>,
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
    /// The stylesheet, under its name made from its content.
    pub stylesheet_url: String,
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

/// A site-wide alert.
#[derive(Debug, Serialize)]
pub struct AlertView {
    /// The warning.
    pub text: Text,
    /// Where to read more.
    pub url: Option<String>,
}

/// The site-wide facts.
pub fn site_view(cx: &PageContext) -> SiteView {
    let config = &cx.site.config;
    let status = cx.state.status;
    let main = cx.main();
    SiteView {
        title: config.title_in(cx.lang).to_string(),
        organization: config.organization_in(cx.lang).to_string(),
        status: cx.label(Key::status(status), status.id()),
        status_since: cx
            .state
            .status_set_by
            .map(|i| cx.date(&cx.site.announcements[i].date)),
        status_from: cx.state.status_set_by.and_then(|i| unreleased::from(cx, i)),
        started: config.incident.started.as_ref().map(|d| cx.date(d)),
        last_updated: cx.site.last_updated.map(|d| cx.date(&d)),
        last_updated_from: unreleased::last_updated_from(cx),
        unreleased: unreleased::note(cx),
        services_url: (!cx.state.services.is_empty())
            .then(|| cx.link(&url::services(cx.lang, main))),
        measures_url: (!cx.state.measures.is_empty())
            .then(|| cx.link(&url::measures(cx.lang, main))),
        timeline_url: cx.link(&url::timeline(cx.lang, main)),
        alerts: alerts(cx),
        home_url: cx.link(&url::home(cx.lang, cx.main())),
        announcements_url: cx.link(&url::list(cx.lang, cx.main(), None)),
        stylesheet_url: cx.link(cx.stylesheet),
    }
}

/// The other languages' versions of this page, given the path of the page in each
/// language where it exists.
pub fn alternates(cx: &PageContext, path_in: impl Fn(&Lang) -> Option<String>) -> Vec<Alternate> {
    cx.site
        .languages
        .iter()
        .filter(|l| *l != cx.lang)
        .filter_map(|l| {
            let to = path_in(l)?;
            let name = cx.language_name(l);
            Some(Alternate {
                lang: l.to_string(),
                name,
                url: cx.link(&to),
            })
        })
        .collect()
}

/// The alerts in force at the build time.
pub fn alerts(cx: &PageContext) -> Vec<AlertView> {
    let (now, zone) = (cx.site.now, cx.site.config.timezone);
    cx.site
        .config
        .alerts
        .iter()
        .filter(|alert| alert.period.state(now, zone) == PeriodState::Current)
        .map(|alert| {
            let (text, link) = alert.text_in(cx.lang);
            let translated = alert
                .translations
                .get(cx.lang)
                .is_some_and(|t| t.text.is_some());
            AlertView {
                text: if translated {
                    Text {
                        text: text.to_string(),
                        lang: None,
                    }
                } else {
                    cx.in_main_language(text.to_string())
                },
                url: link.map(|l| url::configured(&cx.path, l)),
            }
        })
        .collect()
}
