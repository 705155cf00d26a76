//! `site.toml`: the settings of one incident site, as validated types. Reading them
//! from the file is the loader's job (`load::config`).

mod alert;
mod base_url;
mod desk;
mod incident;
mod ir;
mod key_report;
mod pdf;
mod period;
mod phone;
mod publish;
mod review;

use std::collections::BTreeMap;

use chrono::FixedOffset;
use serde::Deserialize;

use super::redirect::Redirect;
use crate::base::{Lang, Located};

pub use alert::{Alert, AlertTranslation};
pub use base_url::BaseUrl;
pub use desk::{ContactDesk, ContactText, ContactTranslation};
pub use incident::{Incident, IncidentStatus, PersonalData};
pub use ir::{IrIdentity, IrText};
pub use key_report::{BlockText, BlockTranslation, KeyReport, KeyReportId};
pub use pdf::PdfSettings;
pub use period::{Period, PeriodState};
pub use phone::Phone;
pub use publish::{
    DEFAULT_RETRIES, Destination, Notify, NotifyBy, Target, TargetKind, TargetName, is_web_address,
};
pub use review::CheckSettings;

/// How many announcements a feed carries unless site.toml says otherwise: more than a
/// long incident publishes, far fewer than a benchmark's thousands (a feed of every
/// one of 10,000 announcements would be some 30 MB, fetched by every reader's poll).
pub const DEFAULT_FEED_LIMIT: usize = 50;

/// The main language when site.toml names none: Japanese, the first language of the
/// content this tool is made for.
pub fn default_language() -> Lang {
    Lang::parse("ja").expect("ja is a language code")
}

/// The time zone when site.toml names none: Japan Standard Time.
pub fn default_timezone() -> FixedOffset {
    FixedOffset::east_opt(9 * 3600).expect("+09:00 is a valid offset")
}

/// The name of the built-in theme, the site's theme where site.toml names none.
pub const DEFAULT_THEME: &str = "default";

/// The validated settings of a site.
#[derive(Debug, Clone)]
pub struct Config {
    /// The incident site's title, in the main language.
    pub title: String,
    /// The organisation that publishes the site.
    pub organization: String,
    /// The main language: content files without a language suffix are in it.
    pub language: Lang,
    /// The zone in which times without offset are read and all times are shown.
    pub timezone: FixedOffset,
    /// How the zone is named after times shown to readers (e.g. `JST`).
    pub timezone_name: String,
    /// Where the site is published, used only where an absolute URL is required
    /// (feeds, sitemap, canonical and share-preview URLs); `--base-url` overrides it.
    pub base_url: Option<BaseUrl>,
    /// Whether the site is prepared ahead of a crisis and not yet live: every page
    /// says `noindex` and robots.txt keeps crawlers out.
    pub standby: bool,
    /// The theme site.toml names, with its line: its folder under `themes/`, whose
    /// files replace the built-in theme's. `None` is the built-in theme, `default`
    /// ([`Config::theme_name`]).
    pub theme: Option<Located<String>>,
    /// How many of the newest announcements the home page lists.
    pub home_latest: usize,
    /// How many announcements each Atom feed carries: those changed most recently.
    /// Feed readers poll the whole file, often, during a spike; the site keeps the
    /// full record.
    pub feed_limit: usize,
    /// The pages (`content/pages/NAME.md`) shown as blocks on the home page, in the
    /// order listed: each name with the line of site.toml that lists it.
    pub home_pages: Vec<Located<String>>,
    /// The state of the incident as the site reports it.
    pub incident: Incident,
    /// The blocks of the home page's key-report menu, in the order declared.
    pub key_reports: Vec<KeyReport>,
    /// The contact desks, in the order declared.
    pub contacts: Vec<ContactDesk>,
    /// Site-wide warnings, in the order declared.
    pub alerts: Vec<Alert>,
    /// The site's title and organisation in other languages.
    pub translations: BTreeMap<Lang, SiteText>,
    /// Old paths that keep working (`[redirects]`), in the order of their lines.
    /// Each is written as a small page that only sends readers on; not being a render
    /// job, it is not in the sitemap.
    pub redirects: Vec<Redirect>,
    /// How `crisis-site check` reviews the site (`[check]`).
    pub check: CheckSettings,
    /// Who files the IR disclosures (`[ir]`); every field empty when the table is
    /// missing.
    pub ir: IrIdentity,
    /// The PDF of every announcement (`[pdf]`).
    pub pdf: PdfSettings,
    /// Where `crisis-site publish` sends the site (`[[publish]]`).
    pub publish: Vec<Target>,
    /// Whom `crisis-site publish` tells of new and amended announcements
    /// (`[[notify]]`).
    pub notify: Vec<Notify>,
}

/// The site's title and organisation in another language.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SiteText {
    /// The translated title.
    #[serde(default)]
    pub title: Option<String>,
    /// The translated organisation name.
    #[serde(default)]
    pub organization: Option<String>,
}

impl Config {
    /// The name of the site's theme: site.toml's `theme`, else `default`, the
    /// built-in theme's.
    pub fn theme_name(&self) -> &str {
        self.theme
            .as_ref()
            .map_or(DEFAULT_THEME, |t| t.value.as_str())
    }

    /// The site's title in `lang`, falling back to the main language.
    pub fn title_in(&self, lang: &Lang) -> &str {
        self.translations
            .get(lang)
            .and_then(|t| t.title.as_deref())
            .unwrap_or(&self.title)
    }

    /// The organisation's name in `lang`, falling back to the main language.
    pub fn organization_in(&self, lang: &Lang) -> &str {
        self.translations
            .get(lang)
            .and_then(|t| t.organization.as_deref())
            .unwrap_or(&self.organization)
    }

    /// The key-report block with this id.
    pub fn key_report(&self, id: &KeyReportId) -> Option<&KeyReport> {
        self.key_reports.iter().find(|k| &k.id == id)
    }
}
