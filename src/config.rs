//! `site.toml`: the settings of one incident site, read and validated.

use std::collections::BTreeMap;
use std::fmt;
use std::path::Path;

use chrono::{DateTime, FixedOffset};
use serde::Deserialize;
use toml::Spanned;

use crate::check::{Level, Rule};
use crate::error::{Problem, line_of, toml_problem};
use crate::lang::Lang;
use crate::redirect::Redirect;
use crate::time::{self, When};

/// The name of the settings file at the site root.
pub const FILE: &str = "site.toml";

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
    /// The theme folder's name under `themes/`.
    pub theme: String,
    /// How many of the newest announcements the home page lists.
    pub home_latest: usize,
    /// How many announcements each Atom feed carries: those changed most recently.
    /// Feed readers poll the whole file, often, during a spike; the site keeps the
    /// full record.
    pub feed_limit: usize,
    /// The pages (`content/pages/NAME.md`) shown as blocks on the home page, in the
    /// order listed: each name with the line of site.toml that lists it.
    pub home_pages: Vec<(String, usize)>,
    /// The state of the incident as the site reports it.
    pub incident: Incident,
    /// The blocks of the home page's key-report menu, in the order declared.
    pub key_reports: Vec<KeyReport>,
    /// The contact desks, in the order declared.
    pub contacts: Vec<Contact>,
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
}

/// site.toml's `[ir]`: the identity an IR disclosure (適時開示) carries. Each field is
/// optional here; `crisis-site check` (`ir-identity`) asks for all three once an IR
/// announcement is published.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct IrIdentity {
    /// The securities code (証券コード): four digits or capital letters, e.g. `9999`
    /// or `130A`.
    pub securities_code: Option<String>,
    /// The exchange and segment the shares are listed on, e.g. `東証プライム`.
    pub exchange: Option<String>,
    /// Whom investors and the press contact (a person or department).
    pub contact: Option<String>,
}

/// site.toml's `[check]`: rule levels changed or turned off, and the rules' limits.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CheckSettings {
    /// The rules whose level site.toml changes; `None` turns a rule off.
    pub levels: BTreeMap<Rule, Option<Level>>,
    /// How many days may pass without an announcement while the incident goes on.
    pub stale_after_days: u32,
    /// The budget of one page in KB (1024 bytes): its HTML plus the stylesheets it
    /// links (`page-weight`).
    pub page_weight_kb: u32,
}

impl Default for CheckSettings {
    fn default() -> Self {
        CheckSettings {
            levels: BTreeMap::new(),
            stale_after_days: 3,
            page_weight_kb: 30,
        }
    }
}

impl CheckSettings {
    /// The level of `rule`'s findings, or `None` when it is turned off.
    pub fn level(&self, rule: Rule) -> Option<Level> {
        self.levels
            .get(&rule)
            .copied()
            .unwrap_or(Some(rule.default_level()))
    }
}

/// The incident's state as declared by the comms team.
#[derive(Debug, Clone)]
pub struct Incident {
    /// Where the response stands.
    pub status: IncidentStatus,
    /// When the incident began, if it is known and said.
    pub started: Option<DateTime<FixedOffset>>,
    /// Set when personal data leaked or may have (`personal_data = true`): the facts
    /// the reports to the regulator are counted from.
    pub personal_data: Option<PersonalData>,
}

/// A personal-data incident as site.toml's `[incident]` declares it, for the
/// reminder of the reports owed to the Personal Information Protection Commission.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PersonalData {
    /// When the company became aware of it (`aware_on`): the deadlines count from
    /// this day.
    pub aware_on: When,
    /// The line of `aware_on` in site.toml, for findings to point at.
    pub line: usize,
    /// Whether the leak may result from a wrongful act such as an attack
    /// (`wrongful_act = true`): the final report is then due within 60 days, not 30.
    pub wrongful_act: bool,
}

/// Where the response to the incident stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum IncidentStatus {
    /// The cause and scope are still being established.
    Investigating,
    /// The cause is known and the response is under way.
    Responding,
    /// Services are coming back.
    Recovering,
    /// The incident is over.
    Resolved,
}

impl IncidentStatus {
    /// The identifier used in site.toml, CSS classes and the theme's string keys.
    pub fn id(self) -> &'static str {
        match self {
            IncidentStatus::Investigating => "investigating",
            IncidentStatus::Responding => "responding",
            IncidentStatus::Recovering => "recovering",
            IncidentStatus::Resolved => "resolved",
        }
    }
}

/// Where the site is published: an `http(s)` URL ending in `/`, against which output
/// paths are made absolute.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BaseUrl(url::Url);

impl BaseUrl {
    /// Accepts an absolute `https://` or `http://` URL without query or fragment; a
    /// missing final `/` is added, so `https://example.jp/incident` means the folder.
    pub fn parse(text: &str) -> Result<BaseUrl, String> {
        let expected = "expected e.g. https://incident.example.jp/";
        let mut url = url::Url::parse(text)
            .map_err(|e| format!("`{text}` is not an absolute URL ({e}); {expected}"))?;
        if !matches!(url.scheme(), "https" | "http") || url.cannot_be_a_base() {
            return Err(format!(
                "`{text}` is not an https:// or http:// URL; {expected}"
            ));
        }
        if url.query().is_some() || url.fragment().is_some() {
            return Err(format!(
                "`{text}` has a query or fragment; {expected} (a site address only)"
            ));
        }
        if !url.path().ends_with('/') {
            let folder = format!("{}/", url.path());
            url.set_path(&folder);
        }
        Ok(BaseUrl(url))
    }

    /// The absolute URL of an output path (from the output root, `/`-separated and
    /// already percent-encoded). A folder's `index.html` is left out: every static
    /// host serves it for the folder, and the shorter URL is the one people quote.
    pub fn url_of(&self, path: &str) -> String {
        let path = match path.strip_suffix("index.html") {
            Some(folder) if folder.is_empty() || folder.ends_with('/') => folder,
            _ => path,
        };
        self.0
            .join(path)
            .map_or_else(|_| format!("{}{path}", self.0), String::from)
    }

    /// The URL itself, ending in `/`.
    pub fn as_str(&self) -> &str {
        self.0.as_str()
    }
}

impl std::fmt::Display for BaseUrl {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// The id of a key-report block, named by announcements that fill it.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct KeyReportId(String);

impl KeyReportId {
    /// Accepts lowercase ASCII letters, digits and hyphens, so ids are safe as anchors.
    pub fn parse(id: &str) -> Result<KeyReportId, String> {
        let ok = !id.is_empty()
            && id
                .bytes()
                .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-');
        if ok {
            Ok(KeyReportId(id.to_string()))
        } else {
            Err(format!(
                "key report id `{id}` is not valid; expected lowercase letters, digits and hyphens"
            ))
        }
    }

    /// The id as written.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for KeyReportId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// One block of the key-report menu (investigation report, committee findings, ...).
#[derive(Debug, Clone)]
pub struct KeyReport {
    /// What announcements name in `key_report` to fill this block.
    pub id: KeyReportId,
    /// The block's title and description in the main language.
    pub text: BlockText,
    /// The same in other languages; what a translation leaves out stays as in the
    /// main language.
    pub translations: BTreeMap<Lang, BlockTranslation>,
}

/// The words of a key-report block in one language.
#[derive(Debug, Clone)]
pub struct BlockText {
    /// The block's title.
    pub title: String,
    /// One line saying what the report holds.
    pub description: String,
}

/// A key-report block's title and description in another language.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct BlockTranslation {
    /// The translated title.
    #[serde(default)]
    pub title: Option<String>,
    /// The translated description.
    #[serde(default)]
    pub description: Option<String>,
}

/// A contact desk: whom readers call or write to.
#[derive(Debug, Clone)]
pub struct Contact {
    /// The desk's name, phone, e-mail and hours in the main language.
    pub text: ContactText,
    /// Name and hours in other languages; phone and e-mail do not change.
    pub translations: BTreeMap<Lang, ContactTranslation>,
    /// When the desk answers: a closed desk stays on the site, marked closed, so
    /// readers understand why the number no longer answers.
    pub period: Period,
}

/// The days something is in force: from the start of `from` to the end of `until`,
/// either end open when not given.
#[derive(Debug, Clone, Copy, Default)]
pub struct Period {
    /// The first day or moment.
    pub from: Option<When>,
    /// The last day, or the moment it ends.
    pub until: Option<When>,
}

/// Where a moment falls in a [`Period`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PeriodState {
    /// Before `from`.
    Upcoming,
    /// In force.
    Current,
    /// After `until`.
    Over,
}

impl Period {
    /// Where `now` falls.
    pub fn state(&self, now: DateTime<FixedOffset>, zone: FixedOffset) -> PeriodState {
        if self.from.is_some_and(|from| now < from.start(zone)) {
            PeriodState::Upcoming
        } else if self.until.is_some_and(|until| now >= until.end(zone)) {
            PeriodState::Over
        } else {
            PeriodState::Current
        }
    }
}

/// A short warning shown on every page while in force ("beware of phishing in our
/// name"), for what readers must know wherever they land.
#[derive(Debug, Clone)]
pub struct Alert {
    /// The warning in the main language.
    pub text: String,
    /// Where to read more: an `https://` URL or a path inside the site.
    pub link: Option<String>,
    /// When it is shown.
    pub period: Period,
    /// Text and link in other languages.
    pub translations: BTreeMap<Lang, AlertTranslation>,
}

/// An alert's words in another language.
#[derive(Debug, Clone, Default)]
pub struct AlertTranslation {
    /// The translated warning.
    pub text: Option<String>,
    /// A link for readers of this language (the translated page, say).
    pub link: Option<String>,
}

impl Alert {
    /// The text and link in `lang`, each falling back to the main language.
    pub fn text_in(&self, lang: &Lang) -> (&str, Option<&str>) {
        let translation = self.translations.get(lang);
        (
            translation
                .and_then(|t| t.text.as_deref())
                .unwrap_or(&self.text),
            translation
                .and_then(|t| t.link.as_deref())
                .or(self.link.as_deref()),
        )
    }
}

/// A contact desk's details in one language.
#[derive(Debug, Clone, Default)]
pub struct ContactText {
    /// The desk's name.
    pub name: String,
    /// Its phone number, as readers should dial it.
    pub phone: Option<String>,
    /// Its e-mail address.
    pub email: Option<String>,
    /// When it answers.
    pub hours: Option<String>,
}

/// A contact desk's name and hours in another language.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ContactTranslation {
    /// The translated name.
    #[serde(default)]
    pub name: Option<String>,
    /// The translated hours.
    #[serde(default)]
    pub hours: Option<String>,
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

impl KeyReport {
    /// The block's words in `lang`, each falling back to the main language.
    pub fn text_in(&self, lang: &Lang) -> BlockText {
        let translation = self.translations.get(lang);
        BlockText {
            title: translation
                .and_then(|t| t.title.clone())
                .unwrap_or_else(|| self.text.title.clone()),
            description: translation
                .and_then(|t| t.description.clone())
                .unwrap_or_else(|| self.text.description.clone()),
        }
    }
}

impl Contact {
    /// The desk's details in `lang`: translated name and hours over the original.
    pub fn text_in(&self, lang: &Lang) -> ContactText {
        let mut text = self.text.clone();
        if let Some(t) = self.translations.get(lang) {
            if let Some(name) = &t.name {
                text.name = name.clone();
            }
            if t.hours.is_some() {
                text.hours = t.hours.clone();
            }
        }
        text
    }
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawConfig {
    title: String,
    organization: String,
    language: Option<Spanned<String>>,
    timezone: Option<Spanned<String>>,
    timezone_name: Option<String>,
    base_url: Option<Spanned<String>>,
    #[serde(default)]
    standby: bool,
    theme: Option<String>,
    home_latest: Option<Spanned<usize>>,
    feed_limit: Option<Spanned<usize>>,
    #[serde(default)]
    home_pages: Vec<Spanned<String>>,
    incident: RawIncident,
    #[serde(default)]
    key_reports: Vec<RawKeyReport>,
    #[serde(default)]
    contacts: Vec<RawContact>,
    #[serde(default)]
    alerts: Vec<Spanned<RawAlert>>,
    #[serde(default)]
    translations: BTreeMap<String, Spanned<SiteText>>,
    #[serde(default)]
    redirects: BTreeMap<String, Spanned<String>>,
    check: Option<RawCheck>,
    ir: Option<RawIr>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawIr {
    securities_code: Option<Spanned<String>>,
    exchange: Option<Spanned<String>>,
    contact: Option<Spanned<String>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawCheck {
    #[serde(default)]
    levels: BTreeMap<String, Spanned<String>>,
    stale_after_days: Option<Spanned<u32>>,
    page_weight_kb: Option<Spanned<u32>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawAlert {
    text: String,
    link: Option<Spanned<String>>,
    from: Option<Spanned<toml::Value>>,
    until: Option<Spanned<toml::Value>>,
    #[serde(default)]
    translations: BTreeMap<String, Spanned<RawAlertTranslation>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawAlertTranslation {
    text: Option<Spanned<String>>,
    link: Option<Spanned<String>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawIncident {
    status: IncidentStatus,
    started: Option<Spanned<toml::Value>>,
    personal_data: Option<Spanned<bool>>,
    aware_on: Option<Spanned<toml::Value>>,
    wrongful_act: Option<Spanned<bool>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawKeyReport {
    id: Spanned<String>,
    title: String,
    #[serde(default)]
    description: String,
    #[serde(default)]
    translations: BTreeMap<String, Spanned<BlockTranslation>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawContact {
    name: String,
    phone: Option<String>,
    email: Option<String>,
    hours: Option<String>,
    from: Option<Spanned<toml::Value>>,
    until: Option<Spanned<toml::Value>>,
    #[serde(default)]
    translations: BTreeMap<String, Spanned<ContactTranslation>>,
}

/// Reads `site.toml` from the site root; every problem found is returned.
pub fn load(root: &Path) -> Result<Config, Vec<Problem>> {
    let path = Path::new(FILE);
    let text = match std::fs::read_to_string(root.join(FILE)) {
        Ok(text) => text,
        Err(err) if err.kind() == std::io::ErrorKind::NotFound => {
            return Err(vec![Problem::in_file(
                path,
                "not found; every site needs a site.toml at its root (run in the site's folder or pass --root)",
            )]);
        }
        Err(err) => {
            return Err(vec![Problem::in_file(
                path,
                format!("cannot be read: {err}"),
            )]);
        }
    };
    parse(&text)
}

/// Validates the text of a `site.toml`.
pub fn parse(text: &str) -> Result<Config, Vec<Problem>> {
    let path = Path::new(FILE);
    let raw: RawConfig = toml::from_str(text).map_err(|e| vec![toml_problem(path, text, 1, &e)])?;
    let mut problems = Vec::new();
    let mut problem = |span: std::ops::Range<usize>, message: String| {
        problems.push(Problem::at(path, line_of(text, span.start), message));
    };

    let language = match &raw.language {
        None => default_language(),
        Some(value) => Lang::parse(value.get_ref()).unwrap_or_else(|m| {
            problem(value.span(), format!("`language`: {m}"));
            default_language()
        }),
    };
    let timezone = match &raw.timezone {
        None => default_timezone(),
        Some(value) => time::parse_offset(value.get_ref()).unwrap_or_else(|m| {
            problem(value.span(), format!("`timezone`: {m}"));
            FixedOffset::east_opt(0).expect("UTC is a valid offset")
        }),
    };
    let base_url = raw.base_url.as_ref().and_then(|url| {
        BaseUrl::parse(url.get_ref())
            .map_err(|m| problem(url.span(), format!("`base_url` {m}")))
            .ok()
    });
    if let Some(latest) = &raw.home_latest
        && *latest.get_ref() == 0
    {
        problem(
            latest.span(),
            "`home_latest` is 0; expected how many of the newest announcements the home page lists (1 or more)".into(),
        );
    }
    if let Some(limit) = &raw.feed_limit
        && *limit.get_ref() == 0
    {
        problem(
            limit.span(),
            "`feed_limit` is 0; expected how many announcements each feed carries (1 or more)"
                .into(),
        );
    }
    let started = raw.incident.started.as_ref().and_then(|value| {
        time::parse_value(value.get_ref(), timezone)
            .map_err(|m| problem(value.span(), format!("`incident.started`: {m}")))
            .ok()
    });

    let translations = by_language(raw.translations, &language, &mut problem);

    let mut key_reports: Vec<KeyReport> = Vec::new();
    for raw_block in raw.key_reports {
        let id = match KeyReportId::parse(raw_block.id.get_ref()) {
            Ok(id) => id,
            Err(m) => {
                problem(raw_block.id.span(), m);
                continue;
            }
        };
        if key_reports.iter().any(|k| k.id == id) {
            problem(
                raw_block.id.span(),
                format!("key report id `{id}` is declared twice; expected each id once"),
            );
            continue;
        }
        let block_translations = by_language(raw_block.translations, &language, &mut problem);
        key_reports.push(KeyReport {
            id,
            text: BlockText {
                title: raw_block.title,
                description: raw_block.description,
            },
            translations: block_translations,
        });
    }

    let mut contacts = Vec::new();
    for raw_contact in raw.contacts {
        let contact_translations = by_language(raw_contact.translations, &language, &mut problem);
        let period = period(
            "contacts",
            raw_contact.from.as_ref(),
            raw_contact.until.as_ref(),
            timezone,
            &mut problem,
        );
        contacts.push(Contact {
            period,
            text: ContactText {
                name: raw_contact.name,
                phone: raw_contact.phone,
                email: raw_contact.email,
                hours: raw_contact.hours,
            },
            translations: contact_translations,
        });
    }

    let mut alerts = Vec::new();
    for raw_alert in raw.alerts {
        let span = raw_alert.span();
        let raw_alert = raw_alert.into_inner();
        if raw_alert.text.trim().is_empty() {
            problem(
                span,
                "`[[alerts]]` entry has an empty `text`; expected the warning".into(),
            );
        }
        let translated = raw_alert.translations.values().map(Spanned::get_ref);
        for text in translated.clone().filter_map(|t| t.text.as_ref()) {
            if text.get_ref().trim().is_empty() {
                problem(
                    text.span(),
                    "`[[alerts]]` translation has an empty `text`; expected the warning \
                     (or leave `text` out to show the original's)"
                        .into(),
                );
            }
        }
        let links = std::iter::once(raw_alert.link.as_ref())
            .chain(translated.map(|t| t.link.as_ref()))
            .flatten();
        for link in links {
            if let Err(m) = check_link(link.get_ref()) {
                problem(link.span(), m);
            }
        }
        let period = period(
            "alerts",
            raw_alert.from.as_ref(),
            raw_alert.until.as_ref(),
            timezone,
            &mut problem,
        );
        alerts.push(Alert {
            text: raw_alert.text,
            link: raw_alert.link.map(Spanned::into_inner),
            period,
            translations: by_language(raw_alert.translations, &language, &mut problem)
                .into_iter()
                .map(|(lang, t)| {
                    let text = AlertTranslation {
                        text: t.text.map(Spanned::into_inner),
                        link: t.link.map(Spanned::into_inner),
                    };
                    (lang, text)
                })
                .collect(),
        });
    }

    let mut redirects = Vec::new();
    for (from, to) in &raw.redirects {
        let line = line_of(text, to.span().start);
        match Redirect::parse(from, to.get_ref(), line) {
            Ok(redirect) => redirects.push(redirect),
            Err(messages) => {
                for message in messages {
                    problem(to.span(), message);
                }
            }
        }
    }
    redirects.sort_by_key(|r| r.line);
    let mut check = CheckSettings::default();
    if let Some(raw_check) = &raw.check {
        for (id, level) in &raw_check.levels {
            let Some(rule) = Rule::parse(id) else {
                let known: Vec<&str> = Rule::ALL.iter().map(|r| r.id()).collect();
                let hint = crate::error::unknown_name_hint(id, &known, String::new);
                problem(
                    level.span(),
                    format!("`[check.levels]`: unknown rule `{id}`; {hint}"),
                );
                continue;
            };
            match Level::parse(level.get_ref()) {
                Ok(level) => {
                    check.levels.insert(rule, level);
                }
                Err(message) => {
                    problem(level.span(), format!("`[check.levels]` `{id}`: {message}"))
                }
            }
        }
        if let Some(days) = &raw_check.stale_after_days {
            if *days.get_ref() == 0 {
                problem(
                    days.span(),
                    "`[check] stale_after_days` is 0; expected a number of days, 1 or more"
                        .to_string(),
                );
            }
            check.stale_after_days = *days.get_ref();
        }
        if let Some(kb) = &raw_check.page_weight_kb {
            if *kb.get_ref() == 0 {
                problem(
                    kb.span(),
                    "`[check] page_weight_kb` is 0; expected a budget in KB, 1 or more".to_string(),
                );
            }
            check.page_weight_kb = *kb.get_ref();
        }
    }
    let personal_data = personal_data(&raw.incident, text, timezone, &mut problem);
    let ir = raw
        .ir
        .map(|raw_ir| ir_identity(raw_ir, &mut problem))
        .unwrap_or_default();
    for (line, message) in crate::redirect::duplicates(&redirects) {
        problems.push(Problem::at(path, line, message));
    }

    if !problems.is_empty() {
        problems.sort();
        return Err(problems);
    }
    Ok(Config {
        title: raw.title,
        organization: raw.organization,
        language,
        timezone,
        timezone_name: raw
            .timezone_name
            .unwrap_or_else(|| format!("UTC{timezone}")),
        base_url,
        standby: raw.standby,
        theme: raw.theme.unwrap_or_else(|| "default".to_string()),
        home_latest: raw.home_latest.map_or(5, Spanned::into_inner),
        feed_limit: raw
            .feed_limit
            .map_or(DEFAULT_FEED_LIMIT, Spanned::into_inner),
        home_pages: raw
            .home_pages
            .iter()
            .map(|name| (name.get_ref().clone(), line_of(text, name.span().start)))
            .collect(),
        incident: Incident {
            status: raw.incident.status,
            started,
            personal_data,
        },
        key_reports,
        contacts,
        alerts,
        translations,
        redirects,
        check,
        ir,
    })
}

/// Reads `[incident]`'s `personal_data`, `aware_on` and `wrongful_act`: `aware_on`
/// is required with `personal_data = true` (the deadlines count from it), and the
/// other two mean nothing without it, so they are refused rather than ignored.
fn personal_data(
    raw: &RawIncident,
    text: &str,
    zone: FixedOffset,
    problem: &mut impl FnMut(std::ops::Range<usize>, String),
) -> Option<PersonalData> {
    let declared = raw.personal_data.as_ref().is_some_and(|p| *p.get_ref());
    let aware_on = raw.aware_on.as_ref().and_then(|value| {
        time::parse_when_value(value.get_ref(), zone)
            .map_err(|m| problem(value.span(), format!("`incident.aware_on`: {m}")))
            .ok()
            .map(|when| (when, line_of(text, value.span().start)))
    });
    if !declared {
        if let Some(value) = &raw.aware_on {
            problem(
                value.span(),
                "`incident.aware_on` is set but `incident.personal_data` is not true; expected personal_data = true with it, or no aware_on"
                    .to_string(),
            );
        }
        if let Some(value) = raw.wrongful_act.as_ref().filter(|w| *w.get_ref()) {
            problem(
                value.span(),
                "`incident.wrongful_act` is set but `incident.personal_data` is not true; expected personal_data = true with it, or no wrongful_act"
                    .to_string(),
            );
        }
        return None;
    }
    if raw.aware_on.is_none()
        && let Some(value) = &raw.personal_data
    {
        problem(
            value.span(),
            "`incident.personal_data` is true but `incident.aware_on` is missing; expected \
             the day the company became aware of the leak, e.g. aware_on = 2026-09-14"
                .to_string(),
        );
    }
    let (aware_on, line) = aware_on?;
    Some(PersonalData {
        aware_on,
        line,
        wrongful_act: raw.wrongful_act.as_ref().is_some_and(|w| *w.get_ref()),
    })
}

/// Reads `[ir]`: a securities code of four digits or capital letters starting with a
/// digit (`9999`, or since 2024 `130A`), and no empty strings.
fn ir_identity(raw: RawIr, problem: &mut impl FnMut(std::ops::Range<usize>, String)) -> IrIdentity {
    let mut read = |value: Option<Spanned<String>>, key: &str| {
        let value = value?;
        if value.get_ref().trim().is_empty() {
            problem(
                value.span(),
                format!("`[ir] {key}` is empty; expected a value, or leave the key out"),
            );
            return None;
        }
        Some(value)
    };
    let code = read(raw.securities_code, "securities_code");
    let exchange = read(raw.exchange, "exchange");
    let contact = read(raw.contact, "contact");
    let code = code.filter(|code| {
        let text = code.get_ref();
        let valid = text.len() == 4
            && text.starts_with(|c: char| c.is_ascii_digit())
            && text
                .chars()
                .all(|c| c.is_ascii_digit() || c.is_ascii_uppercase());
        if !valid {
            problem(
                code.span(),
                format!(
                    "`[ir] securities_code` `{text}` is not a securities code; expected 4 \
                     digits or capital letters starting with a digit, such as \"9999\" or \"130A\""
                ),
            );
        }
        valid
    });
    IrIdentity {
        securities_code: code.map(Spanned::into_inner),
        exchange: exchange.map(Spanned::into_inner),
        contact: contact.map(Spanned::into_inner),
    }
}

/// Reads `from` and `until` of an entry of `table`; `until` must not end before
/// `from` starts.
fn period(
    table: &str,
    from: Option<&Spanned<toml::Value>>,
    until: Option<&Spanned<toml::Value>>,
    zone: FixedOffset,
    problem: &mut impl FnMut(std::ops::Range<usize>, String),
) -> Period {
    let mut read = |value: Option<&Spanned<toml::Value>>, key: &str| {
        let value = value?;
        time::parse_when_value(value.get_ref(), zone)
            .map_err(|m| problem(value.span(), format!("`{table}.{key}`: {m}")))
            .ok()
    };
    let period = Period {
        from: read(from, "from"),
        until: read(until, "until"),
    };
    if let (Some(start), Some(end), Some(value)) = (period.from, period.until, until)
        && end.end(zone) <= start.start(zone)
    {
        problem(
            value.span(),
            format!(
                "`{table}.until` ({}) is before `from` ({}); expected the end of the period, \
                 after its start",
                end, start
            ),
        );
    }
    period
}

/// A link in site.toml: an absolute web address, or a path inside the site written
/// from its root without a leading `/`, so the site still works under a sub-path.
fn check_link(link: &str) -> Result<(), String> {
    if link.starts_with("https://") || link.starts_with("http://") {
        return Ok(());
    }
    // `javascript:`, `data:`, `mailto:` …: anything before a `:` in the first path
    // segment is a scheme, and only web addresses are links readers can trust.
    let has_scheme = link
        .split('/')
        .next()
        .is_some_and(|first| first.contains(':'));
    let inside = !link.is_empty()
        && !link.starts_with('/')
        && !has_scheme
        && !link.split('/').any(|segment| segment == "..");
    if inside {
        Ok(())
    } else {
        Err(format!(
            "link `{link}` is neither a web address nor a path inside the site; expected \
             https://… or a path from the site's root such as \"faq/\" (no leading `/`, no `..`)"
        ))
    }
}

/// The `translations.LANG` tables of one entry, by language; a table for the main
/// language is refused, since it would silently override the original words.
fn by_language<T>(
    raw: BTreeMap<String, Spanned<T>>,
    main: &Lang,
    problem: &mut impl FnMut(std::ops::Range<usize>, String),
) -> BTreeMap<Lang, T> {
    let mut out = BTreeMap::new();
    for (code, text) in raw {
        match Lang::parse(&code) {
            Ok(lang) if &lang == main => problem(
                text.span(),
                format!(
                    "`translations.{code}` is the site's main language; expected the words in the entry itself"
                ),
            ),
            Ok(lang) => {
                out.insert(lang, text.into_inner());
            }
            Err(m) => problem(text.span(), format!("`translations.{code}`: {m}")),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    const MINIMAL: &str =
        "title = \"t\"\norganization = \"o\"\n[incident]\nstatus = \"responding\"\n";

    #[test]
    fn defaults_apply() {
        let config = parse(MINIMAL).unwrap();
        assert_eq!(config.language.as_str(), "ja");
        assert_eq!(config.timezone.local_minus_utc(), 9 * 3600);
        assert_eq!(config.timezone_name, "UTC+09:00");
        assert_eq!(config.theme, "default");
    }

    #[test]
    fn several_problems_are_reported_together() {
        let text = format!("{MINIMAL}timezone = \"JST\"\n");
        // `timezone` after a table header belongs to [incident]: an unknown key.
        let problems = parse(&text).unwrap_err();
        assert_eq!(problems.len(), 1);
        assert!(
            problems[0].message.contains("unknown key `timezone`"),
            "{:?}",
            problems
        );

        let text = "title = \"t\"\norganization = \"o\"\ntimezone = \"JST\"\nlanguage = \"Japanese\"\n\
                    [incident]\nstatus = \"responding\"\n";
        let problems = parse(text).unwrap_err();
        let lines: Vec<_> = problems.iter().map(|p| p.line).collect();
        assert_eq!(lines, vec![Some(3), Some(4)]);
    }

    #[test]
    fn a_base_url_is_a_folder_that_output_paths_join() {
        let base = BaseUrl::parse("https://example.jp/incident").unwrap();
        assert_eq!(base.as_str(), "https://example.jp/incident/");
        assert_eq!(base.url_of("index.html"), "https://example.jp/incident/");
        assert_eq!(
            base.url_of("en/announcements/a/index.html"),
            "https://example.jp/incident/en/announcements/a/"
        );
        assert_eq!(
            base.url_of("feed.xml"),
            "https://example.jp/incident/feed.xml"
        );
        assert_eq!(
            base.url_of("announcements/a/not-index.html"),
            "https://example.jp/incident/announcements/a/not-index.html"
        );
        for bad in [
            "example.jp",
            "ftp://example.jp/",
            "https://example.jp/?a=1",
            "/incident/",
        ] {
            assert!(BaseUrl::parse(bad).is_err(), "{bad} accepted");
        }
    }
}
